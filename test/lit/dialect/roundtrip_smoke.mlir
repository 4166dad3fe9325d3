// RUN: tcc-opt %s | tcc-opt | FileCheck %s
// CHECK-LABEL: func @smoke
// CHECK: tfm.linear
func.func @smoke(%a: tensor<2x3xf32>, %w: tensor<3x4xf32>) -> tensor<2x4xf32> {
  %0 = tfm.linear %a, %w : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}
