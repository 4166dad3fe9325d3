// reshape, transpose, slice, concat, gather, pad, broadcast_to and cast.
//
// RUN: tcc-opt %s --convert-tfm-to-linalg | FileCheck %s
// RUN: tcc-opt %s --convert-tfm-to-linalg | FileCheck %s --check-prefix=NOTFM
// RUN: tcc-opt %s --convert-tfm-to-linalg | mlir-opt --one-shot-bufferize=bufferize-function-boundaries | FileCheck %s --check-prefix=BUF
// NOTFM-NOT: tfm.
// BUF-NOT: {{tensor\.[a-z_]+|to_tensor|tfm\.}}

// CHECK-DAG: #[[NEGSTRIDE:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d0 + 1, d1 * 2, d2 * -2 + 3)>
// CHECK-DAG: #[[ID3:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[IDX:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[ID2:map[0-9]*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[STRETCH:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d1, 0)>

// A direct reassociation when one exists, else through 1-D; rank 0 uses
// the empty reassociation.
// CHECK-LABEL: func.func @reshape(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3x4xf32>, %[[S:[^:]*]]: tensor<f32>)
// CHECK: %[[A:.*]] = tensor.collapse_shape %[[X]] {{\[\[}}0, 1], [2]] : tensor<2x3x4xf32> into tensor<6x4xf32>
// CHECK: %[[FLAT:.*]] = tensor.collapse_shape %[[X]] {{\[\[}}0, 1, 2]] : tensor<2x3x4xf32> into tensor<24xf32>
// CHECK: %[[B:.*]] = tensor.expand_shape %[[FLAT]] {{\[\[}}0, 1, 2]] output_shape [4, 3, 2] : tensor<24xf32> into tensor<4x3x2xf32>
// CHECK: %[[C:.*]] = tensor.expand_shape %[[S]] [] output_shape [1, 1] : tensor<f32> into tensor<1x1xf32>
// CHECK: return %[[A]], %[[B]], %[[C]]
func.func @reshape(%x: tensor<2x3x4xf32>, %s: tensor<f32>) -> (tensor<6x4xf32>, tensor<4x3x2xf32>, tensor<1x1xf32>) {
  %0 = tfm.reshape %x : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  %1 = tfm.reshape %x : (tensor<2x3x4xf32>) -> tensor<4x3x2xf32>
  %2 = tfm.reshape %s : (tensor<f32>) -> tensor<1x1xf32>
  return %0, %1, %2 : tensor<6x4xf32>, tensor<4x3x2xf32>, tensor<1x1xf32>
}

// CHECK-LABEL: func.func @transpose(
// CHECK: linalg.transpose ins(%{{.*}} : tensor<2x3x4xf32>) outs(%{{.*}} : tensor<4x2x3xf32>) permutation = [2, 0, 1]
func.func @transpose(%x: tensor<2x3x4xf32>) -> tensor<4x2x3xf32> {
  %0 = tfm.transpose %x {perm = array<i64: 2, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  return %0 : tensor<4x2x3xf32>
}

// Positive strides: extract_slice. A negative stride: a generic reading
// offset + stride * d. An empty result needs no computation.
// CHECK-LABEL: func.func @slice(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3x4xf32>)
// CHECK: %[[A:.*]] = tensor.extract_slice %[[X]][1, 0, 1] [1, 2, 2] [1, 2, 2] : tensor<2x3x4xf32> to tensor<1x2x2xf32>
// CHECK: %[[B:.*]] = linalg.generic {indexing_maps = [#[[NEGSTRIDE]], #[[ID3]]], iterator_types = ["parallel", "parallel", "parallel"]} ins(%[[X]] : tensor<2x3x4xf32>) outs(%{{.*}} : tensor<1x2x2xf32>)
// CHECK-NEXT: ^bb0(%[[V:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: linalg.yield %[[V]] : f32
// CHECK: %[[C:.*]] = tensor.empty() : tensor<0x3x4xf32>
// CHECK: return %[[A]], %[[B]], %[[C]]
func.func @slice(%x: tensor<2x3x4xf32>) -> (tensor<1x2x2xf32>, tensor<1x2x2xf32>, tensor<0x3x4xf32>) {
  %1 = tfm.slice %x {offsets = array<i64: 1, 0, 1>, sizes = array<i64: 1, 2, 2>, strides = array<i64: 1, 2, 2>} : (tensor<2x3x4xf32>) -> tensor<1x2x2xf32>
  %2 = tfm.slice %x {offsets = array<i64: 1, 0, 3>, sizes = array<i64: 1, 2, 2>, strides = array<i64: 1, 2, -2>} : (tensor<2x3x4xf32>) -> tensor<1x2x2xf32>
  %3 = tfm.slice %x {offsets = array<i64: 5, 0, 0>, sizes = array<i64: 0, 3, 4>, strides = array<i64: 1, 1, 1>} : (tensor<2x3x4xf32>) -> tensor<0x3x4xf32>
  return %1, %2, %3 : tensor<1x2x2xf32>, tensor<1x2x2xf32>, tensor<0x3x4xf32>
}

// Each input inserted at its running offset; empty inputs are skipped.
// CHECK-LABEL: func.func @concat(
// CHECK-SAME: %[[A:[^:]*]]: tensor<2x3xf32>, %[[B:[^:]*]]: tensor<2x5xf32>, %[[E:[^:]*]]: tensor<2x0xf32>)
// CHECK: %[[INIT:.*]] = tensor.empty() : tensor<2x8xf32>
// CHECK: %[[I1:.*]] = tensor.insert_slice %[[A]] into %[[INIT]][0, 0] [2, 3] [1, 1] : tensor<2x3xf32> into tensor<2x8xf32>
// CHECK-NOT: %[[E]]
// CHECK: %[[I2:.*]] = tensor.insert_slice %[[B]] into %[[I1]][0, 3] [2, 5] [1, 1] : tensor<2x5xf32> into tensor<2x8xf32>
// CHECK: return %[[I2]]
func.func @concat(%a: tensor<2x3xf32>, %b: tensor<2x5xf32>, %e: tensor<2x0xf32>) -> tensor<2x8xf32> {
  %0 = tfm.concat %a, %e, %b {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x0xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// The indices are read through the result dims they occupy; negative ones
// wrap and everything is clamped into [0, 3) before tensor.extract.
// CHECK-LABEL: func.func @gather(
// CHECK-SAME: %[[D:[^:]*]]: tensor<2x3xf32>, %[[I:[^:]*]]: tensor<2x2xi32>)
// CHECK: linalg.generic {indexing_maps = [#[[IDX]], #[[ID3]]], iterator_types = ["parallel", "parallel", "parallel"]} ins(%[[I]] : tensor<2x2xi32>) outs(%{{.*}} : tensor<2x2x2xf32>)
// CHECK-NEXT: ^bb0(%[[V:.*]]: i32, %{{.*}}: f32):
// CHECK-NEXT: %[[IX:.*]] = arith.index_cast %[[V]] : i32 to index
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[NEG:.*]] = arith.cmpi slt, %[[IX]], %[[C0]] : index
// CHECK-NEXT: %[[C3:.*]] = arith.constant 3 : index
// CHECK-NEXT: %[[W:.*]] = arith.addi %[[IX]], %[[C3]] : index
// CHECK-NEXT: %[[SEL:.*]] = arith.select %[[NEG]], %[[W]], %[[IX]] : index
// CHECK-NEXT: %[[LO:.*]] = arith.maxsi %[[SEL]], %[[C0]] : index
// CHECK-NEXT: %[[C2:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[HI:.*]] = arith.minsi %[[LO]], %[[C2]] : index
// CHECK-NEXT: %[[R:.*]] = linalg.index 0 : index
// CHECK-NEXT: %[[E:.*]] = tensor.extract %[[D]][%[[R]], %[[HI]]] : tensor<2x3xf32>
// CHECK-NEXT: linalg.yield %[[E]] : f32
func.func @gather(%a: tensor<2x3xf32>, %idx: tensor<2x2xi32>) -> tensor<2x2x2xf32> {
  %0 = tfm.gather %a, %idx {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x2xi32>) -> tensor<2x2x2xf32>
  return %0 : tensor<2x2x2xf32>
}

// Constant mode is tensor.pad (the value converted to the element type);
// reflect mirrors without repeating the edge, edge clamps.
// CHECK-LABEL: func.func @pad(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3xf32>, %[[I:[^:]*]]: tensor<4xi32>)
// CHECK: %[[V:.*]] = arith.constant -1.500000e+00 : f32
// CHECK: tensor.pad %[[X]] low[0, 2] high[1, 2]
// CHECK: tensor.yield %[[V]] : f32
// CHECK: } : tensor<2x3xf32> to tensor<3x7xf32>
// CHECK: linalg.generic {indexing_maps = [#[[ID2]]], iterator_types = ["parallel", "parallel"]} outs(%{{.*}} : tensor<4x5xf32>)
// CHECK-NEXT: ^bb0(%{{.*}}: f32):
// CHECK-NEXT: %[[R:.*]] = linalg.index 0 : index
// CHECK-NEXT: %[[Z:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[LAST:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[LOW:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[J:.*]] = arith.subi %[[R]], %[[LOW]] : index
// CHECK-NEXT: %[[BEFORE:.*]] = arith.cmpi slt, %[[J]], %[[Z]] : index
// CHECK-NEXT: %[[M:.*]] = arith.subi %[[Z]], %[[J]] : index
// CHECK-NEXT: %[[J1:.*]] = arith.select %[[BEFORE]], %[[M]], %[[J]] : index
// CHECK-NEXT: %[[AFTER:.*]] = arith.cmpi sgt, %[[J1]], %[[LAST]] : index
// CHECK-NEXT: %[[TWICE:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[M2:.*]] = arith.subi %[[TWICE]], %[[J1]] : index
// CHECK-NEXT: %[[ROW:.*]] = arith.select %[[AFTER]], %[[M2]], %[[J1]] : index
// CHECK: tensor.extract %[[X]][%[[ROW]], %{{.*}}] : tensor<2x3xf32>
// CHECK: linalg.generic {indexing_maps = [#[[ID2]]], iterator_types = ["parallel", "parallel"]} outs(%{{.*}} : tensor<2x7xf32>)
// CHECK-NEXT: ^bb0(%{{.*}}: f32):
// CHECK-NEXT: %[[R:.*]] = linalg.index 0 : index
// CHECK-NEXT: %[[C:.*]] = linalg.index 1 : index
// CHECK-NEXT: %[[Z:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[LAST:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[C1:.*]] = arith.maxsi %[[C]], %[[Z]] : index
// CHECK-NEXT: %[[C2:.*]] = arith.minsi %[[C1]], %[[LAST]] : index
// CHECK-NEXT: tensor.extract %[[X]][%[[R]], %[[C2]]] : tensor<2x3xf32>
// CHECK: %[[IV:.*]] = arith.constant 7 : i32
// CHECK: tensor.pad %[[I]] low[1] high[1]
// CHECK: tensor.yield %[[IV]] : i32
func.func @pad(%x: tensor<2x3xf32>, %i: tensor<4xi32>) -> (tensor<3x7xf32>, tensor<4x5xf32>, tensor<2x7xf32>, tensor<6xi32>) {
  %0 = tfm.pad %x {high = array<i64: 1, 2>, low = array<i64: 0, 2>, mode = #tfm.pad_mode<constant>, value = -1.5 : f64} : (tensor<2x3xf32>) -> tensor<3x7xf32>
  %1 = tfm.pad %x {high = array<i64: 1, 2>, low = array<i64: 1, 0>, mode = #tfm.pad_mode<reflect>} : (tensor<2x3xf32>) -> tensor<4x5xf32>
  %2 = tfm.pad %x {high = array<i64: 0, 4>, low = array<i64: 0, 0>, mode = #tfm.pad_mode<edge>} : (tensor<2x3xf32>) -> tensor<2x7xf32>
  %3 = tfm.pad %i {high = array<i64: 1>, low = array<i64: 1>, mode = #tfm.pad_mode<constant>, value = 7.0 : f64} : (tensor<4xi32>) -> tensor<6xi32>
  return %0, %1, %2, %3 : tensor<3x7xf32>, tensor<4x5xf32>, tensor<2x7xf32>, tensor<6xi32>
}

// Adding leading dims only: linalg.broadcast. Stretching a unit dim: a
// generic with a constant-0 map.
// CHECK-LABEL: func.func @broadcast_to(
// CHECK: linalg.broadcast ins(%{{.*}} : tensor<f32>) outs(%{{.*}} : tensor<2x3x4xf32>) dimensions = [0, 1, 2]
// CHECK: linalg.broadcast ins(%{{.*}} : tensor<3x4xf32>) outs(%{{.*}} : tensor<2x3x4xf32>) dimensions = [0]
// CHECK: linalg.generic {indexing_maps = [#[[STRETCH]], #[[ID3]]], {{.*}} ins(%{{.*}} : tensor<3x1xi32>) outs(%{{.*}} : tensor<5x3x7xi32>)
func.func @broadcast_to(%s: tensor<f32>, %m: tensor<3x4xf32>, %r: tensor<3x1xi32>) -> (tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<5x3x7xi32>) {
  %0 = tfm.broadcast_to %s : (tensor<f32>) -> tensor<2x3x4xf32>
  %1 = tfm.broadcast_to %m : (tensor<3x4xf32>) -> tensor<2x3x4xf32>
  %2 = tfm.broadcast_to %r : (tensor<3x1xi32>) -> tensor<5x3x7xi32>
  return %0, %1, %2 : tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<5x3x7xi32>
}

// ONNX Cast: float -> int truncates (fptosi), -> bool is != 0 (unordered,
// so NaN is true), bool -> number is 0/1 (unsigned), other ints are signed;
// f16 <-> bf16 goes through f32.
// CHECK-LABEL: func.func @cast(
// CHECK: arith.truncf %{{.*}} : f32 to f16
// CHECK: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: arith.cmpf une, %{{.*}}, %[[Z]] : f32
// CHECK: arith.fptosi %{{.*}} : f32 to i32
// CHECK: arith.sitofp %{{.*}} : i32 to f32
// CHECK: arith.uitofp %{{.*}} : i1 to f32
// CHECK: arith.extui %{{.*}} : i1 to i64
// CHECK: arith.extsi %{{.*}} : i32 to i64
// CHECK: arith.trunci %{{.*}} : i32 to i8
// CHECK: %[[ZI:.*]] = arith.constant 0 : i32
// CHECK-NEXT: arith.cmpi ne, %{{.*}}, %[[ZI]] : i32
// CHECK: %[[W:.*]] = arith.extf %{{.*}} : f16 to f32
// CHECK-NEXT: arith.truncf %[[W]] : f32 to bf16
func.func @cast(%x: tensor<4xf32>, %i: tensor<4xi32>, %b: tensor<4xi1>, %h: tensor<4xf16>) -> (tensor<4xf16>, tensor<4xi1>, tensor<4xi32>, tensor<4xf32>, tensor<4xf32>, tensor<4xi64>, tensor<4xi64>, tensor<4xi8>, tensor<4xi1>, tensor<4xbf16>) {
  %0 = tfm.cast %x : (tensor<4xf32>) -> tensor<4xf16>
  %1 = tfm.cast %x : (tensor<4xf32>) -> tensor<4xi1>
  %2 = tfm.cast %x : (tensor<4xf32>) -> tensor<4xi32>
  %3 = tfm.cast %i : (tensor<4xi32>) -> tensor<4xf32>
  %4 = tfm.cast %b : (tensor<4xi1>) -> tensor<4xf32>
  %5 = tfm.cast %b : (tensor<4xi1>) -> tensor<4xi64>
  %6 = tfm.cast %i : (tensor<4xi32>) -> tensor<4xi64>
  %7 = tfm.cast %i : (tensor<4xi32>) -> tensor<4xi8>
  %8 = tfm.cast %i : (tensor<4xi32>) -> tensor<4xi1>
  %9 = tfm.cast %h : (tensor<4xf16>) -> tensor<4xbf16>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9 : tensor<4xf16>, tensor<4xi1>, tensor<4xi32>, tensor<4xf32>, tensor<4xf32>, tensor<4xi64>, tensor<4xi64>, tensor<4xi8>, tensor<4xi1>, tensor<4xbf16>
}
