// RUN: tcc-opt %s --tfm-tile-for-cache | FileCheck %s --check-prefix=L2
// RUN: tcc-opt %s --tfm-tile-for-cache=cache-bytes=65536 | FileCheck %s --check-prefix=SMALL
// RUN: tcc-opt %s --tfm-tile-for-cache="cache-bytes=65536 memory-budget=32768" | FileCheck %s --check-prefix=BUDGET
// RUN: tcc-opt %s --tfm-tile-for-cache="isa=avx512 cache-bytes=65536" --tfm-use-cpu-kernels=isa=avx512 | FileCheck %s --check-prefix=CALL
// Before: a ViT-sized attention (197 tokens, 3 heads of 64). After: the
// tile sizes on the op, then passed to the kernel.

// A 1 MiB L2 holds the default tile (64 query rows x all 197 keys).
// L2: tfm.attention {{.*}}tfm.tile = array<i64: 64, 197>
// 64 KiB (an Arm core's L1, a small device's SRAM): keys halved to 99,
// then 50, until 4 (bq bk + bk (dk + dv) + bq (dk + dv)) <= 32 KiB.
// SMALL: tfm.attention {{.*}}tfm.tile = array<i64: 32, 25>
// A 32 KiB budget caps the per-thread scratch at 8 KiB as well.
// BUDGET: tfm.attention {{.*}}tfm.tile = array<i64: 16, 13>
// CALL: %[[BQ:.*]] = arith.constant 32 : i64
// CALL: %[[BK:.*]] = arith.constant 25 : i64
// CALL: tfm.kernel_call @tcc_attention_f32_avx512({{.*}}, %[[BQ]], %[[BK]], %{{.*}})
func.func @vit_attention(%q: tensor<1x197x192xf32>, %k: tensor<1x197x192xf32>, %v: tensor<1x197x192xf32>) -> tensor<1x197x192xf32> {
  %0 = tfm.attention %q, %k, %v {num_heads = 3 : i64, scale = 0.125 : f32} : (tensor<1x197x192xf32>, tensor<1x197x192xf32>, tensor<1x197x192xf32>) -> tensor<1x197x192xf32>
  return %0 : tensor<1x197x192xf32>
}
