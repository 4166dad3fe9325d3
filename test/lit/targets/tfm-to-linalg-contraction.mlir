// linear, matmul and conv2d lower to named linalg contractions (matmul,
// batch_matmul, conv_2d_nchw_fchw, conv_2d_ngchw_gfchw); only numpy batch
// broadcasting needs a linalg.generic.
//
// RUN: tcc-opt %s --convert-tfm-to-linalg | FileCheck %s
// RUN: tcc-opt %s --convert-tfm-to-linalg | FileCheck %s --check-prefix=NOTFM
// RUN: tcc-opt %s --convert-tfm-to-linalg | mlir-opt --one-shot-bufferize=bufferize-function-boundaries | FileCheck %s --check-prefix=BUF
// NOTFM-NOT: tfm.
// BUF-NOT: {{tensor\.[a-z_]+|to_tensor|tfm\.}}

// CHECK-DAG: #[[LHS:map[0-9]*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, 0, d2, d4)>
// CHECK-DAG: #[[RHS:map[0-9]*]] = affine_map<(d0, d1, d2, d3, d4) -> (d1, d4, d3)>
// CHECK-DAG: #[[OUT:map[0-9]*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>

// Leading dims collapse into M; the bias is the matmul's initial value.
// CHECK-LABEL: func.func @linear(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x5x3xf32>, %[[W:[^:]*]]: tensor<3x4xf32>, %[[B:[^:]*]]: tensor<4xf32>)
// CHECK: %[[X2:.*]] = tensor.collapse_shape %[[X]] {{\[\[}}0, 1], [2]] : tensor<2x5x3xf32> into tensor<10x3xf32>
// CHECK: %[[E:.*]] = tensor.empty() : tensor<10x4xf32>
// CHECK: %[[INIT:.*]] = linalg.broadcast ins(%[[B]] : tensor<4xf32>) outs(%[[E]] : tensor<10x4xf32>) dimensions = [0]
// CHECK: %[[MM:.*]] = linalg.matmul ins(%[[X2]], %[[W]] : tensor<10x3xf32>, tensor<3x4xf32>) outs(%[[INIT]] : tensor<10x4xf32>)
// CHECK: %[[R:.*]] = tensor.expand_shape %[[MM]] {{\[\[}}0, 1], [2]] output_shape [2, 5, 4] : tensor<10x4xf32> into tensor<2x5x4xf32>
// CHECK: return %[[R]]
func.func @linear(%x: tensor<2x5x3xf32>, %w: tensor<3x4xf32>, %b: tensor<4xf32>) -> tensor<2x5x4xf32> {
  %0 = tfm.linear %x, %w, %b : (tensor<2x5x3xf32>, tensor<3x4xf32>, tensor<4xf32>) -> tensor<2x5x4xf32>
  return %0 : tensor<2x5x4xf32>
}

// Without a bias the accumulator is zero-filled; a rank-1 input is a row.
// CHECK-LABEL: func.func @linear_vector(
// CHECK: tensor.expand_shape %{{.*}} {{\[\[}}0, 1]] output_shape [1, 3] : tensor<3xf32> into tensor<1x3xf32>
// CHECK: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[F:.*]] = linalg.fill ins(%[[Z]] : f32) outs(%{{.*}} : tensor<1x4xf32>)
// CHECK: linalg.matmul ins({{.*}} : tensor<1x3xf32>, tensor<3x4xf32>) outs(%[[F]] : tensor<1x4xf32>)
// CHECK: tensor.collapse_shape %{{.*}} {{\[\[}}0, 1]] : tensor<1x4xf32> into tensor<4xf32>
func.func @linear_vector(%x: tensor<3xf32>, %w: tensor<3x4xf32>) -> tensor<4xf32> {
  %0 = tfm.linear %x, %w : (tensor<3xf32>, tensor<3x4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// Same batch dims on both sides: batch_matmul.
// CHECK-LABEL: func.func @matmul_batch(
// CHECK: linalg.batch_matmul ins(%{{.*}}, %{{.*}} : tensor<2x3x4xf32>, tensor<2x4x6xf32>) outs(%{{.*}} : tensor<2x3x6xf32>)
func.func @matmul_batch(%a: tensor<2x3x4xf32>, %b: tensor<2x4x6xf32>) -> tensor<2x3x6xf32> {
  %0 = tfm.matmul %a, %b : (tensor<2x3x4xf32>, tensor<2x4x6xf32>) -> tensor<2x3x6xf32>
  return %0 : tensor<2x3x6xf32>
}

// Several batch dims collapse into one for batch_matmul.
// CHECK-LABEL: func.func @matmul_batch_rank4(
// CHECK: tensor.collapse_shape %{{.*}} {{\[\[}}0, 1], [2], [3]] : tensor<2x3x4x5xi32> into tensor<6x4x5xi32>
// CHECK: tensor.collapse_shape %{{.*}} {{\[\[}}0, 1], [2], [3]] : tensor<2x3x5x2xi32> into tensor<6x5x2xi32>
// CHECK: linalg.fill ins(%{{.*}} : i32) outs(%{{.*}} : tensor<6x4x2xi32>)
// CHECK: linalg.batch_matmul ins(%{{.*}}, %{{.*}} : tensor<6x4x5xi32>, tensor<6x5x2xi32>) outs(%{{.*}} : tensor<6x4x2xi32>)
// CHECK: tensor.expand_shape %{{.*}} {{\[\[}}0, 1], [2], [3]] output_shape [2, 3, 4, 2] : tensor<6x4x2xi32> into tensor<2x3x4x2xi32>
func.func @matmul_batch_rank4(%a: tensor<2x3x4x5xi32>, %b: tensor<2x3x5x2xi32>) -> tensor<2x3x4x2xi32> {
  %0 = tfm.matmul %a, %b : (tensor<2x3x4x5xi32>, tensor<2x3x5x2xi32>) -> tensor<2x3x4x2xi32>
  return %0 : tensor<2x3x4x2xi32>
}

// Only the lhs has batch dims: one [B*M, K] x [K, N] matmul.
// CHECK-LABEL: func.func @matmul_lhs_batch(
// CHECK: tensor.collapse_shape %{{.*}} {{\[\[}}0, 1], [2]] : tensor<2x3x4xf32> into tensor<6x4xf32>
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<6x4xf32>, tensor<4x5xf32>) outs(%{{.*}} : tensor<6x5xf32>)
// CHECK: tensor.expand_shape %{{.*}} {{\[\[}}0, 1], [2]] output_shape [2, 3, 5] : tensor<6x5xf32> into tensor<2x3x5xf32>
func.func @matmul_lhs_batch(%a: tensor<2x3x4xf32>, %b: tensor<4x5xf32>) -> tensor<2x3x5xf32> {
  %0 = tfm.matmul %a, %b : (tensor<2x3x4xf32>, tensor<4x5xf32>) -> tensor<2x3x5xf32>
  return %0 : tensor<2x3x5xf32>
}

// Broadcasting batch dims: a generic over (batch..., m, n, k) whose operand
// maps stretch unit batch dims (constant 0) and drop missing leading ones.
// CHECK-LABEL: func.func @matmul_broadcast(
// CHECK-SAME: %[[A:[^:]*]]: tensor<2x1x3x4xf32>, %[[B:[^:]*]]: tensor<5x4x6xf32>)
// CHECK: %[[F:.*]] = linalg.fill
// CHECK: linalg.generic {indexing_maps = [#[[LHS]], #[[RHS]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%[[A]], %[[B]] : tensor<2x1x3x4xf32>, tensor<5x4x6xf32>) outs(%[[F]] : tensor<2x5x3x6xf32>)
// CHECK-NEXT: ^bb0(%[[L:.*]]: f32, %[[R:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK-NEXT: %[[P:.*]] = arith.mulf %[[L]], %[[R]] : f32
// CHECK-NEXT: %[[S:.*]] = arith.addf %[[ACC]], %[[P]] : f32
// CHECK-NEXT: linalg.yield %[[S]] : f32
func.func @matmul_broadcast(%a: tensor<2x1x3x4xf32>, %b: tensor<5x4x6xf32>) -> tensor<2x5x3x6xf32> {
  %0 = tfm.matmul %a, %b : (tensor<2x1x3x4xf32>, tensor<5x4x6xf32>) -> tensor<2x5x3x6xf32>
  return %0 : tensor<2x5x3x6xf32>
}

// numpy vector rules: the unit dims added for rank-1 operands are dropped.
// CHECK-LABEL: func.func @matmul_vectors(
// CHECK: tensor.expand_shape %{{.*}} {{\[\[}}0, 1]] output_shape [4, 1] : tensor<4xf32> into tensor<4x1xf32>
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<3x4xf32>, tensor<4x1xf32>) outs(%{{.*}} : tensor<3x1xf32>)
// CHECK: tensor.collapse_shape %{{.*}} {{\[\[}}0, 1]] : tensor<3x1xf32> into tensor<3xf32>
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<1x4xf32>, tensor<4x1xf32>) outs(%{{.*}} : tensor<1x1xf32>)
// CHECK: tensor.collapse_shape %{{.*}} [] : tensor<1x1xf32> into tensor<f32>
func.func @matmul_vectors(%m: tensor<3x4xf32>, %v: tensor<4xf32>) -> (tensor<3xf32>, tensor<f32>) {
  %0 = tfm.matmul %m, %v : (tensor<3x4xf32>, tensor<4xf32>) -> tensor<3xf32>
  %1 = tfm.matmul %v, %v : (tensor<4xf32>, tensor<4xf32>) -> tensor<f32>
  return %0, %1 : tensor<3xf32>, tensor<f32>
}

// groups = 1: conv_2d_nchw_fchw on the zero-padded input, accumulating
// into the bias broadcast over N, H, W.
// CHECK-LABEL: func.func @conv2d(
// CHECK-SAME: %[[X:[^:]*]]: tensor<1x3x6x6xf32>, %[[W:[^:]*]]: tensor<2x3x3x3xf32>, %[[B:[^:]*]]: tensor<2xf32>)
// CHECK: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[P:.*]] = tensor.pad %[[X]] low[0, 0, 1, 0] high[0, 0, 2, 1]
// CHECK-NEXT: ^bb0
// CHECK-NEXT: tensor.yield %[[Z]] : f32
// CHECK-NEXT: } : tensor<1x3x6x6xf32> to tensor<1x3x9x7xf32>
// CHECK: %[[INIT:.*]] = linalg.broadcast ins(%[[B]] : tensor<2xf32>) outs(%{{.*}} : tensor<1x2x4x2xf32>) dimensions = [0, 2, 3]
// CHECK: linalg.conv_2d_nchw_fchw {dilations = dense<[1, 2]> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%[[P]], %[[W]] : tensor<1x3x9x7xf32>, tensor<2x3x3x3xf32>) outs(%[[INIT]] : tensor<1x2x4x2xf32>)
func.func @conv2d(%x: tensor<1x3x6x6xf32>, %w: tensor<2x3x3x3xf32>, %b: tensor<2xf32>) -> tensor<1x2x4x2xf32> {
  %0 = tfm.conv2d %x, %w, %b {dilations = array<i64: 1, 2>, padding = array<i64: 1, 0, 2, 1>, strides = array<i64: 2, 2>} : (tensor<1x3x6x6xf32>, tensor<2x3x3x3xf32>, tensor<2xf32>) -> tensor<1x2x4x2xf32>
  return %0 : tensor<1x2x4x2xf32>
}

// Grouped: channels split into [G, C/G] and [G, F/G], conv_2d_ngchw_gfchw,
// output channels merged back. The bias is reshaped to [G, F/G].
// CHECK-LABEL: func.func @conv2d_grouped(
// CHECK-SAME: %[[X:[^:]*]]: tensor<1x4x8x8xf32>, %[[W:[^:]*]]: tensor<6x2x3x3xf32>, %[[B:[^:]*]]: tensor<6xf32>)
// CHECK: %[[P:.*]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 1, 1]
// CHECK: %[[XG:.*]] = tensor.expand_shape %[[P]] {{\[\[}}0], [1, 2], [3], [4]] output_shape [1, 2, 2, 10, 10] : tensor<1x4x10x10xf32> into tensor<1x2x2x10x10xf32>
// CHECK: %[[WG:.*]] = tensor.expand_shape %[[W]] {{\[\[}}0, 1], [2], [3], [4]] output_shape [2, 3, 2, 3, 3] : tensor<6x2x3x3xf32> into tensor<2x3x2x3x3xf32>
// CHECK: %[[BG:.*]] = tensor.expand_shape %[[B]] {{\[\[}}0, 1]] output_shape [2, 3] : tensor<6xf32> into tensor<2x3xf32>
// CHECK: %[[INIT:.*]] = linalg.broadcast ins(%[[BG]] : tensor<2x3xf32>) outs(%{{.*}} : tensor<1x2x3x4x4xf32>) dimensions = [0, 3, 4]
// CHECK: %[[C:.*]] = linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%[[XG]], %[[WG]] : tensor<1x2x2x10x10xf32>, tensor<2x3x2x3x3xf32>) outs(%[[INIT]] : tensor<1x2x3x4x4xf32>)
// CHECK: tensor.collapse_shape %[[C]] {{\[\[}}0], [1, 2], [3], [4]] : tensor<1x2x3x4x4xf32> into tensor<1x6x4x4xf32>
func.func @conv2d_grouped(%x: tensor<1x4x8x8xf32>, %w: tensor<6x2x3x3xf32>, %b: tensor<6xf32>) -> tensor<1x6x4x4xf32> {
  %0 = tfm.conv2d %x, %w, %b {dilations = array<i64: 1, 1>, groups = 2 : i64, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x4x8x8xf32>, tensor<6x2x3x3xf32>, tensor<6xf32>) -> tensor<1x6x4x4xf32>
  return %0 : tensor<1x6x4x4xf32>
}

// Depthwise is the grouped form with one input channel per group; no
// padding means no tensor.pad.
// CHECK-LABEL: func.func @conv2d_depthwise(
// CHECK-NOT: tensor.pad
// CHECK: linalg.conv_2d_ngchw_gfchw {{.*}} ins(%{{.*}}, %{{.*}} : tensor<1x3x1x5x5xf32>, tensor<3x2x1x3x3xf32>) outs(%{{.*}} : tensor<1x3x2x3x3xf32>)
func.func @conv2d_depthwise(%x: tensor<1x3x5x5xf32>, %w: tensor<6x1x3x3xf32>) -> tensor<1x6x3x3xf32> {
  %0 = tfm.conv2d %x, %w {dilations = array<i64: 1, 1>, groups = 3 : i64, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x3x5x5xf32>, tensor<6x1x3x3xf32>) -> tensor<1x6x3x3xf32>
  return %0 : tensor<1x6x3x3xf32>
}
