// Elementwise ops become one parallel linalg.generic each; numpy broadcasting
// is in the indexing maps (a stretched unit dim reads index 0, missing
// leading dims are dropped), never a materialised broadcast.
//
// RUN: tcc-opt %s --convert-tfm-to-linalg | FileCheck %s
// RUN: tcc-opt %s --convert-tfm-to-linalg | FileCheck %s --check-prefix=NOTFM
// RUN: tcc-opt %s --convert-tfm-to-linalg | mlir-opt --one-shot-bufferize=bufferize-function-boundaries | FileCheck %s --check-prefix=BUF
// NOTFM-NOT: tfm.
// BUF-NOT: {{tensor\.[a-z_]+|to_tensor|tfm\.}}

// CHECK-DAG: #[[STRETCH:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK-DAG: #[[TRAIL2:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[ID3:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[SCALAR0:map[0-9]*]] = affine_map<() -> ()>
// CHECK-DAG: #[[ID1:map[0-9]*]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[ID2:map[0-9]*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[LAST2:map[0-9]*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[SCALAR2:map[0-9]*]] = affine_map<(d0, d1) -> ()>
// CHECK-DAG: #[[SCALAR1:map[0-9]*]] = affine_map<(d0) -> ()>

// [4,1,3] + [2,3] -> [4,2,3]: both operands stretch.
// CHECK-LABEL: func.func @add_broadcast(
// CHECK-SAME: %[[A:.*]]: tensor<4x1x3xf32>, %[[B:.*]]: tensor<2x3xf32>)
// CHECK: %[[E:.*]] = tensor.empty() : tensor<4x2x3xf32>
// CHECK: %[[R:.*]] = linalg.generic {indexing_maps = [#[[STRETCH]], #[[TRAIL2]], #[[ID3]]], iterator_types = ["parallel", "parallel", "parallel"]} ins(%[[A]], %[[B]] : tensor<4x1x3xf32>, tensor<2x3xf32>) outs(%[[E]] : tensor<4x2x3xf32>)
// CHECK-NEXT: ^bb0(%[[X:.*]]: f32, %[[Y:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[S:.*]] = arith.addf %[[X]], %[[Y]] : f32
// CHECK-NEXT: linalg.yield %[[S]] : f32
// CHECK: return %[[R]]
func.func @add_broadcast(%a: tensor<4x1x3xf32>, %b: tensor<2x3xf32>) -> tensor<4x2x3xf32> {
  %0 = tfm.add %a, %b : (tensor<4x1x3xf32>, tensor<2x3xf32>) -> tensor<4x2x3xf32>
  return %0 : tensor<4x2x3xf32>
}

// Rank 0: a generic with no loops.
// CHECK-LABEL: func.func @add_rank0(
// CHECK: linalg.generic {indexing_maps = [#[[SCALAR0]], #[[SCALAR0]], #[[SCALAR0]]], iterator_types = []}
// CHECK: arith.addf
func.func @add_rank0(%s: tensor<f32>, %t: tensor<f32>) -> tensor<f32> {
  %0 = tfm.add %s, %t : (tensor<f32>, tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// Integer division truncates (divsi); the divisor is replaced by 1 where it
// is 0 (result 0) or -1 (result -x, which wraps for INT_MIN), so nothing
// traps.
// CHECK-LABEL: func.func @div_int(
// CHECK: ^bb0(%[[X:.*]]: i32, %[[Y:.*]]: i32, %{{.*}}: i32):
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0 : i32
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1 : i32
// CHECK-DAG: %[[MONE:.*]] = arith.constant -1 : i32
// CHECK: %[[ISZ:.*]] = arith.cmpi eq, %[[Y]], %[[ZERO]] : i32
// CHECK: %[[ISM:.*]] = arith.cmpi eq, %[[Y]], %[[MONE]] : i32
// CHECK: %[[SPECIAL:.*]] = arith.ori %[[ISZ]], %[[ISM]] : i1
// CHECK: %[[DIVISOR:.*]] = arith.select %[[SPECIAL]], %[[ONE]], %[[Y]] : i32
// CHECK: %[[Q:.*]] = arith.divsi %[[X]], %[[DIVISOR]] : i32
// CHECK: %[[NEG:.*]] = arith.subi %[[ZERO]], %[[X]] : i32
// CHECK: %[[Q2:.*]] = arith.select %[[ISM]], %[[NEG]], %[[Q]] : i32
// CHECK: %[[Q3:.*]] = arith.select %[[ISZ]], %[[ZERO]], %[[Q2]] : i32
// CHECK: linalg.yield %[[Q3]] : i32
func.func @div_int(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xi32> {
  %0 = tfm.div %a, %b : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// Float max/min propagate NaN (maximumf/minimumf); integers are signed.
// CHECK-LABEL: func.func @max_min(
// CHECK: arith.maximumf %{{.*}}, %{{.*}} : f32
// CHECK: arith.minimumf %{{.*}}, %{{.*}} : f32
// CHECK: %[[Z:.*]] = arith.constant 0 : i8
// CHECK: arith.maxsi %{{.*}}, %[[Z]] : i8
func.func @max_min(%a: tensor<4xf32>, %b: tensor<4xf32>, %i: tensor<4xi8>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xi8>) {
  %0 = tfm.max %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = tfm.min %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %2 = tfm.relu %i : (tensor<4xi8>) -> tensor<4xi8>
  return %0, %1, %2 : tensor<4xf32>, tensor<4xf32>, tensor<4xi8>
}

// round is half-to-even; relu(NaN) is NaN; sign(+-0) = +0, sign(NaN) = NaN;
// clamp is min(max(x, lo), hi).
// CHECK-LABEL: func.func @unary(
// CHECK: math.roundeven %{{.*}} : f32
// CHECK: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: arith.maximumf %{{.*}}, %[[Z]] : f32
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-DAG: %[[MONE:.*]] = arith.constant -1.000000e+00 : f32
// CHECK: %[[POS:.*]] = arith.cmpf ogt, %[[X]], %[[ZERO]] : f32
// CHECK: %[[NEG:.*]] = arith.cmpf olt, %[[X]], %[[ZERO]] : f32
// CHECK: %[[NAN:.*]] = arith.cmpf uno, %[[X]], %[[X]] : f32
// CHECK: %[[REST:.*]] = arith.select %[[NAN]], %[[X]], %[[ZERO]] : f32
// CHECK: %[[S1:.*]] = arith.select %[[NEG]], %[[MONE]], %[[REST]] : f32
// CHECK: %[[S2:.*]] = arith.select %[[POS]], %[[ONE]], %[[S1]] : f32
// CHECK: linalg.yield %[[S2]] : f32
// CHECK: ^bb0(%[[C:.*]]: f32, %{{.*}}: f32):
// CHECK-DAG: %[[LO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[HI:.*]] = arith.constant 6.000000e+00 : f32
// CHECK: %[[M:.*]] = arith.maximumf %[[C]], %[[LO]] : f32
// CHECK: arith.minimumf %[[M]], %[[HI]] : f32
func.func @unary(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %0 = tfm.round %x : (tensor<4xf32>) -> tensor<4xf32>
  %1 = tfm.relu %x : (tensor<4xf32>) -> tensor<4xf32>
  %2 = tfm.sign %x : (tensor<4xf32>) -> tensor<4xf32>
  %3 = tfm.clamp %x {max = 6.0 : f32, min = 0.0 : f32} : (tensor<4xf32>) -> tensor<4xf32>
  return %0, %1, %2, %3 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// The transcendental ops map one-to-one onto math ops.
// CHECK-LABEL: func.func @math_ops(
// CHECK: math.exp
// CHECK: math.log
// CHECK: math.sqrt
// CHECK: math.rsqrt
// CHECK: math.tanh
// CHECK: math.erf
// CHECK: math.sin
// CHECK: math.cos
// CHECK: math.floor
// CHECK: math.ceil
// CHECK: math.powf
func.func @math_ops(%x: tensor<3xf32>) -> tensor<3xf32> {
  %0 = tfm.exp %x : (tensor<3xf32>) -> tensor<3xf32>
  %1 = tfm.log %0 : (tensor<3xf32>) -> tensor<3xf32>
  %2 = tfm.sqrt %1 : (tensor<3xf32>) -> tensor<3xf32>
  %3 = tfm.rsqrt %2 : (tensor<3xf32>) -> tensor<3xf32>
  %4 = tfm.tanh %3 : (tensor<3xf32>) -> tensor<3xf32>
  %5 = tfm.erf %4 : (tensor<3xf32>) -> tensor<3xf32>
  %6 = tfm.sin %5 : (tensor<3xf32>) -> tensor<3xf32>
  %7 = tfm.cos %6 : (tensor<3xf32>) -> tensor<3xf32>
  %8 = tfm.floor %7 : (tensor<3xf32>) -> tensor<3xf32>
  %9 = tfm.ceil %8 : (tensor<3xf32>) -> tensor<3xf32>
  %10 = tfm.pow %9, %x : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %10 : tensor<3xf32>
}

// Comparisons yield i1 (ordered float predicates, signed integer ones);
// select broadcasts all three operands.
// CHECK-LABEL: func.func @compare_select(
// CHECK-SAME: %[[A:[^:]*]]: tensor<2x3xf32>, %[[B:[^:]*]]: tensor<3xf32>, %[[I:[^:]*]]: tensor<4xi32>, %[[J:[^:]*]]: tensor<i32>, %[[S:[^:]*]]: tensor<f32>)
// CHECK: %[[LT:.*]] = linalg.generic {indexing_maps = [#[[ID2]], #[[LAST2]], #[[ID2]]], {{.*}} ins(%[[A]], %[[B]] : tensor<2x3xf32>, tensor<3xf32>) outs(%{{.*}} : tensor<2x3xi1>)
// CHECK: arith.cmpf olt
// CHECK: linalg.generic {indexing_maps = [#[[ID2]], #[[ID2]], #[[SCALAR2]], #[[ID2]]], {{.*}} ins(%[[LT]], %[[A]], %[[S]] : tensor<2x3xi1>, tensor<2x3xf32>, tensor<f32>)
// CHECK: arith.select
// CHECK: linalg.generic {indexing_maps = [#[[ID1]], #[[SCALAR1]], #[[ID1]]], {{.*}} ins(%[[I]], %[[J]] : tensor<4xi32>, tensor<i32>)
// CHECK: arith.cmpi sge
func.func @compare_select(%a: tensor<2x3xf32>, %b: tensor<3xf32>, %i: tensor<4xi32>, %j: tensor<i32>, %s: tensor<f32>) -> (tensor<2x3xf32>, tensor<4xi1>) {
  %0 = tfm.less %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  %1 = tfm.select %0, %a, %s : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  %2 = tfm.greater_equal %i, %j : (tensor<4xi32>, tensor<i32>) -> tensor<4xi1>
  return %1, %2 : tensor<2x3xf32>, tensor<4xi1>
}

// Boolean logic on i1.
// CHECK-LABEL: func.func @logical(
// CHECK: %[[T:.*]] = arith.constant true
// CHECK-NEXT: arith.xori %{{.*}}, %[[T]] : i1
// CHECK: arith.andi
// CHECK: arith.ori
// CHECK: arith.xori
func.func @logical(%p: tensor<2x3xi1>, %q: tensor<3xi1>) -> tensor<2x3xi1> {
  %0 = tfm.not %p : (tensor<2x3xi1>) -> tensor<2x3xi1>
  %1 = tfm.and %0, %q : (tensor<2x3xi1>, tensor<3xi1>) -> tensor<2x3xi1>
  %2 = tfm.or %1, %p : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  %3 = tfm.xor %2, %q : (tensor<2x3xi1>, tensor<3xi1>) -> tensor<2x3xi1>
  return %3 : tensor<2x3xi1>
}

// f16 arithmetic stays in f16; transcendental functions evaluate in f32
// and round once.
// CHECK-LABEL: func.func @half(
// CHECK: arith.mulf %{{.*}}, %{{.*}} : f16
// CHECK: ^bb0(%[[H:.*]]: f16, %{{.*}}: f16):
// CHECK-NEXT: %[[W:.*]] = arith.extf %[[H]] : f16 to f32
// CHECK-NEXT: %[[E:.*]] = math.erf %[[W]] : f32
// CHECK-NEXT: %[[N:.*]] = arith.truncf %[[E]] : f32 to f16
// CHECK-NEXT: linalg.yield %[[N]] : f16
func.func @half(%a: tensor<4xf16>, %b: tensor<4xf16>) -> tensor<4xf16> {
  %0 = tfm.mul %a, %b : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  %1 = tfm.erf %0 : (tensor<4xf16>) -> tensor<4xf16>
  return %1 : tensor<4xf16>
}
