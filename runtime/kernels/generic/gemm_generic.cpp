//===- gemm_generic.cpp - Portable FP32 GEMM microkernel ------------------===//
//
// The fallback for any target without a hand-written kernel (AArch64 until
// a NEON one exists, any x86-64 without AVX2). Portable C++ plus the GCC/Clang
// vector extension: a 4-float vector type that the compiler maps to SSE2 on
// x86-64, NEON on AArch64, and splits into scalars on a core without SIMD.
// Plain loops over the columns were tried first: GCC 12 -O3 vectorizes the
// k loop instead (shuffling A into vectors, about 10x slower than this),
// and with that disabled its SLP pass leaves half the accumulators scalar.
//
//===----------------------------------------------------------------------===//
#include "gemm_driver.h"

namespace tcc_kernels {
namespace {

typedef float V4 __attribute__((vector_size(16)));

// Unaligned 16-byte load and store (through memcpy: no alignment or aliasing
// assumptions; compiles to one movups / ldr q).
inline V4 load4(const float *p) {
  V4 v;
  __builtin_memcpy(&v, p, sizeof v);
  return v;
}
inline void store4(float *p, V4 v) { __builtin_memcpy(p, &v, sizeof v); }

struct GenericKernel {
  static constexpr int MR = TCC_GEMM_GENERIC_MR;
  static constexpr int NR = TCC_GEMM_GENERIC_NR;
  static constexpr int64_t KC = TCC_GEMM_GENERIC_KC;
  static constexpr int64_t NC = TCC_GEMM_GENERIC_NC;
  static_assert(NR == 8, "two 4-float vectors per row");

  template <int R, bool Half>
  static void tile(int64_t kc, const float *A, int64_t lda, const float *B,
                   float *C, int64_t ldc, int64_t ncols, const float *bias,
                   bool loadC) {
    // Vectors per row: 2 (8 columns), 1 when only 4 columns are valid.
    // R x 2 accumulators (8 for R = 4) + 2 B vectors + 1 broadcast fit the
    // 16 xmm registers of baseline x86-64.
    constexpr int NV = Half ? 1 : 2;
    V4 acc[R][NV];
#pragma GCC unroll 8
    for (int r = 0; r < R; ++r)
#pragma GCC unroll 2
      for (int v = 0; v < NV; ++v)
        acc[r][v] = V4{0, 0, 0, 0};
    for (int64_t k = 0; k < kc; ++k) {
      V4 b[NV];
#pragma GCC unroll 2
      for (int v = 0; v < NV; ++v)
        b[v] = load4(B + k * NR + 4 * v);
#pragma GCC unroll 8
      for (int r = 0; r < R; ++r) {
        const float av = A[r * lda + k];
        const V4 a = V4{av, av, av, av};
#pragma GCC unroll 2
        for (int v = 0; v < NV; ++v)
          acc[r][v] += a * b[v];
      }
    }
    // Epilogue: full vectors where all their columns are valid, else per
    // element through a copy, so nothing past column ncols is touched.
    for (int r = 0; r < R; ++r) {
      float *c = C + r * ldc;
      if (ncols == 4 * NV) {
#pragma GCC unroll 2
        for (int v = 0; v < NV; ++v) {
          V4 x = acc[r][v];
          if (bias)
            x += load4(bias + 4 * v);
          if (loadC)
            x += load4(c + 4 * v);
          store4(c + 4 * v, x);
        }
        continue;
      }
      float row[4 * NV];
#pragma GCC unroll 2
      for (int v = 0; v < NV; ++v)
        store4(row + 4 * v, acc[r][v]);
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

using tcc_kernels::GenericKernel;

extern "C" void tcc_gemm_f32_generic(int64_t M, int64_t N, int64_t K,
                                     const float *A, int64_t lda,
                                     const float *packedB, const float *bias,
                                     float *C, int64_t ldc, int accumulate) {
  tcc_kernels::gemmPacked<GenericKernel>(M, N, K, A, lda, packedB, bias, C,
                                         ldc, accumulate);
}

extern "C" void tcc_gemm_f32_unpacked_generic(
    int64_t M, int64_t N, int64_t K, const float *A, int64_t lda,
    const float *B, int64_t ldb, tcc_gemm_b_layout b_layout,
    const float *bias, float *C, int64_t ldc, int accumulate,
    float *scratch) {
  tcc_kernels::gemmUnpacked<GenericKernel>(M, N, K, A, lda, B, ldb, b_layout,
                                           bias, C, ldc, accumulate, scratch);
}

extern "C" void tcc_linear_f32_generic(int64_t M, int64_t N, int64_t K,
                                    const float *A, int64_t lda,
                                    const float *packedB, const float *bias,
                                    int activation, const float *residual,
                                    int64_t ldr, float *C, int64_t ldc) {
  tcc_kernels::linearParallel<tcc_kernels::GenericKernel>(M, N, K, A, lda, packedB, bias,
                                                activation, residual, ldr, C,
                                                ldc);
}
