//===- KernelIsa.h - the kernel ISA named by a pass option ------*- C++ -*-===//
#ifndef TCC_TARGETS_CPU_KERNELISA_H
#define TCC_TARGETS_CPU_KERNELISA_H

#include "tcc_kernels.h"

#include "llvm/ADT/StringRef.h"

#include <optional>

namespace tcc {

/// The runtime kernels' ISA for a pass's `isa` option (the suffix of the
/// kernel symbols: generic, avx2, avx512, neon), or nothing if unknown.
inline std::optional<tcc_isa> parseKernelIsa(llvm::StringRef isa) {
  if (isa == "generic")
    return TCC_ISA_GENERIC;
  if (isa == "avx2")
    return TCC_ISA_AVX2;
  if (isa == "avx512")
    return TCC_ISA_AVX512;
  if (isa == "neon")
    return TCC_ISA_NEON;
  return std::nullopt;
}

} // namespace tcc

#endif // TCC_TARGETS_CPU_KERNELISA_H
