// RUN: tcc-opt %s --tfm-raise-layer-norm | FileCheck %s

// torch.onnx (opset <= 16): ReduceMean, Sub, Pow 2, ReduceMean, Add eps,
// Sqrt, Div, Mul gamma, Add beta. The centred value %d has two uses.
// CHECK-LABEL: func.func @ln_torch
// CHECK-DAG: %[[G:.*]] = tfm.constant dense<[1.000000e+00, 1.100000e+00
// CHECK-DAG: %[[B:.*]] = tfm.constant dense<[1.000000e-01, -1.000000e-01
// CHECK: %[[LN:.*]] = tfm.layer_norm %arg0 scale %[[G]] bias %[[B]] {axis = 2 : i64, epsilon = 9.99999997E-7 : f32} : (tensor<1x4x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x4x8xf32>
// CHECK-NEXT: return %[[LN]]
func.func @ln_torch(%x: tensor<1x4x8xf32>) -> tensor<1x4x8xf32> {
  %two = tfm.constant dense<2.000000e+00> : tensor<f32>
  %eps = tfm.constant dense<9.99999997E-7> : tensor<f32>
  %g = tfm.constant dense<[1.0, 1.1, 0.9, 1.2, 0.8, 1.3, 0.7, 1.0]> : tensor<8xf32>
  %b = tfm.constant dense<[0.1, -0.1, 0.2, -0.2, 0.3, -0.3, 0.0, 0.05]> : tensor<8xf32>
  %m = tfm.reduce_mean %x {axes = array<i64: 2>, keep_dims = true} : (tensor<1x4x8xf32>) -> tensor<1x4x1xf32>
  %d = tfm.sub %x, %m : (tensor<1x4x8xf32>, tensor<1x4x1xf32>) -> tensor<1x4x8xf32>
  %p = tfm.pow %d, %two : (tensor<1x4x8xf32>, tensor<f32>) -> tensor<1x4x8xf32>
  %v = tfm.reduce_mean %p {axes = array<i64: 2>, keep_dims = true} : (tensor<1x4x8xf32>) -> tensor<1x4x1xf32>
  %e = tfm.add %v, %eps : (tensor<1x4x1xf32>, tensor<f32>) -> tensor<1x4x1xf32>
  %s = tfm.sqrt %e : (tensor<1x4x1xf32>) -> tensor<1x4x1xf32>
  %n = tfm.div %d, %s : (tensor<1x4x8xf32>, tensor<1x4x1xf32>) -> tensor<1x4x8xf32>
  %y = tfm.mul %n, %g : (tensor<1x4x8xf32>, tensor<8xf32>) -> tensor<1x4x8xf32>
  %z = tfm.add %y, %b : (tensor<1x4x8xf32>, tensor<8xf32>) -> tensor<1x4x8xf32>
  return %z : tensor<1x4x8xf32>
}

// d * d for the square, eps on the left of the add, rank-1 constants, no
// affine.
// CHECK-LABEL: func.func @ln_mul_square_no_affine
// CHECK-NEXT: %[[LN:.*]] = tfm.layer_norm %arg0 {axis = 1 : i64, epsilon = 9.99999974E-6 : f32} : (tensor<4x8xf32>) -> tensor<4x8xf32>
// CHECK-NEXT: return %[[LN]]
func.func @ln_mul_square_no_affine(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %eps = tfm.constant dense<9.99999974E-6> : tensor<1xf32>
  %m = tfm.reduce_mean %x {axes = array<i64: 1>, keep_dims = true} : (tensor<4x8xf32>) -> tensor<4x1xf32>
  %d = tfm.sub %x, %m : (tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  %p = tfm.mul %d, %d : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %v = tfm.reduce_mean %p {axes = array<i64: 1>, keep_dims = true} : (tensor<4x8xf32>) -> tensor<4x1xf32>
  %e = tfm.add %eps, %v : (tensor<1xf32>, tensor<4x1xf32>) -> tensor<4x1xf32>
  %s = tfm.sqrt %e : (tensor<4x1xf32>) -> tensor<4x1xf32>
  %n = tfm.div %d, %s : (tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  return %n : tensor<4x8xf32>
}

// Mul by rsqrt, gamma only (on the left of the mul).
// CHECK-LABEL: func.func @ln_rsqrt_gamma_only
// CHECK: %[[G:.*]] = tfm.constant dense<[2.000000e+00, 3.000000e+00, 4.000000e+00, 5.000000e+00]> : tensor<4xf32>
// CHECK-NEXT: %[[LN:.*]] = tfm.layer_norm %arg0 scale %[[G]] {axis = 2 : i64, epsilon = 9.99999996E-13 : f32}
// CHECK-NEXT: return %[[LN]]
func.func @ln_rsqrt_gamma_only(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %two = tfm.constant dense<2.000000e+00> : tensor<f32>
  %eps = tfm.constant dense<9.99999996E-13> : tensor<f32>
  %g = tfm.constant dense<[2.0, 3.0, 4.0, 5.0]> : tensor<4xf32>
  %m = tfm.reduce_mean %x {axes = array<i64: 2>, keep_dims = true} : (tensor<2x3x4xf32>) -> tensor<2x3x1xf32>
  %d = tfm.sub %x, %m : (tensor<2x3x4xf32>, tensor<2x3x1xf32>) -> tensor<2x3x4xf32>
  %p = tfm.pow %d, %two : (tensor<2x3x4xf32>, tensor<f32>) -> tensor<2x3x4xf32>
  %v = tfm.reduce_mean %p {axes = array<i64: 2>, keep_dims = true} : (tensor<2x3x4xf32>) -> tensor<2x3x1xf32>
  %e = tfm.add %v, %eps : (tensor<2x3x1xf32>, tensor<f32>) -> tensor<2x3x1xf32>
  %r = tfm.rsqrt %e : (tensor<2x3x1xf32>) -> tensor<2x3x1xf32>
  %n = tfm.mul %d, %r : (tensor<2x3x4xf32>, tensor<2x3x1xf32>) -> tensor<2x3x4xf32>
  %y = tfm.mul %g, %n : (tensor<4xf32>, tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %y : tensor<2x3x4xf32>
}

// reciprocal(sqrt(..)) on the left of the mul; bias without gamma.
// CHECK-LABEL: func.func @ln_reciprocal_bias_only
// CHECK: %[[B:.*]] = tfm.constant dense<[1.000000e+00, -1.000000e+00, 5.000000e-01, 0.000000e+00]> : tensor<4xf32>
// CHECK-NEXT: %[[LN:.*]] = tfm.layer_norm %arg0 bias %[[B]] {axis = 2 : i64, epsilon = 9.99999974E-6 : f32}
// CHECK-NEXT: return %[[LN]]
func.func @ln_reciprocal_bias_only(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %two = tfm.constant dense<2.000000e+00> : tensor<f32>
  %eps = tfm.constant dense<9.99999974E-6> : tensor<f32>
  %b = tfm.constant dense<[1.0, -1.0, 0.5, 0.0]> : tensor<4xf32>
  %m = tfm.reduce_mean %x {axes = array<i64: 2>, keep_dims = true} : (tensor<2x3x4xf32>) -> tensor<2x3x1xf32>
  %d = tfm.sub %x, %m : (tensor<2x3x4xf32>, tensor<2x3x1xf32>) -> tensor<2x3x4xf32>
  %p = tfm.pow %d, %two : (tensor<2x3x4xf32>, tensor<f32>) -> tensor<2x3x4xf32>
  %v = tfm.reduce_mean %p {axes = array<i64: 2>, keep_dims = true} : (tensor<2x3x4xf32>) -> tensor<2x3x1xf32>
  %e = tfm.add %v, %eps : (tensor<2x3x1xf32>, tensor<f32>) -> tensor<2x3x1xf32>
  %s = tfm.sqrt %e : (tensor<2x3x1xf32>) -> tensor<2x3x1xf32>
  %r = tfm.reciprocal %s : (tensor<2x3x1xf32>) -> tensor<2x3x1xf32>
  %n = tfm.mul %r, %d : (tensor<2x3x1xf32>, tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %y = tfm.add %b, %n : (tensor<4xf32>, tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %y : tensor<2x3x4xf32>
}

// 1 / sqrt(..) as a div by a constant one, no epsilon at all.
// CHECK-LABEL: func.func @ln_div_one_no_eps
// CHECK-NEXT: %[[LN:.*]] = tfm.layer_norm %arg0 {axis = 1 : i64, epsilon = 0.000000e+00 : f32}
// CHECK-NEXT: return %[[LN]]
func.func @ln_div_one_no_eps(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %one = tfm.constant dense<1.000000e+00> : tensor<f32>
  %m = tfm.reduce_mean %x {axes = array<i64: 1>, keep_dims = true} : (tensor<4x8xf32>) -> tensor<4x1xf32>
  %d = tfm.sub %x, %m : (tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  %p = tfm.mul %d, %d : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %v = tfm.reduce_mean %p {axes = array<i64: 1>, keep_dims = true} : (tensor<4x8xf32>) -> tensor<4x1xf32>
  %s = tfm.sqrt %v : (tensor<4x1xf32>) -> tensor<4x1xf32>
  %r = tfm.div %one, %s : (tensor<f32>, tensor<4x1xf32>) -> tensor<4x1xf32>
  %n = tfm.mul %d, %r : (tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  return %n : tensor<4x8xf32>
}

// Reduction over the two trailing axes: axis is the first reduced one; the
// [1, 3, 4] gamma is reshaped to the normalized shape [3, 4] and the scalar
// beta broadcast to it (both fold into constants).
// CHECK-LABEL: func.func @ln_two_axes
// CHECK-DAG: %[[G:.*]] = tfm.constant dense<{{\[\[}}1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00], [5.000000e+00, 6.000000e+00, 7.000000e+00, 8.000000e+00], [9.000000e+00, 1.000000e+01, 1.100000e+01, 1.200000e+01]]> : tensor<3x4xf32>
// CHECK-DAG: %[[B:.*]] = tfm.constant dense<2.500000e-01> : tensor<3x4xf32>
// CHECK: %[[LN:.*]] = tfm.layer_norm %arg0 scale %[[G]] bias %[[B]] {axis = 1 : i64, epsilon = 9.99999974E-6 : f32} : (tensor<2x3x4xf32>, tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<2x3x4xf32>
// CHECK-NEXT: return %[[LN]]
func.func @ln_two_axes(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %two = tfm.constant dense<2.000000e+00> : tensor<f32>
  %eps = tfm.constant dense<9.99999974E-6> : tensor<f32>
  %g = tfm.constant dense<[[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0]]]> : tensor<1x3x4xf32>
  %b = tfm.constant dense<2.500000e-01> : tensor<f32>
  %m = tfm.reduce_mean %x {axes = array<i64: 1, 2>, keep_dims = true} : (tensor<2x3x4xf32>) -> tensor<2x1x1xf32>
  %d = tfm.sub %x, %m : (tensor<2x3x4xf32>, tensor<2x1x1xf32>) -> tensor<2x3x4xf32>
  %p = tfm.pow %d, %two : (tensor<2x3x4xf32>, tensor<f32>) -> tensor<2x3x4xf32>
  %v = tfm.reduce_mean %p {axes = array<i64: 1, 2>, keep_dims = true} : (tensor<2x3x4xf32>) -> tensor<2x1x1xf32>
  %e = tfm.add %v, %eps : (tensor<2x1x1xf32>, tensor<f32>) -> tensor<2x1x1xf32>
  %s = tfm.sqrt %e : (tensor<2x1x1xf32>) -> tensor<2x1x1xf32>
  %n = tfm.div %d, %s : (tensor<2x3x4xf32>, tensor<2x1x1xf32>) -> tensor<2x3x4xf32>
  %y = tfm.mul %n, %g : (tensor<2x3x4xf32>, tensor<1x3x4xf32>) -> tensor<2x3x4xf32>
  %z = tfm.add %y, %b : (tensor<2x3x4xf32>, tensor<f32>) -> tensor<2x3x4xf32>
  return %z : tensor<2x3x4xf32>
}

// An integer exponent cast to float (how the importer passes an int64 Pow
// exponent) is still the square.
// CHECK-LABEL: func.func @ln_cast_exponent
// CHECK-NEXT: %[[LN:.*]] = tfm.layer_norm %arg0 {axis = 1 : i64, epsilon = 9.99999974E-6 : f32}
// CHECK-NEXT: return %[[LN]]
func.func @ln_cast_exponent(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %i2 = tfm.constant dense<2> : tensor<i64>
  %two = tfm.cast %i2 : (tensor<i64>) -> tensor<f32>
  %eps = tfm.constant dense<9.99999974E-6> : tensor<f32>
  %m = tfm.reduce_mean %x {axes = array<i64: 1>, keep_dims = true} : (tensor<4x8xf32>) -> tensor<4x1xf32>
  %d = tfm.sub %x, %m : (tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  %p = tfm.pow %d, %two : (tensor<4x8xf32>, tensor<f32>) -> tensor<4x8xf32>
  %v = tfm.reduce_mean %p {axes = array<i64: 1>, keep_dims = true} : (tensor<4x8xf32>) -> tensor<4x1xf32>
  %e = tfm.add %v, %eps : (tensor<4x1xf32>, tensor<f32>) -> tensor<4x1xf32>
  %s = tfm.sqrt %e : (tensor<4x1xf32>) -> tensor<4x1xf32>
  %n = tfm.div %d, %s : (tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  return %n : tensor<4x8xf32>
}

// A [1, 1, 4] gamma and a beta held in a resource blob: the gamma reshape
// folds; the resource's reshape stays an op (blobs are never copied).
// CHECK-LABEL: func.func @ln_unit_dims_and_resource
// CHECK-DAG: %[[G:.*]] = tfm.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> : tensor<4xf32>
// CHECK-DAG: %[[BR:.*]] = tfm.constant dense_resource<ln_beta> : tensor<1x4xf32>
// CHECK: %[[B:.*]] = tfm.reshape %[[BR]] : (tensor<1x4xf32>) -> tensor<4xf32>
// CHECK: %[[LN:.*]] = tfm.layer_norm %arg0 scale %[[G]] bias %[[B]] {axis = 2 : i64, epsilon = 9.99999974E-6 : f32}
// CHECK-NEXT: return %[[LN]]
func.func @ln_unit_dims_and_resource(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %two = tfm.constant dense<2.000000e+00> : tensor<f32>
  %eps = tfm.constant dense<9.99999974E-6> : tensor<f32>
  %g = tfm.constant dense<[[[1.0, 2.0, 3.0, 4.0]]]> : tensor<1x1x4xf32>
  %b = tfm.constant dense_resource<ln_beta> : tensor<1x4xf32>
  %m = tfm.reduce_mean %x {axes = array<i64: 2>, keep_dims = true} : (tensor<2x3x4xf32>) -> tensor<2x3x1xf32>
  %d = tfm.sub %x, %m : (tensor<2x3x4xf32>, tensor<2x3x1xf32>) -> tensor<2x3x4xf32>
  %p = tfm.pow %d, %two : (tensor<2x3x4xf32>, tensor<f32>) -> tensor<2x3x4xf32>
  %v = tfm.reduce_mean %p {axes = array<i64: 2>, keep_dims = true} : (tensor<2x3x4xf32>) -> tensor<2x3x1xf32>
  %e = tfm.add %v, %eps : (tensor<2x3x1xf32>, tensor<f32>) -> tensor<2x3x1xf32>
  %s = tfm.sqrt %e : (tensor<2x3x1xf32>) -> tensor<2x3x1xf32>
  %n = tfm.div %d, %s : (tensor<2x3x4xf32>, tensor<2x3x1xf32>) -> tensor<2x3x4xf32>
  %y = tfm.mul %n, %g : (tensor<2x3x4xf32>, tensor<1x1x4xf32>) -> tensor<2x3x4xf32>
  %z = tfm.add %y, %b : (tensor<2x3x4xf32>, tensor<1x4xf32>) -> tensor<2x3x4xf32>
  return %z : tensor<2x3x4xf32>
}

// A gamma that is not a constant stops the layer norm before it; the beta
// after it cannot be folded either.
// CHECK-LABEL: func.func @ln_gamma_not_constant
// CHECK: %[[LN:.*]] = tfm.layer_norm %arg0 {axis = 1 : i64, epsilon = 9.99999974E-6 : f32} : (tensor<4x8xf32>) -> tensor<4x8xf32>
// CHECK-NEXT: %[[Y:.*]] = tfm.mul %[[LN]], %arg1
// CHECK-NEXT: %[[Z:.*]] = tfm.add %[[Y]], %{{.*}}
// CHECK-NEXT: return %[[Z]]
func.func @ln_gamma_not_constant(%x: tensor<4x8xf32>, %g: tensor<8xf32>) -> tensor<4x8xf32> {
  %two = tfm.constant dense<2.000000e+00> : tensor<f32>
  %eps = tfm.constant dense<9.99999974E-6> : tensor<f32>
  %b = tfm.constant dense<5.000000e-01> : tensor<8xf32>
  %m = tfm.reduce_mean %x {axes = array<i64: 1>, keep_dims = true} : (tensor<4x8xf32>) -> tensor<4x1xf32>
  %d = tfm.sub %x, %m : (tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  %p = tfm.pow %d, %two : (tensor<4x8xf32>, tensor<f32>) -> tensor<4x8xf32>
  %v = tfm.reduce_mean %p {axes = array<i64: 1>, keep_dims = true} : (tensor<4x8xf32>) -> tensor<4x1xf32>
  %e = tfm.add %v, %eps : (tensor<4x1xf32>, tensor<f32>) -> tensor<4x1xf32>
  %s = tfm.sqrt %e : (tensor<4x1xf32>) -> tensor<4x1xf32>
  %n = tfm.div %d, %s : (tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  %y = tfm.mul %n, %g : (tensor<4x8xf32>, tensor<8xf32>) -> tensor<4x8xf32>
  %z = tfm.add %y, %b : (tensor<4x8xf32>, tensor<8xf32>) -> tensor<4x8xf32>
  return %z : tensor<4x8xf32>
}

// A gamma that varies along a non-normalized dim ([4, 1] on [2, 4, 8] with
// axis 2) is not a layer-norm scale: the mul stays.
// CHECK-LABEL: func.func @ln_gamma_wrong_shape
// CHECK: %[[LN:.*]] = tfm.layer_norm %arg0 {axis = 2 : i64, epsilon = 9.99999974E-6 : f32}
// CHECK-NEXT: %[[Y:.*]] = tfm.mul %[[LN]], %{{.*}} : (tensor<2x4x8xf32>, tensor<4x1xf32>)
// CHECK-NEXT: return %[[Y]]
func.func @ln_gamma_wrong_shape(%x: tensor<2x4x8xf32>) -> tensor<2x4x8xf32> {
  %two = tfm.constant dense<2.000000e+00> : tensor<f32>
  %eps = tfm.constant dense<9.99999974E-6> : tensor<f32>
  %g = tfm.constant dense<[[1.0], [2.0], [3.0], [4.0]]> : tensor<4x1xf32>
  %m = tfm.reduce_mean %x {axes = array<i64: 2>, keep_dims = true} : (tensor<2x4x8xf32>) -> tensor<2x4x1xf32>
  %d = tfm.sub %x, %m : (tensor<2x4x8xf32>, tensor<2x4x1xf32>) -> tensor<2x4x8xf32>
  %p = tfm.pow %d, %two : (tensor<2x4x8xf32>, tensor<f32>) -> tensor<2x4x8xf32>
  %v = tfm.reduce_mean %p {axes = array<i64: 2>, keep_dims = true} : (tensor<2x4x8xf32>) -> tensor<2x4x1xf32>
  %e = tfm.add %v, %eps : (tensor<2x4x1xf32>, tensor<f32>) -> tensor<2x4x1xf32>
  %s = tfm.sqrt %e : (tensor<2x4x1xf32>) -> tensor<2x4x1xf32>
  %n = tfm.div %d, %s : (tensor<2x4x8xf32>, tensor<2x4x1xf32>) -> tensor<2x4x8xf32>
  %y = tfm.mul %n, %g : (tensor<2x4x8xf32>, tensor<4x1xf32>) -> tensor<2x4x8xf32>
  return %y : tensor<2x4x8xf32>
}

// beta added before gamma multiplies: (ln + b) * g is not ln * g + b, so
// only the bias folds.
// CHECK-LABEL: func.func @ln_bias_then_scale
// CHECK: %[[LN:.*]] = tfm.layer_norm %arg0 bias %{{.*}} {axis = 1 : i64
// CHECK-NEXT: %[[Y:.*]] = tfm.mul %[[LN]], %{{.*}}
// CHECK-NEXT: return %[[Y]]
func.func @ln_bias_then_scale(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %two = tfm.constant dense<2.000000e+00> : tensor<f32>
  %eps = tfm.constant dense<9.99999974E-6> : tensor<f32>
  %g = tfm.constant dense<3.000000e+00> : tensor<8xf32>
  %b = tfm.constant dense<5.000000e-01> : tensor<8xf32>
  %m = tfm.reduce_mean %x {axes = array<i64: 1>, keep_dims = true} : (tensor<4x8xf32>) -> tensor<4x1xf32>
  %d = tfm.sub %x, %m : (tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  %p = tfm.pow %d, %two : (tensor<4x8xf32>, tensor<f32>) -> tensor<4x8xf32>
  %v = tfm.reduce_mean %p {axes = array<i64: 1>, keep_dims = true} : (tensor<4x8xf32>) -> tensor<4x1xf32>
  %e = tfm.add %v, %eps : (tensor<4x1xf32>, tensor<f32>) -> tensor<4x1xf32>
  %s = tfm.sqrt %e : (tensor<4x1xf32>) -> tensor<4x1xf32>
  %n = tfm.div %d, %s : (tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  %z = tfm.add %n, %b : (tensor<4x8xf32>, tensor<8xf32>) -> tensor<4x8xf32>
  %y = tfm.mul %z, %g : (tensor<4x8xf32>, tensor<8xf32>) -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}

// Near misses: each of these leaves the decomposed graph alone.

// Statistics over a leading axis: not a layer norm.
// CHECK-LABEL: func.func @ln_not_trailing_axis
// CHECK-NOT: tfm.layer_norm
// CHECK: return
func.func @ln_not_trailing_axis(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %two = tfm.constant dense<2.000000e+00> : tensor<f32>
  %eps = tfm.constant dense<9.99999974E-6> : tensor<f32>
  %m = tfm.reduce_mean %x {axes = array<i64: 0>, keep_dims = true} : (tensor<4x8xf32>) -> tensor<1x8xf32>
  %d = tfm.sub %x, %m : (tensor<4x8xf32>, tensor<1x8xf32>) -> tensor<4x8xf32>
  %p = tfm.pow %d, %two : (tensor<4x8xf32>, tensor<f32>) -> tensor<4x8xf32>
  %v = tfm.reduce_mean %p {axes = array<i64: 0>, keep_dims = true} : (tensor<4x8xf32>) -> tensor<1x8xf32>
  %e = tfm.add %v, %eps : (tensor<1x8xf32>, tensor<f32>) -> tensor<1x8xf32>
  %s = tfm.sqrt %e : (tensor<1x8xf32>) -> tensor<1x8xf32>
  %n = tfm.div %d, %s : (tensor<4x8xf32>, tensor<1x8xf32>) -> tensor<4x8xf32>
  return %n : tensor<4x8xf32>
}

// Reduced axes [0, 2] are trailing-ended but not contiguous.
// CHECK-LABEL: func.func @ln_non_contiguous_axes
// CHECK-NOT: tfm.layer_norm
// CHECK: return
func.func @ln_non_contiguous_axes(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %two = tfm.constant dense<2.000000e+00> : tensor<f32>
  %eps = tfm.constant dense<9.99999974E-6> : tensor<f32>
  %m = tfm.reduce_mean %x {axes = array<i64: 0, 2>, keep_dims = true} : (tensor<2x3x4xf32>) -> tensor<1x3x1xf32>
  %d = tfm.sub %x, %m : (tensor<2x3x4xf32>, tensor<1x3x1xf32>) -> tensor<2x3x4xf32>
  %p = tfm.pow %d, %two : (tensor<2x3x4xf32>, tensor<f32>) -> tensor<2x3x4xf32>
  %v = tfm.reduce_mean %p {axes = array<i64: 0, 2>, keep_dims = true} : (tensor<2x3x4xf32>) -> tensor<1x3x1xf32>
  %e = tfm.add %v, %eps : (tensor<1x3x1xf32>, tensor<f32>) -> tensor<1x3x1xf32>
  %s = tfm.sqrt %e : (tensor<1x3x1xf32>) -> tensor<1x3x1xf32>
  %n = tfm.div %d, %s : (tensor<2x3x4xf32>, tensor<1x3x1xf32>) -> tensor<2x3x4xf32>
  return %n : tensor<2x3x4xf32>
}

// Mean over axis 1 but variance over axes [0, 1].
// CHECK-LABEL: func.func @ln_axes_differ
// CHECK-NOT: tfm.layer_norm
// CHECK: return
func.func @ln_axes_differ(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %two = tfm.constant dense<2.000000e+00> : tensor<f32>
  %eps = tfm.constant dense<9.99999974E-6> : tensor<f32>
  %m = tfm.reduce_mean %x {axes = array<i64: 1>, keep_dims = true} : (tensor<4x8xf32>) -> tensor<4x1xf32>
  %d = tfm.sub %x, %m : (tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  %p = tfm.pow %d, %two : (tensor<4x8xf32>, tensor<f32>) -> tensor<4x8xf32>
  %v = tfm.reduce_mean %p {axes = array<i64: 0, 1>, keep_dims = true} : (tensor<4x8xf32>) -> tensor<1x1xf32>
  %e = tfm.add %v, %eps : (tensor<1x1xf32>, tensor<f32>) -> tensor<1x1xf32>
  %s = tfm.sqrt %e : (tensor<1x1xf32>) -> tensor<1x1xf32>
  %n = tfm.div %d, %s : (tensor<4x8xf32>, tensor<1x1xf32>) -> tensor<4x8xf32>
  return %n : tensor<4x8xf32>
}

// Cube instead of square.
// CHECK-LABEL: func.func @ln_wrong_power
// CHECK-NOT: tfm.layer_norm
// CHECK: return
func.func @ln_wrong_power(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %three = tfm.constant dense<3.000000e+00> : tensor<f32>
  %eps = tfm.constant dense<9.99999974E-6> : tensor<f32>
  %m = tfm.reduce_mean %x {axes = array<i64: 1>, keep_dims = true} : (tensor<4x8xf32>) -> tensor<4x1xf32>
  %d = tfm.sub %x, %m : (tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  %p = tfm.pow %d, %three : (tensor<4x8xf32>, tensor<f32>) -> tensor<4x8xf32>
  %v = tfm.reduce_mean %p {axes = array<i64: 1>, keep_dims = true} : (tensor<4x8xf32>) -> tensor<4x1xf32>
  %e = tfm.add %v, %eps : (tensor<4x1xf32>, tensor<f32>) -> tensor<4x1xf32>
  %s = tfm.sqrt %e : (tensor<4x1xf32>) -> tensor<4x1xf32>
  %n = tfm.div %d, %s : (tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  return %n : tensor<4x8xf32>
}

// A negative "epsilon" is not a layer norm's.
// CHECK-LABEL: func.func @ln_negative_eps
// CHECK-NOT: tfm.layer_norm
// CHECK: return
func.func @ln_negative_eps(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %two = tfm.constant dense<2.000000e+00> : tensor<f32>
  %eps = tfm.constant dense<-1.000000e-02> : tensor<f32>
  %m = tfm.reduce_mean %x {axes = array<i64: 1>, keep_dims = true} : (tensor<4x8xf32>) -> tensor<4x1xf32>
  %d = tfm.sub %x, %m : (tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  %p = tfm.pow %d, %two : (tensor<4x8xf32>, tensor<f32>) -> tensor<4x8xf32>
  %v = tfm.reduce_mean %p {axes = array<i64: 1>, keep_dims = true} : (tensor<4x8xf32>) -> tensor<4x1xf32>
  %e = tfm.add %v, %eps : (tensor<4x1xf32>, tensor<f32>) -> tensor<4x1xf32>
  %s = tfm.sqrt %e : (tensor<4x1xf32>) -> tensor<4x1xf32>
  %n = tfm.div %d, %s : (tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  return %n : tensor<4x8xf32>
}

// The mean is taken of another tensor than the one centred.
// CHECK-LABEL: func.func @ln_mean_of_other
// CHECK-NOT: tfm.layer_norm
// CHECK: return
func.func @ln_mean_of_other(%x: tensor<4x8xf32>, %w: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %two = tfm.constant dense<2.000000e+00> : tensor<f32>
  %eps = tfm.constant dense<9.99999974E-6> : tensor<f32>
  %m = tfm.reduce_mean %w {axes = array<i64: 1>, keep_dims = true} : (tensor<4x8xf32>) -> tensor<4x1xf32>
  %d = tfm.sub %x, %m : (tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  %p = tfm.pow %d, %two : (tensor<4x8xf32>, tensor<f32>) -> tensor<4x8xf32>
  %v = tfm.reduce_mean %p {axes = array<i64: 1>, keep_dims = true} : (tensor<4x8xf32>) -> tensor<4x1xf32>
  %e = tfm.add %v, %eps : (tensor<4x1xf32>, tensor<f32>) -> tensor<4x1xf32>
  %s = tfm.sqrt %e : (tensor<4x1xf32>) -> tensor<4x1xf32>
  %n = tfm.div %d, %s : (tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  return %n : tensor<4x8xf32>
}

// The variance of one centred value divides another.
// CHECK-LABEL: func.func @ln_numerator_differs
// CHECK-NOT: tfm.layer_norm
// CHECK: return
func.func @ln_numerator_differs(%x: tensor<4x8xf32>, %y: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %two = tfm.constant dense<2.000000e+00> : tensor<f32>
  %eps = tfm.constant dense<9.99999974E-6> : tensor<f32>
  %m = tfm.reduce_mean %x {axes = array<i64: 1>, keep_dims = true} : (tensor<4x8xf32>) -> tensor<4x1xf32>
  %d = tfm.sub %x, %m : (tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  %p = tfm.pow %d, %two : (tensor<4x8xf32>, tensor<f32>) -> tensor<4x8xf32>
  %v = tfm.reduce_mean %p {axes = array<i64: 1>, keep_dims = true} : (tensor<4x8xf32>) -> tensor<4x1xf32>
  %e = tfm.add %v, %eps : (tensor<4x1xf32>, tensor<f32>) -> tensor<4x1xf32>
  %s = tfm.sqrt %e : (tensor<4x1xf32>) -> tensor<4x1xf32>
  %n = tfm.div %y, %s : (tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  return %n : tensor<4x8xf32>
}

// The centred value is also used outside the layer norm.
// CHECK-LABEL: func.func @ln_centred_used_elsewhere
// CHECK-NOT: tfm.layer_norm
// CHECK: return
func.func @ln_centred_used_elsewhere(%x: tensor<4x8xf32>) -> (tensor<4x8xf32>, tensor<4x8xf32>) {
  %two = tfm.constant dense<2.000000e+00> : tensor<f32>
  %eps = tfm.constant dense<9.99999974E-6> : tensor<f32>
  %m = tfm.reduce_mean %x {axes = array<i64: 1>, keep_dims = true} : (tensor<4x8xf32>) -> tensor<4x1xf32>
  %d = tfm.sub %x, %m : (tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  %p = tfm.pow %d, %two : (tensor<4x8xf32>, tensor<f32>) -> tensor<4x8xf32>
  %v = tfm.reduce_mean %p {axes = array<i64: 1>, keep_dims = true} : (tensor<4x8xf32>) -> tensor<4x1xf32>
  %e = tfm.add %v, %eps : (tensor<4x1xf32>, tensor<f32>) -> tensor<4x1xf32>
  %s = tfm.sqrt %e : (tensor<4x1xf32>) -> tensor<4x1xf32>
  %n = tfm.div %d, %s : (tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  return %n, %d : tensor<4x8xf32>, tensor<4x8xf32>
}

// The variance is also used outside the layer norm.
// CHECK-LABEL: func.func @ln_variance_used_elsewhere
// CHECK-NOT: tfm.layer_norm
// CHECK: return
func.func @ln_variance_used_elsewhere(%x: tensor<4x8xf32>) -> (tensor<4x8xf32>, tensor<4x1xf32>) {
  %two = tfm.constant dense<2.000000e+00> : tensor<f32>
  %eps = tfm.constant dense<9.99999974E-6> : tensor<f32>
  %m = tfm.reduce_mean %x {axes = array<i64: 1>, keep_dims = true} : (tensor<4x8xf32>) -> tensor<4x1xf32>
  %d = tfm.sub %x, %m : (tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  %p = tfm.pow %d, %two : (tensor<4x8xf32>, tensor<f32>) -> tensor<4x8xf32>
  %v = tfm.reduce_mean %p {axes = array<i64: 1>, keep_dims = true} : (tensor<4x8xf32>) -> tensor<4x1xf32>
  %e = tfm.add %v, %eps : (tensor<4x1xf32>, tensor<f32>) -> tensor<4x1xf32>
  %s = tfm.sqrt %e : (tensor<4x1xf32>) -> tensor<4x1xf32>
  %n = tfm.div %d, %s : (tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32>
  return %n, %v : tensor<4x8xf32>, tensor<4x1xf32>
}

// A fused layer norm that already has an affine keeps it; a further
// constant add cannot become a second bias.
// CHECK-LABEL: func.func @ln_fused_keeps_affine
// CHECK: %[[LN:.*]] = tfm.layer_norm %arg0 scale %{{.*}} bias %{{.*}} {axis = 1 : i64
// CHECK-NEXT: %[[Z:.*]] = tfm.add %[[LN]], %{{.*}}
// CHECK-NEXT: return %[[Z]]
func.func @ln_fused_keeps_affine(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %g = tfm.constant dense<2.000000e+00> : tensor<8xf32>
  %b = tfm.constant dense<1.000000e+00> : tensor<8xf32>
  %ln = tfm.layer_norm %x scale %g bias %b {axis = 1 : i64, epsilon = 9.99999974E-6 : f32} : (tensor<4x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<4x8xf32>
  %z = tfm.add %ln, %b : (tensor<4x8xf32>, tensor<8xf32>) -> tensor<4x8xf32>
  return %z : tensor<4x8xf32>
}

{-#
  dialect_resources: {
    builtin: {
      ln_beta: "0x040000000000803F000000400000404000008040"
    }
  }
#-}
