//===- NodeContext.cpp - what an op importer sees of its node -------------===//
#include "compiler/onnx/NodeContext.h"

#include "dialects/tfm/TfmOps.h"

#include "mlir/IR/Verifier.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace tcc;
using namespace tcc::importer;

std::string tcc::importer::shapeString(ArrayRef<int64_t> shape) {
  std::string text = "[";
  llvm::raw_string_ostream os(text);
  llvm::interleaveComma(shape, os);
  os << "]";
  return os.str();
}

NodeContext::NodeContext(ImportState &state, onnx::NodeProto &node,
                         StringRef displayName, int64_t opset)
    : state(state), node(node), displayName(displayName.str()), opset(opset),
      builder(state.builder),
      loc(NameLoc::get(StringAttr::get(&state.context, displayName))),
      mutableNode(node) {}

void NodeContext::fail(const Twine &message) const {
  importer::fail("node " + quoted(displayName) + " (" + node.op_type() +
                 ", opset " + Twine(opset) + "): " + message);
}

//===----------------------------------------------------------------------===//
// Inputs
//===----------------------------------------------------------------------===//

bool NodeContext::hasInput(unsigned i) const {
  return i < static_cast<unsigned>(node.input_size()) && !node.input(i).empty();
}

TensorValue &NodeContext::input(unsigned i) {
  if (!hasInput(i))
    fail("input #" + Twine(i) + " is required");
  TensorValue *value = state.lookup(node.input(i));
  if (!value)
    fail("input " + quoted(node.input(i)) + " is not defined");
  if (!value->unavailable.empty())
    fail("input " + quoted(node.input(i)) + " is " + value->unavailable);
  return *value;
}

Value NodeContext::operand(unsigned i) { return state.materialise(input(i)); }

const ConstTensor *NodeContext::known(unsigned i) {
  return state.known(input(i));
}

SmallVector<const ConstTensor *> NodeContext::allKnown() {
  for (unsigned i = 0; i < numInputs(); ++i)
    if (hasInput(i) && !state.isConstant(input(i)))
      return {};
  SmallVector<const ConstTensor *> contents;
  for (unsigned i = 0; i < numInputs(); ++i) {
    const ConstTensor *content = hasInput(i) ? known(i) : nullptr;
    if (hasInput(i) && !content)
      return {};
    contents.push_back(content);
  }
  return contents;
}

const ConstTensor &NodeContext::requireKnown(unsigned i, StringRef role) {
  if (const ConstTensor *content = known(i))
    return *content;
  TensorValue &value = input(i);
  if (state.isConstant(value))
    fail(role + " (input " + quoted(node.input(i)) + ") has " +
         Twine(value.type.getNumElements()) +
         " elements, too many to read at import time");
  if (value.value && isa<BlockArgument>(value.value))
    fail(role + " (input " + quoted(node.input(i)) +
         ") must be known at import time, but it is a graph input");
  fail(role + " (input " + quoted(node.input(i)) +
       ") must be known at import time, but it is computed at run time");
}

SmallVector<int64_t> NodeContext::requireInts(unsigned i, StringRef role) {
  const ConstTensor &content = requireKnown(i, role);
  if (content.isFloat() || content.elementType.isInteger(1))
    fail(role + " (input " + quoted(node.input(i)) + ") must be integers");
  if (content.shape.size() > 1)
    fail(role + " (input " + quoted(node.input(i)) +
         ") must be a scalar or a 1-D tensor");
  return SmallVector<int64_t>(content.ints.begin(), content.ints.end());
}

double NodeContext::requireScalar(unsigned i, StringRef role) {
  const ConstTensor &content = requireKnown(i, role);
  if (content.numElements() != 1)
    fail(role + " (input " + quoted(node.input(i)) + ") must have one element");
  return content.getDouble(0);
}

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

const onnx::AttributeProto *NodeContext::attr(StringRef name) const {
  for (const onnx::AttributeProto &a : node.attribute())
    if (a.name() == name)
      return &a;
  return nullptr;
}

const onnx::AttributeProto *
NodeContext::typedAttr(StringRef name,
                       onnx::AttributeProto::AttributeType type) const {
  const onnx::AttributeProto *a = attr(name);
  if (!a || a->type() == type)
    return a;
  fail("attribute " + quoted(name) + " must be " +
       onnx::AttributeProto::AttributeType_Name(type) + ", not " +
       (onnx::AttributeProto::AttributeType_IsValid(a->type())
            ? onnx::AttributeProto::AttributeType_Name(a->type())
            : std::string("type ") + std::to_string(a->type())));
}

std::optional<int64_t> NodeContext::optAttrInt(StringRef name) const {
  if (const auto *a = typedAttr(name, onnx::AttributeProto::INT))
    return a->i();
  return std::nullopt;
}

int64_t NodeContext::attrInt(StringRef name, int64_t defaultValue) const {
  return optAttrInt(name).value_or(defaultValue);
}

std::optional<float> NodeContext::optAttrFloat(StringRef name) const {
  if (const auto *a = typedAttr(name, onnx::AttributeProto::FLOAT))
    return a->f();
  return std::nullopt;
}

float NodeContext::attrFloat(StringRef name, float defaultValue) const {
  return optAttrFloat(name).value_or(defaultValue);
}

std::string NodeContext::attrString(StringRef name,
                                    StringRef defaultValue) const {
  if (const auto *a = typedAttr(name, onnx::AttributeProto::STRING))
    return a->s();
  return defaultValue.str();
}

std::optional<SmallVector<int64_t>>
NodeContext::optAttrInts(StringRef name) const {
  if (const auto *a = typedAttr(name, onnx::AttributeProto::INTS))
    return SmallVector<int64_t>(a->ints().begin(), a->ints().end());
  return std::nullopt;
}

SmallVector<int64_t> NodeContext::attrInts(StringRef name,
                                           ArrayRef<int64_t> defaultValue) const {
  if (auto values = optAttrInts(name))
    return *values;
  return SmallVector<int64_t>(defaultValue.begin(), defaultValue.end());
}

std::optional<SmallVector<float>>
NodeContext::optAttrFloats(StringRef name) const {
  if (const auto *a = typedAttr(name, onnx::AttributeProto::FLOATS))
    return SmallVector<float>(a->floats().begin(), a->floats().end());
  return std::nullopt;
}

const onnx::TensorProto *NodeContext::optAttrTensor(StringRef name) const {
  if (const auto *a = typedAttr(name, onnx::AttributeProto::TENSOR))
    return &a->t();
  return nullptr;
}

onnx::TensorProto *NodeContext::mutableAttrTensor(StringRef name) {
  if (!optAttrTensor(name))
    return nullptr;
  for (onnx::AttributeProto &a : *mutableNode.mutable_attribute())
    if (a.name() == name)
      return a.mutable_t();
  return nullptr;
}

//===----------------------------------------------------------------------===//
// Outputs
//===----------------------------------------------------------------------===//

bool NodeContext::hasOutput(unsigned i) const {
  return i < static_cast<unsigned>(node.output_size()) &&
         !node.output(i).empty();
}

void NodeContext::setOutput(unsigned i, Value value) {
  if (!hasOutput(i))
    return;
  TensorValue v;
  v.type = cast<RankedTensorType>(value.getType());
  v.value = value;
  state.define(node.output(i), std::move(v));
}

void NodeContext::setOutput(unsigned i, ConstTensor content) {
  if (!hasOutput(i))
    return;
  TensorValue v;
  v.type = content.type();
  v.known = std::move(content);
  state.define(node.output(i), std::move(v));
}

void NodeContext::setOutput(unsigned i, onnx::TensorProto &tensor) {
  if (!hasOutput(i))
    return;
  TensorValue v;
  v.type = tensorTypeOf(state.context, tensor,
                        "node " + quoted(displayName) + " (" + node.op_type() +
                            "): tensor");
  v.proto = &tensor;
  state.define(node.output(i), std::move(v));
}

void NodeContext::aliasOutput(unsigned i, TensorValue &value) {
  if (hasOutput(i))
    state.alias(node.output(i), value);
}

void NodeContext::markUnavailable(unsigned i, const Twine &reason) {
  if (!hasOutput(i))
    return;
  TensorValue v;
  v.unavailable = reason.str();
  state.define(node.output(i), std::move(v));
}

void NodeContext::markExtraOutputsUnavailable(unsigned count, StringRef what) {
  for (unsigned i = count; i < numOutputs(); ++i)
    markUnavailable(i, "output #" + Twine(i) + " of " + node.op_type() +
                           " node " + quoted(displayName) + " (" + what +
                           "), which tcc does not compute");
}

//===----------------------------------------------------------------------===//
// Building
//===----------------------------------------------------------------------===//

void NodeContext::failOp(Operation *op, StringRef fallback) {
  std::string message =
      state.diagnostic.empty() ? fallback.str() : state.diagnostic;
  std::string opName = op->getName().getStringRef().str();
  op->erase();
  if (StringRef(message).starts_with("'" + opName + "'"))
    fail(message);
  fail(opName + ": " + message);
}

Value NodeContext::finish(Operation *op, bool inferResult) {
  state.diagnostic.clear();
  if (inferResult) {
    SmallVector<Type, 1> types;
    auto inferable = dyn_cast<InferTypeOpInterface>(op);
    if (!inferable ||
        failed(inferable.inferReturnTypes(
            getContext(), op->getLoc(), op->getOperands(),
            op->getRawDictionaryAttrs(), op->getPropertiesStorage(),
            op->getRegions(), types)) ||
        types.size() != op->getNumResults())
      failOp(op, "cannot infer the result type");
    for (auto [result, type] : llvm::zip(op->getResults(), types))
      result.setType(type);
  }
  if (failed(mlir::verify(op, /*verifyRecursively=*/false)))
    failOp(op, "the op does not verify");
  for (Value result : op->getResults()) {
    auto type = cast<RankedTensorType>(result.getType());
    if (checkedNumElements(type.getShape()) < 0)
      failOp(op, "the result " + shapeString(type.getShape()) +
                     " has more than 2^31 elements");
    // At most 2^31 elements of at most 8 bytes: no overflow.
    uint64_t bytes = uint64_t(type.getNumElements()) * byteWidth(type.getElementType());
    if (bytes > state.maxTensorBytes)
      failOp(op, ("the result " + shapeString(type.getShape()) + " needs " +
                  Twine(bytes) + " bytes, more than --max-memory=" +
                  Twine(state.maxTensorBytes))
                     .str());
  }
  return op->getResult(0);
}

Value NodeContext::constant(const ConstTensor &content) {
  std::string hint = node.output_size() > 0 && !node.output(0).empty()
                         ? node.output(0)
                         : displayName;
  return state.constant(content, hint, loc);
}

Value NodeContext::scalar(Type elementType, double value) {
  return constant(ConstTensor::splat(elementType, {}, value));
}

Value NodeContext::reshape(Value value, ArrayRef<int64_t> shape) {
  auto type = cast<RankedTensorType>(value.getType());
  if (type.getShape() == shape)
    return value;
  return createTyped<tfm::ReshapeOp>(
      RankedTensorType::get(shape, type.getElementType()), value);
}

Value NodeContext::transpose(Value value, ArrayRef<int64_t> perm) {
  bool identity = true;
  for (auto [i, p] : llvm::enumerate(perm))
    identity &= static_cast<int64_t>(i) == p;
  if (identity)
    return value;
  return create<tfm::TransposeOp>(value, perm);
}

Value NodeContext::broadcastTo(Value value, ArrayRef<int64_t> shape) {
  auto type = cast<RankedTensorType>(value.getType());
  if (type.getShape() == shape)
    return value;
  return createTyped<tfm::BroadcastToOp>(
      RankedTensorType::get(shape, type.getElementType()), value);
}

Value NodeContext::castTo(Value value, Type elementType) {
  auto type = cast<RankedTensorType>(value.getType());
  if (type.getElementType() == elementType)
    return value;
  return createTyped<tfm::CastOp>(type.clone(elementType), value);
}

void NodeContext::setReshapedOutput(unsigned out, unsigned in,
                                    ArrayRef<int64_t> shape) {
  if (!hasOutput(out))
    return;
  TensorValue &value = input(in);
  if (value.type.getShape() == shape)
    return aliasOutput(out, value);
  if (const ConstTensor *content = known(in))
    return setOutput(out, importer::reshape(*content, shape));
  if (value.proto && !value.value && value.uses == 1) {
    // Reshaping does not move bytes: hand the weight itself to the output.
    TensorValue moved;
    moved.type = RankedTensorType::get(shape, value.type.getElementType());
    moved.proto = value.proto;
    value.proto = nullptr;
    state.define(node.output(out), std::move(moved));
    return;
  }
  setOutput(out, reshape(operand(in), shape));
}

Value NodeContext::reshapedOperand(unsigned i, ArrayRef<int64_t> shape) {
  TensorValue &value = input(i);
  if (value.type.getShape() == shape)
    return operand(i);
  if (const ConstTensor *content = known(i))
    return constant(importer::reshape(*content, shape));
  if (value.proto && !value.value && value.uses == 1) {
    TensorValue reshaped;
    reshaped.name = value.name;
    reshaped.type = RankedTensorType::get(shape, value.type.getElementType());
    reshaped.proto = value.proto;
    value.proto = nullptr;
    return state.materialise(reshaped);
  }
  return reshape(operand(i), shape);
}

ConstTensor NodeContext::folded(llvm::Expected<ConstTensor> result) const {
  if (!result)
    fail(llvm::toString(result.takeError()));
  return std::move(*result);
}

bool NodeContext::canFold(ArrayRef<int64_t> shape, bool floatMath) const {
  int64_t n = checkedNumElements(shape, kMaxFoldedElements);
  return n >= 0 && (!floatMath || n <= kMaxFoldedFloatMathElements);
}

int64_t NodeContext::normalizeAxis(int64_t axis, int64_t rank,
                                   StringRef what) const {
  if (axis < -rank || axis >= rank)
    fail(what + " " + Twine(axis) + " is out of range for rank " + Twine(rank));
  return axis < 0 ? axis + rank : axis;
}

SmallVector<int64_t> NodeContext::normalizeAxes(ArrayRef<int64_t> axes,
                                                int64_t rank,
                                                StringRef what) const {
  SmallVector<int64_t> result;
  for (int64_t axis : axes)
    result.push_back(normalizeAxis(axis, rank, what));
  llvm::sort(result);
  if (std::adjacent_find(result.begin(), result.end()) != result.end())
    fail(what + " " + shapeString(axes) + " repeat an axis");
  return result;
}
