// Verifier errors of tfm.max_pool2d and tfm.avg_pool2d: one case per
// failure path of their shared result-type inference (including the
// sliding-window arithmetic), the ODS type constraints and wrong result
// types (ceil_mode rounding included).
//
// RUN: tcc-opt %s -split-input-file -verify-diagnostics

func.func @pool_rank(%x: tensor<3x7x7xf32>) {
  // expected-error @+2 {{input must be rank 4 (NCHW)}}
  // expected-error @+1 {{'tfm.max_pool2d' op failed to infer returned types}}
  %0 = tfm.max_pool2d %x {dilations = array<i64: 1, 1>, kernel = array<i64: 3, 3>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<3x7x7xf32>) -> tensor<3x5x5xf32>
  return
}

// -----

func.func @avg_pool_rank(%x: tensor<1x1x3x7x7xf32>) {
  // expected-error @+2 {{input must be rank 4 (NCHW)}}
  // expected-error @+1 {{'tfm.avg_pool2d' op failed to infer returned types}}
  %0 = tfm.avg_pool2d %x {kernel = array<i64: 3, 3>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x1x3x7x7xf32>) -> tensor<1x1x3x5x5xf32>
  return
}

// -----

func.func @pool_kernel_size(%x: tensor<1x3x7x7xf32>) {
  // expected-error @+2 {{'kernel' must have 2 values, got 1}}
  // expected-error @+1 {{'tfm.max_pool2d' op failed to infer returned types}}
  %0 = tfm.max_pool2d %x {dilations = array<i64: 1, 1>, kernel = array<i64: 3>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x5x5xf32>
  return
}

// -----

func.func @pool_strides_size(%x: tensor<1x3x7x7xf32>) {
  // expected-error @+2 {{'strides' must have 2 values, got 3}}
  // expected-error @+1 {{'tfm.avg_pool2d' op failed to infer returned types}}
  %0 = tfm.avg_pool2d %x {kernel = array<i64: 3, 3>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1, 1>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x5x5xf32>
  return
}

// -----

func.func @pool_padding_size(%x: tensor<1x3x7x7xf32>) {
  // expected-error @+2 {{'padding' must have 4 values, got 2}}
  // expected-error @+1 {{'tfm.max_pool2d' op failed to infer returned types}}
  %0 = tfm.max_pool2d %x {dilations = array<i64: 1, 1>, kernel = array<i64: 3, 3>, padding = array<i64: 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x7x7xf32>
  return
}

// -----

func.func @pool_dilations_size(%x: tensor<1x3x7x7xf32>) {
  // expected-error @+2 {{'dilations' must have 2 values, got 1}}
  // expected-error @+1 {{'tfm.max_pool2d' op failed to infer returned types}}
  %0 = tfm.max_pool2d %x {dilations = array<i64: 1>, kernel = array<i64: 3, 3>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x5x5xf32>
  return
}

// -----

func.func @pool_padding_low_not_below_kernel(%x: tensor<1x3x7x7xf32>) {
  // expected-error @+2 {{padding must be smaller than the kernel}}
  // expected-error @+1 {{'tfm.max_pool2d' op failed to infer returned types}}
  %0 = tfm.max_pool2d %x {dilations = array<i64: 1, 1>, kernel = array<i64: 2, 2>, padding = array<i64: 0, 2, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x6x8xf32>
  return
}

// -----

func.func @pool_padding_high_not_below_kernel(%x: tensor<1x3x7x7xf32>) {
  // expected-error @+2 {{padding must be smaller than the kernel}}
  // expected-error @+1 {{'tfm.avg_pool2d' op failed to infer returned types}}
  %0 = tfm.avg_pool2d %x {kernel = array<i64: 3, 3>, padding = array<i64: 0, 0, 3, 0>, strides = array<i64: 1, 1>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x8x5xf32>
  return
}

// -----

// An empty kernel is reported as such, not as padding that is too large.
func.func @pool_kernel_zero(%x: tensor<1x3x7x7xf32>) {
  // expected-error @+2 {{kernel, stride and dilation must be >= 1 and padding >= 0}}
  // expected-error @+1 {{'tfm.max_pool2d' op failed to infer returned types}}
  %0 = tfm.max_pool2d %x {dilations = array<i64: 1, 1>, kernel = array<i64: 0, 3>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x3x3xf32>
  return
}

// -----

func.func @pool_stride_zero(%x: tensor<1x3x7x7xf32>) {
  // expected-error @+2 {{kernel, stride and dilation must be >= 1 and padding >= 0}}
  // expected-error @+1 {{'tfm.avg_pool2d' op failed to infer returned types}}
  %0 = tfm.avg_pool2d %x {kernel = array<i64: 3, 3>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 0>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x5x5xf32>
  return
}

// -----

func.func @pool_dilation_zero(%x: tensor<1x3x7x7xf32>) {
  // expected-error @+2 {{kernel, stride and dilation must be >= 1 and padding >= 0}}
  // expected-error @+1 {{'tfm.max_pool2d' op failed to infer returned types}}
  %0 = tfm.max_pool2d %x {dilations = array<i64: 1, 0>, kernel = array<i64: 3, 3>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x5x5xf32>
  return
}

// -----

func.func @pool_negative_padding(%x: tensor<1x3x7x7xf32>) {
  // expected-error @+2 {{kernel, stride and dilation must be >= 1 and padding >= 0}}
  // expected-error @+1 {{'tfm.max_pool2d' op failed to infer returned types}}
  %0 = tfm.max_pool2d %x {dilations = array<i64: 1, 1>, kernel = array<i64: 3, 3>, padding = array<i64: -1, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x4x5xf32>
  return
}

// -----

func.func @pool_window_too_large(%x: tensor<1x3x7x7xf32>) {
  // expected-error @+2 {{window of extent 9 does not fit the padded input of size 7}}
  // expected-error @+1 {{'tfm.avg_pool2d' op failed to infer returned types}}
  %0 = tfm.avg_pool2d %x {kernel = array<i64: 3, 9>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x5x1xf32>
  return
}

// -----

func.func @pool_dilated_window_too_large(%x: tensor<1x3x7x7xf32>) {
  // expected-error @+2 {{window of extent 9 does not fit the padded input of size 8}}
  // expected-error @+1 {{'tfm.max_pool2d' op failed to infer returned types}}
  %0 = tfm.max_pool2d %x {dilations = array<i64: 4, 1>, kernel = array<i64: 3, 3>, padding = array<i64: 1, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x1x5xf32>
  return
}

// -----

// 2^62 x 2 + 1 overflows int64; the inferred size would be negative.
func.func @pool_window_overflow(%x: tensor<1x3x7x7xf32>) {
  // expected-error @+2 {{window extent or padded input size overflows int64}}
  // expected-error @+1 {{'tfm.max_pool2d' op failed to infer returned types}}
  %0 = tfm.max_pool2d %x {dilations = array<i64: 4611686018427387904, 1>, kernel = array<i64: 3, 3>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x5x5xf32>
  return
}

// -----

func.func @pool_wrong_result(%x: tensor<1x3x7x7xf32>) {
  // expected-error @+2 {{'tfm.max_pool2d' op inferred type(s) 'tensor<1x3x3x3xf32>' are incompatible with return type(s) of operation 'tensor<1x3x4x4xf32>'}}
  // expected-error @+1 {{'tfm.max_pool2d' op failed to infer returned types}}
  %0 = tfm.max_pool2d %x {dilations = array<i64: 1, 1>, kernel = array<i64: 2, 2>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x4x4xf32>
  return
}

// -----

// With ceil_mode the output size rounds up, but a window that would start
// wholly in the right padding is dropped (ONNX): 5 padded by 1 + 1 with
// kernel 2 and stride 3 gives windows at 0 and 3; the one at 6 is dropped.
func.func @pool_ceil_mode_last_window(%x: tensor<1x3x5x5xf32>) {
  // expected-error @+2 {{'tfm.avg_pool2d' op inferred type(s) 'tensor<1x3x2x2xf32>' are incompatible with return type(s) of operation 'tensor<1x3x3x3xf32>'}}
  // expected-error @+1 {{'tfm.avg_pool2d' op failed to infer returned types}}
  %0 = tfm.avg_pool2d %x {ceil_mode = true, kernel = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 3, 3>} : (tensor<1x3x5x5xf32>) -> tensor<1x3x3x3xf32>
  return
}

// -----

func.func @avg_pool_missing_kernel(%x: tensor<1x3x7x7xf32>) {
  // expected-error @+1 {{'tfm.avg_pool2d' op requires attribute 'kernel'}}
  %0 = tfm.avg_pool2d %x {padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x5x5xf32>
  return
}

// -----

func.func @max_pool_missing_dilations(%x: tensor<1x3x7x7xf32>) {
  // expected-error @+1 {{'tfm.max_pool2d' op requires attribute 'dilations'}}
  %0 = tfm.max_pool2d %x {kernel = array<i64: 3, 3>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x5x5xf32>
  return
}

// -----

func.func @pool_integer(%x: tensor<1x3x7x7xi8>) {
  // expected-error @+1 {{'tfm.max_pool2d' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<1x3x7x7xi8>'}}
  %0 = tfm.max_pool2d %x {dilations = array<i64: 1, 1>, kernel = array<i64: 3, 3>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x3x7x7xi8>) -> tensor<1x3x5x5xi8>
  return
}

// -----

func.func @pool_dynamic(%x: tensor<1x3x?x7xf32>) {
  // expected-error @+1 {{'tfm.avg_pool2d' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<1x3x?x7xf32>'}}
  %0 = tfm.avg_pool2d %x {kernel = array<i64: 3, 3>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x3x?x7xf32>) -> tensor<1x3x?x5xf32>
  return
}
