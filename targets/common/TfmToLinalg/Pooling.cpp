//===- Pooling.cpp - max_pool2d, avg_pool2d -------------------------------===//
//
// Both pad the input explicitly (tensor.pad) and then run a named NCHW
// pooling op over a [KH, KW] window tensor:
//  * max_pool2d pads with -inf so padding never wins, and
//    linalg.pooling_nchw_max (arith.maximumf: NaN propagates) starts from
//    -inf;
//  * avg_pool2d sums with linalg.pooling_nchw_sum over zero padding and
//    divides by a compile-time [OH, OW] table of window sizes: with
//    count_include_pad the window clipped to the padded input (torch's
//    rule, which also covers ceil_mode windows running past the padding),
//    without it the number of in-bounds elements.
// ceil_mode's last window may reach past the declared bottom/right
// padding; the high padding is grown to cover exactly what the output
// windows read.
//
//===----------------------------------------------------------------------===//
#include "targets/common/TfmToLinalg/Utils.h"

#include "dialects/tfm/TfmOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"

#include <algorithm>

using namespace mlir;
namespace tfm = tcc::tfm;
using namespace tcc::tfm_to_linalg;

namespace {

/// Low/high padding of the NCHW input such that every window of the output
/// lies inside the padded tensor.
void windowPadding(ArrayRef<int64_t> inShape, ArrayRef<int64_t> outShape,
                   ArrayRef<int64_t> kernel, ArrayRef<int64_t> strides,
                   ArrayRef<int64_t> dilations, ArrayRef<int64_t> padding,
                   SmallVectorImpl<int64_t> &low,
                   SmallVectorImpl<int64_t> &high) {
  low.assign({0, 0, padding[0], padding[1]});
  high.assign({0, 0, 0, 0});
  for (int i = 0; i < 2; ++i) {
    int64_t needed =
        (outShape[2 + i] - 1) * strides[i] + dilations[i] * (kernel[i] - 1) + 1;
    high[2 + i] = std::max<int64_t>(0, needed - inShape[2 + i] - padding[i]);
  }
}

struct MaxPoolLowering : OpConversionPattern<tfm::MaxPool2dOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(tfm::MaxPool2dOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto inType = cast<RankedTensorType>(adaptor.getInput().getType());
    auto outType = cast<RankedTensorType>(op.getType());
    Type element = inType.getElementType();
    SmallVector<int64_t> low, high;
    windowPadding(inType.getShape(), outType.getShape(), op.getKernel(),
                  op.getStrides(), op.getDilations(), op.getPadding(), low,
                  high);
    Value lowest = lowestValue(rewriter, loc, element);
    Value padded =
        padTensor(rewriter, loc, adaptor.getInput(), low, high, lowest);
    Value window = emptyTensor(rewriter, loc, op.getKernel(), element);
    Value init = filledTensor(rewriter, loc, outType.getShape(), lowest);
    Value pooled =
        rewriter
            .create<linalg::PoolingNchwMaxOp>(
                loc, TypeRange{outType}, ValueRange{padded, window},
                ValueRange{init}, rewriter.getI64TensorAttr(op.getStrides()),
                rewriter.getI64TensorAttr(op.getDilations()))
            .getResult(0);
    rewriter.replaceOp(op, pooled);
    return success();
  }
};

struct AvgPoolLowering : OpConversionPattern<tfm::AvgPool2dOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(tfm::AvgPool2dOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = getContext();
    auto inType = cast<RankedTensorType>(adaptor.getInput().getType());
    auto outType = cast<RankedTensorType>(op.getType());
    Type element = inType.getElementType();
    ArrayRef<int64_t> kernel = op.getKernel(), strides = op.getStrides(),
                      padding = op.getPadding();
    const int64_t unit[] = {1, 1};
    SmallVector<int64_t> low, high;
    windowPadding(inType.getShape(), outType.getShape(), kernel, strides, unit,
                  padding, low, high);
    Value zero = scalarConstant(rewriter, loc, element, 0.0);
    Value padded =
        padTensor(rewriter, loc, adaptor.getInput(), low, high, zero);
    Value window = emptyTensor(rewriter, loc, kernel, element);
    Value init = filledTensor(rewriter, loc, outType.getShape(), zero);
    Value sums = rewriter
                     .create<linalg::PoolingNchwSumOp>(
                         loc, TypeRange{outType}, ValueRange{padded, window},
                         ValueRange{init}, rewriter.getI64TensorAttr(strides),
                         rewriter.getI64TensorAttr(unit))
                     .getResult(0);

    // Window sizes depend only on the output position: fold them into a
    // constant table instead of recomputing index arithmetic per element.
    bool includePad = op.getCountIncludePad();
    auto extent = [&](int i, int64_t o) {
      int64_t in = inType.getDimSize(2 + i);
      int64_t start = o * strides[i] - padding[i];
      int64_t end = std::min(start + kernel[i], in + padding[2 + i]);
      if (includePad)
        return end - start;
      return std::min(end, in) - std::max<int64_t>(start, 0);
    };
    int64_t oh = outType.getDimSize(2), ow = outType.getDimSize(3);
    SmallVector<Attribute> counts;
    for (int64_t y = 0; y < oh; ++y)
      for (int64_t x = 0; x < ow; ++x)
        counts.push_back(rewriter.getFloatAttr(
            element, static_cast<double>(extent(0, y) * extent(1, x))));
    auto tableType = RankedTensorType::get({oh, ow}, element);
    Value table = rewriter.create<arith::ConstantOp>(
        loc, DenseElementsAttr::get(tableType, counts));
    AffineMap identity = AffineMap::getMultiDimIdentityMap(4, ctx);
    AffineMap spatial = AffineMap::get(
        4, 0, {getAffineDimExpr(2, ctx), getAffineDimExpr(3, ctx)}, ctx);
    Value result =
        rewriter
            .create<linalg::GenericOp>(
                loc, TypeRange{outType}, ValueRange{sums, table},
                ValueRange{
                    emptyTensor(rewriter, loc, outType.getShape(), element)},
                ArrayRef<AffineMap>{identity, spatial, identity},
                parallelIterators(4),
                [](OpBuilder &b, Location l, ValueRange a) {
                  b.create<linalg::YieldOp>(
                      l, ValueRange{b.create<arith::DivFOp>(l, a[0], a[1])});
                })
            .getResult(0);
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void tcc::tfm_to_linalg::populatePoolingPatterns(RewritePatternSet &patterns) {
  patterns.add<MaxPoolLowering, AvgPoolLowering>(patterns.getContext());
}
