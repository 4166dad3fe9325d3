//===- gemm_neon.cpp - AArch64 NEON FP32 GEMM microkernel -----------------===//
//
// Built only for AArch64 (Advanced SIMD is part of the base ISA there, so no
// extra -m flag and no run-time check is needed). Register-blocked outer
// product, 6 x 8: per row two 4-float accumulators (12 of the 32 v
// registers), A read in place four k steps at a time (one `ldr q` per row
// holds A[r][k..k+3]) and consumed by the lane-indexed FMA
// `fmla vAcc.4s, vB.4s, vA.s[lane]`, which needs no broadcast: per 4 k steps
// 6 A loads + 8 B loads feed 48 FMAs (0.29 loads per FMA). 12 + 6 + 8 = 26
// registers hold everything even when the compiler loads the four B rows
// up front; with 8 rows (16 accumulators) GCC 12 spilled accumulators to
// the stack on every iteration. The k tail (kc % 4) uses the scalar-operand
// FMA. README: llvm-mca figures of the inner loop.
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
  static_assert(MR <= 6, "2 MR accumulators + MR A vectors + 8 B vectors <= 32");

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
      // The four k steps, each a B row against one lane of every row's A
      // vector (the lane is an immediate, hence the macro). Kept in this
      // function: passing the accumulators to a helper made GCC 12 keep them
      // in memory and store all of them on every iteration.
#define TCC_NEON_STEP(L)                                                     \
  {                                                                          \
    float32x4_t b0 = vld1q_f32(b + (L) * NR), b1;                            \
    if (NV == 2)                                                             \
      b1 = vld1q_f32(b + (L) * NR + 4);                                      \
    _Pragma("GCC unroll 8") for (int r = 0; r < R; ++r) {                    \
      acc[r][0] = vfmaq_laneq_f32(acc[r][0], b0, a[r], L);                   \
      if (NV == 2)                                                           \
        acc[r][NV - 1] = vfmaq_laneq_f32(acc[r][NV - 1], b1, a[r], L);       \
    }                                                                        \
  }
      TCC_NEON_STEP(0)
      TCC_NEON_STEP(1)
      TCC_NEON_STEP(2)
      TCC_NEON_STEP(3)
#undef TCC_NEON_STEP
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
    // Unrolled: a run-time index into acc would keep the accumulators in
    // memory for the whole k loop (GCC 12 then stores them every iteration).
#pragma GCC unroll 8
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

extern "C" void tcc_linear_f32_neon(int64_t M, int64_t N, int64_t K,
                                    const float *A, int64_t lda,
                                    const float *packedB, const float *bias,
                                    int activation, const float *residual,
                                    int64_t ldr, float *C, int64_t ldc) {
  tcc_kernels::linearParallel<NeonKernel>(M, N, K, A, lda, packedB, bias,
                                          activation, residual, ldr, C, ldc);
}

extern "C" void tcc_gemm_f32_unpacked_neon(
    int64_t M, int64_t N, int64_t K, const float *A, int64_t lda,
    const float *B, int64_t ldb, tcc_gemm_b_layout b_layout,
    const float *bias, float *C, int64_t ldc, int accumulate,
    float *scratch) {
  tcc_kernels::gemmUnpacked<NeonKernel>(M, N, K, A, lda, B, ldb, b_layout,
                                        bias, C, ldc, accumulate, scratch);
}
