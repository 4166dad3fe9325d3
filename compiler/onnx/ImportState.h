//===- ImportState.h - the importer's value table and constants -*- C++ -*-===//
//
// State shared by the whole graph walk: the ONNX name -> value table, the
// builder positioned in @main, and the materialisation of constants
// (weights become resource blobs, small tensors dense attributes).
//
//===----------------------------------------------------------------------===//
#ifndef TCC_COMPILER_ONNX_IMPORTSTATE_H
#define TCC_COMPILER_ONNX_IMPORTSTATE_H

#include "compiler/onnx/ShapeFolding.h"
#include "compiler/onnx/TensorData.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/StringMap.h"

#include "onnx/onnx_pb.h"

#include <deque>
#include <optional>
#include <string>

namespace tcc::importer {

/// Constants with fewer elements are printed inline (`dense<...>`); larger
/// ones become resource blobs so that passes neither copy nor hash them.
constexpr int64_t kMinBlobElements = 64;

/// One ONNX value. Every value has a static type; its content is known when
/// it is small and computable at import time, and an SSA value exists once
/// an emitted op needs one. Identity-like ops make several names share one
/// TensorValue, so a weight is materialised once whatever name reads it.
struct TensorValue {
  std::string name;  ///< the name it was first defined under
  mlir::RankedTensorType type;
  mlir::Value value;
  std::optional<ConstTensor> known;
  /// Initializer or Constant-node tensor whose elements are still in the
  /// proto (not yet materialised); null otherwise.
  onnx::TensorProto *proto = nullptr;
  /// Reads of this value by nodes and graph outputs.
  int uses = 0;
  /// Non-empty for outputs tcc does not compute (training outputs, ...):
  /// the reason reading them is an error.
  std::string unavailable;
};

class ImportState {
public:
  ImportState(mlir::MLIRContext &context, mlir::OpBuilder &builder,
              std::string modelDir)
      : context(context), builder(builder), modelDir(std::move(modelDir)) {}

  mlir::MLIRContext &context;
  mlir::OpBuilder &builder;
  /// --max-memory: no single tensor the import creates may need more.
  uint64_t maxTensorBytes = UINT64_MAX;
  /// The first error diagnostic MLIR emitted since the last clear (op
  /// verification and type inference report through diagnostics).
  std::string diagnostic;

  TensorValue &define(llvm::StringRef name, TensorValue value);
  /// Makes `name` another name of `value`.
  void alias(llvm::StringRef name, TensorValue &value);
  TensorValue *lookup(llvm::StringRef name);

  /// Counts a future read of `name` (called before the walk).
  void countUse(llvm::StringRef name) { ++pendingUses[name]; }
  int usesOf(llvm::StringRef name) const;

  /// The content of `value` when it is known and small enough to fold,
  /// decoding initializers on first request; null otherwise.
  const ConstTensor *known(TensorValue &value);
  /// True when the value's content is fixed at import time (a weight, a
  /// folded value or a tfm.constant).
  bool isConstant(const TensorValue &value) const;
  /// The SSA value of `value`, creating its tfm.constant if it has none.
  mlir::Value materialise(TensorValue &value);
  /// The decoded-layout bytes of a constant value for import-time
  /// transforms; `scratch` keeps them alive when they had to be decoded.
  /// Empty optional when the value is not a constant.
  std::optional<llvm::ArrayRef<char>> constantBytes(TensorValue &value,
                                                    Buffer &scratch);
  /// Frees a proto-backed value's elements once its only reader has taken
  /// what it needs from them.
  void releaseProto(TensorValue &value);

  /// The elements of a small tensor given inline (an attribute).
  ConstTensor decode(const onnx::TensorProto &tensor, llvm::StringRef what);

  /// A new tfm.constant holding `content`.
  mlir::Value constant(const ConstTensor &content, llvm::StringRef nameHint,
                       mlir::Location loc);
  /// A new tfm.constant holding `bytes` (decoded layout of `type`).
  mlir::Value constant(mlir::RankedTensorType type, Buffer bytes,
                       llvm::StringRef nameHint, mlir::Location loc);

private:
  mlir::ElementsAttr elementsAttr(mlir::RankedTensorType type, Buffer bytes,
                                  llvm::StringRef nameHint);

  std::string modelDir;
  std::deque<TensorValue> storage;
  llvm::StringMap<TensorValue *> byName;
  llvm::StringMap<int> pendingUses;
};

/// A resource-blob key derived from an ONNX name: the printer and parser
/// accept [A-Za-z0-9_.] keys that do not start with a digit.
std::string blobKeyFor(llvm::StringRef name);

} // namespace tcc::importer

#endif // TCC_COMPILER_ONNX_IMPORTSTATE_H
