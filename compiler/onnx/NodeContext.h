//===- NodeContext.h - what an op importer sees of its node -----*- C++ -*-===//
//
// Op importers read their node through this class: inputs (as SSA values or
// as known content), attributes with their types checked, and outputs to
// define. It also creates tfm ops so that a shape error in the model is a
// one-line error naming the node rather than a crash: the generated
// builders of ops that infer their result type abort when inference fails,
// so ops are built with a placeholder type, inferred, and verified here.
//
//===----------------------------------------------------------------------===//
#ifndef TCC_COMPILER_ONNX_NODECONTEXT_H
#define TCC_COMPILER_ONNX_NODECONTEXT_H

#include "compiler/onnx/ImportError.h"
#include "compiler/onnx/ImportState.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/SmallVector.h"

#include "onnx/onnx_pb.h"

#include <optional>
#include <string>

namespace tcc::importer {

class NodeContext {
public:
  NodeContext(ImportState &state, onnx::NodeProto &node,
              llvm::StringRef displayName, int64_t opset);

  ImportState &state;
  const onnx::NodeProto &node;
  /// The name errors use: the node's name, or #index when it has none.
  const std::string displayName;
  const int64_t opset;
  mlir::OpBuilder &builder;
  const mlir::Location loc;

  mlir::MLIRContext *getContext() const { return builder.getContext(); }

  /// Throws "node 'NAME' (OP, opset N): message".
  [[noreturn]] void fail(const llvm::Twine &message) const;

  //===--------------------------------------------------------------------===//
  // Inputs
  //===--------------------------------------------------------------------===//

  unsigned numInputs() const { return node.input_size(); }
  /// False for inputs beyond the list and for omitted optional inputs ("").
  bool hasInput(unsigned i) const;
  /// The value of input i; an error when it is absent.
  TensorValue &input(unsigned i);
  mlir::RankedTensorType inputType(unsigned i) { return input(i).type; }
  llvm::ArrayRef<int64_t> inputShape(unsigned i) {
    return input(i).type.getShape();
  }
  mlir::Type inputElementType(unsigned i) {
    return input(i).type.getElementType();
  }
  /// The SSA value of input i (materialising constants).
  mlir::Value operand(unsigned i);
  /// The known content of input i, or null.
  const ConstTensor *known(unsigned i);
  /// The known contents of all present inputs (null for omitted optional
  /// ones), or an empty list when any present input is unknown. Checks
  /// every input before decoding any weight.
  llvm::SmallVector<const ConstTensor *> allKnown();
  /// The known content of input i; an error naming `role` when unknown.
  const ConstTensor &requireKnown(unsigned i, llvm::StringRef role);
  /// Input i as a known list of integers (a 0-D or 1-D integer tensor).
  llvm::SmallVector<int64_t> requireInts(unsigned i, llvm::StringRef role);
  /// Input i as a known scalar (a one-element tensor).
  double requireScalar(unsigned i, llvm::StringRef role);

  //===--------------------------------------------------------------------===//
  // Attributes
  //===--------------------------------------------------------------------===//

  const onnx::AttributeProto *attr(llvm::StringRef name) const;
  int64_t attrInt(llvm::StringRef name, int64_t defaultValue) const;
  std::optional<int64_t> optAttrInt(llvm::StringRef name) const;
  float attrFloat(llvm::StringRef name, float defaultValue) const;
  std::optional<float> optAttrFloat(llvm::StringRef name) const;
  std::string attrString(llvm::StringRef name,
                         llvm::StringRef defaultValue) const;
  std::optional<llvm::SmallVector<int64_t>>
  optAttrInts(llvm::StringRef name) const;
  llvm::SmallVector<int64_t> attrInts(llvm::StringRef name,
                                      llvm::ArrayRef<int64_t> defaultValue) const;
  std::optional<llvm::SmallVector<float>>
  optAttrFloats(llvm::StringRef name) const;
  const onnx::TensorProto *optAttrTensor(llvm::StringRef name) const;
  /// The TENSOR attribute `name` of this node, mutable so that its elements
  /// can be freed once materialised.
  onnx::TensorProto *mutableAttrTensor(llvm::StringRef name);

  //===--------------------------------------------------------------------===//
  // Outputs
  //===--------------------------------------------------------------------===//

  unsigned numOutputs() const { return node.output_size(); }
  /// True when output i exists and is named (not an omitted optional one).
  bool hasOutput(unsigned i) const;
  void setOutput(unsigned i, mlir::Value value);
  void setOutput(unsigned i, ConstTensor content);
  /// Output i is the constant `tensor` (read when first needed).
  void setOutput(unsigned i, onnx::TensorProto &tensor);
  /// Output i becomes another name of `value` (no op).
  void aliasOutput(unsigned i, TensorValue &value);
  /// Output i is not computed; reading it later is an error with `reason`.
  void markUnavailable(unsigned i, const llvm::Twine &reason);
  /// Outputs beyond `count` must be omitted or unused.
  void markExtraOutputsUnavailable(unsigned count, llvm::StringRef what);

  //===--------------------------------------------------------------------===//
  // Building
  //===--------------------------------------------------------------------===//

  /// Creates a tfm op whose result type is inferred; `args` are those of
  /// the op's builder after the result type.
  template <typename OpTy, typename... Args> mlir::Value create(Args &&...args) {
    auto op = builder.create<OpTy>(loc, mlir::NoneType::get(getContext()),
                                   std::forward<Args>(args)...);
    return finish(op.getOperation(), /*inferResult=*/true);
  }
  /// Creates a tfm op with the given result type (reshape, cast,
  /// broadcast_to).
  template <typename OpTy, typename... Args>
  mlir::Value createTyped(mlir::Type type, Args &&...args) {
    auto op = builder.create<OpTy>(loc, type, std::forward<Args>(args)...);
    return finish(op.getOperation(), /*inferResult=*/false);
  }

  mlir::Value constant(const ConstTensor &content);
  /// A rank-0 constant.
  mlir::Value scalar(mlir::Type elementType, double value);
  /// tfm.reshape, or `value` itself when the shape does not change.
  mlir::Value reshape(mlir::Value value, llvm::ArrayRef<int64_t> shape);
  mlir::Value transpose(mlir::Value value, llvm::ArrayRef<int64_t> perm);
  mlir::Value broadcastTo(mlir::Value value, llvm::ArrayRef<int64_t> shape);
  mlir::Value castTo(mlir::Value value, mlir::Type elementType);

  /// Output `out` is input `in` under a new shape: folded when known, the
  /// weight itself (no op) when the input is an unmaterialised weight read
  /// only here, tfm.reshape otherwise.
  void setReshapedOutput(unsigned out, unsigned in,
                         llvm::ArrayRef<int64_t> shape);

  /// The folded value, or the evaluator's error as this node's error.
  ConstTensor folded(llvm::Expected<ConstTensor> result) const;

  /// Input i under another shape as an SSA value; an unmaterialised weight
  /// read only here is materialised with that shape directly (no op).
  mlir::Value reshapedOperand(unsigned i, llvm::ArrayRef<int64_t> shape);

  /// Whether a result of `shape` may be folded; `floatMath` for arithmetic
  /// on floating-point values (as opposed to moving them).
  bool canFold(llvm::ArrayRef<int64_t> shape, bool floatMath) const;

  /// `axis` in [-rank, rank) made non-negative; an error naming `what`.
  int64_t normalizeAxis(int64_t axis, int64_t rank,
                        llvm::StringRef what = "axis") const;
  /// Axes normalised, checked unique and sorted.
  llvm::SmallVector<int64_t> normalizeAxes(llvm::ArrayRef<int64_t> axes,
                                           int64_t rank,
                                           llvm::StringRef what = "axes") const;

private:
  onnx::NodeProto &mutableNode;
  mlir::Value finish(mlir::Operation *op, bool inferResult);
  [[noreturn]] void failOp(mlir::Operation *op, llvm::StringRef fallback);
  const onnx::AttributeProto *
  typedAttr(llvm::StringRef name, onnx::AttributeProto::AttributeType type) const;
};

/// Formats a shape for messages: [1, 3, 224, 224].
std::string shapeString(llvm::ArrayRef<int64_t> shape);

} // namespace tcc::importer

#endif // TCC_COMPILER_ONNX_NODECONTEXT_H
