//===- Pipeline.h - which passes run for which flags ------------*- C++ -*-===//
#ifndef TCC_COMPILER_PIPELINE_H
#define TCC_COMPILER_PIPELINE_H

#include "mlir/IR/BuiltinOps.h"

#include <string>

namespace tcc {

struct PipelineOptions {
  /// Raise imported primitives to transformer ops (off: show the import).
  bool raise = true;
  /// tfm-fuse-linear-epilogue (activation and residual into the linear).
  bool fuseLinearEpilogue = false;
};

/// Runs the tfm-level pipeline on an imported module. Returns false and sets
/// `error` when a pass fails or the result does not verify (an internal
/// error: the importer produced valid IR).
bool runTfmPipeline(mlir::ModuleOp module, const PipelineOptions &options,
                    std::string &error);

} // namespace tcc

#endif // TCC_COMPILER_PIPELINE_H
