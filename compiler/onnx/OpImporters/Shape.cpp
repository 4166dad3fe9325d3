//===- Shape.cpp - Shape, Size, ConstantOfShape, Range, Constant ----------===//
//
// These ops produce values known at import time (shapes are static), so
// they never emit ops themselves: their results are folded values that are
// materialised only if a non-folded op reads them.
//
//===----------------------------------------------------------------------===//
#include "compiler/onnx/OpImporters/OpImporters.h"

#include "dialects/tfm/TfmOps.h"

#include <cmath>

using namespace mlir;
using namespace tcc;
using namespace tcc::importer;

namespace {

Type i64Type(NodeContext &ctx) { return IntegerType::get(ctx.getContext(), 64); }

/// Shape; opset 15 added `start` and `end` (clamped like a slice).
void importShape(const onnx::NodeProto &, int64_t opset, NodeContext &ctx) {
  ArrayRef<int64_t> shape = ctx.inputShape(0);
  int64_t rank = shape.size();
  int64_t start = 0, end = rank;
  if (opset >= 15) {
    start = ctx.attrInt("start", 0);
    end = ctx.attrInt("end", rank);
  }
  auto clampIndex = [&](int64_t i) {
    if (i < 0)
      i = std::max<int64_t>(i, -rank) + rank;
    return std::min(i, rank);
  };
  start = clampIndex(start);
  end = std::max(clampIndex(end), start);
  std::vector<int64_t> dims(shape.begin() + start, shape.begin() + end);
  int64_t count = dims.size();
  ctx.setOutput(0, ConstTensor::fromInts(i64Type(ctx), {count}, std::move(dims)));
}

void importSize(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  ctx.setOutput(0, ConstTensor::fromInts(i64Type(ctx), {},
                                         {ctx.inputType(0).getNumElements()}));
}

/// The single element of a tensor attribute such as ConstantOfShape's
/// `value`.
ConstTensor scalarAttribute(NodeContext &ctx, StringRef name) {
  const onnx::TensorProto *tensor = ctx.optAttrTensor(name);
  if (!tensor)
    return ConstTensor::splat(FloatType::getF32(ctx.getContext()), {}, 0.0);
  ConstTensor value = ctx.state.decode(
      *tensor, ("node " + quoted(ctx.displayName) + ": attribute '" + name + "'").str());
  if (value.numElements() != 1)
    ctx.fail("attribute " + quoted(name) + " must hold one element");
  return value;
}

void importConstantOfShape(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  SmallVector<int64_t> shape = ctx.requireInts(0, "the shape");
  if (ctx.inputType(0).getRank() != 1)
    ctx.fail("the shape must be a 1-D tensor");
  if (checkedNumElements(shape) < 0)
    ctx.fail("shape " + shapeString(shape) +
             " must be non-negative with at most 2^31 elements");
  ConstTensor value = scalarAttribute(ctx, "value");
  if (ctx.canFold(shape, /*floatMath=*/false))
    return ctx.setOutput(0, broadcastTo(value, shape));
  // Too large to fold: a broadcast of the scalar.
  ctx.setOutput(0, ctx.broadcastTo(ctx.constant(value), shape));
}

void importRange(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  const ConstTensor &start = ctx.requireKnown(0, "start");
  const ConstTensor &limit = ctx.requireKnown(1, "limit");
  const ConstTensor &delta = ctx.requireKnown(2, "delta");
  for (const ConstTensor *t : {&start, &limit, &delta})
    if (t->numElements() != 1 || !t->shape.empty())
      ctx.fail("start, limit and delta must be scalars");
  if (start.elementType != limit.elementType ||
      start.elementType != delta.elementType)
    ctx.fail("start, limit and delta must have one element type");
  Type element = start.elementType;
  if (start.isFloat()) {
    double s = start.floats[0], l = limit.floats[0], d = delta.floats[0];
    if (d == 0 || !std::isfinite(s) || !std::isfinite(l) || !std::isfinite(d))
      ctx.fail("delta must be non-zero and all bounds finite");
    double count = std::max(std::ceil((l - s) / d), 0.0);
    if (count > kMaxFoldedElements)
      ctx.fail("a range of more than " + Twine(kMaxFoldedElements) +
               " elements is too large");
    std::vector<double> values;
    for (int64_t i = 0; i < static_cast<int64_t>(count); ++i)
      values.push_back(s + i * d);
    return ctx.setOutput(0, ConstTensor::fromDoubles(
                                element, {static_cast<int64_t>(count)},
                                std::move(values)));
  }
  if (element.isInteger(1))
    ctx.fail("start, limit and delta must be numbers");
  __int128 s = start.ints[0], l = limit.ints[0], d = delta.ints[0];
  if (d == 0)
    ctx.fail("delta must be non-zero");
  __int128 span = l - s;
  __int128 count = span / d + ((span % d != 0 && ((span < 0) == (d < 0))) ? 1 : 0);
  if (count < 0)
    count = 0;
  if (count > kMaxFoldedElements)
    ctx.fail("a range of more than " + Twine(kMaxFoldedElements) +
             " elements is too large");
  std::vector<int64_t> values;
  for (__int128 i = 0; i < count; ++i)
    values.push_back(static_cast<int64_t>(s + i * d));
  ctx.setOutput(0, ConstTensor::fromInts(element, {static_cast<int64_t>(count)},
                                         std::move(values)));
}

/// Constant: a tensor attribute (`value`) or, since opset 12, a scalar or
/// list attribute.
void importConstant(const onnx::NodeProto &node, int64_t, NodeContext &ctx) {
  if (node.attribute_size() != 1)
    ctx.fail("must have exactly one attribute, has " +
             Twine(node.attribute_size()));
  StringRef name = node.attribute(0).name();
  Type f32 = FloatType::getF32(ctx.getContext());
  if (name == "value") {
    onnx::TensorProto *tensor = ctx.mutableAttrTensor("value");
    return ctx.setOutput(0, *tensor);
  }
  if (name == "value_float")
    return ctx.setOutput(0, ConstTensor::splat(f32, {}, ctx.attrFloat(name, 0)));
  if (name == "value_int")
    return ctx.setOutput(
        0, ConstTensor::fromInts(i64Type(ctx), {}, {ctx.attrInt(name, 0)}));
  if (name == "value_floats") {
    SmallVector<float> values = *ctx.optAttrFloats(name);
    return ctx.setOutput(
        0, ConstTensor::fromDoubles(f32, {static_cast<int64_t>(values.size())},
                                    std::vector<double>(values.begin(), values.end())));
  }
  if (name == "value_ints") {
    SmallVector<int64_t> values = *ctx.optAttrInts(name);
    return ctx.setOutput(
        0, ConstTensor::fromInts(i64Type(ctx), {static_cast<int64_t>(values.size())},
                                 std::vector<int64_t>(values.begin(), values.end())));
  }
  ctx.fail("attribute " + quoted(name) + " is not supported");
}

} // namespace

void tcc::importer::registerShapeOps(OpRegistry &r) {
  r["Shape"] = importShape;
  r["Size"] = importSize;
  r["ConstantOfShape"] = importConstantOfShape;
  r["Range"] = importRange;
  r["Constant"] = importConstant;
}
