/* tcc_kernels.h is plain C (C11, -Wpedantic) and its functions are callable
 * through the C ABI, as LLVM-generated code calls them. Called from
 * PackTest.cpp (CallableFromC). */
#include "tcc_kernels.h"

/* C = A B + bias for A = [[1, 2], [3, 4]], B = [[5, 6, 7], [8, 9, 10]],
 * bias = [1, 1, 1], with the generic kernel; returns 1 if C is exact. */
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
  return 1;
}
