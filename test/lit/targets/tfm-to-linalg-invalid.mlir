// The conversion is full with the tfm dialect illegal: an op no pattern can
// lower is an error at that op, never left in the output.
//
// RUN: tcc-opt %s --convert-tfm-to-linalg -split-input-file -verify-diagnostics

// No element conversion between complex and float: tfm.cast has no
// lowering for it.
func.func @cast_complex(%x: tensor<4xcomplex<f32>>) -> tensor<4xf32> {
  // expected-error @+1 {{failed to legalize operation 'tfm.cast'}}
  %0 = tfm.cast %x : (tensor<4xcomplex<f32>>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Constant padding needs a scalar of the element type.
func.func @pad_index(%x: tensor<4xindex>) -> tensor<6xindex> {
  // expected-error @+1 {{failed to legalize operation 'tfm.pad'}}
  %0 = tfm.pad %x {high = array<i64: 1>, low = array<i64: 1>, mode = #tfm.pad_mode<constant>} : (tensor<4xindex>) -> tensor<6xindex>
  return %0 : tensor<6xindex>
}

// -----

// Every index into an empty axis is out of range: there is nothing to clamp
// to, and no value the gather could read.
func.func @gather_empty_axis(%d: tensor<0x3xf32>, %i: tensor<2xi64>) -> tensor<2x3xf32> {
  // expected-error @+1 {{failed to legalize operation 'tfm.gather'}}
  %0 = tfm.gather %d, %i {axis = 0 : i64} : (tensor<0x3xf32>, tensor<2xi64>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// One op failing fails the pass even when others around it convert.
func.func @mixed(%x: tensor<4xf32>, %c: tensor<4xcomplex<f32>>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = tfm.exp %x : (tensor<4xf32>) -> tensor<4xf32>
  // expected-error @+1 {{failed to legalize operation 'tfm.cast'}}
  %1 = tfm.cast %c : (tensor<4xcomplex<f32>>) -> tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}
