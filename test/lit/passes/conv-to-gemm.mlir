// RUN: tcc-opt %s --split-input-file --tfm-conv-to-gemm | FileCheck %s
// Before: each function. After: the CHECK lines. Numerics of the rewrite
// are checked end to end (test/lit/e2e/vit_tiny.test, hybrid.test).

// ViT patch embedding (kernel = stride = 4): reshape + transpose into
// columns [N*OH*OW, C*KH*KW] = [4, 48], one linear by the transposed weight.
// CHECK-LABEL: func.func @patchify
// CHECK: %[[W:.*]] = tfm.constant dense_resource<conv_gemm_weight{{.*}}> : tensor<48x5xf32>
// CHECK: %[[S:.*]] = tfm.reshape %arg0 : (tensor<1x3x8x8xf32>) -> tensor<1x3x2x4x2x4xf32>
// CHECK: %[[T:.*]] = tfm.transpose %[[S]] {perm = array<i64: 0, 2, 4, 1, 3, 5>}
// CHECK: %[[C:.*]] = tfm.reshape %[[T]] : (tensor<1x2x2x3x4x4xf32>) -> tensor<4x48xf32>
// CHECK: %[[L:.*]] = tfm.linear %[[C]], %[[W]], %arg1 : (tensor<4x48xf32>, tensor<48x5xf32>, tensor<5xf32>) -> tensor<4x5xf32>
// CHECK: %[[R:.*]] = tfm.reshape %[[L]] : (tensor<4x5xf32>) -> tensor<1x2x2x5xf32>
// CHECK: %[[O:.*]] = tfm.transpose %[[R]] {perm = array<i64: 0, 3, 1, 2>}
// CHECK: return %[[O]] : tensor<1x5x2x2xf32>
func.func @patchify(%x: tensor<1x3x8x8xf32>, %b: tensor<5xf32>) -> tensor<1x5x2x2xf32> {
  %w = tfm.constant dense<0.25> : tensor<5x3x4x4xf32>
  %0 = tfm.conv2d %x, %w, %b {dilations = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 4, 4>} : (tensor<1x3x8x8xf32>, tensor<5x3x4x4xf32>, tensor<5xf32>) -> tensor<1x5x2x2xf32>
  return %0 : tensor<1x5x2x2xf32>
}

// -----

// Padding, stride 2 and dilation (1, 2): zero pad, then one strided slice
// per tap (9), stacked into [N, C, 9, OH, OW].
// CHECK-LABEL: func.func @strided_dilated
// CHECK: %[[P:.*]] = tfm.pad %arg0 {{.*}}high = array<i64: 0, 0, 2, 1>, low = array<i64: 0, 0, 1, 0>
// CHECK-COUNT-9: tfm.slice %[[P]]
// CHECK: tfm.concat {{.*}} {axis = 2 : i64}
// CHECK: tfm.transpose %{{.*}} {perm = array<i64: 0, 3, 4, 1, 2>}
// CHECK: tfm.linear %{{.*}} : (tensor<8x27xf32>, tensor<27x2xf32>, tensor<2xf32>) -> tensor<8x2xf32>
func.func @strided_dilated(%x: tensor<1x3x6x6xf32>, %b: tensor<2xf32>) -> tensor<1x2x4x2xf32> {
  %w = tfm.constant dense<0.5> : tensor<2x3x3x3xf32>
  %0 = tfm.conv2d %x, %w, %b {dilations = array<i64: 1, 2>, padding = array<i64: 1, 0, 2, 1>, strides = array<i64: 2, 2>} : (tensor<1x3x6x6xf32>, tensor<2x3x3x3xf32>, tensor<2xf32>) -> tensor<1x2x4x2xf32>
  return %0 : tensor<1x2x4x2xf32>
}

// -----

// Grouped convolutions and convolutions by a non-constant weight stay.
// CHECK-LABEL: func.func @left_alone
// CHECK: tfm.conv2d
// CHECK: tfm.conv2d
// CHECK-NOT: tfm.linear
func.func @left_alone(%x: tensor<1x4x8x8xf32>, %w: tensor<6x4x3x3xf32>) -> tensor<1x6x6x6xf32> {
  %g = tfm.constant dense<0.5> : tensor<6x2x3x3xf32>
  %0 = tfm.conv2d %x, %g {dilations = array<i64: 1, 1>, groups = 2 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<6x2x3x3xf32>) -> tensor<1x6x6x6xf32>
  %1 = tfm.conv2d %x, %w {dilations = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<6x4x3x3xf32>) -> tensor<1x6x6x6xf32>
  %2 = tfm.add %0, %1 : (tensor<1x6x6x6xf32>, tensor<1x6x6x6xf32>) -> tensor<1x6x6x6xf32>
  return %2 : tensor<1x6x6x6xf32>
}
