//===- CpuPipeline.h - tfm -> LLVM dialect for CPU targets ------*- C++ -*-===//
#ifndef TCC_TARGETS_CPU_CPUPIPELINE_H
#define TCC_TARGETS_CPU_CPUPIPELINE_H

#include "mlir/Pass/PassManager.h"

#include <string>

namespace tcc {

/// tfm (raised) -> linalg on tensors -> bufferized memrefs in one static
/// arena -> loops -> LLVM dialect. `main` ends up taking bare pointers:
/// (inputs..., outputs..., arena) with `tfm.arena_size` on it.
struct CpuLoweringOptions {
  /// The runtime kernels generated code calls (generic, avx2, avx512, neon;
  /// empty: loops only).
  std::string kernelIsa;
  /// tfm.attention as the fused tiled kernel (off: linalg decomposition).
  bool attentionKernel = true;
  /// linalg-fuse-elementwise-ops: chains of elementwise ops in one loop.
  bool fuseElementwise = true;
  /// tfm-tile-for-cache: per-core cache and on-chip memory budget (0: none).
  int64_t cacheBytes = 1 << 20;
  int64_t memoryBudget = 0;
};

void buildCpuLoweringPipeline(mlir::OpPassManager &pm,
                              const CpuLoweringOptions &options = {});

/// Registers the pipeline as `tfm-lower-to-llvm` for tcc-opt.
void registerCpuPipelines();

} // namespace tcc

#endif // TCC_TARGETS_CPU_CPUPIPELINE_H
