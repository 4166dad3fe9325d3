//===- Elementwise.cpp - arithmetic, comparison, logic, Where, Cast -------===//
//
// Binary ops keep numpy broadcasting and operand order exactly as in the
// model (the raising passes match on them); scalar operands stay the rank-0
// or rank-1 constants the exporter wrote.
//
//===----------------------------------------------------------------------===//
#include "compiler/onnx/OpImporters/OpImporters.h"

#include "dialects/tfm/TfmOps.h"

using namespace mlir;
using namespace tcc;
using namespace tcc::importer;

namespace {

/// Folds a binary node when both inputs are known, of one element type and
/// the result is small; returns false when it did not.
bool foldBinary(NodeContext &ctx, BinaryFn fn, bool sameTypes = true) {
  SmallVector<const ConstTensor *> in = ctx.allKnown();
  if (in.size() != 2)
    return false;
  if (sameTypes && in[0]->elementType != in[1]->elementType)
    return false;
  auto shape = tfm::broadcastShapes(in[0]->shape, in[1]->shape);
  if (failed(shape) || !ctx.canFold(*shape, in[0]->isFloat() || in[1]->isFloat()))
    return false;
  ctx.setOutput(0, ctx.folded(binary(fn, *in[0], *in[1])));
  return true;
}

template <typename OpTy> void importBinary(NodeContext &ctx, BinaryFn fn) {
  if (foldBinary(ctx, fn))
    return;
  ctx.setOutput(0, ctx.create<OpTy>(ctx.operand(0), ctx.operand(1)));
}

template <typename OpTy> void importUnary(NodeContext &ctx, UnaryFn fn) {
  SmallVector<const ConstTensor *> in = ctx.allKnown();
  if (!in.empty() && ctx.canFold(in[0]->shape, in[0]->isFloat()))
    return ctx.setOutput(0, unary(fn, *in[0]));
  ctx.setOutput(0, ctx.create<OpTy>(ctx.operand(0)));
}

/// Sum, Mean, Max, Min: any number of inputs, folded or chained left to
/// right.
template <typename OpTy>
void importVariadic(NodeContext &ctx, BinaryFn fn, bool mean) {
  unsigned n = ctx.numInputs();
  if (n == 0)
    ctx.fail("needs at least one input");
  for (unsigned i = 0; i < n; ++i)
    ctx.input(i);
  if (n == 1)
    return ctx.aliasOutput(0, ctx.input(0));
  SmallVector<const ConstTensor *> in = ctx.allKnown();
  if (!in.empty()) {
    ConstTensor acc = *in[0];
    bool folded = true;
    for (unsigned i = 1; i < n && folded; ++i) {
      auto shape = tfm::broadcastShapes(acc.shape, in[i]->shape);
      folded = succeeded(shape) && in[i]->elementType == acc.elementType &&
               ctx.canFold(*shape, acc.isFloat());
      if (!folded)
        break;
      acc = ctx.folded(binary(fn, acc, *in[i]));
    }
    if (folded && mean) {
      acc = ctx.folded(binary(BinaryFn::Div, acc,
                              ConstTensor::splat(acc.elementType, {}, n)));
    }
    if (folded)
      return ctx.setOutput(0, std::move(acc));
  }
  Value acc = ctx.operand(0);
  for (unsigned i = 1; i < n; ++i)
    acc = ctx.create<OpTy>(acc, ctx.operand(i));
  if (mean)
    acc = ctx.create<tfm::DivOp>(
        acc, ctx.scalar(cast<RankedTensorType>(acc.getType()).getElementType(), n));
  ctx.setOutput(0, acc);
}

/// Pow: since opset 12 the exponent may have another type than the base.
void importPow(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  if (foldBinary(ctx, BinaryFn::Pow, /*sameTypes=*/false))
    return;
  Type baseType = ctx.inputElementType(0);
  if (isa<FloatType>(baseType)) {
    Value exponent = ctx.castTo(ctx.operand(1), baseType);
    return ctx.setOutput(0, ctx.create<tfm::PowOp>(ctx.operand(0), exponent));
  }
  if (!isa<IntegerType>(baseType) || baseType.isInteger(1))
    ctx.fail("the base must be a number");
  // tfm.pow is defined on floats: an integer power goes through f64, which
  // holds every integer result below 2^53 exactly.
  Type f64 = FloatType::getF64(ctx.getContext());
  Value result = ctx.create<tfm::PowOp>(ctx.castTo(ctx.operand(0), f64),
                                        ctx.castTo(ctx.operand(1), f64));
  ctx.setOutput(0, ctx.castTo(result, baseType));
}

void importMod(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  int64_t fmod = ctx.attrInt("fmod", 0);
  if (fmod != 0 && fmod != 1)
    ctx.fail("fmod must be 0 or 1");
  if (fmod == 0 && isa<FloatType>(ctx.inputElementType(0)))
    ctx.fail("fmod=0 is only defined for integers");
  if (foldBinary(ctx, fmod ? BinaryFn::FMod : BinaryFn::Mod))
    return;
  ctx.fail("Mod is only supported on inputs known at import time");
}

void importWhere(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  SmallVector<const ConstTensor *> in = ctx.allKnown();
  if (in.size() == 3 && in[0]->elementType.isInteger(1) &&
      in[1]->elementType == in[2]->elementType) {
    auto shape = tfm::broadcastShapes(in[0]->shape, in[1]->shape);
    if (succeeded(shape))
      shape = tfm::broadcastShapes(*shape, in[2]->shape);
    if (succeeded(shape) && ctx.canFold(*shape, /*floatMath=*/false))
      return ctx.setOutput(0, select(*in[0], *in[1], *in[2]));
  }
  ctx.setOutput(0, ctx.create<tfm::SelectOp>(ctx.operand(0), ctx.operand(1),
                                             ctx.operand(2)));
}

void importCastTo(NodeContext &ctx, Type target) {
  TensorValue &input = ctx.input(0);
  if (input.type.getElementType() == target)
    return ctx.aliasOutput(0, input);
  if (ctx.canFold(input.type.getShape(), /*floatMath=*/false))
    if (const ConstTensor *content = ctx.known(0))
      return ctx.setOutput(0, convertElements(*content, target));
  ctx.setOutput(0, ctx.castTo(ctx.operand(0), target));
}

void importCast(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  std::optional<int64_t> to = ctx.optAttrInt("to");
  if (!to)
    ctx.fail("attribute 'to' is required");
  Type target = elementTypeFor(*ctx.getContext(), static_cast<int32_t>(*to));
  if (!target)
    ctx.fail("casting to " + dataTypeName(static_cast<int32_t>(*to)) +
             " is not supported");
  importCastTo(ctx, target);
}

void importCastLike(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  importCastTo(ctx, ctx.inputElementType(1));
}

} // namespace

void tcc::importer::registerElementwiseOps(OpRegistry &r) {
#define BINARY(NAME, OP, FN)                                                   \
  r[NAME] = [](const onnx::NodeProto &, int64_t, NodeContext &ctx) {           \
    importBinary<tfm::OP>(ctx, BinaryFn::FN);                                  \
  }
  BINARY("Add", AddOp, Add);
  BINARY("Sub", SubOp, Sub);
  BINARY("Mul", MulOp, Mul);
  BINARY("Div", DivOp, Div);
  BINARY("Equal", EqualOp, Equal);
  BINARY("Less", LessOp, Less);
  BINARY("LessOrEqual", LessEqualOp, LessEqual);
  BINARY("Greater", GreaterOp, Greater);
  BINARY("GreaterOrEqual", GreaterEqualOp, GreaterEqual);
  BINARY("And", AndOp, And);
  BINARY("Or", OrOp, Or);
  BINARY("Xor", XorOp, Xor);
#undef BINARY

#define VARIADIC(NAME, OP, FN, MEAN)                                           \
  r[NAME] = [](const onnx::NodeProto &, int64_t, NodeContext &ctx) {           \
    importVariadic<tfm::OP>(ctx, BinaryFn::FN, MEAN);                          \
  }
  VARIADIC("Sum", AddOp, Add, false);
  VARIADIC("Mean", AddOp, Add, true);
  VARIADIC("Max", MaxOp, Max, false);
  VARIADIC("Min", MinOp, Min, false);
#undef VARIADIC

#define UNARY(NAME, OP, FN)                                                    \
  r[NAME] = [](const onnx::NodeProto &, int64_t, NodeContext &ctx) {           \
    importUnary<tfm::OP>(ctx, UnaryFn::FN);                                    \
  }
  UNARY("Neg", NegOp, Neg);
  UNARY("Abs", AbsOp, Abs);
  UNARY("Sqrt", SqrtOp, Sqrt);
  UNARY("Reciprocal", ReciprocalOp, Reciprocal);
  UNARY("Exp", ExpOp, Exp);
  UNARY("Log", LogOp, Log);
  UNARY("Floor", FloorOp, Floor);
  UNARY("Ceil", CeilOp, Ceil);
  UNARY("Round", RoundOp, Round);
  UNARY("Relu", ReluOp, Relu);
  UNARY("Sign", SignOp, Sign);
  UNARY("Not", NotOp, Not);
  UNARY("Sin", SinOp, Sin);
  UNARY("Cos", CosOp, Cos);
  UNARY("Tanh", TanhOp, Tanh);
  UNARY("Erf", ErfOp, Erf);
  UNARY("Sigmoid", SigmoidOp, Sigmoid);
#undef UNARY

  r["Pow"] = importPow;
  r["Mod"] = importMod;
  r["Where"] = importWhere;
  r["Cast"] = importCast;
  r["CastLike"] = importCastLike;
}
