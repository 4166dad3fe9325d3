// Verifier errors of the reductions (reduce_sum/mean/max/min/prod) and the
// index reductions (argmax/argmin): one case per failure path of their
// shared result-type inference, the ODS type constraints and wrong result
// types.
//
// RUN: tcc-opt %s -split-input-file -verify-diagnostics

//===----------------------------------------------------------------------===//
// reduce_*
//===----------------------------------------------------------------------===//

func.func @reduce_axis_too_large(%x: tensor<2x3x4xf32>) {
  // expected-error @+2 {{reduction axis 3 is out of range for rank 3}}
  // expected-error @+1 {{'tfm.reduce_sum' op failed to infer returned types}}
  %0 = tfm.reduce_sum %x {axes = array<i64: 0, 3>} : (tensor<2x3x4xf32>) -> tensor<1x3x4xf32>
  return
}

// -----

func.func @reduce_negative_axis(%x: tensor<2x3x4xf32>) {
  // expected-error @+2 {{reduction axis -1 is out of range for rank 3}}
  // expected-error @+1 {{'tfm.reduce_mean' op failed to infer returned types}}
  %0 = tfm.reduce_mean %x {axes = array<i64: -1>} : (tensor<2x3x4xf32>) -> tensor<2x3x1xf32>
  return
}

// -----

func.func @reduce_rank0(%x: tensor<f32>) {
  // expected-error @+2 {{reduction axis 0 is out of range for rank 0}}
  // expected-error @+1 {{'tfm.reduce_max' op failed to infer returned types}}
  %0 = tfm.reduce_max %x {axes = array<i64: 0>} : (tensor<f32>) -> tensor<f32>
  return
}

// -----

func.func @reduce_unsorted_axes(%x: tensor<2x3x4xf32>) {
  // expected-error @+2 {{reduction axes must be sorted and unique}}
  // expected-error @+1 {{'tfm.reduce_min' op failed to infer returned types}}
  %0 = tfm.reduce_min %x {axes = array<i64: 2, 0>} : (tensor<2x3x4xf32>) -> tensor<1x3x1xf32>
  return
}

// -----

func.func @reduce_duplicate_axes(%x: tensor<2x3x4xi32>) {
  // expected-error @+2 {{reduction axes must be sorted and unique}}
  // expected-error @+1 {{'tfm.reduce_prod' op failed to infer returned types}}
  %0 = tfm.reduce_prod %x {axes = array<i64: 1, 1>} : (tensor<2x3x4xi32>) -> tensor<2x1x4xi32>
  return
}

// -----

// keep_dims defaults to true: reduced dimensions stay as 1.
func.func @reduce_default_keeps_dims(%x: tensor<2x3x4xf32>) {
  // expected-error @+2 {{'tfm.reduce_sum' op inferred type(s) 'tensor<2x1x4xf32>' are incompatible with return type(s) of operation 'tensor<2x4xf32>'}}
  // expected-error @+1 {{'tfm.reduce_sum' op failed to infer returned types}}
  %0 = tfm.reduce_sum %x {axes = array<i64: 1>} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
  return
}

// -----

func.func @reduce_dropped_dims(%x: tensor<2x3x4xf32>) {
  // expected-error @+2 {{'tfm.reduce_mean' op inferred type(s) 'tensor<2x4xf32>' are incompatible with return type(s) of operation 'tensor<2x1x4xf32>'}}
  // expected-error @+1 {{'tfm.reduce_mean' op failed to infer returned types}}
  %0 = tfm.reduce_mean %x {axes = array<i64: 1>, keep_dims = false} : (tensor<2x3x4xf32>) -> tensor<2x1x4xf32>
  return
}

// -----

func.func @reduce_result_element_type(%x: tensor<2x3xi32>) {
  // expected-error @+2 {{'tfm.reduce_sum' op inferred type(s) 'tensor<2x1xi32>' are incompatible with return type(s) of operation 'tensor<2x1xi64>'}}
  // expected-error @+1 {{'tfm.reduce_sum' op failed to infer returned types}}
  %0 = tfm.reduce_sum %x {axes = array<i64: 1>} : (tensor<2x3xi32>) -> tensor<2x1xi64>
  return
}

// -----

func.func @reduce_missing_axes(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'tfm.reduce_sum' op requires attribute 'axes'}}
  %0 = tfm.reduce_sum %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @reduce_axes_type(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'tfm.reduce_sum' op attribute 'axes' failed to satisfy constraint: i64 dense array attribute}}
  %0 = tfm.reduce_sum %x {axes = array<i32: 1>} : (tensor<2x3xf32>) -> tensor<2x1xf32>
  return
}

// -----

func.func @reduce_unsigned(%x: tensor<2x3xui16>) {
  // expected-error @+1 {{'tfm.reduce_max' op operand #0 must be statically shaped tensor of floating-point or signless integer values, but got 'tensor<2x3xui16>'}}
  %0 = tfm.reduce_max %x {axes = array<i64: 1>} : (tensor<2x3xui16>) -> tensor<2x1xui16>
  return
}

// -----

func.func @reduce_dynamic(%x: tensor<2x?xf32>) {
  // expected-error @+1 {{'tfm.reduce_sum' op operand #0 must be statically shaped tensor of floating-point or signless integer values, but got 'tensor<2x?xf32>'}}
  %0 = tfm.reduce_sum %x {axes = array<i64: 0>} : (tensor<2x?xf32>) -> tensor<1x?xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// argmax, argmin
//===----------------------------------------------------------------------===//

func.func @argmax_axis_too_large(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{reduction axis 2 is out of range for rank 2}}
  // expected-error @+1 {{'tfm.argmax' op failed to infer returned types}}
  %0 = tfm.argmax %x {axis = 2 : i64} : (tensor<2x3xf32>) -> tensor<2x3xi64>
  return
}

// -----

func.func @argmin_negative_axis(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{reduction axis -1 is out of range for rank 2}}
  // expected-error @+1 {{'tfm.argmin' op failed to infer returned types}}
  %0 = tfm.argmin %x {axis = -1 : i64} : (tensor<2x3xf32>) -> tensor<2x1xi64>
  return
}

// -----

func.func @argmax_rank0(%x: tensor<i32>) {
  // expected-error @+2 {{reduction axis 0 is out of range for rank 0}}
  // expected-error @+1 {{'tfm.argmax' op failed to infer returned types}}
  %0 = tfm.argmax %x {axis = 0 : i64} : (tensor<i32>) -> tensor<i64>
  return
}

// -----

// Indices are always i64, whatever the input's element type.
func.func @argmax_i32_result(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'tfm.argmax' op result #0 must be statically shaped tensor of 64-bit signless integer values, but got 'tensor<2x1xi32>'}}
  %0 = tfm.argmax %x {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x1xi32>
  return
}

// -----

func.func @argmin_wrong_result(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{'tfm.argmin' op inferred type(s) 'tensor<2xi64>' are incompatible with return type(s) of operation 'tensor<2x1xi64>'}}
  // expected-error @+1 {{'tfm.argmin' op failed to infer returned types}}
  %0 = tfm.argmin %x {axis = 1 : i64, keep_dims = false} : (tensor<2x3xf32>) -> tensor<2x1xi64>
  return
}

// -----

func.func @argmax_missing_axis(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'tfm.argmax' op requires attribute 'axis'}}
  %0 = tfm.argmax %x : (tensor<2x3xf32>) -> tensor<2x1xi64>
  return
}

// -----

func.func @argmax_bool_flag(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'tfm.argmax' op attribute 'select_last_index' failed to satisfy constraint: bool attribute}}
  %0 = tfm.argmax %x {axis = 1 : i64, select_last_index = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x1xi64>
  return
}

// -----

func.func @argmin_unsigned(%x: tensor<2x3xui8>) {
  // expected-error @+1 {{'tfm.argmin' op operand #0 must be statically shaped tensor of floating-point or signless integer values, but got 'tensor<2x3xui8>'}}
  %0 = tfm.argmin %x {axis = 1 : i64} : (tensor<2x3xui8>) -> tensor<2x1xi64>
  return
}
