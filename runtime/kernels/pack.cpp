//===- pack.cpp - Packed-B layout, sizes and the portable packer ----------===//
//
// Portable C++ for every ISA, so that the compiler can pack weights for an
// AVX-512 target on any host (an AArch64 build machine included) and get the
// same bytes: the result depends only on (isa, K, N, B).
//
//===----------------------------------------------------------------------===//
#include "pack.h"

#include "gemm_config.h"

namespace tcc_kernels {
namespace {

struct Blocking {
  int nr;
  int64_t kc, nc;
};

// NR is the packed layout (ABI); KC, NC size the unpacked variant's scratch.
bool blockingOf(tcc_isa isa, Blocking &out) {
  switch (isa) {
  case TCC_ISA_GENERIC:
    out = {TCC_GEMM_GENERIC_NR, TCC_GEMM_GENERIC_KC, TCC_GEMM_GENERIC_NC};
    return true;
  case TCC_ISA_AVX2:
    out = {TCC_GEMM_AVX2_NR, TCC_GEMM_AVX2_KC, TCC_GEMM_AVX2_NC};
    return true;
  case TCC_ISA_AVX512:
    out = {TCC_GEMM_AVX512_NR, TCC_GEMM_AVX512_KC, TCC_GEMM_AVX512_NC};
    return true;
  case TCC_ISA_NEON:
    out = {TCC_GEMM_NEON_NR, TCC_GEMM_NEON_KC, TCC_GEMM_NEON_NC};
    return true;
  }
  return false;
}

int64_t ceilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }

// NR is a template parameter so the full-width row copies become a few
// vector moves.
template <int NR>
void packRowMajor(const float *B, int64_t ldb, int64_t k0, int64_t kc,
                  int64_t n0, int64_t ncols, float *dst) {
  for (int64_t q = 0; q * NR < ncols; ++q) {
    const int64_t w = ncols - q * NR < NR ? ncols - q * NR : NR;
    const float *src = B + k0 * ldb + n0 + q * NR;
    float *d = dst + q * kc * NR;
    if (w == NR) {
      for (int64_t k = 0; k < kc; ++k, src += ldb, d += NR)
        for (int j = 0; j < NR; ++j)
          d[j] = src[j];
    } else {
      for (int64_t k = 0; k < kc; ++k, src += ldb, d += NR) {
        for (int64_t j = 0; j < w; ++j)
          d[j] = src[j];
        for (int64_t j = w; j < NR; ++j)
          d[j] = 0.0f;
      }
    }
  }
}

// B^T[N,K] rows are contiguous in k: each panel is a transpose of up to NR
// source rows. Chunks of 16 k keep the NR source lines being read and the
// 16 x NR destination rows in L1.
template <int NR>
void packTransposed(const float *B, int64_t ldb, int64_t k0, int64_t kc,
                    int64_t n0, int64_t ncols, float *dst) {
  constexpr int64_t kChunk = 16;
  for (int64_t q = 0; q * NR < ncols; ++q) {
    const int64_t w = ncols - q * NR < NR ? ncols - q * NR : NR;
    const float *src = B + (n0 + q * NR) * ldb + k0;
    float *d = dst + q * kc * NR;
    for (int64_t kb = 0; kb < kc; kb += kChunk) {
      const int64_t ke = kb + kChunk < kc ? kb + kChunk : kc;
      for (int64_t j = 0; j < w; ++j)
        for (int64_t k = kb; k < ke; ++k)
          d[k * NR + j] = src[j * ldb + k];
      for (int64_t j = w; j < NR; ++j)
        for (int64_t k = kb; k < ke; ++k)
          d[k * NR + j] = 0.0f;
    }
  }
}

template <int NR>
void packBlockNR(const float *B, int64_t ldb, tcc_gemm_b_layout layout,
                 int64_t k0, int64_t kc, int64_t n0, int64_t ncols,
                 float *dst) {
  if (layout == TCC_GEMM_B_TRANSPOSED)
    packTransposed<NR>(B, ldb, k0, kc, n0, ncols, dst);
  else
    packRowMajor<NR>(B, ldb, k0, kc, n0, ncols, dst);
}

}  // namespace

void packBlock(int nr, const float *B, int64_t ldb, tcc_gemm_b_layout layout,
               int64_t k0, int64_t kc, int64_t n0, int64_t ncols, float *dst) {
  switch (nr) {
  case 8:
    packBlockNR<8>(B, ldb, layout, k0, kc, n0, ncols, dst);
    break;
  case 16:
    packBlockNR<16>(B, ldb, layout, k0, kc, n0, ncols, dst);
    break;
  case 32:
    packBlockNR<32>(B, ldb, layout, k0, kc, n0, ncols, dst);
    break;
  default:
    break;
  }
}

}  // namespace tcc_kernels

using namespace tcc_kernels;

extern "C" int tcc_gemm_nr(tcc_isa isa) {
  Blocking b;
  return blockingOf(isa, b) ? b.nr : 0;
}

extern "C" size_t tcc_gemm_packed_b_size_f32(tcc_isa isa, int64_t K,
                                             int64_t N) {
  Blocking b;
  if (!blockingOf(isa, b) || K < 1 || N < 1)
    return 0;
  return static_cast<size_t>(ceilDiv(N, b.nr) * b.nr * K);
}

extern "C" void tcc_gemm_pack_b_f32(tcc_isa isa, int64_t K, int64_t N,
                                    const float *B, int64_t ldb,
                                    float *packed) {
  Blocking b;
  if (!blockingOf(isa, b) || K < 1 || N < 1)
    return;
  packBlock(b.nr, B, ldb, TCC_GEMM_B_ROW_MAJOR, 0, K, 0, N, packed);
}

// The same balanced blocks as gemm_driver.h's gemm(): the largest k block
// times the largest group of panels packed at once.
extern "C" size_t tcc_gemm_unpacked_scratch_size_f32(tcc_isa isa, int64_t K,
                                                     int64_t N) {
  Blocking b;
  if (!blockingOf(isa, b) || K < 1 || N < 1)
    return 0;
  const int64_t kcNominal = ceilDiv(K, ceilDiv(K, b.kc));
  const int64_t panels = ceilDiv(N, b.nr);
  const int64_t panelsPerBlock = ceilDiv(panels, ceilDiv(panels, b.nc / b.nr));
  return static_cast<size_t>(kcNominal * panelsPerBlock * b.nr);
}
