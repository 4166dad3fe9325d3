// Parsing and printing of every tfm op: the custom form round-trips through
// tcc-opt twice, and the generic form parses back to the same custom form.
// The GENERIC checks pin the properties the custom form hides (defaulted
// attributes, operand segment sizes of layer_norm).
//
// RUN: tcc-opt %s | tcc-opt | FileCheck %s
// RUN: tcc-opt %s --mlir-print-op-generic | tcc-opt | FileCheck %s
// RUN: tcc-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC

// GENERIC-DAG: "tfm.constant"() <{value = dense_resource<blob> : tensor<4xf32>}> : () -> tensor<4xf32>
// GENERIC-DAG: "tfm.conv2d"(%{{.*}}, %{{.*}}) <{dilations = array<i64: 1, 1>, groups = 1 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>}> : (tensor<1x3x5x5xf32>, tensor<2x3x1x1xf32>) -> tensor<1x2x5x5xf32>
// GENERIC-DAG: "tfm.layer_norm"(%{{.*}}, %{{.*}}, %{{.*}}) <{axis = 1 : i64, epsilon = 9.99999974E-6 : f32, operandSegmentSizes = array<i32: 1, 1, 1>}>
// GENERIC-DAG: "tfm.layer_norm"(%{{.*}}) <{axis = 2 : i64, epsilon = 0.000000e+00 : f32, operandSegmentSizes = array<i32: 1, 0, 0>}>
// GENERIC-DAG: "tfm.layer_norm"(%{{.*}}, %{{.*}}) <{axis = 1 : i64, epsilon = 9.99999974E-6 : f32, operandSegmentSizes = array<i32: 1, 1, 0>}>
// GENERIC-DAG: "tfm.layer_norm"(%{{.*}}, %{{.*}}) <{axis = 1 : i64, epsilon = 9.99999974E-6 : f32, operandSegmentSizes = array<i32: 1, 0, 1>}>
// GENERIC-DAG: "tfm.gelu"(%{{.*}}) <{approximate = #tfm.gelu_approx<tanh>}> : (tensor<2x8xf32>) -> tensor<2x8xf32>
// GENERIC-DAG: "tfm.reduce_sum"(%{{.*}}) <{axes = array<i64: 1, 2>, keep_dims = true}> : (tensor<2x3x4xf32>) -> tensor<2x1x1xf32>
// GENERIC-DAG: "tfm.argmax"(%{{.*}}) <{axis = 1 : i64, keep_dims = true, select_last_index = false}> : (tensor<2x3x4xf32>) -> tensor<2x1x4xi64>
// GENERIC-DAG: "tfm.pad"(%{{.*}}) <{high = array<i64: 1, 2>, low = array<i64: 1, 0>, mode = #tfm.pad_mode<reflect>, value = 0.000000e+00 : f64}> : (tensor<2x3xf32>) -> tensor<4x5xf32>
// GENERIC-DAG: "tfm.avg_pool2d"(%{{.*}}) <{ceil_mode = false, count_include_pad = false, kernel = array<i64: 3, 3>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>}> : (tensor<1x3x7x7xf32>) -> tensor<1x3x3x3xf32>

// Dense constants (float, integer, bool, rank 0) and a resource constant.
// CHECK-LABEL: func.func @constants(
// CHECK-NEXT: %0 = tfm.constant dense<{{\[\[}}1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00{{\]\]}}> : tensor<2x2xf32>
// CHECK-NEXT: %1 = tfm.constant dense<7> : tensor<3xi32>
// CHECK-NEXT: %2 = tfm.constant dense<true> : tensor<i1>
// CHECK-NEXT: %3 = tfm.constant dense_resource<blob> : tensor<4xf32>
// CHECK-NEXT: %4 = tfm.constant dense<5.000000e-01> : tensor<f16>
// CHECK-NEXT: return %0, %1, %2, %3, %4 : tensor<2x2xf32>, tensor<3xi32>, tensor<i1>, tensor<4xf32>, tensor<f16>
func.func @constants() -> (tensor<2x2xf32>, tensor<3xi32>, tensor<i1>, tensor<4xf32>, tensor<f16>) {
  %0 = tfm.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %1 = tfm.constant dense<7> : tensor<3xi32>
  %2 = tfm.constant dense<true> : tensor<i1>
  %3 = tfm.constant dense_resource<blob> : tensor<4xf32>
  %4 = tfm.constant dense<0.5> : tensor<f16>
  return %0, %1, %2, %3, %4 : tensor<2x2xf32>, tensor<3xi32>, tensor<i1>, tensor<4xf32>, tensor<f16>
}

// linear with and without the optional bias; a rank-1 input.
// CHECK-LABEL: func.func @linear(
// CHECK-NEXT: %0 = tfm.linear %arg0, %arg1, %arg2 : (tensor<2x5x3xf32>, tensor<3x4xf32>, tensor<4xf32>) -> tensor<2x5x4xf32>
// CHECK-NEXT: %1 = tfm.linear %arg0, %arg1 : (tensor<2x5x3xf32>, tensor<3x4xf32>) -> tensor<2x5x4xf32>
// CHECK-NEXT: %2 = tfm.linear %arg3, %arg4 : (tensor<3xf16>, tensor<3x2xf16>) -> tensor<2xf16>
// CHECK-NEXT: return %0, %1, %2 : tensor<2x5x4xf32>, tensor<2x5x4xf32>, tensor<2xf16>
func.func @linear(%x: tensor<2x5x3xf32>, %w: tensor<3x4xf32>, %b: tensor<4xf32>, %v: tensor<3xf16>, %wh: tensor<3x2xf16>) -> (tensor<2x5x4xf32>, tensor<2x5x4xf32>, tensor<2xf16>) {
  %0 = tfm.linear %x, %w, %b : (tensor<2x5x3xf32>, tensor<3x4xf32>, tensor<4xf32>) -> tensor<2x5x4xf32>
  %1 = tfm.linear %x, %w : (tensor<2x5x3xf32>, tensor<3x4xf32>) -> tensor<2x5x4xf32>
  %2 = tfm.linear %v, %wh : (tensor<3xf16>, tensor<3x2xf16>) -> tensor<2xf16>
  return %0, %1, %2 : tensor<2x5x4xf32>, tensor<2x5x4xf32>, tensor<2xf16>
}

// matmul with batch broadcasting, rank-1 operands on either side (the unit
// dimension is dropped, vector x vector is rank 0) and integers.
// CHECK-LABEL: func.func @matmul(
// CHECK-NEXT: %0 = tfm.matmul %arg0, %arg1 : (tensor<2x1x3x4xf32>, tensor<5x4x6xf32>) -> tensor<2x5x3x6xf32>
// CHECK-NEXT: %1 = tfm.matmul %arg3, %arg2 : (tensor<3x4xf32>, tensor<4xf32>) -> tensor<3xf32>
// CHECK-NEXT: %2 = tfm.matmul %arg2, %arg1 : (tensor<4xf32>, tensor<5x4x6xf32>) -> tensor<5x6xf32>
// CHECK-NEXT: %3 = tfm.matmul %arg2, %arg2 : (tensor<4xf32>, tensor<4xf32>) -> tensor<f32>
// CHECK-NEXT: %4 = tfm.matmul %arg4, %arg5 : (tensor<3x4xi32>, tensor<4x2xi32>) -> tensor<3x2xi32>
// CHECK-NEXT: return %0, %1, %2, %3, %4 : tensor<2x5x3x6xf32>, tensor<3xf32>, tensor<5x6xf32>, tensor<f32>, tensor<3x2xi32>
func.func @matmul(%a: tensor<2x1x3x4xf32>, %b: tensor<5x4x6xf32>, %v: tensor<4xf32>, %m: tensor<3x4xf32>, %i: tensor<3x4xi32>, %j: tensor<4x2xi32>) -> (tensor<2x5x3x6xf32>, tensor<3xf32>, tensor<5x6xf32>, tensor<f32>, tensor<3x2xi32>) {
  %0 = tfm.matmul %a, %b : (tensor<2x1x3x4xf32>, tensor<5x4x6xf32>) -> tensor<2x5x3x6xf32>
  %1 = tfm.matmul %m, %v : (tensor<3x4xf32>, tensor<4xf32>) -> tensor<3xf32>
  %2 = tfm.matmul %v, %b : (tensor<4xf32>, tensor<5x4x6xf32>) -> tensor<5x6xf32>
  %3 = tfm.matmul %v, %v : (tensor<4xf32>, tensor<4xf32>) -> tensor<f32>
  %4 = tfm.matmul %i, %j : (tensor<3x4xi32>, tensor<4x2xi32>) -> tensor<3x2xi32>
  return %0, %1, %2, %3, %4 : tensor<2x5x3x6xf32>, tensor<3xf32>, tensor<5x6xf32>, tensor<f32>, tensor<3x2xi32>
}

// conv2d with and without the optional bias, grouped, padded, dilated.
// CHECK-LABEL: func.func @conv2d(
// CHECK-NEXT: %0 = tfm.conv2d %arg0, %arg1, %arg2 {dilations = array<i64: 1, 1>, groups = 2 : i64, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x4x8x8xf32>, tensor<6x2x3x3xf32>, tensor<6xf32>) -> tensor<1x6x4x4xf32>
// CHECK-NEXT: %1 = tfm.conv2d %arg0, %arg1 {dilations = array<i64: 2, 2>, groups = 2 : i64, padding = array<i64: 0, 0, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<6x2x3x3xf32>) -> tensor<1x6x5x5xf32>
// CHECK-NEXT: return %0, %1 : tensor<1x6x4x4xf32>, tensor<1x6x5x5xf32>
func.func @conv2d(%x: tensor<1x4x8x8xf32>, %w: tensor<6x2x3x3xf32>, %b: tensor<6xf32>) -> (tensor<1x6x4x4xf32>, tensor<1x6x5x5xf32>) {
  %0 = tfm.conv2d %x, %w, %b {dilations = array<i64: 1, 1>, groups = 2 : i64, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x4x8x8xf32>, tensor<6x2x3x3xf32>, tensor<6xf32>) -> tensor<1x6x4x4xf32>
  %1 = tfm.conv2d %x, %w {dilations = array<i64: 2, 2>, groups = 2 : i64, padding = array<i64: 0, 0, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<6x2x3x3xf32>) -> tensor<1x6x5x5xf32>
  return %0, %1 : tensor<1x6x4x4xf32>, tensor<1x6x5x5xf32>
}

// groups = 1 is the default and is not printed.
// CHECK-LABEL: func.func @conv2d_default_groups(
// CHECK-NEXT: %0 = tfm.conv2d %arg0, %arg1 {dilations = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x3x5x5xf32>, tensor<2x3x1x1xf32>) -> tensor<1x2x5x5xf32>
// CHECK-NEXT: return %0 : tensor<1x2x5x5xf32>
func.func @conv2d_default_groups(%x: tensor<1x3x5x5xf32>, %w: tensor<2x3x1x1xf32>) -> tensor<1x2x5x5xf32> {
  %0 = tfm.conv2d %x, %w {dilations = array<i64: 1, 1>, groups = 1 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x3x5x5xf32>, tensor<2x3x1x1xf32>) -> tensor<1x2x5x5xf32>
  return %0 : tensor<1x2x5x5xf32>
}

// layer_norm with both, neither, only scale and only bias; batch_norm.
// CHECK-LABEL: func.func @norms(
// CHECK-NEXT: %0 = tfm.layer_norm %arg0 scale %arg1 bias %arg2 {axis = 1 : i64, epsilon = 9.99999974E-6 : f32} : (tensor<2x3x4xf32>, tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<2x3x4xf32>
// CHECK-NEXT: %1 = tfm.layer_norm %arg0 {axis = 2 : i64, epsilon = 0.000000e+00 : f32} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
// CHECK-NEXT: %2 = tfm.layer_norm %arg0 scale %arg1 {axis = 1 : i64, epsilon = 9.99999974E-6 : f32} : (tensor<2x3x4xf32>, tensor<3x4xf32>) -> tensor<2x3x4xf32>
// CHECK-NEXT: %3 = tfm.layer_norm %arg0 bias %arg2 {axis = 1 : i64, epsilon = 9.99999974E-6 : f32} : (tensor<2x3x4xf32>, tensor<3x4xf32>) -> tensor<2x3x4xf32>
// CHECK-NEXT: %4 = tfm.batch_norm %arg3, %arg4, %arg4, %arg4, %arg4 {epsilon = 1.000000e-03 : f32} : (tensor<2x3x4x4xbf16>, tensor<3xbf16>, tensor<3xbf16>, tensor<3xbf16>, tensor<3xbf16>) -> tensor<2x3x4x4xbf16>
// CHECK-NEXT: return %0, %1, %2, %3, %4 : tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<2x3x4x4xbf16>
func.func @norms(%x: tensor<2x3x4xf32>, %s: tensor<3x4xf32>, %b: tensor<3x4xf32>, %c: tensor<2x3x4x4xbf16>, %p: tensor<3xbf16>) -> (tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<2x3x4x4xbf16>) {
  %0 = tfm.layer_norm %x scale %s bias %b {axis = 1 : i64, epsilon = 9.99999974E-6 : f32} : (tensor<2x3x4xf32>, tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<2x3x4xf32>
  %1 = tfm.layer_norm %x {axis = 2 : i64, epsilon = 0.0 : f32} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %2 = tfm.layer_norm %x scale %s {axis = 1 : i64, epsilon = 1.0e-5 : f32} : (tensor<2x3x4xf32>, tensor<3x4xf32>) -> tensor<2x3x4xf32>
  %3 = tfm.layer_norm %x bias %b {axis = 1 : i64, epsilon = 1.0e-5 : f32} : (tensor<2x3x4xf32>, tensor<3x4xf32>) -> tensor<2x3x4xf32>
  %4 = tfm.batch_norm %c, %p, %p, %p, %p {epsilon = 1.0e-3 : f32} : (tensor<2x3x4x4xbf16>, tensor<3xbf16>, tensor<3xbf16>, tensor<3xbf16>, tensor<3xbf16>) -> tensor<2x3x4x4xbf16>
  return %0, %1, %2, %3, %4 : tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<2x3x4x4xbf16>
}

// softmax and gelu in both approximations (rank 0 and f64 included).
// CHECK-LABEL: func.func @activations(
// CHECK-NEXT: %0 = tfm.softmax %arg0 {axis = 1 : i64} : (tensor<2x8xf32>) -> tensor<2x8xf32>
// CHECK-NEXT: %1 = tfm.gelu %arg0 {approximate = #tfm.gelu_approx<none>} : (tensor<2x8xf32>) -> tensor<2x8xf32>
// CHECK-NEXT: %2 = tfm.gelu %arg0 {approximate = #tfm.gelu_approx<tanh>} : (tensor<2x8xf32>) -> tensor<2x8xf32>
// CHECK-NEXT: %3 = tfm.gelu %arg1 {approximate = #tfm.gelu_approx<tanh>} : (tensor<f64>) -> tensor<f64>
// CHECK-NEXT: return %0, %1, %2, %3 : tensor<2x8xf32>, tensor<2x8xf32>, tensor<2x8xf32>, tensor<f64>
func.func @activations(%x: tensor<2x8xf32>, %s: tensor<f64>) -> (tensor<2x8xf32>, tensor<2x8xf32>, tensor<2x8xf32>, tensor<f64>) {
  %0 = tfm.softmax %x {axis = 1 : i64} : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %1 = tfm.gelu %x {approximate = #tfm.gelu_approx<none>} : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %2 = tfm.gelu %x {approximate = #tfm.gelu_approx<tanh>} : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %3 = tfm.gelu %s {approximate = #tfm.gelu_approx<tanh>} : (tensor<f64>) -> tensor<f64>
  return %0, %1, %2, %3 : tensor<2x8xf32>, tensor<2x8xf32>, tensor<2x8xf32>, tensor<f64>
}

// attention with a full mask, without a mask, with a broadcast mask, and
// without batch dimensions.
// CHECK-LABEL: func.func @attention(
// CHECK-NEXT: %0 = tfm.attention %arg0, %arg1, %arg2, %arg3 {num_heads = 4 : i64, scale = 0.707106769 : f32} : (tensor<2x5x8xf32>, tensor<2x7x8xf32>, tensor<2x7x12xf32>, tensor<2x4x5x7xf32>) -> tensor<2x5x12xf32>
// CHECK-NEXT: %1 = tfm.attention %arg0, %arg1, %arg2 {num_heads = 4 : i64, scale = 0.707106769 : f32} : (tensor<2x5x8xf32>, tensor<2x7x8xf32>, tensor<2x7x12xf32>) -> tensor<2x5x12xf32>
// CHECK-NEXT: %2 = tfm.attention %arg0, %arg1, %arg2, %arg4 {num_heads = 2 : i64, scale = 5.000000e-01 : f32} : (tensor<2x5x8xf32>, tensor<2x7x8xf32>, tensor<2x7x12xf32>, tensor<1x7xf32>) -> tensor<2x5x12xf32>
// CHECK-NEXT: %3 = tfm.attention %arg5, %arg5, %arg5 {num_heads = 1 : i64, scale = 1.000000e+00 : f32} : (tensor<5x8xf32>, tensor<5x8xf32>, tensor<5x8xf32>) -> tensor<5x8xf32>
// CHECK-NEXT: return %0, %1, %2, %3 : tensor<2x5x12xf32>, tensor<2x5x12xf32>, tensor<2x5x12xf32>, tensor<5x8xf32>
func.func @attention(%q: tensor<2x5x8xf32>, %k: tensor<2x7x8xf32>, %v: tensor<2x7x12xf32>, %mask: tensor<2x4x5x7xf32>, %bmask: tensor<1x7xf32>, %q2: tensor<5x8xf32>) -> (tensor<2x5x12xf32>, tensor<2x5x12xf32>, tensor<2x5x12xf32>, tensor<5x8xf32>) {
  %0 = tfm.attention %q, %k, %v, %mask {num_heads = 4 : i64, scale = 0.707106769 : f32} : (tensor<2x5x8xf32>, tensor<2x7x8xf32>, tensor<2x7x12xf32>, tensor<2x4x5x7xf32>) -> tensor<2x5x12xf32>
  %1 = tfm.attention %q, %k, %v {num_heads = 4 : i64, scale = 0.707106769 : f32} : (tensor<2x5x8xf32>, tensor<2x7x8xf32>, tensor<2x7x12xf32>) -> tensor<2x5x12xf32>
  %2 = tfm.attention %q, %k, %v, %bmask {num_heads = 2 : i64, scale = 5.000000e-01 : f32} : (tensor<2x5x8xf32>, tensor<2x7x8xf32>, tensor<2x7x12xf32>, tensor<1x7xf32>) -> tensor<2x5x12xf32>
  %3 = tfm.attention %q2, %q2, %q2 {num_heads = 1 : i64, scale = 1.0 : f32} : (tensor<5x8xf32>, tensor<5x8xf32>, tensor<5x8xf32>) -> tensor<5x8xf32>
  return %0, %1, %2, %3 : tensor<2x5x12xf32>, tensor<2x5x12xf32>, tensor<2x5x12xf32>, tensor<5x8xf32>
}

// Float-only unary ops and the attribute-carrying activations.
// CHECK-LABEL: func.func @unary_float(
// CHECK-NEXT: %0 = tfm.exp %arg0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %1 = tfm.log %0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %2 = tfm.sqrt %1 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %3 = tfm.rsqrt %2 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %4 = tfm.reciprocal %3 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %5 = tfm.tanh %4 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %6 = tfm.erf %5 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %7 = tfm.sigmoid %6 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %8 = tfm.sin %7 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %9 = tfm.cos %8 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %10 = tfm.floor %9 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %11 = tfm.ceil %10 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %12 = tfm.round %11 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %13 = tfm.clamp %12 {max = 6.000000e+00 : f32, min = 0.000000e+00 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %14 = tfm.clamp %13 {max = 1.000000e+00 : f32, min = 1.000000e+00 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %15 = tfm.leaky_relu %14 {alpha = 0.00999999977 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %16 = tfm.hard_sigmoid %15 {alpha = 2.000000e-01 : f32, beta = 5.000000e-01 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: return %16 : tensor<2x3xf32>
func.func @unary_float(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = tfm.exp %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = tfm.log %0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %2 = tfm.sqrt %1 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %3 = tfm.rsqrt %2 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %4 = tfm.reciprocal %3 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %5 = tfm.tanh %4 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %6 = tfm.erf %5 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %7 = tfm.sigmoid %6 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %8 = tfm.sin %7 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %9 = tfm.cos %8 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %10 = tfm.floor %9 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %11 = tfm.ceil %10 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %12 = tfm.round %11 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %13 = tfm.clamp %12 {max = 6.0 : f32, min = 0.0 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %14 = tfm.clamp %13 {max = 1.0 : f32, min = 1.0 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %15 = tfm.leaky_relu %14 {alpha = 0.01 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %16 = tfm.hard_sigmoid %15 {alpha = 0.2 : f32, beta = 0.5 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %16 : tensor<2x3xf32>
}

// Unary ops that also take signless integers.
// CHECK-LABEL: func.func @unary_numeric(
// CHECK-NEXT: %0 = tfm.neg %arg0 : (tensor<4xf16>) -> tensor<4xf16>
// CHECK-NEXT: %1 = tfm.abs %0 : (tensor<4xf16>) -> tensor<4xf16>
// CHECK-NEXT: %2 = tfm.relu %1 : (tensor<4xf16>) -> tensor<4xf16>
// CHECK-NEXT: %3 = tfm.sign %2 : (tensor<4xf16>) -> tensor<4xf16>
// CHECK-NEXT: %4 = tfm.neg %arg1 : (tensor<4xi8>) -> tensor<4xi8>
// CHECK-NEXT: %5 = tfm.abs %4 : (tensor<4xi8>) -> tensor<4xi8>
// CHECK-NEXT: %6 = tfm.relu %5 : (tensor<4xi8>) -> tensor<4xi8>
// CHECK-NEXT: %7 = tfm.sign %6 : (tensor<4xi8>) -> tensor<4xi8>
// CHECK-NEXT: return %3, %7 : tensor<4xf16>, tensor<4xi8>
func.func @unary_numeric(%x: tensor<4xf16>, %i: tensor<4xi8>) -> (tensor<4xf16>, tensor<4xi8>) {
  %0 = tfm.neg %x : (tensor<4xf16>) -> tensor<4xf16>
  %1 = tfm.abs %0 : (tensor<4xf16>) -> tensor<4xf16>
  %2 = tfm.relu %1 : (tensor<4xf16>) -> tensor<4xf16>
  %3 = tfm.sign %2 : (tensor<4xf16>) -> tensor<4xf16>
  %4 = tfm.neg %i : (tensor<4xi8>) -> tensor<4xi8>
  %5 = tfm.abs %4 : (tensor<4xi8>) -> tensor<4xi8>
  %6 = tfm.relu %5 : (tensor<4xi8>) -> tensor<4xi8>
  %7 = tfm.sign %6 : (tensor<4xi8>) -> tensor<4xi8>
  return %3, %7 : tensor<4xf16>, tensor<4xi8>
}

// Binary ops with numpy broadcasting, on floats and integers.
// CHECK-LABEL: func.func @binary(
// CHECK-NEXT: %0 = tfm.add %arg0, %arg1 : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %1 = tfm.sub %0, %arg2 : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK-NEXT: %2 = tfm.mul %arg2, %1 : (tensor<f32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %3 = tfm.div %2, %arg1 : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %4 = tfm.pow %3, %arg2 : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK-NEXT: %5 = tfm.max %4, %arg0 : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %6 = tfm.min %5, %arg3 : (tensor<2x3xf32>, tensor<4x1x3xf32>) -> tensor<4x2x3xf32>
// CHECK-NEXT: %7 = tfm.add %arg4, %arg5 : (tensor<2x1xi64>, tensor<5xi64>) -> tensor<2x5xi64>
// CHECK-NEXT: %8 = tfm.sub %7, %arg5 : (tensor<2x5xi64>, tensor<5xi64>) -> tensor<2x5xi64>
// CHECK-NEXT: %9 = tfm.mul %8, %arg4 : (tensor<2x5xi64>, tensor<2x1xi64>) -> tensor<2x5xi64>
// CHECK-NEXT: %10 = tfm.div %9, %arg5 : (tensor<2x5xi64>, tensor<5xi64>) -> tensor<2x5xi64>
// CHECK-NEXT: %11 = tfm.max %10, %arg4 : (tensor<2x5xi64>, tensor<2x1xi64>) -> tensor<2x5xi64>
// CHECK-NEXT: %12 = tfm.min %11, %arg5 : (tensor<2x5xi64>, tensor<5xi64>) -> tensor<2x5xi64>
// CHECK-NEXT: return %5, %6, %12 : tensor<2x3xf32>, tensor<4x2x3xf32>, tensor<2x5xi64>
func.func @binary(%a: tensor<2x3xf32>, %b: tensor<3xf32>, %s: tensor<f32>, %c: tensor<4x1x3xf32>, %i: tensor<2x1xi64>, %j: tensor<5xi64>) -> (tensor<2x3xf32>, tensor<4x2x3xf32>, tensor<2x5xi64>) {
  %0 = tfm.add %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %1 = tfm.sub %0, %s : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  %2 = tfm.mul %s, %1 : (tensor<f32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %3 = tfm.div %2, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %4 = tfm.pow %3, %s : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  %5 = tfm.max %4, %a : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %6 = tfm.min %5, %c : (tensor<2x3xf32>, tensor<4x1x3xf32>) -> tensor<4x2x3xf32>
  %7 = tfm.add %i, %j : (tensor<2x1xi64>, tensor<5xi64>) -> tensor<2x5xi64>
  %8 = tfm.sub %7, %j : (tensor<2x5xi64>, tensor<5xi64>) -> tensor<2x5xi64>
  %9 = tfm.mul %8, %i : (tensor<2x5xi64>, tensor<2x1xi64>) -> tensor<2x5xi64>
  %10 = tfm.div %9, %j : (tensor<2x5xi64>, tensor<5xi64>) -> tensor<2x5xi64>
  %11 = tfm.max %10, %i : (tensor<2x5xi64>, tensor<2x1xi64>) -> tensor<2x5xi64>
  %12 = tfm.min %11, %j : (tensor<2x5xi64>, tensor<5xi64>) -> tensor<2x5xi64>
  return %5, %6, %12 : tensor<2x3xf32>, tensor<4x2x3xf32>, tensor<2x5xi64>
}

// Broadcasting between rank 0 and rank 3, either way round.
// CHECK-LABEL: func.func @broadcast_rank0_rank3(
// CHECK-NEXT: %0 = tfm.add %arg0, %arg1 : (tensor<f32>, tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
// CHECK-NEXT: %1 = tfm.mul %arg1, %arg0 : (tensor<2x3x4xf32>, tensor<f32>) -> tensor<2x3x4xf32>
// CHECK-NEXT: %2 = tfm.add %arg0, %arg0 : (tensor<f32>, tensor<f32>) -> tensor<f32>
// CHECK-NEXT: return %0, %1, %2 : tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<f32>
func.func @broadcast_rank0_rank3(%s: tensor<f32>, %t: tensor<2x3x4xf32>) -> (tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<f32>) {
  %0 = tfm.add %s, %t : (tensor<f32>, tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %1 = tfm.mul %t, %s : (tensor<2x3x4xf32>, tensor<f32>) -> tensor<2x3x4xf32>
  %2 = tfm.add %s, %s : (tensor<f32>, tensor<f32>) -> tensor<f32>
  return %0, %1, %2 : tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<f32>
}

// Bool-only ops.
// CHECK-LABEL: func.func @logical(
// CHECK-NEXT: %0 = tfm.and %arg0, %arg1 : (tensor<2x3xi1>, tensor<3xi1>) -> tensor<2x3xi1>
// CHECK-NEXT: %1 = tfm.or %0, %arg2 : (tensor<2x3xi1>, tensor<i1>) -> tensor<2x3xi1>
// CHECK-NEXT: %2 = tfm.xor %1, %arg0 : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
// CHECK-NEXT: %3 = tfm.not %2 : (tensor<2x3xi1>) -> tensor<2x3xi1>
// CHECK-NEXT: return %3 : tensor<2x3xi1>
func.func @logical(%p: tensor<2x3xi1>, %q: tensor<3xi1>, %r: tensor<i1>) -> tensor<2x3xi1> {
  %0 = tfm.and %p, %q : (tensor<2x3xi1>, tensor<3xi1>) -> tensor<2x3xi1>
  %1 = tfm.or %0, %r : (tensor<2x3xi1>, tensor<i1>) -> tensor<2x3xi1>
  %2 = tfm.xor %1, %p : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  %3 = tfm.not %2 : (tensor<2x3xi1>) -> tensor<2x3xi1>
  return %3 : tensor<2x3xi1>
}

// Comparisons return i1; select broadcasts its three operands and takes
// any element type.
// CHECK-LABEL: func.func @compare_select(
// CHECK-NEXT: %0 = tfm.equal %arg0, %arg1 : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
// CHECK-NEXT: %1 = tfm.less %arg0, %arg1 : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
// CHECK-NEXT: %2 = tfm.less_equal %arg0, %arg0 : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
// CHECK-NEXT: %3 = tfm.greater %arg2, %arg3 : (tensor<4xi32>, tensor<i32>) -> tensor<4xi1>
// CHECK-NEXT: %4 = tfm.greater_equal %arg3, %arg2 : (tensor<i32>, tensor<4xi32>) -> tensor<4xi1>
// CHECK-NEXT: %5 = tfm.select %0, %arg0, %arg4 : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK-NEXT: %6 = tfm.select %3, %arg2, %arg3 : (tensor<4xi1>, tensor<4xi32>, tensor<i32>) -> tensor<4xi32>
// CHECK-NEXT: %7 = tfm.select %1, %2, %0 : (tensor<2x3xi1>, tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
// CHECK-NEXT: return %0, %1, %2, %3, %4, %5, %6, %7 : tensor<2x3xi1>, tensor<2x3xi1>, tensor<2x3xi1>, tensor<4xi1>, tensor<4xi1>, tensor<2x3xf32>, tensor<4xi32>, tensor<2x3xi1>
func.func @compare_select(%a: tensor<2x3xf32>, %b: tensor<3xf32>, %i: tensor<4xi32>, %j: tensor<i32>, %s: tensor<f32>) -> (tensor<2x3xi1>, tensor<2x3xi1>, tensor<2x3xi1>, tensor<4xi1>, tensor<4xi1>, tensor<2x3xf32>, tensor<4xi32>, tensor<2x3xi1>) {
  %0 = tfm.equal %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  %1 = tfm.less %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  %2 = tfm.less_equal %a, %a : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  %3 = tfm.greater %i, %j : (tensor<4xi32>, tensor<i32>) -> tensor<4xi1>
  %4 = tfm.greater_equal %j, %i : (tensor<i32>, tensor<4xi32>) -> tensor<4xi1>
  %5 = tfm.select %0, %a, %s : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  %6 = tfm.select %3, %i, %j : (tensor<4xi1>, tensor<4xi32>, tensor<i32>) -> tensor<4xi32>
  %7 = tfm.select %1, %2, %0 : (tensor<2x3xi1>, tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  return %0, %1, %2, %3, %4, %5, %6, %7 : tensor<2x3xi1>, tensor<2x3xi1>, tensor<2x3xi1>, tensor<4xi1>, tensor<4xi1>, tensor<2x3xf32>, tensor<4xi32>, tensor<2x3xi1>
}

// Reductions: keep_dims default (true, not printed) and false, an empty
// axis list (identity), all axes (rank 0 result), integers.
// CHECK-LABEL: func.func @reductions(
// CHECK-NEXT: %0 = tfm.reduce_sum %arg0 {axes = array<i64: 1, 2>} : (tensor<2x3x4xf32>) -> tensor<2x1x1xf32>
// CHECK-NEXT: %1 = tfm.reduce_mean %arg0 {axes = array<i64: 1, 2>, keep_dims = false} : (tensor<2x3x4xf32>) -> tensor<2xf32>
// CHECK-NEXT: %2 = tfm.reduce_max %arg0 {axes = array<i64: 0, 2>} : (tensor<2x3x4xf32>) -> tensor<1x3x1xf32>
// CHECK-NEXT: %3 = tfm.reduce_min %arg0 {axes = array<i64: 0, 2>, keep_dims = false} : (tensor<2x3x4xf32>) -> tensor<3xf32>
// CHECK-NEXT: %4 = tfm.reduce_prod %arg0 {axes = array<i64: 0, 1, 2>, keep_dims = false} : (tensor<2x3x4xf32>) -> tensor<f32>
// CHECK-NEXT: %5 = tfm.reduce_sum %arg1 {axes = array<i64>} : (tensor<5x6xi32>) -> tensor<5x6xi32>
// CHECK-NEXT: %6 = tfm.reduce_max %arg1 {axes = array<i64: 0>, keep_dims = false} : (tensor<5x6xi32>) -> tensor<6xi32>
// CHECK-NEXT: return %0, %1, %2, %3, %4, %5, %6 : tensor<2x1x1xf32>, tensor<2xf32>, tensor<1x3x1xf32>, tensor<3xf32>, tensor<f32>, tensor<5x6xi32>, tensor<6xi32>
func.func @reductions(%x: tensor<2x3x4xf32>, %i: tensor<5x6xi32>) -> (tensor<2x1x1xf32>, tensor<2xf32>, tensor<1x3x1xf32>, tensor<3xf32>, tensor<f32>, tensor<5x6xi32>, tensor<6xi32>) {
  %0 = tfm.reduce_sum %x {axes = array<i64: 1, 2>} : (tensor<2x3x4xf32>) -> tensor<2x1x1xf32>
  %1 = tfm.reduce_mean %x {axes = array<i64: 1, 2>, keep_dims = false} : (tensor<2x3x4xf32>) -> tensor<2xf32>
  %2 = tfm.reduce_max %x {axes = array<i64: 0, 2>, keep_dims = true} : (tensor<2x3x4xf32>) -> tensor<1x3x1xf32>
  %3 = tfm.reduce_min %x {axes = array<i64: 0, 2>, keep_dims = false} : (tensor<2x3x4xf32>) -> tensor<3xf32>
  %4 = tfm.reduce_prod %x {axes = array<i64: 0, 1, 2>, keep_dims = false} : (tensor<2x3x4xf32>) -> tensor<f32>
  %5 = tfm.reduce_sum %i {axes = array<i64>} : (tensor<5x6xi32>) -> tensor<5x6xi32>
  %6 = tfm.reduce_max %i {axes = array<i64: 0>, keep_dims = false} : (tensor<5x6xi32>) -> tensor<6xi32>
  return %0, %1, %2, %3, %4, %5, %6 : tensor<2x1x1xf32>, tensor<2xf32>, tensor<1x3x1xf32>, tensor<3xf32>, tensor<f32>, tensor<5x6xi32>, tensor<6xi32>
}

// argmax/argmin return i64; defaults of keep_dims/select_last_index are
// not printed.
// CHECK-LABEL: func.func @arg_reductions(
// CHECK-NEXT: %0 = tfm.argmax %arg0 {axis = 1 : i64} : (tensor<2x3x4xf32>) -> tensor<2x1x4xi64>
// CHECK-NEXT: %1 = tfm.argmin %arg0 {axis = 2 : i64, keep_dims = false, select_last_index = true} : (tensor<2x3x4xf32>) -> tensor<2x3xi64>
// CHECK-NEXT: %2 = tfm.argmax %arg1 {axis = 0 : i64, keep_dims = false} : (tensor<7xi8>) -> tensor<i64>
// CHECK-NEXT: %3 = tfm.argmin %arg1 {axis = 0 : i64} : (tensor<7xi8>) -> tensor<1xi64>
// CHECK-NEXT: return %0, %1, %2, %3 : tensor<2x1x4xi64>, tensor<2x3xi64>, tensor<i64>, tensor<1xi64>
func.func @arg_reductions(%x: tensor<2x3x4xf32>, %v: tensor<7xi8>) -> (tensor<2x1x4xi64>, tensor<2x3xi64>, tensor<i64>, tensor<1xi64>) {
  %0 = tfm.argmax %x {axis = 1 : i64} : (tensor<2x3x4xf32>) -> tensor<2x1x4xi64>
  %1 = tfm.argmin %x {axis = 2 : i64, keep_dims = false, select_last_index = true} : (tensor<2x3x4xf32>) -> tensor<2x3xi64>
  %2 = tfm.argmax %v {axis = 0 : i64, keep_dims = false} : (tensor<7xi8>) -> tensor<i64>
  %3 = tfm.argmin %v {axis = 0 : i64, keep_dims = true, select_last_index = false} : (tensor<7xi8>) -> tensor<1xi64>
  return %0, %1, %2, %3 : tensor<2x1x4xi64>, tensor<2x3xi64>, tensor<i64>, tensor<1xi64>
}

// Ops whose written result type is their specification.
// CHECK-LABEL: func.func @reshape_broadcast_cast(
// CHECK-NEXT: %0 = tfm.reshape %arg0 : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
// CHECK-NEXT: %1 = tfm.reshape %arg1 : (tensor<f32>) -> tensor<f32>
// CHECK-NEXT: %2 = tfm.reshape %arg1 : (tensor<f32>) -> tensor<1x1xf32>
// CHECK-NEXT: %3 = tfm.broadcast_to %arg1 : (tensor<f32>) -> tensor<2x3x4xf32>
// CHECK-NEXT: %4 = tfm.broadcast_to %arg2 : (tensor<3x1xi32>) -> tensor<5x3x7xi32>
// CHECK-NEXT: %5 = tfm.cast %arg0 : (tensor<2x3x4xf32>) -> tensor<2x3x4xf16>
// CHECK-NEXT: %6 = tfm.cast %arg0 : (tensor<2x3x4xf32>) -> tensor<2x3x4xi1>
// CHECK-NEXT: %7 = tfm.cast %arg2 : (tensor<3x1xi32>) -> tensor<3x1xf32>
// CHECK-NEXT: return %0, %1, %2, %3, %4, %5, %6, %7 : tensor<6x4xf32>, tensor<f32>, tensor<1x1xf32>, tensor<2x3x4xf32>, tensor<5x3x7xi32>, tensor<2x3x4xf16>, tensor<2x3x4xi1>, tensor<3x1xf32>
func.func @reshape_broadcast_cast(%x: tensor<2x3x4xf32>, %s: tensor<f32>, %r: tensor<3x1xi32>) -> (tensor<6x4xf32>, tensor<f32>, tensor<1x1xf32>, tensor<2x3x4xf32>, tensor<5x3x7xi32>, tensor<2x3x4xf16>, tensor<2x3x4xi1>, tensor<3x1xf32>) {
  %0 = tfm.reshape %x : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  %1 = tfm.reshape %s : (tensor<f32>) -> tensor<f32>
  %2 = tfm.reshape %s : (tensor<f32>) -> tensor<1x1xf32>
  %3 = tfm.broadcast_to %s : (tensor<f32>) -> tensor<2x3x4xf32>
  %4 = tfm.broadcast_to %r : (tensor<3x1xi32>) -> tensor<5x3x7xi32>
  %5 = tfm.cast %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf16>
  %6 = tfm.cast %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xi1>
  %7 = tfm.cast %r : (tensor<3x1xi32>) -> tensor<3x1xf32>
  return %0, %1, %2, %3, %4, %5, %6, %7 : tensor<6x4xf32>, tensor<f32>, tensor<1x1xf32>, tensor<2x3x4xf32>, tensor<5x3x7xi32>, tensor<2x3x4xf16>, tensor<2x3x4xi1>, tensor<3x1xf32>
}

// transpose (rank 0 with an empty perm included) and slice with negative
// strides, i1 data and an empty result.
// CHECK-LABEL: func.func @transpose_slice(
// CHECK-NEXT: %0 = tfm.transpose %arg0 {perm = array<i64: 2, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
// CHECK-NEXT: %1 = tfm.transpose %arg2 {perm = array<i64>} : (tensor<i32>) -> tensor<i32>
// CHECK-NEXT: %2 = tfm.slice %arg0 {offsets = array<i64: 1, 0, 3>, sizes = array<i64: 1, 2, 2>, strides = array<i64: 1, 2, -2>} : (tensor<2x3x4xf32>) -> tensor<1x2x2xf32>
// CHECK-NEXT: %3 = tfm.slice %arg1 {offsets = array<i64: 1>, sizes = array<i64: 4>, strides = array<i64: 2>} : (tensor<8xi1>) -> tensor<4xi1>
// CHECK-NEXT: %4 = tfm.slice %arg0 {offsets = array<i64: 5, 0, 0>, sizes = array<i64: 0, 3, 4>, strides = array<i64: 1, 1, 1>} : (tensor<2x3x4xf32>) -> tensor<0x3x4xf32>
// CHECK-NEXT: return %0, %1, %2, %3, %4 : tensor<4x2x3xf32>, tensor<i32>, tensor<1x2x2xf32>, tensor<4xi1>, tensor<0x3x4xf32>
func.func @transpose_slice(%x: tensor<2x3x4xf32>, %b: tensor<8xi1>, %s: tensor<i32>) -> (tensor<4x2x3xf32>, tensor<i32>, tensor<1x2x2xf32>, tensor<4xi1>, tensor<0x3x4xf32>) {
  %0 = tfm.transpose %x {perm = array<i64: 2, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  %1 = tfm.transpose %s {perm = array<i64>} : (tensor<i32>) -> tensor<i32>
  %2 = tfm.slice %x {offsets = array<i64: 1, 0, 3>, sizes = array<i64: 1, 2, 2>, strides = array<i64: 1, 2, -2>} : (tensor<2x3x4xf32>) -> tensor<1x2x2xf32>
  %3 = tfm.slice %b {offsets = array<i64: 1>, sizes = array<i64: 4>, strides = array<i64: 2>} : (tensor<8xi1>) -> tensor<4xi1>
  %4 = tfm.slice %x {offsets = array<i64: 5, 0, 0>, sizes = array<i64: 0, 3, 4>, strides = array<i64: 1, 1, 1>} : (tensor<2x3x4xf32>) -> tensor<0x3x4xf32>
  return %0, %1, %2, %3, %4 : tensor<4x2x3xf32>, tensor<i32>, tensor<1x2x2xf32>, tensor<4xi1>, tensor<0x3x4xf32>
}

// concat of one and two inputs; gather with i32 and rank-0 i64 indices.
// CHECK-LABEL: func.func @concat_gather(
// CHECK-NEXT: %0 = tfm.concat %arg0, %arg1 {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>
// CHECK-NEXT: %1 = tfm.concat %arg0, %arg0 {axis = 0 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<4x3xf32>
// CHECK-NEXT: %2 = tfm.concat %arg2 {axis = 0 : i64} : (tensor<4xi64>) -> tensor<4xi64>
// CHECK-NEXT: %3 = tfm.gather %arg0, %arg3 {axis = 0 : i64} : (tensor<2x3xf32>, tensor<2x2xi32>) -> tensor<2x2x3xf32>
// CHECK-NEXT: %4 = tfm.gather %arg0, %arg4 {axis = 1 : i64} : (tensor<2x3xf32>, tensor<i64>) -> tensor<2xf32>
// CHECK-NEXT: %5 = tfm.gather %arg0, %arg3 {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x2xi32>) -> tensor<2x2x2xf32>
// CHECK-NEXT: return %0, %1, %2, %3, %4, %5 : tensor<2x8xf32>, tensor<4x3xf32>, tensor<4xi64>, tensor<2x2x3xf32>, tensor<2xf32>, tensor<2x2x2xf32>
func.func @concat_gather(%a: tensor<2x3xf32>, %b: tensor<2x5xf32>, %c: tensor<4xi64>, %idx: tensor<2x2xi32>, %i64: tensor<i64>) -> (tensor<2x8xf32>, tensor<4x3xf32>, tensor<4xi64>, tensor<2x2x3xf32>, tensor<2xf32>, tensor<2x2x2xf32>) {
  %0 = tfm.concat %a, %b {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>
  %1 = tfm.concat %a, %a {axis = 0 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<4x3xf32>
  %2 = tfm.concat %c {axis = 0 : i64} : (tensor<4xi64>) -> tensor<4xi64>
  %3 = tfm.gather %a, %idx {axis = 0 : i64} : (tensor<2x3xf32>, tensor<2x2xi32>) -> tensor<2x2x3xf32>
  %4 = tfm.gather %a, %i64 {axis = 1 : i64} : (tensor<2x3xf32>, tensor<i64>) -> tensor<2xf32>
  %5 = tfm.gather %a, %idx {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x2xi32>) -> tensor<2x2x2xf32>
  return %0, %1, %2, %3, %4, %5 : tensor<2x8xf32>, tensor<4x3xf32>, tensor<4xi64>, tensor<2x2x3xf32>, tensor<2xf32>, tensor<2x2x2xf32>
}

// pad in every mode; value defaults to 0.0 and is then not printed.
// CHECK-LABEL: func.func @pad(
// CHECK-NEXT: %0 = tfm.pad %arg0 {high = array<i64: 1, 2>, low = array<i64: 0, 2>, mode = #tfm.pad_mode<constant>, value = -1.500000e+00 : f64} : (tensor<2x3xf32>) -> tensor<3x7xf32>
// CHECK-NEXT: %1 = tfm.pad %arg0 {high = array<i64: 1, 2>, low = array<i64: 1, 0>, mode = #tfm.pad_mode<reflect>} : (tensor<2x3xf32>) -> tensor<4x5xf32>
// CHECK-NEXT: %2 = tfm.pad %arg0 {high = array<i64: 0, 4>, low = array<i64: 0, 0>, mode = #tfm.pad_mode<edge>} : (tensor<2x3xf32>) -> tensor<2x7xf32>
// CHECK-NEXT: %3 = tfm.pad %arg1 {high = array<i64: 1>, low = array<i64: 1>, mode = #tfm.pad_mode<constant>} : (tensor<4xi32>) -> tensor<6xi32>
// CHECK-NEXT: return %0, %1, %2, %3 : tensor<3x7xf32>, tensor<4x5xf32>, tensor<2x7xf32>, tensor<6xi32>
func.func @pad(%x: tensor<2x3xf32>, %i: tensor<4xi32>) -> (tensor<3x7xf32>, tensor<4x5xf32>, tensor<2x7xf32>, tensor<6xi32>) {
  %0 = tfm.pad %x {high = array<i64: 1, 2>, low = array<i64: 0, 2>, mode = #tfm.pad_mode<constant>, value = -1.5 : f64} : (tensor<2x3xf32>) -> tensor<3x7xf32>
  %1 = tfm.pad %x {high = array<i64: 1, 2>, low = array<i64: 1, 0>, mode = #tfm.pad_mode<reflect>} : (tensor<2x3xf32>) -> tensor<4x5xf32>
  %2 = tfm.pad %x {high = array<i64: 0, 4>, low = array<i64: 0, 0>, mode = #tfm.pad_mode<edge>} : (tensor<2x3xf32>) -> tensor<2x7xf32>
  %3 = tfm.pad %i {high = array<i64: 1>, low = array<i64: 1>, mode = #tfm.pad_mode<constant>, value = 0.0 : f64} : (tensor<4xi32>) -> tensor<6xi32>
  return %0, %1, %2, %3 : tensor<3x7xf32>, tensor<4x5xf32>, tensor<2x7xf32>, tensor<6xi32>
}

// Pooling: plain, ceil_mode rounding up, dilated and padded max pooling;
// avg pooling with defaults; ceil_mode dropping a window that would start
// in the right padding.
// CHECK-LABEL: func.func @pooling(
// CHECK-NEXT: %0 = tfm.max_pool2d %arg0 {dilations = array<i64: 1, 1>, kernel = array<i64: 3, 3>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x3x3xf32>
// CHECK-NEXT: %1 = tfm.max_pool2d %arg0 {ceil_mode = true, dilations = array<i64: 1, 1>, kernel = array<i64: 2, 2>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x4x4xf32>
// CHECK-NEXT: %2 = tfm.max_pool2d %arg0 {dilations = array<i64: 2, 2>, kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x3x3xf32>
// CHECK-NEXT: %3 = tfm.avg_pool2d %arg0 {count_include_pad = true, kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x4x4xf32>
// CHECK-NEXT: %4 = tfm.avg_pool2d %arg0 {kernel = array<i64: 3, 3>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x3x3xf32>
// CHECK-NEXT: %5 = tfm.avg_pool2d %arg1 {ceil_mode = true, kernel = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 3, 3>} : (tensor<1x3x5x5xf32>) -> tensor<1x3x2x2xf32>
// CHECK-NEXT: return %0, %1, %2, %3, %4, %5 : tensor<1x3x3x3xf32>, tensor<1x3x4x4xf32>, tensor<1x3x3x3xf32>, tensor<1x3x4x4xf32>, tensor<1x3x3x3xf32>, tensor<1x3x2x2xf32>
func.func @pooling(%x: tensor<1x3x7x7xf32>, %y: tensor<1x3x5x5xf32>) -> (tensor<1x3x3x3xf32>, tensor<1x3x4x4xf32>, tensor<1x3x3x3xf32>, tensor<1x3x4x4xf32>, tensor<1x3x3x3xf32>, tensor<1x3x2x2xf32>) {
  %0 = tfm.max_pool2d %x {dilations = array<i64: 1, 1>, kernel = array<i64: 3, 3>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x3x3xf32>
  %1 = tfm.max_pool2d %x {ceil_mode = true, dilations = array<i64: 1, 1>, kernel = array<i64: 2, 2>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x4x4xf32>
  %2 = tfm.max_pool2d %x {dilations = array<i64: 2, 2>, kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x3x3xf32>
  %3 = tfm.avg_pool2d %x {count_include_pad = true, kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x4x4xf32>
  %4 = tfm.avg_pool2d %x {ceil_mode = false, count_include_pad = false, kernel = array<i64: 3, 3>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x3x3xf32>
  %5 = tfm.avg_pool2d %y {ceil_mode = true, kernel = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 3, 3>} : (tensor<1x3x5x5xf32>) -> tensor<1x3x2x2xf32>
  return %0, %1, %2, %3, %4, %5 : tensor<1x3x3x3xf32>, tensor<1x3x4x4xf32>, tensor<1x3x3x3xf32>, tensor<1x3x4x4xf32>, tensor<1x3x3x3xf32>, tensor<1x3x2x2xf32>
}

// The resource blob survives the round trip: 4-byte alignment header, then
// the f32 values 1, 2, 3, 4.
// CHECK:      {-#
// CHECK-NEXT:   dialect_resources: {
// CHECK-NEXT:     builtin: {
// CHECK-NEXT:       blob: "0x040000000000803F000000400000404000008040"
// CHECK-NEXT:     }
// CHECK-NEXT:   }
// CHECK-NEXT: #-}
// GENERIC: blob: "0x040000000000803F000000400000404000008040"

{-#
  dialect_resources: {
    builtin: {
      blob: "0x040000000000803F000000400000404000008040"
    }
  }
#-}
