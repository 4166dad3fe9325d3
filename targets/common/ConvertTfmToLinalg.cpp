//===- ConvertTfmToLinalg.cpp - the convert-tfm-to-linalg pass ------------===//
//
// Drives the pattern families in TfmToLinalg/ with a full dialect
// conversion: every tfm op is illegal, so an op that no pattern lowers (an
// op added to the dialect without a lowering, or an operand type a pattern
// rejects) fails the pass with a diagnostic at that op instead of surviving
// into the backend. Ops of other dialects are left as they are.
//
//===----------------------------------------------------------------------===//
#include "targets/common/Passes.h"

#include "dialects/tfm/TfmOps.h"
#include "targets/common/TfmToLinalg/Utils.h"

#include "mlir/Transforms/DialectConversion.h"

namespace tcc {
#define GEN_PASS_DEF_CONVERTTFMTOLINALG
#include "targets/common/Passes.h.inc"
} // namespace tcc

using namespace mlir;

namespace {

/// A tfm op whose results hold no elements needs no computation: its
/// results are tensor.empty whatever the op is. Running first also spares
/// the other patterns from zero-sized reshapes and slices whose offsets
/// point past the end (the tfm verifier allows those for empty slices).
struct EmptyResultPattern : ConversionPattern {
  EmptyResultPattern(MLIRContext *ctx)
      : ConversionPattern(MatchAnyOpTypeTag(), /*benefit=*/10, ctx) {}

  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<Value>,
                  ConversionPatternRewriter &rewriter) const override {
    if (!isa<tcc::tfm::TfmDialect>(op->getDialect()) ||
        op->getNumResults() == 0)
      return failure();
    SmallVector<Value> results;
    for (Type type : op->getResultTypes()) {
      auto tensor = dyn_cast<RankedTensorType>(type);
      if (!tensor || !tensor.hasStaticShape() || tensor.getNumElements() != 0)
        return failure();
      results.push_back(rewriter.create<tensor::EmptyOp>(
          op->getLoc(), tensor.getShape(), tensor.getElementType()));
    }
    rewriter.replaceOp(op, results);
    return success();
  }
};

struct ConvertTfmToLinalgPass
    : tcc::impl::ConvertTfmToLinalgBase<ConvertTfmToLinalgPass> {
  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    ConversionTarget target(*ctx);
    target.addIllegalDialect<tcc::tfm::TfmDialect>();
    // A target's kernel calls stay until memory is planned.
    target.addLegalOp<tcc::tfm::KernelCallOp>();
    target.addLegalDialect<arith::ArithDialect, func::FuncDialect,
                           linalg::LinalgDialect, math::MathDialect,
                           tensor::TensorDialect>();
    // Whatever else the module holds (other dialects a caller mixed in) is
    // not this pass's business; only tfm must disappear.
    target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });

    RewritePatternSet patterns(ctx);
    patterns.add<EmptyResultPattern>(ctx);
    using namespace tcc::tfm_to_linalg;
    populateConstantPatterns(patterns);
    populateElementwisePatterns(patterns);
    populateContractionPatterns(patterns);
    populateNormalizationPatterns(patterns);
    populateAttentionPatterns(patterns);
    populateReductionPatterns(patterns);
    populateDataMovementPatterns(patterns);
    populatePoolingPatterns(patterns);
    if (failed(
            applyFullConversion(getOperation(), target, std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
