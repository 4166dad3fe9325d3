/* tcc_kernels.h is plain C (C11, -Wpedantic) and its functions are callable
 * through the C ABI, as LLVM-generated code calls them. Called from
 * PackTest.cpp (CallableFromC). */
#include "tcc_kernels.h"

/* C = A B + bias for A = [[1, 2], [3, 4]], B = [[5, 6, 7], [8, 9, 10]],
 * bias = [1, 1, 1], with the generic kernel, then two of the transformer
 * kernels; returns 1 if every result is exact. */
int tcc_kernels_test_from_c(void) {
  const float A[4] = {1, 2, 3, 4};
  const float B[6] = {5, 6, 7, 8, 9, 10};
  const float bias[3] = {1, 1, 1};
  const float want[6] = {22, 25, 28, 48, 55, 62};
  float packed[16];
  float C[6];
  int i;
  if (tcc_gemm_packed_b_size_f32(TCC_ISA_GENERIC, 2, 3) != 16)
    return 0;
  tcc_gemm_pack_b_f32(TCC_ISA_GENERIC, 2, 3, B, 3, packed);
  tcc_gemm_f32_generic(2, 3, 2, A, 2, packed, bias, C, 3, 0);
  for (i = 0; i < 6; ++i)
    if (C[i] != want[i])
      return 0;
  /* The transformer kernels (declared through TCC_DECLARE_ATTENTION): ReLU
   * in place, and the softmax of [0, 0] is [0.5, 0.5]. */
  C[0] = -1.0f;
  C[1] = 2.0f;
  tcc_activation_f32_generic(2, TCC_ACT_RELU, C, C);
  if (C[0] != 0.0f || C[1] != 2.0f)
    return 0;
  C[0] = C[1] = 0.0f;
  tcc_softmax_f32_generic(1, 2, C, 2, C, 2);
  if (C[0] != 0.5f || C[1] != 0.5f)
    return 0;
  return 1;
}
