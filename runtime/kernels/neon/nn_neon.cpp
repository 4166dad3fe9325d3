//===- nn_neon.cpp - Attention, layer norm, softmax, GELU (NEON) ----------===//
//
// nn_driver.h compiled for AArch64 over the NEON GEMM (attention's QK^T and
// PV tiles run tcc_gemm_f32_unpacked_neon); the row kernels are the portable
// code, which GCC vectorizes with NEON at -O3.
//
//===----------------------------------------------------------------------===//
#include "nn_driver.h"

TCC_DEFINE_NN_KERNELS(neon, TCC_ISA_NEON)
