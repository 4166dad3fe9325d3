//===- Constant.cpp - tfm.constant -> arith.constant ----------------------===//
//
// The attribute moves over unchanged: `dense_resource` weights stay resource
// blobs (no copy, no re-hash) and become LLVM globals after bufferization;
// small `dense` tensors stay dense.
//
//===----------------------------------------------------------------------===//
#include "targets/common/TfmToLinalg/Utils.h"

#include "dialects/tfm/TfmOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;

namespace {
struct ConstantLowering : OpConversionPattern<tcc::tfm::ConstantOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(tcc::tfm::ConstantOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto value = dyn_cast<TypedAttr>(op.getValueAttr());
    if (!value)
      return rewriter.notifyMatchFailure(op, "value is not a typed attribute");
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(op, value);
    return success();
  }
};
} // namespace

void tcc::tfm_to_linalg::populateConstantPatterns(RewritePatternSet &patterns) {
  patterns.add<ConstantLowering>(patterns.getContext());
}
