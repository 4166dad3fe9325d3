// RUN: tcc-opt %s --split-input-file --pass-pipeline="builtin.module(func.func(tfm-copy-returned-values))" | FileCheck %s

// An identity model returns its argument: the result becomes a copy.
// CHECK-LABEL: func @identity
// CHECK: %[[E:.*]] = tensor.empty() : tensor<2x3xf32>
// CHECK: %[[C:.*]] = linalg.copy ins(%arg0 : tensor<2x3xf32>) outs(%[[E]] : tensor<2x3xf32>)
// CHECK: return %[[C]]
func.func @identity(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  return %x : tensor<2x3xf32>
}

// -----

// A constant result and a value returned twice are copied; the first use
// of a computed value is left alone.
// CHECK-LABEL: func @twice
// CHECK: %[[E:.*]] = linalg.exp
// CHECK: %[[K:.*]] = linalg.copy ins(%cst
// CHECK: %[[D:.*]] = linalg.copy ins(%[[E]]
// CHECK: return %[[E]], %[[K]], %[[D]]
func.func @twice(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %cst = arith.constant dense<1.0> : tensor<4xf32>
  %init = tensor.empty() : tensor<4xf32>
  %e = linalg.exp ins(%x : tensor<4xf32>) outs(%init : tensor<4xf32>) -> tensor<4xf32>
  return %e, %cst, %e : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}
