//===- Pipeline.cpp - which passes run for which flags ---------------------===//
#include "compiler/Pipeline.h"
#include "passes/Passes.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"

namespace tcc {

bool runTfmPipeline(mlir::ModuleOp module, const PipelineOptions &options,
                    std::string &error) {
  mlir::PassManager pm(module.getContext());
  if (options.raise) {
    buildRaisePipeline(pm);
    if (options.fuseLinearEpilogue)
      pm.addPass(createFuseLinearEpilogue());
  } else
    pm.addPass(mlir::createCanonicalizerPass());

  // Collect the first diagnostic as the one-line message instead of letting
  // MLIR print multi-line notes to stderr.
  mlir::ScopedDiagnosticHandler handler(
      module.getContext(), [&](mlir::Diagnostic &diag) {
        if (error.empty() && diag.getSeverity() == mlir::DiagnosticSeverity::Error)
          error = diag.str();
        return mlir::success();
      });
  if (mlir::failed(pm.run(module)) || mlir::failed(mlir::verify(module))) {
    if (error.empty())
      error = "the tfm pipeline failed";
    return false;
  }
  return true;
}

} // namespace tcc
