//===- Passes.td - tcc passes on the tfm dialect ------------*- tablegen -*-===//
#ifndef TCC_PASSES_TD
#define TCC_PASSES_TD

include "mlir/Pass/PassBase.td"

def RaiseLinear : Pass<"tfm-raise-linear"> {
  let summary = "Raise matmul by a constant weight (+ bias add) to tfm.linear";
  let description = [{
    `add(matmul(x, W), b)` with a constant rank-2 `W` and a bias that
    broadcasts along the last dimension only becomes `tfm.linear(x, W, b)`;
    a bare `matmul(x, W)` becomes a bias-less `tfm.linear`.
  }];
  let dependentDialects = ["::tcc::tfm::TfmDialect"];
}

def RaiseLayerNorm : Pass<"tfm-raise-layer-norm"> {
  let summary = "Raise the decomposed LayerNorm subgraph to tfm.layer_norm";
  let description = [{
    Recognises `(x - mean(x)) / sqrt(mean((x - mean(x))^2) + eps)` over a
    contiguous range of trailing axes (`axis` = the first reduced one) in the
    forms exporters write: the square as `pow(d, 2)` or `d * d`, the division
    as `d / sqrt(..)` or `d * rsqrt(..)`, `d * reciprocal(sqrt(..))`,
    `d * (1 / sqrt(..))`; eps (>= 0, or absent) is taken from the model.
    A following `* gamma` and `+ beta` fold into `scale`/`bias` when they are
    constants that vary only along the normalized dims (reshaped/broadcast to
    that shape); otherwise the layer norm stops before them. Intermediate
    values used outside the subgraph leave it alone.
  }];
  let dependentDialects = ["::tcc::tfm::TfmDialect"];
}

def RaiseGelu : Pass<"tfm-raise-gelu"> {
  let summary = "Raise the erf and tanh GELU subgraphs to tfm.gelu";
  let description = [{
    Matches `0.5 * x * (1 + erf(x / sqrt(2)))` and
    `0.5 * x * (1 + tanh(sqrt(2/pi) * (x + 0.044715 * x^3)))` in any order of
    the multiplications (Mul or Div by constants, x^3 as pow(x, 3) or
    products), with every constant within 1e-4 (relative) of its exact value.
    Intermediate values used outside the subgraph leave it alone.
  }];
  let dependentDialects = ["::tcc::tfm::TfmDialect"];
}

def RaiseAttention : Pass<"tfm-raise-attention"> {
  let summary = "Raise softmax(q k^T * s + mask) v to tfm.attention";
  let description = [{
    Step 1 recognises `matmul(softmax(s * matmul(q, kT) [+ mask]), v)` with
    the softmax over the last axis and broadcast-free batch dims. Uniform
    constant Mul/Div on the scores, on q and on kT multiply into `scale`.
    The mask is an additive operand that broadcasts to the scores, or a
    `select(cond, fill, scores)` (either branch order) rewritten into the
    additive mask `cond ? fill : 0` (a constant for a constant cond); a
    finite fill must be <= -1e4 and leave every row of a constant cond an
    unmasked element, -inf is always exact. kT is expressed as K: through
    the transpose that produced it (composing permutations) or with an
    inserted transpose. Heads stay in the batch dims (num_heads = 1).
    Step 2 folds `transpose(reshape(x [.., S, H*D]))` head splits of q, k
    and v and the `reshape(transpose(..))` head merge into `num_heads = H`
    on the packed tensors. Scores or probabilities used elsewhere leave the
    graph alone.
  }];
  let dependentDialects = ["::tcc::tfm::TfmDialect"];
}

def FuseLinearEpilogue : Pass<"tfm-fuse-linear-epilogue"> {
  let summary = "Fold a linear layer's activation and residual add into tfm.fused_linear";
  let description = [{
    `gelu|relu(linear(x, W, b))` and `add(linear(...), r)` (r of the
    result's type, the inner result used only there) become one
    `tfm.fused_linear`, whose activation and residual the CPU target
    applies to each GEMM block while it is in cache. Exact: the same
    operations in the same order per element.
  }];
  let dependentDialects = ["::tcc::tfm::TfmDialect"];
}

def ConvToGemm : Pass<"tfm-conv-to-gemm"> {
  let summary = "Rewrite conv2d by a constant weight as im2col + tfm.linear";
  let description = [{
    Patchify convolutions (kernel == stride, no dilation) reshape and
    transpose the input into the column matrix; others gather one strided
    slice per kernel tap after zero padding. The weight is transposed at
    compile time to [C*KH*KW, F] and the product transposed back to NCHW.
    Exact up to the summation order. Grouped convolutions are left alone.
  }];
  let options = [
    Option<"maxColumnsBytes", "max-columns-bytes", "int64_t", "64 << 20",
           "largest im2col matrix (bytes) of a non-patchify convolution">
  ];
  let dependentDialects = ["::tcc::tfm::TfmDialect"];
}

def PlanMemory : Pass<"tfm-plan-memory", "::mlir::func::FuncOp"> {
  let summary = "Place every buffer in one static arena with liveness-based reuse";
  let description = [{
    Runs on bufferized functions: each static `memref.alloc` in the top-level
    block becomes a `memref.view` into a `memref<N x i8>` arena argument
    appended to the function. Buffers whose live ranges (allocation to last
    use of the buffer or of any view of it) do not overlap share bytes. The
    arena size is recorded as `tfm.arena_size` on the function and module.
  }];
  let options = [
    Option<"alignment", "alignment", "int64_t", "64",
           "byte alignment of every buffer in the arena">
  ];
  let dependentDialects = ["::mlir::memref::MemRefDialect",
                           "::mlir::arith::ArithDialect"];
}

#endif // TCC_PASSES_TD
