//===- gemm_config.h - Register and cache blocking of the FP32 GEMMs ------===//
//
// Every tuning parameter of the GEMM kernels, per ISA, in one place.
//
// Loop nest (gemm_driver.h), outermost first:
//   K in blocks of <= KC  x  N in blocks of <= NC  x  M in tiles of <= MR rows
//   x  N in panels of NR columns  ->  microkernel: C[tile, panel] (+)= A x B
// What sits where, for the x86 targets (L1d 32-48 KB, L2 1-2 MB):
//   L1: the A tile (MR rows x KC), reused across the NC/NR panels of a block,
//       plus the B panel being streamed (KC x NR) and the C tile.
//   L2: the B block (KC x NC), reused by every A tile of the M dimension.
// Block counts are balanced (K = 300 runs as 150 + 150, not 256 + 44) so
// that no block is a short, overhead-dominated leftover.
//
// NR is part of the packed-B layout (the ABI of the packed weights in the
// artifact); changing it for an ISA changes tcc_gemm_packed_b_size_f32 and
// needs a recompile of every model for that ISA, so it is fixed here. MR,
// KC, NC and the A-copy rule are free to change and may be set from the
// build (-DTCC_GEMM_GENERIC_KC=64 for a core with a 16 KB L1, say), as long
// as MR stays within what the kernel's registers hold.
//
//===----------------------------------------------------------------------===//
#ifndef TCC_RUNTIME_KERNELS_GEMM_CONFIG_H
#define TCC_RUNTIME_KERNELS_GEMM_CONFIG_H

// Portable C++ (4-float vectors): 4 x 8 = 8 vector accumulators + 2 B
// vectors + 1 broadcast fit the 16 xmm registers of baseline x86-64 and
// leave room in AArch64's 32 NEON registers.
#ifndef TCC_GEMM_GENERIC_MR
#define TCC_GEMM_GENERIC_MR 4
#endif
#define TCC_GEMM_GENERIC_NR 8
#ifndef TCC_GEMM_GENERIC_KC
#define TCC_GEMM_GENERIC_KC 256
#endif
#ifndef TCC_GEMM_GENERIC_NC
#define TCC_GEMM_GENERIC_NC 512
#endif

// AVX2+FMA: 6 x 16 = 6 rows x 2 ymm = 12 accumulators + 2 B vectors + 1
// broadcast of A = 15 of the 16 ymm registers. 12 independent FMA chains
// cover 2 FMA pipes x 4-5 cycles of latency.
#ifndef TCC_GEMM_AVX2_MR
#define TCC_GEMM_AVX2_MR 6
#endif
#define TCC_GEMM_AVX2_NR 16
#ifndef TCC_GEMM_AVX2_KC
#define TCC_GEMM_AVX2_KC 256
#endif
#ifndef TCC_GEMM_AVX2_NC
#define TCC_GEMM_AVX2_NC 512
#endif

// AVX-512F: 14 x 32 = 14 rows x 2 zmm = 28 accumulators + 2 B vectors + 1
// broadcast = 31 of the 32 zmm registers; per k step 2 vector loads and 14
// broadcasts feed 28 FMAs (0.57 loads per FMA, under the 1-per-FMA that
// two load ports sustain next to two FMA pipes). The A tile is
// 14 x 256 x 4 B = 14 KB, so it stays in a 32-48 KB L1 next to the streamed
// B panel (32 columns x 4 B = two cache lines per k step).
#ifndef TCC_GEMM_AVX512_MR
#define TCC_GEMM_AVX512_MR 14
#endif
#define TCC_GEMM_AVX512_NR 32
#ifndef TCC_GEMM_AVX512_KC
#define TCC_GEMM_AVX512_KC 256
#endif
#ifndef TCC_GEMM_AVX512_NC
#define TCC_GEMM_AVX512_NC 512
#endif

// AArch64 NEON: 6 x 8 = 6 rows x 2 q = 12 accumulators + 6 A vectors (4 k
// steps each, consumed by lane-indexed FMAs) + up to 8 B vectors = 26 of the
// 32 v registers (8 rows spilled with GCC 12; see neon/gemm_neon.cpp). The
// A tile (6 x 256 x 4 B = 6 KB) fits the 32 KB L1 of Cortex-A53/A72/A76;
// the B block (256 x 512 x 4 B = 512 KB) the L2.
#ifndef TCC_GEMM_NEON_MR
#define TCC_GEMM_NEON_MR 6
#endif
#define TCC_GEMM_NEON_NR 8
#ifndef TCC_GEMM_NEON_KC
#define TCC_GEMM_NEON_KC 256
#endif
#ifndef TCC_GEMM_NEON_NC
#define TCC_GEMM_NEON_NC 512
#endif

// The microkernel broadcasts A straight from its rows (no packing of A, which
// would cost about as much as the FMAs when N is small, e.g. N = 192). Rows
// whose stride is a multiple of this many floats (2 KB) fall into one or two
// L1 sets (4 KB per way), and MR of them evict each other on every k step;
// such a tile is first copied to a stack buffer with a stride of KC + 16
// floats (1088 B for KC = 256), which spreads the rows over distinct sets.
#ifndef TCC_GEMM_A_COPY_LDA_MULTIPLE
#define TCC_GEMM_A_COPY_LDA_MULTIPLE 512
#endif

#endif  // TCC_RUNTIME_KERNELS_GEMM_CONFIG_H
