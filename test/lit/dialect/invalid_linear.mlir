// Verifier errors of tfm.linear, tfm.matmul and tfm.conv2d: one case per
// failure path of their result-type inference, the ODS type constraints,
// and a written result type that differs from the inferred one.
//
// RUN: tcc-opt %s -split-input-file -verify-diagnostics

//===----------------------------------------------------------------------===//
// tfm.linear
//===----------------------------------------------------------------------===//

func.func @linear_rank0_input(%x: tensor<f32>, %w: tensor<1x4xf32>) {
  // expected-error @+2 {{input must have rank >= 1}}
  // expected-error @+1 {{'tfm.linear' op failed to infer returned types}}
  %0 = tfm.linear %x, %w : (tensor<f32>, tensor<1x4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @linear_rank3_weight(%x: tensor<2x3xf32>, %w: tensor<1x3x4xf32>) {
  // expected-error @+2 {{weight must be rank 2 [K, N], got 'tensor<1x3x4xf32>'}}
  // expected-error @+1 {{'tfm.linear' op failed to infer returned types}}
  %0 = tfm.linear %x, %w : (tensor<2x3xf32>, tensor<1x3x4xf32>) -> tensor<2x4xf32>
  return
}

// -----

func.func @linear_inner_dim(%x: tensor<2x3xf32>, %w: tensor<5x4xf32>) {
  // expected-error @+2 {{input inner dimension 3 does not match weight K = 5}}
  // expected-error @+1 {{'tfm.linear' op failed to infer returned types}}
  %0 = tfm.linear %x, %w : (tensor<2x3xf32>, tensor<5x4xf32>) -> tensor<2x4xf32>
  return
}

// -----

func.func @linear_element_types(%x: tensor<2x3xf32>, %w: tensor<3x4xf16>) {
  // expected-error @+2 {{input and weight element types differ}}
  // expected-error @+1 {{'tfm.linear' op failed to infer returned types}}
  %0 = tfm.linear %x, %w : (tensor<2x3xf32>, tensor<3x4xf16>) -> tensor<2x4xf32>
  return
}

// -----

func.func @linear_bias_size(%x: tensor<2x3xf32>, %w: tensor<3x4xf32>, %b: tensor<3xf32>) {
  // expected-error @+2 {{bias must be rank 1 of size N = 4}}
  // expected-error @+1 {{'tfm.linear' op failed to infer returned types}}
  %0 = tfm.linear %x, %w, %b : (tensor<2x3xf32>, tensor<3x4xf32>, tensor<3xf32>) -> tensor<2x4xf32>
  return
}

// -----

func.func @linear_bias_rank(%x: tensor<2x3xf32>, %w: tensor<3x4xf32>, %b: tensor<1x4xf32>) {
  // expected-error @+2 {{bias must be rank 1 of size N = 4}}
  // expected-error @+1 {{'tfm.linear' op failed to infer returned types}}
  %0 = tfm.linear %x, %w, %b : (tensor<2x3xf32>, tensor<3x4xf32>, tensor<1x4xf32>) -> tensor<2x4xf32>
  return
}

// -----

func.func @linear_bias_element_type(%x: tensor<2x3xf32>, %w: tensor<3x4xf32>, %b: tensor<4xbf16>) {
  // expected-error @+2 {{bias element type differs from the input's}}
  // expected-error @+1 {{'tfm.linear' op failed to infer returned types}}
  %0 = tfm.linear %x, %w, %b : (tensor<2x3xf32>, tensor<3x4xf32>, tensor<4xbf16>) -> tensor<2x4xf32>
  return
}

// -----

func.func @linear_wrong_result(%x: tensor<2x3xf32>, %w: tensor<3x4xf32>) {
  // expected-error @+2 {{'tfm.linear' op inferred type(s) 'tensor<2x4xf32>' are incompatible with return type(s) of operation 'tensor<2x3xf32>'}}
  // expected-error @+1 {{'tfm.linear' op failed to infer returned types}}
  %0 = tfm.linear %x, %w : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @linear_integer(%x: tensor<2x3xi32>, %w: tensor<3x4xi32>) {
  // expected-error @+1 {{'tfm.linear' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<2x3xi32>'}}
  %0 = tfm.linear %x, %w : (tensor<2x3xi32>, tensor<3x4xi32>) -> tensor<2x4xi32>
  return
}

// -----

func.func @linear_dynamic(%x: tensor<?x3xf32>, %w: tensor<3x4xf32>) {
  // expected-error @+1 {{'tfm.linear' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<?x3xf32>'}}
  %0 = tfm.linear %x, %w : (tensor<?x3xf32>, tensor<3x4xf32>) -> tensor<?x4xf32>
  return
}

// -----

func.func @linear_unranked_result(%x: tensor<2x3xf32>, %w: tensor<3x4xf32>) {
  // expected-error @+1 {{'tfm.linear' op result #0 must be statically shaped tensor of floating-point values, but got 'tensor<*xf32>'}}
  %0 = tfm.linear %x, %w : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<*xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// tfm.matmul
//===----------------------------------------------------------------------===//

func.func @matmul_rank0(%a: tensor<f32>, %b: tensor<3x4xf32>) {
  // expected-error @+2 {{operands must have rank >= 1}}
  // expected-error @+1 {{'tfm.matmul' op failed to infer returned types}}
  %0 = tfm.matmul %a, %b : (tensor<f32>, tensor<3x4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @matmul_element_types(%a: tensor<2x3xf32>, %b: tensor<3x4xi32>) {
  // expected-error @+2 {{operand element types differ}}
  // expected-error @+1 {{'tfm.matmul' op failed to infer returned types}}
  %0 = tfm.matmul %a, %b : (tensor<2x3xf32>, tensor<3x4xi32>) -> tensor<2x4xf32>
  return
}

// -----

func.func @matmul_contraction(%a: tensor<2x3xf32>, %b: tensor<4x5xf32>) {
  // expected-error @+2 {{contraction dimensions differ: 3 vs 4}}
  // expected-error @+1 {{'tfm.matmul' op failed to infer returned types}}
  %0 = tfm.matmul %a, %b : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<2x5xf32>
  return
}

// -----

// A rank-1 rhs is a column vector: its only dimension is contracted.
func.func @matmul_vector_contraction(%a: tensor<2x3xf32>, %v: tensor<2xf32>) {
  // expected-error @+2 {{contraction dimensions differ: 3 vs 2}}
  // expected-error @+1 {{'tfm.matmul' op failed to infer returned types}}
  %0 = tfm.matmul %a, %v : (tensor<2x3xf32>, tensor<2xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @matmul_batch(%a: tensor<2x4x3xf32>, %b: tensor<3x3x5xf32>) {
  // expected-error @+2 {{batch dimensions are not broadcast-compatible}}
  // expected-error @+1 {{'tfm.matmul' op failed to infer returned types}}
  %0 = tfm.matmul %a, %b : (tensor<2x4x3xf32>, tensor<3x3x5xf32>) -> tensor<2x4x5xf32>
  return
}

// -----

// The unit dimension of a rank-1 operand is dropped from the result.
func.func @matmul_vector_keeps_unit_dim(%m: tensor<3x4xf32>, %v: tensor<4xf32>) {
  // expected-error @+2 {{'tfm.matmul' op inferred type(s) 'tensor<3xf32>' are incompatible with return type(s) of operation 'tensor<3x1xf32>'}}
  // expected-error @+1 {{'tfm.matmul' op failed to infer returned types}}
  %0 = tfm.matmul %m, %v : (tensor<3x4xf32>, tensor<4xf32>) -> tensor<3x1xf32>
  return
}

// -----

func.func @matmul_unsigned(%a: tensor<2x3xui8>, %b: tensor<3x4xui8>) {
  // expected-error @+1 {{'tfm.matmul' op operand #0 must be statically shaped tensor of floating-point or signless integer values, but got 'tensor<2x3xui8>'}}
  %0 = tfm.matmul %a, %b : (tensor<2x3xui8>, tensor<3x4xui8>) -> tensor<2x4xui8>
  return
}

// -----

func.func @matmul_dynamic(%a: tensor<2x3xf32>, %b: tensor<3x?xf32>) {
  // expected-error @+1 {{'tfm.matmul' op operand #1 must be statically shaped tensor of floating-point or signless integer values, but got 'tensor<3x?xf32>'}}
  %0 = tfm.matmul %a, %b : (tensor<2x3xf32>, tensor<3x?xf32>) -> tensor<2x?xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// tfm.conv2d
//===----------------------------------------------------------------------===//

func.func @conv2d_rank(%x: tensor<4x8x8xf32>, %w: tensor<6x4x3x3xf32>) {
  // expected-error @+2 {{input and weight must be rank 4 (NCHW, OIHW)}}
  // expected-error @+1 {{'tfm.conv2d' op failed to infer returned types}}
  %0 = tfm.conv2d %x, %w {dilations = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<4x8x8xf32>, tensor<6x4x3x3xf32>) -> tensor<6x6x6xf32>
  return
}

// -----

func.func @conv2d_element_types(%x: tensor<1x4x8x8xf32>, %w: tensor<6x4x3x3xf16>) {
  // expected-error @+2 {{input and weight element types differ}}
  // expected-error @+1 {{'tfm.conv2d' op failed to infer returned types}}
  %0 = tfm.conv2d %x, %w {dilations = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<6x4x3x3xf16>) -> tensor<1x6x6x6xf32>
  return
}

// -----

func.func @conv2d_strides_size(%x: tensor<1x4x8x8xf32>, %w: tensor<6x4x3x3xf32>) {
  // expected-error @+2 {{'strides' must have 2 values, got 1}}
  // expected-error @+1 {{'tfm.conv2d' op failed to infer returned types}}
  %0 = tfm.conv2d %x, %w {dilations = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1>} : (tensor<1x4x8x8xf32>, tensor<6x4x3x3xf32>) -> tensor<1x6x6x6xf32>
  return
}

// -----

func.func @conv2d_padding_size(%x: tensor<1x4x8x8xf32>, %w: tensor<6x4x3x3xf32>) {
  // expected-error @+2 {{'padding' must have 4 values, got 2}}
  // expected-error @+1 {{'tfm.conv2d' op failed to infer returned types}}
  %0 = tfm.conv2d %x, %w {dilations = array<i64: 1, 1>, padding = array<i64: 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<6x4x3x3xf32>) -> tensor<1x6x8x8xf32>
  return
}

// -----

func.func @conv2d_dilations_size(%x: tensor<1x4x8x8xf32>, %w: tensor<6x4x3x3xf32>) {
  // expected-error @+2 {{'dilations' must have 2 values, got 3}}
  // expected-error @+1 {{'tfm.conv2d' op failed to infer returned types}}
  %0 = tfm.conv2d %x, %w {dilations = array<i64: 1, 1, 1>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<6x4x3x3xf32>) -> tensor<1x6x6x6xf32>
  return
}

// -----

func.func @conv2d_groups_zero(%x: tensor<1x4x8x8xf32>, %w: tensor<6x4x3x3xf32>) {
  // expected-error @+2 {{groups must be >= 1}}
  // expected-error @+1 {{'tfm.conv2d' op failed to infer returned types}}
  %0 = tfm.conv2d %x, %w {dilations = array<i64: 1, 1>, groups = 0 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<6x4x3x3xf32>) -> tensor<1x6x6x6xf32>
  return
}

// -----

func.func @conv2d_input_channels(%x: tensor<1x4x8x8xf32>, %w: tensor<6x3x3x3xf32>) {
  // expected-error @+2 {{input channels 4 != weight input channels 3 x groups 1}}
  // expected-error @+1 {{'tfm.conv2d' op failed to infer returned types}}
  %0 = tfm.conv2d %x, %w {dilations = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<6x3x3x3xf32>) -> tensor<1x6x6x6xf32>
  return
}

// -----

func.func @conv2d_grouped_input_channels(%x: tensor<1x4x8x8xf32>, %w: tensor<6x4x3x3xf32>) {
  // expected-error @+2 {{input channels 4 != weight input channels 4 x groups 2}}
  // expected-error @+1 {{'tfm.conv2d' op failed to infer returned types}}
  %0 = tfm.conv2d %x, %w {dilations = array<i64: 1, 1>, groups = 2 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<6x4x3x3xf32>) -> tensor<1x6x6x6xf32>
  return
}

// -----

// 3 x 6148914691236517206 wraps around int64 to 2: the channel check must
// not be fooled by the overflow.
func.func @conv2d_groups_overflow(%x: tensor<1x2x8x8xf32>, %w: tensor<0x3x3x3xf32>) {
  // expected-error @+2 {{input channels 2 != weight input channels 3 x groups 6148914691236517206}}
  // expected-error @+1 {{'tfm.conv2d' op failed to infer returned types}}
  %0 = tfm.conv2d %x, %w {dilations = array<i64: 1, 1>, groups = 6148914691236517206 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x8x8xf32>, tensor<0x3x3x3xf32>) -> tensor<1x0x6x6xf32>
  return
}

// -----

func.func @conv2d_output_channels(%x: tensor<1x4x8x8xf32>, %w: tensor<5x2x3x3xf32>) {
  // expected-error @+2 {{output channels 5 are not a multiple of groups 2}}
  // expected-error @+1 {{'tfm.conv2d' op failed to infer returned types}}
  %0 = tfm.conv2d %x, %w {dilations = array<i64: 1, 1>, groups = 2 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<5x2x3x3xf32>) -> tensor<1x5x6x6xf32>
  return
}

// -----

func.func @conv2d_bias_size(%x: tensor<1x4x8x8xf32>, %w: tensor<6x4x3x3xf32>, %b: tensor<4xf32>) {
  // expected-error @+2 {{bias must be rank 1 of size 6}}
  // expected-error @+1 {{'tfm.conv2d' op failed to infer returned types}}
  %0 = tfm.conv2d %x, %w, %b {dilations = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<6x4x3x3xf32>, tensor<4xf32>) -> tensor<1x6x6x6xf32>
  return
}

// -----

func.func @conv2d_bias_rank(%x: tensor<1x4x8x8xf32>, %w: tensor<6x4x3x3xf32>, %b: tensor<1x6x1x1xf32>) {
  // expected-error @+2 {{bias must be rank 1 of size 6}}
  // expected-error @+1 {{'tfm.conv2d' op failed to infer returned types}}
  %0 = tfm.conv2d %x, %w, %b {dilations = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<6x4x3x3xf32>, tensor<1x6x1x1xf32>) -> tensor<1x6x6x6xf32>
  return
}

// -----

func.func @conv2d_bias_element_type(%x: tensor<1x4x8x8xf32>, %w: tensor<6x4x3x3xf32>, %b: tensor<6xf16>) {
  // expected-error @+2 {{bias element type differs from the input's}}
  // expected-error @+1 {{'tfm.conv2d' op failed to infer returned types}}
  %0 = tfm.conv2d %x, %w, %b {dilations = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<6x4x3x3xf32>, tensor<6xf16>) -> tensor<1x6x6x6xf32>
  return
}

// -----

func.func @conv2d_stride_zero(%x: tensor<1x4x8x8xf32>, %w: tensor<6x4x3x3xf32>) {
  // expected-error @+2 {{kernel, stride and dilation must be >= 1 and padding >= 0}}
  // expected-error @+1 {{'tfm.conv2d' op failed to infer returned types}}
  %0 = tfm.conv2d %x, %w {dilations = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 0>} : (tensor<1x4x8x8xf32>, tensor<6x4x3x3xf32>) -> tensor<1x6x6x6xf32>
  return
}

// -----

func.func @conv2d_dilation_zero(%x: tensor<1x4x8x8xf32>, %w: tensor<6x4x3x3xf32>) {
  // expected-error @+2 {{kernel, stride and dilation must be >= 1 and padding >= 0}}
  // expected-error @+1 {{'tfm.conv2d' op failed to infer returned types}}
  %0 = tfm.conv2d %x, %w {dilations = array<i64: 0, 1>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<6x4x3x3xf32>) -> tensor<1x6x6x6xf32>
  return
}

// -----

func.func @conv2d_negative_padding(%x: tensor<1x4x8x8xf32>, %w: tensor<6x4x3x3xf32>) {
  // expected-error @+2 {{kernel, stride and dilation must be >= 1 and padding >= 0}}
  // expected-error @+1 {{'tfm.conv2d' op failed to infer returned types}}
  %0 = tfm.conv2d %x, %w {dilations = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, -1>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<6x4x3x3xf32>) -> tensor<1x6x6x5xf32>
  return
}

// -----

func.func @conv2d_empty_kernel(%x: tensor<1x4x8x8xf32>, %w: tensor<6x4x0x3xf32>) {
  // expected-error @+2 {{kernel, stride and dilation must be >= 1 and padding >= 0}}
  // expected-error @+1 {{'tfm.conv2d' op failed to infer returned types}}
  %0 = tfm.conv2d %x, %w {dilations = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<6x4x0x3xf32>) -> tensor<1x6x9x6xf32>
  return
}

// -----

func.func @conv2d_window_too_large(%x: tensor<1x4x8x8xf32>, %w: tensor<6x4x3x3xf32>) {
  // expected-error @+2 {{window of extent 9 does not fit the padded input of size 8}}
  // expected-error @+1 {{'tfm.conv2d' op failed to infer returned types}}
  %0 = tfm.conv2d %x, %w {dilations = array<i64: 1, 4>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<6x4x3x3xf32>) -> tensor<1x6x6x1xf32>
  return
}

// -----

func.func @conv2d_window_overflow(%x: tensor<1x4x8x8xf32>, %w: tensor<6x4x3x3xf32>) {
  // expected-error @+2 {{window extent or padded input size overflows int64}}
  // expected-error @+1 {{'tfm.conv2d' op failed to infer returned types}}
  %0 = tfm.conv2d %x, %w {dilations = array<i64: 4611686018427387904, 1>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<6x4x3x3xf32>) -> tensor<1x6x6x6xf32>
  return
}

// -----

func.func @conv2d_padding_overflow(%x: tensor<1x4x8x8xf32>, %w: tensor<6x4x3x3xf32>) {
  // expected-error @+2 {{window extent or padded input size overflows int64}}
  // expected-error @+1 {{'tfm.conv2d' op failed to infer returned types}}
  %0 = tfm.conv2d %x, %w {dilations = array<i64: 1, 1>, padding = array<i64: 9223372036854775807, 0, 1, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<6x4x3x3xf32>) -> tensor<1x6x6x6xf32>
  return
}

// -----

func.func @conv2d_wrong_result(%x: tensor<1x4x8x8xf32>, %w: tensor<6x4x3x3xf32>) {
  // expected-error @+2 {{'tfm.conv2d' op inferred type(s) 'tensor<1x6x8x8xf32>' are incompatible with return type(s) of operation 'tensor<1x6x6x6xf32>'}}
  // expected-error @+1 {{'tfm.conv2d' op failed to infer returned types}}
  %0 = tfm.conv2d %x, %w {dilations = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<6x4x3x3xf32>) -> tensor<1x6x6x6xf32>
  return
}

// -----

func.func @conv2d_missing_strides(%x: tensor<1x4x8x8xf32>, %w: tensor<6x4x3x3xf32>) {
  // expected-error @+1 {{'tfm.conv2d' op requires attribute 'strides'}}
  %0 = tfm.conv2d %x, %w {dilations = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>} : (tensor<1x4x8x8xf32>, tensor<6x4x3x3xf32>) -> tensor<1x6x6x6xf32>
  return
}

// -----

func.func @conv2d_integer(%x: tensor<1x4x8x8xi8>, %w: tensor<6x4x3x3xi8>) {
  // expected-error @+1 {{'tfm.conv2d' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<1x4x8x8xi8>'}}
  %0 = tfm.conv2d %x, %w {dilations = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xi8>, tensor<6x4x3x3xi8>) -> tensor<1x6x6x6xi8>
  return
}

// -----

func.func @conv2d_dynamic(%x: tensor<?x4x8x8xf32>, %w: tensor<6x4x3x3xf32>) {
  // expected-error @+1 {{'tfm.conv2d' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<?x4x8x8xf32>'}}
  %0 = tfm.conv2d %x, %w {dilations = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<?x4x8x8xf32>, tensor<6x4x3x3xf32>) -> tensor<?x6x6x6xf32>
  return
}
