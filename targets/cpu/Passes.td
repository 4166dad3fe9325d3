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

#endif // TCC_TARGETS_CPU_PASSES_TD
