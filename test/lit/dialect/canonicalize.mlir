// Folders of the tfm dialect (TfmFolders.cpp), each with the cases that
// must not fold next to it.
//
// RUN: tcc-opt %s -canonicalize | FileCheck %s

// Equal constants are uniqued by the folder (ConstantOp::fold).
// CHECK-LABEL: func.func @constant_dedup(
// CHECK-NEXT: %0 = tfm.constant dense<1.000000e+00> : tensor<3xf32>
// CHECK-NEXT: return %0, %0 : tensor<3xf32>, tensor<3xf32>
func.func @constant_dedup() -> (tensor<3xf32>, tensor<3xf32>) {
  %0 = tfm.constant dense<1.0> : tensor<3xf32>
  %1 = tfm.constant dense<1.0> : tensor<3xf32>
  return %0, %1 : tensor<3xf32>, tensor<3xf32>
}

// reshape to the input's own type is the input.
// CHECK-LABEL: func.func @reshape_identity(
// CHECK-NEXT: return %arg0 : tensor<2x3xf32>
func.func @reshape_identity(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = tfm.reshape %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// reshape(reshape(x)) == reshape(x): only the last shape matters.
// CHECK-LABEL: func.func @reshape_of_reshape(
// CHECK-NEXT: %0 = tfm.reshape %arg0 : (tensor<2x3x4xf32>) -> tensor<4x6xf32>
// CHECK-NEXT: return %0 : tensor<4x6xf32>
func.func @reshape_of_reshape(%x: tensor<2x3x4xf32>) -> tensor<4x6xf32> {
  %0 = tfm.reshape %x : (tensor<2x3x4xf32>) -> tensor<24xf32>
  %1 = tfm.reshape %0 : (tensor<24xf32>) -> tensor<6x4xf32>
  %2 = tfm.reshape %1 : (tensor<6x4xf32>) -> tensor<4x6xf32>
  return %2 : tensor<4x6xf32>
}

// ... and when the last shape is x's own, the chain disappears.
// CHECK-LABEL: func.func @reshape_round_trip(
// CHECK-NEXT: return %arg0 : tensor<2x3xi32>
func.func @reshape_round_trip(%x: tensor<2x3xi32>) -> tensor<2x3xi32> {
  %0 = tfm.reshape %x : (tensor<2x3xi32>) -> tensor<6xi32>
  %1 = tfm.reshape %0 : (tensor<6xi32>) -> tensor<2x3xi32>
  return %1 : tensor<2x3xi32>
}

// The inner reshape stays when it has other uses; the outer one reads x.
// CHECK-LABEL: func.func @reshape_of_reshape_shared(
// CHECK-NEXT: %0 = tfm.reshape %arg0 : (tensor<2x3xf32>) -> tensor<6xf32>
// CHECK-NEXT: %1 = tfm.reshape %arg0 : (tensor<2x3xf32>) -> tensor<3x2xf32>
// CHECK-NEXT: return %0, %1 : tensor<6xf32>, tensor<3x2xf32>
func.func @reshape_of_reshape_shared(%x: tensor<2x3xf32>) -> (tensor<6xf32>, tensor<3x2xf32>) {
  %0 = tfm.reshape %x : (tensor<2x3xf32>) -> tensor<6xf32>
  %1 = tfm.reshape %0 : (tensor<6xf32>) -> tensor<3x2xf32>
  return %0, %1 : tensor<6xf32>, tensor<3x2xf32>
}

// reshape of a dense constant is a reshaped constant (splat ...
// CHECK-LABEL: func.func @reshape_splat(
// CHECK-NEXT: %0 = tfm.constant dense<2.500000e+00> : tensor<2x3xf32>
// CHECK-NEXT: return %0 : tensor<2x3xf32>
func.func @reshape_splat() -> tensor<2x3xf32> {
  %0 = tfm.constant dense<2.5> : tensor<6xf32>
  %1 = tfm.reshape %0 : (tensor<6xf32>) -> tensor<2x3xf32>
  return %1 : tensor<2x3xf32>
}

// ... or not).
// CHECK-LABEL: func.func @reshape_dense(
// CHECK-NEXT: %0 = tfm.constant dense<{{\[\[}}1, 2], [3, 4{{\]\]}}> : tensor<2x2xi32>
// CHECK-NEXT: return %0 : tensor<2x2xi32>
func.func @reshape_dense() -> tensor<2x2xi32> {
  %0 = tfm.constant dense<[1, 2, 3, 4]> : tensor<4xi32>
  %1 = tfm.reshape %0 : (tensor<4xi32>) -> tensor<2x2xi32>
  return %1 : tensor<2x2xi32>
}

// Negative: a real reshape of an argument stays.
// CHECK-LABEL: func.func @reshape_no_fold(
// CHECK-NEXT: %0 = tfm.reshape %arg0 : (tensor<2x3xf32>) -> tensor<3x2xf32>
// CHECK-NEXT: return %0 : tensor<3x2xf32>
func.func @reshape_no_fold(%x: tensor<2x3xf32>) -> tensor<3x2xf32> {
  %0 = tfm.reshape %x : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// Negative: resource blobs (weights) are never copied by folding.
// CHECK-LABEL: func.func @reshape_resource_no_fold(
// CHECK-NEXT: %0 = tfm.constant dense_resource<blob> : tensor<4xf32>
// CHECK-NEXT: %1 = tfm.reshape %0 : (tensor<4xf32>) -> tensor<2x2xf32>
// CHECK-NEXT: return %1 : tensor<2x2xf32>
func.func @reshape_resource_no_fold() -> tensor<2x2xf32> {
  %0 = tfm.constant dense_resource<blob> : tensor<4xf32>
  %1 = tfm.reshape %0 : (tensor<4xf32>) -> tensor<2x2xf32>
  return %1 : tensor<2x2xf32>
}

// broadcast_to its own type is the input.
// CHECK-LABEL: func.func @broadcast_to_identity(
// CHECK-NEXT: return %arg0 : tensor<2x3xf32>
func.func @broadcast_to_identity(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = tfm.broadcast_to %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// broadcast_to of a splat is a bigger splat (rank 0 to rank 3, i1).
// CHECK-LABEL: func.func @broadcast_to_splat(
// CHECK-NEXT: %0 = tfm.constant dense<true> : tensor<2x3x4xi1>
// CHECK-NEXT: return %0 : tensor<2x3x4xi1>
func.func @broadcast_to_splat() -> tensor<2x3x4xi1> {
  %0 = tfm.constant dense<true> : tensor<i1>
  %1 = tfm.broadcast_to %0 : (tensor<i1>) -> tensor<2x3x4xi1>
  return %1 : tensor<2x3x4xi1>
}

// Negative: a real broadcast of an argument stays.
// CHECK-LABEL: func.func @broadcast_to_no_fold(
// CHECK-NEXT: %0 = tfm.broadcast_to %arg0 : (tensor<3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: return %0 : tensor<2x3xf32>
func.func @broadcast_to_no_fold(%x: tensor<3xf32>) -> tensor<2x3xf32> {
  %0 = tfm.broadcast_to %x : (tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// Negative: only splats are broadcast by folding.
// CHECK-LABEL: func.func @broadcast_to_dense_no_fold(
// CHECK-NEXT: %0 = tfm.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
// CHECK-NEXT: %1 = tfm.broadcast_to %0 : (tensor<2xf32>) -> tensor<2x2xf32>
// CHECK-NEXT: return %1 : tensor<2x2xf32>
func.func @broadcast_to_dense_no_fold() -> tensor<2x2xf32> {
  %0 = tfm.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %1 = tfm.broadcast_to %0 : (tensor<2xf32>) -> tensor<2x2xf32>
  return %1 : tensor<2x2xf32>
}

// cast to the input's own type is the input.
// CHECK-LABEL: func.func @cast_identity(
// CHECK-NEXT: return %arg0 : tensor<2x3xf16>
func.func @cast_identity(%x: tensor<2x3xf16>) -> tensor<2x3xf16> {
  %0 = tfm.cast %x : (tensor<2x3xf16>) -> tensor<2x3xf16>
  return %0 : tensor<2x3xf16>
}

// Negative: a real cast stays.
// CHECK-LABEL: func.func @cast_no_fold(
// CHECK-NEXT: %0 = tfm.cast %arg0 : (tensor<2x3xf32>) -> tensor<2x3xf16>
// CHECK-NEXT: return %0 : tensor<2x3xf16>
func.func @cast_no_fold(%x: tensor<2x3xf32>) -> tensor<2x3xf16> {
  %0 = tfm.cast %x : (tensor<2x3xf32>) -> tensor<2x3xf16>
  return %0 : tensor<2x3xf16>
}

// Negative: cast has no constant folding.
// CHECK-LABEL: func.func @cast_constant_no_fold(
// CHECK-NEXT: %0 = tfm.constant dense<1.500000e+00> : tensor<3xf32>
// CHECK-NEXT: %1 = tfm.cast %0 : (tensor<3xf32>) -> tensor<3xi32>
// CHECK-NEXT: return %1 : tensor<3xi32>
func.func @cast_constant_no_fold() -> tensor<3xi32> {
  %0 = tfm.constant dense<1.5> : tensor<3xf32>
  %1 = tfm.cast %0 : (tensor<3xf32>) -> tensor<3xi32>
  return %1 : tensor<3xi32>
}

// The identity permutation (also the empty one of a rank-0 tensor) is the input.
// CHECK-LABEL: func.func @transpose_identity(
// CHECK-NEXT: return %arg0, %arg1 : tensor<2x3x4xf32>, tensor<i32>
func.func @transpose_identity(%x: tensor<2x3x4xf32>, %s: tensor<i32>) -> (tensor<2x3x4xf32>, tensor<i32>) {
  %0 = tfm.transpose %x {perm = array<i64: 0, 1, 2>} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %1 = tfm.transpose %s {perm = array<i64>} : (tensor<i32>) -> tensor<i32>
  return %0, %1 : tensor<2x3x4xf32>, tensor<i32>
}

// transpose(transpose(x, p1), p2) == transpose(x, p1[p2[i]]): three
// transposes compose into one.
// CHECK-LABEL: func.func @transpose_of_transpose(
// CHECK-NEXT: %0 = tfm.transpose %arg0 {perm = array<i64: 1, 2, 0>} : (tensor<2x3x4xf32>) -> tensor<3x4x2xf32>
// CHECK-NEXT: return %0 : tensor<3x4x2xf32>
func.func @transpose_of_transpose(%x: tensor<2x3x4xf32>) -> tensor<3x4x2xf32> {
  %0 = tfm.transpose %x {perm = array<i64: 2, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  %1 = tfm.transpose %0 {perm = array<i64: 0, 2, 1>} : (tensor<4x2x3xf32>) -> tensor<4x3x2xf32>
  %2 = tfm.transpose %1 {perm = array<i64: 1, 0, 2>} : (tensor<4x3x2xf32>) -> tensor<3x4x2xf32>
  return %2 : tensor<3x4x2xf32>
}

// A permutation followed by its inverse composes to the identity.
// CHECK-LABEL: func.func @transpose_inverse(
// CHECK-NEXT: return %arg0 : tensor<2x3x4xf32>
func.func @transpose_inverse(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = tfm.transpose %x {perm = array<i64: 2, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  %1 = tfm.transpose %0 {perm = array<i64: 1, 2, 0>} : (tensor<4x2x3xf32>) -> tensor<2x3x4xf32>
  return %1 : tensor<2x3x4xf32>
}

// transpose of a splat is a splat of the transposed shape.
// CHECK-LABEL: func.func @transpose_splat(
// CHECK-NEXT: %0 = tfm.constant dense<-1.000000e+00> : tensor<3x2xf32>
// CHECK-NEXT: return %0 : tensor<3x2xf32>
func.func @transpose_splat() -> tensor<3x2xf32> {
  %0 = tfm.constant dense<-1.0> : tensor<2x3xf32>
  %1 = tfm.transpose %0 {perm = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %1 : tensor<3x2xf32>
}

// Negative: a real transpose of an argument stays.
// CHECK-LABEL: func.func @transpose_no_fold(
// CHECK-NEXT: %0 = tfm.transpose %arg0 {perm = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
// CHECK-NEXT: return %0 : tensor<3x2xf32>
func.func @transpose_no_fold(%x: tensor<2x3xf32>) -> tensor<3x2xf32> {
  %0 = tfm.transpose %x {perm = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// Negative: a non-splat constant is not transposed by folding.
// CHECK-LABEL: func.func @transpose_dense_no_fold(
// CHECK-NEXT: %0 = tfm.constant dense<{{\[\[}}1, 2], [3, 4{{\]\]}}> : tensor<2x2xi32>
// CHECK-NEXT: %1 = tfm.transpose %0 {perm = array<i64: 1, 0>} : (tensor<2x2xi32>) -> tensor<2x2xi32>
// CHECK-NEXT: return %1 : tensor<2x2xi32>
func.func @transpose_dense_no_fold() -> tensor<2x2xi32> {
  %0 = tfm.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>
  %1 = tfm.transpose %0 {perm = array<i64: 1, 0>} : (tensor<2x2xi32>) -> tensor<2x2xi32>
  return %1 : tensor<2x2xi32>
}

// Negative: nor is a resource blob.
// CHECK-LABEL: func.func @transpose_resource_no_fold(
// CHECK-NEXT: %0 = tfm.constant dense_resource<blob> : tensor<2x2xf32>
// CHECK-NEXT: %1 = tfm.transpose %0 {perm = array<i64: 1, 0>} : (tensor<2x2xf32>) -> tensor<2x2xf32>
// CHECK-NEXT: return %1 : tensor<2x2xf32>
func.func @transpose_resource_no_fold() -> tensor<2x2xf32> {
  %0 = tfm.constant dense_resource<blob> : tensor<2x2xf32>
  %1 = tfm.transpose %0 {perm = array<i64: 1, 0>} : (tensor<2x2xf32>) -> tensor<2x2xf32>
  return %1 : tensor<2x2xf32>
}

// A slice of everything with unit strides is the input.
// CHECK-LABEL: func.func @slice_whole(
// CHECK-NEXT: return %arg0 : tensor<4x6xf32>
func.func @slice_whole(%x: tensor<4x6xf32>) -> tensor<4x6xf32> {
  %0 = tfm.slice %x {offsets = array<i64: 0, 0>, sizes = array<i64: 4, 6>, strides = array<i64: 1, 1>} : (tensor<4x6xf32>) -> tensor<4x6xf32>
  return %0 : tensor<4x6xf32>
}

// A slice of a splat is a splat of the slice's shape (negative strides too).
// CHECK-LABEL: func.func @slice_splat(
// CHECK-NEXT: %0 = tfm.constant dense<7> : tensor<2x3xi64>
// CHECK-NEXT: return %0 : tensor<2x3xi64>
func.func @slice_splat() -> tensor<2x3xi64> {
  %0 = tfm.constant dense<7> : tensor<4x6xi64>
  %1 = tfm.slice %0 {offsets = array<i64: 3, 5>, sizes = array<i64: 2, 3>, strides = array<i64: -2, -2>} : (tensor<4x6xi64>) -> tensor<2x3xi64>
  return %1 : tensor<2x3xi64>
}

// Negative: a slice of every element with a negative stride reverses it.
// CHECK-LABEL: func.func @slice_reverse_no_fold(
// CHECK-NEXT: %0 = tfm.slice %arg0 {offsets = array<i64: 3, 0>, sizes = array<i64: 4, 6>, strides = array<i64: -1, 1>} : (tensor<4x6xf32>) -> tensor<4x6xf32>
// CHECK-NEXT: return %0 : tensor<4x6xf32>
func.func @slice_reverse_no_fold(%x: tensor<4x6xf32>) -> tensor<4x6xf32> {
  %0 = tfm.slice %x {offsets = array<i64: 3, 0>, sizes = array<i64: 4, 6>, strides = array<i64: -1, 1>} : (tensor<4x6xf32>) -> tensor<4x6xf32>
  return %0 : tensor<4x6xf32>
}

// Negative: a slice of part of an argument stays.
// CHECK-LABEL: func.func @slice_part_no_fold(
// CHECK-NEXT: %0 = tfm.slice %arg0 {offsets = array<i64: 0, 1>, sizes = array<i64: 4, 3>, strides = array<i64: 1, 1>} : (tensor<4x6xf32>) -> tensor<4x3xf32>
// CHECK-NEXT: return %0 : tensor<4x3xf32>
func.func @slice_part_no_fold(%x: tensor<4x6xf32>) -> tensor<4x3xf32> {
  %0 = tfm.slice %x {offsets = array<i64: 0, 1>, sizes = array<i64: 4, 3>, strides = array<i64: 1, 1>} : (tensor<4x6xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// Negative: a non-splat constant is not sliced by folding.
// CHECK-LABEL: func.func @slice_dense_no_fold(
// CHECK-NEXT: %0 = tfm.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00]> : tensor<3xf32>
// CHECK-NEXT: %1 = tfm.slice %0 {offsets = array<i64: 1>, sizes = array<i64: 2>, strides = array<i64: 1>} : (tensor<3xf32>) -> tensor<2xf32>
// CHECK-NEXT: return %1 : tensor<2xf32>
func.func @slice_dense_no_fold() -> tensor<2xf32> {
  %0 = tfm.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %1 = tfm.slice %0 {offsets = array<i64: 1>, sizes = array<i64: 2>, strides = array<i64: 1>} : (tensor<3xf32>) -> tensor<2xf32>
  return %1 : tensor<2xf32>
}

// concat of one input is that input.
// CHECK-LABEL: func.func @concat_single(
// CHECK-NEXT: return %arg0 : tensor<2x3xf32>
func.func @concat_single(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = tfm.concat %x {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// Negative: concat of two inputs stays.
// CHECK-LABEL: func.func @concat_no_fold(
// CHECK-NEXT: %0 = tfm.concat %arg0, %arg0 {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x6xf32>
// CHECK-NEXT: return %0 : tensor<2x6xf32>
func.func @concat_no_fold(%x: tensor<2x3xf32>) -> tensor<2x6xf32> {
  %0 = tfm.concat %x, %x {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x6xf32>
  return %0 : tensor<2x6xf32>
}

// Negative: concat has no constant folding, not even of splats.
// CHECK-LABEL: func.func @concat_splats_no_fold(
// CHECK-NEXT: %0 = tfm.constant dense<1.000000e+00> : tensor<2xf32>
// CHECK-NEXT: %1 = tfm.concat %0, %0 {axis = 0 : i64} : (tensor<2xf32>, tensor<2xf32>) -> tensor<4xf32>
// CHECK-NEXT: return %1 : tensor<4xf32>
func.func @concat_splats_no_fold() -> tensor<4xf32> {
  %0 = tfm.constant dense<1.0> : tensor<2xf32>
  %1 = tfm.concat %0, %0 {axis = 0 : i64} : (tensor<2xf32>, tensor<2xf32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}

// The folders compose: transpose / identity cast / transpose / single concat
// / identity broadcast_to all disappear.
// CHECK-LABEL: func.func @chain(
// CHECK-NEXT: return %arg0 : tensor<2x3xf32>
func.func @chain(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = tfm.transpose %x {perm = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  %1 = tfm.cast %0 : (tensor<3x2xf32>) -> tensor<3x2xf32>
  %2 = tfm.transpose %1 {perm = array<i64: 1, 0>} : (tensor<3x2xf32>) -> tensor<2x3xf32>
  %3 = tfm.concat %2 {axis = 0 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %4 = tfm.broadcast_to %3 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %4 : tensor<2x3xf32>
}

// Negative: elementwise ops have no folders (x + 0 stays).
// CHECK-LABEL: func.func @elementwise_not_folded(
// CHECK-NEXT: %0 = tfm.constant dense<0.000000e+00> : tensor<3xf32>
// CHECK-NEXT: %1 = tfm.add %arg0, %0 : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
// CHECK-NEXT: return %1 : tensor<3xf32>
func.func @elementwise_not_folded(%x: tensor<3xf32>) -> tensor<3xf32> {
  %0 = tfm.constant dense<0.0> : tensor<3xf32>
  %1 = tfm.add %x, %0 : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %1 : tensor<3xf32>
}

{-#
  dialect_resources: {
    builtin: {
      blob: "0x040000000000803F000000400000404000008040"
    }
  }
#-}
