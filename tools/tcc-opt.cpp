//===- tcc-opt.cpp - mlir-opt with the tfm dialect and tcc passes ---------===//
//
// Every upstream dialect and pass is registered as well, so lit tests can
// run any stage of the lowering (tfm, linalg, bufferized memrefs, LLVM) and
// `tcc-opt --help` lists tcc's passes beside the ones they compose with.
//
//===----------------------------------------------------------------------===//
#include "dialects/tfm/TfmDialect.h"
#include "passes/Passes.h"
#include "targets/common/Passes.h"
#include "targets/cpu/CpuPipeline.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::registerAllPasses();
  tcc::registerAllTccPasses();
  tcc::registerTccTargetCommonPasses();
  tcc::registerCpuPipelines();
  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  registry.insert<tcc::tfm::TfmDialect>();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "tcc optimizer driver\n", registry));
}
