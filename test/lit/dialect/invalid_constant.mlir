// Verifier errors of tfm.constant: its value must be a statically shaped
// tensor (dense or dense_resource) and its result type is the value's type.
//
// RUN: tcc-opt %s -split-input-file -verify-diagnostics

func.func @constant_vector_value() {
  // expected-error @+1 {{value must be a statically shaped tensor}}
  %0 = tfm.constant dense<1.0> : vector<4xf32>
  return
}

// -----

func.func @constant_vector_value_generic() {
  // expected-error @+2 {{value must be a statically shaped tensor}}
  // expected-error @+1 {{'tfm.constant' op failed to infer returned types}}
  %0 = "tfm.constant"() <{value = dense<1.0> : vector<4xf32>}> : () -> tensor<4xf32>
  return
}

// -----

func.func @constant_scalar_value() {
  // expected-error @+1 {{invalid properties {value = 1.000000e+00 : f32} for op tfm.constant: Invalid attribute `value` in property conversion: 1.000000e+00 : f32}}
  %0 = "tfm.constant"() <{value = 1.0 : f32}> : () -> tensor<f32>
  return
}

// -----

func.func @constant_scalar_value_attr_dict() {
  // expected-error @+1 {{'tfm.constant' op attribute 'value' failed to satisfy constraint: constant vector/tensor attribute}}
  %0 = "tfm.constant"() {value = 1.0 : f32} : () -> tensor<f32>
  return
}

// -----

func.func @constant_scalar_value_custom() {
  // expected-error @+1 {{invalid kind of attribute specified}}
  %0 = tfm.constant 1.0 : f32
  return
}

// -----

func.func @constant_missing_value() {
  // expected-error @+1 {{'tfm.constant' op requires attribute 'value'}}
  %0 = "tfm.constant"() : () -> tensor<f32>
  return
}

// -----

func.func @constant_wrong_result() {
  // expected-error @+2 {{'tfm.constant' op inferred type(s) 'tensor<3xf32>' are incompatible with return type(s) of operation 'tensor<4xf32>'}}
  // expected-error @+1 {{'tfm.constant' op failed to infer returned types}}
  %0 = "tfm.constant"() <{value = dense<1.0> : tensor<3xf32>}> : () -> tensor<4xf32>
  return
}

// -----

func.func @constant_resource_wrong_result() {
  // expected-error @+2 {{'tfm.constant' op inferred type(s) 'tensor<4xf32>' are incompatible with return type(s) of operation 'tensor<2x2xf32>'}}
  // expected-error @+1 {{'tfm.constant' op failed to infer returned types}}
  %0 = "tfm.constant"() <{value = dense_resource<blob> : tensor<4xf32>}> : () -> tensor<2x2xf32>
  return
}

// -----

func.func @constant_dynamic_result() {
  // expected-error @+1 {{'tfm.constant' op result #0 must be statically shaped tensor of any type values, but got 'tensor<?xf32>'}}
  %0 = "tfm.constant"() <{value = dense<1.0> : tensor<3xf32>}> : () -> tensor<?xf32>
  return
}
