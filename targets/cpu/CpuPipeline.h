//===- CpuPipeline.h - tfm -> LLVM dialect for CPU targets ------*- C++ -*-===//
#ifndef TCC_TARGETS_CPU_CPUPIPELINE_H
#define TCC_TARGETS_CPU_CPUPIPELINE_H

#include "mlir/Pass/PassManager.h"

#include <string>

namespace tcc {

/// tfm (raised) -> linalg on tensors -> bufferized memrefs in one static
/// arena -> loops -> LLVM dialect. `main` ends up taking bare pointers:
/// (inputs..., outputs..., arena) with `tfm.arena_size` on it.
/// `gemmIsa` picks the runtime GEMM microkernels weight matmuls call
/// (generic, avx2, avx512; empty: loops only).
void buildCpuLoweringPipeline(mlir::OpPassManager &pm,
                              const std::string &gemmIsa = "");

/// Registers the pipeline as `tfm-lower-to-llvm` for tcc-opt.
void registerCpuPipelines();

} // namespace tcc

#endif // TCC_TARGETS_CPU_CPUPIPELINE_H
