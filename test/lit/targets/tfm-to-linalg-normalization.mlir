// layer_norm (two-pass), batch_norm (inference), softmax (max-subtracted)
// and gelu (erf and tanh forms) as linalg.generic chains.
//
// RUN: tcc-opt %s --convert-tfm-to-linalg | FileCheck %s
// RUN: tcc-opt %s --convert-tfm-to-linalg | FileCheck %s --check-prefix=NOTFM
// RUN: tcc-opt %s --convert-tfm-to-linalg | mlir-opt --one-shot-bufferize=bufferize-function-boundaries | FileCheck %s --check-prefix=BUF
// NOTFM-NOT: tfm.
// BUF-NOT: {{tensor\.[a-z_]+|to_tensor|tfm\.}}

// CHECK-DAG: #[[ID3:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[ROW:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d0)>
// CHECK-DAG: #[[ID1:map[0-9]*]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[PARAM:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[ID4:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[CHAN:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// CHECK-DAG: #[[ID2:map[0-9]*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ROW2:map[0-9]*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-DAG: #[[COL2:map[0-9]*]] = affine_map<(d0, d1) -> (d1)>

// Mean first, then the variance of (x - mean); rsqrt(var + eps) once per
// row; scale and bias read through the normalized dims.
// CHECK-LABEL: func.func @layer_norm(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3x4xf32>, %[[S:[^:]*]]: tensor<3x4xf32>, %[[B:[^:]*]]: tensor<3x4xf32>)
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[ID3]], #[[ROW]]], iterator_types = ["parallel", "reduction", "reduction"]} ins(%[[X]] : tensor<2x3x4xf32>)
// CHECK: arith.addf
// CHECK: %[[MEAN:.*]] = linalg.generic {indexing_maps = [#[[ID1]], #[[ID1]]], iterator_types = ["parallel"]} ins(%[[SUM]] : tensor<2xf32>)
// CHECK: %[[N:.*]] = arith.constant 1.200000e+01 : f32
// CHECK-NEXT: arith.divf %{{.*}}, %[[N]] : f32
// CHECK: %[[SQ:.*]] = linalg.generic {indexing_maps = [#[[ID3]], #[[ROW]], #[[ROW]]], iterator_types = ["parallel", "reduction", "reduction"]} ins(%[[X]], %[[MEAN]] : tensor<2x3x4xf32>, tensor<2xf32>)
// CHECK-NEXT: ^bb0(%[[XV:.*]]: f32, %[[MV:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK-NEXT: %[[D:.*]] = arith.subf %[[XV]], %[[MV]] : f32
// CHECK-NEXT: %[[D2:.*]] = arith.mulf %[[D]], %[[D]] : f32
// CHECK-NEXT: arith.addf %[[D2]], %[[ACC]] : f32
// CHECK: %[[INV:.*]] = linalg.generic {{.*}} ins(%[[SQ]] : tensor<2xf32>)
// CHECK: arith.divf
// CHECK: %[[EPS:.*]] = arith.constant 9.99999974E-6 : f32
// CHECK-NEXT: %[[VE:.*]] = arith.addf %{{.*}}, %[[EPS]] : f32
// CHECK-NEXT: math.rsqrt %[[VE]] : f32
// CHECK: linalg.generic {indexing_maps = [#[[ID3]], #[[ROW]], #[[ROW]], #[[PARAM]], #[[PARAM]], #[[ID3]]], iterator_types = ["parallel", "parallel", "parallel"]} ins(%[[X]], %[[MEAN]], %[[INV]], %[[S]], %[[B]] : {{.*}})
// CHECK-NEXT: ^bb0(%[[X1:.*]]: f32, %[[M1:.*]]: f32, %[[I1:.*]]: f32, %[[S1:.*]]: f32, %[[B1:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[C:.*]] = arith.subf %[[X1]], %[[M1]] : f32
// CHECK-NEXT: %[[N1:.*]] = arith.mulf %[[C]], %[[I1]] : f32
// CHECK-NEXT: %[[Y1:.*]] = arith.mulf %[[N1]], %[[S1]] : f32
// CHECK-NEXT: %[[Y2:.*]] = arith.addf %[[Y1]], %[[B1]] : f32
// CHECK-NEXT: linalg.yield %[[Y2]] : f32
func.func @layer_norm(%x: tensor<2x3x4xf32>, %s: tensor<3x4xf32>, %b: tensor<3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = tfm.layer_norm %x scale %s bias %b {axis = 1 : i64, epsilon = 1.0e-5 : f32} : (tensor<2x3x4xf32>, tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// f16 statistics accumulate in f32; one truncation at the end.
// CHECK-LABEL: func.func @layer_norm_f16(
// CHECK: linalg.generic {{.*}} ins(%{{.*}} : tensor<2x8xf16>) outs(%{{.*}} : tensor<2xf32>)
// CHECK: arith.extf %{{.*}} : f16 to f32
// CHECK: arith.truncf %{{.*}} : f32 to f16
// CHECK-NEXT: linalg.yield %{{.*}} : f16
func.func @layer_norm_f16(%x: tensor<2x8xf16>) -> tensor<2x8xf16> {
  %0 = tfm.layer_norm %x {axis = 1 : i64, epsilon = 1.0e-5 : f32} : (tensor<2x8xf16>) -> tensor<2x8xf16>
  return %0 : tensor<2x8xf16>
}

// Per channel scale / sqrt(var + eps), then (x - mean) * that + bias.
// CHECK-LABEL: func.func @batch_norm(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3x4x4xf32>, %[[S:[^:]*]]: tensor<3xf32>, %[[B:[^:]*]]: tensor<3xf32>, %[[M:[^:]*]]: tensor<3xf32>, %[[V:[^:]*]]: tensor<3xf32>)
// CHECK: %[[F:.*]] = linalg.generic {indexing_maps = [#[[ID1]], #[[ID1]], #[[ID1]]], iterator_types = ["parallel"]} ins(%[[S]], %[[V]] : tensor<3xf32>, tensor<3xf32>)
// CHECK-NEXT: ^bb0(%[[SV:.*]]: f32, %[[VV:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[EPS:.*]] = arith.constant 1.000000e-03 : f32
// CHECK-NEXT: %[[VE:.*]] = arith.addf %[[VV]], %[[EPS]] : f32
// CHECK-NEXT: %[[SD:.*]] = math.sqrt %[[VE]] : f32
// CHECK-NEXT: arith.divf %[[SV]], %[[SD]] : f32
// CHECK: linalg.generic {indexing_maps = [#[[ID4]], #[[CHAN]], #[[CHAN]], #[[CHAN]], #[[ID4]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[X]], %[[M]], %[[F]], %[[B]] : {{.*}})
// CHECK-NEXT: ^bb0(%[[X1:.*]]: f32, %[[M1:.*]]: f32, %[[F1:.*]]: f32, %[[B1:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[C:.*]] = arith.subf %[[X1]], %[[M1]] : f32
// CHECK-NEXT: %[[P:.*]] = arith.mulf %[[C]], %[[F1]] : f32
// CHECK-NEXT: arith.addf %[[P]], %[[B1]] : f32
func.func @batch_norm(%x: tensor<2x3x4x4xf32>, %s: tensor<3xf32>, %b: tensor<3xf32>, %m: tensor<3xf32>, %v: tensor<3xf32>) -> tensor<2x3x4x4xf32> {
  %0 = tfm.batch_norm %x, %s, %b, %m, %v {epsilon = 1.0e-3 : f32} : (tensor<2x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x4x4xf32>
  return %0 : tensor<2x3x4x4xf32>
}

// Row max from -inf (maximumf: NaN propagates), exp(x - max), row sum,
// divide.
// CHECK-LABEL: func.func @softmax(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x8xf32>)
// CHECK: %[[NINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[NINF]] : f32) outs(%{{.*}} : tensor<2xf32>)
// CHECK: %[[MAX:.*]] = linalg.generic {indexing_maps = [#[[ID2]], #[[ROW2]]], iterator_types = ["parallel", "reduction"]} ins(%[[X]] : tensor<2x8xf32>) outs(%[[INIT]] : tensor<2xf32>)
// CHECK: arith.maximumf
// CHECK: %[[EXP:.*]] = linalg.generic {indexing_maps = [#[[ID2]], #[[ROW2]], #[[ID2]]], iterator_types = ["parallel", "parallel"]} ins(%[[X]], %[[MAX]] : tensor<2x8xf32>, tensor<2xf32>)
// CHECK: arith.subf
// CHECK-NEXT: math.exp
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[ID2]], #[[ROW2]]], iterator_types = ["parallel", "reduction"]} ins(%[[EXP]] : tensor<2x8xf32>)
// CHECK: arith.addf
// CHECK: linalg.generic {indexing_maps = [#[[ID2]], #[[ROW2]], #[[ID2]]], iterator_types = ["parallel", "parallel"]} ins(%[[EXP]], %[[SUM]] : tensor<2x8xf32>, tensor<2xf32>)
// CHECK: arith.divf
func.func @softmax(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %0 = tfm.softmax %x {axis = 1 : i64} : (tensor<2x8xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// Softmax over a leading axis reduces d0.
// CHECK-LABEL: func.func @softmax_axis0(
// CHECK: linalg.generic {indexing_maps = [#[[ID2]], #[[COL2]]], iterator_types = ["reduction", "parallel"]}
func.func @softmax_axis0(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %0 = tfm.softmax %x {axis = 0 : i64} : (tensor<2x8xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// CHECK-LABEL: func.func @gelu(
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[R2:.*]] = arith.constant 0.707106769 : f32
// CHECK-NEXT: %[[A:.*]] = arith.mulf %[[X]], %[[R2]] : f32
// CHECK-NEXT: %[[E:.*]] = math.erf %[[A]] : f32
// CHECK-NEXT: %[[H:.*]] = arith.constant 5.000000e-01 : f32
// CHECK-NEXT: %[[HX:.*]] = arith.mulf %[[H]], %[[X]] : f32
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %[[P:.*]] = arith.addf %[[ONE]], %[[E]] : f32
// CHECK-NEXT: arith.mulf %[[HX]], %[[P]] : f32
// CHECK: ^bb0(%[[T:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[T2:.*]] = arith.mulf %[[T]], %[[T]] : f32
// CHECK-NEXT: %[[T3:.*]] = arith.mulf %[[T2]], %[[T]] : f32
// CHECK-NEXT: %[[K:.*]] = arith.constant 4.471500e-02 : f32
// CHECK-NEXT: %[[KT3:.*]] = arith.mulf %[[K]], %[[T3]] : f32
// CHECK-NEXT: %[[IN:.*]] = arith.addf %[[T]], %[[KT3]] : f32
// CHECK-NEXT: %[[C:.*]] = arith.constant 0.797884583 : f32
// CHECK-NEXT: %[[ARG:.*]] = arith.mulf %[[C]], %[[IN]] : f32
// CHECK-NEXT: math.tanh %[[ARG]] : f32
func.func @gelu(%x: tensor<8xf32>) -> (tensor<8xf32>, tensor<8xf32>) {
  %1 = tfm.gelu %x {approximate = #tfm.gelu_approx<none>} : (tensor<8xf32>) -> tensor<8xf32>
  %2 = tfm.gelu %x {approximate = #tfm.gelu_approx<tanh>} : (tensor<8xf32>) -> tensor<8xf32>
  return %1, %2 : tensor<8xf32>, tensor<8xf32>
}
