//===- FuseLinearEpilogue.cpp - linear + activation + residual -> one op --===//
//
// A linear layer's activation (GELU, ReLU) and a residual add that follows
// it are elementwise on the product: code generation can apply them to each
// block of the output while the GEMM still has it in cache instead of
// streaming the whole activation through memory two more times. This pass
// folds them into tfm.fused_linear:
//   gelu(linear(x, W, b))        -> fused_linear(x, W, b) activation gelu
//   add(linear/fused(x, W, b), r) -> fused_linear(..., residual r)
// when the inner result has no other user and r has the result's type
// (a broadcasting add is not a residual). The activation is applied before
// the residual, which is the order of a pre-norm MLP block (fc2 has none;
// fc1 has no residual), so every block of ViT and BERT fuses.
//
//===----------------------------------------------------------------------===//
#include "passes/Passes.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace tcc {
#define GEN_PASS_DEF_FUSELINEAREPILOGUE
#include "passes/Passes.h.inc"
} // namespace tcc

using namespace mlir;
using namespace tcc;

namespace {

/// The pieces of a linear layer: tfm.linear, or a tfm.fused_linear that has
/// neither an activation nor a residual yet (so more can be appended).
struct LinearParts {
  Value input, weight, bias, residual;
  tfm::Activation activation = tfm::Activation::none;
};

std::optional<LinearParts> matchLinear(Value value) {
  Operation *def = value.getDefiningOp();
  if (!def || !def->hasOneUse())
    return std::nullopt;
  if (auto linear = dyn_cast<tfm::LinearOp>(def))
    return LinearParts{linear.getInput(), linear.getWeight(), linear.getBias(),
                       Value(), tfm::Activation::none};
  if (auto fused = dyn_cast<tfm::FusedLinearOp>(def))
    return LinearParts{fused.getInput(), fused.getWeight(), fused.getBias(),
                       fused.getResidual(), fused.getActivation()};
  return std::nullopt;
}

Value buildFused(PatternRewriter &rewriter, Location loc, Type type,
                 const LinearParts &parts) {
  return rewriter.create<tfm::FusedLinearOp>(
      loc, type, parts.input, parts.weight, parts.bias, parts.residual,
      tfm::ActivationAttr::get(rewriter.getContext(), parts.activation));
}

template <class ActivationOp>
struct FuseActivation : OpRewritePattern<ActivationOp> {
  using OpRewritePattern<ActivationOp>::OpRewritePattern;
  LogicalResult matchAndRewrite(ActivationOp op,
                                PatternRewriter &rewriter) const override {
    auto parts = matchLinear(op.getInput());
    if (!parts || parts->residual ||
        parts->activation != tfm::Activation::none)
      return failure();
    parts->activation = activationOf(op);
    rewriter.replaceOp(op,
                       buildFused(rewriter, op.getLoc(), op.getType(), *parts));
    return success();
  }
  static tfm::Activation activationOf(tfm::GeluOp gelu) {
    return gelu.getApproximate() == tfm::GeluApproximation::tanh
               ? tfm::Activation::gelu_tanh
               : tfm::Activation::gelu;
  }
  static tfm::Activation activationOf(tfm::ReluOp) {
    return tfm::Activation::relu;
  }
};

struct FuseResidual : OpRewritePattern<tfm::AddOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(tfm::AddOp add,
                                PatternRewriter &rewriter) const override {
    for (auto [product, residual] : {std::pair(add.getLhs(), add.getRhs()),
                                     std::pair(add.getRhs(), add.getLhs())}) {
      auto parts = matchLinear(product);
      if (!parts || parts->residual || residual.getType() != add.getType() ||
          product.getType() != add.getType() ||
          !isa<FloatType>(add.getType().getElementType()))
        continue;
      parts->residual = residual;
      rewriter.replaceOp(
          add, buildFused(rewriter, add.getLoc(), add.getType(), *parts));
      return success();
    }
    return failure();
  }
};

struct FuseLinearEpiloguePass
    : tcc::impl::FuseLinearEpilogueBase<FuseLinearEpiloguePass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<FuseActivation<tfm::GeluOp>, FuseActivation<tfm::ReluOp>,
                 FuseResidual>(&getContext());
    if (failed(applyPatternsAndFoldGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
