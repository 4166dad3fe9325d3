//===- nn_avx2.cpp - Attention, layer norm, softmax, GELU (avx2) -===//
//
// nn_driver.h compiled with this ISA's target flags (see CMakeLists.txt),
// over this ISA's GEMM.
//
//===----------------------------------------------------------------------===//
#include "nn_driver.h"

TCC_DEFINE_NN_KERNELS(avx2, TCC_ISA_AVX2)
