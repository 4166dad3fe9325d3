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
};

/// Reads the ONNX model at `path` and returns a module holding one
/// `func.func @main` made of tfm ops. On a user error (unreadable or invalid
/// model, unsupported op, unpinned dynamic dimension, ...) returns null and
/// sets `error` to a one-line message naming what is wrong.
mlir::OwningOpRef<mlir::ModuleOp> importOnnxModel(mlir::MLIRContext &context,
                                                  llvm::StringRef path,
                                                  const ImportOptions &options,
                                                  std::string &error);

} // namespace tcc

#endif // TCC_COMPILER_ONNX_IMPORTER_H
