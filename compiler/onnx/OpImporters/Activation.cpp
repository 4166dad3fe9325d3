//===- Activation.cpp - Clip, LeakyRelu, HardSigmoid and friends ----------===//
//
// Activations tfm has an op for map to it; the others are written with
// elementwise ops in their numerically stable forms.
//
//===----------------------------------------------------------------------===//
#include "compiler/onnx/OpImporters/OpImporters.h"

#include "dialects/tfm/TfmOps.h"

#include <cfloat>
#include <cmath>

using namespace mlir;
using namespace tcc;
using namespace tcc::importer;

namespace {

Type elementTypeOf(Value v) {
  return cast<RankedTensorType>(v.getType()).getElementType();
}

Value scalarLike(NodeContext &ctx, Value like, double value) {
  return ctx.scalar(elementTypeOf(like), value);
}

/// alpha * (exp(x) - 1), the negative branch of Elu, Selu and Celu.
Value expMinusOne(NodeContext &ctx, Value x, double alpha) {
  Value e = ctx.create<tfm::ExpOp>(x);
  Value em1 = ctx.create<tfm::SubOp>(e, scalarLike(ctx, x, 1.0));
  if (alpha == 1.0)
    return em1;
  return ctx.create<tfm::MulOp>(em1, scalarLike(ctx, x, alpha));
}

/// Clip: bounds are attributes before opset 11 and optional inputs since.
void importClip(const onnx::NodeProto &, int64_t opset, NodeContext &ctx) {
  TensorValue &input = ctx.input(0);
  Type element = input.type.getElementType();
  bool isFloat = isa<FloatType>(element);
  std::optional<double> lo, hi;
  // Bounds given as tensors computed at run time are applied with max/min.
  Value loValue, hiValue;
  if (opset < 11) {
    lo = ctx.attrFloat("min", -FLT_MAX);
    hi = ctx.attrFloat("max", FLT_MAX);
  } else {
    for (unsigned i : {1u, 2u}) {
      if (!ctx.hasInput(i))
        continue;
      if (ctx.input(i).type.getNumElements() != 1)
        ctx.fail(Twine(i == 1 ? "min" : "max") + " must be a scalar");
      if (const ConstTensor *bound = ctx.known(i))
        (i == 1 ? lo : hi) = bound->getDouble(0);
      else
        (i == 1 ? loValue : hiValue) = ctx.operand(i);
    }
  }
  if (ctx.canFold(input.type.getShape(), isFloat) && !loValue && !hiValue)
    if (const ConstTensor *content = ctx.known(0)) {
      ConstTensor result = *content;
      if (lo)
        result = ctx.folded(binary(BinaryFn::Max, result,
                                   ConstTensor::splat(element, {}, *lo)));
      if (hi)
        result = ctx.folded(binary(BinaryFn::Min, result,
                                   ConstTensor::splat(element, {}, *hi)));
      return ctx.setOutput(0, std::move(result));
    }
  Value x = ctx.operand(0);
  if (isFloat && !loValue && !hiValue && (!lo || !hi || *lo <= *hi)) {
    float lower = lo ? static_cast<float>(std::max(*lo, double(-FLT_MAX))) : -FLT_MAX;
    float upper = hi ? static_cast<float>(std::min(*hi, double(FLT_MAX))) : FLT_MAX;
    return ctx.setOutput(0, ctx.create<tfm::ClampOp>(
                                x, ctx.builder.getF32FloatAttr(lower),
                                ctx.builder.getF32FloatAttr(upper)));
  }
  if (lo)
    loValue = ctx.scalar(element, *lo);
  if (hi)
    hiValue = ctx.scalar(element, *hi);
  if (loValue)
    x = ctx.create<tfm::MaxOp>(x, loValue);
  if (hiValue)
    x = ctx.create<tfm::MinOp>(x, hiValue);
  ctx.setOutput(0, x);
}

void importLeakyRelu(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  ctx.setOutput(0, ctx.create<tfm::LeakyReluOp>(
                       ctx.operand(0),
                       ctx.builder.getF32FloatAttr(ctx.attrFloat("alpha", 0.01f))));
}

void importHardSigmoid(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  ctx.setOutput(0, ctx.create<tfm::HardSigmoidOp>(
                       ctx.operand(0),
                       ctx.builder.getF32FloatAttr(ctx.attrFloat("alpha", 0.2f)),
                       ctx.builder.getF32FloatAttr(ctx.attrFloat("beta", 0.5f))));
}

void importHardSwish(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  Value x = ctx.operand(0);
  Value gate = ctx.create<tfm::HardSigmoidOp>(
      x, ctx.builder.getF32FloatAttr(1.0f / 6.0f),
      ctx.builder.getF32FloatAttr(0.5f));
  ctx.setOutput(0, ctx.create<tfm::MulOp>(x, gate));
}

void importPRelu(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  Value x = ctx.operand(0), slope = ctx.operand(1);
  Value negative = ctx.create<tfm::LessOp>(x, scalarLike(ctx, x, 0.0));
  Value scaled = ctx.create<tfm::MulOp>(x, slope);
  Value result = ctx.create<tfm::SelectOp>(negative, scaled, x);
  // PRelu broadcasts the slope to x, never x to the slope.
  if (cast<RankedTensorType>(result.getType()).getShape() != ctx.inputShape(0))
    ctx.fail("slope " + shapeString(ctx.inputShape(1)) +
             " does not broadcast to the input " + shapeString(ctx.inputShape(0)));
  ctx.setOutput(0, result);
}

void importElu(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  Value x = ctx.operand(0);
  Value negative = ctx.create<tfm::LessOp>(x, scalarLike(ctx, x, 0.0));
  ctx.setOutput(0, ctx.create<tfm::SelectOp>(
                       negative, expMinusOne(ctx, x, ctx.attrFloat("alpha", 1.0f)), x));
}

void importSelu(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  double alpha = ctx.attrFloat("alpha", 1.67326319217681884765625f);
  double gamma = ctx.attrFloat("gamma", 1.05070102214813232421875f);
  Value x = ctx.operand(0);
  Value positive = ctx.create<tfm::GreaterOp>(x, scalarLike(ctx, x, 0.0));
  Value y = ctx.create<tfm::SelectOp>(positive, x, expMinusOne(ctx, x, alpha));
  ctx.setOutput(0, ctx.create<tfm::MulOp>(y, scalarLike(ctx, x, gamma)));
}

/// Celu(x) = max(0, x) + min(0, alpha * (exp(x / alpha) - 1)).
void importCelu(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  double alpha = ctx.attrFloat("alpha", 1.0f);
  if (alpha == 0)
    ctx.fail("alpha must not be 0");
  Value x = ctx.operand(0);
  Value scaled = ctx.create<tfm::DivOp>(x, scalarLike(ctx, x, alpha));
  Value negative = ctx.create<tfm::MinOp>(expMinusOne(ctx, scaled, alpha),
                                          scalarLike(ctx, x, 0.0));
  ctx.setOutput(0, ctx.create<tfm::AddOp>(ctx.create<tfm::ReluOp>(x), negative));
}

/// Softplus(x) = log(1 + exp(x)) = relu(x) + log(1 + exp(-|x|)): the second
/// form does not overflow for large x.
void importSoftplus(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  Value x = ctx.operand(0);
  Value e = ctx.create<tfm::ExpOp>(ctx.create<tfm::NegOp>(ctx.create<tfm::AbsOp>(x)));
  Value log1p = ctx.create<tfm::LogOp>(
      ctx.create<tfm::AddOp>(e, scalarLike(ctx, x, 1.0)));
  ctx.setOutput(0, ctx.create<tfm::AddOp>(ctx.create<tfm::ReluOp>(x), log1p));
}

void importSoftsign(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  Value x = ctx.operand(0);
  Value denominator = ctx.create<tfm::AddOp>(ctx.create<tfm::AbsOp>(x),
                                             scalarLike(ctx, x, 1.0));
  ctx.setOutput(0, ctx.create<tfm::DivOp>(x, denominator));
}

void importThresholdedRelu(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  Value x = ctx.operand(0);
  Value above = ctx.create<tfm::GreaterOp>(
      x, scalarLike(ctx, x, ctx.attrFloat("alpha", 1.0f)));
  ctx.setOutput(0, ctx.create<tfm::SelectOp>(above, x, scalarLike(ctx, x, 0.0)));
}

} // namespace

void tcc::importer::registerActivationOps(OpRegistry &r) {
  r["Clip"] = importClip;
  r["LeakyRelu"] = importLeakyRelu;
  r["HardSigmoid"] = importHardSigmoid;
  r["HardSwish"] = importHardSwish;
  r["PRelu"] = importPRelu;
  r["Elu"] = importElu;
  r["Selu"] = importSelu;
  r["Celu"] = importCelu;
  r["Softplus"] = importSoftplus;
  r["Softsign"] = importSoftsign;
  r["ThresholdedRelu"] = importThresholdedRelu;
}
