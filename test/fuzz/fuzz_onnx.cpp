//===- fuzz_onnx.cpp - libFuzzer harness: ONNX bytes -> tfm ---------------===//
//
// Runs the importer on arbitrary bytes as `tcc compile --emit=tfm --no-raise`
// would: parse, tcc's structure checks, libonnx's checker, shape folding and
// emission of tfm ops, then the MLIR verifier. A user error must come back
// as one line; any crash, sanitizer report or multi-line error is a bug.
//
//===----------------------------------------------------------------------===//
#include "compiler/onnx/Importer.h"

#include "mlir/IR/MLIRContext.h"

#include <cstdio>
#include <cstdlib>

namespace {
// An invariant broke: name it and abort, which libFuzzer reports as a crash.
#define check(condition)                                                       \
  do {                                                                         \
    if (!(condition)) {                                                        \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, \
                   #condition);                                                \
      std::abort();                                                            \
    }                                                                          \
  } while (0)
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  // A fresh context per input: uniqued types and resource blobs would
  // otherwise accumulate over millions of inputs.
  mlir::MLIRContext context(mlir::MLIRContext::Threading::DISABLED);
  std::string error;
  tcc::ImportOptions options;
  // External data resolves inside a directory that does not exist, so a
  // mutated location can never make the fuzzer read the file system.
  auto module = tcc::importOnnxModelFromMemory(
      context, llvm::StringRef(reinterpret_cast<const char *>(data), size),
      "fuzz.onnx", "/nonexistent-tcc-fuzz-dir", options, error);
  if (!module) {
    // One printable line: no newline or other control byte, whatever bytes
    // the model's names hold.
    check(!error.empty());
    for (char c : error)
      check(static_cast<unsigned char>(c) >= 0x20 && c != 0x7f);
  }
  return 0;
}
