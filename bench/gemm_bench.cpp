//===- gemm_bench.cpp - FP32 GEMM kernels against the machine's FMA peak --===//
//
// Prints, for one core:
//  1. the measured FP32 peak of each vector ISA the host has: a loop of
//     independent FMA chains (more chains than pipes x latency, so only
//     throughput limits it); SSE2 mul+add for the portable kernel, which
//     compiles to baseline x86-64;
//  2. GFLOP/s of every tcc GEMM kernel the host can run on the transformer
//     shapes of the "beat ONNX Runtime" issue, and the fraction of its ISA's
//     measured peak;
//  3. the same shapes through OpenBLAS's cblas_sgemm (one thread), when
//     Debian's libopenblas is installed, as a reference for what a mature
//     library reaches on this machine (fraction of the widest ISA's peak).
//
// Protocol: after a warm-up, samples of >= 2 ms each (a sample repeats the
// call); numbers are medians over samples, with the fastest sample beside
// them. Each kernel sample is followed by a sample of the peak loop, and the
// fraction of peak is the median of the per-pair ratios, so that a slow
// spell of a shared machine (other jobs on the core or its sibling) lowers
// both halves of a pair instead of skewing the fraction. The thread's CPU
// time is reported too; it leaves out time the thread was descheduled.
//
//   tcc_gemm_bench [--samples N] [--isa generic|avx2|avx512]
//                  [--shape MxNxK]... [--no-openblas]
//
//===----------------------------------------------------------------------===//
#include "tcc_kernels.h"

#include <dlfcn.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define TCC_BENCH_X86 1
#else
#define TCC_BENCH_X86 0
#endif

namespace {

using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

double threadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) +
         1e-9 * static_cast<double>(ts.tv_nsec);
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Something to time: a call and the floating-point operations it does.
struct Work {
  std::function<void()> run;
  double flop;
};

// Calls per sample so that a sample lasts >= 2 ms, after ~50 ms of warm-up.
int64_t calibrate(const Work &w) {
  auto t0 = Clock::now();
  int64_t n = 0;
  do {
    w.run();
    ++n;
  } while (seconds(t0, Clock::now()) < 0.05 || n < 3);
  const double once = seconds(t0, Clock::now()) / static_cast<double>(n);
  return std::max<int64_t>(1, static_cast<int64_t>(2e-3 / once));
}

struct Sample {
  double wall, cpu; // seconds per call
};

Sample sample(const Work &w, int64_t reps) {
  const double c0 = threadCpuSeconds();
  auto a = Clock::now();
  for (int64_t r = 0; r < reps; ++r)
    w.run();
  const double n = static_cast<double>(reps);
  return {seconds(a, Clock::now()) / n, (threadCpuSeconds() - c0) / n};
}

struct Result {
  double ms;          // median wall time per call
  double gflops;      // median, wall clock
  double bestGflops;  // fastest sample
  double cpuGflops;   // median, thread CPU time
  double fraction;    // median of (kernel / adjacent peak sample), wall clock
  double cpuFraction; // the same with CPU time
};

// Samples `w`, each followed by a sample of `peak` when given.
Result measure(const Work &w, const Work *peak, int samples) {
  const int64_t reps = calibrate(w);
  const int64_t peakReps = peak ? calibrate(*peak) : 0;
  std::vector<double> wall, cpu, frac, cpuFrac;
  for (int s = 0; s < samples; ++s) {
    const Sample k = sample(w, reps);
    wall.push_back(k.wall);
    cpu.push_back(k.cpu);
    if (peak) {
      const Sample p = sample(*peak, peakReps);
      frac.push_back((w.flop / k.wall) / (peak->flop / p.wall));
      cpuFrac.push_back((w.flop / k.cpu) / (peak->flop / p.cpu));
    }
  }
  Result r;
  r.ms = median(wall) * 1e3;
  r.gflops = w.flop / median(wall) * 1e-9;
  r.bestGflops = w.flop / *std::min_element(wall.begin(), wall.end()) * 1e-9;
  r.cpuGflops = w.flop / median(cpu) * 1e-9;
  r.fraction = peak ? median(frac) : 0;
  r.cpuFraction = peak ? median(cpuFrac) : 0;
  return r;
}

volatile float gSink;

// --- peak loops ---------------------------------------------------------------
// acc = acc * m + a in many independent chains; m < 1 and a small keep the
// values bounded and normal. The chains stay in registers (their count
// fits the register file with the two constants).
constexpr int64_t kPeakIters = 100000;

#if TCC_BENCH_X86
__attribute__((target("avx512f"))) void fmaLoopAvx512() {
  constexpr int kChains = 24;
  __m512 acc[kChains];
  for (int j = 0; j < kChains; ++j)
    acc[j] = _mm512_set1_ps(static_cast<float>(j));
  const __m512 m = _mm512_set1_ps(0.999999f), a = _mm512_set1_ps(1e-6f);
  for (int64_t i = 0; i < kPeakIters; ++i) {
#pragma GCC unroll 24
    for (int j = 0; j < kChains; ++j)
      acc[j] = _mm512_fmadd_ps(acc[j], m, a);
  }
  __m512 s = acc[0];
  for (int j = 1; j < kChains; ++j)
    s = _mm512_add_ps(s, acc[j]);
  float out[16];
  _mm512_storeu_ps(out, s);
  gSink = out[0];
}
constexpr double kFlopsAvx512 = 24.0 * 16 * 2 * kPeakIters;

__attribute__((target("avx2,fma"))) void fmaLoopAvx2() {
  constexpr int kChains = 12;
  __m256 acc[kChains];
  for (int j = 0; j < kChains; ++j)
    acc[j] = _mm256_set1_ps(static_cast<float>(j));
  const __m256 m = _mm256_set1_ps(0.999999f), a = _mm256_set1_ps(1e-6f);
  for (int64_t i = 0; i < kPeakIters; ++i) {
#pragma GCC unroll 12
    for (int j = 0; j < kChains; ++j)
      acc[j] = _mm256_fmadd_ps(acc[j], m, a);
  }
  __m256 s = acc[0];
  for (int j = 1; j < kChains; ++j)
    s = _mm256_add_ps(s, acc[j]);
  float out[8];
  _mm256_storeu_ps(out, s);
  gSink = out[0];
}
constexpr double kFlopsAvx2 = 12.0 * 8 * 2 * kPeakIters;

// Baseline x86-64 (what the portable kernel compiles to): no FMA, so a
// multiply and an add per lane, 4 lanes.
void mulAddLoopSse() {
  constexpr int kChains = 12;
  __m128 acc[kChains];
  for (int j = 0; j < kChains; ++j)
    acc[j] = _mm_set1_ps(static_cast<float>(j));
  const __m128 m = _mm_set1_ps(0.999999f), a = _mm_set1_ps(1e-6f);
  for (int64_t i = 0; i < kPeakIters; ++i) {
#pragma GCC unroll 12
    for (int j = 0; j < kChains; ++j)
      acc[j] = _mm_add_ps(_mm_mul_ps(acc[j], m), a);
  }
  __m128 s = acc[0];
  for (int j = 1; j < kChains; ++j)
    s = _mm_add_ps(s, acc[j]);
  float out[4];
  _mm_storeu_ps(out, s);
  gSink = out[0];
}
constexpr double kFlopsSse = 12.0 * 4 * 2 * kPeakIters;
#endif

// --- the kernels ------------------------------------------------------------------
using GemmFn = void (*)(int64_t, int64_t, int64_t, const float *, int64_t,
                        const float *, const float *, float *, int64_t, int);
using UnpackedFn = void (*)(int64_t, int64_t, int64_t, const float *, int64_t,
                            const float *, int64_t, tcc_gemm_b_layout,
                            const float *, float *, int64_t, int, float *);

struct IsaInfo {
  tcc_isa isa;
  const char *name;
  const char *peakName;
  GemmFn gemm;
  UnpackedFn unpacked;
  Work peak;
};

struct Shape {
  int64_t M, N, K;
  // Packed weights, or an activation in this layout (_unpacked variant).
  bool unpacked;
  tcc_gemm_b_layout layout;
  const char *what;
};

// 64-byte aligned, as the compiler places packed weights and arena buffers.
struct Buffer {
  explicit Buffer(size_t n)
      : p(static_cast<float *>(
            std::aligned_alloc(64, std::max<size_t>(64, (n * 4 + 63) / 64 * 64)))) {}
  ~Buffer() { std::free(p); }
  Buffer(const Buffer &) = delete;
  Buffer &operator=(const Buffer &) = delete;
  float *p;
};

void fillRandom(float *p, size_t n, std::mt19937 &rng) {
  std::uniform_real_distribution<float> d(-1.0f, 1.0f);
  for (size_t i = 0; i < n; ++i)
    p[i] = d(rng);
}

std::string shapeName(const Shape &s) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%lldx%lldx%lld", (long long)s.M,
                (long long)s.N, (long long)s.K);
  return buf;
}

void printRow(const char *who, const Shape &s, const char *what,
              const Result &r, bool withPeak) {
  char pct[16] = "-", pctCpu[16] = "-";
  if (withPeak) {
    std::snprintf(pct, sizeof pct, "%.1f%%", 100.0 * r.fraction);
    std::snprintf(pctCpu, sizeof pctCpu, "%.1f%%", 100.0 * r.cpuFraction);
  }
  std::printf("%-8s %-14s %-14s %8.3f %8.1f (%6.1f) %7s | %8.1f %7s\n", who,
              shapeName(s).c_str(), what, r.ms, r.gflops, r.bestGflops, pct,
              r.cpuGflops, pctCpu);
  std::fflush(stdout);
}

// Linear layers: C = A x packed(B) + bias, as generated code calls it.
// Attention products: the _unpacked variant with B as an activation.
Result benchKernel(const IsaInfo &isa, const Shape &s, int samples) {
  std::mt19937 rng(42);
  const int64_t lda = s.K, ldc = s.N;
  Buffer A(s.M * lda), B(s.K * s.N), bias(s.N), C(s.M * ldc);
  fillRandom(A.p, s.M * lda, rng);
  fillRandom(B.p, s.K * s.N, rng);
  fillRandom(bias.p, s.N, rng);
  const double flop = 2.0 * s.M * s.N * s.K;
  const Work *peak = isa.peak.run ? &isa.peak : nullptr;
  if (!s.unpacked) {
    Buffer packed(tcc_gemm_packed_b_size_f32(isa.isa, s.K, s.N));
    tcc_gemm_pack_b_f32(isa.isa, s.K, s.N, B.p, s.N, packed.p);
    Work w{[&] { isa.gemm(s.M, s.N, s.K, A.p, lda, packed.p, bias.p, C.p, ldc, 0); },
           flop};
    return measure(w, peak, samples);
  }
  const int64_t ldb = s.layout == TCC_GEMM_B_ROW_MAJOR ? s.N : s.K;
  Buffer scratch(tcc_gemm_unpacked_scratch_size_f32(isa.isa, s.K, s.N));
  Work w{[&] {
           isa.unpacked(s.M, s.N, s.K, A.p, lda, B.p, ldb, s.layout, nullptr,
                        C.p, ldc, 0, scratch.p);
         },
         flop};
  return measure(w, peak, samples);
}

// --- OpenBLAS (optional reference) -------------------------------------------
using SgemmFn = void (*)(int, int, int, int, int, int, float, const float *,
                         int, const float *, int, float, float *, int);

SgemmFn loadOpenBlas(const char **path) {
  const char *paths[] = {
      "libopenblas.so.0",
      "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0",
      "/usr/lib/aarch64-linux-gnu/openblas-pthread/libopenblas.so.0"};
  for (const char *p : paths) {
    void *h = dlopen(p, RTLD_NOW | RTLD_LOCAL);
    if (!h)
      continue;
    auto setThreads =
        reinterpret_cast<void (*)(int)>(dlsym(h, "openblas_set_num_threads"));
    auto sgemm = reinterpret_cast<SgemmFn>(dlsym(h, "cblas_sgemm"));
    if (setThreads && sgemm) {
      setThreads(1); // single-core comparison
      *path = p;
      return sgemm;
    }
    dlclose(h);
  }
  return nullptr;
}

Result benchOpenBlas(SgemmFn sgemm, const Shape &s, const Work *peak,
                     int samples) {
  std::mt19937 rng(42);
  Buffer A(s.M * s.K), B(s.K * s.N), C(s.M * s.N);
  fillRandom(A.p, s.M * s.K, rng);
  fillRandom(B.p, s.K * s.N, rng);
  const int kRowMajor = 101, kNoTrans = 111, kTrans = 112;
  const bool trans = s.unpacked && s.layout == TCC_GEMM_B_TRANSPOSED;
  Work w{[&] {
           sgemm(kRowMajor, kNoTrans, trans ? kTrans : kNoTrans, (int)s.M,
                 (int)s.N, (int)s.K, 1.0f, A.p, (int)s.K, B.p,
                 (int)(trans ? s.K : s.N), 0.0f, C.p, (int)s.N);
         },
         2.0 * s.M * s.N * s.K};
  return measure(w, peak, samples);
}

std::string firstLine(const char *file, const char *prefix) {
  std::string out = "?";
  if (FILE *f = std::fopen(file, "r")) {
    char line[512];
    while (std::fgets(line, sizeof line, f)) {
      if (std::strncmp(line, prefix, std::strlen(prefix)) != 0)
        continue;
      out = line + std::strlen(prefix);
      while (!out.empty() && (out.back() == '\n' || out.back() == ' '))
        out.pop_back();
      break;
    }
    std::fclose(f);
  }
  return out;
}

void usage() {
  std::fprintf(stderr,
               "usage: tcc_gemm_bench [--samples N] [--isa generic|avx2|avx512]"
               " [--shape MxNxK]... [--no-openblas]\n");
}

} // namespace

int main(int argc, char **argv) {
  int samples = 21;
  std::string onlyIsa;
  bool openblas = true;
  std::vector<Shape> shapes;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--samples" && i + 1 < argc) {
      samples = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--isa" && i + 1 < argc) {
      onlyIsa = argv[++i];
    } else if (a == "--shape" && i + 1 < argc) {
      long long m, n, k;
      if (std::sscanf(argv[++i], "%lldx%lldx%lld", &m, &n, &k) != 3 || m < 1 ||
          n < 1 || k < 1) {
        usage();
        return 1;
      }
      shapes.push_back({m, n, k, false, TCC_GEMM_B_ROW_MAJOR, "packed"});
    } else if (a == "--no-openblas") {
      openblas = false;
    } else {
      usage();
      return 1;
    }
  }
  if (shapes.empty()) {
    // The cases: ViT layers at 197 tokens (DeiT-Tiny: width 192,
    // MLP 768) and square-ish ones; then one DeiT-Tiny attention head
    // (d = 64) through the _unpacked variant.
    shapes = {{256, 768, 768, false, TCC_GEMM_B_ROW_MAJOR, "packed"},
              {197, 192, 768, false, TCC_GEMM_B_ROW_MAJOR, "packed"},
              {197, 768, 192, false, TCC_GEMM_B_ROW_MAJOR, "packed"},
              {128, 256, 1024, false, TCC_GEMM_B_ROW_MAJOR, "packed"},
              {197, 197, 64, true, TCC_GEMM_B_TRANSPOSED, "QK^T unpacked"},
              {197, 64, 197, true, TCC_GEMM_B_ROW_MAJOR, "PV unpacked"}};
  }

  std::vector<IsaInfo> isas;
#if TCC_BENCH_X86
  isas.push_back({TCC_ISA_GENERIC, "generic", "SSE2 mul+add",
                  tcc_gemm_f32_generic, tcc_gemm_f32_unpacked_generic,
                  {mulAddLoopSse, kFlopsSse}});
  isas.push_back({TCC_ISA_AVX2, "avx2", "AVX2 FMA", tcc_gemm_f32_avx2,
                  tcc_gemm_f32_unpacked_avx2, {fmaLoopAvx2, kFlopsAvx2}});
  isas.push_back({TCC_ISA_AVX512, "avx512", "AVX-512 FMA", tcc_gemm_f32_avx512,
                  tcc_gemm_f32_unpacked_avx512, {fmaLoopAvx512, kFlopsAvx512}});
#else
  isas.push_back({TCC_ISA_GENERIC, "generic", "", tcc_gemm_f32_generic,
                  tcc_gemm_f32_unpacked_generic, {}});
#endif
  std::vector<IsaInfo> run;
  for (const IsaInfo &isa : isas) {
    if (!onlyIsa.empty() && onlyIsa != isa.name)
      continue;
    if (!tcc_kernels_host_supports(isa.isa)) {
      std::printf("%s: skipped, this CPU lacks it\n", isa.name);
      continue;
    }
    run.push_back(isa);
  }

  std::printf("CPU: %s\nload average before: %s\n"
              "%d samples per number (>= 2 ms each); median, fastest sample "
              "in parentheses\n\n",
              firstLine("/proc/cpuinfo", "model name\t: ").c_str(),
              firstLine("/proc/loadavg", "").c_str(), samples);

  std::printf("Single-core FP32 peak (independent FMA chains):\n");
  for (const IsaInfo &isa : run) {
    if (!isa.peak.run)
      continue;
    Result r = measure(isa.peak, nullptr, samples);
    std::printf("  %-8s %-14s %7.1f GFLOP/s (fastest %.1f, CPU time %.1f)\n",
                isa.name, isa.peakName, r.gflops, r.bestGflops, r.cpuGflops);
  }

  std::printf("\n%-8s %-14s %-14s %-34s | %s\n", "", "", "",
              "wall clock:", "CPU time:");
  std::printf("%-8s %-14s %-14s %8s %17s %7s | %8s %7s\n", "isa", "M x N x K",
              "B", "ms", "GFLOP/s (fastest)", "% peak", "GFLOP/s", "% peak");
  for (const IsaInfo &isa : run)
    for (const Shape &s : shapes)
      printRow(isa.name, s, s.what, benchKernel(isa, s, samples),
               isa.peak.run != nullptr);

  if (openblas) {
    const char *path = nullptr;
    SgemmFn sgemm = loadOpenBlas(&path);
    if (!sgemm) {
      std::printf("\nOpenBLAS: not installed (libopenblas.so.0), skipped\n");
    } else {
      const IsaInfo *widest = run.empty() ? nullptr : &run.back();
      const Work *peak = widest && widest->peak.run ? &widest->peak : nullptr;
      std::printf("\nOpenBLAS cblas_sgemm, 1 thread, no bias (%s); %% of the "
                  "%s peak:\n",
                  path, peak ? widest->peakName : "-");
      for (const Shape &s : shapes)
        printRow("openblas", s,
                 s.unpacked && s.layout == TCC_GEMM_B_TRANSPOSED ? "B^T" : "B",
                 benchOpenBlas(sgemm, s, peak, samples), peak != nullptr);
    }
  }
  std::printf("\nload average after: %s\n",
              firstLine("/proc/loadavg", "").c_str());
  return 0;
}
