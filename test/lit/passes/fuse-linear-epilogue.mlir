// RUN: tcc-opt %s --split-input-file --tfm-fuse-linear-epilogue | FileCheck %s
// Before: the input of each case below. After: the CHECK lines.

// A pre-norm MLP block: fc1 + GELU fuses the activation, fc2 + the
// residual add fuses the residual.
// CHECK-LABEL: func.func @mlp_block
// CHECK-SAME: (%[[X:.*]]: tensor<2x5x4xf32>, %[[W1:.*]]: tensor<4x8xf32>, %[[B1:.*]]: tensor<8xf32>, %[[W2:.*]]: tensor<8x4xf32>, %[[B2:.*]]: tensor<4xf32>)
// CHECK-NEXT: %[[H:.*]] = tfm.fused_linear %[[X]], %[[W1]] bias %[[B1]] activation <gelu>
// CHECK-NEXT: %[[Y:.*]] = tfm.fused_linear %[[H]], %[[W2]] bias %[[B2]] residual %[[X]] activation <none>
// CHECK-NEXT: return %[[Y]]
func.func @mlp_block(%x: tensor<2x5x4xf32>, %w1: tensor<4x8xf32>, %b1: tensor<8xf32>,
                     %w2: tensor<8x4xf32>, %b2: tensor<4xf32>) -> tensor<2x5x4xf32> {
  %0 = tfm.linear %x, %w1, %b1 : (tensor<2x5x4xf32>, tensor<4x8xf32>, tensor<8xf32>) -> tensor<2x5x8xf32>
  %1 = tfm.gelu %0 {approximate = #tfm.gelu_approx<none>} : (tensor<2x5x8xf32>) -> tensor<2x5x8xf32>
  %2 = tfm.linear %1, %w2, %b2 : (tensor<2x5x8xf32>, tensor<8x4xf32>, tensor<4xf32>) -> tensor<2x5x4xf32>
  %3 = tfm.add %x, %2 : (tensor<2x5x4xf32>, tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  return %3 : tensor<2x5x4xf32>
}

// -----

// Activation then residual on one layer; the tanh GELU and ReLU forms.
// CHECK-LABEL: func.func @act_then_residual
// CHECK-NEXT: %[[A:.*]] = tfm.fused_linear %arg0, %arg1 residual %arg0 activation <gelu_tanh>
// CHECK-NEXT: %[[B:.*]] = tfm.fused_linear %[[A]], %arg1 activation <relu>
// CHECK-NEXT: return %[[B]]
func.func @act_then_residual(%x: tensor<3x4xf32>, %w: tensor<4x4xf32>) -> tensor<3x4xf32> {
  %0 = tfm.linear %x, %w : (tensor<3x4xf32>, tensor<4x4xf32>) -> tensor<3x4xf32>
  %1 = tfm.gelu %0 {approximate = #tfm.gelu_approx<tanh>} : (tensor<3x4xf32>) -> tensor<3x4xf32>
  %2 = tfm.add %1, %x : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  %3 = tfm.linear %2, %w : (tensor<3x4xf32>, tensor<4x4xf32>) -> tensor<3x4xf32>
  %4 = tfm.relu %3 : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %4 : tensor<3x4xf32>
}

// -----

// Near misses, left alone: the product has a second user; the add
// broadcasts (a bias, not a residual); an activation after the residual
// (the fused order is activation first).
// CHECK-LABEL: func.func @near_misses
// CHECK-NEXT: %[[P:.*]] = tfm.linear %arg0, %arg1
// CHECK-NEXT: %[[G:.*]] = tfm.gelu %[[P]]
// CHECK-NEXT: %[[S:.*]] = tfm.add %[[G]], %[[P]]
// CHECK-NEXT: %[[Q:.*]] = tfm.linear %[[S]], %arg1
// CHECK-NEXT: %[[BC:.*]] = tfm.add %[[Q]], %arg2 : (tensor<3x4xf32>, tensor<4xf32>)
// CHECK-NEXT: %[[R:.*]] = tfm.fused_linear %[[BC]], %arg1 residual %arg0 activation <none>
// CHECK-NEXT: %[[G2:.*]] = tfm.gelu %[[R]]
// CHECK-NEXT: return %[[G2]]
func.func @near_misses(%x: tensor<3x4xf32>, %w: tensor<4x4xf32>, %b: tensor<4xf32>) -> tensor<3x4xf32> {
  %0 = tfm.linear %x, %w : (tensor<3x4xf32>, tensor<4x4xf32>) -> tensor<3x4xf32>
  %1 = tfm.gelu %0 {approximate = #tfm.gelu_approx<none>} : (tensor<3x4xf32>) -> tensor<3x4xf32>
  %2 = tfm.add %1, %0 : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  %3 = tfm.linear %2, %w : (tensor<3x4xf32>, tensor<4x4xf32>) -> tensor<3x4xf32>
  %4 = tfm.add %3, %b : (tensor<3x4xf32>, tensor<4xf32>) -> tensor<3x4xf32>
  %5 = tfm.linear %4, %w : (tensor<3x4xf32>, tensor<4x4xf32>) -> tensor<3x4xf32>
  %6 = tfm.add %5, %x : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  %7 = tfm.gelu %6 {approximate = #tfm.gelu_approx<none>} : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %7 : tensor<3x4xf32>
}
