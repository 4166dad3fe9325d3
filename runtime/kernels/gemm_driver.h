//===- gemm_driver.h - Cache blocking around a GEMM microkernel -----------===//
//
// The loops of gemm_config.h around an ISA's microkernel, included by each
// ISA's source file and compiled with that file's target flags.
//
// Everything here has internal linkage (anonymous namespace), and the ISA
// files use no inline function or template from elsewhere (not even std::
// ones): a function with external (vague) linkage compiled with -mavx512f in
// one file and without in another is one symbol to the linker, which may keep
// the AVX-512 copy for the generic caller. test/unit/kernels/
// check_kernel_symbols.cmake checks the objects for that.
//
// A microkernel is a struct with
//   static constexpr int MR, NR;  static constexpr int64_t KC, NC;
//   template <int R, bool Half> static void tile(int64_t kc, const float *A,
//       int64_t lda, const float *B, float *C, int64_t ldc, int64_t ncols,
//       const float *bias, bool load_c);
// which computes, for an R x NR tile (1 <= R <= MR, 1 <= ncols <= NR, and
// ncols <= NR/2 when Half, in which case only NR/2 columns are computed):
//   C[r][j] = sum_{k<kc} A[r*lda + k] * B[k*NR + j]
//             + (bias ? bias[j] : 0) + (load_c ? C[r][j] : 0)   for j < ncols
// reading B's kc x NR panel (zero-padded) and nothing of A, C, bias
// outside those bounds.
//
//===----------------------------------------------------------------------===//
#ifndef TCC_RUNTIME_KERNELS_GEMM_DRIVER_H
#define TCC_RUNTIME_KERNELS_GEMM_DRIVER_H

#include <stddef.h>
#include <stdint.h>

#include "gemm_config.h"
#include "pack.h"
#include "tcc_kernels.h"
#include "vmath.h"

namespace tcc_kernels {
namespace {

inline int64_t minI(int64_t a, int64_t b) { return a < b ? a : b; }
inline int64_t ceilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }

// Calls Kernel::tile<rows, half> (rows is only known at run time, 1..MR;
// half: only the first NR/2 columns are valid, so half of the vectors of
// each row are enough -- the last panel of N = 197 holds 5 columns).
template <class Kernel, int R = Kernel::MR>
inline void runTile(int rows, bool half, int64_t kc, const float *A,
                    int64_t lda, const float *B, float *C, int64_t ldc,
                    int64_t ncols, const float *bias, bool loadC) {
  if constexpr (R >= 1) {
    if (rows == R) {
      if (half)
        Kernel::template tile<R, true>(kc, A, lda, B, C, ldc, ncols, bias,
                                       loadC);
      else
        Kernel::template tile<R, false>(kc, A, lda, B, C, ldc, ncols, bias,
                                        loadC);
      return;
    }
    runTile<Kernel, R - 1>(rows, half, kc, A, lda, B, C, ldc, ncols, bias,
                           loadC);
  }
}

// B already packed for this ISA over the whole K (the weights).
struct PrepackedB {
  const float *packed;
  int64_t K;
  int nr;
  // Nothing to do: the block is already in place.
  void prepare(int64_t, int64_t, int64_t, int64_t) {}
  // Panel p, rows pc.. of it: kc x NR contiguous floats.
  const float *panel(int64_t p, int64_t pc) const {
    return packed + (p * K + pc) * nr;
  }
};

// The portable packer (pack.cpp), for ScratchB.
template <int NR> struct PortablePacker {
  static void pack(const float *B, int64_t ldb, tcc_gemm_b_layout layout,
                   int64_t k0, int64_t kc, int64_t n0, int64_t ncols,
                   float *dst) {
    packBlock(NR, B, ldb, layout, k0, kc, n0, ncols, dst);
  }
};

// B read from an activation and packed block by block into scratch, by
// Packer::pack (same contract as packBlock, with NR fixed).
template <class Packer, int NR> struct ScratchB {
  const float *B;
  int64_t ldb;
  tcc_gemm_b_layout layout;
  int64_t N;
  float *scratch;
  int64_t p0 = 0, kc = 0;
  void prepare(int64_t pc, int64_t kcBlock, int64_t firstPanel,
               int64_t endPanel) {
    p0 = firstPanel;
    kc = kcBlock;
    int64_t n0 = firstPanel * NR;
    int64_t ncols = minI(endPanel * NR, N) - n0;
    Packer::pack(B, ldb, layout, pc, kcBlock, n0, ncols, scratch);
  }
  const float *panel(int64_t p, int64_t) const {
    return scratch + (p - p0) * kc * NR;
  }
};

// C = bias + (accumulate ? C : 0) for the degenerate K = 0 product.
inline void gemmNoK(int64_t M, int64_t N, const float *bias, float *C,
                    int64_t ldc, bool accumulate) {
  for (int64_t i = 0; i < M; ++i)
    for (int64_t j = 0; j < N; ++j) {
      float v = bias ? bias[j] : 0.0f;
      C[i * ldc + j] = accumulate ? C[i * ldc + j] + v : v;
    }
}

// What happens to a finished block of C (after its last K block, while it
// is still in cache): nothing, or tcc_linear's activation + residual.
struct NoEpilogue {
  static constexpr bool kActive = false;
  void apply(float *, int64_t, int64_t, int64_t, int64_t, int64_t) const {}
};

struct ActivationEpilogue {
  static constexpr bool kActive = true;
  tcc_activation activation;
  const float *residual;  // may be null
  int64_t ldr;
  // Rows i0..i0+rows, columns j0..j0+ncols of C.
  void apply(float *C, int64_t ldc, int64_t i0, int64_t rows, int64_t j0,
             int64_t ncols) const {
    for (int64_t r = 0; r < rows; ++r) {
      float *c = C + (i0 + r) * ldc + j0;
      switch (activation) {
      case TCC_ACT_GELU_ERF:
        for (int64_t j = 0; j < ncols; ++j)
          c[j] = vgeluErf(c[j]);
        break;
      case TCC_ACT_GELU_TANH:
        for (int64_t j = 0; j < ncols; ++j)
          c[j] = vgeluTanh(c[j]);
        break;
      case TCC_ACT_RELU:
        for (int64_t j = 0; j < ncols; ++j)
          c[j] = vmax(c[j], 0.0f);
        break;
      default:
        break;
      }
      if (residual) {
        const float *res = residual + (i0 + r) * ldr + j0;
        for (int64_t j = 0; j < ncols; ++j)
          c[j] += res[j];
      }
    }
  }
};

// Rows of A whose stride maps them into one or two L1 sets (see
// TCC_GEMM_A_COPY_LDA_MULTIPLE) are copied to this stride first.
template <class Kernel>
constexpr int64_t kACopyStride = Kernel::KC + 16;

template <class Kernel, class BSource, class Epilogue = NoEpilogue>
void gemm(int64_t M, int64_t N, int64_t K, const float *A, int64_t lda,
          BSource &b, const float *bias, float *C, int64_t ldc,
          bool accumulate, const Epilogue &epilogue = Epilogue()) {
  constexpr int MR = Kernel::MR;
  constexpr int NR = Kernel::NR;
  if (M <= 0 || N <= 0)
    return;
  if (K <= 0) {
    gemmNoK(M, N, bias, C, ldc, accumulate);
    if (Epilogue::kActive)
      epilogue.apply(C, ldc, 0, M, 0, N);
    return;
  }
  const int64_t panels = ceilDiv(N, NR);
  const int64_t kBlocks = ceilDiv(K, Kernel::KC);
  const int64_t kcNominal = ceilDiv(K, kBlocks);
  const int64_t nBlocks = ceilDiv(panels, Kernel::NC / NR);
  const int64_t panelsPerBlock = ceilDiv(panels, nBlocks);

  // Tiles of M: full MR-row tiles; a remainder under MR/2 rows is merged
  // with the last full tile and the two are split evenly (197 rows with
  // MR = 14: 13 x 14 + 8 + 7, not 14 x 14 + 1), because a tile of few rows
  // has too few independent accumulators to hide the FMA latency.
  int64_t fullTiles = M / MR;
  const int64_t rem = M % MR;
  if (rem != 0 && fullTiles >= 1 && rem < MR / 2)
    --fullTiles;
  const int64_t tailRows = M - fullTiles * MR;  // 0 .. 2*MR-1
  const int tail0 = static_cast<int>(tailRows > MR ? (tailRows + 1) / 2
                                                   : tailRows);
  const int tail1 = static_cast<int>(tailRows - tail0);
  const int64_t tiles = fullTiles + (tail0 > 0) + (tail1 > 0);
  auto tileRow = [&](int64_t t) {
    return t <= fullTiles ? t * MR : fullTiles * MR + tail0;
  };
  auto tileRows = [&](int64_t t) {
    return t < fullTiles ? MR : t == fullTiles ? tail0 : tail1;
  };

  const bool copyA = lda % TCC_GEMM_A_COPY_LDA_MULTIPLE == 0;
  alignas(64) float aCopy[MR * kACopyStride<Kernel>];

  for (int64_t pc = 0; pc < K; pc += kcNominal) {
    const int64_t kc = minI(kcNominal, K - pc);
    const bool first = pc == 0;
    const bool last = pc + kc >= K;
    const bool loadC = !first || accumulate;
    const float *blockBias = first ? bias : nullptr;
    for (int64_t p0 = 0; p0 < panels; p0 += panelsPerBlock) {
      const int64_t p1 = minI(p0 + panelsPerBlock, panels);
      b.prepare(pc, kc, p0, p1);
      for (int64_t t = 0; t < tiles; ++t) {
        const int64_t i0 = tileRow(t);
        const int rows = tileRows(t);
        const float *a = A + i0 * lda + pc;
        int64_t as = lda;
        if (copyA && rows > 1) {
          for (int r = 0; r < rows; ++r)
            for (int64_t k = 0; k < kc; ++k)
              aCopy[r * kACopyStride<Kernel> + k] = a[r * lda + k];
          a = aCopy;
          as = kACopyStride<Kernel>;
        }
        float *c = C + i0 * ldc;
        for (int64_t p = p0; p < p1; ++p) {
          const int64_t n0 = p * NR;
          const int64_t ncols = minI(NR, N - n0);
          runTile<Kernel>(rows, ncols <= NR / 2, kc, a, as, b.panel(p, pc),
                          c + n0, ldc, ncols,
                          blockBias ? blockBias + n0 : nullptr, loadC);
        }
        if (Epilogue::kActive && last)
          epilogue.apply(C, ldc, i0, rows, p0 * NR, minI(p1 * NR, N) - p0 * NR);
      }
    }
  }
}

// The two public entry points of an ISA, over its microkernel.
template <class Kernel>
void gemmPacked(int64_t M, int64_t N, int64_t K, const float *A, int64_t lda,
                const float *packedB, const float *bias, float *C, int64_t ldc,
                int accumulate) {
  PrepackedB b{packedB, K, Kernel::NR};
  gemm<Kernel>(M, N, K, A, lda, b, bias, C, ldc, accumulate != 0);
}

template <class Kernel>
void linearPacked(int64_t M, int64_t N, int64_t K, const float *A, int64_t lda,
                  const float *packedB, const float *bias, int activation,
                  const float *residual, int64_t ldr, float *C, int64_t ldc) {
  PrepackedB b{packedB, K, Kernel::NR};
  ActivationEpilogue epilogue{static_cast<tcc_activation>(activation),
                              residual, ldr};
  gemm<Kernel>(M, N, K, A, lda, b, bias, C, ldc, false, epilogue);
}

// tcc_linear split over the installed threads: contiguous row ranges of
// whole MR tiles, or column panels when there are too few rows.
struct LinearArgs {
  int64_t M, N, K;
  const float *A;
  int64_t lda;
  const float *packedB, *bias;
  int activation;
  const float *residual;
  int64_t ldr;
  float *C;
  int64_t ldc;
  bool byRows;
  int64_t chunk;  // rows (byRows) or panels per item
};

template <class Kernel>
void linearItems(void *ctx, int64_t begin, int64_t end, int) {
  const LinearArgs &a = *static_cast<const LinearArgs *>(ctx);
  if (a.byRows) {
    const int64_t m0 = begin * a.chunk, m1 = minI(end * a.chunk, a.M);
    if (m0 >= m1)
      return;
    linearPacked<Kernel>(m1 - m0, a.N, a.K, a.A + m0 * a.lda, a.lda,
                         a.packedB, a.bias, a.activation,
                         a.residual ? a.residual + m0 * a.ldr : nullptr,
                         a.ldr, a.C + m0 * a.ldc, a.ldc);
    return;
  }
  constexpr int NR = Kernel::NR;
  const int64_t n0 = begin * a.chunk * NR, n1 = minI(end * a.chunk * NR, a.N);
  if (n0 >= n1)
    return;
  linearPacked<Kernel>(a.M, n1 - n0, a.K, a.A, a.lda, a.packedB + n0 * a.K,
                       a.bias ? a.bias + n0 : nullptr, a.activation,
                       a.residual ? a.residual + n0 : nullptr, a.ldr,
                       a.C + n0, a.ldc);
}

template <class Kernel>
void linearParallel(int64_t M, int64_t N, int64_t K, const float *A,
                    int64_t lda, const float *packedB, const float *bias,
                    int activation, const float *residual, int64_t ldr,
                    float *C, int64_t ldc) {
  const int threads = tcc_kernels_threads();
  // Under ~2 M multiply-adds the wake-up of other threads dominates.
  if (threads <= 1 || M * N * K < (int64_t(1) << 21) || M <= 0 || N <= 0) {
    linearPacked<Kernel>(M, N, K, A, lda, packedB, bias, activation, residual,
                         ldr, C, ldc);
    return;
  }
  constexpr int MR = Kernel::MR, NR = Kernel::NR;
  // Items of one MR-row tile (or one NR-column panel when M is small); the
  // pool hands out contiguous runs of them.
  LinearArgs a{M, N, K, A, lda, packedB, bias, activation, residual, ldr,
               C, ldc, true, MR};
  int64_t items = ceilDiv(M, MR);
  if (M < 2 * MR * threads) {
    a.byRows = false;
    a.chunk = 1;
    items = ceilDiv(N, NR);
  }
  tcc_kernels_parallel_for(items, linearItems<Kernel>, &a);
}

template <class Kernel, class Packer = PortablePacker<Kernel::NR>>
void gemmUnpacked(int64_t M, int64_t N, int64_t K, const float *A,
                  int64_t lda, const float *B, int64_t ldb,
                  tcc_gemm_b_layout layout, const float *bias, float *C,
                  int64_t ldc, int accumulate, float *scratch) {
  ScratchB<Packer, Kernel::NR> b{B, ldb, layout, N, scratch};
  gemm<Kernel>(M, N, K, A, lda, b, bias, C, ldc, accumulate != 0);
}

}  // namespace
}  // namespace tcc_kernels

#endif  // TCC_RUNTIME_KERNELS_GEMM_DRIVER_H
