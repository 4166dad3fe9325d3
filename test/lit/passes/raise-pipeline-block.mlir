// RUN: tcc-opt %s --tfm-raise | FileCheck %s
// RUN: tcc-opt %s --tfm-raise | FileCheck %s --check-prefix=PRIM

// One pre-norm transformer block as torch.onnx writes it (decomposed
// LayerNorms, BERT-style attention with an additive mask, erf GELU), through
// the whole raising pipeline: every part raises and nothing primitive is
// left.
// PRIM-NOT: tfm.matmul
// PRIM-NOT: tfm.softmax
// PRIM-NOT: tfm.reduce_mean
// PRIM-NOT: tfm.sqrt
// PRIM-NOT: tfm.erf
// PRIM-NOT: tfm.transpose
// PRIM-NOT: tfm.reshape
// CHECK-LABEL: func.func @block
// CHECK: %[[LN1:.*]] = tfm.layer_norm %arg0 scale %{{.*}} bias %{{.*}} {axis = 2 : i64, epsilon = 9.99999974E-6 : f32}
// CHECK-DAG: %[[Q:.*]] = tfm.linear %[[LN1]], %{{.*}}, %{{.*}}
// CHECK-DAG: %[[K:.*]] = tfm.linear %[[LN1]], %{{.*}}, %{{.*}}
// CHECK-DAG: %[[V:.*]] = tfm.linear %[[LN1]], %{{.*}}, %{{.*}}
// CHECK: %[[A:.*]] = tfm.attention %[[Q]], %[[K]], %[[V]], %arg1 {num_heads = 2 : i64, scale = 5.000000e-01 : f32} : (tensor<1x4x8xf32>, tensor<1x4x8xf32>, tensor<1x4x8xf32>, tensor<1x1x1x4xf32>) -> tensor<1x4x8xf32>
// CHECK: %[[O:.*]] = tfm.linear %[[A]]
// CHECK: %[[R:.*]] = tfm.add %arg0, %[[O]]
// CHECK: %[[LN2:.*]] = tfm.layer_norm %[[R]] scale %{{.*}} bias %{{.*}} {axis = 2 : i64, epsilon = 9.99999974E-6 : f32}
// CHECK: %[[F1:.*]] = tfm.linear %[[LN2]]
// CHECK: %[[G:.*]] = tfm.gelu %[[F1]] {approximate = #tfm.gelu_approx<none>}
// CHECK: %[[F2:.*]] = tfm.linear %[[G]]
// CHECK: %[[Y:.*]] = tfm.add %[[R]], %[[F2]]
// CHECK: return %[[Y]]
func.func @block(%x: tensor<1x4x8xf32>, %mask: tensor<1x1x1x4xf32>) -> tensor<1x4x8xf32> {
  %two = tfm.constant dense<2.000000e+00> : tensor<f32>
  %eps = tfm.constant dense<9.99999974E-6> : tensor<f32>
  %g1 = tfm.constant dense<[1.0, 1.1, 0.9, 1.2, 0.8, 1.3, 0.7, 1.0]> : tensor<8xf32>
  %b1 = tfm.constant dense<[0.1, -0.1, 0.2, -0.2, 0.3, -0.3, 0.0, 0.05]> : tensor<8xf32>
  %m1 = tfm.reduce_mean %x {axes = array<i64: 2>, keep_dims = true} : (tensor<1x4x8xf32>) -> tensor<1x4x1xf32>
  %d1 = tfm.sub %x, %m1 : (tensor<1x4x8xf32>, tensor<1x4x1xf32>) -> tensor<1x4x8xf32>
  %p1 = tfm.pow %d1, %two : (tensor<1x4x8xf32>, tensor<f32>) -> tensor<1x4x8xf32>
  %v1 = tfm.reduce_mean %p1 {axes = array<i64: 2>, keep_dims = true} : (tensor<1x4x8xf32>) -> tensor<1x4x1xf32>
  %e1 = tfm.add %v1, %eps : (tensor<1x4x1xf32>, tensor<f32>) -> tensor<1x4x1xf32>
  %s1 = tfm.sqrt %e1 : (tensor<1x4x1xf32>) -> tensor<1x4x1xf32>
  %n1 = tfm.div %d1, %s1 : (tensor<1x4x8xf32>, tensor<1x4x1xf32>) -> tensor<1x4x8xf32>
  %y1 = tfm.mul %n1, %g1 : (tensor<1x4x8xf32>, tensor<8xf32>) -> tensor<1x4x8xf32>
  %h = tfm.add %y1, %b1 : (tensor<1x4x8xf32>, tensor<8xf32>) -> tensor<1x4x8xf32>

  %wq = tfm.constant dense<1.000000e-01> : tensor<8x8xf32>
  %bq = tfm.constant dense<1.000000e-02> : tensor<8xf32>
  %wk = tfm.constant dense<2.000000e-01> : tensor<8x8xf32>
  %bk = tfm.constant dense<2.000000e-02> : tensor<8xf32>
  %wv = tfm.constant dense<3.000000e-01> : tensor<8x8xf32>
  %bv = tfm.constant dense<3.000000e-02> : tensor<8xf32>
  %mq = tfm.matmul %h, %wq : (tensor<1x4x8xf32>, tensor<8x8xf32>) -> tensor<1x4x8xf32>
  %xq = tfm.add %bq, %mq : (tensor<8xf32>, tensor<1x4x8xf32>) -> tensor<1x4x8xf32>
  %mk = tfm.matmul %h, %wk : (tensor<1x4x8xf32>, tensor<8x8xf32>) -> tensor<1x4x8xf32>
  %xk = tfm.add %bk, %mk : (tensor<8xf32>, tensor<1x4x8xf32>) -> tensor<1x4x8xf32>
  %mv = tfm.matmul %h, %wv : (tensor<1x4x8xf32>, tensor<8x8xf32>) -> tensor<1x4x8xf32>
  %xv = tfm.add %bv, %mv : (tensor<8xf32>, tensor<1x4x8xf32>) -> tensor<1x4x8xf32>
  %rq = tfm.reshape %xq : (tensor<1x4x8xf32>) -> tensor<1x4x2x4xf32>
  %q = tfm.transpose %rq {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x4x2x4xf32>) -> tensor<1x2x4x4xf32>
  %rk = tfm.reshape %xk : (tensor<1x4x8xf32>) -> tensor<1x4x2x4xf32>
  %rv = tfm.reshape %xv : (tensor<1x4x8xf32>) -> tensor<1x4x2x4xf32>
  %v = tfm.transpose %rv {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x4x2x4xf32>) -> tensor<1x2x4x4xf32>
  %kt = tfm.transpose %rk {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x4x2x4xf32>) -> tensor<1x2x4x4xf32>
  %sc = tfm.matmul %q, %kt : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %ss = tfm.div %sc, %two : (tensor<1x2x4x4xf32>, tensor<f32>) -> tensor<1x2x4x4xf32>
  %sm = tfm.add %ss, %mask : (tensor<1x2x4x4xf32>, tensor<1x1x1x4xf32>) -> tensor<1x2x4x4xf32>
  %pr = tfm.softmax %sm {axis = 3 : i64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = tfm.matmul %pr, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %ot = tfm.transpose %o {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x2x4x4xf32>) -> tensor<1x4x2x4xf32>
  %om = tfm.reshape %ot : (tensor<1x4x2x4xf32>) -> tensor<1x4x8xf32>
  %wo = tfm.constant dense<4.000000e-01> : tensor<8x8xf32>
  %bo = tfm.constant dense<4.000000e-02> : tensor<8xf32>
  %mo = tfm.matmul %om, %wo : (tensor<1x4x8xf32>, tensor<8x8xf32>) -> tensor<1x4x8xf32>
  %ao = tfm.add %bo, %mo : (tensor<8xf32>, tensor<1x4x8xf32>) -> tensor<1x4x8xf32>
  %r = tfm.add %x, %ao : (tensor<1x4x8xf32>, tensor<1x4x8xf32>) -> tensor<1x4x8xf32>

  %g2 = tfm.constant dense<[0.9, 1.0, 1.1, 1.0, 0.9, 1.0, 1.1, 1.0]> : tensor<8xf32>
  %b2 = tfm.constant dense<[0.0, 0.1, 0.0, 0.1, 0.0, 0.1, 0.0, 0.1]> : tensor<8xf32>
  %m2 = tfm.reduce_mean %r {axes = array<i64: 2>, keep_dims = true} : (tensor<1x4x8xf32>) -> tensor<1x4x1xf32>
  %d2 = tfm.sub %r, %m2 : (tensor<1x4x8xf32>, tensor<1x4x1xf32>) -> tensor<1x4x8xf32>
  %p2 = tfm.pow %d2, %two : (tensor<1x4x8xf32>, tensor<f32>) -> tensor<1x4x8xf32>
  %v2 = tfm.reduce_mean %p2 {axes = array<i64: 2>, keep_dims = true} : (tensor<1x4x8xf32>) -> tensor<1x4x1xf32>
  %e2 = tfm.add %v2, %eps : (tensor<1x4x1xf32>, tensor<f32>) -> tensor<1x4x1xf32>
  %s2 = tfm.sqrt %e2 : (tensor<1x4x1xf32>) -> tensor<1x4x1xf32>
  %n2 = tfm.div %d2, %s2 : (tensor<1x4x8xf32>, tensor<1x4x1xf32>) -> tensor<1x4x8xf32>
  %y2 = tfm.mul %n2, %g2 : (tensor<1x4x8xf32>, tensor<8xf32>) -> tensor<1x4x8xf32>
  %h2 = tfm.add %y2, %b2 : (tensor<1x4x8xf32>, tensor<8xf32>) -> tensor<1x4x8xf32>

  %w1 = tfm.constant dense<5.000000e-02> : tensor<8x16xf32>
  %c1 = tfm.constant dense<1.000000e-01> : tensor<16xf32>
  %f1m = tfm.matmul %h2, %w1 : (tensor<1x4x8xf32>, tensor<8x16xf32>) -> tensor<1x4x16xf32>
  %f1 = tfm.add %c1, %f1m : (tensor<16xf32>, tensor<1x4x16xf32>) -> tensor<1x4x16xf32>
  %sqrt2 = tfm.constant dense<1.41421354> : tensor<f32>
  %one = tfm.constant dense<1.000000e+00> : tensor<f32>
  %half = tfm.constant dense<5.000000e-01> : tensor<f32>
  %ga = tfm.div %f1, %sqrt2 : (tensor<1x4x16xf32>, tensor<f32>) -> tensor<1x4x16xf32>
  %gb = tfm.erf %ga : (tensor<1x4x16xf32>) -> tensor<1x4x16xf32>
  %gc = tfm.add %gb, %one : (tensor<1x4x16xf32>, tensor<f32>) -> tensor<1x4x16xf32>
  %gd = tfm.mul %f1, %gc : (tensor<1x4x16xf32>, tensor<1x4x16xf32>) -> tensor<1x4x16xf32>
  %ge = tfm.mul %gd, %half : (tensor<1x4x16xf32>, tensor<f32>) -> tensor<1x4x16xf32>
  %w2 = tfm.constant dense<6.000000e-02> : tensor<16x8xf32>
  %c2 = tfm.constant dense<2.000000e-01> : tensor<8xf32>
  %f2m = tfm.matmul %ge, %w2 : (tensor<1x4x16xf32>, tensor<16x8xf32>) -> tensor<1x4x8xf32>
  %f2 = tfm.add %c2, %f2m : (tensor<8xf32>, tensor<1x4x8xf32>) -> tensor<1x4x8xf32>
  %out = tfm.add %r, %f2 : (tensor<1x4x8xf32>, tensor<1x4x8xf32>) -> tensor<1x4x8xf32>
  return %out : tensor<1x4x8xf32>
}
