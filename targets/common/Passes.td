//===- Passes.td - target-independent lowering passes -------*- tablegen -*-===//
#ifndef TCC_TARGETS_COMMON_PASSES_TD
#define TCC_TARGETS_COMMON_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertTfmToLinalg : Pass<"convert-tfm-to-linalg", "::mlir::ModuleOp"> {
  let summary = "Lower every tfm op to linalg/tensor/arith/math on tensors";
  let description = [{
    First stage of code generation for every target (x86-64, AArch64, CUDA).
    Every tfm op becomes linalg-on-tensors: named linalg ops where one is
    exact (matmul, batch_matmul, transpose, conv_2d_nchw_fchw,
    conv_2d_ngchw_gfchw, pooling_nchw_max/sum, fill, broadcast) and
    `linalg.generic` with explicit indexing maps elsewhere (numpy
    broadcasting, strided slices, reductions), plus `tensor` reshapes,
    slices and pads. `tfm.constant` becomes `arith.constant` with the same
    attribute, so `dense_resource` weights stay blobs.

    The result uses only the linalg, tensor, arith, math and func dialects on
    static tensors and is accepted by
    `one-shot-bufferize{bufferize-function-boundaries}`. The conversion is a
    full conversion with the tfm dialect illegal: an op that no pattern
    lowers is an error at that op, never left behind.

    Semantics follow ONNX/numpy: integer division truncates toward zero
    (division by zero yields 0 instead of trapping), float max/min/relu
    propagate NaN, `round` is half-to-even, gather wraps negative indices
    and clamps out-of-range ones. For 16-bit floats, softmax, layer_norm and
    reductions accumulate in f32 and transcendental functions (exp, erf,
    tanh, ...) evaluate in f32, rounding once at the end.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::func::FuncDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

def CopyReturnedValues : Pass<"tfm-copy-returned-values", "::mlir::func::FuncOp"> {
  let summary = "Give every function result a tensor the function computes";
  let description = [{
    Results become caller-provided output buffers after bufferization
    (buffer-results-to-out-params). A result that is a function argument, a
    constant, or a value returned twice has no computation that could write
    that buffer, so this pass returns a `linalg.copy` of it into a fresh
    `tensor.empty` instead. Runs on linalg-on-tensors, before bufferization.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect",
                           "::mlir::tensor::TensorDialect"];
}

#endif // TCC_TARGETS_COMMON_PASSES_TD
