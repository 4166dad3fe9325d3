/*===- tcc_kernels.h - Microkernels the generated code calls ------*- C -*-===*
 *
 * FP32 GEMM for the CPU targets: one kernel per ISA (portable C++, AVX2+FMA,
 * AVX-512F), chosen by the compiler at compile time (`--mcpu`), never at run
 * time. Each ISA's code is compiled with its own target flags, so the
 * library links on any x86-64 (and the generic kernel on AArch64); calling
 * an ISA's kernel on a CPU without that ISA is an illegal instruction, which
 * is why tcc_kernels_host_supports() exists for the runtime and the tests.
 *
 * Properties firmware and generated code rely on:
 *  - No heap, no threads, no exceptions, no global state. The kernels use a
 *    bounded amount of stack (under 20 KB) and the caller's buffers only.
 *  - Nothing outside the described matrices is read or written: A is read
 *    at A[i*lda + k] for i < M, k < K only; B likewise; C is written at
 *    C[i*ldc + j] for i < M, j < N only (gaps between rows are untouched);
 *    bias[j] for j < N only.
 *  - C is read only when `accumulate` is non-zero (it may hold NaN
 *    otherwise).
 *  - Any M, N, K >= 1 (M or N == 0 does nothing; K == 0 gives bias/C/0).
 *    Strides are in elements, lda >= K, ldc >= N, and C must not overlap
 *    A, B or bias.
 *  - Pointers need only float alignment. 64-byte alignment of packed B and
 *    of the scratch buffer (below) is faster: their vector loads then never
 *    split a cache line.
 *
 * Packed B (weights; the compiler packs constant weights on the host at
 * compile time and stores the result in the artifact):
 *   B[K,N] row-major with row stride ldb  ->  ceil(N/NR) panels of NR
 *   columns; panel p is K x NR floats, row-major (k-major), contiguous:
 *       packed[p*K*NR + k*NR + j] = B[k*ldb + p*NR + j]   if p*NR + j < N
 *                                 = 0.0f                  otherwise
 *   NR = tcc_gemm_nr(isa): GENERIC 8, AVX2 16, AVX512 32, NEON 8.
 * The layout is a pure function of (isa, K, N, B's values): every float of
 * the packed buffer is written (padding with +0.0f), so two packings of the
 * same B are byte-identical, and it does not depend on the host the packer
 * runs on (the packer is portable code for every isa).
 *
 * Generated code, per linear layer  Y[M,N] = X[M,K] W[K,N] + b[N]:
 *   compile time: n = tcc_gemm_packed_b_size_f32(isa, K, N);
 *                 tcc_gemm_pack_b_f32(isa, K, N, W, N, buf);  -> constant
 *   run time:     tcc_gemm_f32_<isa>(M, N, K, X, K, buf, b, Y, N, 0);
 * Attention (activation x activation) uses the _unpacked variant with a
 * scratch buffer of tcc_gemm_unpacked_scratch_size_f32(isa, K, N) floats
 * from the arena:
 *   S = Q K^T:  tcc_gemm_f32_unpacked_<isa>(T, T, d, Q, ldq, Kmat, ldk,
 *                                           TCC_GEMM_B_TRANSPOSED, ...)
 *   O = P V:    tcc_gemm_f32_unpacked_<isa>(T, d, T, P, T, V, ldv,
 *                                           TCC_GEMM_B_ROW_MAJOR, ...)
 *
 *===----------------------------------------------------------------------===*/
#ifndef TCC_KERNELS_H
#define TCC_KERNELS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The values are part of the ABI (the compiler records the ISA of packed
 * weights); never renumber. */
typedef enum {
  TCC_ISA_GENERIC = 0,
  TCC_ISA_AVX2 = 1,   /* AVX2 + FMA (Haswell, Zen 1 and later) */
  TCC_ISA_AVX512 = 2, /* AVX-512F (Skylake-SP, Zen 4 and later) */
  TCC_ISA_NEON = 3    /* AArch64 Advanced SIMD (every AArch64 core) */
} tcc_isa;

/* How the _unpacked variant reads B. */
typedef enum {
  TCC_GEMM_B_ROW_MAJOR = 0,  /* B[K,N]: element (k, n) at B[k*ldb + n] */
  TCC_GEMM_B_TRANSPOSED = 1  /* B^T[N,K]: element (k, n) at B[n*ldb + k] */
} tcc_gemm_b_layout;

/* Columns per packed panel for `isa` (8, 16, 32); 0 for an unknown isa. */
int tcc_gemm_nr(tcc_isa isa);

/* Size of the packed B in floats: ceil(N/NR) * NR * K; 0 for an unknown isa
 * or K, N < 1. */
size_t tcc_gemm_packed_b_size_f32(tcc_isa isa, int64_t K, int64_t N);

/* Packs B[K,N] (row stride ldb >= N) into `packed` (packed_b_size floats).
 * Portable: runs on any host for any isa. Does nothing for an unknown isa or
 * K, N < 1. */
void tcc_gemm_pack_b_f32(tcc_isa isa, int64_t K, int64_t N, const float *B,
                         int64_t ldb, float *packed);

/* C[M,N] = A[M,K] x B + (bias ? bias[N] broadcast over rows : 0)
 *                      + (accumulate ? C : 0)
 * with B packed for the same isa by tcc_gemm_pack_b_f32 with the same K, N. */
void tcc_gemm_f32_generic(int64_t M, int64_t N, int64_t K, const float *A,
                          int64_t lda, const float *packedB, const float *bias,
                          float *C, int64_t ldc, int accumulate);
void tcc_gemm_f32_avx2(int64_t M, int64_t N, int64_t K, const float *A,
                       int64_t lda, const float *packedB, const float *bias,
                       float *C, int64_t ldc, int accumulate);
void tcc_gemm_f32_avx512(int64_t M, int64_t N, int64_t K, const float *A,
                         int64_t lda, const float *packedB, const float *bias,
                         float *C, int64_t ldc, int accumulate);
/* Built only for AArch64. */
void tcc_gemm_f32_neon(int64_t M, int64_t N, int64_t K, const float *A,
                       int64_t lda, const float *packedB, const float *bias,
                       float *C, int64_t ldc, int accumulate);

/* Scratch the _unpacked variant needs, in floats. Bounded by the cache
 * blocking (at most KC x NC of the isa, about 128K floats), so an arena
 * can reserve it once per isa; 0 for an unknown isa or K, N < 1. */
size_t tcc_gemm_unpacked_scratch_size_f32(tcc_isa isa, int64_t K, int64_t N);

/* As tcc_gemm_f32_<isa>, with B read from an activation in `b_layout`
 * (row stride ldb: >= N for ROW_MAJOR, >= K for TRANSPOSED) and packed
 * block by block into `scratch` (tcc_gemm_unpacked_scratch_size_f32 floats,
 * overwritten). */
void tcc_gemm_f32_unpacked_generic(int64_t M, int64_t N, int64_t K,
                                   const float *A, int64_t lda, const float *B,
                                   int64_t ldb, tcc_gemm_b_layout b_layout,
                                   const float *bias, float *C, int64_t ldc,
                                   int accumulate, float *scratch);
void tcc_gemm_f32_unpacked_avx2(int64_t M, int64_t N, int64_t K,
                                const float *A, int64_t lda, const float *B,
                                int64_t ldb, tcc_gemm_b_layout b_layout,
                                const float *bias, float *C, int64_t ldc,
                                int accumulate, float *scratch);
void tcc_gemm_f32_unpacked_avx512(int64_t M, int64_t N, int64_t K,
                                  const float *A, int64_t lda, const float *B,
                                  int64_t ldb, tcc_gemm_b_layout b_layout,
                                  const float *bias, float *C, int64_t ldc,
                                  int accumulate, float *scratch);
void tcc_gemm_f32_unpacked_neon(int64_t M, int64_t N, int64_t K,
                                const float *A, int64_t lda, const float *B,
                                int64_t ldb, tcc_gemm_b_layout b_layout,
                                const float *bias, float *C, int64_t ldc,
                                int accumulate, float *scratch);

/*===-------------------------------------------------------------------===*
 * Fused linear layers and the other transformer kernels.
 *
 * Generated code calls the kernels of the ISA it was compiled for, with the
 * same guarantees as the GEMM above (no heap, threads, global state; only
 * the described elements are touched). Row strides are in elements; the
 * innermost stride of every matrix is 1.
 *===-------------------------------------------------------------------===*/

/* Activation of a fused linear layer; part of the ABI, never renumber. */
typedef enum {
  TCC_ACT_NONE = 0,
  TCC_ACT_GELU_ERF = 1,   /* 0.5 x (1 + erf(x / sqrt 2)) */
  TCC_ACT_GELU_TANH = 2,  /* 0.5 x (1 + tanh(sqrt(2/pi)(x + 0.044715 x^3))) */
  TCC_ACT_RELU = 3
} tcc_activation;

/* C[M,N] = act(A[M,K] x B + bias) + residual   (residual, bias may be null)
 * with B packed as for tcc_gemm_f32_<isa>; the activation and residual are
 * applied to each block of C right after its last K block, while it is in
 * cache. residual[i*ldr + j] is read for i < M, j < N; it must not overlap
 * C. Errors of the activations: vmath.h. */
void tcc_linear_f32_generic(int64_t M, int64_t N, int64_t K, const float *A,
                            int64_t lda, const float *packedB,
                            const float *bias, int activation,
                            const float *residual, int64_t ldr, float *C,
                            int64_t ldc);
void tcc_linear_f32_avx2(int64_t M, int64_t N, int64_t K, const float *A,
                         int64_t lda, const float *packedB, const float *bias,
                         int activation, const float *residual, int64_t ldr,
                         float *C, int64_t ldc);
void tcc_linear_f32_avx512(int64_t M, int64_t N, int64_t K, const float *A,
                           int64_t lda, const float *packedB,
                           const float *bias, int activation,
                           const float *residual, int64_t ldr, float *C,
                           int64_t ldc);
/* Built only for AArch64. */
void tcc_linear_f32_neon(int64_t M, int64_t N, int64_t K, const float *A,
                         int64_t lda, const float *packedB, const float *bias,
                         int activation, const float *residual, int64_t ldr,
                         float *C, int64_t ldc);

/* Attention with heads packed in the last dim, per batch b < batch and head
 * h < heads:
 *   out_bh = softmax(scale * q_bh k_bh^T (+ mask_bh)) v_bh
 * where q_bh is the [sq, dk] matrix at q + b*qbs + h*dk with row stride
 * qrs (k, v, out likewise; v and out have dv columns per head). The masked
 * variant adds mask[b*mbs + h*mhs + i*mrs + j] for score (i, j); a mask
 * dimension of size 1 (mask_batch, mask_heads, mask_rows, mask_cols)
 * broadcasts. FlashAttention-style: tiles of block_q query rows x block_k
 * keys (<= 0: 64 x 256) with an online softmax, so no sq x skv matrix is
 * formed; `scratch` holds tcc_attention_scratch_size_f32 floats for the
 * same tiles (one tile's scores, row statistics and GEMM packing). A row
 * whose scores are all -inf is NaN (as softmax of all -inf). */
size_t tcc_attention_scratch_size_f32(tcc_isa isa, int64_t sq, int64_t skv,
                                      int64_t dk, int64_t dv, int64_t block_q,
                                      int64_t block_k);
#define TCC_DECLARE_ATTENTION(ISA)                                            \
  void tcc_attention_f32_##ISA(                                               \
      int64_t batch, int64_t heads, int64_t sq, int64_t skv, int64_t dk,     \
      int64_t dv, float scale, const float *q, int64_t qbs, int64_t qrs,     \
      const float *k, int64_t kbs, int64_t krs, const float *v, int64_t vbs, \
      int64_t vrs, float *out, int64_t obs, int64_t ors, int64_t block_q,    \
      int64_t block_k, float *scratch);                                      \
  void tcc_attention_masked_f32_##ISA(                                        \
      int64_t batch, int64_t heads, int64_t sq, int64_t skv, int64_t dk,     \
      int64_t dv, float scale, const float *q, int64_t qbs, int64_t qrs,     \
      const float *k, int64_t kbs, int64_t krs, const float *v, int64_t vbs, \
      int64_t vrs, int64_t mask_batch, int64_t mask_heads,                   \
      int64_t mask_rows, int64_t mask_cols, const float *mask, int64_t mbs,  \
      int64_t mhs, int64_t mrs, float *out, int64_t obs, int64_t ors,        \
      int64_t block_q, int64_t block_k, float *scratch);                     \
  /* y = (x - mean) / sqrt(var + eps) * gamma + beta per row of x[rows,  */  \
  /* cols]; gamma, beta (cols floats) may be null. */                        \
  void tcc_layer_norm_f32_##ISA(int64_t rows, int64_t cols, const float *x,  \
                                int64_t ldx, const float *gamma,             \
                                const float *beta, float eps, float *y,      \
                                int64_t ldy);                                \
  /* Softmax of each row of x[rows, cols] into y (may be x). */              \
  void tcc_softmax_f32_##ISA(int64_t rows, int64_t cols, const float *x,     \
                             int64_t ldx, float *y, int64_t ldy);            \
  /* y[i] = act(x[i]) for i < n (y may be x). */                             \
  void tcc_activation_f32_##ISA(int64_t n, int activation, const float *x,   \
                                float *y);
TCC_DECLARE_ATTENTION(generic)
TCC_DECLARE_ATTENTION(avx2)
TCC_DECLARE_ATTENTION(avx512)
TCC_DECLARE_ATTENTION(neon) /* AArch64 only */

/*===-------------------------------------------------------------------===*
 * Threads (hosts only; firmware never calls this).
 *
 * The kernels run on the calling thread unless the host installs a
 * parallel-for: then tcc_linear_*, tcc_attention_* and the row kernels split
 * their outer loops (rows of C or column panels, (batch, head, query block)
 * items, rows) into `threads` contiguous ranges. This hook is the library's
 * only global state; with none installed (the default) the kernels take no
 * lock and touch no atomic.
 *===-------------------------------------------------------------------===*/

/* Runs items [begin, end) of a kernel's loop on thread `thread`. */
typedef void (*tcc_parallel_task)(void *ctx, int64_t begin, int64_t end,
                                  int thread);

typedef struct {
  /* Calls task(ctx, b_t, e_t, t) for t < threads over a partition of
   * [0, n) into contiguous ranges (thread 0 is the caller), and returns
   * when all are done. */
  void (*parallel_for)(void *pool, int64_t n, tcc_parallel_task task,
                       void *ctx);
  /* Scratch of at least `floats` floats private to thread t >= 1, valid
   * until the next call for the same thread (64-byte aligned); thread 0
   * uses the caller's scratch. */
  float *(*thread_scratch)(void *pool, int thread, size_t floats);
  void *pool;
  int threads;
} tcc_parallel_hooks;

/* Installs `hooks` (copied), or serial execution for null or threads <= 1.
 * Not thread-safe against running kernels: call it between inferences. */
void tcc_kernels_set_parallel(const tcc_parallel_hooks *hooks);

/* For the kernels: the installed thread count (1 when serial), and
 * parallel_for over [0, n) or a plain call task(ctx, 0, n, 0). */
int tcc_kernels_threads(void);
void tcc_kernels_parallel_for(int64_t n, tcc_parallel_task task, void *ctx);
float *tcc_kernels_thread_scratch(int thread, size_t floats);

/* Whether this CPU (and OS) can run `isa`'s kernels: GENERIC always; AVX2
 * needs AVX2+FMA, AVX512 needs AVX-512F, with the register state enabled by
 * the OS; NEON on every AArch64. Always 0 for an ISA of another architecture,
 * whose kernels are not built. */
int tcc_kernels_host_supports(tcc_isa isa);

#ifdef __cplusplus
}
#endif

#endif /* TCC_KERNELS_H */
