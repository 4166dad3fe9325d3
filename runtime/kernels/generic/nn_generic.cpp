//===- nn_generic.cpp - Attention, layer norm, softmax, GELU (generic) -===//
//
// nn_driver.h compiled with this ISA's target flags (see CMakeLists.txt),
// over this ISA's GEMM.
//
//===----------------------------------------------------------------------===//
#include "nn_driver.h"

TCC_DEFINE_NN_KERNELS(generic, TCC_ISA_GENERIC)

// Portable: the compiler sizes the arena's attention scratch with it.
extern "C" size_t tcc_attention_scratch_size_f32(tcc_isa isa, int64_t sq,
                                                 int64_t skv, int64_t dk,
                                                 int64_t dv, int64_t block_q,
                                                 int64_t block_k) {
  return tcc_kernels::attentionScratchSize(isa, sq, skv, dk, dv, block_q,
                                           block_k);
}
