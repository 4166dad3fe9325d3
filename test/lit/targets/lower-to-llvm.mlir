// RUN: tcc-opt %s --tfm-lower-to-llvm | FileCheck %s

// The whole CPU pipeline: main takes bare pointers (input, output, arena),
// intermediates live in the arena, and nothing allocates.
// linear and gelu results (512 bytes each) are live together; the add
// writes the caller's output buffer directly.
// CHECK: module attributes {tfm.arena_size = 1024 : i64}
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
