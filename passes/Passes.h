//===- Passes.h - tcc passes on the tfm dialect -----------------*- C++ -*-===//
#ifndef TCC_PASSES_PASSES_H
#define TCC_PASSES_PASSES_H

#include "dialects/tfm/TfmOps.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassManager.h"

namespace tcc {

#define GEN_PASS_DECL
#include "passes/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "passes/Passes.h.inc"

/// Adds the raising pipeline (canonicalize, then every raise pass, then
/// canonicalize/CSE) that turns imported primitives into transformer ops.
void buildRaisePipeline(mlir::OpPassManager &pm);

/// Registers every tcc pass and the named pipelines with the global registry.
void registerAllTccPasses();

} // namespace tcc

#endif // TCC_PASSES_PASSES_H
