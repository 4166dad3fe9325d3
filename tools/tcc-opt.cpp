//===- tcc-opt.cpp - mlir-opt with the tfm dialect and tcc passes ---------===//
#include "dialects/tfm/TfmDialect.h"
#include "passes/Passes.h"
#include "targets/common/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"

int main(int argc, char **argv) {
  mlir::registerTransformsPasses();
  tcc::registerAllTccPasses();
  tcc::registerTccTargetCommonPasses();
  mlir::DialectRegistry registry;
  registry.insert<tcc::tfm::TfmDialect, mlir::func::FuncDialect>();
  // What convert-tfm-to-linalg produces, so its output parses back.
  registry.insert<mlir::arith::ArithDialect, mlir::linalg::LinalgDialect,
                  mlir::math::MathDialect, mlir::tensor::TensorDialect>();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "tcc optimizer driver\n", registry));
}
