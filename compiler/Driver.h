//===- Driver.h - the library behind the `tcc` command ----------*- C++ -*-===//
#ifndef TCC_COMPILER_DRIVER_H
#define TCC_COMPILER_DRIVER_H

#include "compiler/onnx/Importer.h"

#include <string>

namespace tcc {

/// Exit codes of the `tcc` command (DESIGN.md contract).
enum ExitCode : int { kSuccess = 0, kUserError = 1, kInternalError = 2 };

struct CompileOptions {
  std::string modelPath;
  std::string output; // OUTDIR (bundle) or file; "-" is stdout for text
  std::string emit = "bundle";
  std::string target = "x86-64";
  std::string mcpu;
  int optLevel = 2;
  ImportOptions import;
  bool raise = true;
  bool elideWeights = false; // print resource blobs as "__elided__"
  std::string reportPath;    // --report=FILE.json
  // --disable-fusion=NAME,...: each fusion can be turned off to compare.
  bool fuseLinearEpilogue = true; // linear-epilogue
  bool fuseAttention = true;      // attention (the tiled kernel)
  bool fuseElementwise = true;    // elementwise
  // Tiling (tfm-tile-for-cache): the per-core cache the tiled kernels'
  // tiles fit, and an on-chip memory budget for the arena (0: none).
  uint64_t cacheBytes = 1 << 20;  // --cache-size
  uint64_t memoryBudget = 0;      // --memory-budget
};

/// Applies `--disable-fusion`'s comma-separated list to `options`; false
/// with `error` naming an unknown fusion.
bool parseDisabledFusions(const std::string &list, CompileOptions &options,
                          std::string &error);

struct InspectOptions {
  std::string path;
  ImportOptions import;
  bool json = false;
};

/// `tcc compile`: import, run the pipeline, write what --emit asks for.
/// Errors are printed to stderr as one line `tcc: error: ...`.
int compileModel(const CompileOptions &options);

/// `tcc inspect`: the model statistics as a table (or JSON).
int inspectModel(const InspectOptions &options);

/// Prints `tcc: error: <message>` and returns `code`.
int reportError(const std::string &message, int code = kUserError);

} // namespace tcc

#endif // TCC_COMPILER_DRIVER_H
