//===- Runner.h - `tcc run`: load a compiled model and run it ---*- C++ -*-===//
#ifndef TCC_COMPILER_RUNNER_H
#define TCC_COMPILER_RUNNER_H

#include <string>
#include <utility>
#include <vector>

namespace tcc {

struct RunOptions {
  std::string outDir;
  std::vector<std::pair<std::string, std::string>> inputs; // NAME, FILE
  std::string outputDir = ".";
  int iterations = 1;
  int threads = 1;
  std::string reportPath;
  /// --max-memory: the arena plus every input and output buffer must fit,
  /// checked before any of them is allocated (a bundle is untrusted).
  uint64_t maxMemory = uint64_t(8) << 30;
};

/// Loads OUTDIR (bundle + shared library) through the runtime's C API,
/// binds the input files, runs, writes each output as NAME.pb and prints
/// the latency. Returns the process exit code.
int runModel(const RunOptions &options);

} // namespace tcc

#endif // TCC_COMPILER_RUNNER_H
