// Verifier errors of the elementwise ops (unary, binary with numpy
// broadcasting, logical), the comparisons and tfm.select: one case per
// failure path of the shared broadcast inference and of tfm.clamp's
// verifier, the ODS type constraints (float-only ops given integers,
// bool-only ops given floats, dynamic shapes) and wrong result types.
//
// RUN: tcc-opt %s -split-input-file -verify-diagnostics

//===----------------------------------------------------------------------===//
// Unary ops (result type = operand type)
//===----------------------------------------------------------------------===//

func.func @unary_wrong_result_shape(%x: tensor<2x8xf32>) {
  // expected-error @+1 {{'tfm.exp' op requires the same type for all operands and results}}
  %0 = tfm.exp %x : (tensor<2x8xf32>) -> tensor<2x9xf32>
  return
}

// -----

func.func @unary_wrong_result_element(%x: tensor<2x8xi32>) {
  // expected-error @+1 {{'tfm.neg' op requires the same type for all operands and results}}
  %0 = tfm.neg %x : (tensor<2x8xi32>) -> tensor<2x8xi64>
  return
}

// -----

func.func @float_unary_integer(%x: tensor<2x8xi32>) {
  // expected-error @+1 {{'tfm.exp' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<2x8xi32>'}}
  %0 = tfm.exp %x : (tensor<2x8xi32>) -> tensor<2x8xi32>
  return
}

// -----

func.func @float_unary_bool(%x: tensor<4xi1>) {
  // expected-error @+1 {{'tfm.sigmoid' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<4xi1>'}}
  %0 = tfm.sigmoid %x : (tensor<4xi1>) -> tensor<4xi1>
  return
}

// -----

func.func @float_unary_result(%x: tensor<2x8xf32>) {
  // expected-error @+1 {{'tfm.sqrt' op result #0 must be statically shaped tensor of floating-point values, but got 'tensor<2x8xi32>'}}
  %0 = tfm.sqrt %x : (tensor<2x8xf32>) -> tensor<2x8xi32>
  return
}

// -----

func.func @numeric_unary_unsigned(%x: tensor<4xui8>) {
  // expected-error @+1 {{'tfm.abs' op operand #0 must be statically shaped tensor of floating-point or signless integer values, but got 'tensor<4xui8>'}}
  %0 = tfm.abs %x : (tensor<4xui8>) -> tensor<4xui8>
  return
}

// -----

func.func @numeric_unary_index(%x: tensor<4xindex>) {
  // expected-error @+1 {{'tfm.relu' op operand #0 must be statically shaped tensor of floating-point or signless integer values, but got 'tensor<4xindex>'}}
  %0 = tfm.relu %x : (tensor<4xindex>) -> tensor<4xindex>
  return
}

// -----

func.func @not_float(%x: tensor<4xf32>) {
  // expected-error @+1 {{'tfm.not' op operand #0 must be statically shaped tensor of 1-bit signless integer values, but got 'tensor<4xf32>'}}
  %0 = tfm.not %x : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @not_integer(%x: tensor<4xi8>) {
  // expected-error @+1 {{'tfm.not' op operand #0 must be statically shaped tensor of 1-bit signless integer values, but got 'tensor<4xi8>'}}
  %0 = tfm.not %x : (tensor<4xi8>) -> tensor<4xi8>
  return
}

// -----

func.func @unary_dynamic(%x: tensor<?x8xf32>) {
  // expected-error @+1 {{'tfm.tanh' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<?x8xf32>'}}
  %0 = tfm.tanh %x : (tensor<?x8xf32>) -> tensor<?x8xf32>
  return
}

// -----

func.func @unary_unranked(%x: tensor<*xi32>) {
  // expected-error @+1 {{'tfm.sign' op operand #0 must be statically shaped tensor of floating-point or signless integer values, but got 'tensor<*xi32>'}}
  %0 = tfm.sign %x : (tensor<*xi32>) -> tensor<*xi32>
  return
}

// -----

func.func @unary_not_a_tensor(%x: vector<4xf32>) {
  // expected-error @+1 {{'tfm.floor' op operand #0 must be statically shaped tensor of floating-point values, but got 'vector<4xf32>'}}
  %0 = tfm.floor %x : (vector<4xf32>) -> vector<4xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// clamp, leaky_relu, hard_sigmoid
//===----------------------------------------------------------------------===//

func.func @clamp_min_above_max(%x: tensor<2x8xf32>) {
  // expected-error @+1 {{'tfm.clamp' op min 6.000000e+00 is greater than max 5.000000e-01}}
  %0 = tfm.clamp %x {max = 0.5 : f32, min = 6.0 : f32} : (tensor<2x8xf32>) -> tensor<2x8xf32>
  return
}

// -----

func.func @clamp_integer(%x: tensor<2x8xi32>) {
  // expected-error @+1 {{'tfm.clamp' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<2x8xi32>'}}
  %0 = tfm.clamp %x {max = 6.0 : f32, min = 0.0 : f32} : (tensor<2x8xi32>) -> tensor<2x8xi32>
  return
}

// -----

func.func @clamp_wrong_result(%x: tensor<2x8xf32>) {
  // expected-error @+1 {{'tfm.clamp' op requires the same type for all operands and results}}
  %0 = tfm.clamp %x {max = 6.0 : f32, min = 0.0 : f32} : (tensor<2x8xf32>) -> tensor<2x8xf16>
  return
}

// -----

func.func @clamp_f64_bound(%x: tensor<2x8xf32>) {
  // expected-error @+1 {{'tfm.clamp' op attribute 'max' failed to satisfy constraint: 32-bit float attribute}}
  %0 = tfm.clamp %x {max = 6.0 : f64, min = 0.0 : f32} : (tensor<2x8xf32>) -> tensor<2x8xf32>
  return
}

// -----

func.func @leaky_relu_integer(%x: tensor<2x8xi32>) {
  // expected-error @+1 {{'tfm.leaky_relu' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<2x8xi32>'}}
  %0 = tfm.leaky_relu %x {alpha = 0.1 : f32} : (tensor<2x8xi32>) -> tensor<2x8xi32>
  return
}

// -----

func.func @leaky_relu_missing_alpha(%x: tensor<2x8xf32>) {
  // expected-error @+1 {{'tfm.leaky_relu' op requires attribute 'alpha'}}
  %0 = tfm.leaky_relu %x : (tensor<2x8xf32>) -> tensor<2x8xf32>
  return
}

// -----

func.func @hard_sigmoid_wrong_result(%x: tensor<2x8xf32>) {
  // expected-error @+1 {{'tfm.hard_sigmoid' op requires the same type for all operands and results}}
  %0 = tfm.hard_sigmoid %x {alpha = 0.2 : f32, beta = 0.5 : f32} : (tensor<2x8xf32>) -> tensor<8x2xf32>
  return
}

// -----

func.func @hard_sigmoid_missing_beta(%x: tensor<2x8xf32>) {
  // expected-error @+1 {{'tfm.hard_sigmoid' op requires attribute 'beta'}}
  %0 = tfm.hard_sigmoid %x {alpha = 0.2 : f32} : (tensor<2x8xf32>) -> tensor<2x8xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Binary ops
//===----------------------------------------------------------------------===//

func.func @binary_element_types(%a: tensor<2x3xf32>, %b: tensor<2x3xf16>) {
  // expected-error @+2 {{operand element types differ: 'f32' vs 'f16'}}
  // expected-error @+1 {{'tfm.add' op failed to infer returned types}}
  %0 = tfm.add %a, %b : (tensor<2x3xf32>, tensor<2x3xf16>) -> tensor<2x3xf32>
  return
}

// -----

func.func @binary_integer_widths(%a: tensor<3xi32>, %b: tensor<3xi64>) {
  // expected-error @+2 {{operand element types differ: 'i32' vs 'i64'}}
  // expected-error @+1 {{'tfm.sub' op failed to infer returned types}}
  %0 = tfm.sub %a, %b : (tensor<3xi32>, tensor<3xi64>) -> tensor<3xi32>
  return
}

// -----

func.func @binary_shapes(%a: tensor<2x3xf32>, %b: tensor<4xf32>) {
  // expected-error @+2 {{operand shapes are not broadcast-compatible: 'tensor<2x3xf32>' and 'tensor<4xf32>'}}
  // expected-error @+1 {{'tfm.mul' op failed to infer returned types}}
  %0 = tfm.mul %a, %b : (tensor<2x3xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @binary_shapes_rank3(%a: tensor<2x1x3xi32>, %b: tensor<3x4x3xi32>) {
  // expected-error @+2 {{operand shapes are not broadcast-compatible: 'tensor<2x1x3xi32>' and 'tensor<3x4x3xi32>'}}
  // expected-error @+1 {{'tfm.div' op failed to infer returned types}}
  %0 = tfm.div %a, %b : (tensor<2x1x3xi32>, tensor<3x4x3xi32>) -> tensor<3x4x3xi32>
  return
}

// -----

// The result has the broadcast shape, not the shape of either operand.
func.func @binary_wrong_result(%a: tensor<2x1xf32>, %b: tensor<3xf32>) {
  // expected-error @+2 {{'tfm.max' op inferred type(s) 'tensor<2x3xf32>' are incompatible with return type(s) of operation 'tensor<2x1xf32>'}}
  // expected-error @+1 {{'tfm.max' op failed to infer returned types}}
  %0 = tfm.max %a, %b : (tensor<2x1xf32>, tensor<3xf32>) -> tensor<2x1xf32>
  return
}

// -----

func.func @binary_rank0_wrong_result(%a: tensor<f32>, %b: tensor<2x3x4xf32>) {
  // expected-error @+2 {{'tfm.min' op inferred type(s) 'tensor<2x3x4xf32>' are incompatible with return type(s) of operation 'tensor<f32>'}}
  // expected-error @+1 {{'tfm.min' op failed to infer returned types}}
  %0 = tfm.min %a, %b : (tensor<f32>, tensor<2x3x4xf32>) -> tensor<f32>
  return
}

// -----

func.func @pow_integer(%a: tensor<3xi32>) {
  // expected-error @+1 {{'tfm.pow' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<3xi32>'}}
  %0 = tfm.pow %a, %a : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi32>
  return
}

// -----

func.func @binary_unsigned(%a: tensor<3xui32>) {
  // expected-error @+1 {{'tfm.add' op operand #0 must be statically shaped tensor of floating-point or signless integer values, but got 'tensor<3xui32>'}}
  %0 = tfm.add %a, %a : (tensor<3xui32>, tensor<3xui32>) -> tensor<3xui32>
  return
}

// -----

func.func @binary_dynamic(%a: tensor<3xf32>, %b: tensor<?xf32>) {
  // expected-error @+1 {{'tfm.add' op operand #1 must be statically shaped tensor of floating-point or signless integer values, but got 'tensor<?xf32>'}}
  %0 = tfm.add %a, %b : (tensor<3xf32>, tensor<?xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @and_float(%a: tensor<3xf32>) {
  // expected-error @+1 {{'tfm.and' op operand #0 must be statically shaped tensor of 1-bit signless integer values, but got 'tensor<3xf32>'}}
  %0 = tfm.and %a, %a : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @or_integer(%a: tensor<3xi1>, %b: tensor<3xi8>) {
  // expected-error @+1 {{'tfm.or' op operand #1 must be statically shaped tensor of 1-bit signless integer values, but got 'tensor<3xi8>'}}
  %0 = tfm.or %a, %b : (tensor<3xi1>, tensor<3xi8>) -> tensor<3xi1>
  return
}

// -----

func.func @xor_shapes(%a: tensor<3xi1>, %b: tensor<2xi1>) {
  // expected-error @+2 {{operand shapes are not broadcast-compatible: 'tensor<3xi1>' and 'tensor<2xi1>'}}
  // expected-error @+1 {{'tfm.xor' op failed to infer returned types}}
  %0 = tfm.xor %a, %b : (tensor<3xi1>, tensor<2xi1>) -> tensor<3xi1>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Comparisons
//===----------------------------------------------------------------------===//

func.func @compare_element_types(%a: tensor<3xf32>, %b: tensor<3xi32>) {
  // expected-error @+2 {{operand element types differ: 'f32' vs 'i32'}}
  // expected-error @+1 {{'tfm.equal' op failed to infer returned types}}
  %0 = tfm.equal %a, %b : (tensor<3xf32>, tensor<3xi32>) -> tensor<3xi1>
  return
}

// -----

func.func @compare_shapes(%a: tensor<2x3xf32>, %b: tensor<2xf32>) {
  // expected-error @+2 {{operand shapes are not broadcast-compatible: 'tensor<2x3xf32>' and 'tensor<2xf32>'}}
  // expected-error @+1 {{'tfm.less' op failed to infer returned types}}
  %0 = tfm.less %a, %b : (tensor<2x3xf32>, tensor<2xf32>) -> tensor<2x3xi1>
  return
}

// -----

func.func @compare_float_result(%a: tensor<3xf32>) {
  // expected-error @+1 {{'tfm.greater' op result #0 must be statically shaped tensor of 1-bit signless integer values, but got 'tensor<3xf32>'}}
  %0 = tfm.greater %a, %a : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @compare_wrong_result(%a: tensor<3x1xi32>, %b: tensor<4xi32>) {
  // expected-error @+2 {{'tfm.less_equal' op inferred type(s) 'tensor<3x4xi1>' are incompatible with return type(s) of operation 'tensor<3x1xi1>'}}
  // expected-error @+1 {{'tfm.less_equal' op failed to infer returned types}}
  %0 = tfm.less_equal %a, %b : (tensor<3x1xi32>, tensor<4xi32>) -> tensor<3x1xi1>
  return
}

// -----

func.func @compare_unsigned(%a: tensor<3xui8>) {
  // expected-error @+1 {{'tfm.greater_equal' op operand #0 must be statically shaped tensor of floating-point or signless integer values, but got 'tensor<3xui8>'}}
  %0 = tfm.greater_equal %a, %a : (tensor<3xui8>, tensor<3xui8>) -> tensor<3xi1>
  return
}

// -----

//===----------------------------------------------------------------------===//
// tfm.select
//===----------------------------------------------------------------------===//

func.func @select_condition_shape(%c: tensor<4xi1>, %a: tensor<2x3xf32>) {
  // expected-error @+2 {{operand shapes are not broadcast-compatible}}
  // expected-error @+1 {{'tfm.select' op failed to infer returned types}}
  %0 = tfm.select %c, %a, %a : (tensor<4xi1>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @select_on_false_shape(%c: tensor<2x1xi1>, %a: tensor<3xf32>, %d: tensor<2xf32>) {
  // expected-error @+2 {{operand shapes are not broadcast-compatible}}
  // expected-error @+1 {{'tfm.select' op failed to infer returned types}}
  %0 = tfm.select %c, %a, %d : (tensor<2x1xi1>, tensor<3xf32>, tensor<2xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @select_element_types(%c: tensor<3xi1>, %a: tensor<3xf32>, %b: tensor<3xi32>) {
  // expected-error @+2 {{on_true and on_false element types differ}}
  // expected-error @+1 {{'tfm.select' op failed to infer returned types}}
  %0 = tfm.select %c, %a, %b : (tensor<3xi1>, tensor<3xf32>, tensor<3xi32>) -> tensor<3xf32>
  return
}

// -----

func.func @select_condition_type(%c: tensor<3xf32>, %a: tensor<3xf32>) {
  // expected-error @+1 {{'tfm.select' op operand #0 must be statically shaped tensor of 1-bit signless integer values, but got 'tensor<3xf32>'}}
  %0 = tfm.select %c, %a, %a : (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @select_wrong_result(%c: tensor<2x1xi1>, %a: tensor<3xf32>, %b: tensor<f32>) {
  // expected-error @+2 {{'tfm.select' op inferred type(s) 'tensor<2x3xf32>' are incompatible with return type(s) of operation 'tensor<3xf32>'}}
  // expected-error @+1 {{'tfm.select' op failed to infer returned types}}
  %0 = tfm.select %c, %a, %b : (tensor<2x1xi1>, tensor<3xf32>, tensor<f32>) -> tensor<3xf32>
  return
}

// -----

func.func @select_dynamic(%c: tensor<3xi1>, %a: tensor<?xf32>) {
  // expected-error @+1 {{'tfm.select' op operand #1 must be statically shaped tensor of any type values, but got 'tensor<?xf32>'}}
  %0 = tfm.select %c, %a, %a : (tensor<3xi1>, tensor<?xf32>, tensor<?xf32>) -> tensor<?xf32>
  return
}
