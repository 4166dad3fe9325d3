//===- GemmTest.cpp - Every GEMM kernel against a double reference --------===//
//
// Each kernel (generic, AVX2, AVX-512; an ISA the host lacks is skipped and
// says so) over odd sizes, padded strides, bias on/off, accumulate on/off,
// with every buffer flush against an inaccessible page (an out-of-bounds
// read or write faults), inputs mapped read-only, and C's row gaps and
// surroundings checked for stray writes.
//
//===----------------------------------------------------------------------===//
#include "KernelTestUtil.h"

#include <cstring>
#include <sstream>

namespace tcc_kernels_test {
namespace {

// The sizes of the brief: around every register-block edge (MR = 4/6/14,
// NR = 8/16/32), the ViT token count 197, and up to the k block (256).
const int64_t kSizes[] = {1,  2,  3,  7,  8,   15,  16,  17,
                          31, 33, 64, 65, 127, 197, 255, 256};

struct Case {
  int64_t M, N, K;
  int64_t lda, ldc;
  bool bias, accumulate;
  GuardedBuffer::Placement placement = GuardedBuffer::AtEnd;
  // Packed B, or the _unpacked variant with B in this layout.
  bool unpacked = false;
  tcc_gemm_b_layout layout = TCC_GEMM_B_ROW_MAJOR;
  int64_t ldb = 0; // 0: tight (N or K)
};

std::string describe(const Kernel &k, const Case &c) {
  std::ostringstream os;
  os << k.name << (c.unpacked ? " unpacked" : " packed") << " M=" << c.M
     << " N=" << c.N << " K=" << c.K << " lda=" << c.lda << " ldc=" << c.ldc
     << (c.bias ? " bias" : "") << (c.accumulate ? " accumulate" : "")
     << (c.placement == GuardedBuffer::AtEnd ? " at-end" : " at-start");
  if (c.unpacked)
    os << (c.layout == TCC_GEMM_B_TRANSPOSED ? " B^T" : " B") << " ldb="
       << c.ldb;
  return os.str();
}

size_t stridedCount(int64_t rows, int64_t cols, int64_t ld) {
  return static_cast<size_t>((rows - 1) * ld + cols);
}

// Runs the bias/accumulate variants of one shape (c.bias / c.accumulate
// are ignored): the inputs, the packing and the double reference are made
// once, each variant gets a fresh C.
void runVariants(const Kernel &kernel, Case c, int variants = 4) {
  const GuardedBuffer::Placement at = c.placement;
  std::mt19937 rng(static_cast<uint32_t>(c.M * 1000003 + c.N * 1009 + c.K));

  GuardedBuffer A(stridedCount(c.M, c.K, c.lda), at);
  fillStrided(A.data(), c.M, c.K, c.lda, rng);

  const bool trans = c.unpacked && c.layout == TCC_GEMM_B_TRANSPOSED;
  const int64_t bRows = trans ? c.N : c.K, bCols = trans ? c.K : c.N;
  const int64_t ldb = c.ldb ? c.ldb : bCols;
  GuardedBuffer B(stridedCount(bRows, bCols, ldb), at);
  fillStrided(B.data(), bRows, bCols, ldb, rng);

  GuardedBuffer bias(static_cast<size_t>(c.N), at);
  fillStrided(bias.data(), 1, c.N, c.N, rng);

  const Reference ref =
      reference(c.M, c.N, c.K, A.data(), c.lda, B.data(), ldb, trans);

  // Inputs are mapped read-only: a kernel that writes one faults.
  A.protectReadOnly();
  B.protectReadOnly();
  bias.protectReadOnly();
  const size_t packedSize =
      c.unpacked ? 1 : tcc_gemm_packed_b_size_f32(kernel.isa, c.K, c.N);
  ASSERT_GT(packedSize, 0u);
  GuardedBuffer packed(packedSize, at);
  if (!c.unpacked) {
    tcc_gemm_pack_b_f32(kernel.isa, c.K, c.N, B.data(), ldb, packed.data());
    EXPECT_EQ(packed.changedCanaryBytes(), 0u) << "packing wrote outside";
    packed.protectReadOnly();
  }
  const size_t scratchSize =
      c.unpacked ? tcc_gemm_unpacked_scratch_size_f32(kernel.isa, c.K, c.N)
                 : 1;
  ASSERT_GT(scratchSize, 0u);

  for (int v = 0; v < variants; ++v) {
    if (variants == 4) {
      c.bias = (v & 1) != 0;
      c.accumulate = (v & 2) != 0;
    }
    const std::string what = describe(kernel, c);
    SCOPED_TRACE(what);
    GuardedBuffer C(stridedCount(c.M, c.N, c.ldc), at);
    fillStrided(C.data(), c.M, c.N, c.ldc, rng);
    std::vector<float> C0;
    if (c.accumulate) {
      C0.resize(static_cast<size_t>(c.M * c.N));
      for (int64_t i = 0; i < c.M; ++i)
        for (int64_t j = 0; j < c.N; ++j)
          C0[i * c.N + j] = C.data()[i * c.ldc + j];
    } else {
      // Not to be read: NaN would poison the result if it were.
      for (int64_t i = 0; i < c.M; ++i)
        fillNaN(C.data() + i * c.ldc, static_cast<size_t>(c.N));
    }
    const float *biasPtr = c.bias ? bias.data() : nullptr;
    if (!c.unpacked) {
      kernel.gemm(c.M, c.N, c.K, A.data(), c.lda, packed.data(), biasPtr,
                  C.data(), c.ldc, c.accumulate ? 1 : 0);
    } else {
      GuardedBuffer scratch(scratchSize, at);
      kernel.unpacked(c.M, c.N, c.K, A.data(), c.lda, B.data(), ldb,
                      c.layout, biasPtr, C.data(), c.ldc,
                      c.accumulate ? 1 : 0, scratch.data());
      EXPECT_EQ(scratch.changedCanaryBytes(), 0u) << "wrote outside scratch";
    }
    EXPECT_EQ(C.changedCanaryBytes(), 0u) << "wrote outside C";
    compare(c.M, c.N, c.K, C.data(), c.ldc, ref, biasPtr,
            c.accumulate ? C0.data() : nullptr, what);
    if (testing::Test::HasFailure())
      return; // one failing shape is enough output
  }
}

// One variant, as given in c.
void runCase(const Kernel &kernel, const Case &c) { runVariants(kernel, c, 1); }

class Gemm : public testing::TestWithParam<Kernel> {
protected:
  void SetUp() override {
    if (!tcc_kernels_host_supports(GetParam().isa))
      GTEST_SKIP() << "this CPU lacks " << GetParam().name
                   << "; its kernel is not run";
  }
};

// Every M x N pair of kSizes with short, medium and full k blocks; strides
// padded on alternate sizes (gaps hold NaN in A, a marker in C).
TEST_P(Gemm, EveryMAndN) {
  for (int64_t K : {1, 7, 64, 256})
    for (int64_t M : kSizes)
      for (int64_t N : kSizes) {
        Case c{M, N, K, K + (M % 2 ? 5 : 0), N + (N % 2 ? 0 : 3),
               false, false};
        runVariants(GetParam(), c);
        if (HasFailure())
          return;
      }
}

// Every K of kSizes and K past one k block (KC = 256): 257, 300 (balanced
// into two blocks), 513, 768 and 1000.
TEST_P(Gemm, EveryK) {
  const int64_t extraK[] = {257, 300, 513, 768, 1000};
  const int64_t mn[][2] = {{1, 1}, {3, 17}, {15, 33}, {197, 65}, {31, 192}};
  std::vector<int64_t> ks(std::begin(kSizes), std::end(kSizes));
  ks.insert(ks.end(), std::begin(extraK), std::end(extraK));
  for (int64_t K : ks)
    for (const auto &p : mn) {
      Case c{p[0], p[1], K, K + 1, p[1] + 7, false, false};
      runVariants(GetParam(), c);
      if (HasFailure())
        return;
    }
}

// N past one n block (NC = 512 columns) and K past one k block together:
// several blocks of both, uneven last blocks, with every tile edge.
TEST_P(Gemm, BlocksOverNAndK) {
  const int64_t shapes[][3] = {{13, 520, 300},  {197, 1030, 257},
                               {29, 600, 1000}, {64, 2048, 64},
                               {1, 1025, 513},  {255, 513, 129}};
  for (const auto &s : shapes) {
    Case c{s[0], s[1], s[2], s[2] + 3, s[1] + 1, false, false};
    runVariants(GetParam(), c);
    if (HasFailure())
      return;
  }
}

// A rows whose stride is a multiple of 512 floats go through the copy that
// breaks L1 set aliasing (gemm_config.h); the copy must read only K floats
// of each row and handle every tile height.
TEST_P(Gemm, AliasingStridesOfA) {
  for (int64_t lda : {512, 1024, 2048})
    for (int64_t M : {1, 5, 14, 29, 197})
      for (int64_t K : {1, 100, 300, 512}) {
        if (K > lda)
          continue;
        Case c{M, 33, K, lda, 40, true, M % 2 == 1};
        runCase(GetParam(), c);
        c.N = 64;
        c.ldc = 64;
        runCase(GetParam(), c);
        if (HasFailure())
          return;
      }
}

// Every buffer flush against the guard page at its start instead of its
// end (the other tests use the end), tight and padded strides.
TEST_P(Gemm, GuardPagesBeforeBuffers) {
  const int64_t shapes[][3] = {{1, 1, 1},    {7, 33, 17}, {197, 31, 65},
                               {15, 1, 3},   {16, 16, 16}, {65, 255, 257},
                               {14, 32, 300}};
  for (const auto &s : shapes)
    for (int pad = 0; pad < 2; ++pad) {
      Case c{s[0], s[1], s[2], s[2] + 9 * pad, s[1] + 5 * pad, false, false};
      c.placement = GuardedBuffer::AtStart;
      runVariants(GetParam(), c);
      if (HasFailure())
        return;
    }
}

// M = 0 or N = 0 writes nothing; K = 0 gives bias (+ C).
TEST_P(Gemm, DegenerateSizes) {
  const Kernel &k = GetParam();
  float A[4] = {1, 2, 3, 4}, packed[64] = {}, bias[3] = {1, 2, 3};
  float C[6];
  for (float &v : C)
    v = 7.0f;
  k.gemm(0, 3, 2, A, 2, packed, bias, C, 3, 0);
  k.gemm(2, 0, 2, A, 2, packed, bias, C, 3, 0);
  for (float v : C)
    EXPECT_EQ(v, 7.0f);
  k.gemm(2, 3, 0, A, 1, packed, bias, C, 3, 1);
  for (int i = 0; i < 6; ++i)
    EXPECT_EQ(C[i], 7.0f + bias[i % 3]);
  k.gemm(2, 3, 0, A, 1, packed, nullptr, C, 3, 0);
  for (float v : C)
    EXPECT_EQ(v, 0.0f);
}

// The _unpacked variant (attention products) in both B layouts, with a
// scratch buffer of exactly the queried size against a guard page.
class GemmUnpacked : public Gemm {};

TEST_P(GemmUnpacked, BothLayouts) {
  const int64_t shapes[][3] = {
      {1, 1, 1},      {2, 3, 7},      {17, 15, 33},  {197, 197, 64},
      {197, 64, 197}, {64, 127, 255}, {31, 520, 17}, {8, 33, 600},
      {65, 1030, 300}};
  for (tcc_gemm_b_layout layout :
       {TCC_GEMM_B_ROW_MAJOR, TCC_GEMM_B_TRANSPOSED})
    for (const auto &s : shapes)
      for (int pad = 0; pad < 2; ++pad) {
        Case c{s[0], s[1], s[2], s[2] + 2 * pad, s[1] + 3 * pad, false,
               false};
        c.unpacked = true;
        c.layout = layout;
        c.ldb = pad ? (layout == TCC_GEMM_B_TRANSPOSED ? s[2] : s[1]) + 11
                    : 0;
        c.placement = pad ? GuardedBuffer::AtStart : GuardedBuffer::AtEnd;
        runVariants(GetParam(), c);
        if (HasFailure())
          return;
      }
}

// The scratch query is bounded by one cache block, whatever K and N are,
// so an arena can reserve it once.
TEST_P(GemmUnpacked, ScratchIsBounded) {
  const tcc_isa isa = GetParam().isa;
  const size_t nr = static_cast<size_t>(tcc_gemm_nr(isa));
  const size_t bound = tcc_gemm_unpacked_scratch_size_f32(isa, 1 << 20, 1 << 20);
  EXPECT_GT(bound, 0u);
  EXPECT_LE(bound, 512u * 1024u);
  for (int64_t K : {1, 64, 256, 257, 10000})
    for (int64_t N : {1, 8, 33, 512, 513, 100000}) {
      const size_t s = tcc_gemm_unpacked_scratch_size_f32(isa, K, N);
      EXPECT_LE(s, bound) << "K=" << K << " N=" << N;
      EXPECT_EQ(s % nr, 0u);
      EXPECT_GE(s, nr);
    }
  EXPECT_EQ(tcc_gemm_unpacked_scratch_size_f32(isa, 0, 5), 0u);
  EXPECT_EQ(tcc_gemm_unpacked_scratch_size_f32(isa, 5, 0), 0u);
}

INSTANTIATE_TEST_SUITE_P(Kernels, Gemm, testing::ValuesIn(allKernels()),
                         KernelName());
INSTANTIATE_TEST_SUITE_P(Kernels, GemmUnpacked,
                         testing::ValuesIn(allKernels()), KernelName());

} // namespace
} // namespace tcc_kernels_test
