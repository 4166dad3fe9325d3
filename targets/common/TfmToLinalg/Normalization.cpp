//===- Normalization.cpp - layer_norm, batch_norm, softmax, gelu ----------===//
//
// Statistics accumulate in f32 for 16-bit floats (accumulatorType) and the
// result is rounded back once at the end.
//  * layer_norm is two-pass like the ONNX reference and torch: the mean
//    first, then the variance of (x - mean), so large offsets do not cancel
//    catastrophically as E[x^2] - E[x]^2 would; `rsqrt(var + eps)` is
//    computed once per normalized row.
//  * batch_norm (inference) folds scale / sqrt(var + eps) per channel, then
//    (x - mean) * that + bias per element.
//  * softmax subtracts the row maximum (see buildSoftmax).
//  * gelu: exact form 0.5 x (1 + erf(x / sqrt 2)); tanh form
//    0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3))).
//
//===----------------------------------------------------------------------===//
#include "targets/common/TfmToLinalg/Utils.h"

#include "dialects/tfm/TfmOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"

#include <cmath>

using namespace mlir;
namespace tfm = tcc::tfm;
using namespace tcc::tfm_to_linalg;

namespace {

Value addF(OpBuilder &b, Location loc, Value x, Value y) {
  return b.create<arith::AddFOp>(loc, x, y);
}

struct LayerNormLowering : OpConversionPattern<tfm::LayerNormOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(tfm::LayerNormOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = getContext();
    Value x = adaptor.getInput();
    auto type = cast<RankedTensorType>(x.getType());
    Type element = type.getElementType();
    Type acc = accumulatorType(element);
    unsigned rank = type.getRank();
    int64_t axis = op.getAxis();
    SmallVector<int64_t> axes;
    for (int64_t d = axis; d < rank; ++d)
      axes.push_back(d);
    ArrayRef<int64_t> outer = type.getShape().take_front(axis);
    auto rowType = RankedTensorType::get(outer, acc);
    double count =
        static_cast<double>(numElements(type.getShape().drop_front(axis)));
    Value zero = scalarConstant(rewriter, loc, acc, 0.0);

    // Pass 1: mean.
    Value sum = buildReduction(rewriter, loc, x, axes, acc, zero, addF);
    Value mean =
        buildElementwise(rewriter, loc, rowType, sum,
                         [&](OpBuilder &b, Location l, ValueRange a) {
                           return b.create<arith::DivFOp>(
                               l, a[0], scalarConstant(b, l, acc, count));
                         });

    // Pass 2: variance of the centred values.
    AffineMap identity = AffineMap::getMultiDimIdentityMap(rank, ctx);
    AffineMap rowMap = dropDimsMap(ctx, rank, axes);
    SmallVector<utils::IteratorType> iterators = parallelIterators(rank);
    for (int64_t d : axes)
      iterators[d] = utils::IteratorType::reduction;
    Value squares =
        rewriter
            .create<linalg::GenericOp>(
                loc, TypeRange{rowType}, ValueRange{x, mean},
                ValueRange{filledTensor(rewriter, loc, outer, zero)},
                ArrayRef<AffineMap>{identity, rowMap, rowMap}, iterators,
                [&](OpBuilder &b, Location l, ValueRange a) {
                  Value d = b.create<arith::SubFOp>(
                      l, convertScalar(b, l, a[0], acc), a[1]);
                  Value sq = b.create<arith::MulFOp>(l, d, d);
                  b.create<linalg::YieldOp>(l, addF(b, l, sq, a[2]));
                })
            .getResult(0);
    double eps = op.getEpsilon().convertToDouble();
    Value invStd = buildElementwise(
        rewriter, loc, rowType, squares,
        [&](OpBuilder &b, Location l, ValueRange a) -> Value {
          Value var = b.create<arith::DivFOp>(l, a[0],
                                              scalarConstant(b, l, acc, count));
          return b.create<math::RsqrtOp>(
              l, addF(b, l, var, scalarConstant(b, l, acc, eps)));
        });

    // Normalize, scale, shift. scale/bias span dims [axis, rank).
    SmallVector<AffineExpr> paramExprs;
    for (int64_t d : axes)
      paramExprs.push_back(getAffineDimExpr(d, ctx));
    AffineMap paramMap = AffineMap::get(rank, 0, paramExprs, ctx);
    SmallVector<Value> inputs{x, mean, invStd};
    SmallVector<AffineMap> maps{identity, rowMap, rowMap};
    Value scale = adaptor.getScale(), bias = adaptor.getBias();
    for (Value param : {scale, bias})
      if (param) {
        inputs.push_back(param);
        maps.push_back(paramMap);
      }
    maps.push_back(identity);
    Value result =
        rewriter
            .create<linalg::GenericOp>(
                loc, TypeRange{type}, inputs,
                ValueRange{
                    emptyTensor(rewriter, loc, type.getShape(), element)},
                maps, parallelIterators(rank),
                [&](OpBuilder &b, Location l, ValueRange a) {
                  Value centred = b.create<arith::SubFOp>(
                      l, convertScalar(b, l, a[0], acc), a[1]);
                  Value y = b.create<arith::MulFOp>(l, centred, a[2]);
                  unsigned next = 3;
                  if (scale)
                    y = b.create<arith::MulFOp>(
                        l, y, convertScalar(b, l, a[next++], acc));
                  if (bias)
                    y = addF(b, l, y, convertScalar(b, l, a[next++], acc));
                  b.create<linalg::YieldOp>(l, convertScalar(b, l, y, element));
                })
            .getResult(0);
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct BatchNormLowering : OpConversionPattern<tfm::BatchNormOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(tfm::BatchNormOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = getContext();
    auto type = cast<RankedTensorType>(adaptor.getInput().getType());
    Type element = type.getElementType();
    Type acc = accumulatorType(element);
    unsigned rank = type.getRank();
    int64_t channels = type.getDimSize(1);
    double eps = op.getEpsilon().convertToDouble();

    // Per channel: scale / sqrt(var + eps).
    Value factor = buildElementwise(
        rewriter, loc, RankedTensorType::get({channels}, acc),
        ValueRange{adaptor.getScale(), adaptor.getVariance()},
        [&](OpBuilder &b, Location l, ValueRange a) -> Value {
          Value var = convertScalar(b, l, a[1], acc);
          Value std = b.create<math::SqrtOp>(
              l, addF(b, l, var, scalarConstant(b, l, acc, eps)));
          return b.create<arith::DivFOp>(l, convertScalar(b, l, a[0], acc),
                                         std);
        });
    AffineMap identity = AffineMap::getMultiDimIdentityMap(rank, ctx);
    AffineMap channelMap = AffineMap::get(rank, 0, getAffineDimExpr(1, ctx));
    Value result =
        rewriter
            .create<linalg::GenericOp>(
                loc, TypeRange{type},
                ValueRange{adaptor.getInput(), adaptor.getMean(), factor,
                           adaptor.getBias()},
                ValueRange{
                    emptyTensor(rewriter, loc, type.getShape(), element)},
                ArrayRef<AffineMap>{identity, channelMap, channelMap,
                                    channelMap, identity},
                parallelIterators(rank),
                [&](OpBuilder &b, Location l, ValueRange a) {
                  Value centred =
                      b.create<arith::SubFOp>(l, convertScalar(b, l, a[0], acc),
                                              convertScalar(b, l, a[1], acc));
                  Value y =
                      addF(b, l, b.create<arith::MulFOp>(l, centred, a[2]),
                           convertScalar(b, l, a[3], acc));
                  b.create<linalg::YieldOp>(l, convertScalar(b, l, y, element));
                })
            .getResult(0);
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct SoftmaxLowering : OpConversionPattern<tfm::SoftmaxOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(tfm::SoftmaxOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, buildSoftmax(rewriter, op.getLoc(),
                                        adaptor.getInput(), op.getAxis()));
    return success();
  }
};

struct GeluLowering : OpConversionPattern<tfm::GeluOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(tfm::GeluOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto type = cast<RankedTensorType>(op.getType());
    Type element = type.getElementType();
    // 16-bit floats evaluate in f32: erf/tanh have no half-precision libm
    // entry points, and the cubic term loses precision in f16.
    Type acc = accumulatorType(element);
    bool tanhForm = op.getApproximate() == tfm::GeluApproximation::tanh;
    Value result = buildElementwise(
        rewriter, op.getLoc(), type, adaptor.getInput(),
        [&](OpBuilder &b, Location l, ValueRange a) {
          Value x = convertScalar(b, l, a[0], acc);
          auto c = [&](double v) { return scalarConstant(b, l, acc, v); };
          Value inner;
          if (tanhForm) {
            Value x3 =
                b.create<arith::MulFOp>(l, b.create<arith::MulFOp>(l, x, x), x);
            Value poly =
                addF(b, l, x, b.create<arith::MulFOp>(l, c(0.044715), x3));
            Value arg =
                b.create<arith::MulFOp>(l, c(std::sqrt(2.0 / M_PI)), poly);
            inner = b.create<math::TanhOp>(l, arg);
          } else {
            inner = b.create<math::ErfOp>(
                l, b.create<arith::MulFOp>(l, x, c(M_SQRT1_2)));
          }
          Value half = b.create<arith::MulFOp>(l, c(0.5), x);
          Value y = b.create<arith::MulFOp>(l, half, addF(b, l, c(1.0), inner));
          return convertScalar(b, l, y, element);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void tcc::tfm_to_linalg::populateNormalizationPatterns(
    RewritePatternSet &patterns) {
  patterns
      .add<LayerNormLowering, BatchNormLowering, SoftmaxLowering, GeluLowering>(
          patterns.getContext());
}
