//===- gemm_avx512.cpp - AVX-512F FP32 GEMM microkernel --------------------===//
//
// Compiled with -mavx512f -mavx2 -mfma (this file only). Register-blocked
// outer product: per k step two zmm loads of the packed B row (32 columns)
// and one broadcast of A per row feed 2 FMAs per row into MR x 2 zmm
// accumulators (MR = 14: 28 accumulators). The N tail (ncols < 32) uses
// AVX-512 masks for bias, C loads and C stores, so no byte past column N of
// a row is touched; B needs no mask (the packed panel is zero-padded), and
// a tail of at most 16 columns computes one vector per row, not two.
//
//===----------------------------------------------------------------------===//
#include <immintrin.h>

#include "gemm_driver.h"
#include "x86/pack_transposed_avx.h"

namespace tcc_kernels {
namespace {

// The lanes of a 16-wide vector that hold columns below `valid` (may be
// <= 0 or >= 16).
inline __mmask16 laneMask(int64_t valid) {
  if (valid >= 16)
    return static_cast<__mmask16>(0xFFFF);
  if (valid <= 0)
    return 0;
  return static_cast<__mmask16>((1u << valid) - 1u);
}

struct Avx512Kernel {
  static constexpr int MR = TCC_GEMM_AVX512_MR;
  static constexpr int NR = TCC_GEMM_AVX512_NR;
  static constexpr int64_t KC = TCC_GEMM_AVX512_KC;
  static constexpr int64_t NC = TCC_GEMM_AVX512_NC;
  static_assert(NR == 32, "the kernel holds two zmm per row");

  template <int R, bool Half>
  static void tile(int64_t kc, const float *A, int64_t lda, const float *B,
                   float *C, int64_t ldc, int64_t ncols, const float *bias,
                   bool loadC) {
    // Vectors per row: 2 (32 columns), or 1 when only the first 16 columns
    // are valid (the last panel of N = 197 or N = 1000).
    constexpr int NV = Half ? 1 : 2;
    // Rows are addressed in groups of three, [g], [g + lda], [g + 2*lda],
    // so that 14 rows need 5 pointers and two stride registers instead of
    // 14 pointers (x86-64 has 16 general registers).
    constexpr int G = (R + 2) / 3;
    const float *ag[G];
#pragma GCC unroll 8
    for (int g = 0; g < G; ++g)
      ag[g] = A + 3 * g * lda;
    const int64_t lda2 = 2 * lda;

    __m512 acc[R][NV];
#pragma GCC unroll 16
    for (int r = 0; r < R; ++r)
#pragma GCC unroll 2
      for (int v = 0; v < NV; ++v)
        acc[r][v] = _mm512_setzero_ps();

    for (int64_t k = 0; k < kc; ++k) {
      __m512 b[NV];
#pragma GCC unroll 2
      for (int v = 0; v < NV; ++v)
        b[v] = _mm512_loadu_ps(B + 16 * v);
      B += NR;
#pragma GCC unroll 16
      for (int r = 0; r < R; ++r) {
        const float *p = ag[r / 3];
        const float av = r % 3 == 0 ? p[0] : r % 3 == 1 ? p[lda] : p[lda2];
        const __m512 a = _mm512_set1_ps(av);
#pragma GCC unroll 2
        for (int v = 0; v < NV; ++v)
          acc[r][v] = _mm512_fmadd_ps(a, b[v], acc[r][v]);
      }
#pragma GCC unroll 8
      for (int g = 0; g < G; ++g)
        ++ag[g];
    }

    // Epilogue, once per tile and k block: masks make the N tail safe and
    // cost nothing on full tiles.
    __mmask16 m[NV];
#pragma GCC unroll 2
    for (int v = 0; v < NV; ++v)
      m[v] = laneMask(ncols - 16 * v);
    if (bias) {
#pragma GCC unroll 2
      for (int v = 0; v < NV; ++v) {
        const __m512 bv = _mm512_maskz_loadu_ps(m[v], bias + 16 * v);
#pragma GCC unroll 16
        for (int r = 0; r < R; ++r)
          acc[r][v] = _mm512_add_ps(acc[r][v], bv);
      }
    }
#pragma GCC unroll 16
    for (int r = 0; r < R; ++r) {
      float *c = C + r * ldc;
#pragma GCC unroll 2
      for (int v = 0; v < NV; ++v) {
        if (loadC)
          acc[r][v] = _mm512_add_ps(acc[r][v],
                                    _mm512_maskz_loadu_ps(m[v], c + 16 * v));
        _mm512_mask_storeu_ps(c + 16 * v, m[v], acc[r][v]);
      }
    }
  }
};

}  // namespace
}  // namespace tcc_kernels

using tcc_kernels::Avx512Kernel;

extern "C" void tcc_gemm_f32_avx512(int64_t M, int64_t N, int64_t K,
                                    const float *A, int64_t lda,
                                    const float *packedB, const float *bias,
                                    float *C, int64_t ldc, int accumulate) {
  tcc_kernels::gemmPacked<Avx512Kernel>(M, N, K, A, lda, packedB, bias, C,
                                        ldc, accumulate);
}

extern "C" void tcc_gemm_f32_unpacked_avx512(
    int64_t M, int64_t N, int64_t K, const float *A, int64_t lda,
    const float *B, int64_t ldb, tcc_gemm_b_layout b_layout,
    const float *bias, float *C, int64_t ldc, int accumulate,
    float *scratch) {
  tcc_kernels::gemmUnpacked<Avx512Kernel, tcc_kernels::AvxPacker<Avx512Kernel::NR>>(
      M, N, K, A, lda, B, ldb, b_layout, bias, C, ldc, accumulate, scratch);
}

extern "C" void tcc_linear_f32_avx512(int64_t M, int64_t N, int64_t K,
                                    const float *A, int64_t lda,
                                    const float *packedB, const float *bias,
                                    int activation, const float *residual,
                                    int64_t ldr, float *C, int64_t ldc) {
  tcc_kernels::linearParallel<tcc_kernels::Avx512Kernel>(M, N, K, A, lda, packedB, bias,
                                                activation, residual, ldr, C,
                                                ldc);
}
