// RUN: tcc-opt %s --tfm-raise-attention | FileCheck %s

// timm ViT: fused qkv, split along the leading dim, scale on the scores.
// CHECK-LABEL: func.func @attn_vit
// CHECK: %[[Q:.*]] = tfm.reshape %{{.*}} : (tensor<1x1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
// CHECK-NEXT: %[[K:.*]] = tfm.reshape %{{.*}} : (tensor<1x1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
// CHECK-NEXT: %[[V:.*]] = tfm.reshape %{{.*}} : (tensor<1x1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
// CHECK-NEXT: %[[A:.*]] = tfm.attention %[[Q]], %[[K]], %[[V]] {num_heads = 1 : i64, scale = 5.000000e-01 : f32} : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
// CHECK-NEXT: %[[T:.*]] = tfm.transpose %[[A]] {perm = array<i64: 0, 2, 1, 3>}
// CHECK-NEXT: %[[Y:.*]] = tfm.reshape %[[T]] : (tensor<1x4x2x4xf32>) -> tensor<1x4x8xf32>
// CHECK-NEXT: return %[[Y]]
func.func @attn_vit(%qkv: tensor<1x4x24xf32>) -> tensor<1x4x8xf32> {
  %r = tfm.reshape %qkv : (tensor<1x4x24xf32>) -> tensor<1x4x3x2x4xf32>
  %t = tfm.transpose %r {perm = array<i64: 2, 0, 3, 1, 4>} : (tensor<1x4x3x2x4xf32>) -> tensor<3x1x2x4x4xf32>
  %s0 = tfm.slice %t {offsets = array<i64: 0, 0, 0, 0, 0>, sizes = array<i64: 1, 1, 2, 4, 4>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<3x1x2x4x4xf32>) -> tensor<1x1x2x4x4xf32>
  %s1 = tfm.slice %t {offsets = array<i64: 1, 0, 0, 0, 0>, sizes = array<i64: 1, 1, 2, 4, 4>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<3x1x2x4x4xf32>) -> tensor<1x1x2x4x4xf32>
  %s2 = tfm.slice %t {offsets = array<i64: 2, 0, 0, 0, 0>, sizes = array<i64: 1, 1, 2, 4, 4>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<3x1x2x4x4xf32>) -> tensor<1x1x2x4x4xf32>
  %q = tfm.reshape %s0 : (tensor<1x1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %k = tfm.reshape %s1 : (tensor<1x1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %v = tfm.reshape %s2 : (tensor<1x1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %kt = tfm.transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %s = tfm.matmul %q, %kt : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %c = tfm.constant dense<5.000000e-01> : tensor<f32>
  %ss = tfm.mul %s, %c : (tensor<1x2x4x4xf32>, tensor<f32>) -> tensor<1x2x4x4xf32>
  %p = tfm.softmax %ss {axis = 3 : i64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = tfm.matmul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %ot = tfm.transpose %o {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x2x4x4xf32>) -> tensor<1x4x2x4xf32>
  %y = tfm.reshape %ot : (tensor<1x4x2x4xf32>) -> tensor<1x4x8xf32>
  return %y : tensor<1x4x8xf32>
}

// BERT: separate projections, k through the merged transpose [0,2,3,1],
// Div by sqrt(D), additive mask computed from an input.
// CHECK-LABEL: func.func @attn_bert
// CHECK-NEXT: %[[A:.*]] = tfm.attention %arg0, %arg1, %arg2, %arg3 {num_heads = 2 : i64, scale = 5.000000e-01 : f32} : (tensor<1x4x8xf32>, tensor<1x4x8xf32>, tensor<1x4x8xf32>, tensor<1x1x1x4xf32>) -> tensor<1x4x8xf32>
// CHECK-NEXT: return %[[A]]
func.func @attn_bert(%xq: tensor<1x4x8xf32>, %xk: tensor<1x4x8xf32>, %xv: tensor<1x4x8xf32>, %mask: tensor<1x1x1x4xf32>) -> tensor<1x4x8xf32> {
  %rq = tfm.reshape %xq : (tensor<1x4x8xf32>) -> tensor<1x4x2x4xf32>
  %q = tfm.transpose %rq {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x4x2x4xf32>) -> tensor<1x2x4x4xf32>
  %rk = tfm.reshape %xk : (tensor<1x4x8xf32>) -> tensor<1x4x2x4xf32>
  %rv = tfm.reshape %xv : (tensor<1x4x8xf32>) -> tensor<1x4x2x4xf32>
  %v = tfm.transpose %rv {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x4x2x4xf32>) -> tensor<1x2x4x4xf32>
  %kt = tfm.transpose %rk {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x4x2x4xf32>) -> tensor<1x2x4x4xf32>
  %s = tfm.matmul %q, %kt : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %c = tfm.constant dense<2.000000e+00> : tensor<f32>
  %ss = tfm.div %s, %c : (tensor<1x2x4x4xf32>, tensor<f32>) -> tensor<1x2x4x4xf32>
  %sm = tfm.add %ss, %mask : (tensor<1x2x4x4xf32>, tensor<1x1x1x4xf32>) -> tensor<1x2x4x4xf32>
  %p = tfm.softmax %sm {axis = 3 : i64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = tfm.matmul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %ot = tfm.transpose %o {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x2x4x4xf32>) -> tensor<1x4x2x4xf32>
  %y = tfm.reshape %ot : (tensor<1x4x2x4xf32>) -> tensor<1x4x8xf32>
  return %y : tensor<1x4x8xf32>
}

// Batch 2 with a per-batch [2, 1, 1, S] mask, and the merged heads reshaped
// straight to [B*S, C]: the mask reaches the folded op unchanged and the
// folded result is reshaped to the merge's type.
// CHECK-LABEL: func.func @attn_bert_batch2_flat_merge
// CHECK-NEXT: %[[A:.*]] = tfm.attention %arg0, %arg1, %arg2, %arg3 {num_heads = 2 : i64, scale = 0.353553385 : f32} : (tensor<2x4x8xf32>, tensor<2x4x8xf32>, tensor<2x4x8xf32>, tensor<2x1x1x4xf32>) -> tensor<2x4x8xf32>
// CHECK-NEXT: %[[Y:.*]] = tfm.reshape %[[A]] : (tensor<2x4x8xf32>) -> tensor<8x8xf32>
// CHECK-NEXT: return %[[Y]]
func.func @attn_bert_batch2_flat_merge(%xq: tensor<2x4x8xf32>, %xk: tensor<2x4x8xf32>, %xv: tensor<2x4x8xf32>, %mask: tensor<2x1x1x4xf32>) -> tensor<8x8xf32> {
  %rq = tfm.reshape %xq : (tensor<2x4x8xf32>) -> tensor<2x4x2x4xf32>
  %q = tfm.transpose %rq {perm = array<i64: 0, 2, 1, 3>} : (tensor<2x4x2x4xf32>) -> tensor<2x2x4x4xf32>
  %rk = tfm.reshape %xk : (tensor<2x4x8xf32>) -> tensor<2x4x2x4xf32>
  %k = tfm.transpose %rk {perm = array<i64: 0, 2, 1, 3>} : (tensor<2x4x2x4xf32>) -> tensor<2x2x4x4xf32>
  %rv = tfm.reshape %xv : (tensor<2x4x8xf32>) -> tensor<2x4x2x4xf32>
  %v = tfm.transpose %rv {perm = array<i64: 0, 2, 1, 3>} : (tensor<2x4x2x4xf32>) -> tensor<2x2x4x4xf32>
  %kt = tfm.transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<2x2x4x4xf32>) -> tensor<2x2x4x4xf32>
  %s = tfm.matmul %q, %kt : (tensor<2x2x4x4xf32>, tensor<2x2x4x4xf32>) -> tensor<2x2x4x4xf32>
  %c = tfm.constant dense<0.353553385> : tensor<f32>
  %ss = tfm.mul %c, %s : (tensor<f32>, tensor<2x2x4x4xf32>) -> tensor<2x2x4x4xf32>
  %sm = tfm.add %mask, %ss : (tensor<2x1x1x4xf32>, tensor<2x2x4x4xf32>) -> tensor<2x2x4x4xf32>
  %p = tfm.softmax %sm {axis = 3 : i64} : (tensor<2x2x4x4xf32>) -> tensor<2x2x4x4xf32>
  %o = tfm.matmul %p, %v : (tensor<2x2x4x4xf32>, tensor<2x2x4x4xf32>) -> tensor<2x2x4x4xf32>
  %ot = tfm.transpose %o {perm = array<i64: 0, 2, 1, 3>} : (tensor<2x2x4x4xf32>) -> tensor<2x4x2x4xf32>
  %y = tfm.reshape %ot : (tensor<2x4x2x4xf32>) -> tensor<8x8xf32>
  return %y : tensor<8x8xf32>
}

// GPT: q scaled before the matmul, causal mask as a select with -inf; the
// mask constant drops the condition's leading unit dims.
// CHECK-LABEL: func.func @attn_gpt
// CHECK-NEXT: %[[M:.*]] = tfm.constant dense<{{\[\[}}0.000000e+00, 0xFF800000, 0xFF800000, 0xFF800000], [0.000000e+00, 0.000000e+00, 0xFF800000, 0xFF800000], [0.000000e+00, 0.000000e+00, 0.000000e+00, 0xFF800000], [0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00]]> : tensor<4x4xf32>
// CHECK-NEXT: %[[A:.*]] = tfm.attention %arg0, %arg1, %arg2, %[[M]] {num_heads = 2 : i64, scale = 5.000000e-01 : f32} : (tensor<1x4x8xf32>, tensor<1x4x8xf32>, tensor<1x4x8xf32>, tensor<4x4xf32>) -> tensor<1x4x8xf32>
// CHECK-NEXT: return %[[A]]
func.func @attn_gpt(%xq: tensor<1x4x8xf32>, %xk: tensor<1x4x8xf32>, %xv: tensor<1x4x8xf32>) -> tensor<1x4x8xf32> {
  %rq = tfm.reshape %xq : (tensor<1x4x8xf32>) -> tensor<1x4x2x4xf32>
  %q = tfm.transpose %rq {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x4x2x4xf32>) -> tensor<1x2x4x4xf32>
  %rk = tfm.reshape %xk : (tensor<1x4x8xf32>) -> tensor<1x4x2x4xf32>
  %rv = tfm.reshape %xv : (tensor<1x4x8xf32>) -> tensor<1x4x2x4xf32>
  %v = tfm.transpose %rv {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x4x2x4xf32>) -> tensor<1x2x4x4xf32>
  %c = tfm.constant dense<5.000000e-01> : tensor<f32>
  %qs = tfm.mul %q, %c : (tensor<1x2x4x4xf32>, tensor<f32>) -> tensor<1x2x4x4xf32>
  %kt = tfm.transpose %rk {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x4x2x4xf32>) -> tensor<1x2x4x4xf32>
  %s = tfm.matmul %qs, %kt : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %cond = tfm.constant dense<[[[[false, true, true, true], [false, false, true, true], [false, false, false, true], [false, false, false, false]]]]> : tensor<1x1x4x4xi1>
  %ninf = tfm.constant dense<0xFF800000> : tensor<f32>
  %sm = tfm.select %cond, %ninf, %s : (tensor<1x1x4x4xi1>, tensor<f32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %p = tfm.softmax %sm {axis = 3 : i64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = tfm.matmul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %ot = tfm.transpose %o {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x2x4x4xf32>) -> tensor<1x4x2x4xf32>
  %y = tfm.reshape %ot : (tensor<1x4x2x4xf32>) -> tensor<1x4x8xf32>
  return %y : tensor<1x4x8xf32>
}

// nn.MultiheadAttention: sequence-first [S, B*H, D], q divided before the
// matmul, k through transpose [1, 2, 0].
// CHECK-LABEL: func.func @attn_mha
// CHECK: %[[RQ:.*]] = tfm.reshape %{{.*}} : (tensor<4x1x8xf32>) -> tensor<4x2x4xf32>
// CHECK-NEXT: %[[Q:.*]] = tfm.transpose %[[RQ]] {perm = array<i64: 1, 0, 2>}
// CHECK-NEXT: %[[RK:.*]] = tfm.reshape %{{.*}} : (tensor<4x1x8xf32>) -> tensor<4x2x4xf32>
// CHECK: %[[V:.*]] = tfm.transpose %{{.*}} {perm = array<i64: 1, 0, 2>}
// CHECK-NEXT: %[[K:.*]] = tfm.transpose %[[RK]] {perm = array<i64: 1, 0, 2>} : (tensor<4x2x4xf32>) -> tensor<2x4x4xf32>
// CHECK-NEXT: %[[A:.*]] = tfm.attention %[[Q]], %[[K]], %[[V]] {num_heads = 1 : i64, scale = 5.000000e-01 : f32} : (tensor<2x4x4xf32>, tensor<2x4x4xf32>, tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
// CHECK-NEXT: %[[T:.*]] = tfm.transpose %[[A]] {perm = array<i64: 1, 0, 2>}
// CHECK-NEXT: %[[Y:.*]] = tfm.reshape %[[T]] : (tensor<4x2x4xf32>) -> tensor<4x8xf32>
// CHECK-NEXT: return %[[Y]]
func.func @attn_mha(%x: tensor<4x1x24xf32>) -> tensor<4x8xf32> {
  %a = tfm.slice %x {offsets = array<i64: 0, 0, 0>, sizes = array<i64: 4, 1, 8>, strides = array<i64: 1, 1, 1>} : (tensor<4x1x24xf32>) -> tensor<4x1x8xf32>
  %b = tfm.slice %x {offsets = array<i64: 0, 0, 8>, sizes = array<i64: 4, 1, 8>, strides = array<i64: 1, 1, 1>} : (tensor<4x1x24xf32>) -> tensor<4x1x8xf32>
  %d = tfm.slice %x {offsets = array<i64: 0, 0, 16>, sizes = array<i64: 4, 1, 8>, strides = array<i64: 1, 1, 1>} : (tensor<4x1x24xf32>) -> tensor<4x1x8xf32>
  %rq = tfm.reshape %a : (tensor<4x1x8xf32>) -> tensor<4x2x4xf32>
  %q = tfm.transpose %rq {perm = array<i64: 1, 0, 2>} : (tensor<4x2x4xf32>) -> tensor<2x4x4xf32>
  %rk = tfm.reshape %b : (tensor<4x1x8xf32>) -> tensor<4x2x4xf32>
  %rv = tfm.reshape %d : (tensor<4x1x8xf32>) -> tensor<4x2x4xf32>
  %v = tfm.transpose %rv {perm = array<i64: 1, 0, 2>} : (tensor<4x2x4xf32>) -> tensor<2x4x4xf32>
  %c = tfm.constant dense<2.000000e+00> : tensor<f32>
  %qs = tfm.div %q, %c : (tensor<2x4x4xf32>, tensor<f32>) -> tensor<2x4x4xf32>
  %kt = tfm.transpose %rk {perm = array<i64: 1, 2, 0>} : (tensor<4x2x4xf32>) -> tensor<2x4x4xf32>
  %s = tfm.matmul %qs, %kt : (tensor<2x4x4xf32>, tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %p = tfm.softmax %s {axis = 2 : i64} : (tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %o = tfm.matmul %p, %v : (tensor<2x4x4xf32>, tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %ot = tfm.transpose %o {perm = array<i64: 1, 0, 2>} : (tensor<2x4x4xf32>) -> tensor<4x2x4xf32>
  %y = tfm.reshape %ot : (tensor<4x2x4xf32>) -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}

// kT is not a transpose: one is inserted; scales on q, kT and the scores all
// multiply into `scale`; a rank-2 constant mask needs no relayout.
// CHECK-LABEL: func.func @attn_scales_combined
// CHECK-NEXT: %[[M:.*]] = tfm.constant dense<{{\[\[}}0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, -1.000000e+04]
// CHECK-NEXT: %[[K:.*]] = tfm.transpose %arg1 {perm = array<i64: 0, 2, 1>} : (tensor<2x4x6xf32>) -> tensor<2x6x4xf32>
// CHECK-NEXT: %[[A:.*]] = tfm.attention %arg0, %[[K]], %arg2, %[[M]] {num_heads = 1 : i64, scale = 1.250000e-01 : f32} : (tensor<2x4x4xf32>, tensor<2x6x4xf32>, tensor<2x6x3xf32>, tensor<4x6xf32>) -> tensor<2x4x3xf32>
// CHECK-NEXT: return %[[A]]
func.func @attn_scales_combined(%q: tensor<2x4x4xf32>, %kt: tensor<2x4x6xf32>, %v: tensor<2x6x3xf32>) -> tensor<2x4x3xf32> {
  %half = tfm.constant dense<5.000000e-01> : tensor<1xf32>
  %two = tfm.constant dense<2.000000e+00> : tensor<f32>
  %m = tfm.constant dense<[[0.0, 0.0, 0.0, 0.0, 0.0, -1.0e4], [0.0, 0.0, 0.0, 0.0, -1.0e4, -1.0e4], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]]> : tensor<4x6xf32>
  %qs = tfm.mul %half, %q : (tensor<1xf32>, tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %ks = tfm.div %kt, %two : (tensor<2x4x6xf32>, tensor<f32>) -> tensor<2x4x6xf32>
  %s = tfm.matmul %qs, %ks : (tensor<2x4x4xf32>, tensor<2x4x6xf32>) -> tensor<2x4x6xf32>
  %ss = tfm.mul %s, %half : (tensor<2x4x6xf32>, tensor<1xf32>) -> tensor<2x4x6xf32>
  %sm = tfm.add %m, %ss : (tensor<4x6xf32>, tensor<2x4x6xf32>) -> tensor<2x4x6xf32>
  %p = tfm.softmax %sm {axis = 2 : i64} : (tensor<2x4x6xf32>) -> tensor<2x4x6xf32>
  %o = tfm.matmul %p, %v : (tensor<2x4x6xf32>, tensor<2x6x3xf32>) -> tensor<2x4x3xf32>
  return %o : tensor<2x4x3xf32>
}

// k transposed with an unrelated perm first: the transposes compose.
// CHECK-LABEL: func.func @attn_composed_k
// CHECK-NEXT: %[[K:.*]] = tfm.transpose %arg1 {perm = array<i64: 1, 0, 2>} : (tensor<4x2x4xf32>) -> tensor<2x4x4xf32>
// CHECK-NEXT: %[[A:.*]] = tfm.attention %arg0, %[[K]], %arg2 {num_heads = 1 : i64, scale = 1.000000e+00 : f32}
// CHECK-NEXT: return %[[A]]
func.func @attn_composed_k(%q: tensor<2x4x4xf32>, %k: tensor<4x2x4xf32>, %v: tensor<2x4x4xf32>) -> tensor<2x4x4xf32> {
  %kt = tfm.transpose %k {perm = array<i64: 1, 2, 0>} : (tensor<4x2x4xf32>) -> tensor<2x4x4xf32>
  %s = tfm.matmul %q, %kt : (tensor<2x4x4xf32>, tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %p = tfm.softmax %s {axis = 2 : i64} : (tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %o = tfm.matmul %p, %v : (tensor<2x4x4xf32>, tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  return %o : tensor<2x4x4xf32>
}

// A scale applied to k before its transpose joins `scale` too; k itself
// is K.
// CHECK-LABEL: func.func @attn_scale_under_k_transpose
// CHECK-NEXT: %[[A:.*]] = tfm.attention %arg0, %arg1, %arg2 {num_heads = 1 : i64, scale = 2.500000e-01 : f32} : (tensor<2x4x4xf32>, tensor<2x5x4xf32>, tensor<2x5x4xf32>) -> tensor<2x4x4xf32>
// CHECK-NEXT: return %[[A]]
func.func @attn_scale_under_k_transpose(%q: tensor<2x4x4xf32>, %k: tensor<2x5x4xf32>, %v: tensor<2x5x4xf32>) -> tensor<2x4x4xf32> {
  %c = tfm.constant dense<5.000000e-01> : tensor<f32>
  %ks = tfm.mul %k, %c : (tensor<2x5x4xf32>, tensor<f32>) -> tensor<2x5x4xf32>
  %kt = tfm.transpose %ks {perm = array<i64: 0, 2, 1>} : (tensor<2x5x4xf32>) -> tensor<2x4x5xf32>
  %qs = tfm.mul %q, %c : (tensor<2x4x4xf32>, tensor<f32>) -> tensor<2x4x4xf32>
  %s = tfm.matmul %qs, %kt : (tensor<2x4x4xf32>, tensor<2x4x5xf32>) -> tensor<2x4x5xf32>
  %p = tfm.softmax %s {axis = 2 : i64} : (tensor<2x4x5xf32>) -> tensor<2x4x5xf32>
  %o = tfm.matmul %p, %v : (tensor<2x4x5xf32>, tensor<2x5x4xf32>) -> tensor<2x4x4xf32>
  return %o : tensor<2x4x4xf32>
}

// A scaled q that is also used elsewhere stays as it is: the attention
// takes the scaled q and only the scores' scale.
// CHECK-LABEL: func.func @attn_shared_scaled_q
// CHECK: %[[QS:.*]] = tfm.mul %arg0, %{{.*}}
// CHECK: %[[A:.*]] = tfm.attention %[[QS]], %{{.*}}, %arg2 {num_heads = 1 : i64, scale = 2.000000e+00 : f32}
// CHECK-NEXT: return %[[A]], %[[QS]]
func.func @attn_shared_scaled_q(%q: tensor<2x4x4xf32>, %kt: tensor<2x4x4xf32>, %v: tensor<2x4x4xf32>) -> (tensor<2x4x4xf32>, tensor<2x4x4xf32>) {
  %c = tfm.constant dense<5.000000e-01> : tensor<f32>
  %two = tfm.constant dense<2.000000e+00> : tensor<f32>
  %qs = tfm.mul %q, %c : (tensor<2x4x4xf32>, tensor<f32>) -> tensor<2x4x4xf32>
  %s = tfm.matmul %qs, %kt : (tensor<2x4x4xf32>, tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %ss = tfm.mul %s, %two : (tensor<2x4x4xf32>, tensor<f32>) -> tensor<2x4x4xf32>
  %p = tfm.softmax %ss {axis = 2 : i64} : (tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %o = tfm.matmul %p, %v : (tensor<2x4x4xf32>, tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  return %o, %qs : tensor<2x4x4xf32>, tensor<2x4x4xf32>
}

// select(cond, scores, fill): masked where cond is false; finite fill is
// accepted because every row keeps an element.
// CHECK-LABEL: func.func @attn_select_keep
// CHECK-NEXT: %[[M:.*]] = tfm.constant dense<{{\[\[}}0.000000e+00, -1.000000e+09, -1.000000e+09], [0.000000e+00, 0.000000e+00, -1.000000e+09], [0.000000e+00, 0.000000e+00, 0.000000e+00]]> : tensor<3x3xf32>
// CHECK-NEXT: %[[A:.*]] = tfm.attention %arg0, %arg1, %arg2, %[[M]] {num_heads = 1 : i64, scale = 1.000000e+00 : f32}
// CHECK-NEXT: return %[[A]]
func.func @attn_select_keep(%q: tensor<1x2x3x4xf32>, %k: tensor<1x2x3x4xf32>, %v: tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32> {
  %kt = tfm.transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x3x4xf32>) -> tensor<1x2x4x3xf32>
  %s = tfm.matmul %q, %kt : (tensor<1x2x3x4xf32>, tensor<1x2x4x3xf32>) -> tensor<1x2x3x3xf32>
  %keep = tfm.constant dense<[[true, false, false], [true, true, false], [true, true, true]]> : tensor<3x3xi1>
  %fill = tfm.constant dense<-1.000000e+09> : tensor<f32>
  %sm = tfm.select %keep, %s, %fill : (tensor<3x3xi1>, tensor<1x2x3x3xf32>, tensor<f32>) -> tensor<1x2x3x3xf32>
  %p = tfm.softmax %sm {axis = 3 : i64} : (tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
  %o = tfm.matmul %p, %v : (tensor<1x2x3x3xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  return %o : tensor<1x2x3x4xf32>
}

// A computed condition with a -inf fill becomes a computed additive mask.
// CHECK-LABEL: func.func @attn_select_computed
// CHECK-DAG: %[[NINF:.*]] = tfm.constant dense<0xFF800000> : tensor<f32>
// CHECK-DAG: %[[ZERO:.*]] = tfm.constant dense<0.000000e+00> : tensor<f32>
// CHECK: %[[S:.*]] = tfm.select %arg3, %[[NINF]], %[[ZERO]] : (tensor<1x1x1x3xi1>, tensor<f32>, tensor<f32>) -> tensor<1x1x1x3xf32>
// CHECK-NEXT: %[[M:.*]] = tfm.reshape %[[S]] : (tensor<1x1x1x3xf32>) -> tensor<1x1x1x1x3xf32>
// CHECK-NEXT: %[[A:.*]] = tfm.attention %arg0, %arg1, %arg2, %[[M]] {num_heads = 1 : i64, scale = 1.000000e+00 : f32} : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x1x1x1x3xf32>) -> tensor<1x2x3x4xf32>
// CHECK-NEXT: return %[[A]]
func.func @attn_select_computed(%q: tensor<1x2x3x4xf32>, %k: tensor<1x2x3x4xf32>, %v: tensor<1x2x3x4xf32>, %cond: tensor<1x1x1x3xi1>) -> tensor<1x2x3x4xf32> {
  %kt = tfm.transpose %k {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x2x3x4xf32>) -> tensor<1x2x4x3xf32>
  %s = tfm.matmul %q, %kt : (tensor<1x2x3x4xf32>, tensor<1x2x4x3xf32>) -> tensor<1x2x3x3xf32>
  %fill = tfm.constant dense<0xFF800000> : tensor<f32>
  %sm = tfm.select %cond, %fill, %s : (tensor<1x1x1x3xi1>, tensor<f32>, tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
  %p = tfm.softmax %sm {axis = 3 : i64} : (tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
  %o = tfm.matmul %p, %v : (tensor<1x2x3x3xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  return %o : tensor<1x2x3x4xf32>
}

// A per-batch condition held in a resource blob (batch 2, broadcast over
// the 2 heads): the mask keeps its batch dim and gets the unit head dim
// tfm.attention with num_heads = 1 expects ([2, 1, 1, 3, 3]).
// CHECK-LABEL: func.func @attn_select_resource_cond
// CHECK-NEXT: %[[M:.*]] = tfm.constant dense<{{\[\[\[\[\[}}0.000000e+00, 0xFF800000, 0.000000e+00]{{.*}} : tensor<2x1x1x3x3xf32>
// CHECK-NEXT: %[[K:.*]] = tfm.transpose %arg1 {perm = array<i64: 0, 1, 3, 2>}
// CHECK-NEXT: %[[A:.*]] = tfm.attention %arg0, %[[K]], %arg2, %[[M]] {num_heads = 1 : i64, scale = 1.000000e+00 : f32} : (tensor<2x2x3x4xf32>, tensor<2x2x3x4xf32>, tensor<2x2x3x4xf32>, tensor<2x1x1x3x3xf32>) -> tensor<2x2x3x4xf32>
// CHECK-NEXT: return %[[A]]
func.func @attn_select_resource_cond(%q: tensor<2x2x3x4xf32>, %kt: tensor<2x2x4x3xf32>, %v: tensor<2x2x3x4xf32>) -> tensor<2x2x3x4xf32> {
  %s = tfm.matmul %q, %kt : (tensor<2x2x3x4xf32>, tensor<2x2x4x3xf32>) -> tensor<2x2x3x3xf32>
  %cond = tfm.constant dense_resource<pad_cond> : tensor<2x1x3x3xi1>
  %fill = tfm.constant dense<0xFF800000> : tensor<1xf32>
  %sm = tfm.select %cond, %fill, %s : (tensor<2x1x3x3xi1>, tensor<1xf32>, tensor<2x2x3x3xf32>) -> tensor<2x2x3x3xf32>
  %p = tfm.softmax %sm {axis = 3 : i64} : (tensor<2x2x3x3xf32>) -> tensor<2x2x3x3xf32>
  %o = tfm.matmul %p, %v : (tensor<2x2x3x3xf32>, tensor<2x2x3x4xf32>) -> tensor<2x2x3x4xf32>
  return %o : tensor<2x2x3x4xf32>
}

// A condition that masks nothing adds no mask.
// CHECK-LABEL: func.func @attn_select_masks_nothing
// CHECK-NEXT: %[[K:.*]] = tfm.transpose %arg1
// CHECK-NEXT: %[[A:.*]] = tfm.attention %arg0, %[[K]], %arg2 {num_heads = 1 : i64, scale = 1.000000e+00 : f32} : (tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
func.func @attn_select_masks_nothing(%q: tensor<2x3x4xf32>, %kt: tensor<2x4x3xf32>, %v: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %s = tfm.matmul %q, %kt : (tensor<2x3x4xf32>, tensor<2x4x3xf32>) -> tensor<2x3x3xf32>
  %cond = tfm.constant dense<false> : tensor<3x3xi1>
  %fill = tfm.constant dense<-1.000000e+04> : tensor<f32>
  %sm = tfm.select %cond, %fill, %s : (tensor<3x3xi1>, tensor<f32>, tensor<2x3x3xf32>) -> tensor<2x3x3xf32>
  %p = tfm.softmax %sm {axis = 2 : i64} : (tensor<2x3x3xf32>) -> tensor<2x3x3xf32>
  %o = tfm.matmul %p, %v : (tensor<2x3x3xf32>, tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %o : tensor<2x3x4xf32>
}

// Near misses: each of these leaves the graph alone.

// Softmax over the query axis, not the key axis.
// CHECK-LABEL: func.func @attn_softmax_wrong_axis
// CHECK-NOT: tfm.attention
// CHECK: return
func.func @attn_softmax_wrong_axis(%q: tensor<2x4x4xf32>, %kt: tensor<2x4x4xf32>, %v: tensor<2x4x4xf32>) -> tensor<2x4x4xf32> {
  %s = tfm.matmul %q, %kt : (tensor<2x4x4xf32>, tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %p = tfm.softmax %s {axis = 1 : i64} : (tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %o = tfm.matmul %p, %v : (tensor<2x4x4xf32>, tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  return %o : tensor<2x4x4xf32>
}

// The scores are also returned.
// CHECK-LABEL: func.func @attn_scores_used_elsewhere
// CHECK-NOT: tfm.attention
// CHECK: return
func.func @attn_scores_used_elsewhere(%q: tensor<2x4x4xf32>, %kt: tensor<2x4x4xf32>, %v: tensor<2x4x4xf32>) -> (tensor<2x4x4xf32>, tensor<2x4x4xf32>) {
  %c = tfm.constant dense<5.000000e-01> : tensor<f32>
  %s = tfm.matmul %q, %kt : (tensor<2x4x4xf32>, tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %ss = tfm.mul %s, %c : (tensor<2x4x4xf32>, tensor<f32>) -> tensor<2x4x4xf32>
  %p = tfm.softmax %ss {axis = 2 : i64} : (tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %o = tfm.matmul %p, %v : (tensor<2x4x4xf32>, tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  return %o, %s : tensor<2x4x4xf32>, tensor<2x4x4xf32>
}

// The probabilities are also returned (need_weights).
// CHECK-LABEL: func.func @attn_probs_used_elsewhere
// CHECK-NOT: tfm.attention
// CHECK: return
func.func @attn_probs_used_elsewhere(%q: tensor<2x4x4xf32>, %kt: tensor<2x4x4xf32>, %v: tensor<2x4x4xf32>) -> (tensor<2x4x4xf32>, tensor<2x4x4xf32>) {
  %s = tfm.matmul %q, %kt : (tensor<2x4x4xf32>, tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %p = tfm.softmax %s {axis = 2 : i64} : (tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %o = tfm.matmul %p, %v : (tensor<2x4x4xf32>, tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  return %o, %p : tensor<2x4x4xf32>, tensor<2x4x4xf32>
}

// The masked scores are also returned.
// CHECK-LABEL: func.func @attn_masked_scores_used_elsewhere
// CHECK-NOT: tfm.attention
// CHECK: return
func.func @attn_masked_scores_used_elsewhere(%q: tensor<2x4x4xf32>, %kt: tensor<2x4x4xf32>, %v: tensor<2x4x4xf32>, %m: tensor<4x4xf32>) -> (tensor<2x4x4xf32>, tensor<2x4x4xf32>) {
  %s = tfm.matmul %q, %kt : (tensor<2x4x4xf32>, tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %sm = tfm.add %s, %m : (tensor<2x4x4xf32>, tensor<4x4xf32>) -> tensor<2x4x4xf32>
  %p = tfm.softmax %sm {axis = 2 : i64} : (tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %o = tfm.matmul %p, %v : (tensor<2x4x4xf32>, tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  return %o, %sm : tensor<2x4x4xf32>, tensor<2x4x4xf32>
}

// Batch dims broadcast in the first matmul (one k for two heads).
// CHECK-LABEL: func.func @attn_broadcast_batch
// CHECK-NOT: tfm.attention
// CHECK: return
func.func @attn_broadcast_batch(%q: tensor<2x4x4xf32>, %kt: tensor<1x4x4xf32>, %v: tensor<2x4x4xf32>) -> tensor<2x4x4xf32> {
  %s = tfm.matmul %q, %kt : (tensor<2x4x4xf32>, tensor<1x4x4xf32>) -> tensor<2x4x4xf32>
  %p = tfm.softmax %s {axis = 2 : i64} : (tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %o = tfm.matmul %p, %v : (tensor<2x4x4xf32>, tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  return %o : tensor<2x4x4xf32>
}

// Batch dims broadcast in the second matmul (one v for two heads).
// CHECK-LABEL: func.func @attn_broadcast_value
// CHECK-NOT: tfm.attention
// CHECK: return
func.func @attn_broadcast_value(%q: tensor<2x4x4xf32>, %kt: tensor<2x4x4xf32>, %v: tensor<4x4xf32>) -> tensor<2x4x4xf32> {
  %s = tfm.matmul %q, %kt : (tensor<2x4x4xf32>, tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %p = tfm.softmax %s {axis = 2 : i64} : (tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %o = tfm.matmul %p, %v : (tensor<2x4x4xf32>, tensor<4x4xf32>) -> tensor<2x4x4xf32>
  return %o : tensor<2x4x4xf32>
}

// A per-position (non-uniform) scale is not an attention scale.
// CHECK-LABEL: func.func @attn_nonuniform_scale
// CHECK-NOT: tfm.attention
// CHECK: return
func.func @attn_nonuniform_scale(%q: tensor<2x4x4xf32>, %kt: tensor<2x4x4xf32>, %v: tensor<2x4x4xf32>) -> tensor<2x4x4xf32> {
  %c = tfm.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %s = tfm.matmul %q, %kt : (tensor<2x4x4xf32>, tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %ss = tfm.mul %s, %c : (tensor<2x4x4xf32>, tensor<4xf32>) -> tensor<2x4x4xf32>
  %p = tfm.softmax %ss {axis = 2 : i64} : (tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %o = tfm.matmul %p, %v : (tensor<2x4x4xf32>, tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  return %o : tensor<2x4x4xf32>
}

// The scale is applied after the mask: (s + m) * c is not s * c + m.
// CHECK-LABEL: func.func @attn_scale_after_mask
// CHECK-NOT: tfm.attention
// CHECK: return
func.func @attn_scale_after_mask(%q: tensor<2x4x4xf32>, %kt: tensor<2x4x4xf32>, %v: tensor<2x4x4xf32>, %m: tensor<4x4xf32>) -> tensor<2x4x4xf32> {
  %c = tfm.constant dense<5.000000e-01> : tensor<f32>
  %s = tfm.matmul %q, %kt : (tensor<2x4x4xf32>, tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %sm = tfm.add %s, %m : (tensor<2x4x4xf32>, tensor<4x4xf32>) -> tensor<2x4x4xf32>
  %ss = tfm.mul %sm, %c : (tensor<2x4x4xf32>, tensor<f32>) -> tensor<2x4x4xf32>
  %p = tfm.softmax %ss {axis = 2 : i64} : (tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %o = tfm.matmul %p, %v : (tensor<2x4x4xf32>, tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  return %o : tensor<2x4x4xf32>
}

// A mask that broadcasts the scores to a larger shape.
// CHECK-LABEL: func.func @attn_mask_enlarges_scores
// CHECK-NOT: tfm.attention
// CHECK: return
func.func @attn_mask_enlarges_scores(%q: tensor<2x4x4xf32>, %kt: tensor<2x4x4xf32>, %v: tensor<3x2x4x4xf32>, %m: tensor<3x1x4x4xf32>) -> tensor<3x2x4x4xf32> {
  %s = tfm.matmul %q, %kt : (tensor<2x4x4xf32>, tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %sm = tfm.add %s, %m : (tensor<2x4x4xf32>, tensor<3x1x4x4xf32>) -> tensor<3x2x4x4xf32>
  %p = tfm.softmax %sm {axis = 3 : i64} : (tensor<3x2x4x4xf32>) -> tensor<3x2x4x4xf32>
  %o = tfm.matmul %p, %v : (tensor<3x2x4x4xf32>, tensor<3x2x4x4xf32>) -> tensor<3x2x4x4xf32>
  return %o : tensor<3x2x4x4xf32>
}

// select with a small finite fill replaces scores, it does not mask them.
// CHECK-LABEL: func.func @attn_select_small_fill
// CHECK-NOT: tfm.attention
// CHECK: return
func.func @attn_select_small_fill(%q: tensor<2x3x4xf32>, %kt: tensor<2x4x3xf32>, %v: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %s = tfm.matmul %q, %kt : (tensor<2x3x4xf32>, tensor<2x4x3xf32>) -> tensor<2x3x3xf32>
  %cond = tfm.constant dense<[[false, true, true], [false, false, true], [false, false, false]]> : tensor<3x3xi1>
  %fill = tfm.constant dense<-5.000000e+00> : tensor<f32>
  %sm = tfm.select %cond, %fill, %s : (tensor<3x3xi1>, tensor<f32>, tensor<2x3x3xf32>) -> tensor<2x3x3xf32>
  %p = tfm.softmax %sm {axis = 2 : i64} : (tensor<2x3x3xf32>) -> tensor<2x3x3xf32>
  %o = tfm.matmul %p, %v : (tensor<2x3x3xf32>, tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %o : tensor<2x3x4xf32>
}

// A finite fill on a fully masked row: select gives a uniform row, an
// additive mask would give softmax(s).
// CHECK-LABEL: func.func @attn_select_full_row_masked
// CHECK-NOT: tfm.attention
// CHECK: return
func.func @attn_select_full_row_masked(%q: tensor<2x3x4xf32>, %kt: tensor<2x4x3xf32>, %v: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %s = tfm.matmul %q, %kt : (tensor<2x3x4xf32>, tensor<2x4x3xf32>) -> tensor<2x3x3xf32>
  %cond = tfm.constant dense<[[true, true, true], [false, false, true], [false, false, false]]> : tensor<3x3xi1>
  %fill = tfm.constant dense<-1.000000e+04> : tensor<f32>
  %sm = tfm.select %cond, %fill, %s : (tensor<3x3xi1>, tensor<f32>, tensor<2x3x3xf32>) -> tensor<2x3x3xf32>
  %p = tfm.softmax %sm {axis = 2 : i64} : (tensor<2x3x3xf32>) -> tensor<2x3x3xf32>
  %o = tfm.matmul %p, %v : (tensor<2x3x3xf32>, tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %o : tensor<2x3x4xf32>
}

// A computed condition with a finite fill cannot be checked for fully
// masked rows.
// CHECK-LABEL: func.func @attn_select_computed_finite_fill
// CHECK-NOT: tfm.attention
// CHECK: return
func.func @attn_select_computed_finite_fill(%q: tensor<2x3x4xf32>, %kt: tensor<2x4x3xf32>, %v: tensor<2x3x4xf32>, %cond: tensor<3x3xi1>) -> tensor<2x3x4xf32> {
  %s = tfm.matmul %q, %kt : (tensor<2x3x4xf32>, tensor<2x4x3xf32>) -> tensor<2x3x3xf32>
  %fill = tfm.constant dense<-1.000000e+04> : tensor<f32>
  %sm = tfm.select %cond, %fill, %s : (tensor<3x3xi1>, tensor<f32>, tensor<2x3x3xf32>) -> tensor<2x3x3xf32>
  %p = tfm.softmax %sm {axis = 2 : i64} : (tensor<2x3x3xf32>) -> tensor<2x3x3xf32>
  %o = tfm.matmul %p, %v : (tensor<2x3x3xf32>, tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %o : tensor<2x3x4xf32>
}

// Head folding near misses: the core is raised with num_heads = 1, the
// head split/merge stays.

// v does not come from a head split.
// CHECK-LABEL: func.func @fold_value_not_split
// CHECK: tfm.attention %{{.*}}, %{{.*}}, %arg2 {num_heads = 1 : i64, scale = 5.000000e-01 : f32}
// CHECK: tfm.reshape %{{.*}} : (tensor<1x4x2x4xf32>) -> tensor<1x4x8xf32>
func.func @fold_value_not_split(%xq: tensor<1x4x8xf32>, %xk: tensor<1x4x8xf32>, %v: tensor<1x2x4x4xf32>) -> tensor<1x4x8xf32> {
  %rq = tfm.reshape %xq : (tensor<1x4x8xf32>) -> tensor<1x4x2x4xf32>
  %q = tfm.transpose %rq {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x4x2x4xf32>) -> tensor<1x2x4x4xf32>
  %rk = tfm.reshape %xk : (tensor<1x4x8xf32>) -> tensor<1x4x2x4xf32>
  %kt = tfm.transpose %rk {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x4x2x4xf32>) -> tensor<1x2x4x4xf32>
  %s = tfm.matmul %q, %kt : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %c = tfm.constant dense<5.000000e-01> : tensor<f32>
  %ss = tfm.mul %s, %c : (tensor<1x2x4x4xf32>, tensor<f32>) -> tensor<1x2x4x4xf32>
  %p = tfm.softmax %ss {axis = 3 : i64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = tfm.matmul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %ot = tfm.transpose %o {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x2x4x4xf32>) -> tensor<1x4x2x4xf32>
  %y = tfm.reshape %ot : (tensor<1x4x2x4xf32>) -> tensor<1x4x8xf32>
  return %y : tensor<1x4x8xf32>
}

// The merged-heads transpose is also used elsewhere.
// CHECK-LABEL: func.func @fold_merge_used_elsewhere
// CHECK: tfm.attention %{{.*}}, %{{.*}}, %{{.*}} {num_heads = 1 : i64, scale = 5.000000e-01 : f32}
// CHECK: tfm.reshape %{{.*}} : (tensor<1x4x2x4xf32>) -> tensor<1x4x8xf32>
func.func @fold_merge_used_elsewhere(%xq: tensor<1x4x8xf32>, %xk: tensor<1x4x8xf32>, %xv: tensor<1x4x8xf32>) -> (tensor<1x4x8xf32>, tensor<1x4x2x4xf32>) {
  %rq = tfm.reshape %xq : (tensor<1x4x8xf32>) -> tensor<1x4x2x4xf32>
  %q = tfm.transpose %rq {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x4x2x4xf32>) -> tensor<1x2x4x4xf32>
  %rk = tfm.reshape %xk : (tensor<1x4x8xf32>) -> tensor<1x4x2x4xf32>
  %kt = tfm.transpose %rk {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x4x2x4xf32>) -> tensor<1x2x4x4xf32>
  %rv = tfm.reshape %xv : (tensor<1x4x8xf32>) -> tensor<1x4x2x4xf32>
  %v = tfm.transpose %rv {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x4x2x4xf32>) -> tensor<1x2x4x4xf32>
  %s = tfm.matmul %q, %kt : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %c = tfm.constant dense<5.000000e-01> : tensor<f32>
  %ss = tfm.mul %s, %c : (tensor<1x2x4x4xf32>, tensor<f32>) -> tensor<1x2x4x4xf32>
  %p = tfm.softmax %ss {axis = 3 : i64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = tfm.matmul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %ot = tfm.transpose %o {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x2x4x4xf32>) -> tensor<1x4x2x4xf32>
  %y = tfm.reshape %ot : (tensor<1x4x2x4xf32>) -> tensor<1x4x8xf32>
  return %y, %ot : tensor<1x4x8xf32>, tensor<1x4x2x4xf32>
}

// k's reshape does not split the last dim of a [B, S, H*D] tensor: its
// input is [1, 8, 4], so there is no packed k to hand to the attention.
// CHECK-LABEL: func.func @fold_heads_differ
// CHECK: tfm.attention %{{.*}}, %{{.*}}, %{{.*}} {num_heads = 1 : i64
// CHECK: tfm.reshape %{{.*}} : (tensor<1x4x2x4xf32>) -> tensor<1x4x8xf32>
func.func @fold_heads_differ(%xq: tensor<1x4x8xf32>, %xk: tensor<1x8x4xf32>, %xv: tensor<1x4x8xf32>) -> tensor<1x4x8xf32> {
  %rq = tfm.reshape %xq : (tensor<1x4x8xf32>) -> tensor<1x4x2x4xf32>
  %q = tfm.transpose %rq {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x4x2x4xf32>) -> tensor<1x2x4x4xf32>
  %rk = tfm.reshape %xk : (tensor<1x8x4xf32>) -> tensor<1x4x2x4xf32>
  %kt = tfm.transpose %rk {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x4x2x4xf32>) -> tensor<1x2x4x4xf32>
  %rv = tfm.reshape %xv : (tensor<1x4x8xf32>) -> tensor<1x4x2x4xf32>
  %v = tfm.transpose %rv {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x4x2x4xf32>) -> tensor<1x2x4x4xf32>
  %s = tfm.matmul %q, %kt : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %p = tfm.softmax %s {axis = 3 : i64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %o = tfm.matmul %p, %v : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %ot = tfm.transpose %o {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x2x4x4xf32>) -> tensor<1x4x2x4xf32>
  %y = tfm.reshape %ot : (tensor<1x4x2x4xf32>) -> tensor<1x4x8xf32>
  return %y : tensor<1x4x8xf32>
}

{-#
  dialect_resources: {
    builtin: {
      pad_cond: "0x01000000000100000100000100000001000001000001"
    }
  }
#-}
