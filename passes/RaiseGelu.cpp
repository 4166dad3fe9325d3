//===- RaiseGelu.cpp - erf / tanh GELU subgraphs -> tfm.gelu --------------===//
//
//   erf:  0.5 * x * (1 + erf(x / sqrt(2)))
//   tanh: 0.5 * x * (1 + tanh(sqrt(2/pi) * (x + 0.044715 * x^3)))
//
// Exporters order the multiplications freely (0.5 first or last, x / 1.414
// or x * 0.7071, constants on either side, x^3 as pow(x, 3) or x * (x * x)),
// so every product is read with collectProduct: a coefficient and a multiset
// of non-constant factors. The pattern is rooted at the outermost mul of the
// `0.5 * x * (1 + ...)` product; inner muls of that product fail to match
// because their coefficient is not 0.5.
//
//===----------------------------------------------------------------------===//
#include "passes/PatternUtils.h"
#include "passes/Passes.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace tcc {
#define GEN_PASS_DEF_RAISEGELU
#include "passes/Passes.h.inc"
} // namespace tcc

using namespace mlir;
using namespace tcc;

namespace {

// Constants are compared at a relative 1e-4: exporters write them rounded to
// float32 (1.4142135, 0.7978846, 0.044715 as 0.0447149984...), while a
// different constant (a "GELU-like" activation with other coefficients)
// differs by far more.
constexpr double kTol = 1e-4;
constexpr double kInvSqrt2 = 0.70710678118654752;    // 1 / sqrt(2)
constexpr double kSqrt2OverPi = 0.79788456080286536; // sqrt(2 / pi)
constexpr double kCubicCoefficient = 0.044715;

/// The chain of values met while peeling uniform constant scales off
/// `value` (value itself first): candidates for the GELU input x inside
/// `x * k`.
SmallVector<Value, 4> scalePeelChain(Value value) {
  SmallVector<Value, 4> chain{value};
  while (auto scaled = matchUniformScale(chain.back()))
    chain.push_back(scaled->operand);
  return chain;
}

struct GeluMatch {
  Value input;
  tfm::GeluApproximation approximation;
  /// Ops of the subgraph other than the root; each must have one use.
  SmallVector<Operation *, 12> ops;
};

/// `arg` = sqrt(2) ^ -1 * x for some x on its scale chain.
std::optional<GeluMatch> matchErfArgument(Value arg) {
  for (Value x : scalePeelChain(arg)) {
    Product p = collectProduct(arg, {x}, /*expandPow=*/false);
    if (p.factors.size() == 1 && p.factors[0] == x &&
        isNear(p.coefficient, kInvSqrt2, kTol))
      return GeluMatch{
          x, tfm::GeluApproximation::none, {p.ops.begin(), p.ops.end()}};
  }
  return std::nullopt;
}

/// `arg` = sqrt(2/pi) * (x + 0.044715 * x^3).
std::optional<GeluMatch> matchTanhArgument(Value arg) {
  for (Value inner : scalePeelChain(arg)) {
    auto add = inner.getDefiningOp<tfm::AddOp>();
    if (!add)
      continue;
    Product outer = collectProduct(arg, {inner}, /*expandPow=*/false);
    if (outer.factors.size() != 1 || outer.factors[0] != inner ||
        !isNear(outer.coefficient, kSqrt2OverPi, kTol))
      continue;
    for (auto [x, cubic] : {std::pair(add.getLhs(), add.getRhs()),
                            std::pair(add.getRhs(), add.getLhs())}) {
      if (add.getType() != x.getType())
        continue;
      Product c = collectProduct(cubic, {x}, /*expandPow=*/true);
      if (c.factors.size() != 3 || countFactor(c, x) != 3 ||
          !isNear(c.coefficient, kCubicCoefficient, kTol))
        continue;
      GeluMatch match{x, tfm::GeluApproximation::tanh, {}};
      match.ops.append(outer.ops.begin(), outer.ops.end());
      match.ops.push_back(add);
      match.ops.append(c.ops.begin(), c.ops.end());
      return match;
    }
  }
  return std::nullopt;
}

/// `onePlus` = 1 + erf(..) or 1 + tanh(..) with a matching argument.
std::optional<GeluMatch> matchOnePlus(Value onePlus) {
  auto add = onePlus.getDefiningOp<tfm::AddOp>();
  if (!add)
    return std::nullopt;
  for (auto [one, fn] : {std::pair(add.getLhs(), add.getRhs()),
                         std::pair(add.getRhs(), add.getLhs())}) {
    if (!isUniformConstant(one, 1.0, kTol) || add.getType() != fn.getType())
      continue;
    std::optional<GeluMatch> match;
    Operation *fnOp = fn.getDefiningOp();
    if (auto erf = dyn_cast_or_null<tfm::ErfOp>(fnOp))
      match = matchErfArgument(erf.getInput());
    else if (auto tanh = dyn_cast_or_null<tfm::TanhOp>(fnOp))
      match = matchTanhArgument(tanh.getInput());
    if (!match)
      continue;
    match->ops.push_back(add);
    match->ops.push_back(fnOp);
    return match;
  }
  return std::nullopt;
}

struct MulToGelu : OpRewritePattern<tfm::MulOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(tfm::MulOp root,
                                PatternRewriter &rewriter) const override {
    if (!isa<FloatType>(root.getType().getElementType()))
      return failure();
    // Candidates for (1 + erf/tanh(..)): the add leaves of the product.
    Product whole = collectProduct(root.getResult());
    for (Value factor : whole.factors) {
      auto match = matchOnePlus(factor);
      if (!match)
        continue;
      Value x = match->input;
      // With x and the (1 + ..) factor held as leaves, the root must be
      // exactly 0.5 * x * (1 + ..).
      Product p = collectProduct(root.getResult(), {x, factor},
                                 /*expandPow=*/false);
      if (p.factors.size() != 2 || countFactor(p, x) != 1 ||
          countFactor(p, factor) != 1 || !isNear(p.coefficient, 0.5, kTol))
        continue;
      // The GELU keeps x's type: a constant that broadcast the product to a
      // larger shape would change the result.
      if (root.getType() != x.getType())
        continue;
      match->ops.append(p.ops.begin(), p.ops.end());
      if (!allSingleUse(match->ops, root))
        continue;
      rewriter.replaceOpWithNewOp<tfm::GeluOp>(
          root, x,
          tfm::GeluApproximationAttr::get(getContext(), match->approximation));
      return success();
    }
    return failure();
  }
};

struct RaiseGeluPass : tcc::impl::RaiseGeluBase<RaiseGeluPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<MulToGelu>(&getContext());
    if (failed(
            applyPatternsAndFoldGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
