//===- ModelStats.h - what `tcc inspect` and reports show -------*- C++ -*-===//
#ifndef TCC_COMPILER_MODELSTATS_H
#define TCC_COMPILER_MODELSTATS_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <string>
#include <vector>

namespace tcc {

struct TensorSignature {
  std::string name;
  std::string dtype; // ONNX-style name: float32, int64, ...
  std::vector<int64_t> shape;
};

struct ModelStats {
  std::map<std::string, int64_t> opCounts; // "tfm.linear" -> 49
  int64_t parameterCount = 0;              // elements of all constants
  int64_t parameterBytes = 0;
  int64_t flops = 0; // multiply-add counts as 2
  std::vector<TensorSignature> inputs, outputs;
};

/// Statistics of the `main` function of a tfm module.
ModelStats computeModelStats(mlir::ModuleOp module);

/// FLOPs of one tfm op (0 for data movement and constants).
int64_t estimateFlops(mlir::Operation *op);

llvm::json::Object statsToJson(const ModelStats &stats);
void printStatsTable(const ModelStats &stats, llvm::raw_ostream &os);

} // namespace tcc

#endif // TCC_COMPILER_MODELSTATS_H
