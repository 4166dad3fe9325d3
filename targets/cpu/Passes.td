//===- Passes.td - CPU code generation passes ---------------*- tablegen -*-===//
#ifndef TCC_TARGETS_CPU_PASSES_TD
#define TCC_TARGETS_CPU_PASSES_TD

include "mlir/Pass/PassBase.td"

def UseGemmUkernels : Pass<"tfm-use-gemm-ukernels", "::mlir::ModuleOp"> {
  let summary = "Call the runtime's GEMM microkernels for matmuls by constant weights";
  let description = [{
    Runs on bufferized IR. A `linalg.matmul` whose B operand is a constant
    global (a weight) and whose A and C have unit inner strides becomes a
    call to `tcc_gemm_f32_<isa>(M, N, K, A, lda, packedB, null, C, ldc, 1)`
    (accumulate: C already holds the bias or zeros). The weight is packed
    at compile time into the kernel's panel layout, by the same packing
    routine the runtime ships, into a new global; the unpacked global is
    dropped when nothing else reads it.
  }];
  let options = [
    Option<"isa", "isa", "std::string", "\"avx2\"",
           "microkernel ISA: generic, avx2 or avx512">
  ];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::func::FuncDialect",
                           "::mlir::memref::MemRefDialect"];
}

def UseCpuKernels : Pass<"tfm-use-cpu-kernels", "::mlir::ModuleOp"> {
  let summary = "Hand linear, attention, layer norm, softmax and GELU to the runtime's CPU kernels";
  let description = [{
    Runs on tfm before the linalg lowering. Each f32 `tfm.linear` /
    `tfm.fused_linear` by a constant weight, `tfm.attention`,
    `tfm.layer_norm`, last-axis `tfm.softmax` and `tfm.gelu` becomes a
    `tfm.kernel_call` of `tcc_<op>_f32_<isa>` (runtime/kernels) on buffers:
    inputs through `bufferization.to_memref`, outputs in `memref.alloc`s
    that the arena plan places. Linear weights are packed at compile time
    into the kernel's layout. Ops the kernels do not take are left alone.
  }];
  let options = [
    Option<"isa", "isa", "std::string", "\"avx2\"",
           "kernel ISA: generic, avx2 or avx512">,
    Option<"attentionKernels", "attention", "bool", "true",
           "fused tiled attention kernel (off: the linalg decomposition)">
  ];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::bufferization::BufferizationDialect",
                           "::mlir::memref::MemRefDialect",
                           "::tcc::tfm::TfmDialect"];
}

def TileForCache : Pass<"tfm-tile-for-cache", "::mlir::ModuleOp"> {
  let summary = "Choose the tiled kernels' tile sizes from the cache size and memory budget";
  let description = [{
    Sets `tfm.tile = array<i64: block_q, block_k>` on each tfm.attention:
    the kernel's default 64 x 256 tile (within the sequence), halved until
    one tile's working set fits half of `cache-bytes` and, with a
    `memory-budget`, its scratch a quarter of the budget.
  }];
  let options = [
    Option<"isa", "isa", "std::string", "\"avx2\"",
           "kernel ISA (sizes the GEMM packing scratch)">,
    Option<"cacheBytes", "cache-bytes", "int64_t", "1 << 20",
           "per-core cache the tile should fit (L2, or on-chip memory)">,
    Option<"memoryBudget", "memory-budget", "int64_t", "0",
           "on-chip memory budget in bytes (0: none)">
  ];
}

def MaterializeKernelCalls : Pass<"tfm-materialize-kernel-calls", "::mlir::ModuleOp"> {
  let summary = "Turn tfm.kernel_call on planned buffers into calls of the C kernels";
  let description = [{
    Runs after tfm-plan-memory. Each memref operand becomes its address
    (an `!llvm.ptr`, computed from the root buffer so arena views keep
    their offset) followed by its strides except the innermost, as i64;
    the call becomes a `func.call` of a private declaration with that
    signature.
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::func::FuncDialect",
                           "::mlir::memref::MemRefDialect"];
}

#endif // TCC_TARGETS_CPU_PASSES_TD
