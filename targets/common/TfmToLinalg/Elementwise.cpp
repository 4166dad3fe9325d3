//===- Elementwise.cpp - unary, binary, compare and select ops ------------===//
//
// Every elementwise op becomes one parallel linalg.generic whose inputs are
// read through numpy-broadcast indexing maps (a stretched unit dim is the
// constant-0 expression), so no broadcast is ever materialised. The scalar
// body follows ONNX/numpy semantics:
//  * max/min/relu/clamp on floats use arith.maximumf/minimumf, which
//    propagate NaN like numpy's maximum/minimum;
//  * integer division truncates toward zero (arith.divsi); a zero divisor
//    gives 0 and INT_MIN / -1 wraps, so generated code never traps;
//  * round is half-to-even (math.roundeven); sign(0) is 0 and sign(NaN) NaN;
//  * comparisons on floats are ordered (false when either side is NaN);
//  * transcendental functions of f16/bf16 are evaluated in f32.
//
//===----------------------------------------------------------------------===//
#include "targets/common/TfmToLinalg/Utils.h"

#include "dialects/tfm/TfmOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"

using namespace mlir;
namespace tfm = tcc::tfm;
using tcc::tfm_to_linalg::buildElementwise;
using tcc::tfm_to_linalg::scalarConstant;

namespace {

bool isFloat(Value v) { return isa<FloatType>(v.getType()); }

Value constantLike(OpBuilder &b, Location loc, Value like, double value) {
  return scalarConstant(b, loc, like.getType(), value);
}

template <typename FloatOp, typename IntOp>
Value floatOrInt(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  if (isFloat(lhs))
    return b.create<FloatOp>(loc, lhs, rhs);
  return b.create<IntOp>(loc, lhs, rhs);
}

Value compare(OpBuilder &b, Location loc, Value lhs, Value rhs,
              arith::CmpFPredicate f, arith::CmpIPredicate i) {
  if (isFloat(lhs))
    return b.create<arith::CmpFOp>(loc, f, lhs, rhs);
  return b.create<arith::CmpIOp>(loc, i, lhs, rhs);
}

/// lhs / rhs for signed integers without undefined behaviour: a zero
/// divisor yields 0 (what numpy returns) and a divisor of -1 is a negation,
/// which wraps for INT_MIN instead of trapping like x86's idiv.
Value safeIntDiv(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  Value zero = constantLike(b, loc, rhs, 0);
  Value one = constantLike(b, loc, rhs, 1);
  Value minusOne = constantLike(b, loc, rhs, -1);
  Value isZero =
      b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::eq, rhs, zero);
  Value isMinusOne =
      b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::eq, rhs, minusOne);
  Value special = b.create<arith::OrIOp>(loc, isZero, isMinusOne);
  Value divisor = b.create<arith::SelectOp>(loc, special, one, rhs);
  Value quotient = b.create<arith::DivSIOp>(loc, lhs, divisor);
  Value negated = b.create<arith::SubIOp>(loc, zero, lhs);
  Value result = b.create<arith::SelectOp>(loc, isMinusOne, negated, quotient);
  return b.create<arith::SelectOp>(loc, isZero, zero, result);
}

/// Evaluates `fn` in f32 when the operands are narrower floats (f16, bf16)
/// and rounds the result back once: libm has no half-precision entry points
/// for erf/tanh/pow..., and ONNX runtimes compute these in f32 as well.
Value widened(OpBuilder &b, Location loc, ValueRange args,
              llvm::function_ref<Value(ValueRange)> fn) {
  Type type = args[0].getType();
  Type wide = tcc::tfm_to_linalg::accumulatorType(type);
  if (wide == type)
    return fn(args);
  SmallVector<Value> ext;
  for (Value v : args)
    ext.push_back(tcc::tfm_to_linalg::convertScalar(b, loc, v, wide));
  return tcc::tfm_to_linalg::convertScalar(b, loc, fn(ext), type);
}

// Scalar bodies, one per op. `args` are the input scalars (the output block
// argument is not passed).
template <typename OpTy>
Value scalarBody(OpTy op, OpBuilder &b, Location loc, ValueRange args);

// Transcendental functions evaluate in f32 for 16-bit floats; rounding
// functions are exact in any precision.
#define UNARY_MATH(OP, MATHOP)                                                 \
  template <>                                                                  \
  Value scalarBody(tfm::OP op, OpBuilder &b, Location loc, ValueRange args) {  \
    return widened(b, loc, args, [&](ValueRange a) -> Value {                  \
      return b.create<math::MATHOP>(loc, a[0]);                                \
    });                                                                        \
  }
UNARY_MATH(ExpOp, ExpOp)
UNARY_MATH(LogOp, LogOp)
UNARY_MATH(SqrtOp, SqrtOp)
UNARY_MATH(RsqrtOp, RsqrtOp)
UNARY_MATH(TanhOp, TanhOp)
UNARY_MATH(ErfOp, ErfOp)
UNARY_MATH(SinOp, SinOp)
UNARY_MATH(CosOp, CosOp)
#undef UNARY_MATH

#define UNARY_ROUNDING(OP, MATHOP)                                             \
  template <>                                                                  \
  Value scalarBody(tfm::OP op, OpBuilder &b, Location loc, ValueRange args) {  \
    return b.create<math::MATHOP>(loc, args[0]);                               \
  }
UNARY_ROUNDING(FloorOp, FloorOp)
UNARY_ROUNDING(CeilOp, CeilOp)
UNARY_ROUNDING(RoundOp, RoundEvenOp)
#undef UNARY_ROUNDING

template <>
Value scalarBody(tfm::NegOp, OpBuilder &b, Location loc, ValueRange args) {
  if (isFloat(args[0]))
    return b.create<arith::NegFOp>(loc, args[0]);
  return b.create<arith::SubIOp>(loc, constantLike(b, loc, args[0], 0),
                                 args[0]);
}

template <>
Value scalarBody(tfm::AbsOp, OpBuilder &b, Location loc, ValueRange args) {
  if (isFloat(args[0]))
    return b.create<math::AbsFOp>(loc, args[0]);
  return b.create<math::AbsIOp>(loc, args[0]);
}

template <>
Value scalarBody(tfm::ReciprocalOp, OpBuilder &b, Location loc,
                 ValueRange args) {
  return b.create<arith::DivFOp>(loc, constantLike(b, loc, args[0], 1),
                                 args[0]);
}

template <>
Value scalarBody(tfm::SigmoidOp, OpBuilder &b, Location loc, ValueRange args) {
  // 1 / (1 + e^-x): e^-x overflows to +inf for very negative x and the
  // quotient is then exactly 0, so no select is needed.
  return widened(b, loc, args, [&](ValueRange a) -> Value {
    Value one = constantLike(b, loc, a[0], 1);
    Value neg = b.create<arith::NegFOp>(loc, a[0]);
    Value denom =
        b.create<arith::AddFOp>(loc, one, b.create<math::ExpOp>(loc, neg));
    return b.create<arith::DivFOp>(loc, one, denom);
  });
}

template <>
Value scalarBody(tfm::ReluOp, OpBuilder &b, Location loc, ValueRange args) {
  Value zero = constantLike(b, loc, args[0], 0);
  return floatOrInt<arith::MaximumFOp, arith::MaxSIOp>(b, loc, args[0], zero);
}

template <>
Value scalarBody(tfm::SignOp, OpBuilder &b, Location loc, ValueRange args) {
  Value x = args[0];
  Value zero = constantLike(b, loc, x, 0);
  Value one = constantLike(b, loc, x, 1);
  Value minusOne = constantLike(b, loc, x, -1);
  Value positive = compare(b, loc, x, zero, arith::CmpFPredicate::OGT,
                           arith::CmpIPredicate::sgt);
  Value negative = compare(b, loc, x, zero, arith::CmpFPredicate::OLT,
                           arith::CmpIPredicate::slt);
  // Neither positive nor negative: NaN stays NaN; a zero of either sign
  // gives +0 like numpy and torch.
  Value rest = zero;
  if (isFloat(x)) {
    Value nan = b.create<arith::CmpFOp>(loc, arith::CmpFPredicate::UNO, x, x);
    rest = b.create<arith::SelectOp>(loc, nan, x, zero);
  }
  Value inner = b.create<arith::SelectOp>(loc, negative, minusOne, rest);
  return b.create<arith::SelectOp>(loc, positive, one, inner);
}

template <>
Value scalarBody(tfm::NotOp, OpBuilder &b, Location loc, ValueRange args) {
  return b.create<arith::XOrIOp>(loc, args[0],
                                 constantLike(b, loc, args[0], 1));
}

template <>
Value scalarBody(tfm::ClampOp op, OpBuilder &b, Location loc, ValueRange args) {
  Value lo = constantLike(b, loc, args[0], op.getMin().convertToDouble());
  Value hi = constantLike(b, loc, args[0], op.getMax().convertToDouble());
  Value raised = b.create<arith::MaximumFOp>(loc, args[0], lo);
  return b.create<arith::MinimumFOp>(loc, raised, hi);
}

template <>
Value scalarBody(tfm::LeakyReluOp op, OpBuilder &b, Location loc,
                 ValueRange args) {
  Value x = args[0];
  Value alpha = constantLike(b, loc, x, op.getAlpha().convertToDouble());
  Value scaled = b.create<arith::MulFOp>(loc, alpha, x);
  // NaN fails `x >= 0` and alpha * NaN is NaN: NaN propagates.
  Value nonNegative = b.create<arith::CmpFOp>(loc, arith::CmpFPredicate::OGE, x,
                                              constantLike(b, loc, x, 0));
  return b.create<arith::SelectOp>(loc, nonNegative, x, scaled);
}

template <>
Value scalarBody(tfm::HardSigmoidOp op, OpBuilder &b, Location loc,
                 ValueRange args) {
  Value x = args[0];
  Value alpha = constantLike(b, loc, x, op.getAlpha().convertToDouble());
  Value beta = constantLike(b, loc, x, op.getBeta().convertToDouble());
  Value linear = b.create<arith::AddFOp>(
      loc, b.create<arith::MulFOp>(loc, alpha, x), beta);
  Value capped =
      b.create<arith::MinimumFOp>(loc, linear, constantLike(b, loc, x, 1));
  return b.create<arith::MaximumFOp>(loc, capped, constantLike(b, loc, x, 0));
}

#define BINARY(OP, FOP, IOP)                                                   \
  template <>                                                                  \
  Value scalarBody(tfm::OP, OpBuilder &b, Location loc, ValueRange args) {     \
    return floatOrInt<arith::FOP, arith::IOP>(b, loc, args[0], args[1]);       \
  }
BINARY(AddOp, AddFOp, AddIOp)
BINARY(SubOp, SubFOp, SubIOp)
BINARY(MulOp, MulFOp, MulIOp)
BINARY(MaxOp, MaximumFOp, MaxSIOp)
BINARY(MinOp, MinimumFOp, MinSIOp)
#undef BINARY

template <>
Value scalarBody(tfm::DivOp, OpBuilder &b, Location loc, ValueRange args) {
  if (isFloat(args[0]))
    return b.create<arith::DivFOp>(loc, args[0], args[1]);
  return safeIntDiv(b, loc, args[0], args[1]);
}

template <>
Value scalarBody(tfm::PowOp, OpBuilder &b, Location loc, ValueRange args) {
  return widened(b, loc, args, [&](ValueRange a) -> Value {
    return b.create<math::PowFOp>(loc, a[0], a[1]);
  });
}

#define LOGICAL(OP, IOP)                                                       \
  template <>                                                                  \
  Value scalarBody(tfm::OP, OpBuilder &b, Location loc, ValueRange args) {     \
    return b.create<arith::IOP>(loc, args[0], args[1]);                        \
  }
LOGICAL(AndOp, AndIOp)
LOGICAL(OrOp, OrIOp)
LOGICAL(XorOp, XOrIOp)
#undef LOGICAL

#define COMPARE(OP, FPRED, IPRED)                                              \
  template <>                                                                  \
  Value scalarBody(tfm::OP, OpBuilder &b, Location loc, ValueRange args) {     \
    return compare(b, loc, args[0], args[1], arith::CmpFPredicate::FPRED,      \
                   arith::CmpIPredicate::IPRED);                               \
  }
COMPARE(EqualOp, OEQ, eq)
COMPARE(LessOp, OLT, slt)
COMPARE(LessEqualOp, OLE, sle)
COMPARE(GreaterOp, OGT, sgt)
COMPARE(GreaterEqualOp, OGE, sge)
#undef COMPARE

template <>
Value scalarBody(tfm::SelectOp, OpBuilder &b, Location loc, ValueRange args) {
  return b.create<arith::SelectOp>(loc, args[0], args[1], args[2]);
}

/// Element types the scalar bodies handle: floats and signless integers.
bool supportedElement(Type type) {
  if (isa<FloatType>(type))
    return true;
  auto i = dyn_cast<IntegerType>(type);
  return i && i.isSignless();
}

template <typename OpTy>
struct ElementwiseLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
    ValueRange operands = adaptor.getOperands();
    // select takes any element type (arith.select does too); the others
    // need arithmetic on the operand type.
    if (!std::is_same_v<OpTy, tfm::SelectOp>)
      for (Value v : operands)
        if (!supportedElement(
                cast<RankedTensorType>(v.getType()).getElementType()))
          return rewriter.notifyMatchFailure(op, "unsupported element type");
    Value result =
        buildElementwise(rewriter, op.getLoc(), resultType, operands,
                         [&](OpBuilder &b, Location loc, ValueRange args) {
                           return scalarBody(op, b, loc, args.drop_back());
                         });
    rewriter.replaceOp(op, result);
    return success();
  }
};

template <typename... Ops> void addElementwise(RewritePatternSet &patterns) {
  (patterns.add<ElementwiseLowering<Ops>>(patterns.getContext()), ...);
}

} // namespace

void tcc::tfm_to_linalg::populateElementwisePatterns(
    RewritePatternSet &patterns) {
  addElementwise<
      // unary
      tfm::NegOp, tfm::AbsOp, tfm::ExpOp, tfm::LogOp, tfm::SqrtOp, tfm::RsqrtOp,
      tfm::ReciprocalOp, tfm::TanhOp, tfm::ErfOp, tfm::SigmoidOp, tfm::ReluOp,
      tfm::SinOp, tfm::CosOp, tfm::FloorOp, tfm::CeilOp, tfm::RoundOp,
      tfm::SignOp, tfm::NotOp, tfm::ClampOp, tfm::LeakyReluOp,
      tfm::HardSigmoidOp,
      // binary
      tfm::AddOp, tfm::SubOp, tfm::MulOp, tfm::DivOp, tfm::PowOp, tfm::MaxOp,
      tfm::MinOp, tfm::AndOp, tfm::OrOp, tfm::XorOp,
      // compare and select
      tfm::EqualOp, tfm::LessOp, tfm::LessEqualOp, tfm::GreaterOp,
      tfm::GreaterEqualOp, tfm::SelectOp>(patterns);
}
