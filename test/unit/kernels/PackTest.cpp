//===- PackTest.cpp - The packed-B layout: size, content, determinism -----===//
//
// The packer is portable code for every ISA (the compiler may pack AVX-512
// weights on any host), so these run for all ISAs regardless of the CPU.
//
//===----------------------------------------------------------------------===//
#include "KernelTestUtil.h"

#include <cmath>
#include <cstring>

extern "C" int tcc_kernels_test_from_c(void);

namespace tcc_kernels_test {
namespace {

const tcc_isa kIsas[] = {TCC_ISA_GENERIC, TCC_ISA_AVX2, TCC_ISA_AVX512,
                         TCC_ISA_NEON};

TEST(Pack, PanelWidths) {
  EXPECT_EQ(tcc_gemm_nr(TCC_ISA_GENERIC), 8);
  EXPECT_EQ(tcc_gemm_nr(TCC_ISA_AVX2), 16);
  EXPECT_EQ(tcc_gemm_nr(TCC_ISA_AVX512), 32);
  EXPECT_EQ(tcc_gemm_nr(TCC_ISA_NEON), 8);
  EXPECT_EQ(tcc_gemm_nr(static_cast<tcc_isa>(7)), 0);
}

TEST(Pack, SizeIsPanelsTimesK) {
  for (tcc_isa isa : kIsas) {
    const int64_t nr = tcc_gemm_nr(isa);
    for (int64_t K : {1, 2, 17, 768})
      for (int64_t N : {1, 7, 8, 15, 16, 17, 31, 32, 33, 192, 197, 768}) {
        const int64_t panels = (N + nr - 1) / nr;
        EXPECT_EQ(tcc_gemm_packed_b_size_f32(isa, K, N),
                  static_cast<size_t>(panels * nr * K))
            << "isa " << isa << " K=" << K << " N=" << N;
      }
    EXPECT_EQ(tcc_gemm_packed_b_size_f32(isa, 0, 5), 0u);
    EXPECT_EQ(tcc_gemm_packed_b_size_f32(isa, 5, 0), 0u);
    EXPECT_EQ(tcc_gemm_packed_b_size_f32(isa, -1, 5), 0u);
  }
  EXPECT_EQ(tcc_gemm_packed_b_size_f32(static_cast<tcc_isa>(7), 4, 4), 0u);
}

// packed[p*K*NR + k*NR + j] = B[k*ldb + p*NR + j], +0.0f past column N, and
// the row gaps of B (ldb > N, NaN here) are never read.
TEST(Pack, LayoutIsKMajorPanelsZeroPadded) {
  std::mt19937 rng(1);
  for (tcc_isa isa : kIsas) {
    const int64_t nr = tcc_gemm_nr(isa);
    for (int64_t K : {1, 3, 64, 257})
      for (int64_t N : {1, 5, 8, 16, 31, 33, 100}) {
        const int64_t ldb = N + 4;
        GuardedBuffer B(static_cast<size_t>((K - 1) * ldb + N),
                        GuardedBuffer::AtEnd);
        fillStrided(B.data(), K, N, ldb, rng);
        B.protectReadOnly();
        const size_t size = tcc_gemm_packed_b_size_f32(isa, K, N);
        GuardedBuffer packed(size, GuardedBuffer::AtEnd);
        tcc_gemm_pack_b_f32(isa, K, N, B.data(), ldb, packed.data());
        const int64_t panels = (N + nr - 1) / nr;
        int64_t bad = 0;
        for (int64_t p = 0; p < panels; ++p)
          for (int64_t k = 0; k < K; ++k)
            for (int64_t j = 0; j < nr; ++j) {
              const float got = packed.data()[(p * K + k) * nr + j];
              const int64_t n = p * nr + j;
              const float want = n < N ? B.data()[k * ldb + n] : 0.0f;
              if (std::memcmp(&got, &want, sizeof got) != 0)
                ++bad;
            }
        EXPECT_EQ(bad, 0) << "isa " << isa << " K=" << K << " N=" << N;
        EXPECT_EQ(packed.changedCanaryBytes(), 0u);
      }
  }
}

uint64_t fnv1a(const void *p, size_t n) {
  const unsigned char *b = static_cast<const unsigned char *>(p);
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; ++i)
    h = (h ^ b[i]) * 1099511628211ull;
  return h;
}

// Two packings of the same B, into buffers that held different garbage,
// are byte-identical: every float of the packed size is written.
TEST(Pack, DeterministicWhateverTheDestinationHeld) {
  std::mt19937 rng(2);
  for (tcc_isa isa : kIsas)
    for (int64_t N : {1, 33, 192}) {
      const int64_t K = 37;
      std::vector<float> B(static_cast<size_t>(K * N));
      fillStrided(B.data(), K, N, N, rng);
      const size_t size = tcc_gemm_packed_b_size_f32(isa, K, N);
      std::vector<unsigned char> a(size * sizeof(float), 0x00),
          b(size * sizeof(float), 0xFF);
      tcc_gemm_pack_b_f32(isa, K, N, B.data(), N,
                          reinterpret_cast<float *>(a.data()));
      tcc_gemm_pack_b_f32(isa, K, N, B.data(), N,
                          reinterpret_cast<float *>(b.data()));
      EXPECT_EQ(a, b) << "isa " << isa << " N=" << N;
    }
}

// The packed bytes of a fixed matrix, pinned: the layout is the ABI of the
// weights stored in compiled artifacts, so a change must be deliberate (and
// bump whatever version the artifact records).
TEST(Pack, LayoutIsPinned) {
  const int64_t K = 5, N = 37;
  std::vector<float> B(static_cast<size_t>(K * N));
  for (int64_t k = 0; k < K; ++k)
    for (int64_t n = 0; n < N; ++n)
      B[k * N + n] = static_cast<float>(k * 1000 + n) * 0.5f - 3.0f;
  // NEON has NR = 8 like the generic kernel, hence the same bytes.
  const uint64_t expected[] = {0x2518027511bb36dbull, 0xe78550d78fe8bffbull,
                               0xd5b2979de57a55cbull, 0x2518027511bb36dbull};
  for (tcc_isa isa : kIsas) {
    const size_t size = tcc_gemm_packed_b_size_f32(isa, K, N);
    std::vector<float> packed(size);
    tcc_gemm_pack_b_f32(isa, K, N, B.data(), N, packed.data());
    EXPECT_EQ(fnv1a(packed.data(), size * sizeof(float)), expected[isa])
        << "isa " << isa << ": hash 0x" << std::hex
        << fnv1a(packed.data(), size * sizeof(float));
  }
}

// Negative zero, infinities, NaN payloads and denormals are copied bit for
// bit (the packer moves floats, it does not compute with them).
TEST(Pack, CopiesBitsExactly) {
  const uint32_t bits[] = {0x80000000u, 0x7F800000u, 0xFF800000u,
                           0x7FC12345u, 0x00000001u, 0x807FFFFFu};
  const int64_t K = 2, N = 3;
  float B[6];
  std::memcpy(B, bits, sizeof B);
  for (tcc_isa isa : kIsas) {
    const int64_t nr = tcc_gemm_nr(isa);
    std::vector<float> packed(tcc_gemm_packed_b_size_f32(isa, K, N));
    tcc_gemm_pack_b_f32(isa, K, N, B, N, packed.data());
    for (int64_t k = 0; k < K; ++k)
      for (int64_t j = 0; j < N; ++j)
        EXPECT_EQ(std::memcmp(&packed[k * nr + j], &B[k * N + j], 4), 0);
  }
}

TEST(CApi, CallableFromC) { EXPECT_EQ(tcc_kernels_test_from_c(), 1); }

// GENERIC runs everywhere; an unknown ISA nowhere; a missing x86 ISA is
// reported (its kernel tests are skipped, not failed).
TEST(HostSupport, GenericAlwaysAndUnknownNever) {
  EXPECT_EQ(tcc_kernels_host_supports(TCC_ISA_GENERIC), 1);
  EXPECT_EQ(tcc_kernels_host_supports(static_cast<tcc_isa>(7)), 0);
  for (tcc_isa isa : {TCC_ISA_AVX2, TCC_ISA_AVX512})
    if (!tcc_kernels_host_supports(isa))
      std::printf("note: this CPU lacks isa %d; its kernel tests are "
                  "skipped\n",
                  static_cast<int>(isa));
}

} // namespace
} // namespace tcc_kernels_test
