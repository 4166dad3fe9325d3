//===- pack.h - Packing of B into NR-column panels (internal) -------------===//
//
// Shared by tcc_gemm_pack_b_f32 (weights, at compile time, on any host) and
// the _unpacked GEMMs (activations, per cache block, into scratch). Compiled
// once, with baseline flags, in pack.cpp: the ISA files call it as an
// ordinary external function.
//
//===----------------------------------------------------------------------===//
#ifndef TCC_RUNTIME_KERNELS_PACK_H
#define TCC_RUNTIME_KERNELS_PACK_H

#include <stdint.h>

#include "tcc_kernels.h"

namespace tcc_kernels {

// Writes ceil(ncols/nr) panels of kc x nr floats to dst, panel q at
// dst + q*kc*nr, holding rows k0..k0+kc-1 and columns n0+q*nr.. of B;
// columns at or past n0+ncols are written as +0.0f. nr is 8, 16 or 32.
void packBlock(int nr, const float *B, int64_t ldb, tcc_gemm_b_layout layout,
               int64_t k0, int64_t kc, int64_t n0, int64_t ncols, float *dst);

}  // namespace tcc_kernels

#endif  // TCC_RUNTIME_KERNELS_PACK_H
