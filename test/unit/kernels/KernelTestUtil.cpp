//===- KernelTestUtil.cpp - Shared pieces of the GEMM kernel tests --------===//
#include "KernelTestUtil.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace tcc_kernels_test {

const std::vector<Kernel> &allKernels() {
  static const std::vector<Kernel> kernels = {
      {TCC_ISA_GENERIC, "generic", tcc_gemm_f32_generic,
       tcc_gemm_f32_unpacked_generic, tcc_linear_f32_generic,
       tcc_attention_f32_generic, tcc_attention_masked_f32_generic,
       tcc_layer_norm_f32_generic, tcc_softmax_f32_generic,
       tcc_activation_f32_generic},
#if defined(__x86_64__) || defined(__i386__)
      {TCC_ISA_AVX2, "avx2", tcc_gemm_f32_avx2, tcc_gemm_f32_unpacked_avx2,
       tcc_linear_f32_avx2, tcc_attention_f32_avx2,
       tcc_attention_masked_f32_avx2, tcc_layer_norm_f32_avx2,
       tcc_softmax_f32_avx2, tcc_activation_f32_avx2},
      {TCC_ISA_AVX512, "avx512", tcc_gemm_f32_avx512,
       tcc_gemm_f32_unpacked_avx512, tcc_linear_f32_avx512,
       tcc_attention_f32_avx512, tcc_attention_masked_f32_avx512,
       tcc_layer_norm_f32_avx512, tcc_softmax_f32_avx512,
       tcc_activation_f32_avx512},
#endif
#if defined(__aarch64__)
      {TCC_ISA_NEON, "neon", tcc_gemm_f32_neon, tcc_gemm_f32_unpacked_neon,
       tcc_linear_f32_neon, tcc_attention_f32_neon,
       tcc_attention_masked_f32_neon, tcc_layer_norm_f32_neon,
       tcc_softmax_f32_neon, tcc_activation_f32_neon},
#endif
  };
  return kernels;
}

GuardedBuffer::GuardedBuffer(size_t count, Placement placement)
    : count_(count) {
  const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  const size_t bytes = count * sizeof(float);
  const size_t dataBytes = (bytes + page - 1) / page * page + page;
  mapBytes_ = dataBytes + 2 * page;
  void *m = mmap(nullptr, mapBytes_, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED) {
    std::perror("mmap");
    std::abort();
  }
  map_ = static_cast<unsigned char *>(m);
  if (mprotect(map_, page, PROT_NONE) != 0 ||
      mprotect(map_ + page + dataBytes, page, PROT_NONE) != 0) {
    std::perror("mprotect");
    std::abort();
  }
  usableBegin_ = map_ + page;
  usableEnd_ = usableBegin_ + dataBytes;
  std::memset(usableBegin_, kCanary, dataBytes);
  // At the end, the buffer starts at an address that is 4-byte aligned
  // only by chance of count (often not 64-byte aligned): the kernels must
  // not assume more than float alignment.
  data_ = reinterpret_cast<float *>(
      placement == AtEnd ? usableEnd_ - bytes : usableBegin_);
}

GuardedBuffer::~GuardedBuffer() { munmap(map_, mapBytes_); }

size_t GuardedBuffer::changedCanaryBytes() const {
  const unsigned char *b = reinterpret_cast<const unsigned char *>(data_);
  const unsigned char *e = b + count_ * sizeof(float);
  size_t changed = 0;
  for (const unsigned char *p = usableBegin_; p < usableEnd_; ++p)
    if ((p < b || p >= e) && *p != kCanary)
      ++changed;
  return changed;
}

void GuardedBuffer::protectReadOnly() {
  if (mprotect(usableBegin_, static_cast<size_t>(usableEnd_ - usableBegin_),
               PROT_READ) != 0) {
    std::perror("mprotect");
    std::abort();
  }
}

float gapNaN() {
  const uint32_t bits = 0x7FC0A5A5u;
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

static bool isGapNaN(float f) {
  uint32_t bits;
  std::memcpy(&bits, &f, sizeof bits);
  return bits == 0x7FC0A5A5u;
}

void fillStrided(float *p, int64_t rows, int64_t cols, int64_t ld,
                 std::mt19937 &rng) {
  std::uniform_real_distribution<float> d(-1.0f, 1.0f);
  for (int64_t i = 0; i < rows; ++i) {
    for (int64_t j = 0; j < cols; ++j)
      p[i * ld + j] = d(rng);
    if (i + 1 < rows)
      for (int64_t j = cols; j < ld; ++j)
        p[i * ld + j] = gapNaN();
  }
}

void fillNaN(float *p, size_t n) {
  for (size_t i = 0; i < n; ++i)
    p[i] = std::nanf("");
}

Reference reference(int64_t M, int64_t N, int64_t K, const float *A,
                    int64_t lda, const float *B, int64_t ldb, bool transposed) {
  Reference r;
  r.value.assign(static_cast<size_t>(M * N), 0.0);
  r.scale.assign(static_cast<size_t>(M * N), 0.0);
  // B as a dense double [K][N] first, so the inner loop runs over j.
  std::vector<double> b(static_cast<size_t>(K * N));
  for (int64_t k = 0; k < K; ++k)
    for (int64_t j = 0; j < N; ++j)
      b[k * N + j] = transposed ? B[j * ldb + k] : B[k * ldb + j];
  for (int64_t i = 0; i < M; ++i) {
    double *v = &r.value[i * N], *s = &r.scale[i * N];
    for (int64_t k = 0; k < K; ++k) {
      const double a = A[i * lda + k];
      const double *bk = &b[k * N];
      for (int64_t j = 0; j < N; ++j) {
        v[j] += a * bk[j];
        s[j] += std::fabs(a * bk[j]);
      }
    }
  }
  return r;
}

int64_t compare(int64_t M, int64_t N, int64_t K, const float *C, int64_t ldc,
                const Reference &ref, const float *bias, const float *C0,
                const std::string &what) {
  int64_t bad = 0;
  const double eps = static_cast<double>(K + 3) * FLT_EPSILON;
  for (int64_t i = 0; i < M; ++i) {
    for (int64_t j = 0; j < N; ++j) {
      double want = ref.value[i * N + j], scale = ref.scale[i * N + j];
      if (bias) {
        want += bias[j];
        scale += std::fabs(bias[j]);
      }
      if (C0) {
        want += C0[i * N + j];
        scale += std::fabs(C0[i * N + j]);
      }
      const double c = C[i * ldc + j];
      const double tol = eps * scale + 1e-30;
      if (!(std::fabs(c - want) <= tol)) {
        if (bad < 5)
          ADD_FAILURE() << what << ": C[" << i << "][" << j << "] = " << c
                        << ", want " << want << " (tolerance " << tol << ")";
        ++bad;
      }
    }
    if (i + 1 < M)
      for (int64_t j = N; j < ldc; ++j)
        if (!isGapNaN(C[i * ldc + j])) {
          if (bad < 5)
            ADD_FAILURE() << what << ": row gap C[" << i << "][" << j
                          << "] was written";
          ++bad;
        }
  }
  return bad;
}

} // namespace tcc_kernels_test
