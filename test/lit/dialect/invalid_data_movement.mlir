// Verifier errors of the data-movement ops: reshape, broadcast_to and cast
// (whose result type is their specification, checked by a verifier) and
// transpose, slice, concat, gather and pad (whose result type is
// inferred). One case per failure path, the ODS type constraints and wrong
// result types.
//
// RUN: tcc-opt %s -split-input-file -verify-diagnostics

//===----------------------------------------------------------------------===//
// tfm.reshape
//===----------------------------------------------------------------------===//

func.func @reshape_element_type(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'tfm.reshape' op element type must not change}}
  %0 = tfm.reshape %x : (tensor<2x3xf32>) -> tensor<6xf16>
  return
}

// -----

func.func @reshape_element_count(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'tfm.reshape' op element count changes from 6 to 8}}
  %0 = tfm.reshape %x : (tensor<2x3xf32>) -> tensor<2x4xf32>
  return
}

// -----

func.func @reshape_rank0_count(%x: tensor<f32>) {
  // expected-error @+1 {{'tfm.reshape' op element count changes from 1 to 0}}
  %0 = tfm.reshape %x : (tensor<f32>) -> tensor<0xf32>
  return
}

// -----

func.func @reshape_dynamic_result(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'tfm.reshape' op result #0 must be statically shaped tensor of any type values, but got 'tensor<?xf32>'}}
  %0 = tfm.reshape %x : (tensor<2x3xf32>) -> tensor<?xf32>
  return
}

// -----

func.func @reshape_unranked(%x: tensor<*xf32>) {
  // expected-error @+1 {{'tfm.reshape' op operand #0 must be statically shaped tensor of any type values, but got 'tensor<*xf32>'}}
  %0 = tfm.reshape %x : (tensor<*xf32>) -> tensor<6xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// tfm.broadcast_to
//===----------------------------------------------------------------------===//

func.func @broadcast_to_element_type(%x: tensor<3xi32>) {
  // expected-error @+1 {{'tfm.broadcast_to' op element type must not change}}
  %0 = tfm.broadcast_to %x : (tensor<3xi32>) -> tensor<2x3xi64>
  return
}

// -----

func.func @broadcast_to_incompatible(%x: tensor<3xf32>) {
  // expected-error @+1 {{'tfm.broadcast_to' op input 'tensor<3xf32>' does not broadcast to 'tensor<2x4xf32>'}}
  %0 = tfm.broadcast_to %x : (tensor<3xf32>) -> tensor<2x4xf32>
  return
}

// -----

// broadcast_to only adds or stretches dimensions; it never removes any.
func.func @broadcast_to_lower_rank(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'tfm.broadcast_to' op input 'tensor<2x3xf32>' does not broadcast to 'tensor<3xf32>'}}
  %0 = tfm.broadcast_to %x : (tensor<2x3xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @broadcast_to_shrink(%x: tensor<4x1xf32>) {
  // expected-error @+1 {{'tfm.broadcast_to' op input 'tensor<4x1xf32>' does not broadcast to 'tensor<1x5xf32>'}}
  %0 = tfm.broadcast_to %x : (tensor<4x1xf32>) -> tensor<1x5xf32>
  return
}

// -----

func.func @broadcast_to_dynamic(%x: tensor<3xf32>) {
  // expected-error @+1 {{'tfm.broadcast_to' op result #0 must be statically shaped tensor of any type values, but got 'tensor<?x3xf32>'}}
  %0 = tfm.broadcast_to %x : (tensor<3xf32>) -> tensor<?x3xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// tfm.cast
//===----------------------------------------------------------------------===//

func.func @cast_shape(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'tfm.cast' op shape must not change}}
  %0 = tfm.cast %x : (tensor<2x3xf32>) -> tensor<3x2xf16>
  return
}

// -----

func.func @cast_rank(%x: tensor<1xi32>) {
  // expected-error @+1 {{'tfm.cast' op shape must not change}}
  %0 = tfm.cast %x : (tensor<1xi32>) -> tensor<f32>
  return
}

// -----

func.func @cast_dynamic(%x: tensor<?xi32>) {
  // expected-error @+1 {{'tfm.cast' op operand #0 must be statically shaped tensor of any type values, but got 'tensor<?xi32>'}}
  %0 = tfm.cast %x : (tensor<?xi32>) -> tensor<?xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// tfm.transpose
//===----------------------------------------------------------------------===//

func.func @transpose_perm_size(%x: tensor<2x3x4xf32>) {
  // expected-error @+2 {{perm has 2 entries for rank 3}}
  // expected-error @+1 {{'tfm.transpose' op failed to infer returned types}}
  %0 = tfm.transpose %x {perm = array<i64: 1, 0>} : (tensor<2x3x4xf32>) -> tensor<3x2x4xf32>
  return
}

// -----

func.func @transpose_perm_out_of_range(%x: tensor<2x3x4xf32>) {
  // expected-error @+2 {{perm must be a permutation of [0, 3)}}
  // expected-error @+1 {{'tfm.transpose' op failed to infer returned types}}
  %0 = tfm.transpose %x {perm = array<i64: 0, 1, 3>} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return
}

// -----

func.func @transpose_perm_negative(%x: tensor<2x3x4xf32>) {
  // expected-error @+2 {{perm must be a permutation of [0, 3)}}
  // expected-error @+1 {{'tfm.transpose' op failed to infer returned types}}
  %0 = tfm.transpose %x {perm = array<i64: -1, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  return
}

// -----

func.func @transpose_perm_duplicate(%x: tensor<2x3x4xf32>) {
  // expected-error @+2 {{perm must be a permutation of [0, 3)}}
  // expected-error @+1 {{'tfm.transpose' op failed to infer returned types}}
  %0 = tfm.transpose %x {perm = array<i64: 1, 1, 0>} : (tensor<2x3x4xf32>) -> tensor<3x3x2xf32>
  return
}

// -----

func.func @transpose_wrong_result(%x: tensor<2x3x4xf32>) {
  // expected-error @+2 {{'tfm.transpose' op inferred type(s) 'tensor<4x2x3xf32>' are incompatible with return type(s) of operation 'tensor<3x4x2xf32>'}}
  // expected-error @+1 {{'tfm.transpose' op failed to infer returned types}}
  %0 = tfm.transpose %x {perm = array<i64: 2, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<3x4x2xf32>
  return
}

// -----

func.func @transpose_dynamic(%x: tensor<?x3xf32>) {
  // expected-error @+1 {{'tfm.transpose' op operand #0 must be statically shaped tensor of any type values, but got 'tensor<?x3xf32>'}}
  %0 = tfm.transpose %x {perm = array<i64: 1, 0>} : (tensor<?x3xf32>) -> tensor<3x?xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// tfm.slice
//===----------------------------------------------------------------------===//

func.func @slice_offsets_size(%x: tensor<4x6xf32>) {
  // expected-error @+2 {{'offsets' must have 2 values, got 1}}
  // expected-error @+1 {{'tfm.slice' op failed to infer returned types}}
  %0 = tfm.slice %x {offsets = array<i64: 0>, sizes = array<i64: 2, 2>, strides = array<i64: 1, 1>} : (tensor<4x6xf32>) -> tensor<2x2xf32>
  return
}

// -----

func.func @slice_sizes_size(%x: tensor<4x6xf32>) {
  // expected-error @+2 {{'sizes' must have 2 values, got 3}}
  // expected-error @+1 {{'tfm.slice' op failed to infer returned types}}
  %0 = tfm.slice %x {offsets = array<i64: 0, 0>, sizes = array<i64: 2, 2, 1>, strides = array<i64: 1, 1>} : (tensor<4x6xf32>) -> tensor<2x2x1xf32>
  return
}

// -----

func.func @slice_strides_size(%x: tensor<4x6xf32>) {
  // expected-error @+2 {{'strides' must have 2 values, got 0}}
  // expected-error @+1 {{'tfm.slice' op failed to infer returned types}}
  %0 = tfm.slice %x {offsets = array<i64: 0, 0>, sizes = array<i64: 2, 2>, strides = array<i64>} : (tensor<4x6xf32>) -> tensor<2x2xf32>
  return
}

// -----

func.func @slice_negative_size(%x: tensor<4x6xf32>) {
  // expected-error @+2 {{size -1 in dimension 1 is negative}}
  // expected-error @+1 {{'tfm.slice' op failed to infer returned types}}
  %0 = tfm.slice %x {offsets = array<i64: 0, 0>, sizes = array<i64: 2, -1>, strides = array<i64: 1, 1>} : (tensor<4x6xf32>) -> tensor<2x2xf32>
  return
}

// -----

func.func @slice_zero_stride(%x: tensor<4x6xf32>) {
  // expected-error @+2 {{stride in dimension 0 is zero}}
  // expected-error @+1 {{'tfm.slice' op failed to infer returned types}}
  %0 = tfm.slice %x {offsets = array<i64: 0, 0>, sizes = array<i64: 2, 2>, strides = array<i64: 0, 1>} : (tensor<4x6xf32>) -> tensor<2x2xf32>
  return
}

// -----

func.func @slice_first_negative(%x: tensor<4x6xf32>) {
  // expected-error @+2 {{slice of dimension 0 reads [-1, 0] outside [0, 4)}}
  // expected-error @+1 {{'tfm.slice' op failed to infer returned types}}
  %0 = tfm.slice %x {offsets = array<i64: -1, 0>, sizes = array<i64: 2, 2>, strides = array<i64: 1, 1>} : (tensor<4x6xf32>) -> tensor<2x2xf32>
  return
}

// -----

func.func @slice_first_past_end(%x: tensor<4x6xf32>) {
  // expected-error @+2 {{slice of dimension 1 reads [6, 4] outside [0, 6)}}
  // expected-error @+1 {{'tfm.slice' op failed to infer returned types}}
  %0 = tfm.slice %x {offsets = array<i64: 0, 6>, sizes = array<i64: 2, 2>, strides = array<i64: 1, -2>} : (tensor<4x6xf32>) -> tensor<2x2xf32>
  return
}

// -----

func.func @slice_last_past_end(%x: tensor<4x6xf32>) {
  // expected-error @+2 {{slice of dimension 1 reads [1, 7] outside [0, 6)}}
  // expected-error @+1 {{'tfm.slice' op failed to infer returned types}}
  %0 = tfm.slice %x {offsets = array<i64: 0, 1>, sizes = array<i64: 2, 4>, strides = array<i64: 1, 2>} : (tensor<4x6xf32>) -> tensor<2x4xf32>
  return
}

// -----

func.func @slice_last_negative(%x: tensor<4x6xf32>) {
  // expected-error @+2 {{slice of dimension 0 reads [2, -1] outside [0, 4)}}
  // expected-error @+1 {{'tfm.slice' op failed to infer returned types}}
  %0 = tfm.slice %x {offsets = array<i64: 2, 0>, sizes = array<i64: 4, 2>, strides = array<i64: -1, 1>} : (tensor<4x6xf32>) -> tensor<4x2xf32>
  return
}

// -----

// (5 - 1) x 2^62 wraps around int64 to 0, which would pass the bounds check.
func.func @slice_stride_overflow(%x: tensor<8xf32>) {
  // expected-error @+2 {{slice of dimension 0 overflows int64}}
  // expected-error @+1 {{'tfm.slice' op failed to infer returned types}}
  %0 = tfm.slice %x {offsets = array<i64: 0>, sizes = array<i64: 5>, strides = array<i64: 4611686018427387904>} : (tensor<8xf32>) -> tensor<5xf32>
  return
}

// -----

func.func @slice_wrong_result(%x: tensor<4x6xf32>) {
  // expected-error @+2 {{'tfm.slice' op inferred type(s) 'tensor<2x3xf32>' are incompatible with return type(s) of operation 'tensor<2x6xf32>'}}
  // expected-error @+1 {{'tfm.slice' op failed to infer returned types}}
  %0 = tfm.slice %x {offsets = array<i64: 0, 0>, sizes = array<i64: 2, 3>, strides = array<i64: 1, 2>} : (tensor<4x6xf32>) -> tensor<2x6xf32>
  return
}

// -----

func.func @slice_missing_strides(%x: tensor<4x6xf32>) {
  // expected-error @+1 {{'tfm.slice' op requires attribute 'strides'}}
  %0 = tfm.slice %x {offsets = array<i64: 0, 0>, sizes = array<i64: 2, 3>} : (tensor<4x6xf32>) -> tensor<2x3xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// tfm.concat
//===----------------------------------------------------------------------===//

func.func @concat_no_inputs() {
  // expected-error @+2 {{needs at least one input}}
  // expected-error @+1 {{'tfm.concat' op failed to infer returned types}}
  %0 = tfm.concat {axis = 0 : i64} : () -> tensor<0xf32>
  return
}

// -----

func.func @concat_axis_too_large(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{axis 2 is out of range for rank 2}}
  // expected-error @+1 {{'tfm.concat' op failed to infer returned types}}
  %0 = tfm.concat %a, %a {axis = 2 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3x2xf32>
  return
}

// -----

func.func @concat_negative_axis(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{axis -1 is out of range for rank 2}}
  // expected-error @+1 {{'tfm.concat' op failed to infer returned types}}
  %0 = tfm.concat %a, %a {axis = -1 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x6xf32>
  return
}

// -----

func.func @concat_rank0(%a: tensor<f32>) {
  // expected-error @+2 {{axis 0 is out of range for rank 0}}
  // expected-error @+1 {{'tfm.concat' op failed to infer returned types}}
  %0 = tfm.concat %a, %a {axis = 0 : i64} : (tensor<f32>, tensor<f32>) -> tensor<2xf32>
  return
}

// -----

func.func @concat_element_types(%a: tensor<2x3xf32>, %b: tensor<2x3xi32>) {
  // expected-error @+2 {{inputs must have one element type and rank}}
  // expected-error @+1 {{'tfm.concat' op failed to infer returned types}}
  %0 = tfm.concat %a, %b {axis = 0 : i64} : (tensor<2x3xf32>, tensor<2x3xi32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @concat_ranks(%a: tensor<2x3xf32>, %b: tensor<3xf32>) {
  // expected-error @+2 {{inputs must have one element type and rank}}
  // expected-error @+1 {{'tfm.concat' op failed to infer returned types}}
  %0 = tfm.concat %a, %b {axis = 1 : i64} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x6xf32>
  return
}

// -----

func.func @concat_other_dimension(%a: tensor<2x3xf32>, %b: tensor<3x3xf32>) {
  // expected-error @+2 {{inputs differ in dimension 0 which is not the concatenation axis}}
  // expected-error @+1 {{'tfm.concat' op failed to infer returned types}}
  %0 = tfm.concat %a, %b {axis = 1 : i64} : (tensor<2x3xf32>, tensor<3x3xf32>) -> tensor<2x6xf32>
  return
}

// -----

func.func @concat_size_overflow(%a: tensor<4611686018427387904xi1>) {
  // expected-error @+2 {{concatenated size overflows int64}}
  // expected-error @+1 {{'tfm.concat' op failed to infer returned types}}
  %0 = tfm.concat %a, %a {axis = 0 : i64} : (tensor<4611686018427387904xi1>, tensor<4611686018427387904xi1>) -> tensor<1xi1>
  return
}

// -----

func.func @concat_wrong_result(%a: tensor<2x3xf32>, %b: tensor<2x5xf32>) {
  // expected-error @+2 {{'tfm.concat' op inferred type(s) 'tensor<2x8xf32>' are incompatible with return type(s) of operation 'tensor<4x3xf32>'}}
  // expected-error @+1 {{'tfm.concat' op failed to infer returned types}}
  %0 = tfm.concat %a, %b {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @concat_dynamic(%a: tensor<2x3xf32>, %b: tensor<2x?xf32>) {
  // expected-error @+1 {{'tfm.concat' op operand #1 must be variadic of statically shaped tensor of any type values, but got 'tensor<2x?xf32>'}}
  %0 = tfm.concat %a, %b {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x?xf32>) -> tensor<2x?xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// tfm.gather
//===----------------------------------------------------------------------===//

func.func @gather_axis_too_large(%d: tensor<2x3xf32>, %i: tensor<4xi64>) {
  // expected-error @+2 {{axis 2 is out of range for rank 2}}
  // expected-error @+1 {{'tfm.gather' op failed to infer returned types}}
  %0 = tfm.gather %d, %i {axis = 2 : i64} : (tensor<2x3xf32>, tensor<4xi64>) -> tensor<2x3x4xf32>
  return
}

// -----

func.func @gather_negative_axis(%d: tensor<2x3xf32>, %i: tensor<4xi64>) {
  // expected-error @+2 {{axis -2 is out of range for rank 2}}
  // expected-error @+1 {{'tfm.gather' op failed to infer returned types}}
  %0 = tfm.gather %d, %i {axis = -2 : i64} : (tensor<2x3xf32>, tensor<4xi64>) -> tensor<4x3xf32>
  return
}

// -----

func.func @gather_rank0_data(%d: tensor<f32>, %i: tensor<i32>) {
  // expected-error @+2 {{axis 0 is out of range for rank 0}}
  // expected-error @+1 {{'tfm.gather' op failed to infer returned types}}
  %0 = tfm.gather %d, %i {axis = 0 : i64} : (tensor<f32>, tensor<i32>) -> tensor<f32>
  return
}

// -----

func.func @gather_float_indices(%d: tensor<2x3xf32>, %i: tensor<4xf32>) {
  // expected-error @+1 {{'tfm.gather' op operand #1 must be statically shaped tensor of 32-bit signless integer or 64-bit signless integer values, but got 'tensor<4xf32>'}}
  %0 = tfm.gather %d, %i {axis = 0 : i64} : (tensor<2x3xf32>, tensor<4xf32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @gather_i16_indices(%d: tensor<2x3xf32>, %i: tensor<4xi16>) {
  // expected-error @+1 {{'tfm.gather' op operand #1 must be statically shaped tensor of 32-bit signless integer or 64-bit signless integer values, but got 'tensor<4xi16>'}}
  %0 = tfm.gather %d, %i {axis = 0 : i64} : (tensor<2x3xf32>, tensor<4xi16>) -> tensor<4x3xf32>
  return
}

// -----

func.func @gather_wrong_result(%d: tensor<2x3xf32>, %i: tensor<4x5xi32>) {
  // expected-error @+2 {{'tfm.gather' op inferred type(s) 'tensor<2x4x5xf32>' are incompatible with return type(s) of operation 'tensor<4x5x3xf32>'}}
  // expected-error @+1 {{'tfm.gather' op failed to infer returned types}}
  %0 = tfm.gather %d, %i {axis = 1 : i64} : (tensor<2x3xf32>, tensor<4x5xi32>) -> tensor<4x5x3xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// tfm.pad
//===----------------------------------------------------------------------===//

func.func @pad_low_size(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{'low' must have 2 values, got 1}}
  // expected-error @+1 {{'tfm.pad' op failed to infer returned types}}
  %0 = tfm.pad %x {high = array<i64: 0, 0>, low = array<i64: 1>, mode = #tfm.pad_mode<constant>} : (tensor<2x3xf32>) -> tensor<3x3xf32>
  return
}

// -----

func.func @pad_high_size(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{'high' must have 2 values, got 3}}
  // expected-error @+1 {{'tfm.pad' op failed to infer returned types}}
  %0 = tfm.pad %x {high = array<i64: 0, 0, 0>, low = array<i64: 1, 1>, mode = #tfm.pad_mode<constant>} : (tensor<2x3xf32>) -> tensor<3x4xf32>
  return
}

// -----

func.func @pad_negative(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{padding must be non-negative (crop with slice)}}
  // expected-error @+1 {{'tfm.pad' op failed to infer returned types}}
  %0 = tfm.pad %x {high = array<i64: 0, -1>, low = array<i64: 0, 0>, mode = #tfm.pad_mode<constant>} : (tensor<2x3xf32>) -> tensor<2x2xf32>
  return
}

// -----

func.func @pad_reflect_too_wide(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{reflect padding of 3 needs a dimension larger than 3}}
  // expected-error @+1 {{'tfm.pad' op failed to infer returned types}}
  %0 = tfm.pad %x {high = array<i64: 0, 1>, low = array<i64: 0, 3>, mode = #tfm.pad_mode<reflect>} : (tensor<2x3xf32>) -> tensor<2x7xf32>
  return
}

// -----

func.func @pad_reflect_unit_dimension(%x: tensor<1x3xf32>) {
  // expected-error @+2 {{reflect padding of 1 needs a dimension larger than 1}}
  // expected-error @+1 {{'tfm.pad' op failed to infer returned types}}
  %0 = tfm.pad %x {high = array<i64: 1, 0>, low = array<i64: 0, 0>, mode = #tfm.pad_mode<reflect>} : (tensor<1x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @pad_edge_empty(%x: tensor<0x3xf32>) {
  // expected-error @+2 {{edge padding of an empty dimension}}
  // expected-error @+1 {{'tfm.pad' op failed to infer returned types}}
  %0 = tfm.pad %x {high = array<i64: 0, 0>, low = array<i64: 1, 0>, mode = #tfm.pad_mode<edge>} : (tensor<0x3xf32>) -> tensor<1x3xf32>
  return
}

// -----

func.func @pad_size_overflow(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{padded size of dimension 0 overflows int64}}
  // expected-error @+1 {{'tfm.pad' op failed to infer returned types}}
  %0 = tfm.pad %x {high = array<i64: 9223372036854775807, 0>, low = array<i64: 9223372036854775807, 0>, mode = #tfm.pad_mode<constant>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @pad_wrong_result(%x: tensor<2x3xi32>) {
  // expected-error @+2 {{'tfm.pad' op inferred type(s) 'tensor<2x6xi32>' are incompatible with return type(s) of operation 'tensor<2x5xi32>'}}
  // expected-error @+1 {{'tfm.pad' op failed to infer returned types}}
  %0 = tfm.pad %x {high = array<i64: 0, 2>, low = array<i64: 0, 1>, mode = #tfm.pad_mode<edge>} : (tensor<2x3xi32>) -> tensor<2x5xi32>
  return
}

// -----

func.func @pad_missing_mode(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'tfm.pad' op requires attribute 'mode'}}
  %0 = tfm.pad %x {high = array<i64: 0, 0>, low = array<i64: 0, 0>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @pad_unknown_mode(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{expected ::tcc::tfm::PadMode to be one of: constant, reflect, edge}}
  // expected-error @+1 {{failed to parse Tfm_PadModeAttr parameter 'value'}}
  %0 = tfm.pad %x {high = array<i64: 0, 0>, low = array<i64: 0, 0>, mode = #tfm.pad_mode<wrap>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @pad_dynamic(%x: tensor<?x3xf32>) {
  // expected-error @+1 {{'tfm.pad' op operand #0 must be statically shaped tensor of any type values, but got 'tensor<?x3xf32>'}}
  %0 = tfm.pad %x {high = array<i64: 0, 0>, low = array<i64: 0, 0>, mode = #tfm.pad_mode<constant>} : (tensor<?x3xf32>) -> tensor<?x3xf32>
  return
}
