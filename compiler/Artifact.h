//===- Artifact.h - the compiled model's output directory -------*- C++ -*-===//
#ifndef TCC_COMPILER_ARTIFACT_H
#define TCC_COMPILER_ARTIFACT_H

#include "compiler/ModelStats.h"

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tcc {

/// What the bundle records about a compiled model.
struct BundleContents {
  std::string modelName;
  std::string target, cpu;
  std::vector<TensorSignature> inputs, outputs;
  int64_t arenaSize = 0;
  int64_t arenaAlignment = 64;
  int64_t weightsSize = 0;
  std::string reportJson;
};

/// Serialises the FlatBuffers bundle (runtime/schema/bundle.fbs). Fails
/// (returns false) on a dtype the bundle cannot describe.
bool buildBundle(const BundleContents &contents, std::vector<uint8_t> &bytes,
                 std::string &error);

/// How an OUTDIR is put together for its target.
struct ArtifactTarget {
  /// The target's runtime kernel library, copied into libmodel.a and
  /// linked into libmodel.so.
  std::string kernelsArchive;
  /// The C compiler that links libmodel.so for the target ("cc" for the
  /// host; "aarch64-linux-gnu-gcc"); empty: no libmodel.so.
  std::string sharedLinker;
};

/// Writes OUTDIR: model.o, libmodel.a, libmodel.so (when linkable), model.h,
/// model.tccb and report.json. Everything is written into a temporary
/// sibling directory that replaces OUTDIR only when complete, so a failure
/// never leaves a partial directory behind.
bool writeArtifact(const std::string &outDir, const BundleContents &contents,
                   llvm::ArrayRef<uint8_t> bundle, llvm::ArrayRef<char> object,
                   const ArtifactTarget &target, std::string &error);

} // namespace tcc

#endif // TCC_COMPILER_ARTIFACT_H
