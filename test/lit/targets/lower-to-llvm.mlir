// RUN: tcc-opt %s --tfm-lower-to-llvm | FileCheck %s

// The whole CPU pipeline: main takes bare pointers (input, output, arena),
// intermediates live in the arena, and nothing allocates.
// The gelu and the add fuse into one loop (linalg-fuse-elementwise-ops),
// so only the linear's result (512 bytes) lives in the arena; the fused
// loop writes the caller's output buffer directly.
// CHECK: module attributes {tfm.arena_size = 512 : i64}
// CHECK: llvm.func @main(%{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr)
// CHECK-NOT: malloc
// CHECK-NOT: memref.
// CHECK: llvm.return
func.func @main(%x: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %w = tfm.constant dense<0.5> : tensor<16x16xf32>
  %0 = tfm.linear %x, %w : (tensor<8x16xf32>, tensor<16x16xf32>) -> tensor<8x16xf32>
  %1 = tfm.gelu %0 {approximate = #tfm.gelu_approx<none>} : (tensor<8x16xf32>) -> tensor<8x16xf32>
  %2 = tfm.add %1, %x : (tensor<8x16xf32>, tensor<8x16xf32>) -> tensor<8x16xf32>
  return %2 : tensor<8x16xf32>
}

// RUN: tcc-opt %s --tfm-lower-to-llvm-avx2 | FileCheck %s --check-prefix=KERNELS
// With the AVX2 kernels the linear layer is a call of the linear kernel on
// the weight packed at compile time, and the gelu a call of the activation
// kernel (the tfm-level epilogue fusion that would merge them runs before
// this pipeline, in tcc compile).
// KERNELS: llvm.mlir.global private constant @{{.*}}(dense_resource<tcc_packed_avx2_0> : tensor<256xf32>)
// KERNELS: llvm.call @tcc_linear_f32_avx2({{.*}}) : (i64, i64, i64, !llvm.ptr, i64, !llvm.ptr, !llvm.ptr, i32, !llvm.ptr, i64, !llvm.ptr, i64) -> ()
// KERNELS: llvm.call @tcc_activation_f32_avx2
// KERNELS: llvm.func @tcc_linear_f32_avx2(i64, i64, i64, !llvm.ptr, i64, !llvm.ptr, !llvm.ptr, i32, !llvm.ptr, i64, !llvm.ptr, i64)
