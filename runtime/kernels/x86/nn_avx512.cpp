//===- nn_avx512.cpp - Attention, layer norm, softmax, GELU (avx512) -===//
//
// nn_driver.h compiled with this ISA's target flags (see CMakeLists.txt),
// over this ISA's GEMM.
//
//===----------------------------------------------------------------------===//
#include "nn_driver.h"

TCC_DEFINE_NN_KERNELS(avx512, TCC_ISA_AVX512)
