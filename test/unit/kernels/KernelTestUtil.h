//===- KernelTestUtil.h - Shared pieces of the GEMM kernel tests ----------===//
//
// The kernels under test (per ISA, skipped where the host lacks the ISA),
// buffers fenced by inaccessible pages, and the double-precision reference.
//
//===----------------------------------------------------------------------===//
#ifndef TCC_TEST_UNIT_KERNELS_KERNELTESTUTIL_H
#define TCC_TEST_UNIT_KERNELS_KERNELTESTUTIL_H

#include "tcc_kernels.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <random>
#include <string>
#include <vector>

namespace tcc_kernels_test {

using GemmFn = void (*)(int64_t, int64_t, int64_t, const float *, int64_t,
                        const float *, const float *, float *, int64_t, int);
using UnpackedFn = void (*)(int64_t, int64_t, int64_t, const float *, int64_t,
                            const float *, int64_t, tcc_gemm_b_layout,
                            const float *, float *, int64_t, int, float *);
// The fused linear layer and the other transformer kernels (tcc_kernels.h,
// "Fused linear layers and the other transformer kernels").
using LinearFn = void (*)(int64_t, int64_t, int64_t, const float *, int64_t,
                          const float *, const float *, int, const float *,
                          int64_t, float *, int64_t);
using AttentionFn = void (*)(int64_t, int64_t, int64_t, int64_t, int64_t,
                             int64_t, float, const float *, int64_t, int64_t,
                             const float *, int64_t, int64_t, const float *,
                             int64_t, int64_t, float *, int64_t, int64_t,
                             int64_t, int64_t, float *);
using AttentionMaskedFn = void (*)(
    int64_t, int64_t, int64_t, int64_t, int64_t, int64_t, float,
    const float *, int64_t, int64_t, const float *, int64_t, int64_t,
    const float *, int64_t, int64_t, int64_t, int64_t, int64_t, int64_t,
    const float *, int64_t, int64_t, int64_t, float *, int64_t, int64_t,
    int64_t, int64_t, float *);
using LayerNormFn = void (*)(int64_t, int64_t, const float *, int64_t,
                             const float *, const float *, float, float *,
                             int64_t);
using SoftmaxFn = void (*)(int64_t, int64_t, const float *, int64_t, float *,
                           int64_t);
using ActivationFn = void (*)(int64_t, int, const float *, float *);

struct Kernel {
  tcc_isa isa;
  const char *name;
  GemmFn gemm;
  UnpackedFn unpacked;
  // Null where the ISA has no such kernel (yet); its tests are skipped.
  LinearFn linear;
  AttentionFn attention;
  AttentionMaskedFn attentionMasked;
  LayerNormFn layerNorm;
  SoftmaxFn softmax;
  ActivationFn activation;
};

// Every kernel built for this architecture.
const std::vector<Kernel> &allKernels();

// gtest prints a kernel parameter as its name, not as its bytes.
inline void PrintTo(const Kernel &k, std::ostream *os) { *os << k.name; }

// gtest parameter name ("generic", "avx2", "avx512").
struct KernelName {
  std::string operator()(const testing::TestParamInfo<Kernel> &info) const {
    return info.param.name;
  }
};

// A buffer of `count` floats inside its own mapping, flush against an
// inaccessible (PROT_NONE) page on one side: touching one float past the end
// (AtEnd) or before the start (AtStart) faults. The rest of the mapping
// (between the other guard page and the buffer) is filled with a canary
// pattern that check() verifies, to catch stray writes that do not reach a
// guard page.
class GuardedBuffer {
public:
  enum Placement { AtEnd, AtStart };
  GuardedBuffer(size_t count, Placement placement);
  ~GuardedBuffer();
  GuardedBuffer(const GuardedBuffer &) = delete;
  GuardedBuffer &operator=(const GuardedBuffer &) = delete;

  float *data() { return data_; }
  size_t size() const { return count_; }
  // Number of canary bytes outside the buffer that changed.
  size_t changedCanaryBytes() const;
  // Makes the whole mapping read-only (an input must not be written).
  void protectReadOnly();

private:
  unsigned char *map_ = nullptr;
  size_t mapBytes_ = 0;
  unsigned char *usableBegin_ = nullptr, *usableEnd_ = nullptr;
  float *data_ = nullptr;
  size_t count_ = 0;
};

// The canary byte pattern: as floats 0xA5A5A5A5 is a normal number that no
// computation here produces; gaps between rows hold quiet NaNs instead (see
// fillGaps) so that a kernel that reads them poisons its result.
constexpr unsigned char kCanary = 0xA5;

// Fills a strided matrix: values in [-1, 1) at (i, j < cols), gapNaN() in
// the row gaps (cols <= j < ld) of all rows but the last (the buffer ends
// with the last row).
void fillStrided(float *p, int64_t rows, int64_t cols, int64_t ld,
                 std::mt19937 &rng);
void fillNaN(float *p, size_t n);

// The product A B in double, and the error scale sum_k |A||B| per element.
// B is [K,N] row-major with ldb, or [N,K] (transposed) with ldb.
struct Reference {
  std::vector<double> value, scale;
};
Reference reference(int64_t M, int64_t N, int64_t K, const float *A,
                    int64_t lda, const float *B, int64_t ldb, bool transposed);

// Compares C (M x N, stride ldc) with ref + bias + C0 (C0: the dense M x N
// values C held before an accumulating call, or null): |c - want| <=
// (K + 3) * FLT_EPSILON * (scale + |bias| + |C0|), the worst-case rounding
// error of a K-term fp32 sum plus the bias and C additions, in any order.
// Also checks that the row gaps of C (N <= j < ldc) still hold gapNaN().
// Returns the number of mismatches; reports the first few.
int64_t compare(int64_t M, int64_t N, int64_t K, const float *C, int64_t ldc,
                const Reference &ref, const float *bias, const float *C0,
                const std::string &what);

// The gap marker of C's rows: a NaN with a distinctive payload.
float gapNaN();

} // namespace tcc_kernels_test

#endif // TCC_TEST_UNIT_KERNELS_KERNELTESTUTIL_H
