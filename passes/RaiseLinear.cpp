//===- RaiseLinear.cpp - matmul (+ bias) by constant weight -> tfm.linear --===//
#include "passes/PatternUtils.h"
#include "passes/Passes.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace tcc {
#define GEN_PASS_DEF_RAISELINEAR
#include "passes/Passes.h.inc"
} // namespace tcc

using namespace mlir;
using namespace tcc;

namespace {

/// A matmul whose rhs is a constant [K, N] matrix is a linear layer.
tfm::MatmulOp matchLinearMatmul(Value value) {
  auto matmul = value.getDefiningOp<tfm::MatmulOp>();
  if (!matmul || !isConstant(matmul.getRhs()) ||
      matmul.getRhs().getType().getRank() != 2 ||
      matmul.getLhs().getType().getRank() < 1 ||
      !isa<FloatType>(matmul.getType().getElementType()))
    return nullptr;
  return matmul;
}

/// A matmul by a constant [K, N] matrix becomes a bias-less linear layer.
struct MatmulToLinear : OpRewritePattern<tfm::MatmulOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(tfm::MatmulOp matmul,
                                PatternRewriter &rewriter) const override {
    if (!matchLinearMatmul(matmul.getResult()))
      return failure();
    rewriter.replaceOpWithNewOp<tfm::LinearOp>(matmul, matmul.getLhs(),
                                               matmul.getRhs(), Value());
    return success();
  }
};

/// add(linear(x, W), b) with b a constant that broadcasts along the last
/// dimension only (N elements, every other dim 1 or absent) folds the bias
/// into the linear layer.
struct FoldBiasIntoLinear : OpRewritePattern<tfm::AddOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(tfm::AddOp add,
                                PatternRewriter &rewriter) const override {
    for (auto [linearOperand, biasOperand] :
         {std::pair(add.getLhs(), add.getRhs()),
          std::pair(add.getRhs(), add.getLhs())}) {
      auto linear = linearOperand.getDefiningOp<tfm::LinearOp>();
      if (!linear || linear.getBias() || !linear->hasOneUse() ||
          !isConstant(biasOperand) || add.getType() != linear.getType())
        continue;
      auto biasType = cast<RankedTensorType>(biasOperand.getType());
      int64_t n = linear.getType().getShape().back();
      if (biasType.getNumElements() != n ||
          (biasType.getRank() > 0 && biasType.getShape().back() != n))
        continue;
      Value bias = biasOperand;
      if (biasType.getRank() != 1)
        bias = rewriter.create<tfm::ReshapeOp>(
            add.getLoc(), RankedTensorType::get({n}, biasType.getElementType()),
            bias);
      rewriter.replaceOpWithNewOp<tfm::LinearOp>(add, linear.getInput(),
                                                 linear.getWeight(), bias);
      return success();
    }
    return failure();
  }
};

struct RaiseLinearPass : tcc::impl::RaiseLinearBase<RaiseLinearPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<MatmulToLinear, FoldBiasIntoLinear>(&getContext());
    if (failed(applyPatternsAndFoldGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
