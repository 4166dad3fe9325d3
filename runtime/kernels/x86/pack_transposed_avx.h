//===- pack_transposed_avx.h - B^T panels with 8x8 AVX transposes ---------===//
//
// The _unpacked GEMM packs attention's K^T (B^T[N,K], rows contiguous in k)
// on every call, so its speed counts: for S = Q K^T with d = 64 the portable
// element-by-element transpose costs about a sixth of the product. This one
// moves 8 x 8 blocks through registers (8 loads, 24 shuffles, 8 stores).
// It writes exactly what packBlock(TCC_GEMM_B_TRANSPOSED) writes (the unpacked
// tests compare the products), and reads B^T only at (n < N, k < K).
//
// Included by the AVX2 and AVX-512 files only (AVX instructions), with
// internal linkage like the driver.
//
//===----------------------------------------------------------------------===//
#ifndef TCC_RUNTIME_KERNELS_X86_PACK_TRANSPOSED_AVX_H
#define TCC_RUNTIME_KERNELS_X86_PACK_TRANSPOSED_AVX_H

#include <immintrin.h>
#include <stdint.h>

#include "pack.h"

namespace tcc_kernels {
namespace {

// In place: r[i] holds row i of an 8 x 8 block; afterwards r[i] holds its
// column i.
inline void transpose8x8(__m256 r[8]) {
  const __m256 t0 = _mm256_unpacklo_ps(r[0], r[1]);
  const __m256 t1 = _mm256_unpackhi_ps(r[0], r[1]);
  const __m256 t2 = _mm256_unpacklo_ps(r[2], r[3]);
  const __m256 t3 = _mm256_unpackhi_ps(r[2], r[3]);
  const __m256 t4 = _mm256_unpacklo_ps(r[4], r[5]);
  const __m256 t5 = _mm256_unpackhi_ps(r[4], r[5]);
  const __m256 t6 = _mm256_unpacklo_ps(r[6], r[7]);
  const __m256 t7 = _mm256_unpackhi_ps(r[6], r[7]);
  const __m256 u0 = _mm256_shuffle_ps(t0, t2, 0x44);
  const __m256 u1 = _mm256_shuffle_ps(t0, t2, 0xEE);
  const __m256 u2 = _mm256_shuffle_ps(t1, t3, 0x44);
  const __m256 u3 = _mm256_shuffle_ps(t1, t3, 0xEE);
  const __m256 u4 = _mm256_shuffle_ps(t4, t6, 0x44);
  const __m256 u5 = _mm256_shuffle_ps(t4, t6, 0xEE);
  const __m256 u6 = _mm256_shuffle_ps(t5, t7, 0x44);
  const __m256 u7 = _mm256_shuffle_ps(t5, t7, 0xEE);
  r[0] = _mm256_permute2f128_ps(u0, u4, 0x20);
  r[1] = _mm256_permute2f128_ps(u1, u5, 0x20);
  r[2] = _mm256_permute2f128_ps(u2, u6, 0x20);
  r[3] = _mm256_permute2f128_ps(u3, u7, 0x20);
  r[4] = _mm256_permute2f128_ps(u0, u4, 0x31);
  r[5] = _mm256_permute2f128_ps(u1, u5, 0x31);
  r[6] = _mm256_permute2f128_ps(u2, u6, 0x31);
  r[7] = _mm256_permute2f128_ps(u3, u7, 0x31);
}

// packBlock's TRANSPOSED case for a panel width NR (a multiple of 8).
template <int NR>
void packTransposedAvx(const float *B, int64_t ldb, int64_t k0, int64_t kc,
                       int64_t n0, int64_t ncols, float *dst) {
  for (int64_t q = 0; q * NR < ncols; ++q) {
    const int64_t w = ncols - q * NR < NR ? ncols - q * NR : NR;
    const float *src = B + (n0 + q * NR) * ldb + k0;
    float *d = dst + q * kc * NR;
    const int64_t w8 = w / 8 * 8, kc8 = kc / 8 * 8;
    for (int64_t j0 = 0; j0 < w8; j0 += 8) {
      for (int64_t k = 0; k < kc8; k += 8) {
        __m256 r[8];
        for (int i = 0; i < 8; ++i)
          r[i] = _mm256_loadu_ps(src + (j0 + i) * ldb + k);
        transpose8x8(r);
        for (int i = 0; i < 8; ++i)
          _mm256_storeu_ps(d + (k + i) * NR + j0, r[i]);
      }
      for (int64_t k = kc8; k < kc; ++k)
        for (int64_t j = j0; j < j0 + 8; ++j)
          d[k * NR + j] = src[j * ldb + k];
    }
    for (int64_t j = w8; j < w; ++j)
      for (int64_t k = 0; k < kc; ++k)
        d[k * NR + j] = src[j * ldb + k];
    if (w < NR)
      for (int64_t k = 0; k < kc; ++k)
        for (int64_t j = w; j < NR; ++j)
          d[k * NR + j] = 0.0f;
  }
}

// The packer for ScratchB in the x86 files: transposes with AVX, copies
// row-major B with the portable packer (already a plain vector copy).
template <int NR> struct AvxPacker {
  static void pack(const float *B, int64_t ldb, tcc_gemm_b_layout layout,
                   int64_t k0, int64_t kc, int64_t n0, int64_t ncols,
                   float *dst) {
    if (layout == TCC_GEMM_B_TRANSPOSED)
      packTransposedAvx<NR>(B, ldb, k0, kc, n0, ncols, dst);
    else
      packBlock(NR, B, ldb, layout, k0, kc, n0, ncols, dst);
  }
};

}  // namespace
}  // namespace tcc_kernels

#endif  // TCC_RUNTIME_KERNELS_X86_PACK_TRANSPOSED_AVX_H
