// RUN: tcc-opt %s --tfm-use-gemm-ukernels=isa=avx2 | FileCheck %s
// RUN: tcc-opt %s --tfm-use-gemm-ukernels=isa=avx512 | FileCheck %s --check-prefix=AVX512

// A matmul by a constant weight calls the runtime microkernel with the
// weight packed at compile time (AVX2 panels are 16 wide: 2x20 -> 2x32;
// AVX-512 panels are 32 wide), accumulating into C (which holds the bias
// or zeros). The view's byte shift (256) reaches the pointer arithmetic.
// CHECK: memref.global "private" constant @w_packed_avx2 : memref<64xf32>
// CHECK-NOT: memref.global "private" constant @w :
// CHECK-LABEL: func @main
// CHECK: %[[SHIFT:.*]] = arith.constant 256 : index
// CHECK: %[[VIEW:.*]] = memref.view %{{.*}}[%[[SHIFT]]]
// CHECK: call @tcc_gemm_f32_avx2(%{{.*}}) : (i64, i64, i64, !llvm.ptr, i64, !llvm.ptr, !llvm.ptr, !llvm.ptr, i64, i32) -> ()
// CHECK-NOT: linalg.matmul
// CHECK: func.func private @tcc_gemm_f32_avx2
// AVX512: memref.global "private" constant @w_packed_avx512 : memref<64xf32>
// AVX512: call @tcc_gemm_f32_avx512
memref.global "private" constant @w : memref<2x20xf32> = dense<1.0>
func.func @main(%a: memref<3x2xf32>, %arena: memref<512xi8>, %out: memref<3x20xf32>) {
  %w = memref.get_global @w : memref<2x20xf32>
  %shift = arith.constant 256 : index
  %c = memref.view %arena[%shift][] : memref<512xi8> to memref<3x20xf32>
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%c : memref<3x20xf32>)
  linalg.matmul ins(%a, %w : memref<3x2xf32>, memref<2x20xf32>) outs(%c : memref<3x20xf32>)
  memref.copy %c, %out : memref<3x20xf32> to memref<3x20xf32>
  return
}
