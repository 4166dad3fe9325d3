// Pooling: explicit tensor.pad, then linalg.pooling_nchw_max / _sum over a
// [KH, KW] window tensor; average pooling divides by a constant table of
// window sizes.
//
// RUN: tcc-opt %s --convert-tfm-to-linalg | FileCheck %s
// RUN: tcc-opt %s --convert-tfm-to-linalg | FileCheck %s --check-prefix=NOTFM
// RUN: tcc-opt %s --convert-tfm-to-linalg | mlir-opt --one-shot-bufferize=bufferize-function-boundaries | FileCheck %s --check-prefix=BUF
// NOTFM-NOT: tfm.
// BUF-NOT: {{tensor\.[a-z_]+|to_tensor|tfm\.}}

// CHECK-DAG: #[[ID4:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[HW:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (d2, d3)>

// Padding is -inf, the accumulator starts at -inf.
// CHECK-LABEL: func.func @max_pool(
// CHECK-SAME: %[[X:[^:]*]]: tensor<1x3x7x7xf32>)
// CHECK: %[[NINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[P:.*]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 1, 1]
// CHECK: tensor.yield %[[NINF]] : f32
// CHECK: } : tensor<1x3x7x7xf32> to tensor<1x3x9x9xf32>
// CHECK: %[[W:.*]] = tensor.empty() : tensor<3x3xf32>
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[NINF]] : f32) outs(%{{.*}} : tensor<1x3x3x3xf32>)
// CHECK: linalg.pooling_nchw_max {dilations = dense<2> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%[[P]], %[[W]] : tensor<1x3x9x9xf32>, tensor<3x3xf32>) outs(%[[INIT]] : tensor<1x3x3x3xf32>)
func.func @max_pool(%x: tensor<1x3x7x7xf32>) -> tensor<1x3x3x3xf32> {
  %0 = tfm.max_pool2d %x {dilations = array<i64: 2, 2>, kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x3x3xf32>
  return %0 : tensor<1x3x3x3xf32>
}

// ceil_mode: the last window runs one past the input, so the high padding
// grows to cover it.
// CHECK-LABEL: func.func @max_pool_ceil(
// CHECK: tensor.pad %{{.*}} low[0, 0, 0, 0] high[0, 0, 1, 1]
// CHECK: linalg.pooling_nchw_max {{.*}} ins(%{{.*}}, %{{.*}} : tensor<1x3x8x8xf32>, tensor<2x2xf32>) outs(%{{.*}} : tensor<1x3x4x4xf32>)
func.func @max_pool_ceil(%x: tensor<1x3x7x7xf32>) -> tensor<1x3x4x4xf32> {
  %0 = tfm.max_pool2d %x {ceil_mode = true, dilations = array<i64: 1, 1>, kernel = array<i64: 2, 2>, padding = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : (tensor<1x3x7x7xf32>) -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// Zero padding, sum pooling, then division by the in-bounds element count
// of each window: the corner windows of a 3x3 kernel with padding 1 see 4,
// the edges 6, the inside 9.
// CHECK-LABEL: func.func @avg_pool_exclude_pad(
// CHECK-SAME: %[[X:[^:]*]]: tensor<1x2x5x5xf32>)
// CHECK: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[P:.*]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 1, 1]
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[Z]] : f32) outs(%{{.*}} : tensor<1x2x3x3xf32>)
// CHECK: %[[SUM:.*]] = linalg.pooling_nchw_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%[[P]], %{{.*}} : tensor<1x2x7x7xf32>, tensor<3x3xf32>) outs(%[[INIT]] : tensor<1x2x3x3xf32>)
// CHECK: %[[CNT:.*]] = arith.constant dense<{{\[\[}}4.000000e+00, 6.000000e+00, 4.000000e+00], [6.000000e+00, 9.000000e+00, 6.000000e+00], [4.000000e+00, 6.000000e+00, 4.000000e+00]]> : tensor<3x3xf32>
// CHECK: linalg.generic {indexing_maps = [#[[ID4]], #[[HW]], #[[ID4]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[SUM]], %[[CNT]] : tensor<1x2x3x3xf32>, tensor<3x3xf32>)
// CHECK: arith.divf
func.func @avg_pool_exclude_pad(%x: tensor<1x2x5x5xf32>) -> tensor<1x2x3x3xf32> {
  %0 = tfm.avg_pool2d %x {kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x2x5x5xf32>) -> tensor<1x2x3x3xf32>
  return %0 : tensor<1x2x3x3xf32>
}

// count_include_pad: every window counts its padded elements too.
// CHECK-LABEL: func.func @avg_pool_include_pad(
// CHECK: arith.constant dense<9.000000e+00> : tensor<3x3xf32>
func.func @avg_pool_include_pad(%x: tensor<1x2x5x5xf32>) -> tensor<1x2x3x3xf32> {
  %0 = tfm.avg_pool2d %x {count_include_pad = true, kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x2x5x5xf32>) -> tensor<1x2x3x3xf32>
  return %0 : tensor<1x2x3x3xf32>
}

// ceil_mode with padding: the last window starts inside the input but ends
// past the padded border; it counts only what lies inside (2, not 4, per
// dim with count_include_pad = false here: rows 2 and 3 of 5).
// CHECK-LABEL: func.func @avg_pool_ceil(
// CHECK: tensor.pad %{{.*}} low[0, 0, 1, 1] high[0, 0, 0, 0]
// CHECK: arith.constant dense<{{\[\[}}1.000000e+00, 2.000000e+00], [2.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>
func.func @avg_pool_ceil(%y: tensor<1x3x5x5xf32>) -> tensor<1x3x2x2xf32> {
  %0 = tfm.avg_pool2d %y {ceil_mode = true, kernel = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 3, 3>} : (tensor<1x3x5x5xf32>) -> tensor<1x3x2x2xf32>
  return %0 : tensor<1x3x2x2xf32>
}
