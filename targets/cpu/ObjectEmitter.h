//===- ObjectEmitter.h - LLVM dialect -> object file ------------*- C++ -*-===//
#ifndef TCC_TARGETS_CPU_OBJECTEMITTER_H
#define TCC_TARGETS_CPU_OBJECTEMITTER_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <string>

namespace tcc {

struct CpuTargetOptions {
  std::string triple = "x86_64-unknown-linux-gnu";
  /// An LLVM CPU name; "native" means the host's CPU and features.
  std::string cpu = "x86-64-v3";
  int optLevel = 2;
};

/// The ISA level `--mcpu` resolves to for `target` ("x86-64" or "aarch64").
CpuTargetOptions cpuTargetFor(const std::string &target, const std::string &mcpu);

/// The GEMM microkernel ISA the target CPU runs best: avx512 when the CPU
/// has AVX-512F, avx2 with AVX2+FMA, else the portable generic kernel.
std::string selectGemmIsa(const CpuTargetOptions &options);

/// Translates an LLVM-dialect module whose `main` takes bare pointers
/// (numInputs inputs, numOutputs outputs, then the arena) into an object
/// file exporting
///   void tcc_model_entry(const void *const *in, void *const *out, void *arena)
///   const unsigned char tcc_model_bundle[]; const unsigned long tcc_model_bundle_size;
/// Returns false with `error` set on failure. `llvmIR`, when given, receives
/// the optimized LLVM IR as text (for --emit=llvm).
bool emitObject(mlir::ModuleOp module, const CpuTargetOptions &options,
                unsigned numInputs, unsigned numOutputs,
                llvm::ArrayRef<uint8_t> bundle, llvm::SmallVectorImpl<char> &object,
                std::string &error, std::string *llvmIR = nullptr);

} // namespace tcc

#endif // TCC_TARGETS_CPU_OBJECTEMITTER_H
