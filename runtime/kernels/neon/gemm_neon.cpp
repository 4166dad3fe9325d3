//===- gemm_neon.cpp - AArch64 NEON FP32 GEMM microkernel -----------------===//
//
// Built only for AArch64 (Advanced SIMD is part of the base ISA there, so no
// extra -m flag and no run-time check is needed). Register-blocked outer
// product, 8 x 8: per row two 4-float accumulators (16 of the 32 v
// registers), A read in place four k steps at a time (one `ldr q` per row
// holds A[r][k..k+3]) and consumed by the lane-indexed FMA
// `fmla vAcc.4s, vB.4s, vA.s[lane]`, which needs no broadcast: per 4 k steps
// 8 A loads + 8 B loads feed 64 FMAs (0.25 loads per FMA), and 16 + 8 + 2
// = 26 of the 32 registers are live. The k tail (kc % 4) uses the
// scalar-operand FMA (`fmla v.4s, v.4s, v.s[0]` after a scalar load).
//
// Same driver (gemm_driver.h), blocking rules and portable packer as the x86
// kernels; NR = 8, so the packed-B layout equals the generic one.
// int8 (SDOT) and binary (CNT) kernels are meant to join as further files in
// this folder with their own tcc_isa values.
//
//===----------------------------------------------------------------------===//
#include <arm_neon.h>

#include "gemm_driver.h"

namespace tcc_kernels {
namespace {

struct NeonKernel {
  static constexpr int MR = TCC_GEMM_NEON_MR;
  static constexpr int NR = TCC_GEMM_NEON_NR;
  static constexpr int64_t KC = TCC_GEMM_NEON_KC;
  static constexpr int64_t NC = TCC_GEMM_NEON_NC;
  static_assert(NR == 8, "two 4-float vectors per row");
  static_assert(MR <= 8, "16 accumulators + MR A vectors + 2 B vectors");

  // One k step of the 4-step group: B row k0 + Lane against lane Lane of
  // each row's A vector (the lane must be an immediate, hence the template).
  template <int Lane, int R, int NV>
  static inline void step(const float *B, const float32x4_t (&a)[R],
                          float32x4_t (&acc)[R][NV]) {
    float32x4_t b[NV];
#pragma GCC unroll 2
    for (int v = 0; v < NV; ++v)
      b[v] = vld1q_f32(B + Lane * NR + 4 * v);
#pragma GCC unroll 8
    for (int r = 0; r < R; ++r)
#pragma GCC unroll 2
      for (int v = 0; v < NV; ++v)
        acc[r][v] = vfmaq_laneq_f32(acc[r][v], b[v], a[r], Lane);
  }

  template <int R, bool Half>
  static void tile(int64_t kc, const float *A, int64_t lda, const float *B,
                   float *C, int64_t ldc, int64_t ncols, const float *bias,
                   bool loadC) {
    // Vectors per row: 2 (8 columns), or 1 when at most 4 columns are valid.
    constexpr int NV = Half ? 1 : 2;
    float32x4_t acc[R][NV];
#pragma GCC unroll 8
    for (int r = 0; r < R; ++r)
#pragma GCC unroll 2
      for (int v = 0; v < NV; ++v)
        acc[r][v] = vdupq_n_f32(0.0f);
    int64_t k = 0;
    for (; k + 4 <= kc; k += 4) {
      float32x4_t a[R];
#pragma GCC unroll 8
      for (int r = 0; r < R; ++r)
        a[r] = vld1q_f32(A + r * lda + k);
      const float *b = B + k * NR;
      step<0>(b, a, acc);
      step<1>(b, a, acc);
      step<2>(b, a, acc);
      step<3>(b, a, acc);
    }
    for (; k < kc; ++k) {
      float32x4_t b[NV];
#pragma GCC unroll 2
      for (int v = 0; v < NV; ++v)
        b[v] = vld1q_f32(B + k * NR + 4 * v);
#pragma GCC unroll 8
      for (int r = 0; r < R; ++r) {
        const float av = A[r * lda + k];
#pragma GCC unroll 2
        for (int v = 0; v < NV; ++v)
          acc[r][v] = vfmaq_n_f32(acc[r][v], b[v], av);
      }
    }
    // Epilogue: full vectors where all their columns are valid, else per
    // element through a copy, so nothing past column ncols is touched.
    for (int r = 0; r < R; ++r) {
      float *c = C + r * ldc;
      if (ncols == 4 * NV) {
#pragma GCC unroll 2
        for (int v = 0; v < NV; ++v) {
          float32x4_t x = acc[r][v];
          if (bias)
            x = vaddq_f32(x, vld1q_f32(bias + 4 * v));
          if (loadC)
            x = vaddq_f32(x, vld1q_f32(c + 4 * v));
          vst1q_f32(c + 4 * v, x);
        }
        continue;
      }
      float row[4 * NV];
#pragma GCC unroll 2
      for (int v = 0; v < NV; ++v)
        vst1q_f32(row + 4 * v, acc[r][v]);
      for (int64_t j = 0; j < ncols; ++j) {
        float x = row[j];
        if (bias)
          x += bias[j];
        if (loadC)
          x += c[j];
        c[j] = x;
      }
    }
  }
};

}  // namespace
}  // namespace tcc_kernels

using tcc_kernels::NeonKernel;

extern "C" void tcc_gemm_f32_neon(int64_t M, int64_t N, int64_t K,
                                  const float *A, int64_t lda,
                                  const float *packedB, const float *bias,
                                  float *C, int64_t ldc, int accumulate) {
  tcc_kernels::gemmPacked<NeonKernel>(M, N, K, A, lda, packedB, bias, C, ldc,
                                      accumulate);
}

extern "C" void tcc_gemm_f32_unpacked_neon(
    int64_t M, int64_t N, int64_t K, const float *A, int64_t lda,
    const float *B, int64_t ldb, tcc_gemm_b_layout b_layout,
    const float *bias, float *C, int64_t ldc, int accumulate,
    float *scratch) {
  tcc_kernels::gemmUnpacked<NeonKernel>(M, N, K, A, lda, B, ldb, b_layout,
                                        bias, C, ldc, accumulate, scratch);
}
