// Reductions: one linalg.generic with reduction iterators into a filled
// accumulator (identity of the combiner), keep_dims by expand_shape.
// argmax/argmin: a two-output generic carrying (value, index).
//
// RUN: tcc-opt %s --convert-tfm-to-linalg | FileCheck %s
// RUN: tcc-opt %s --convert-tfm-to-linalg | FileCheck %s --check-prefix=NOTFM
// RUN: tcc-opt %s --convert-tfm-to-linalg | mlir-opt --one-shot-bufferize=bufferize-function-boundaries | FileCheck %s --check-prefix=BUF
// NOTFM-NOT: tfm.
// BUF-NOT: {{tensor\.[a-z_]+|to_tensor|tfm\.}}

// CHECK-DAG: #[[ID3:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[D0:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d0)>
// CHECK-DAG: #[[ID1:map[0-9]*]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[ALL:map[0-9]*]] = affine_map<(d0, d1, d2) -> ()>
// CHECK-DAG: #[[ID2:map[0-9]*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[D1:map[0-9]*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[DROP1:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[DROP2:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d0, d1)>

// CHECK-LABEL: func.func @reduce_sum_keep(
// CHECK: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[F:.*]] = linalg.fill ins(%[[Z]] : f32) outs(%{{.*}} : tensor<2xf32>)
// CHECK: %[[R:.*]] = linalg.generic {indexing_maps = [#[[ID3]], #[[D0]]], iterator_types = ["parallel", "reduction", "reduction"]} ins(%{{.*}} : tensor<2x3x4xf32>) outs(%[[F]] : tensor<2xf32>)
// CHECK: arith.addf
// CHECK: tensor.expand_shape %[[R]] {{\[\[}}0, 1, 2]] output_shape [2, 1, 1] : tensor<2xf32> into tensor<2x1x1xf32>
func.func @reduce_sum_keep(%x: tensor<2x3x4xf32>) -> tensor<2x1x1xf32> {
  %0 = tfm.reduce_sum %x {axes = array<i64: 1, 2>} : (tensor<2x3x4xf32>) -> tensor<2x1x1xf32>
  return %0 : tensor<2x1x1xf32>
}

// The mean divides the sum by the number of reduced elements.
// CHECK-LABEL: func.func @reduce_mean(
// CHECK: %[[S:.*]] = linalg.generic {indexing_maps = [#[[ID3]], #[[D0]]]
// CHECK: linalg.generic {indexing_maps = [#[[ID1]], #[[ID1]]], iterator_types = ["parallel"]} ins(%[[S]] : tensor<2xf32>)
// CHECK: %[[N:.*]] = arith.constant 1.200000e+01 : f32
// CHECK-NEXT: arith.divf %{{.*}}, %[[N]] : f32
func.func @reduce_mean(%x: tensor<2x3x4xf32>) -> tensor<2xf32> {
  %0 = tfm.reduce_mean %x {axes = array<i64: 1, 2>, keep_dims = false} : (tensor<2x3x4xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// max starts from -inf and propagates NaN; reducing every dim gives rank 0.
// CHECK-LABEL: func.func @reduce_max_all(
// CHECK: %[[NINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: linalg.fill ins(%[[NINF]] : f32) outs(%{{.*}} : tensor<f32>)
// CHECK: linalg.generic {indexing_maps = [#[[ID3]], #[[ALL]]], iterator_types = ["reduction", "reduction", "reduction"]}
// CHECK: arith.maximumf
func.func @reduce_max_all(%x: tensor<2x3x4xf32>) -> tensor<f32> {
  %0 = tfm.reduce_max %x {axes = array<i64: 0, 1, 2>, keep_dims = false} : (tensor<2x3x4xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// Integer min starts from the signed maximum; prod from 1.
// CHECK-LABEL: func.func @reduce_int(
// CHECK: %[[MAX:.*]] = arith.constant 2147483647 : i32
// CHECK: linalg.fill ins(%[[MAX]] : i32)
// CHECK: linalg.generic {indexing_maps = [#[[ID2]], #[[D1]]], iterator_types = ["reduction", "parallel"]}
// CHECK: arith.minsi
// CHECK: %[[ONE:.*]] = arith.constant 1 : i32
// CHECK: linalg.fill ins(%[[ONE]] : i32)
// CHECK: arith.muli
func.func @reduce_int(%i: tensor<5x6xi32>) -> (tensor<6xi32>, tensor<6xi32>) {
  %0 = tfm.reduce_min %i {axes = array<i64: 0>, keep_dims = false} : (tensor<5x6xi32>) -> tensor<6xi32>
  %1 = tfm.reduce_prod %i {axes = array<i64: 0>, keep_dims = false} : (tensor<5x6xi32>) -> tensor<6xi32>
  return %0, %1 : tensor<6xi32>, tensor<6xi32>
}

// No axes: the identity.
// CHECK-LABEL: func.func @reduce_none(
// CHECK-SAME: %[[X:[^:]*]]: tensor<5x6xi32>)
// CHECK-NEXT: return %[[X]]
func.func @reduce_none(%i: tensor<5x6xi32>) -> tensor<5x6xi32> {
  %0 = tfm.reduce_prod %i {axes = array<i64>} : (tensor<5x6xi32>) -> tensor<5x6xi32>
  return %0 : tensor<5x6xi32>
}

// f16 sums accumulate in f32 and round once.
// CHECK-LABEL: func.func @reduce_sum_f16(
// CHECK: linalg.generic {{.*}} ins(%{{.*}} : tensor<4xf16>) outs(%{{.*}} : tensor<f32>)
// CHECK: arith.extf %{{.*}} : f16 to f32
// CHECK: arith.truncf %{{.*}} : f32 to f16
// CHECK: tensor.expand_shape %{{.*}} [] output_shape [1] : tensor<f16> into tensor<1xf16>
func.func @reduce_sum_f16(%h: tensor<4xf16>) -> tensor<1xf16> {
  %0 = tfm.reduce_sum %h {axes = array<i64: 0>} : (tensor<4xf16>) -> tensor<1xf16>
  return %0 : tensor<1xf16>
}

// argmax: strict > keeps the first maximum; a NaN is taken when the best so
// far is not NaN (numpy: the first NaN wins).
// CHECK-LABEL: func.func @argmax(
// CHECK: %[[NINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[VALS:.*]] = linalg.fill ins(%[[NINF]] : f32) outs(%{{.*}} : tensor<2x4xf32>)
// CHECK: %[[IDXS:.*]] = linalg.fill ins(%{{.*}} : i64) outs(%{{.*}} : tensor<2x4xi64>)
// CHECK: %[[R:.*]]:2 = linalg.generic {indexing_maps = [#[[ID3]], #[[DROP1]], #[[DROP1]]], iterator_types = ["parallel", "reduction", "parallel"]} ins(%{{.*}} : tensor<2x3x4xf32>) outs(%[[VALS]], %[[IDXS]] : tensor<2x4xf32>, tensor<2x4xi64>)
// CHECK-NEXT: ^bb0(%[[X:.*]]: f32, %[[BEST:.*]]: f32, %[[BI:.*]]: i64):
// CHECK-NEXT: %[[GT:.*]] = arith.cmpf ogt, %[[X]], %[[BEST]] : f32
// CHECK-NEXT: %[[XNAN:.*]] = arith.cmpf uno, %[[X]], %[[X]] : f32
// CHECK-NEXT: %[[BORD:.*]] = arith.cmpf ord, %[[BEST]], %[[BEST]] : f32
// CHECK-NEXT: %[[NEWNAN:.*]] = arith.andi %[[XNAN]], %[[BORD]] : i1
// CHECK-NEXT: %[[TAKE:.*]] = arith.ori %[[GT]], %[[NEWNAN]] : i1
// CHECK-NEXT: %[[I:.*]] = linalg.index 1 : index
// CHECK-NEXT: %[[I64:.*]] = arith.index_cast %[[I]] : index to i64
// CHECK-NEXT: %[[V:.*]] = arith.select %[[TAKE]], %[[X]], %[[BEST]] : f32
// CHECK-NEXT: %[[J:.*]] = arith.select %[[TAKE]], %[[I64]], %[[BI]] : i64
// CHECK-NEXT: linalg.yield %[[V]], %[[J]] : f32, i64
// CHECK: tensor.expand_shape %[[R]]#1 {{\[\[}}0], [1, 2]] output_shape [2, 1, 4] : tensor<2x4xi64> into tensor<2x1x4xi64>
func.func @argmax(%x: tensor<2x3x4xf32>) -> tensor<2x1x4xi64> {
  %0 = tfm.argmax %x {axis = 1 : i64} : (tensor<2x3x4xf32>) -> tensor<2x1x4xi64>
  return %0 : tensor<2x1x4xi64>
}

// argmin with select_last_index: non-strict <= moves to later ties, and any
// NaN is taken (the last NaN wins).
// CHECK-LABEL: func.func @argmin_last(
// CHECK: %[[INF:.*]] = arith.constant 0x7F800000 : f32
// CHECK: linalg.generic {indexing_maps = [#[[ID3]], #[[DROP2]], #[[DROP2]]], iterator_types = ["parallel", "parallel", "reduction"]}
// CHECK-NEXT: ^bb0(%[[X:.*]]: f32, %[[BEST:.*]]: f32, %{{.*}}: i64):
// CHECK-NEXT: %[[LE:.*]] = arith.cmpf ole, %[[X]], %[[BEST]] : f32
// CHECK-NEXT: %[[XNAN:.*]] = arith.cmpf uno, %[[X]], %[[X]] : f32
// CHECK-NEXT: arith.ori %[[LE]], %[[XNAN]] : i1
// CHECK: linalg.index 2 : index
func.func @argmin_last(%x: tensor<2x3x4xf32>) -> tensor<2x3xi64> {
  %0 = tfm.argmin %x {axis = 2 : i64, keep_dims = false, select_last_index = true} : (tensor<2x3x4xf32>) -> tensor<2x3xi64>
  return %0 : tensor<2x3xi64>
}

// Integers: signed compares from the signed minimum.
// CHECK-LABEL: func.func @argmax_int(
// CHECK: %[[MIN:.*]] = arith.constant -128 : i8
// CHECK: linalg.fill ins(%[[MIN]] : i8) outs(%{{.*}} : tensor<i8>)
// CHECK: arith.cmpi sgt
func.func @argmax_int(%v: tensor<7xi8>) -> tensor<i64> {
  %0 = tfm.argmax %v {axis = 0 : i64, keep_dims = false} : (tensor<7xi8>) -> tensor<i64>
  return %0 : tensor<i64>
}
