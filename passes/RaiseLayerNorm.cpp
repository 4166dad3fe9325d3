//===- RaiseLayerNorm.cpp - decomposed LayerNorm -> tfm.layer_norm --------===//
//
// Exporters write LayerNorm (opset <= 16) as
//   m = mean(x); d = x - m; v = mean(d^2); n = d / sqrt(v + eps)
//   y = n * gamma + beta
// The raising happens in three patterns so that each stays small and a
// graph that stops early (no affine, gamma only, a non-constant gamma) still
// raises as far as it can:
//   * NormalizeToLayerNorm: n -> tfm.layer_norm(x) without affine;
//   * FoldScaleIntoLayerNorm: layer_norm(x) * gamma -> scale = gamma;
//   * FoldBiasIntoLayerNorm: layer_norm(x[, gamma]) + beta -> bias = beta.
//
//===----------------------------------------------------------------------===//
#include "passes/PatternUtils.h"
#include "passes/Passes.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace tcc {
#define GEN_PASS_DEF_RAISELAYERNORM
#include "passes/Passes.h.inc"
} // namespace tcc

using namespace mlir;
using namespace tcc;

namespace {

/// A keep_dims reduce_mean over a non-empty, contiguous range of trailing
/// axes [first, rank); returns `first`.
std::optional<int64_t> trailingMeanAxis(tfm::ReduceMeanOp mean) {
  ArrayRef<int64_t> axes = mean.getAxes();
  int64_t rank = mean.getInput().getType().getRank();
  if (axes.empty() || !mean.getKeepDims() || axes.back() != rank - 1)
    return std::nullopt;
  // Axes are sorted and unique (verifier), so contiguity is a length check.
  if (axes.back() - axes.front() + 1 != static_cast<int64_t>(axes.size()))
    return std::nullopt;
  return axes.front();
}

/// `value` as 1 / sqrt(e) written as rsqrt(e), reciprocal(sqrt(e)) or
/// 1 / sqrt(e); appends the ops walked through to `ops`.
Value matchInverseSqrt(Value value, SmallVectorImpl<Operation *> &ops) {
  if (auto rsqrt = value.getDefiningOp<tfm::RsqrtOp>()) {
    ops.push_back(rsqrt);
    return rsqrt.getInput();
  }
  Value denominator;
  if (auto recip = value.getDefiningOp<tfm::ReciprocalOp>()) {
    ops.push_back(recip);
    denominator = recip.getInput();
  } else if (auto div = value.getDefiningOp<tfm::DivOp>()) {
    if (!isUniformConstant(div.getLhs(), 1.0, 0.0) ||
        div.getType() != div.getRhs().getType())
      return nullptr;
    ops.push_back(div);
    denominator = div.getRhs();
  }
  auto sqrt = denominator ? denominator.getDefiningOp<tfm::SqrtOp>() : nullptr;
  if (!sqrt)
    return nullptr;
  ops.push_back(sqrt);
  return sqrt.getInput();
}

struct LayerNormMatch {
  Value input;
  int64_t axis;
  double epsilon;
};

/// Matches `numerator * invStd` (or `numerator / std`) where numerator is
/// x - mean(x) and the standard deviation is sqrt(mean(numerator^2) + eps).
/// Every intermediate value must be used only inside the subgraph (the
/// centred value `d` by the square and the normalisation, nothing else), so
/// the raised op replaces the whole computation rather than duplicating it.
std::optional<LayerNormMatch>
matchNormalization(Operation *root, Value numerator, Value variancePlusEps,
                   ArrayRef<Operation *> opsSoFar) {
  SmallVector<Operation *, 8> ops(opsSoFar);

  // variancePlusEps = v + eps (either order), or v alone (eps = 0).
  double epsilon = 0.0;
  Value variance = variancePlusEps;
  if (auto add = variancePlusEps.getDefiningOp<tfm::AddOp>()) {
    for (auto [v, e] : {std::pair(add.getLhs(), add.getRhs()),
                        std::pair(add.getRhs(), add.getLhs())}) {
      auto eps = getUniformConstant(e);
      if (eps && *eps >= 0.0 && add.getType() == v.getType()) {
        epsilon = *eps;
        variance = v;
        ops.push_back(add);
        break;
      }
    }
    if (variance == variancePlusEps)
      return std::nullopt;
  }
  auto varMean = variance.getDefiningOp<tfm::ReduceMeanOp>();
  if (!varMean)
    return std::nullopt;
  ops.push_back(varMean);

  // The square of the centred value: pow(d, 2) or d * d.
  Value square = varMean.getInput();
  Operation *squareOp = square.getDefiningOp();
  Value centred;
  if (auto pow = dyn_cast_or_null<tfm::PowOp>(squareOp)) {
    if (!isUniformConstant(pow.getRhs(), 2.0, 0.0))
      return std::nullopt;
    centred = pow.getLhs();
  } else if (auto mul = dyn_cast_or_null<tfm::MulOp>(squareOp)) {
    if (mul.getLhs() != mul.getRhs())
      return std::nullopt;
    centred = mul.getLhs();
  } else {
    return std::nullopt;
  }
  if (centred != numerator || square.getType() != centred.getType())
    return std::nullopt;
  ops.push_back(squareOp);

  auto sub = centred.getDefiningOp<tfm::SubOp>();
  if (!sub)
    return std::nullopt;
  Value x = sub.getLhs();
  auto mean = sub.getRhs().getDefiningOp<tfm::ReduceMeanOp>();
  if (!mean || mean.getInput() != x || sub.getType() != x.getType())
    return std::nullopt;
  ops.push_back(mean);

  auto axis = trailingMeanAxis(mean);
  if (!axis || varMean.getAxes() != mean.getAxes() || !varMean.getKeepDims())
    return std::nullopt;
  auto type = cast<RankedTensorType>(x.getType());
  if (!isa<FloatType>(type.getElementType()) ||
      root->getResult(0).getType() != type)
    return std::nullopt;

  if (!allSingleUse(ops, root))
    return std::nullopt;
  for (Operation *user : centred.getUsers())
    if (user != root && user != squareOp)
      return std::nullopt;
  return LayerNormMatch{x, *axis, epsilon};
}

void replaceWithLayerNorm(PatternRewriter &rewriter, Operation *root,
                          const LayerNormMatch &match) {
  rewriter.replaceOpWithNewOp<tfm::LayerNormOp>(
      root, match.input, /*scale=*/Value(), /*bias=*/Value(),
      rewriter.getI64IntegerAttr(match.axis),
      rewriter.getF32FloatAttr(static_cast<float>(match.epsilon)));
}

/// d / sqrt(var + eps).
struct DivToLayerNorm : OpRewritePattern<tfm::DivOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(tfm::DivOp div,
                                PatternRewriter &rewriter) const override {
    auto sqrt = div.getRhs().getDefiningOp<tfm::SqrtOp>();
    if (!sqrt)
      return failure();
    auto match = matchNormalization(div, div.getLhs(), sqrt.getInput(),
                                    {sqrt.getOperation()});
    if (!match)
      return failure();
    replaceWithLayerNorm(rewriter, div, *match);
    return success();
  }
};

/// d * rsqrt(var + eps), d * reciprocal(sqrt(var + eps)), d * (1 / sqrt(..)).
struct MulToLayerNorm : OpRewritePattern<tfm::MulOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(tfm::MulOp mul,
                                PatternRewriter &rewriter) const override {
    for (auto [d, inv] : {std::pair(mul.getLhs(), mul.getRhs()),
                          std::pair(mul.getRhs(), mul.getLhs())}) {
      SmallVector<Operation *, 4> ops;
      Value variancePlusEps = matchInverseSqrt(inv, ops);
      if (!variancePlusEps)
        continue;
      if (auto match = matchNormalization(mul, d, variancePlusEps, ops)) {
        replaceWithLayerNorm(rewriter, mul, *match);
        return success();
      }
    }
    return failure();
  }
};

/// True when constant `param` can serve as a scale/bias of a layer norm of
/// `input` over [axis, rank): it must broadcast along the normalized
/// dimensions only (every dimension before `axis` is 1 or absent).
bool isAffineParam(Value param, RankedTensorType input, int64_t axis) {
  if (!isConstant(param))
    return false;
  auto type = cast<RankedTensorType>(param.getType());
  if (type.getElementType() != input.getElementType() ||
      type.getRank() > input.getRank())
    return false;
  int64_t pad = input.getRank() - type.getRank();
  for (int64_t i = 0; i < input.getRank(); ++i) {
    int64_t dim = i < pad ? 1 : type.getDimSize(i - pad);
    if (i < axis ? dim != 1 : dim != 1 && dim != input.getDimSize(i))
      return false;
  }
  return true;
}

/// `param` (accepted by isAffineParam) in the normalized shape
/// input.shape[axis:]: leading unit dimensions are dropped with a reshape
/// and unit dimensions inside the normalized range are broadcast. On dense
/// constants both fold away in the canonicalizer.
Value toNormalizedShape(PatternRewriter &rewriter, Location loc, Value param,
                        RankedTensorType input, int64_t axis) {
  auto type = cast<RankedTensorType>(param.getType());
  ArrayRef<int64_t> normalized = input.getShape().drop_front(axis);
  if (type.getShape() == normalized)
    return param;
  SmallVector<int64_t> tail(input.getRank() - axis, 1);
  int64_t pad = input.getRank() - type.getRank();
  for (int64_t i = axis; i < input.getRank(); ++i)
    if (i >= pad)
      tail[i - axis] = type.getDimSize(i - pad);
  Value shaped = param;
  if (type.getShape() != ArrayRef<int64_t>(tail))
    shaped = rewriter.create<tfm::ReshapeOp>(
        loc, RankedTensorType::get(tail, type.getElementType()), param);
  if (ArrayRef<int64_t>(tail) != normalized)
    shaped = rewriter.create<tfm::BroadcastToOp>(
        loc, RankedTensorType::get(normalized, type.getElementType()), shaped);
  return shaped;
}

/// layer_norm(x) * gamma -> layer_norm(x) scale gamma.
struct FoldScaleIntoLayerNorm : OpRewritePattern<tfm::MulOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(tfm::MulOp mul,
                                PatternRewriter &rewriter) const override {
    for (auto [lnValue, gamma] : {std::pair(mul.getLhs(), mul.getRhs()),
                                  std::pair(mul.getRhs(), mul.getLhs())}) {
      auto ln = lnValue.getDefiningOp<tfm::LayerNormOp>();
      if (!ln || ln.getScale() || ln.getBias() || !ln->hasOneUse() ||
          mul.getType() != ln.getType())
        continue;
      int64_t axis = ln.getAxis();
      if (!isAffineParam(gamma, ln.getType(), axis))
        continue;
      Value scale =
          toNormalizedShape(rewriter, mul.getLoc(), gamma, ln.getType(), axis);
      rewriter.replaceOpWithNewOp<tfm::LayerNormOp>(
          mul, ln.getInput(), scale, Value(), ln.getAxisAttr(),
          ln.getEpsilonAttr());
      return success();
    }
    return failure();
  }
};

/// layer_norm(x[, scale]) + beta -> layer_norm(x[, scale]) bias beta.
struct FoldBiasIntoLayerNorm : OpRewritePattern<tfm::AddOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(tfm::AddOp add,
                                PatternRewriter &rewriter) const override {
    for (auto [lnValue, beta] : {std::pair(add.getLhs(), add.getRhs()),
                                 std::pair(add.getRhs(), add.getLhs())}) {
      auto ln = lnValue.getDefiningOp<tfm::LayerNormOp>();
      if (!ln || ln.getBias() || !ln->hasOneUse() ||
          add.getType() != ln.getType())
        continue;
      int64_t axis = ln.getAxis();
      if (!isAffineParam(beta, ln.getType(), axis))
        continue;
      Value bias =
          toNormalizedShape(rewriter, add.getLoc(), beta, ln.getType(), axis);
      rewriter.replaceOpWithNewOp<tfm::LayerNormOp>(
          add, ln.getInput(), ln.getScale(), bias, ln.getAxisAttr(),
          ln.getEpsilonAttr());
      return success();
    }
    return failure();
  }
};

struct RaiseLayerNormPass : tcc::impl::RaiseLayerNormBase<RaiseLayerNormPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<DivToLayerNorm, MulToLayerNorm, FoldScaleIntoLayerNorm,
                 FoldBiasIntoLayerNorm>(&getContext());
    if (failed(
            applyPatternsAndFoldGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
