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
    Recognises `(x - mean(x)) / sqrt(mean((x - mean(x))^2) + eps) * g + b`
    over trailing axes in the forms exporters write (Pow or Mul for the
    square, Div by Sqrt or Mul by Rsqrt/Reciprocal, optional affine).
  }];
  let dependentDialects = ["::tcc::tfm::TfmDialect"];
}

def RaiseGelu : Pass<"tfm-raise-gelu"> {
  let summary = "Raise the erf and tanh GELU subgraphs to tfm.gelu";
  let description = [{
    Matches `0.5 * x * (1 + erf(x / sqrt(2)))` and
    `0.5 * x * (1 + tanh(sqrt(2/pi) * (x + 0.044715 * x^3)))` in any order of
    the multiplications and with constants within float tolerance.
  }];
  let dependentDialects = ["::tcc::tfm::TfmDialect"];
}

def RaiseAttention : Pass<"tfm-raise-attention"> {
  let summary = "Raise softmax(q k^T * s + mask) v to tfm.attention";
  let description = [{
    Recognises the scaled dot-product core (scale on q, on k or on the scores,
    by Mul or Div; optional additive mask) and then folds the head
    split/merge reshapes and transposes around it into `num_heads`.
  }];
  let dependentDialects = ["::tcc::tfm::TfmDialect"];
}

#endif // TCC_PASSES_TD
