//===- gemm_avx2.cpp - AVX2+FMA FP32 GEMM microkernel ----------------------===//
//
// Compiled with -mavx2 -mfma (this file only). Register-blocked outer
// product: per k step two ymm loads of the packed B row (16 columns) and one
// broadcast of A per row feed 2 FMAs per row into MR x 2 ymm accumulators
// (MR = 6: 12 accumulators, 15 of 16 ymm registers in use). The N tail
// (ncols < 16) uses vmaskmovps for bias, C loads and C stores, which never
// fault on masked-out lanes; full tiles take plain loads and stores, because
// masked stores are slow on AMD cores. A tail of at most 8 columns computes
// one vector per row, not two.
//
//===----------------------------------------------------------------------===//
#include <immintrin.h>

#include "gemm_driver.h"
#include "x86/pack_transposed_avx.h"

namespace tcc_kernels {
namespace {

// loadu at kMaskTable + 8 - n gives a mask whose first n (0..8) lanes are set.
alignas(64) const int32_t kMaskTable[16] = {-1, -1, -1, -1, -1, -1, -1, -1,
                                            0,  0,  0,  0,  0,  0,  0,  0};

inline __m256i laneMask(int64_t valid) {
  const int64_t n = valid < 0 ? 0 : valid > 8 ? 8 : valid;
  return _mm256_loadu_si256(
      reinterpret_cast<const __m256i *>(kMaskTable + 8 - n));
}

struct Avx2Kernel {
  static constexpr int MR = TCC_GEMM_AVX2_MR;
  static constexpr int NR = TCC_GEMM_AVX2_NR;
  static constexpr int64_t KC = TCC_GEMM_AVX2_KC;
  static constexpr int64_t NC = TCC_GEMM_AVX2_NC;
  static_assert(NR == 16, "the kernel holds two ymm per row");

  template <int R, bool Half>
  static void tile(int64_t kc, const float *A, int64_t lda, const float *B,
                   float *C, int64_t ldc, int64_t ncols, const float *bias,
                   bool loadC) {
    // Vectors per row: 2 (16 columns), or 1 when only the first 8 columns
    // are valid.
    constexpr int NV = Half ? 1 : 2;
    // Rows in groups of three ([g], [g + lda], [g + 2*lda]): few pointers
    // for the 16 general registers.
    constexpr int G = (R + 2) / 3;
    const float *ag[G];
#pragma GCC unroll 8
    for (int g = 0; g < G; ++g)
      ag[g] = A + 3 * g * lda;
    const int64_t lda2 = 2 * lda;

    __m256 acc[R][NV];
#pragma GCC unroll 16
    for (int r = 0; r < R; ++r)
#pragma GCC unroll 2
      for (int v = 0; v < NV; ++v)
        acc[r][v] = _mm256_setzero_ps();

    for (int64_t k = 0; k < kc; ++k) {
      __m256 b[NV];
#pragma GCC unroll 2
      for (int v = 0; v < NV; ++v)
        b[v] = _mm256_loadu_ps(B + 8 * v);
      B += NR;
#pragma GCC unroll 16
      for (int r = 0; r < R; ++r) {
        const float *p = ag[r / 3];
        const float av = r % 3 == 0 ? p[0] : r % 3 == 1 ? p[lda] : p[lda2];
        const __m256 a = _mm256_set1_ps(av);
#pragma GCC unroll 2
        for (int v = 0; v < NV; ++v)
          acc[r][v] = _mm256_fmadd_ps(a, b[v], acc[r][v]);
      }
#pragma GCC unroll 8
      for (int g = 0; g < G; ++g)
        ++ag[g];
    }

    if (ncols == NR) {
      // Full tile (never Half): plain loads and stores.
#pragma GCC unroll 2
      for (int v = 0; v < NV; ++v) {
        if (bias) {
          const __m256 bv = _mm256_loadu_ps(bias + 8 * v);
#pragma GCC unroll 16
          for (int r = 0; r < R; ++r)
            acc[r][v] = _mm256_add_ps(acc[r][v], bv);
        }
      }
#pragma GCC unroll 16
      for (int r = 0; r < R; ++r) {
        float *c = C + r * ldc;
#pragma GCC unroll 2
        for (int v = 0; v < NV; ++v) {
          if (loadC)
            acc[r][v] = _mm256_add_ps(acc[r][v], _mm256_loadu_ps(c + 8 * v));
          _mm256_storeu_ps(c + 8 * v, acc[r][v]);
        }
      }
      return;
    }

    // N tail: masked; a fully masked vector (second one, ncols <= 8) is
    // skipped.
    __m256i m[NV];
#pragma GCC unroll 2
    for (int v = 0; v < NV; ++v)
      m[v] = laneMask(ncols - 8 * v);
#pragma GCC unroll 2
    for (int v = 0; v < NV; ++v) {
      if (v > 0 && ncols <= 8 * v)
        break;
      if (bias) {
        const __m256 bv = _mm256_maskload_ps(bias + 8 * v, m[v]);
#pragma GCC unroll 16
        for (int r = 0; r < R; ++r)
          acc[r][v] = _mm256_add_ps(acc[r][v], bv);
      }
#pragma GCC unroll 16
      for (int r = 0; r < R; ++r) {
        float *c = C + r * ldc + 8 * v;
        if (loadC)
          acc[r][v] = _mm256_add_ps(acc[r][v], _mm256_maskload_ps(c, m[v]));
        _mm256_maskstore_ps(c, m[v], acc[r][v]);
      }
    }
  }
};

}  // namespace
}  // namespace tcc_kernels

using tcc_kernels::Avx2Kernel;

extern "C" void tcc_gemm_f32_avx2(int64_t M, int64_t N, int64_t K,
                                  const float *A, int64_t lda,
                                  const float *packedB, const float *bias,
                                  float *C, int64_t ldc, int accumulate) {
  tcc_kernels::gemmPacked<Avx2Kernel>(M, N, K, A, lda, packedB, bias, C, ldc,
                                      accumulate);
}

extern "C" void tcc_gemm_f32_unpacked_avx2(
    int64_t M, int64_t N, int64_t K, const float *A, int64_t lda,
    const float *B, int64_t ldb, tcc_gemm_b_layout b_layout,
    const float *bias, float *C, int64_t ldc, int accumulate,
    float *scratch) {
  tcc_kernels::gemmUnpacked<Avx2Kernel, tcc_kernels::AvxPacker<Avx2Kernel::NR>>(
      M, N, K, A, lda, B, ldb, b_layout, bias, C, ldc, accumulate, scratch);
}

extern "C" void tcc_linear_f32_avx2(int64_t M, int64_t N, int64_t K,
                                    const float *A, int64_t lda,
                                    const float *packedB, const float *bias,
                                    int activation, const float *residual,
                                    int64_t ldr, float *C, int64_t ldc) {
  tcc_kernels::linearParallel<tcc_kernels::Avx2Kernel>(M, N, K, A, lda, packedB, bias,
                                                activation, residual, ldr, C,
                                                ldc);
}
