//===- NnKernelsTest.cpp - Fused linear and transformer kernels ----------===//
//
// tcc_linear_f32_<isa> (GEMM + activation + residual epilogue), the two
// attention entry points, layer norm, softmax and the element-wise
// activations, for every ISA the host runs (others are skipped and say so),
// against double-precision references. As in GemmTest.cpp: every buffer is
// flush against an inaccessible page, inputs are mapped read-only, gaps
// between rows (and batches, heads, fused q/k/v slices) hold NaN so that a
// read of them poisons the result, and gaps and surroundings of outputs are
// checked for stray writes.
//
//===----------------------------------------------------------------------===//
#include "KernelTestUtil.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <sstream>
#include <utility>

namespace tcc_kernels_test {
namespace {

const float kInf = std::numeric_limits<float>::infinity();
const double kEps = FLT_EPSILON;

size_t stridedCount(int64_t rows, int64_t cols, int64_t ld) {
  return rows < 1 || cols < 1 ? 0 : static_cast<size_t>((rows - 1) * ld + cols);
}

bool isGap(float f) {
  const float g = gapNaN();
  return std::memcmp(&f, &g, sizeof f) == 0;
}

// Fills with the gap marker gapNaN().
void fillGap(float *p, size_t n) {
  const float g = gapNaN();
  for (size_t i = 0; i < n; ++i)
    p[i] = g;
}

const char *activationName(int act) {
  switch (act) {
  case TCC_ACT_NONE:
    return "none";
  case TCC_ACT_GELU_ERF:
    return "gelu_erf";
  case TCC_ACT_GELU_TANH:
    return "gelu_tanh";
  case TCC_ACT_RELU:
    return "relu";
  }
  return "?";
}

const int kActivations[] = {TCC_ACT_NONE, TCC_ACT_GELU_ERF,
                            TCC_ACT_GELU_TANH, TCC_ACT_RELU};

double activationRef(int act, double x) {
  switch (act) {
  case TCC_ACT_GELU_ERF:
    return 0.5 * x * (1.0 + std::erf(x / std::sqrt(2.0)));
  case TCC_ACT_GELU_TANH: {
    const double c = std::sqrt(2.0 / 3.14159265358979323846);
    return 0.5 * x * (1.0 + std::tanh(c * (x + 0.044715 * x * x * x)));
  }
  case TCC_ACT_RELU:
    return x > 0.0 ? x : 0.0;
  default:
    return x;
  }
}

// The activations' own error (vmath.h, VmathTest.cpp): GELU within
// 4e-7 max(1, |x|); ReLU and identity exact.
double activationTol(int act, double x) {
  return act == TCC_ACT_GELU_ERF || act == TCC_ACT_GELU_TANH
             ? 4e-7 * std::max(1.0, std::fabs(x))
             : 0.0;
}

// Bound of |act'|: 1 for ReLU and identity, 1.13 for both GELUs (the
// maximum of the erf form's derivative is 1.129 at x = 1.41).
double activationSlope(int act) {
  return act == TCC_ACT_GELU_ERF || act == TCC_ACT_GELU_TANH ? 1.13 : 1.0;
}

// Skips ISAs this CPU lacks and ISAs without the kernel under test.
class Nn : public testing::TestWithParam<Kernel> {
protected:
  void SetUp() override {
    const Kernel &k = GetParam();
    if (!tcc_kernels_host_supports(k.isa))
      GTEST_SKIP() << "this CPU lacks " << k.name
                   << "; its kernels are not run";
    if (!k.linear || !k.attention || !k.attentionMasked || !k.layerNorm ||
        !k.softmax || !k.activation)
      GTEST_SKIP() << k.name << " has no transformer kernels";
  }
};

//===--------------------------------------------------------------------===//
// tcc_linear_f32_<isa>: C = act(A B + bias) + residual
//===--------------------------------------------------------------------===//

struct LinearShape {
  int64_t M, N, K, lda, ldc, ldr;
  GuardedBuffer::Placement placement = GuardedBuffer::AtEnd;
};

struct LinearVariant {
  int act;
  bool bias, residual;
};

std::string describe(const Kernel &k, const LinearShape &s,
                     const LinearVariant &v) {
  std::ostringstream os;
  os << k.name << " linear M=" << s.M << " N=" << s.N << " K=" << s.K
     << " lda=" << s.lda << " ldc=" << s.ldc << " ldr=" << s.ldr << " act="
     << activationName(v.act) << (v.bias ? " bias" : "")
     << (v.residual ? " residual" : "")
     << (s.placement == GuardedBuffer::AtEnd ? " at-end" : " at-start");
  return os.str();
}

std::vector<LinearVariant> allLinearVariants() {
  std::vector<LinearVariant> v;
  for (int act : kActivations)
    for (int m = 0; m < 4; ++m)
      v.push_back({act, (m & 1) != 0, (m & 2) != 0});
  return v;
}

// Inputs, packing, C and the reference made once per shape; before each
// variant C's elements are set to NaN (C is not read), its row gaps hold
// gapNaN() throughout (must stay).
void runLinear(const Kernel &kernel, const LinearShape &s,
               const std::vector<LinearVariant> &variants) {
  const GuardedBuffer::Placement at = s.placement;
  std::mt19937 rng(static_cast<uint32_t>(s.M * 7919 + s.N * 104729 + s.K));
  GuardedBuffer A(stridedCount(s.M, s.K, s.lda), at);
  fillStrided(A.data(), s.M, s.K, s.lda, rng);
  GuardedBuffer B(stridedCount(s.K, s.N, s.N), at);
  fillStrided(B.data(), s.K, s.N, s.N, rng);
  GuardedBuffer bias(static_cast<size_t>(s.N), at);
  fillStrided(bias.data(), 1, s.N, s.N, rng);
  GuardedBuffer residual(stridedCount(s.M, s.N, s.ldr), at);
  fillStrided(residual.data(), s.M, s.N, s.ldr, rng);
  const Reference ref =
      reference(s.M, s.N, s.K, A.data(), s.lda, B.data(), s.N, false);
  A.protectReadOnly();
  B.protectReadOnly();
  bias.protectReadOnly();
  residual.protectReadOnly();
  GuardedBuffer packed(tcc_gemm_packed_b_size_f32(kernel.isa, s.K, s.N), at);
  tcc_gemm_pack_b_f32(kernel.isa, s.K, s.N, B.data(), s.N, packed.data());
  packed.protectReadOnly();

  GuardedBuffer C(stridedCount(s.M, s.N, s.ldc), at);
  fillGap(C.data(), C.size());
  for (const LinearVariant &v : variants) {
    const std::string what = describe(kernel, s, v);
    SCOPED_TRACE(what);
    for (int64_t i = 0; i < s.M; ++i)
      fillNaN(C.data() + i * s.ldc, static_cast<size_t>(s.N));
    const float *biasPtr = v.bias ? bias.data() : nullptr;
    const float *resPtr = v.residual ? residual.data() : nullptr;
    kernel.linear(s.M, s.N, s.K, A.data(), s.lda, packed.data(), biasPtr,
                  v.act, resPtr, s.ldr, C.data(), s.ldc);
    EXPECT_EQ(C.changedCanaryBytes(), 0u) << "wrote outside C";

    // GemmTest's bound on the product (+ bias), through the activation
    // (slope times that, plus the activation's own error), plus one
    // rounding each of the activation's result and the residual sum.
    int64_t bad = 0;
    const double gemmEps = static_cast<double>(s.K + 3) * kEps;
    for (int64_t i = 0; i < s.M; ++i) {
      for (int64_t j = 0; j < s.N; ++j) {
        double z = ref.value[i * s.N + j], scale = ref.scale[i * s.N + j];
        if (biasPtr) {
          z += biasPtr[j];
          scale += std::fabs(biasPtr[j]);
        }
        const double a = activationRef(v.act, z);
        const double r = resPtr ? resPtr[i * s.ldr + j] : 0.0;
        const double want = a + r;
        const double tol = activationSlope(v.act) * gemmEps * scale +
                           activationTol(v.act, z) +
                           2 * kEps * (std::fabs(a) + std::fabs(r)) + 1e-30;
        const double c = C.data()[i * s.ldc + j];
        if (!(std::fabs(c - want) <= tol)) {
          if (bad < 5)
            ADD_FAILURE() << what << ": C[" << i << "][" << j << "] = " << c
                          << ", want " << want << " (pre-activation " << z
                          << ", tolerance " << tol << ")";
          ++bad;
        }
      }
      if (i + 1 < s.M)
        for (int64_t j = s.N; j < s.ldc; ++j)
          if (!isGap(C.data()[i * s.ldc + j])) {
            if (bad < 5)
              ADD_FAILURE() << what << ": row gap C[" << i << "][" << j
                            << "] was written";
            ++bad;
          }
    }
    if (testing::Test::HasFailure())
      return; // one failing shape is enough output
  }
}

const int64_t kLinearSizes[] = {1, 7, 17, 33, 197, 255};

// Every M x N pair of the sizes, three K (one k block at most), every
// activation with and without bias and residual; strides tight or padded
// in turn (A's gaps hold NaN, C's and the residual's a marker).
TEST_P(Nn, LinearEveryShapeAndVariant) {
  const std::vector<LinearVariant> variants = allLinearVariants();
  int n = 0;
  for (int64_t K : {1, 17, 255})
    for (int64_t M : kLinearSizes)
      for (int64_t N : kLinearSizes) {
        ++n;
        LinearShape s{M, N, K, K + (n % 2 ? 5 : 0), N + (n % 3 ? 3 : 0),
                      N + (n % 3 != 1 ? 7 : 0)};
        runLinear(GetParam(), s, variants);
        if (HasFailure())
          return;
      }
}

// The epilogue runs once per block of C after its last k block: K past one
// k block (KC = 256) and N past one n block (NC = 512), uneven last blocks.
TEST_P(Nn, LinearOverKAndNBlocks) {
  const int64_t shapes[][3] = {{13, 520, 300},  {197, 1030, 257},
                               {29, 600, 1000}, {1, 1025, 513},
                               {64, 2048, 64},  {255, 513, 129},
                               {7, 33, 768}};
  std::vector<LinearVariant> variants;
  for (int act : kActivations) {
    variants.push_back({act, false, false});
    variants.push_back({act, true, true});
  }
  for (const auto &sh : shapes) {
    LinearShape s{sh[0], sh[1], sh[2], sh[2] + 3, sh[1] + 1, sh[1] + 2};
    runLinear(GetParam(), s, variants);
    if (HasFailure())
      return;
  }
}

// Every buffer flush against the guard page at its start.
TEST_P(Nn, LinearGuardPagesBeforeBuffers) {
  const int64_t shapes[][3] = {
      {1, 1, 1}, {7, 33, 17}, {197, 31, 65}, {16, 16, 16}, {65, 255, 257}};
  for (const auto &sh : shapes)
    for (int pad = 0; pad < 2; ++pad) {
      LinearShape s{sh[0],          sh[1],          sh[2],
                    sh[2] + 9 * pad, sh[1] + 5 * pad, sh[1] + 4 * pad};
      s.placement = GuardedBuffer::AtStart;
      runLinear(GetParam(), s, allLinearVariants());
      if (HasFailure())
        return;
    }
}

// M = 0 or N = 0 writes nothing; K = 0 gives act(bias or 0) + residual.
TEST_P(Nn, LinearDegenerateSizes) {
  const Kernel &k = GetParam();
  float A[4] = {1, 2, 3, 4}, packed[64] = {};
  const float bias[3] = {-1.5f, 0.25f, 2.0f};
  const float res[6] = {10, 20, 30, 40, 50, 60};
  float C[6];
  for (float &v : C)
    v = 7.0f;
  k.linear(0, 3, 2, A, 2, packed, bias, TCC_ACT_RELU, res, 3, C, 3);
  k.linear(2, 0, 2, A, 2, packed, bias, TCC_ACT_RELU, res, 3, C, 3);
  for (float v : C)
    EXPECT_EQ(v, 7.0f);
  for (int act : kActivations) {
    k.linear(2, 3, 0, A, 1, packed, bias, act, res, 3, C, 3);
    for (int i = 0; i < 6; ++i)
      EXPECT_NEAR(C[i], activationRef(act, bias[i % 3]) + res[i], 1e-5)
          << activationName(act) << " " << i;
    k.linear(2, 3, 0, A, 1, packed, nullptr, act, nullptr, 3, C, 3);
    for (float v : C)
      EXPECT_EQ(v, 0.0f) << activationName(act);
  }
}

//===--------------------------------------------------------------------===//
// Attention
//===--------------------------------------------------------------------===//

struct AttnShape {
  int64_t batch, heads, sq, skv, dk, dv;
};

enum class MaskKind {
  None,        // tcc_attention_f32_<isa>
  Random,      // uniform in [-3, 3)
  RandomInf,   // a quarter -inf, the rest uniform in [-3, 3)
  CausalInf,   // -inf above the diagonal (j > i)
  Causal1e9,   // -1e9 above the diagonal
  WindowEnd,   // -inf for j < i * skv / sq: late rows mask whole key tiles
  Increasing,  // 12 j / skv: later key tiles raise the row max
  FullRowInf,  // Random, with rows sq / 2 and sq - 1 all -inf (NaN out)
};

const char *maskName(MaskKind k) {
  switch (k) {
  case MaskKind::None:
    return "unmasked";
  case MaskKind::Random:
    return "random";
  case MaskKind::RandomInf:
    return "random+-inf";
  case MaskKind::CausalInf:
    return "causal(-inf)";
  case MaskKind::Causal1e9:
    return "causal(-1e9)";
  case MaskKind::WindowEnd:
    return "window-end(-inf)";
  case MaskKind::Increasing:
    return "increasing";
  case MaskKind::FullRowInf:
    return "full-row(-inf)";
  }
  return "?";
}

// The mask's shape [mb, mh, mr, mc]: each dimension the full size or 1.
struct MaskShape {
  bool batch, heads, rows, cols;
};

struct AttnCase {
  AttnShape s;
  MaskKind kind = MaskKind::None;
  MaskShape mask = {true, true, true, true};
  float scale = 0.0f; // 0: 1 / sqrt(dk)
  GuardedBuffer::Placement placement = GuardedBuffer::AtEnd;
  int64_t blockQ = 0, blockK = 0; // tile sizes; 0: the kernel's defaults
};

std::string describe(const Kernel &k, const AttnCase &c) {
  std::ostringstream os;
  os << k.name << " attention B=" << c.s.batch << " H=" << c.s.heads
     << " Sq=" << c.s.sq << " Skv=" << c.s.skv << " dk=" << c.s.dk
     << " dv=" << c.s.dv << " " << maskName(c.kind);
  if (c.kind != MaskKind::None)
    os << " mask[" << (c.mask.batch ? "B" : "1") << ","
       << (c.mask.heads ? "H" : "1") << "," << (c.mask.rows ? "Sq" : "1")
       << "," << (c.mask.cols ? "Skv" : "1") << "]";
  os << (c.placement == GuardedBuffer::AtEnd ? " at-end" : " at-start");
  return os.str();
}

// A [batch, rows, cols] activation at stride rs per row and bs per batch
// inside a bigger buffer (a fused projection's output): `cols` values from
// column `col0` of each row.
struct Slice {
  const float *base;
  int64_t col0, bs, rs;
  const float *at(int64_t b, int64_t i) const {
    return base + col0 + b * bs + i * rs;
  }
};

// Fills `cols` columns of every row of a [batch, rows, width] buffer with
// values in [-1, 1) (everything else in the buffer must be gapNaN()).
void fillRows(float *p, int64_t batch, int64_t rows, int64_t width,
              int64_t bs, int64_t rs, std::mt19937 &rng) {
  std::uniform_real_distribution<float> d(-1.0f, 1.0f);
  for (int64_t b = 0; b < batch; ++b)
    for (int64_t i = 0; i < rows; ++i)
      for (int64_t j = 0; j < width; ++j)
        p[b * bs + i * rs + j] = d(rng);
}

void runAttention(const Kernel &kernel, const AttnCase &c) {
  const AttnShape &s = c.s;
  const GuardedBuffer::Placement at = c.placement;
  const std::string what = describe(kernel, c);
  SCOPED_TRACE(what);
  std::mt19937 rng(static_cast<uint32_t>(
      s.batch * 1000003 + s.heads * 10007 + s.sq * 1009 + s.skv * 101 +
      s.dk * 11 + s.dv + static_cast<int>(c.kind) * 7777));
  const int64_t H = s.heads;
  const float scale =
      c.scale != 0.0f ? c.scale
                      : static_cast<float>(1.0 / std::sqrt(double(s.dk)));

  // q, k, v: slices of a fused [B, S, H*dk | H*dk | H*dv | pad] buffer
  // when Sq == Skv (self-attention), else q [B, Sq, H*dk | pad] and a fused
  // [B, Skv, H*dk | H*dv | pad] (cross-attention); batches padded too.
  Slice q, k, v;
  GuardedBuffer *qkvBuf = nullptr, *qBuf = nullptr, *kvBuf = nullptr;
  if (s.sq == s.skv) {
    const int64_t used = H * (2 * s.dk + s.dv), rs = used + 2,
                  bs = s.sq * rs + 3;
    const size_t n = static_cast<size_t>((s.batch - 1) * bs +
                                         (s.sq - 1) * rs + used);
    qkvBuf = new GuardedBuffer(n, at);
    fillGap(qkvBuf->data(), n);
    fillRows(qkvBuf->data(), s.batch, s.sq, used, bs, rs, rng);
    q = {qkvBuf->data(), 0, bs, rs};
    k = {qkvBuf->data(), H * s.dk, bs, rs};
    v = {qkvBuf->data(), 2 * H * s.dk, bs, rs};
    qkvBuf->protectReadOnly();
  } else {
    const int64_t qUsed = H * s.dk, qrs = qUsed + 3, qbs = s.sq * qrs + 1;
    const size_t nq = static_cast<size_t>((s.batch - 1) * qbs +
                                          (s.sq - 1) * qrs + qUsed);
    qBuf = new GuardedBuffer(nq, at);
    fillGap(qBuf->data(), nq);
    fillRows(qBuf->data(), s.batch, s.sq, qUsed, qbs, qrs, rng);
    const int64_t kvUsed = H * (s.dk + s.dv), kvrs = kvUsed + 1,
                  kvbs = s.skv * kvrs + 2;
    const size_t nkv = static_cast<size_t>((s.batch - 1) * kvbs +
                                           (s.skv - 1) * kvrs + kvUsed);
    kvBuf = new GuardedBuffer(nkv, at);
    fillGap(kvBuf->data(), nkv);
    fillRows(kvBuf->data(), s.batch, s.skv, kvUsed, kvbs, kvrs, rng);
    q = {qBuf->data(), 0, qbs, qrs};
    k = {kvBuf->data(), 0, kvbs, kvrs};
    v = {kvBuf->data(), H * s.dk, kvbs, kvrs};
    qBuf->protectReadOnly();
    kvBuf->protectReadOnly();
  }
  std::unique_ptr<GuardedBuffer> qkvOwner(qkvBuf), qOwner(qBuf),
      kvOwner(kvBuf);

  // The mask: dense [mb, mh, mr, mc] with padded strides (the strides of
  // broadcast dimensions are passed too and must be ignored).
  const bool masked = c.kind != MaskKind::None;
  const int64_t mb = c.mask.batch ? s.batch : 1, mh = c.mask.heads ? H : 1,
                mr = c.mask.rows ? s.sq : 1, mc = c.mask.cols ? s.skv : 1;
  const int64_t mrs = mc + 2, mhs = mr * mrs + 1, mbs = mh * mhs + 1;
  const size_t maskCount =
      masked ? static_cast<size_t>((mb - 1) * mbs + (mh - 1) * mhs +
                                   (mr - 1) * mrs + mc)
             : 1;
  GuardedBuffer mask(maskCount, at);
  fillGap(mask.data(), maskCount);
  if (masked) {
    std::uniform_real_distribution<float> u(-3.0f, 3.0f);
    for (int64_t b = 0; b < mb; ++b)
      for (int64_t h = 0; h < mh; ++h)
        for (int64_t i = 0; i < mr; ++i)
          for (int64_t j = 0; j < mc; ++j) {
            float m = 0.0f;
            switch (c.kind) {
            case MaskKind::Random:
              m = u(rng);
              break;
            case MaskKind::RandomInf:
              m = rng() % 4 == 0 ? -kInf : u(rng);
              break;
            case MaskKind::CausalInf:
              m = j > i ? -kInf : 0.0f;
              break;
            case MaskKind::Causal1e9:
              m = j > i ? -1e9f : 0.0f;
              break;
            case MaskKind::WindowEnd:
              m = j < i * mc / mr ? -kInf : 0.0f;
              break;
            case MaskKind::Increasing:
              m = static_cast<float>(12.0 * double(j) / double(mc));
              break;
            case MaskKind::FullRowInf:
              m = (i == mr / 2 || i == mr - 1) ? -kInf : u(rng);
              break;
            case MaskKind::None:
              break;
            }
            mask.data()[b * mbs + h * mhs + i * mrs + j] = m;
          }
  }
  mask.protectReadOnly();
  auto maskAt = [&](int64_t b, int64_t h, int64_t i, int64_t j) -> double {
    if (!masked)
      return 0.0;
    return mask.data()[(mb > 1 ? b : 0) * mbs + (mh > 1 ? h : 0) * mhs +
                       (mr > 1 ? i : 0) * mrs + (mc > 1 ? j : 0)];
  };

  // out [B, Sq, H*dv] with padded rows and batches: elements NaN (not to
  // be read), gaps gapNaN() (not to be written).
  const int64_t oUsed = H * s.dv, ors = oUsed + 3, obs = s.sq * ors + 2;
  const size_t nOut = static_cast<size_t>((s.batch - 1) * obs +
                                          (s.sq - 1) * ors + oUsed);
  GuardedBuffer out(nOut, at);
  fillGap(out.data(), nOut);
  for (int64_t b = 0; b < s.batch; ++b)
    for (int64_t i = 0; i < s.sq; ++i)
      fillNaN(out.data() + b * obs + i * ors, static_cast<size_t>(oUsed));

  const size_t scratchSize =
      tcc_attention_scratch_size_f32(kernel.isa, s.sq, s.skv, s.dk, s.dv,
                                     c.blockQ, c.blockK);
  ASSERT_GT(scratchSize, 0u);
  GuardedBuffer scratch(scratchSize, at);
  fillNaN(scratch.data(), scratchSize);

  if (masked)
    kernel.attentionMasked(s.batch, H, s.sq, s.skv, s.dk, s.dv, scale,
                           q.base + q.col0, q.bs, q.rs, k.base + k.col0, k.bs,
                           k.rs, v.base + v.col0, v.bs, v.rs, mb, mh, mr, mc,
                           mask.data(), mbs, mhs, mrs, out.data(), obs, ors,
                           c.blockQ, c.blockK, scratch.data());
  else
    kernel.attention(s.batch, H, s.sq, s.skv, s.dk, s.dv, scale,
                     q.base + q.col0, q.bs, q.rs, k.base + k.col0, k.bs, k.rs,
                     v.base + v.col0, v.bs, v.rs, out.data(), obs, ors,
                     c.blockQ, c.blockK, scratch.data());
  EXPECT_EQ(out.changedCanaryBytes(), 0u) << "wrote outside out";
  EXPECT_EQ(scratch.changedCanaryBytes(), 0u) << "wrote outside scratch";

  // Reference: softmax(scale q k^T + mask) v per (batch, head) in double;
  // a row whose scores are all -inf is NaN.
  std::vector<double> want(static_cast<size_t>(s.batch * s.sq * oUsed));
  std::vector<char> nanRow(static_cast<size_t>(s.batch * H * s.sq), 0);
  std::vector<double> sc(static_cast<size_t>(s.skv)), acc(s.dv);
  double maxAbs = 0.0;
  for (int64_t b = 0; b < s.batch; ++b)
    for (int64_t h = 0; h < H; ++h)
      for (int64_t i = 0; i < s.sq; ++i) {
        const float *qi = q.at(b, i) + h * s.dk;
        double mx = -HUGE_VAL;
        for (int64_t j = 0; j < s.skv; ++j) {
          const float *kj = k.at(b, j) + h * s.dk;
          double dot = 0.0;
          for (int64_t d = 0; d < s.dk; ++d)
            dot += double(qi[d]) * kj[d];
          sc[j] = double(scale) * dot + maskAt(b, h, i, j);
          mx = std::max(mx, sc[j]);
        }
        double *w = &want[(b * s.sq + i) * oUsed + h * s.dv];
        if (mx == -HUGE_VAL) {
          nanRow[(b * H + h) * s.sq + i] = 1;
          continue;
        }
        std::fill(acc.begin(), acc.end(), 0.0);
        double sum = 0.0;
        for (int64_t j = 0; j < s.skv; ++j) {
          const double p = std::exp(sc[j] - mx);
          sum += p;
          const float *vj = v.at(b, j) + h * s.dv;
          for (int64_t d = 0; d < s.dv; ++d)
            acc[d] += p * vj[d];
        }
        for (int64_t d = 0; d < s.dv; ++d) {
          w[d] = acc[d] / sum;
          maxAbs = std::max(maxAbs, std::fabs(w[d]));
        }
      }

  const double tol = 1e-5 * maxAbs + 1e-30;
  int64_t bad = 0;
  auto fail = [&](const std::string &msg) {
    if (bad < 5)
      ADD_FAILURE() << what << ": " << msg;
    ++bad;
  };
  for (int64_t b = 0; b < s.batch; ++b)
    for (int64_t i = 0; i < s.sq; ++i) {
      const float *orow = out.data() + b * obs + i * ors;
      for (int64_t h = 0; h < H; ++h)
        for (int64_t d = 0; d < s.dv; ++d) {
          const double got = orow[h * s.dv + d];
          auto pos = [&] {
            std::ostringstream os;
            os << "out[b=" << b << "][i=" << i << "][h=" << h << "][" << d
               << "] = " << got;
            return os.str();
          };
          if (nanRow[(b * H + h) * s.sq + i]) {
            if (!std::isnan(got))
              fail(pos() + ", want NaN (all scores -inf)");
            continue;
          }
          const double w = want[(b * s.sq + i) * oUsed + h * s.dv + d];
          if (!(std::fabs(got - w) <= tol)) {
            std::ostringstream m;
            m << pos() << ", want " << w << " (tolerance " << tol
              << ", max|ref| " << maxAbs << ")";
            fail(m.str());
          }
        }
      // Row and batch gaps of out stay untouched.
      const int64_t gapEnd =
          i + 1 < s.sq ? ors : (b + 1 < s.batch ? obs - (s.sq - 1) * ors : 0);
      for (int64_t j = oUsed; j < gapEnd; ++j)
        if (!isGap(orow[j])) {
          std::ostringstream m;
          m << "gap out[b=" << b << "][i=" << i << "] + " << j
            << " was written";
          fail(m.str());
        }
    }
  // Under a causal mask, row 0 attends to key 0 only: exactly v's row 0.
  if (c.kind == MaskKind::CausalInf || c.kind == MaskKind::Causal1e9)
    for (int64_t b = 0; b < s.batch; ++b)
      for (int64_t h = 0; h < H; ++h)
        for (int64_t d = 0; d < s.dv; ++d)
          if (out.data()[b * obs + h * s.dv + d] != v.at(b, 0)[h * s.dv + d]) {
            std::ostringstream m;
            m << "causal row 0 (b=" << b << ", h=" << h << ", " << d
              << ") = " << out.data()[b * obs + h * s.dv + d]
              << ", want v exactly: " << v.at(b, 0)[h * s.dv + d];
            fail(m.str());
          }
}

const int64_t kSeqSizes[] = {1, 7, 17, 64, 65, 197, 300};
const int64_t kHeadDims[][2] = {{1, 1}, {8, 8},  {64, 64}, {1, 8}, {8, 1},
                                {8, 64}, {64, 8}, {1, 64}, {64, 1}};

// Every Sq x Skv pair (300 > 256 keys: two key tiles and the online
// softmax's rescaling; Sq > 64: several query tiles), head dimensions,
// batch and head counts in turn.
TEST_P(Nn, AttentionEverySqAndSkv) {
  int n = 0;
  for (int64_t sq : kSeqSizes)
    for (int64_t skv : kSeqSizes) {
      const auto &d = kHeadDims[n % 9];
      AttnCase c{{1 + n % 2, n % 3 ? 3 : 1, sq, skv, d[0], d[1]}};
      ++n;
      runAttention(GetParam(), c);
      if (HasFailure())
        return;
    }
}

// Every (dk, dv) pair with two batches and three heads.
TEST_P(Nn, AttentionHeadDims) {
  for (const auto &d : kHeadDims)
    for (const auto &sz : {std::make_pair(65, 300), std::make_pair(17, 7),
                           std::make_pair(197, 197)}) {
      AttnCase c{{2, 3, sz.first, sz.second, d[0], d[1]}};
      runAttention(GetParam(), c);
      if (HasFailure())
        return;
    }
}

// Larger scale (peaked softmax), guard pages before the buffers.
TEST_P(Nn, AttentionScaleAndGuardPagesBefore) {
  for (float scale : {3.0f, 0.01f})
    for (const auto &sz : {std::make_pair(64, 65), std::make_pair(300, 17),
                           std::make_pair(7, 300)}) {
      AttnCase c{{2, 3, sz.first, sz.second, 8, 64}};
      c.scale = scale;
      c.placement = GuardedBuffer::AtStart;
      runAttention(GetParam(), c);
      c.kind = MaskKind::Random;
      runAttention(GetParam(), c);
      if (HasFailure())
        return;
    }
}

// The additive mask in full and broadcast shapes.
TEST_P(Nn, AttentionMaskShapes) {
  const MaskShape shapes[] = {{true, true, true, true},    // [B,H,Sq,Skv]
                              {false, false, true, true},  // [1,1,Sq,Skv]
                              {true, false, false, true},  // [B,1,1,Skv]
                              {false, false, false, false}, // [1,1,1,1]
                              {false, true, true, false},  // [1,H,Sq,1]
                              {true, true, false, true}};  // [B,H,1,Skv]
  const int64_t sizes[][2] = {{1, 1}, {7, 17}, {65, 300}, {300, 64},
                              {197, 197}};
  int n = 0;
  for (const MaskShape &m : shapes)
    for (const auto &sz : sizes) {
      const auto &d = kHeadDims[n++ % 9];
      AttnCase c{{2, 3, sz[0], sz[1], d[0], d[1]}, MaskKind::Random, m};
      runAttention(GetParam(), c);
      c.kind = MaskKind::RandomInf;
      runAttention(GetParam(), c);
      if (HasFailure())
        return;
    }
}

// Causal masks (-inf and -1e9 above the diagonal, [1,1,Sq,Skv] broadcast
// over batch and heads); row 0 must be v's row 0 exactly.
TEST_P(Nn, AttentionCausal) {
  const int64_t sizes[][2] = {{1, 1},    {7, 7},    {64, 64},  {65, 65},
                              {197, 197}, {300, 300}, {17, 300}, {300, 17}};
  for (MaskKind kind : {MaskKind::CausalInf, MaskKind::Causal1e9})
    for (const auto &sz : sizes) {
      AttnCase c{{2, 3, sz[0], sz[1], 64, 8}, kind,
                 {false, false, true, true}};
      runAttention(GetParam(), c);
      c.mask = {true, true, true, true};
      c.s.dk = 8;
      c.s.dv = 64;
      runAttention(GetParam(), c);
      if (HasFailure())
        return;
    }
}

// The online softmax across key tiles: rows whose first tile(s) are all
// -inf (the running max stays -inf, then becomes finite), and masks that
// raise the max in every later tile (the output is rescaled).
TEST_P(Nn, AttentionAcrossKeyTiles) {
  const int64_t sizes[][2] = {{65, 300}, {197, 600}, {7, 513}, {300, 300}};
  for (MaskKind kind : {MaskKind::WindowEnd, MaskKind::Increasing})
    for (const auto &sz : sizes) {
      AttnCase c{{2, 3, sz[0], sz[1], 8, 8}, kind,
                 {false, false, true, true}};
      runAttention(GetParam(), c);
      c.s.dk = 64;
      c.s.dv = 1;
      c.mask = {true, true, true, true};
      runAttention(GetParam(), c);
      if (HasFailure())
        return;
    }
}

// Tiles the compiler picks for a small cache (tfm-tile-for-cache): many
// query blocks and key tiles, odd tile sizes, tiles larger than the input.
TEST_P(Nn, AttentionCompilerChosenTiles) {
  const int64_t tiles[][2] = {{16, 32}, {7, 17}, {1, 1}, {512, 1024}};
  for (const auto &t : tiles)
    for (MaskKind kind : {MaskKind::None, MaskKind::CausalInf,
                          MaskKind::Increasing, MaskKind::WindowEnd}) {
      AttnCase c{{2, 3, 65, 197, 16, 8}, kind, {false, false, true, true}};
      c.blockQ = t[0];
      c.blockK = t[1];
      runAttention(GetParam(), c);
      if (HasFailure())
        return;
    }
}

// A row whose scores are all -inf is NaN (softmax of all -inf); the other
// rows are unaffected.
TEST_P(Nn, AttentionFullyMaskedRowIsNaN) {
  const int64_t sizes[][2] = {{1, 1}, {7, 17}, {65, 300}, {197, 197}};
  for (const auto &sz : sizes) {
    AttnCase c{{2, 3, sz[0], sz[1], 8, 8}, MaskKind::FullRowInf,
               {true, true, true, true}};
    runAttention(GetParam(), c);
    c.mask = {false, false, true, false}; // [1,1,Sq,1]
    runAttention(GetParam(), c);
    if (HasFailure())
      return;
  }
}

// The scratch is one tile: independent of Sq and Skv beyond the tile sizes
// (64 query rows, 256 keys), 0 for empty shapes.
TEST_P(Nn, AttentionScratchIsBounded) {
  const tcc_isa isa = GetParam().isa;
  for (int64_t dk : {1, 8, 64, 128})
    for (int64_t dv : {1, 64}) {
      const size_t tile =
          tcc_attention_scratch_size_f32(isa, 64, 256, dk, dv, 0, 0);
      EXPECT_GT(tile, 0u);
      EXPECT_EQ(
          tcc_attention_scratch_size_f32(isa, 100000, 100000, dk, dv, 0, 0),
          tile);
      EXPECT_LE(tcc_attention_scratch_size_f32(isa, 7, 300, dk, dv, 0, 0),
                tile);
      EXPECT_LE(tcc_attention_scratch_size_f32(isa, 300, 7, dk, dv, 0, 0),
                tile);
      // Smaller tiles need less.
      EXPECT_LT(
          tcc_attention_scratch_size_f32(isa, 100000, 100000, dk, dv, 16, 32),
          tile);
    }
  EXPECT_EQ(tcc_attention_scratch_size_f32(isa, 0, 5, 8, 8, 0, 0), 0u);
  EXPECT_EQ(tcc_attention_scratch_size_f32(isa, 5, 0, 8, 8, 0, 0), 0u);
  EXPECT_EQ(tcc_attention_scratch_size_f32(isa, 5, 5, 0, 8, 0, 0), 0u);
  EXPECT_EQ(tcc_attention_scratch_size_f32(isa, 5, 5, 8, 0, 0, 0), 0u);
}

//===--------------------------------------------------------------------===//
// Layer norm
//===--------------------------------------------------------------------===//

const int64_t kRowCounts[] = {1, 3, 197};
const int64_t kColCounts[] = {1, 7, 17, 64, 192, 255, 768};

// Row i of the input: values in [-1, 1) plus an offset (0, 10, -3 in turn),
// or tiny values (variance ~ eps) on every 5th row.
void fillNormInput(float *x, int64_t rows, int64_t cols, int64_t ld,
                   std::mt19937 &rng) {
  fillStrided(x, rows, cols, ld, rng);
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j) {
      float &e = x[i * ld + j];
      if (i % 5 == 4)
        e *= 3e-3f;
      else
        e += i % 3 == 1 ? 10.0f : (i % 3 == 2 ? -3.0f : 0.0f);
    }
}

void runLayerNorm(const Kernel &kernel, int64_t rows, int64_t cols,
                  int64_t ldx, int64_t ldy, bool withGamma, bool withBeta,
                  float eps) {
  std::ostringstream os;
  os << kernel.name << " layer_norm rows=" << rows << " cols=" << cols
     << " ldx=" << ldx << " ldy=" << ldy << (withGamma ? " gamma" : "")
     << (withBeta ? " beta" : "") << " eps=" << eps;
  const std::string what = os.str();
  SCOPED_TRACE(what);
  std::mt19937 rng(static_cast<uint32_t>(rows * 131 + cols));
  GuardedBuffer x(stridedCount(rows, cols, ldx), GuardedBuffer::AtEnd);
  fillNormInput(x.data(), rows, cols, ldx, rng);
  GuardedBuffer gamma(static_cast<size_t>(cols), GuardedBuffer::AtEnd),
      beta(static_cast<size_t>(cols), GuardedBuffer::AtStart);
  std::uniform_real_distribution<float> d(-2.0f, 2.0f);
  for (int64_t j = 0; j < cols; ++j) {
    gamma.data()[j] = d(rng);
    beta.data()[j] = d(rng);
  }
  x.protectReadOnly();
  gamma.protectReadOnly();
  beta.protectReadOnly();
  GuardedBuffer y(stridedCount(rows, cols, ldy), GuardedBuffer::AtEnd);
  fillStrided(y.data(), rows, cols, ldy, rng);
  for (int64_t i = 0; i < rows; ++i)
    fillNaN(y.data() + i * ldy, static_cast<size_t>(cols));
  const float *g = withGamma ? gamma.data() : nullptr;
  const float *b = withBeta ? beta.data() : nullptr;
  kernel.layerNorm(rows, cols, x.data(), ldx, g, b, eps, y.data(), ldy);
  EXPECT_EQ(y.changedCanaryBytes(), 0u) << "wrote outside y";

  // Error model of the float computation: the mean is a cols-term sum
  // (error <= (cols + 8) eps max|x|), which shifts every centred value;
  // the variance and rstd carry a relative (cols + 8) eps; then the
  // products with gamma and the sum with beta round once each.
  int64_t bad = 0;
  for (int64_t i = 0; i < rows; ++i) {
    const float *xr = x.data() + i * ldx;
    double mean = 0.0, maxAbs = 0.0;
    for (int64_t j = 0; j < cols; ++j) {
      mean += xr[j];
      maxAbs = std::max(maxAbs, std::fabs(double(xr[j])));
    }
    mean /= double(cols);
    double var = 0.0;
    for (int64_t j = 0; j < cols; ++j)
      var += (xr[j] - mean) * (xr[j] - mean);
    var /= double(cols);
    const double sd = std::sqrt(var + double(eps));
    const double n = double(cols + 8) * kEps;
    for (int64_t j = 0; j < cols; ++j) {
      const double xhat = (xr[j] - mean) / sd;
      const double gj = g ? g[j] : 1.0, bj = b ? b[j] : 0.0;
      const double want = xhat * gj + bj;
      const double tol = std::fabs(gj) * n * (maxAbs / sd + std::fabs(xhat)) +
                         2 * kEps * (std::fabs(xhat * gj) + std::fabs(bj)) +
                         1e-30;
      const double got = y.data()[i * ldy + j];
      if (!(std::fabs(got - want) <= tol)) {
        if (bad < 5)
          ADD_FAILURE() << what << ": y[" << i << "][" << j << "] = " << got
                        << ", want " << want << " (tolerance " << tol << ")";
        ++bad;
      }
    }
    if (i + 1 < rows)
      for (int64_t j = cols; j < ldy; ++j)
        if (!isGap(y.data()[i * ldy + j])) {
          if (bad < 5)
            ADD_FAILURE() << what << ": row gap y[" << i << "][" << j
                          << "] was written";
          ++bad;
        }
  }
}

TEST_P(Nn, LayerNorm) {
  int n = 0;
  for (int64_t rows : kRowCounts)
    for (int64_t cols : kColCounts)
      for (int gb = 0; gb < 4; ++gb) {
        ++n;
        runLayerNorm(GetParam(), rows, cols, cols + (n % 2 ? 3 : 0),
                     cols + (n % 3 ? 0 : 5), (gb & 1) != 0, (gb & 2) != 0,
                     n % 4 == 0 ? 1e-12f : 1e-5f);
        if (HasFailure())
          return;
      }
}

// eps is added to the variance: a row of +-1e-3 has variance 1e-6, so
// with eps = 1e-5 the normalized values are 1e-3 / sqrt(1.1e-5) = 0.3015,
// not 1; a constant row normalizes to 0 (then beta).
TEST_P(Nn, LayerNormEps) {
  const Kernel &k = GetParam();
  float x[64], y[64];
  for (int j = 0; j < 64; ++j)
    x[j] = j % 2 ? 1e-3f : -1e-3f;
  k.layerNorm(1, 64, x, 64, nullptr, nullptr, 1e-5f, y, 64);
  const double want = 1e-3 / std::sqrt(1e-6 + 1e-5);
  for (int j = 0; j < 64; ++j)
    EXPECT_NEAR(y[j], j % 2 ? want : -want, 1e-5) << j;
  for (int j = 0; j < 64; ++j)
    x[j] = 0.375f;
  float beta[64];
  for (int j = 0; j < 64; ++j)
    beta[j] = static_cast<float>(j);
  k.layerNorm(1, 64, x, 64, nullptr, beta, 1e-5f, y, 64);
  for (int j = 0; j < 64; ++j)
    EXPECT_EQ(y[j], beta[j]) << j;
}

//===--------------------------------------------------------------------===//
// Softmax
//===--------------------------------------------------------------------===//

// Row i: values in [-4, 4) scaled by 1, 20 or 60 in turn (large spreads
// push exp to underflow); every 4th row has a third of its entries -inf
// (at least one finite), row rows / 2 of a multi-row input is all -inf.
void fillSoftmaxInput(float *x, int64_t rows, int64_t cols, int64_t ld,
                      std::mt19937 &rng) {
  fillStrided(x, rows, cols, ld, rng);
  for (int64_t i = 0; i < rows; ++i) {
    const float spread = i % 3 == 0 ? 4.0f : (i % 3 == 1 ? 80.0f : 240.0f);
    for (int64_t j = 0; j < cols; ++j) {
      float &e = x[i * ld + j];
      e *= spread;
      if (i % 4 == 3 && j != cols / 2 && rng() % 3 == 0)
        e = -kInf;
      if (rows > 1 && i == rows / 2)
        e = -kInf;
    }
  }
}

void runSoftmax(const Kernel &kernel, int64_t rows, int64_t cols, int64_t ldx,
                int64_t ldy, bool inPlace) {
  std::ostringstream os;
  os << kernel.name << " softmax rows=" << rows << " cols=" << cols
     << " ldx=" << ldx << " ldy=" << ldy << (inPlace ? " in place" : "");
  const std::string what = os.str();
  SCOPED_TRACE(what);
  std::mt19937 rng(static_cast<uint32_t>(rows * 977 + cols));
  if (inPlace)
    ldy = ldx;
  GuardedBuffer x(stridedCount(rows, cols, ldx), GuardedBuffer::AtEnd);
  fillSoftmaxInput(x.data(), rows, cols, ldx, rng);
  std::vector<float> x0(x.data(), x.data() + x.size());
  GuardedBuffer yOwn(inPlace ? 0 : stridedCount(rows, cols, ldy),
                     GuardedBuffer::AtStart);
  float *y = inPlace ? x.data() : yOwn.data();
  if (!inPlace) {
    x.protectReadOnly();
    fillStrided(y, rows, cols, ldy, rng);
    for (int64_t i = 0; i < rows; ++i)
      fillNaN(y + i * ldy, static_cast<size_t>(cols));
  }
  kernel.softmax(rows, cols, x.data(), ldx, y, ldy);
  EXPECT_EQ(x.changedCanaryBytes(), 0u) << "wrote outside x";
  EXPECT_EQ(yOwn.changedCanaryBytes(), 0u) << "wrote outside y";

  // exp's relative error, the rounding of x - max (|x - max| eps / 2
  // relative in exp), the cols-term sum and the scaling.
  int64_t bad = 0;
  for (int64_t i = 0; i < rows; ++i) {
    const float *xr = &x0[static_cast<size_t>(i * ldx)];
    double mx = -HUGE_VAL;
    for (int64_t j = 0; j < cols; ++j)
      mx = std::max(mx, double(xr[j]));
    double sum = 0.0;
    for (int64_t j = 0; j < cols; ++j)
      sum += std::exp(xr[j] - mx);
    for (int64_t j = 0; j < cols; ++j) {
      const double got = y[i * ldy + j];
      double want = 0.0, tol = 0.0;
      if (mx == -HUGE_VAL) {
        want = std::nan("");
      } else if (xr[j] == -kInf) {
        want = 0.0; // exactly
      } else {
        want = std::exp(xr[j] - mx) / sum;
        tol = want * (double(cols + 8) * kEps + kEps * std::fabs(xr[j] - mx)) +
              1e-37;
      }
      const bool ok = std::isnan(want) ? std::isnan(got)
                                       : std::fabs(got - want) <= tol;
      if (!ok) {
        if (bad < 5)
          ADD_FAILURE() << what << ": y[" << i << "][" << j << "] = " << got
                        << ", want " << want << " (x = " << xr[j]
                        << ", row max " << mx << ", tolerance " << tol << ")";
        ++bad;
      }
      if (xr[j] == -kInf && mx != -HUGE_VAL && got != 0.0) {
        if (bad < 5)
          ADD_FAILURE() << what << ": y[" << i << "][" << j << "] = " << got
                        << " for x = -inf, want exactly 0";
        ++bad;
      }
    }
    if (!inPlace && i + 1 < rows)
      for (int64_t j = cols; j < ldy; ++j)
        if (!isGap(y[i * ldy + j])) {
          if (bad < 5)
            ADD_FAILURE() << what << ": row gap y[" << i << "][" << j
                          << "] was written";
          ++bad;
        }
    if (inPlace && i + 1 < rows)
      for (int64_t j = cols; j < ldx; ++j)
        if (!isGap(y[i * ldx + j])) {
          if (bad < 5)
            ADD_FAILURE() << what << ": row gap x[" << i << "][" << j
                          << "] was written";
          ++bad;
        }
  }
}

TEST_P(Nn, Softmax) {
  int n = 0;
  for (int64_t rows : kRowCounts)
    for (int64_t cols : kColCounts)
      for (bool inPlace : {false, true}) {
        ++n;
        runSoftmax(GetParam(), rows, cols, cols + (n % 2 ? 0 : 4),
                   cols + (n % 3 ? 7 : 0), inPlace);
        if (HasFailure())
          return;
      }
}

//===--------------------------------------------------------------------===//
// Element-wise activation
//===--------------------------------------------------------------------===//

void checkActivation(const std::string &what, int act, const float *x,
                     const float *y, int64_t n, double *maxErr = nullptr) {
  int64_t bad = 0;
  for (int64_t i = 0; i < n; ++i) {
    const double xi = x[i], want = activationRef(act, xi);
    const double err = std::fabs(y[i] - want);
    bool ok;
    if (act == TCC_ACT_NONE)
      ok = std::memcmp(&x[i], &y[i], sizeof(float)) == 0;
    else
      ok = err <= activationTol(act, xi);
    if (maxErr)
      *maxErr = std::max(*maxErr, err / std::max(1.0, std::fabs(xi)));
    if (!ok) {
      if (bad < 5)
        ADD_FAILURE() << what << ": y[" << i << "] = " << y[i] << " for x = "
                      << x[i] << ", want " << want;
      ++bad;
    }
  }
}

TEST_P(Nn, Activation) {
  const Kernel &k = GetParam();
  for (int64_t n : {0, 1, 7, 17, 1000, 1001})
    for (int act : kActivations)
      for (bool inPlace : {false, true}) {
        std::ostringstream os;
        os << k.name << " activation " << activationName(act) << " n=" << n
           << (inPlace ? " in place" : "");
        SCOPED_TRACE(os.str());
        std::mt19937 rng(static_cast<uint32_t>(n * 4 + act));
        std::uniform_real_distribution<float> d(-8.0f, 8.0f);
        GuardedBuffer x(static_cast<size_t>(n), GuardedBuffer::AtEnd);
        for (int64_t i = 0; i < n; ++i)
          x.data()[i] = d(rng);
        std::vector<float> x0(x.data(), x.data() + n);
        if (inPlace) {
          k.activation(n, act, x.data(), x.data());
          EXPECT_EQ(x.changedCanaryBytes(), 0u);
          checkActivation(os.str(), act, x0.data(), x.data(), n);
        } else {
          x.protectReadOnly();
          GuardedBuffer y(static_cast<size_t>(n), GuardedBuffer::AtStart);
          fillNaN(y.data(), static_cast<size_t>(n));
          k.activation(n, act, x.data(), y.data());
          EXPECT_EQ(y.changedCanaryBytes(), 0u);
          checkActivation(os.str(), act, x0.data(), y.data(), n);
        }
        if (HasFailure())
          return;
      }
}

// The ISA's build of vmath.h (its own target flags, FMA contraction) over
// VmathTest's sweep: every 1e-3 in [-10, 10] and every 1e-2 in
// [-200, 200], GELU within 4e-7 max(1, |x|); ReLU exact, including -0,
// +-inf; identity bitwise, including NaN.
TEST_P(Nn, ActivationSweep) {
  const Kernel &k = GetParam();
  std::vector<float> x;
  for (int i = -10000; i <= 10000; ++i)
    x.push_back(static_cast<float>(i * 1e-3));
  for (int i = -20000; i <= 20000; ++i)
    x.push_back(static_cast<float>(i * 1e-2));
  std::vector<float> y(x.size());
  for (int act : {TCC_ACT_GELU_ERF, TCC_ACT_GELU_TANH}) {
    k.activation(static_cast<int64_t>(x.size()), act, x.data(), y.data());
    double maxErr = 0.0;
    checkActivation(std::string(k.name) + " " + activationName(act), act,
                    x.data(), y.data(), static_cast<int64_t>(x.size()),
                    &maxErr);
    std::printf("[ measured ] %s %s: max error / max(1, |x|) %.3g\n", k.name,
                activationName(act), maxErr);
  }
  const float special[] = {0.0f, -0.0f, kInf, -kInf, 1e30f, -1e30f,
                           FLT_MIN, -FLT_MIN, std::nanf("")};
  float out[9];
  k.activation(9, TCC_ACT_RELU, special, out);
  for (int i = 0; i < 8; ++i)
    EXPECT_EQ(out[i], special[i] > 0.0f ? special[i] : 0.0f) << special[i];
  k.activation(9, TCC_ACT_NONE, special, out);
  EXPECT_EQ(std::memcmp(special, out, sizeof out), 0);
  for (int act : {TCC_ACT_GELU_ERF, TCC_ACT_GELU_TANH}) {
    k.activation(9, act, special, out);
    EXPECT_EQ(out[0], 0.0f);
    EXPECT_EQ(out[1], 0.0f);
    EXPECT_EQ(out[2], kInf) << activationName(act);
    EXPECT_TRUE(std::isnan(out[8])) << activationName(act);
  }
}

INSTANTIATE_TEST_SUITE_P(Kernels, Nn, testing::ValuesIn(allKernels()),
                         KernelName());

} // namespace
} // namespace tcc_kernels_test
