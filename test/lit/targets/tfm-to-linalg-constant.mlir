// tfm.constant becomes arith.constant with the same attribute: resource
// blobs stay blobs (no copy into a dense literal), dense stays dense.
//
// RUN: tcc-opt %s --convert-tfm-to-linalg | FileCheck %s
// RUN: tcc-opt %s --convert-tfm-to-linalg | mlir-opt --one-shot-bufferize=bufferize-function-boundaries | FileCheck %s --check-prefix=BUF

// CHECK-LABEL: func.func @constants(
// CHECK-NEXT: %[[W:.*]] = arith.constant dense_resource<blob> : tensor<4xf32>
// CHECK-NEXT: %[[D:.*]] = arith.constant dense<{{\[\[}}1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>
// CHECK-NEXT: %[[I:.*]] = arith.constant dense<7> : tensor<3xi32>
// CHECK-NEXT: %[[B:.*]] = arith.constant dense<true> : tensor<i1>
// CHECK-NEXT: return %[[W]], %[[D]], %[[I]], %[[B]]
// The blob survives untouched.
// CHECK: blob: "0x040000000000803F000000400000404000008040"

// Bufferized, the blob becomes a memref.global read with get_global.
// BUF: memref.global "private" constant @{{.*}} : memref<4xf32> = dense_resource<blob>
// BUF: memref.get_global
func.func @constants() -> (tensor<4xf32>, tensor<2x2xf32>, tensor<3xi32>, tensor<i1>) {
  %0 = tfm.constant dense_resource<blob> : tensor<4xf32>
  %1 = tfm.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %2 = tfm.constant dense<7> : tensor<3xi32>
  %3 = tfm.constant dense<true> : tensor<i1>
  return %0, %1, %2, %3 : tensor<4xf32>, tensor<2x2xf32>, tensor<3xi32>, tensor<i1>
}

{-#
  dialect_resources: {
    builtin: {
      blob: "0x040000000000803F000000400000404000008040"
    }
  }
#-}
