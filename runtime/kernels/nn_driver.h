//===- nn_driver.h - Attention, layer norm, softmax, GELU over an ISA -----===//
//
// The non-GEMM kernels of a transformer, written once over vmath.h and an
// ISA's GEMM entry points, and compiled by each ISA's nn_<isa>.cpp with that
// file's target flags (internal linkage only, as in gemm_driver.h).
//
// Attention is the FlashAttention recurrence: per (batch, head) and block of
// BQ query rows, the scores of one block of BK keys at a time are computed
// with the ISA's GEMM into a BQ x BK tile, turned into probabilities with a
// running row max m and row sum l (online softmax), and multiplied into the
// output rows, which are rescaled by exp(m_old - m_new) whenever a later
// key block raises the max. No Sq x Skv matrix exists; scratch is one tile.
//
//===----------------------------------------------------------------------===//
#ifndef TCC_RUNTIME_KERNELS_NN_DRIVER_H
#define TCC_RUNTIME_KERNELS_NN_DRIVER_H

#include <stddef.h>
#include <stdint.h>

#include "tcc_kernels.h"
#include "vmath.h"

namespace tcc_kernels {
namespace {

// Default tiles (a block_q / block_k <= 0 asks for them): the compiler picks
// smaller ones for a smaller cache (tfm-tile-for-cache).
constexpr int64_t kAttentionBQ = 64;   // query rows per tile
constexpr int64_t kAttentionBK = 256;  // keys per tile (one tile up to 256)

inline int64_t tileOr(int64_t requested, int64_t fallback) {
  return requested > 0 ? requested : fallback;
}

inline int64_t nnMin(int64_t a, int64_t b) { return a < b ? a : b; }
inline int64_t nnMax(int64_t a, int64_t b) { return a > b ? a : b; }
// Scratch sections start on 64-byte boundaries (16 floats).
inline int64_t roundUp16(int64_t n) { return (n + 15) / 16 * 16; }

inline size_t attentionScratchSize(tcc_isa isa, int64_t sq, int64_t skv,
                                   int64_t dk, int64_t dv, int64_t blockQ,
                                   int64_t blockK) {
  if (sq < 1 || skv < 1 || dk < 1 || dv < 1)
    return 0;
  const int64_t bq = nnMin(tileOr(blockQ, kAttentionBQ), sq),
                bk = nnMin(tileOr(blockK, kAttentionBK), skv);
  const size_t gemm =
      static_cast<size_t>(nnMax(static_cast<int64_t>(tcc_gemm_unpacked_scratch_size_f32(isa, dk, bk)),
                                static_cast<int64_t>(tcc_gemm_unpacked_scratch_size_f32(isa, bk, dv))));
  return static_cast<size_t>(roundUp16(bq * bk) + 2 * roundUp16(bq)) + gemm;
}

// Reductions in 16 interleaved partial results, which the compiler keeps
// in vector registers (a single running sum is a serial dependency it may
// not reorder without -ffast-math). The order is fixed, so results are
// deterministic.
constexpr int kLanes = 16;

inline float sumOf(const float *x, int64_t n) {
  float part[kLanes] = {};
  int64_t j = 0;
  for (; j + kLanes <= n; j += kLanes)
    for (int u = 0; u < kLanes; ++u)
      part[u] += x[j + u];
  float s = 0.0f;
  for (; j < n; ++j)
    s += x[j];
  for (int u = 0; u < kLanes; ++u)
    s += part[u];
  return s;
}

// sum (x[j] - c)^2
inline float squaredDeviation(const float *x, int64_t n, float c) {
  float part[kLanes] = {};
  int64_t j = 0;
  for (; j + kLanes <= n; j += kLanes)
    for (int u = 0; u < kLanes; ++u) {
      const float d = x[j + u] - c;
      part[u] += d * d;
    }
  float s = 0.0f;
  for (; j < n; ++j)
    s += (x[j] - c) * (x[j] - c);
  for (int u = 0; u < kLanes; ++u)
    s += part[u];
  return s;
}

inline float maxOf(const float *x, int64_t n) {
  const float negInf = -__builtin_huge_valf();
  float part[kLanes];
  for (int u = 0; u < kLanes; ++u)
    part[u] = negInf;
  int64_t j = 0;
  for (; j + kLanes <= n; j += kLanes)
    for (int u = 0; u < kLanes; ++u)
      part[u] = vmax(part[u], x[j + u]);
  float m = negInf;
  for (; j < n; ++j)
    m = vmax(m, x[j]);
  for (int u = 0; u < kLanes; ++u)
    m = vmax(m, part[u]);
  return m;
}

// y[j] = exp(x[j] - c) for j < n, returning their sum (y may be x).
inline float expShiftedSum(const float *x, float c, float *y, int64_t n) {
  float part[kLanes] = {};
  int64_t j = 0;
  for (; j + kLanes <= n; j += kLanes)
    for (int u = 0; u < kLanes; ++u) {
      const float e = vexpNonPositive(x[j + u] - c);
      y[j + u] = e;
      part[u] += e;
    }
  float s = 0.0f;
  for (; j < n; ++j) {
    const float e = vexpNonPositive(x[j] - c);
    y[j] = e;
    s += e;
  }
  for (int u = 0; u < kLanes; ++u)
    s += part[u];
  return s;
}

// The ISA's unpacked GEMM (tcc_gemm_f32_unpacked_<isa>).
using UnpackedGemm = void (*)(int64_t, int64_t, int64_t, const float *,
                              int64_t, const float *, int64_t,
                              tcc_gemm_b_layout, const float *, float *,
                              int64_t, int, float *);

struct MaskView {
  const float *data;  // null: no mask
  int64_t batchStride, headStride, rowStride, colStride;  // 0 = broadcast
};

struct AttentionArgs {
  UnpackedGemm gemm;
  int64_t batch, heads, sq, skv, dk, dv;
  float scale;
  const float *q;
  int64_t qbs, qrs;
  const float *k;
  int64_t kbs, krs;
  const float *v;
  int64_t vbs, vrs;
  MaskView mask;
  float *out;
  int64_t obs, ors;
  int64_t bq, bk;        // tile sizes (<= sq, skv)
  float *scratch;        // thread 0's
  size_t scratchFloats;  // what one thread needs
  int64_t qBlocks;       // ceil(sq / bq)
};

// Query rows i0..i0+BQ of one (batch b, head h): the online softmax over
// key tiles of BK.
inline void attentionBlock(const AttentionArgs &a, int64_t b, int64_t h,
                           int64_t i0, float *scratch) {
  const int64_t bq = a.bq, bk = a.bk;
  const int64_t mq = nnMin(bq, a.sq - i0), dk = a.dk, dv = a.dv;
  float *scores = scratch;
  float *rowMax = scores + roundUp16(bq * bk);
  float *rowSum = rowMax + roundUp16(bq);
  float *gemmScratch = rowSum + roundUp16(bq);
  const float negInf = -__builtin_huge_valf();
  const float *q = a.q + b * a.qbs + h * dk + i0 * a.qrs;
  const float *k = a.k + b * a.kbs + h * dk;
  const float *v = a.v + b * a.vbs + h * dv;
  const float *mask =
      a.mask.data ? a.mask.data + b * a.mask.batchStride +
                        h * a.mask.headStride + i0 * a.mask.rowStride
                  : nullptr;
  float *o = a.out + b * a.obs + h * dv + i0 * a.ors;

  for (int64_t r = 0; r < mq; ++r) {
    rowMax[r] = negInf;
    rowSum[r] = 0.0f;
  }
  for (int64_t j0 = 0; j0 < a.skv; j0 += bk) {
    const int64_t nk = nnMin(bk, a.skv - j0);
    // scores = q_block k_block^T
    a.gemm(mq, nk, dk, q, a.qrs, k + j0 * a.krs, a.krs, TCC_GEMM_B_TRANSPOSED,
           nullptr, scores, nk, 0, gemmScratch);
    for (int64_t r = 0; r < mq; ++r) {
      float *s = scores + r * nk;
      if (mask) {
        const float *mrow = mask + r * a.mask.rowStride + j0 * a.mask.colStride;
        if (a.mask.colStride == 1) {
          for (int64_t j = 0; j < nk; ++j)
            s[j] = s[j] * a.scale + mrow[j];
        } else {
          const float m0 = mrow[0];  // one value for the whole row
          for (int64_t j = 0; j < nk; ++j)
            s[j] = s[j] * a.scale + m0;
        }
      } else {
        for (int64_t j = 0; j < nk; ++j)
          s[j] *= a.scale;
      }
      const float newMax = vmax(rowMax[r], maxOf(s, nk));
      float correction = 1.0f, sum = 0.0f;
      if (newMax == negInf) {
        // Every score so far is -inf: contributes nothing (a row that
        // stays so ends as 0/0 = NaN, like softmax of all -inf).
        for (int64_t j = 0; j < nk; ++j)
          s[j] = 0.0f;
      } else {
        correction = vexpNonPositive(rowMax[r] - newMax);
        sum = expShiftedSum(s, newMax, s, nk);
      }
      rowSum[r] = rowSum[r] * correction + sum;
      rowMax[r] = newMax;
      if (j0 > 0 && correction != 1.0f) {
        float *orow = o + r * a.ors;
        for (int64_t j = 0; j < dv; ++j)
          orow[j] *= correction;
      }
    }
    // out_block (+)= p v_block
    a.gemm(mq, dv, nk, scores, nk, v + j0 * a.vrs, a.vrs, TCC_GEMM_B_ROW_MAJOR,
           nullptr, o, a.ors, j0 > 0 ? 1 : 0, gemmScratch);
  }
  for (int64_t r = 0; r < mq; ++r) {
    const float inv = 1.0f / rowSum[r];
    float *orow = o + r * a.ors;
    for (int64_t j = 0; j < dv; ++j)
      orow[j] *= inv;
  }
}

// Items are (batch, head, query block), query block fastest.
inline void attentionItems(void *ctx, int64_t begin, int64_t end, int thread) {
  const AttentionArgs &a = *static_cast<const AttentionArgs *>(ctx);
  float *scratch = thread == 0
                       ? a.scratch
                       : tcc_kernels_thread_scratch(thread, a.scratchFloats);
  for (int64_t item = begin; item < end; ++item) {
    const int64_t block = item % a.qBlocks, bh = item / a.qBlocks;
    attentionBlock(a, bh / a.heads, bh % a.heads, block * a.bq, scratch);
  }
}

inline void attention(tcc_isa isa, UnpackedGemm gemm, int64_t batch,
                      int64_t heads, int64_t sq, int64_t skv, int64_t dk,
                      int64_t dv, float scale, const float *q, int64_t qbs,
                      int64_t qrs, const float *k, int64_t kbs, int64_t krs,
                      const float *v, int64_t vbs, int64_t vrs, MaskView mask,
                      float *out, int64_t obs, int64_t ors, int64_t blockQ,
                      int64_t blockK, float *scratch) {
  if (batch <= 0 || heads <= 0 || sq <= 0 || skv <= 0 || dk <= 0 || dv <= 0)
    return;
  const int64_t bq = nnMin(tileOr(blockQ, kAttentionBQ), sq),
                bk = nnMin(tileOr(blockK, kAttentionBK), skv);
  AttentionArgs a{gemm, batch, heads, sq, skv, dk, dv, scale, q, qbs, qrs,
                  k, kbs, krs, v, vbs, vrs, mask, out, obs, ors, bq, bk,
                  scratch, attentionScratchSize(isa, sq, skv, dk, dv, bq, bk),
                  (sq + bq - 1) / bq};
  tcc_kernels_parallel_for(batch * heads * a.qBlocks, attentionItems, &a);
}

// y = (x - mean) / sqrt(var + eps) * gamma + beta over each row (two passes
// over a row that is in L1: mean, then the centred variance, which is
// exact where E[x^2] - E[x]^2 cancels).
inline void layerNorm(int64_t rows, int64_t cols, const float *x, int64_t ldx,
                      const float *gamma, const float *beta, float eps,
                      float *y, int64_t ldy) {
  for (int64_t i = 0; i < rows; ++i) {
    const float *xr = x + i * ldx;
    float *yr = y + i * ldy;
    const float mean = sumOf(xr, cols) / static_cast<float>(cols);
    const float sq = squaredDeviation(xr, cols, mean);
    const float rstd = 1.0f / __builtin_sqrtf(sq / static_cast<float>(cols) + eps);
    if (gamma && beta) {
      for (int64_t j = 0; j < cols; ++j)
        yr[j] = (xr[j] - mean) * rstd * gamma[j] + beta[j];
    } else if (gamma) {
      for (int64_t j = 0; j < cols; ++j)
        yr[j] = (xr[j] - mean) * rstd * gamma[j];
    } else if (beta) {
      for (int64_t j = 0; j < cols; ++j)
        yr[j] = (xr[j] - mean) * rstd + beta[j];
    } else {
      for (int64_t j = 0; j < cols; ++j)
        yr[j] = (xr[j] - mean) * rstd;
    }
  }
}

inline void softmaxRows(int64_t rows, int64_t cols, const float *x,
                        int64_t ldx, float *y, int64_t ldy) {
  const float negInf = -__builtin_huge_valf();
  for (int64_t i = 0; i < rows; ++i) {
    const float *xr = x + i * ldx;
    float *yr = y + i * ldy;
    const float mx = maxOf(xr, cols);
    float sum = 0.0f;
    if (mx == negInf) {
      for (int64_t j = 0; j < cols; ++j)
        yr[j] = 0.0f;  // 0 / 0 below: NaN, as softmax of all -inf
    } else {
      sum = expShiftedSum(xr, mx, yr, cols);
    }
    const float inv = 1.0f / sum;
    for (int64_t j = 0; j < cols; ++j)
      yr[j] *= inv;
  }
}

inline void activation(int64_t n, int act, const float *x, float *y) {
  switch (act) {
  case TCC_ACT_GELU_ERF:
    for (int64_t i = 0; i < n; ++i)
      y[i] = vgeluErf(x[i]);
    break;
  case TCC_ACT_GELU_TANH:
    for (int64_t i = 0; i < n; ++i)
      y[i] = vgeluTanh(x[i]);
    break;
  case TCC_ACT_RELU:
    for (int64_t i = 0; i < n; ++i)
      y[i] = vmax(x[i], 0.0f);
    break;
  default:
    for (int64_t i = 0; i < n; ++i)
      y[i] = x[i];
    break;
  }
}

// Below this many elements a row kernel stays on one thread: waking the
// others costs more than the work.
constexpr int64_t kParallelMinElements = 32768;

struct RowsArgs {
  int64_t cols;
  const float *x;
  int64_t ldx;
  const float *gamma, *beta;
  float eps;
  float *y;
  int64_t ldy;
  int act;
};

inline void layerNormRows(void *ctx, int64_t begin, int64_t end, int) {
  const RowsArgs &a = *static_cast<const RowsArgs *>(ctx);
  layerNorm(end - begin, a.cols, a.x + begin * a.ldx, a.ldx, a.gamma, a.beta,
            a.eps, a.y + begin * a.ldy, a.ldy);
}

inline void softmaxRowRange(void *ctx, int64_t begin, int64_t end, int) {
  const RowsArgs &a = *static_cast<const RowsArgs *>(ctx);
  softmaxRows(end - begin, a.cols, a.x + begin * a.ldx, a.ldx,
              a.y + begin * a.ldy, a.ldy);
}

// Activation in chunks of `cols` elements.
inline void activationChunks(void *ctx, int64_t begin, int64_t end, int) {
  const RowsArgs &a = *static_cast<const RowsArgs *>(ctx);
  const int64_t first = begin * a.cols;
  const int64_t last = nnMin(end * a.cols, a.ldx);  // ldx holds n
  activation(last - first, a.act, a.x + first, a.y + first);
}

inline void layerNormParallel(int64_t rows, int64_t cols, const float *x,
                              int64_t ldx, const float *gamma,
                              const float *beta, float eps, float *y,
                              int64_t ldy) {
  if (rows * cols < kParallelMinElements || tcc_kernels_threads() <= 1) {
    layerNorm(rows, cols, x, ldx, gamma, beta, eps, y, ldy);
    return;
  }
  RowsArgs a{cols, x, ldx, gamma, beta, eps, y, ldy, 0};
  tcc_kernels_parallel_for(rows, layerNormRows, &a);
}

inline void softmaxParallel(int64_t rows, int64_t cols, const float *x,
                            int64_t ldx, float *y, int64_t ldy) {
  if (rows * cols < kParallelMinElements || tcc_kernels_threads() <= 1) {
    softmaxRows(rows, cols, x, ldx, y, ldy);
    return;
  }
  RowsArgs a{cols, x, ldx, nullptr, nullptr, 0.0f, y, ldy, 0};
  tcc_kernels_parallel_for(rows, softmaxRowRange, &a);
}

inline void activationParallel(int64_t n, int act, const float *x, float *y) {
  if (n < kParallelMinElements || tcc_kernels_threads() <= 1) {
    activation(n, act, x, y);
    return;
  }
  const int64_t chunk = 4096;
  RowsArgs a{chunk, x, n, nullptr, nullptr, 0.0f, y, 0, act};
  tcc_kernels_parallel_for((n + chunk - 1) / chunk, activationChunks, &a);
}

}  // namespace
}  // namespace tcc_kernels

// The C entry points of one ISA, defined in that ISA's nn_<isa>.cpp.
#define TCC_DEFINE_NN_KERNELS(ISA, ISA_ENUM)                                    \
  extern "C" void tcc_attention_f32_##ISA(                                      \
      int64_t batch, int64_t heads, int64_t sq, int64_t skv, int64_t dk,       \
      int64_t dv, float scale, const float *q, int64_t qbs, int64_t qrs,       \
      const float *k, int64_t kbs, int64_t krs, const float *v, int64_t vbs,   \
      int64_t vrs, float *out, int64_t obs, int64_t ors, int64_t block_q,      \
      int64_t block_k, float *scratch) {                                       \
    tcc_kernels::attention(ISA_ENUM, tcc_gemm_f32_unpacked_##ISA, batch, heads, sq, skv, \
                           dk, dv, scale, q, qbs, qrs, k, kbs, krs, v, vbs,    \
                           vrs, tcc_kernels::MaskView{nullptr, 0, 0, 0, 0},    \
                           out, obs, ors, block_q, block_k, scratch);          \
  }                                                                            \
  extern "C" void tcc_attention_masked_f32_##ISA(                               \
      int64_t batch, int64_t heads, int64_t sq, int64_t skv, int64_t dk,       \
      int64_t dv, float scale, const float *q, int64_t qbs, int64_t qrs,       \
      const float *k, int64_t kbs, int64_t krs, const float *v, int64_t vbs,   \
      int64_t vrs, int64_t mask_batch, int64_t mask_heads, int64_t mask_rows,  \
      int64_t mask_cols, const float *mask, int64_t mbs, int64_t mhs,          \
      int64_t mrs, float *out, int64_t obs, int64_t ors, int64_t block_q,      \
      int64_t block_k, float *scratch) {                                       \
    tcc_kernels::MaskView m{mask, mask_batch == 1 ? 0 : mbs,                   \
                            mask_heads == 1 ? 0 : mhs,                         \
                            mask_rows == 1 ? 0 : mrs, mask_cols == 1 ? 0 : 1}; \
    tcc_kernels::attention(ISA_ENUM, tcc_gemm_f32_unpacked_##ISA, batch, heads, sq, skv, \
                           dk, dv, scale, q, qbs, qrs, k, kbs, krs, v, vbs,    \
                           vrs, m, out, obs, ors, block_q, block_k, scratch);  \
  }                                                                            \
  extern "C" void tcc_layer_norm_f32_##ISA(                                     \
      int64_t rows, int64_t cols, const float *x, int64_t ldx,                 \
      const float *gamma, const float *beta, float eps, float *y,              \
      int64_t ldy) {                                                           \
    tcc_kernels::layerNormParallel(rows, cols, x, ldx, gamma, beta, eps, y,    \
                                   ldy);                                       \
  }                                                                            \
  extern "C" void tcc_softmax_f32_##ISA(int64_t rows, int64_t cols,             \
                                        const float *x, int64_t ldx, float *y, \
                                        int64_t ldy) {                         \
    tcc_kernels::softmaxParallel(rows, cols, x, ldx, y, ldy);                  \
  }                                                                            \
  extern "C" void tcc_activation_f32_##ISA(int64_t n, int activation,           \
                                           const float *x, float *y) {         \
    tcc_kernels::activationParallel(n, activation, x, y);                      \
  }

#endif  // TCC_RUNTIME_KERNELS_NN_DRIVER_H
