//===- Importer.h - ONNX model -> tfm dialect --------------------*- C++ -*-===//
#ifndef TCC_COMPILER_ONNX_IMPORTER_H
#define TCC_COMPILER_ONNX_IMPORTER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"

#include <string>

namespace tcc {

struct ImportOptions {
  /// --input-shape NAME=D0,D1,...: pins (or overrides) a graph input's shape.
  llvm::StringMap<llvm::SmallVector<int64_t>> inputShapes;
  /// --max-memory=BYTES: the most memory one tensor, or all weights
  /// together, may need. Checked from the declared shapes before any tensor
  /// data is read, so a model declaring absurd sizes is refused up front
  /// instead of exhausting memory. 8 GiB: well above any edge model, below
  /// what makes a CI machine swap itself to death. At most 2^62.
  uint64_t maxMemory = uint64_t(8) << 30;
};

/// Reads the ONNX model at `path` and returns a module holding one
/// `func.func @main` made of tfm ops. On a user error (unreadable or invalid
/// model, unsupported op, unpinned dynamic dimension, ...) returns null and
/// sets `error` to a one-line message naming what is wrong.
mlir::OwningOpRef<mlir::ModuleOp> importOnnxModel(mlir::MLIRContext &context,
                                                  llvm::StringRef path,
                                                  const ImportOptions &options,
                                                  std::string &error);

/// The same for a serialized ModelProto in memory (the fuzzer and tools
/// that hold the bytes already). `name` stands for the file in messages;
/// external data files are looked up in `modelDir`.
mlir::OwningOpRef<mlir::ModuleOp>
importOnnxModelFromMemory(mlir::MLIRContext &context, llvm::StringRef bytes,
                          llvm::StringRef name, llvm::StringRef modelDir,
                          const ImportOptions &options, std::string &error);

} // namespace tcc

#endif // TCC_COMPILER_ONNX_IMPORTER_H
