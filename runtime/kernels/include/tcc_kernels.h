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

/* Whether this CPU (and OS) can run `isa`'s kernels: GENERIC always; AVX2
 * needs AVX2+FMA, AVX512 needs AVX-512F, with the register state enabled by
 * the OS; NEON on every AArch64. Always 0 for an ISA of another architecture,
 * whose kernels are not built. */
int tcc_kernels_host_supports(tcc_isa isa);

#ifdef __cplusplus
}
#endif

#endif /* TCC_KERNELS_H */
