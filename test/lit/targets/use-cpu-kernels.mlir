// RUN: tcc-opt %s --split-input-file --tfm-use-cpu-kernels=isa=avx512 | FileCheck %s
// RUN: tcc-opt %s --split-input-file --tfm-use-cpu-kernels="isa=avx2 attention=false" | FileCheck %s --check-prefix=NOATT
// Before: each function below. After: the CHECK lines (tensor level; the
// memref operands become pointers + strides in tfm-materialize-kernel-calls).

// A fused linear layer: the weight is packed at compile time into a new
// constant (AVX-512 panels of 32 columns: 4x40 -> 2 panels x 4 x 32 = 256
// floats), the original weight is gone, the output is an arena buffer.
// CHECK-LABEL: func.func @fused_linear
// CHECK-DAG: %[[PACKED:.*]] = tfm.constant dense_resource<tcc_packed_avx512_0> : tensor<256xf32>
// CHECK-DAG: %[[A:.*]] = bufferization.to_memref %arg0 read_only : memref<3x4xf32, strided<[?, ?], offset: ?>>
// CHECK-DAG: %[[P:.*]] = bufferization.to_memref %[[PACKED]] read_only : memref<256xf32, strided<[?], offset: ?>>
// CHECK-DAG: %[[R:.*]] = bufferization.to_memref %arg1 read_only
// CHECK-DAG: %[[OUT:.*]] = memref.alloc() {alignment = 64 : i64} : memref<3x40xf32>
// CHECK: tfm.kernel_call @tcc_linear_f32_avx512(%{{.*}}, %{{.*}}, %{{.*}}, %[[A]], %[[P]], %{{.*}}, %{{.*}}, %[[R]], %[[OUT]]) : i64, i64, i64, memref<3x4xf32, {{.*}}>, memref<256xf32, {{.*}}>, !llvm.ptr, i32, memref<3x40xf32, {{.*}}>, memref<3x40xf32>
// CHECK: %[[T:.*]] = bufferization.to_tensor %[[OUT]] restrict writable
// CHECK: return %[[T]]
// CHECK-NOT: dense_resource<w>
func.func @fused_linear(%x: tensor<3x4xf32>, %r: tensor<3x40xf32>) -> tensor<3x40xf32> {
  %w = tfm.constant dense<0.5> : tensor<4x40xf32>
  %0 = tfm.fused_linear %x, %w residual %r activation <gelu> : (tensor<3x4xf32>, tensor<4x40xf32>, tensor<3x40xf32>) -> tensor<3x40xf32>
  return %0 : tensor<3x40xf32>
}

// -----

// Attention with a [B, 1, 1, Skv] padding mask (no tfm.tile: tile sizes 0,
// the kernel's defaults): batch and heads in the
// kernel's loops, the mask's broadcast dims passed as sizes of 1, a scratch
// buffer sized by the kernel library. Disabled, attention stays for linalg.
// CHECK-LABEL: func.func @attention
// CHECK: %[[M:.*]] = bufferization.to_memref %{{.*}} read_only : memref<2x1x1x7xf32
// CHECK: %[[OUT:.*]] = memref.alloc() {alignment = 64 : i64} : memref<2x7x16xf32>
// CHECK: %[[SCRATCH:.*]] = memref.alloc() {alignment = 64 : i64} : memref<{{[0-9]+}}xf32>
// CHECK: tfm.kernel_call @tcc_attention_masked_f32_avx512({{.*}}, %[[M]], %[[OUT]], %c0_i64{{.*}}, %c0_i64{{.*}}, %[[SCRATCH]])
// CHECK-NOT: tfm.attention
// NOATT-LABEL: func.func @attention
// NOATT: tfm.attention
func.func @attention(%q: tensor<2x7x16xf32>, %k: tensor<2x7x16xf32>, %v: tensor<2x7x16xf32>, %m: tensor<2x1x1x7xf32>) -> tensor<2x7x16xf32> {
  %0 = tfm.attention %q, %k, %v, %m {num_heads = 2 : i64, scale = 0.25 : f32} : (tensor<2x7x16xf32>, tensor<2x7x16xf32>, tensor<2x7x16xf32>, tensor<2x1x1x7xf32>) -> tensor<2x7x16xf32>
  return %0 : tensor<2x7x16xf32>
}

// -----

// Layer norm over the last dim, last-axis softmax and GELU are kernels; a
// softmax over an inner axis is left to linalg.
// CHECK-LABEL: func.func @norm_softmax_gelu
// CHECK: tfm.kernel_call @tcc_layer_norm_f32_avx512
// CHECK: tfm.kernel_call @tcc_softmax_f32_avx512
// CHECK: tfm.kernel_call @tcc_activation_f32_avx512
// CHECK: tfm.softmax %{{.*}} {axis = 0 : i64}
func.func @norm_softmax_gelu(%x: tensor<4x6xf32>, %g: tensor<6xf32>, %b: tensor<6xf32>) -> tensor<4x6xf32> {
  %0 = tfm.layer_norm %x scale %g bias %b {axis = 1 : i64, epsilon = 1.0e-5 : f32} : (tensor<4x6xf32>, tensor<6xf32>, tensor<6xf32>) -> tensor<4x6xf32>
  %1 = tfm.softmax %0 {axis = 1 : i64} : (tensor<4x6xf32>) -> tensor<4x6xf32>
  %2 = tfm.gelu %1 {approximate = #tfm.gelu_approx<none>} : (tensor<4x6xf32>) -> tensor<4x6xf32>
  %3 = tfm.softmax %2 {axis = 0 : i64} : (tensor<4x6xf32>) -> tensor<4x6xf32>
  return %3 : tensor<4x6xf32>
}
