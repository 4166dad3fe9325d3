// Verifier errors of tfm.layer_norm, tfm.batch_norm, tfm.softmax, tfm.gelu
// and tfm.attention: one case per failure path of their result-type
// inference, the ODS type constraints, and wrong written result types.
//
// RUN: tcc-opt %s -split-input-file -verify-diagnostics

//===----------------------------------------------------------------------===//
// tfm.layer_norm
//===----------------------------------------------------------------------===//

func.func @layer_norm_axis_too_large(%x: tensor<2x3x4xf32>) {
  // expected-error @+2 {{axis 3 is out of range for rank 3}}
  // expected-error @+1 {{'tfm.layer_norm' op failed to infer returned types}}
  %0 = tfm.layer_norm %x {axis = 3 : i64, epsilon = 1.0e-5 : f32} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return
}

// -----

func.func @layer_norm_negative_axis(%x: tensor<2x3x4xf32>) {
  // expected-error @+2 {{axis -1 is out of range for rank 3}}
  // expected-error @+1 {{'tfm.layer_norm' op failed to infer returned types}}
  %0 = tfm.layer_norm %x {axis = -1 : i64, epsilon = 1.0e-5 : f32} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return
}

// -----

// A rank-0 input has no dimension to normalise over.
func.func @layer_norm_rank0(%x: tensor<f32>) {
  // expected-error @+2 {{axis 0 is out of range for rank 0}}
  // expected-error @+1 {{'tfm.layer_norm' op failed to infer returned types}}
  %0 = tfm.layer_norm %x {axis = 0 : i64, epsilon = 1.0e-5 : f32} : (tensor<f32>) -> tensor<f32>
  return
}

// -----

func.func @layer_norm_negative_epsilon(%x: tensor<2x3x4xf32>) {
  // expected-error @+2 {{epsilon must be >= 0}}
  // expected-error @+1 {{'tfm.layer_norm' op failed to infer returned types}}
  %0 = tfm.layer_norm %x {axis = 2 : i64, epsilon = -1.0e-5 : f32} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return
}

// -----

func.func @layer_norm_scale_shape(%x: tensor<2x3x4xf32>, %s: tensor<4xf32>) {
  // expected-error @+2 {{scale and bias must have the normalized shape [3, 4]}}
  // expected-error @+1 {{'tfm.layer_norm' op failed to infer returned types}}
  %0 = tfm.layer_norm %x scale %s {axis = 1 : i64, epsilon = 1.0e-5 : f32} : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
  return
}

// -----

func.func @layer_norm_bias_shape(%x: tensor<2x3x4xf32>, %s: tensor<4xf32>, %b: tensor<1x4xf32>) {
  // expected-error @+2 {{scale and bias must have the normalized shape [4]}}
  // expected-error @+1 {{'tfm.layer_norm' op failed to infer returned types}}
  %0 = tfm.layer_norm %x scale %s bias %b {axis = 2 : i64, epsilon = 1.0e-5 : f32} : (tensor<2x3x4xf32>, tensor<4xf32>, tensor<1x4xf32>) -> tensor<2x3x4xf32>
  return
}

// -----

func.func @layer_norm_bias_only_shape(%x: tensor<2x3x4xf32>, %b: tensor<3xf32>) {
  // expected-error @+2 {{scale and bias must have the normalized shape [4]}}
  // expected-error @+1 {{'tfm.layer_norm' op failed to infer returned types}}
  %0 = tfm.layer_norm %x bias %b {axis = 2 : i64, epsilon = 1.0e-5 : f32} : (tensor<2x3x4xf32>, tensor<3xf32>) -> tensor<2x3x4xf32>
  return
}

// -----

func.func @layer_norm_scale_element_type(%x: tensor<2x3x4xf32>, %s: tensor<4xf16>) {
  // expected-error @+2 {{scale and bias element types differ from the input's}}
  // expected-error @+1 {{'tfm.layer_norm' op failed to infer returned types}}
  %0 = tfm.layer_norm %x scale %s {axis = 2 : i64, epsilon = 1.0e-5 : f32} : (tensor<2x3x4xf32>, tensor<4xf16>) -> tensor<2x3x4xf32>
  return
}

// -----

func.func @layer_norm_wrong_result(%x: tensor<2x3x4xf32>) {
  // expected-error @+2 {{'tfm.layer_norm' op inferred type(s) 'tensor<2x3x4xf32>' are incompatible with return type(s) of operation 'tensor<2x3xf32>'}}
  // expected-error @+1 {{'tfm.layer_norm' op failed to infer returned types}}
  %0 = tfm.layer_norm %x {axis = 2 : i64, epsilon = 1.0e-5 : f32} : (tensor<2x3x4xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @layer_norm_missing_epsilon(%x: tensor<2x3x4xf32>) {
  // expected-error @+1 {{'tfm.layer_norm' op requires attribute 'epsilon'}}
  %0 = tfm.layer_norm %x {axis = 2 : i64} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return
}

// -----

func.func @layer_norm_integer(%x: tensor<2x3x4xi32>) {
  // expected-error @+1 {{'tfm.layer_norm' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<2x3x4xi32>'}}
  %0 = tfm.layer_norm %x {axis = 2 : i64, epsilon = 1.0e-5 : f32} : (tensor<2x3x4xi32>) -> tensor<2x3x4xi32>
  return
}

// -----

func.func @layer_norm_dynamic(%x: tensor<2x?x4xf32>) {
  // expected-error @+1 {{'tfm.layer_norm' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<2x?x4xf32>'}}
  %0 = tfm.layer_norm %x {axis = 2 : i64, epsilon = 1.0e-5 : f32} : (tensor<2x?x4xf32>) -> tensor<2x?x4xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// tfm.batch_norm
//===----------------------------------------------------------------------===//

func.func @batch_norm_rank1(%x: tensor<3xf32>, %p: tensor<3xf32>) {
  // expected-error @+2 {{input must have rank >= 2 (channels in dimension 1)}}
  // expected-error @+1 {{'tfm.batch_norm' op failed to infer returned types}}
  %0 = tfm.batch_norm %x, %p, %p, %p, %p {epsilon = 1.0e-5 : f32} : (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @batch_norm_negative_epsilon(%x: tensor<2x3x4x4xf32>, %p: tensor<3xf32>) {
  // expected-error @+2 {{epsilon must be >= 0}}
  // expected-error @+1 {{'tfm.batch_norm' op failed to infer returned types}}
  %0 = tfm.batch_norm %x, %p, %p, %p, %p {epsilon = -1.0e-5 : f32} : (tensor<2x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x4x4xf32>
  return
}

// -----

func.func @batch_norm_param_size(%x: tensor<2x3x4x4xf32>, %p: tensor<3xf32>, %v: tensor<4xf32>) {
  // expected-error @+2 {{scale, bias, mean and variance must be rank 1 of size 3}}
  // expected-error @+1 {{'tfm.batch_norm' op failed to infer returned types}}
  %0 = tfm.batch_norm %x, %p, %p, %p, %v {epsilon = 1.0e-5 : f32} : (tensor<2x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<4xf32>) -> tensor<2x3x4x4xf32>
  return
}

// -----

func.func @batch_norm_param_rank(%x: tensor<2x3x4x4xf32>, %p: tensor<3xf32>, %s: tensor<1x3xf32>) {
  // expected-error @+2 {{scale, bias, mean and variance must be rank 1 of size 3}}
  // expected-error @+1 {{'tfm.batch_norm' op failed to infer returned types}}
  %0 = tfm.batch_norm %x, %s, %p, %p, %p {epsilon = 1.0e-5 : f32} : (tensor<2x3x4x4xf32>, tensor<1x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x4x4xf32>
  return
}

// -----

func.func @batch_norm_param_element_type(%x: tensor<2x3x4x4xf32>, %p: tensor<3xf32>, %m: tensor<3xf16>) {
  // expected-error @+2 {{parameter element types differ from the input's}}
  // expected-error @+1 {{'tfm.batch_norm' op failed to infer returned types}}
  %0 = tfm.batch_norm %x, %p, %p, %m, %p {epsilon = 1.0e-5 : f32} : (tensor<2x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf16>, tensor<3xf32>) -> tensor<2x3x4x4xf32>
  return
}

// -----

func.func @batch_norm_wrong_result(%x: tensor<2x3x4x4xf32>, %p: tensor<3xf32>) {
  // expected-error @+2 {{'tfm.batch_norm' op inferred type(s) 'tensor<2x3x4x4xf32>' are incompatible with return type(s) of operation 'tensor<2x3x4x4xf16>'}}
  // expected-error @+1 {{'tfm.batch_norm' op failed to infer returned types}}
  %0 = tfm.batch_norm %x, %p, %p, %p, %p {epsilon = 1.0e-5 : f32} : (tensor<2x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x4x4xf16>
  return
}

// -----

func.func @batch_norm_missing_operand(%x: tensor<2x3x4x4xf32>, %p: tensor<3xf32>) {
  // expected-error @+1 {{'tfm.batch_norm' op expected 5 operands, but found 4}}
  %0 = "tfm.batch_norm"(%x, %p, %p, %p) <{epsilon = 1.0e-5 : f32}> : (tensor<2x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x4x4xf32>
  return
}

// -----

func.func @batch_norm_integer(%x: tensor<2x3x4x4xi32>, %p: tensor<3xi32>) {
  // expected-error @+1 {{'tfm.batch_norm' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<2x3x4x4xi32>'}}
  %0 = tfm.batch_norm %x, %p, %p, %p, %p {epsilon = 1.0e-5 : f32} : (tensor<2x3x4x4xi32>, tensor<3xi32>, tensor<3xi32>, tensor<3xi32>, tensor<3xi32>) -> tensor<2x3x4x4xi32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// tfm.softmax
//===----------------------------------------------------------------------===//

func.func @softmax_axis_too_large(%x: tensor<2x8xf32>) {
  // expected-error @+2 {{axis 2 is out of range for rank 2}}
  // expected-error @+1 {{'tfm.softmax' op failed to infer returned types}}
  %0 = tfm.softmax %x {axis = 2 : i64} : (tensor<2x8xf32>) -> tensor<2x8xf32>
  return
}

// -----

// Axes are normalised to be non-negative before they reach the dialect.
func.func @softmax_negative_axis(%x: tensor<2x8xf32>) {
  // expected-error @+2 {{axis -1 is out of range for rank 2}}
  // expected-error @+1 {{'tfm.softmax' op failed to infer returned types}}
  %0 = tfm.softmax %x {axis = -1 : i64} : (tensor<2x8xf32>) -> tensor<2x8xf32>
  return
}

// -----

func.func @softmax_rank0(%x: tensor<f32>) {
  // expected-error @+2 {{axis 0 is out of range for rank 0}}
  // expected-error @+1 {{'tfm.softmax' op failed to infer returned types}}
  %0 = tfm.softmax %x {axis = 0 : i64} : (tensor<f32>) -> tensor<f32>
  return
}

// -----

func.func @softmax_wrong_result(%x: tensor<2x8xf32>) {
  // expected-error @+2 {{'tfm.softmax' op inferred type(s) 'tensor<2x8xf32>' are incompatible with return type(s) of operation 'tensor<2x9xf32>'}}
  // expected-error @+1 {{'tfm.softmax' op failed to infer returned types}}
  %0 = tfm.softmax %x {axis = 1 : i64} : (tensor<2x8xf32>) -> tensor<2x9xf32>
  return
}

// -----

func.func @softmax_integer(%x: tensor<2x8xi32>) {
  // expected-error @+1 {{'tfm.softmax' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<2x8xi32>'}}
  %0 = tfm.softmax %x {axis = 1 : i64} : (tensor<2x8xi32>) -> tensor<2x8xi32>
  return
}

// -----

func.func @softmax_axis_type(%x: tensor<2x8xf32>) {
  // expected-error @+1 {{'tfm.softmax' op attribute 'axis' failed to satisfy constraint: 64-bit signless integer attribute}}
  %0 = tfm.softmax %x {axis = 1 : i32} : (tensor<2x8xf32>) -> tensor<2x8xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// tfm.gelu
//===----------------------------------------------------------------------===//

func.func @gelu_wrong_result(%x: tensor<2x8xf32>) {
  // expected-error @+2 {{'tfm.gelu' op inferred type(s) 'tensor<2x8xf32>' are incompatible with return type(s) of operation 'tensor<8x2xf32>'}}
  // expected-error @+1 {{'tfm.gelu' op failed to infer returned types}}
  %0 = tfm.gelu %x {approximate = #tfm.gelu_approx<none>} : (tensor<2x8xf32>) -> tensor<8x2xf32>
  return
}

// -----

func.func @gelu_integer(%x: tensor<2x8xi32>) {
  // expected-error @+1 {{'tfm.gelu' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<2x8xi32>'}}
  %0 = tfm.gelu %x {approximate = #tfm.gelu_approx<none>} : (tensor<2x8xi32>) -> tensor<2x8xi32>
  return
}

// -----

func.func @gelu_unranked(%x: tensor<*xf32>) {
  // expected-error @+1 {{'tfm.gelu' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<*xf32>'}}
  %0 = tfm.gelu %x {approximate = #tfm.gelu_approx<tanh>} : (tensor<*xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @gelu_missing_approximation(%x: tensor<2x8xf32>) {
  // expected-error @+1 {{'tfm.gelu' op requires attribute 'approximate'}}
  %0 = tfm.gelu %x : (tensor<2x8xf32>) -> tensor<2x8xf32>
  return
}

// -----

func.func @gelu_approximation_type(%x: tensor<2x8xf32>) {
  // expected-error @+1 {{'tfm.gelu' op attribute 'approximate' failed to satisfy constraint: how GELU evaluates the normal CDF}}
  %0 = tfm.gelu %x {approximate = #tfm.pad_mode<edge>} : (tensor<2x8xf32>) -> tensor<2x8xf32>
  return
}

// -----

func.func @gelu_unknown_approximation(%x: tensor<2x8xf32>) {
  // expected-error @+2 {{expected ::tcc::tfm::GeluApproximation to be one of: none, tanh}}
  // expected-error @+1 {{failed to parse Tfm_GeluApproximationAttr parameter 'value'}}
  %0 = tfm.gelu %x {approximate = #tfm.gelu_approx<fast>} : (tensor<2x8xf32>) -> tensor<2x8xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// tfm.attention
//===----------------------------------------------------------------------===//

func.func @attention_rank1(%q: tensor<8xf32>) {
  // expected-error @+2 {{query must have rank >= 2 ([batch..., Sq, H*D])}}
  // expected-error @+1 {{'tfm.attention' op failed to infer returned types}}
  %0 = tfm.attention %q, %q, %q {num_heads = 1 : i64, scale = 1.0 : f32} : (tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  return
}

// -----

func.func @attention_ranks(%q: tensor<2x5x8xf32>, %k: tensor<7x8xf32>, %v: tensor<2x7x8xf32>) {
  // expected-error @+2 {{query, key and value must have the same rank}}
  // expected-error @+1 {{'tfm.attention' op failed to infer returned types}}
  %0 = tfm.attention %q, %k, %v {num_heads = 1 : i64, scale = 1.0 : f32} : (tensor<2x5x8xf32>, tensor<7x8xf32>, tensor<2x7x8xf32>) -> tensor<2x5x8xf32>
  return
}

// -----

func.func @attention_value_rank(%q: tensor<2x5x8xf32>, %k: tensor<2x7x8xf32>, %v: tensor<1x2x7x8xf32>) {
  // expected-error @+2 {{query, key and value must have the same rank}}
  // expected-error @+1 {{'tfm.attention' op failed to infer returned types}}
  %0 = tfm.attention %q, %k, %v {num_heads = 1 : i64, scale = 1.0 : f32} : (tensor<2x5x8xf32>, tensor<2x7x8xf32>, tensor<1x2x7x8xf32>) -> tensor<2x5x8xf32>
  return
}

// -----

func.func @attention_element_types(%q: tensor<5x8xf32>, %k: tensor<7x8xf32>, %v: tensor<7x8xf16>) {
  // expected-error @+2 {{query, key and value element types differ}}
  // expected-error @+1 {{'tfm.attention' op failed to infer returned types}}
  %0 = tfm.attention %q, %k, %v {num_heads = 1 : i64, scale = 1.0 : f32} : (tensor<5x8xf32>, tensor<7x8xf32>, tensor<7x8xf16>) -> tensor<5x8xf32>
  return
}

// -----

func.func @attention_batch(%q: tensor<2x5x8xf32>, %k: tensor<3x7x8xf32>, %v: tensor<3x7x8xf32>) {
  // expected-error @+2 {{query, key and value batch dimensions differ}}
  // expected-error @+1 {{'tfm.attention' op failed to infer returned types}}
  %0 = tfm.attention %q, %k, %v {num_heads = 1 : i64, scale = 1.0 : f32} : (tensor<2x5x8xf32>, tensor<3x7x8xf32>, tensor<3x7x8xf32>) -> tensor<2x5x8xf32>
  return
}

// -----

// Batch dimensions must be identical: attention does not broadcast them.
func.func @attention_batch_no_broadcast(%q: tensor<2x5x8xf32>, %k: tensor<2x7x8xf32>, %v: tensor<1x7x8xf32>) {
  // expected-error @+2 {{query, key and value batch dimensions differ}}
  // expected-error @+1 {{'tfm.attention' op failed to infer returned types}}
  %0 = tfm.attention %q, %k, %v {num_heads = 1 : i64, scale = 1.0 : f32} : (tensor<2x5x8xf32>, tensor<2x7x8xf32>, tensor<1x7x8xf32>) -> tensor<2x5x8xf32>
  return
}

// -----

func.func @attention_num_heads(%q: tensor<5x8xf32>, %k: tensor<7x8xf32>) {
  // expected-error @+2 {{num_heads must be >= 1}}
  // expected-error @+1 {{'tfm.attention' op failed to infer returned types}}
  %0 = tfm.attention %q, %k, %k {num_heads = 0 : i64, scale = 1.0 : f32} : (tensor<5x8xf32>, tensor<7x8xf32>, tensor<7x8xf32>) -> tensor<5x8xf32>
  return
}

// -----

func.func @attention_sequence_lengths(%q: tensor<5x8xf32>, %k: tensor<7x8xf32>, %v: tensor<6x8xf32>) {
  // expected-error @+2 {{key and value sequence lengths differ: 7 vs 6}}
  // expected-error @+1 {{'tfm.attention' op failed to infer returned types}}
  %0 = tfm.attention %q, %k, %v {num_heads = 1 : i64, scale = 1.0 : f32} : (tensor<5x8xf32>, tensor<7x8xf32>, tensor<6x8xf32>) -> tensor<5x8xf32>
  return
}

// -----

func.func @attention_feature_sizes(%q: tensor<5x8xf32>, %k: tensor<7x6xf32>, %v: tensor<7x8xf32>) {
  // expected-error @+2 {{query and key feature sizes differ: 8 vs 6}}
  // expected-error @+1 {{'tfm.attention' op failed to infer returned types}}
  %0 = tfm.attention %q, %k, %v {num_heads = 1 : i64, scale = 1.0 : f32} : (tensor<5x8xf32>, tensor<7x6xf32>, tensor<7x8xf32>) -> tensor<5x8xf32>
  return
}

// -----

func.func @attention_heads_divide_query(%q: tensor<5x8xf32>, %v: tensor<7x6xf32>, %k: tensor<7x8xf32>) {
  // expected-error @+2 {{feature sizes must be divisible by num_heads 3}}
  // expected-error @+1 {{'tfm.attention' op failed to infer returned types}}
  %0 = tfm.attention %q, %k, %v {num_heads = 3 : i64, scale = 1.0 : f32} : (tensor<5x8xf32>, tensor<7x8xf32>, tensor<7x6xf32>) -> tensor<5x6xf32>
  return
}

// -----

func.func @attention_heads_divide_value(%q: tensor<5x8xf32>, %k: tensor<7x8xf32>, %v: tensor<7x6xf32>) {
  // expected-error @+2 {{feature sizes must be divisible by num_heads 4}}
  // expected-error @+1 {{'tfm.attention' op failed to infer returned types}}
  %0 = tfm.attention %q, %k, %v {num_heads = 4 : i64, scale = 1.0 : f32} : (tensor<5x8xf32>, tensor<7x8xf32>, tensor<7x6xf32>) -> tensor<5x6xf32>
  return
}

// -----

func.func @attention_mask_element_type(%q: tensor<5x8xf32>, %k: tensor<7x8xf32>, %m: tensor<5x7xi1>) {
  // expected-error @+1 {{'tfm.attention' op operand #3 must be statically shaped tensor of floating-point values, but got 'tensor<5x7xi1>'}}
  %0 = tfm.attention %q, %k, %k, %m {num_heads = 1 : i64, scale = 1.0 : f32} : (tensor<5x8xf32>, tensor<7x8xf32>, tensor<7x8xf32>, tensor<5x7xi1>) -> tensor<5x8xf32>
  return
}

// -----

func.func @attention_mask_float_type(%q: tensor<5x8xf32>, %k: tensor<7x8xf32>, %m: tensor<5x7xf16>) {
  // expected-error @+2 {{mask must be a tensor of the query's element type}}
  // expected-error @+1 {{'tfm.attention' op failed to infer returned types}}
  %0 = tfm.attention %q, %k, %k, %m {num_heads = 1 : i64, scale = 1.0 : f32} : (tensor<5x8xf32>, tensor<7x8xf32>, tensor<7x8xf32>, tensor<5x7xf16>) -> tensor<5x8xf32>
  return
}

// -----

func.func @attention_mask_shape(%q: tensor<2x5x8xf32>, %k: tensor<2x7x8xf32>, %m: tensor<5x6xf32>) {
  // expected-error @+2 {{mask 'tensor<5x6xf32>' does not broadcast to scores [2, 4, 5, 7]}}
  // expected-error @+1 {{'tfm.attention' op failed to infer returned types}}
  %0 = tfm.attention %q, %k, %k, %m {num_heads = 4 : i64, scale = 1.0 : f32} : (tensor<2x5x8xf32>, tensor<2x7x8xf32>, tensor<2x7x8xf32>, tensor<5x6xf32>) -> tensor<2x5x8xf32>
  return
}

// -----

// The mask broadcasts to the scores, never the other way round.
func.func @attention_mask_rank(%q: tensor<5x8xf32>, %k: tensor<7x8xf32>, %m: tensor<3x1x5x7xf32>) {
  // expected-error @+2 {{mask 'tensor<3x1x5x7xf32>' does not broadcast to scores [1, 5, 7]}}
  // expected-error @+1 {{'tfm.attention' op failed to infer returned types}}
  %0 = tfm.attention %q, %k, %k, %m {num_heads = 1 : i64, scale = 1.0 : f32} : (tensor<5x8xf32>, tensor<7x8xf32>, tensor<7x8xf32>, tensor<3x1x5x7xf32>) -> tensor<5x8xf32>
  return
}

// -----

func.func @attention_wrong_result(%q: tensor<2x5x8xf32>, %k: tensor<2x7x8xf32>, %v: tensor<2x7x12xf32>) {
  // expected-error @+2 {{'tfm.attention' op inferred type(s) 'tensor<2x5x12xf32>' are incompatible with return type(s) of operation 'tensor<2x5x8xf32>'}}
  // expected-error @+1 {{'tfm.attention' op failed to infer returned types}}
  %0 = tfm.attention %q, %k, %v {num_heads = 4 : i64, scale = 1.0 : f32} : (tensor<2x5x8xf32>, tensor<2x7x8xf32>, tensor<2x7x12xf32>) -> tensor<2x5x8xf32>
  return
}

// -----

func.func @attention_integer(%q: tensor<5x8xi32>) {
  // expected-error @+1 {{'tfm.attention' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<5x8xi32>'}}
  %0 = tfm.attention %q, %q, %q {num_heads = 1 : i64, scale = 1.0 : f32} : (tensor<5x8xi32>, tensor<5x8xi32>, tensor<5x8xi32>) -> tensor<5x8xi32>
  return
}

// -----

func.func @attention_dynamic(%q: tensor<?x8xf32>, %k: tensor<7x8xf32>) {
  // expected-error @+1 {{'tfm.attention' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<?x8xf32>'}}
  %0 = tfm.attention %q, %k, %k {num_heads = 1 : i64, scale = 1.0 : f32} : (tensor<?x8xf32>, tensor<7x8xf32>, tensor<7x8xf32>) -> tensor<?x8xf32>
  return
}
