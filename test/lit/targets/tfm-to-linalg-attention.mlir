// tfm.attention: heads split out of the packed last dim, two batch_matmuls
// around a max-subtracted softmax, heads merged back.
//
// RUN: tcc-opt %s --convert-tfm-to-linalg | FileCheck %s
// RUN: tcc-opt %s --convert-tfm-to-linalg | FileCheck %s --check-prefix=NOTFM
// RUN: tcc-opt %s --convert-tfm-to-linalg | mlir-opt --one-shot-bufferize=bufferize-function-boundaries | FileCheck %s --check-prefix=BUF
// NOTFM-NOT: tfm.
// BUF-NOT: {{tensor\.[a-z_]+|to_tensor|tfm\.}}

// CHECK-DAG: #[[ID4:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[MASK:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (0, d3)>
// CHECK-DAG: #[[ROWS:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-DAG: #[[ID5:map[0-9]*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>
// CHECK-DAG: #[[MASK5:map[0-9]*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, 0, 0, 0, d4)>

// 4 heads: q, k [2, S, 4*2], v [2, 7, 4*3]; the [1, 7] mask broadcasts
// over batch, heads and queries.
// CHECK-LABEL: func.func @attention(
// CHECK-SAME: %[[Q:[^:]*]]: tensor<2x5x8xf32>, %[[K:[^:]*]]: tensor<2x7x8xf32>, %[[V:[^:]*]]: tensor<2x7x12xf32>, %[[M:[^:]*]]: tensor<1x7xf32>)
// CHECK: %[[Q4:.*]] = tensor.expand_shape %[[Q]] {{\[\[}}0], [1], [2, 3]] output_shape [2, 5, 4, 2] : tensor<2x5x8xf32> into tensor<2x5x4x2xf32>
// CHECK: %[[QT:.*]] = linalg.transpose ins(%[[Q4]] : tensor<2x5x4x2xf32>) outs(%{{.*}} : tensor<2x4x5x2xf32>) permutation = [0, 2, 1, 3]
// CHECK: %[[QH:.*]] = tensor.collapse_shape %[[QT]] {{\[\[}}0, 1], [2], [3]] : tensor<2x4x5x2xf32> into tensor<8x5x2xf32>
// CHECK: %[[K4:.*]] = tensor.expand_shape %[[K]] {{\[\[}}0], [1], [2, 3]] output_shape [2, 7, 4, 2]
// CHECK: %[[KT:.*]] = linalg.transpose ins(%[[K4]] : tensor<2x7x4x2xf32>) outs(%{{.*}} : tensor<2x4x2x7xf32>) permutation = [0, 2, 3, 1]
// CHECK: %[[KH:.*]] = tensor.collapse_shape %[[KT]] {{\[\[}}0, 1], [2], [3]] : tensor<2x4x2x7xf32> into tensor<8x2x7xf32>
// CHECK: %[[V4:.*]] = tensor.expand_shape %[[V]] {{\[\[}}0], [1], [2, 3]] output_shape [2, 7, 4, 3]
// CHECK: %[[VT:.*]] = linalg.transpose ins(%[[V4]] : tensor<2x7x4x3xf32>) outs(%{{.*}} : tensor<2x4x7x3xf32>) permutation = [0, 2, 1, 3]
// CHECK: %[[VH:.*]] = tensor.collapse_shape %[[VT]] {{\[\[}}0, 1], [2], [3]] : tensor<2x4x7x3xf32> into tensor<8x7x3xf32>
// CHECK: %[[S:.*]] = linalg.batch_matmul ins(%[[QH]], %[[KH]] : tensor<8x5x2xf32>, tensor<8x2x7xf32>) outs(%{{.*}} : tensor<8x5x7xf32>)
// CHECK: %[[S4:.*]] = tensor.expand_shape %[[S]] {{\[\[}}0, 1], [2], [3]] output_shape [2, 4, 5, 7] : tensor<8x5x7xf32> into tensor<2x4x5x7xf32>
// CHECK: %[[L:.*]] = linalg.generic {indexing_maps = [#[[ID4]], #[[MASK]], #[[ID4]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[S4]], %[[M]] : tensor<2x4x5x7xf32>, tensor<1x7xf32>)
// CHECK-NEXT: ^bb0(%[[SV:.*]]: f32, %[[MV:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[SC:.*]] = arith.constant 5.000000e-01 : f32
// CHECK-NEXT: %[[SS:.*]] = arith.mulf %[[SC]], %[[SV]] : f32
// CHECK-NEXT: arith.addf %[[SS]], %[[MV]] : f32
// CHECK: %[[MAX:.*]] = linalg.generic {indexing_maps = [#[[ID4]], #[[ROWS]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%[[L]] : tensor<2x4x5x7xf32>)
// CHECK: arith.maximumf
// CHECK: math.exp
// CHECK: %[[P:.*]] = linalg.generic {indexing_maps = [#[[ID4]], #[[ROWS]], #[[ID4]]]
// CHECK: arith.divf
// CHECK: %[[P3:.*]] = tensor.collapse_shape %[[P]] {{\[\[}}0, 1], [2], [3]] : tensor<2x4x5x7xf32> into tensor<8x5x7xf32>
// CHECK: %[[O:.*]] = linalg.batch_matmul ins(%[[P3]], %[[VH]] : tensor<8x5x7xf32>, tensor<8x7x3xf32>) outs(%{{.*}} : tensor<8x5x3xf32>)
// CHECK: %[[O4:.*]] = tensor.expand_shape %[[O]] {{\[\[}}0, 1], [2], [3]] output_shape [2, 4, 5, 3]
// CHECK: %[[OT:.*]] = linalg.transpose ins(%[[O4]] : tensor<2x4x5x3xf32>) outs(%{{.*}} : tensor<2x5x4x3xf32>) permutation = [0, 2, 1, 3]
// CHECK: %[[R:.*]] = tensor.collapse_shape %[[OT]] {{\[\[}}0], [1], [2, 3]] : tensor<2x5x4x3xf32> into tensor<2x5x12xf32>
// CHECK: return %[[R]]
func.func @attention(%q: tensor<2x5x8xf32>, %k: tensor<2x7x8xf32>, %v: tensor<2x7x12xf32>, %mask: tensor<1x7xf32>) -> tensor<2x5x12xf32> {
  %0 = tfm.attention %q, %k, %v, %mask {num_heads = 4 : i64, scale = 0.5 : f32} : (tensor<2x5x8xf32>, tensor<2x7x8xf32>, tensor<2x7x12xf32>, tensor<1x7xf32>) -> tensor<2x5x12xf32>
  return %0 : tensor<2x5x12xf32>
}

// Two batch dims collapse into one for the matmuls; the scores are expanded
// back to [B0, B1, H, Sq, Skv] so the mask keeps its per-dim broadcast.
// CHECK-LABEL: func.func @attention_batch2(
// CHECK: tensor.collapse_shape %{{.*}} {{\[\[}}0, 1], [2], [3]] : tensor<2x3x4x6xf32> into tensor<6x4x6xf32>
// CHECK: linalg.batch_matmul ins(%{{.*}}, %{{.*}} : tensor<12x4x3xf32>, tensor<12x3x4xf32>) outs(%{{.*}} : tensor<12x4x4xf32>)
// CHECK: tensor.expand_shape %{{.*}} {{\[\[}}0, 1, 2], [3], [4]] output_shape [2, 3, 2, 4, 4] : tensor<12x4x4xf32> into tensor<2x3x2x4x4xf32>
// CHECK: linalg.generic {indexing_maps = [#[[ID5]], #[[MASK5]], #[[ID5]]], {{.*}} ins(%{{.*}}, %{{.*}} : tensor<2x3x2x4x4xf32>, tensor<2x1x1x1x4xf32>)
// CHECK: tensor.expand_shape %{{.*}} {{\[\[}}0, 1], [2], [3]] output_shape [2, 3, 4, 6] : tensor<6x4x6xf32> into tensor<2x3x4x6xf32>
func.func @attention_batch2(%q: tensor<2x3x4x6xf32>, %mask: tensor<2x1x1x1x4xf32>) -> tensor<2x3x4x6xf32> {
  %0 = tfm.attention %q, %q, %q, %mask {num_heads = 2 : i64, scale = 1.0 : f32} : (tensor<2x3x4x6xf32>, tensor<2x3x4x6xf32>, tensor<2x3x4x6xf32>, tensor<2x1x1x1x4xf32>) -> tensor<2x3x4x6xf32>
  return %0 : tensor<2x3x4x6xf32>
}

// No batch dims and one head: transposes of unit-free permutations remain
// only where needed; the scale multiplies without a mask.
// CHECK-LABEL: func.func @attention_single(
// CHECK: tensor.expand_shape %{{.*}} {{\[\[}}0, 1], [2]] output_shape [1, 5, 8] : tensor<5x8xf32> into tensor<1x5x8xf32>
// CHECK: linalg.batch_matmul ins(%{{.*}}, %{{.*}} : tensor<1x5x8xf32>, tensor<1x8x5xf32>)
// CHECK: ^bb0(%[[SV:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[SC:.*]] = arith.constant 1.250000e-01 : f32
// CHECK-NEXT: %[[SS:.*]] = arith.mulf %[[SC]], %[[SV]] : f32
// CHECK-NEXT: linalg.yield %[[SS]] : f32
// CHECK: linalg.batch_matmul ins(%{{.*}}, %{{.*}} : tensor<1x5x5xf32>, tensor<1x5x8xf32>)
// CHECK: tensor.collapse_shape %{{.*}} {{\[\[}}0, 1], [2]] : tensor<1x5x8xf32> into tensor<5x8xf32>
func.func @attention_single(%q: tensor<5x8xf32>) -> tensor<5x8xf32> {
  %0 = tfm.attention %q, %q, %q {num_heads = 1 : i64, scale = 0.125 : f32} : (tensor<5x8xf32>, tensor<5x8xf32>, tensor<5x8xf32>) -> tensor<5x8xf32>
  return %0 : tensor<5x8xf32>
}
