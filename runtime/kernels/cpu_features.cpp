//===- cpu_features.cpp - Which kernels this host can run -----------------===//
//
// For the runtime (refuse an artifact built for an ISA the CPU lacks, rather
// than die of an illegal instruction), the tests and the benchmark. Kept in
// its own file: it needs libgcc's CPU model (__builtin_cpu_supports), which a
// firmware image that only runs the generic kernel does not have to link.
//
//===----------------------------------------------------------------------===//
#include "tcc_kernels.h"

extern "C" int tcc_kernels_host_supports(tcc_isa isa) {
  switch (isa) {
  case TCC_ISA_GENERIC:
    return 1;
#if defined(__x86_64__) || defined(__i386__)
  // libgcc's checks include the OS side (XGETBV: ymm/zmm state enabled).
  case TCC_ISA_AVX2:
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  case TCC_ISA_AVX512:
    return __builtin_cpu_supports("avx512f");
#endif
#if defined(__aarch64__)
  // Advanced SIMD is mandatory in AArch64 (and always enabled by Linux).
  case TCC_ISA_NEON:
    return 1;
#endif
  default:
    return 0;
  }
}
