// RUN: tcc-opt %s --tfm-raise-gelu | FileCheck %s

// nn.GELU() as torch.onnx writes it: Div by sqrt(2), Erf, Add 1, Mul x,
// Mul 0.5 (constants rounded to float32).
// CHECK-LABEL: func.func @gelu_erf_torch
// CHECK-NEXT: %[[G:.*]] = tfm.gelu %arg0 {approximate = #tfm.gelu_approx<none>} : (tensor<2x8xf32>) -> tensor<2x8xf32>
// CHECK-NEXT: return %[[G]]
func.func @gelu_erf_torch(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %sqrt2 = tfm.constant dense<1.41421354> : tensor<f32>
  %one = tfm.constant dense<1.000000e+00> : tensor<f32>
  %half = tfm.constant dense<5.000000e-01> : tensor<f32>
  %a = tfm.div %x, %sqrt2 : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %b = tfm.erf %a : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %c = tfm.add %b, %one : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %d = tfm.mul %x, %c : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %y = tfm.mul %d, %half : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  return %y : tensor<2x8xf32>
}

// 0.5 * x first, x * 1/sqrt(2) with the constants on the left, rank-1
// constants, 1 + erf with the one first.
// CHECK-LABEL: func.func @gelu_erf_reordered
// CHECK-NEXT: %[[G:.*]] = tfm.gelu %arg0 {approximate = #tfm.gelu_approx<none>}
// CHECK-NEXT: return %[[G]]
func.func @gelu_erf_reordered(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %rsqrt2 = tfm.constant dense<0.707106769> : tensor<1xf32>
  %one = tfm.constant dense<1.000000e+00> : tensor<1xf32>
  %half = tfm.constant dense<5.000000e-01> : tensor<1xf32>
  %h = tfm.mul %half, %x : (tensor<1xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %a = tfm.mul %rsqrt2, %x : (tensor<1xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %b = tfm.erf %a : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %c = tfm.add %one, %b : (tensor<1xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %y = tfm.mul %c, %h : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  return %y : tensor<2x8xf32>
}

// The 0.5 split over two muls (x * 0.25 * 2) still multiplies to 0.5; the
// GELU input is itself a scaled value (x * 3), which is kept as the input.
// CHECK-LABEL: func.func @gelu_erf_split_half_scaled_input
// CHECK: %[[X:.*]] = tfm.mul %arg0, %{{.*}} : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
// CHECK-NEXT: %[[G:.*]] = tfm.gelu %[[X]] {approximate = #tfm.gelu_approx<none>}
// CHECK-NEXT: return %[[G]]
func.func @gelu_erf_split_half_scaled_input(%in: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %three = tfm.constant dense<3.000000e+00> : tensor<f32>
  %sqrt2 = tfm.constant dense<1.41421354> : tensor<f32>
  %one = tfm.constant dense<1.000000e+00> : tensor<f32>
  %quarter = tfm.constant dense<2.500000e-01> : tensor<f32>
  %two = tfm.constant dense<2.000000e+00> : tensor<f32>
  %x = tfm.mul %in, %three : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %a = tfm.div %x, %sqrt2 : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %b = tfm.erf %a : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %c = tfm.add %b, %one : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %h = tfm.mul %x, %quarter : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %d = tfm.mul %h, %c : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %y = tfm.mul %two, %d : (tensor<f32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  return %y : tensor<2x8xf32>
}

// GELU(approximate='tanh') as torch.onnx writes it: x * (x * x), constants
// on the left, 0.5 last.
// CHECK-LABEL: func.func @gelu_tanh_torch
// CHECK-NEXT: %[[G:.*]] = tfm.gelu %arg0 {approximate = #tfm.gelu_approx<tanh>} : (tensor<1x4x16xf32>) -> tensor<1x4x16xf32>
// CHECK-NEXT: return %[[G]]
func.func @gelu_tanh_torch(%x: tensor<1x4x16xf32>) -> tensor<1x4x16xf32> {
  %k = tfm.constant dense<0.0447149985> : tensor<f32>
  %s = tfm.constant dense<0.797884583> : tensor<f32>
  %one = tfm.constant dense<1.000000e+00> : tensor<f32>
  %half = tfm.constant dense<5.000000e-01> : tensor<f32>
  %x2 = tfm.mul %x, %x : (tensor<1x4x16xf32>, tensor<1x4x16xf32>) -> tensor<1x4x16xf32>
  %x3 = tfm.mul %x, %x2 : (tensor<1x4x16xf32>, tensor<1x4x16xf32>) -> tensor<1x4x16xf32>
  %t = tfm.mul %k, %x3 : (tensor<f32>, tensor<1x4x16xf32>) -> tensor<1x4x16xf32>
  %u = tfm.add %x, %t : (tensor<1x4x16xf32>, tensor<1x4x16xf32>) -> tensor<1x4x16xf32>
  %w = tfm.mul %s, %u : (tensor<f32>, tensor<1x4x16xf32>) -> tensor<1x4x16xf32>
  %th = tfm.tanh %w : (tensor<1x4x16xf32>) -> tensor<1x4x16xf32>
  %c = tfm.add %one, %th : (tensor<f32>, tensor<1x4x16xf32>) -> tensor<1x4x16xf32>
  %d = tfm.mul %x, %c : (tensor<1x4x16xf32>, tensor<1x4x16xf32>) -> tensor<1x4x16xf32>
  %y = tfm.mul %half, %d : (tensor<f32>, tensor<1x4x16xf32>) -> tensor<1x4x16xf32>
  return %y : tensor<1x4x16xf32>
}

// The hand-written BERT form: 0.5 * x first, pow(x, 3), cubic term on the
// right of the add.
// CHECK-LABEL: func.func @gelu_tanh_bert
// CHECK-NEXT: %[[G:.*]] = tfm.gelu %arg0 {approximate = #tfm.gelu_approx<tanh>}
// CHECK-NEXT: return %[[G]]
func.func @gelu_tanh_bert(%x: tensor<1x4x16xf32>) -> tensor<1x4x16xf32> {
  %half = tfm.constant dense<5.000000e-01> : tensor<f32>
  %three = tfm.constant dense<3.000000e+00> : tensor<f32>
  %k = tfm.constant dense<0.0447149985> : tensor<f32>
  %s = tfm.constant dense<0.797884583> : tensor<f32>
  %one = tfm.constant dense<1.000000e+00> : tensor<f32>
  %h = tfm.mul %x, %half : (tensor<1x4x16xf32>, tensor<f32>) -> tensor<1x4x16xf32>
  %p = tfm.pow %x, %three : (tensor<1x4x16xf32>, tensor<f32>) -> tensor<1x4x16xf32>
  %t = tfm.mul %p, %k : (tensor<1x4x16xf32>, tensor<f32>) -> tensor<1x4x16xf32>
  %u = tfm.add %x, %t : (tensor<1x4x16xf32>, tensor<1x4x16xf32>) -> tensor<1x4x16xf32>
  %w = tfm.mul %u, %s : (tensor<1x4x16xf32>, tensor<f32>) -> tensor<1x4x16xf32>
  %th = tfm.tanh %w : (tensor<1x4x16xf32>) -> tensor<1x4x16xf32>
  %c = tfm.add %th, %one : (tensor<1x4x16xf32>, tensor<f32>) -> tensor<1x4x16xf32>
  %y = tfm.mul %h, %c : (tensor<1x4x16xf32>, tensor<1x4x16xf32>) -> tensor<1x4x16xf32>
  return %y : tensor<1x4x16xf32>
}

// x * pow(x, 2) for the cube, the cubic term first in the add.
// CHECK-LABEL: func.func @gelu_tanh_pow2
// CHECK-NEXT: %[[G:.*]] = tfm.gelu %arg0 {approximate = #tfm.gelu_approx<tanh>}
// CHECK-NEXT: return %[[G]]
func.func @gelu_tanh_pow2(%x: tensor<8xf32>) -> tensor<8xf32> {
  %half = tfm.constant dense<5.000000e-01> : tensor<f32>
  %two = tfm.constant dense<2.000000e+00> : tensor<f32>
  %k = tfm.constant dense<0.044715> : tensor<f32>
  %s = tfm.constant dense<0.7978846> : tensor<f32>
  %one = tfm.constant dense<1.000000e+00> : tensor<f32>
  %p = tfm.pow %x, %two : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %x3 = tfm.mul %p, %x : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %t = tfm.mul %x3, %k : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %u = tfm.add %t, %x : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %w = tfm.mul %u, %s : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %th = tfm.tanh %w : (tensor<8xf32>) -> tensor<8xf32>
  %c = tfm.add %th, %one : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %d = tfm.mul %c, %x : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %y = tfm.mul %d, %half : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  return %y : tensor<8xf32>
}

// Near misses: each of these leaves the graph alone.

// 0.6 instead of 0.5.
// CHECK-LABEL: func.func @gelu_wrong_half
// CHECK-NOT: tfm.gelu
// CHECK: return
func.func @gelu_wrong_half(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %sqrt2 = tfm.constant dense<1.41421354> : tensor<f32>
  %one = tfm.constant dense<1.000000e+00> : tensor<f32>
  %half = tfm.constant dense<6.000000e-01> : tensor<f32>
  %a = tfm.div %x, %sqrt2 : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %b = tfm.erf %a : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %c = tfm.add %b, %one : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %d = tfm.mul %x, %c : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %y = tfm.mul %d, %half : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  return %y : tensor<2x8xf32>
}

// Dividing by 1.5 instead of sqrt(2).
// CHECK-LABEL: func.func @gelu_wrong_sqrt2
// CHECK-NOT: tfm.gelu
// CHECK: return
func.func @gelu_wrong_sqrt2(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %sqrt2 = tfm.constant dense<1.500000e+00> : tensor<f32>
  %one = tfm.constant dense<1.000000e+00> : tensor<f32>
  %half = tfm.constant dense<5.000000e-01> : tensor<f32>
  %a = tfm.div %x, %sqrt2 : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %b = tfm.erf %a : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %c = tfm.add %b, %one : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %d = tfm.mul %x, %c : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %y = tfm.mul %d, %half : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  return %y : tensor<2x8xf32>
}

// Multiplying by sqrt(2) instead of dividing by it.
// CHECK-LABEL: func.func @gelu_mul_by_sqrt2
// CHECK-NOT: tfm.gelu
// CHECK: return
func.func @gelu_mul_by_sqrt2(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %sqrt2 = tfm.constant dense<1.41421354> : tensor<f32>
  %one = tfm.constant dense<1.000000e+00> : tensor<f32>
  %half = tfm.constant dense<5.000000e-01> : tensor<f32>
  %a = tfm.mul %x, %sqrt2 : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %b = tfm.erf %a : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %c = tfm.add %b, %one : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %d = tfm.mul %x, %c : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %y = tfm.mul %d, %half : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  return %y : tensor<2x8xf32>
}

// 2 + erf instead of 1 + erf.
// CHECK-LABEL: func.func @gelu_wrong_one
// CHECK-NOT: tfm.gelu
// CHECK: return
func.func @gelu_wrong_one(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %sqrt2 = tfm.constant dense<1.41421354> : tensor<f32>
  %one = tfm.constant dense<2.000000e+00> : tensor<f32>
  %half = tfm.constant dense<5.000000e-01> : tensor<f32>
  %a = tfm.div %x, %sqrt2 : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %b = tfm.erf %a : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %c = tfm.add %b, %one : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %d = tfm.mul %x, %c : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %y = tfm.mul %d, %half : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  return %y : tensor<2x8xf32>
}

// erf of one tensor times another: y * (1 + erf(x / sqrt 2)) / 2.
// CHECK-LABEL: func.func @gelu_other_tensor
// CHECK-NOT: tfm.gelu
// CHECK: return
func.func @gelu_other_tensor(%x: tensor<2x8xf32>, %z: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %sqrt2 = tfm.constant dense<1.41421354> : tensor<f32>
  %one = tfm.constant dense<1.000000e+00> : tensor<f32>
  %half = tfm.constant dense<5.000000e-01> : tensor<f32>
  %a = tfm.div %x, %sqrt2 : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %b = tfm.erf %a : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %c = tfm.add %b, %one : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %d = tfm.mul %z, %c : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %y = tfm.mul %d, %half : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  return %y : tensor<2x8xf32>
}

// An extra factor: 0.5 * x * x * (1 + erf(x / sqrt 2)).
// CHECK-LABEL: func.func @gelu_extra_factor
// CHECK-NOT: tfm.gelu
// CHECK: return
func.func @gelu_extra_factor(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %sqrt2 = tfm.constant dense<1.41421354> : tensor<f32>
  %one = tfm.constant dense<1.000000e+00> : tensor<f32>
  %half = tfm.constant dense<5.000000e-01> : tensor<f32>
  %a = tfm.div %x, %sqrt2 : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %b = tfm.erf %a : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %c = tfm.add %b, %one : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %xx = tfm.mul %x, %x : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %d = tfm.mul %xx, %c : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %y = tfm.mul %d, %half : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  return %y : tensor<2x8xf32>
}

// The erf value is also used elsewhere.
// CHECK-LABEL: func.func @gelu_erf_used_elsewhere
// CHECK-NOT: tfm.gelu
// CHECK: return
func.func @gelu_erf_used_elsewhere(%x: tensor<2x8xf32>) -> (tensor<2x8xf32>, tensor<2x8xf32>) {
  %sqrt2 = tfm.constant dense<1.41421354> : tensor<f32>
  %one = tfm.constant dense<1.000000e+00> : tensor<f32>
  %half = tfm.constant dense<5.000000e-01> : tensor<f32>
  %a = tfm.div %x, %sqrt2 : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %b = tfm.erf %a : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %c = tfm.add %b, %one : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %d = tfm.mul %x, %c : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %y = tfm.mul %d, %half : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  return %y, %b : tensor<2x8xf32>, tensor<2x8xf32>
}

// The inner product x * (1 + erf) is also used elsewhere.
// CHECK-LABEL: func.func @gelu_inner_product_used_elsewhere
// CHECK-NOT: tfm.gelu
// CHECK: return
func.func @gelu_inner_product_used_elsewhere(%x: tensor<2x8xf32>) -> (tensor<2x8xf32>, tensor<2x8xf32>) {
  %sqrt2 = tfm.constant dense<1.41421354> : tensor<f32>
  %one = tfm.constant dense<1.000000e+00> : tensor<f32>
  %half = tfm.constant dense<5.000000e-01> : tensor<f32>
  %a = tfm.div %x, %sqrt2 : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %b = tfm.erf %a : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %c = tfm.add %b, %one : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %d = tfm.mul %x, %c : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %y = tfm.mul %d, %half : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  return %y, %d : tensor<2x8xf32>, tensor<2x8xf32>
}

// A 0.5 constant of a larger shape broadcasts the result past x's shape.
// CHECK-LABEL: func.func @gelu_broadcasting_constant
// CHECK-NOT: tfm.gelu
// CHECK: return
func.func @gelu_broadcasting_constant(%x: tensor<8xf32>) -> tensor<2x8xf32> {
  %sqrt2 = tfm.constant dense<1.41421354> : tensor<f32>
  %one = tfm.constant dense<1.000000e+00> : tensor<f32>
  %half = tfm.constant dense<5.000000e-01> : tensor<2x8xf32>
  %a = tfm.div %x, %sqrt2 : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %b = tfm.erf %a : (tensor<8xf32>) -> tensor<8xf32>
  %c = tfm.add %b, %one : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %d = tfm.mul %x, %c : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %y = tfm.mul %d, %half : (tensor<8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  return %y : tensor<2x8xf32>
}

// 0.05 instead of 0.044715 for the cubic coefficient.
// CHECK-LABEL: func.func @gelu_tanh_wrong_cubic
// CHECK-NOT: tfm.gelu
// CHECK: return
func.func @gelu_tanh_wrong_cubic(%x: tensor<8xf32>) -> tensor<8xf32> {
  %half = tfm.constant dense<5.000000e-01> : tensor<f32>
  %three = tfm.constant dense<3.000000e+00> : tensor<f32>
  %k = tfm.constant dense<5.000000e-02> : tensor<f32>
  %s = tfm.constant dense<0.797884583> : tensor<f32>
  %one = tfm.constant dense<1.000000e+00> : tensor<f32>
  %h = tfm.mul %x, %half : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %p = tfm.pow %x, %three : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %t = tfm.mul %p, %k : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %u = tfm.add %x, %t : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %w = tfm.mul %u, %s : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %th = tfm.tanh %w : (tensor<8xf32>) -> tensor<8xf32>
  %c = tfm.add %th, %one : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %y = tfm.mul %h, %c : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  return %y : tensor<8xf32>
}

// sqrt(2/pi) rounded too coarsely (0.8).
// CHECK-LABEL: func.func @gelu_tanh_wrong_sqrt_2_over_pi
// CHECK-NOT: tfm.gelu
// CHECK: return
func.func @gelu_tanh_wrong_sqrt_2_over_pi(%x: tensor<8xf32>) -> tensor<8xf32> {
  %half = tfm.constant dense<5.000000e-01> : tensor<f32>
  %three = tfm.constant dense<3.000000e+00> : tensor<f32>
  %k = tfm.constant dense<0.0447149985> : tensor<f32>
  %s = tfm.constant dense<8.000000e-01> : tensor<f32>
  %one = tfm.constant dense<1.000000e+00> : tensor<f32>
  %h = tfm.mul %x, %half : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %p = tfm.pow %x, %three : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %t = tfm.mul %p, %k : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %u = tfm.add %x, %t : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %w = tfm.mul %u, %s : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %th = tfm.tanh %w : (tensor<8xf32>) -> tensor<8xf32>
  %c = tfm.add %th, %one : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %y = tfm.mul %h, %c : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  return %y : tensor<8xf32>
}

// x^2 instead of x^3.
// CHECK-LABEL: func.func @gelu_tanh_square
// CHECK-NOT: tfm.gelu
// CHECK: return
func.func @gelu_tanh_square(%x: tensor<8xf32>) -> tensor<8xf32> {
  %half = tfm.constant dense<5.000000e-01> : tensor<f32>
  %k = tfm.constant dense<0.0447149985> : tensor<f32>
  %s = tfm.constant dense<0.797884583> : tensor<f32>
  %one = tfm.constant dense<1.000000e+00> : tensor<f32>
  %x2 = tfm.mul %x, %x : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %t = tfm.mul %x2, %k : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %u = tfm.add %x, %t : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %w = tfm.mul %u, %s : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %th = tfm.tanh %w : (tensor<8xf32>) -> tensor<8xf32>
  %c = tfm.add %th, %one : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %d = tfm.mul %x, %c : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %y = tfm.mul %d, %half : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  return %y : tensor<8xf32>
}

// The cube is shared with another user.
// CHECK-LABEL: func.func @gelu_tanh_cube_used_elsewhere
// CHECK-NOT: tfm.gelu
// CHECK: return
func.func @gelu_tanh_cube_used_elsewhere(%x: tensor<8xf32>) -> (tensor<8xf32>, tensor<8xf32>) {
  %half = tfm.constant dense<5.000000e-01> : tensor<f32>
  %three = tfm.constant dense<3.000000e+00> : tensor<f32>
  %k = tfm.constant dense<0.0447149985> : tensor<f32>
  %s = tfm.constant dense<0.797884583> : tensor<f32>
  %one = tfm.constant dense<1.000000e+00> : tensor<f32>
  %h = tfm.mul %x, %half : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %p = tfm.pow %x, %three : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %t = tfm.mul %p, %k : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %u = tfm.add %x, %t : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %w = tfm.mul %u, %s : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %th = tfm.tanh %w : (tensor<8xf32>) -> tensor<8xf32>
  %c = tfm.add %th, %one : (tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %y = tfm.mul %h, %c : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  return %y, %p : tensor<8xf32>, tensor<8xf32>
}
