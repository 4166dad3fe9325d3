//===- Reduction.cpp - reduce_{sum,mean,max,min,prod}, argmax, argmin -----===//
//
// A reduction is one linalg.generic whose output map drops the reduced dims
// (reduction iterators there), initialised with the identity of the
// combiner: 0 for sum/mean, 1 for prod, -inf / +inf for float max / min
// (the signed extremes for integers). keep_dims re-inserts the unit dims
// with a tensor.expand_shape. Float max/min use maximumf/minimumf so a NaN
// anywhere in the reduced range gives NaN, as numpy does. reduce_mean
// divides by the number of reduced elements; sums of 16-bit floats
// accumulate in f32.
//
// argmax/argmin carry (best value, best index) through a two-output
// generic with linalg.index. numpy semantics for NaN: the first NaN is the
// extremum (the last one with select_last_index, which ONNX defines as
// argmax of the reversed axis).
//
//===----------------------------------------------------------------------===//
#include "targets/common/TfmToLinalg/Utils.h"

#include "dialects/tfm/TfmOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
namespace tfm = tcc::tfm;
using namespace tcc::tfm_to_linalg;

namespace {

enum class Kind { Sum, Mean, Max, Min, Prod };

template <typename OpTy, Kind kind>
struct ReduceLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto type = cast<RankedTensorType>(input.getType());
    auto resultType = cast<RankedTensorType>(op.getType());
    Type element = type.getElementType();
    if (!isa<FloatType, IntegerType>(element))
      return rewriter.notifyMatchFailure(op, "unsupported element type");
    ArrayRef<int64_t> axes = op.getAxes();
    if (axes.empty()) { // Reduces nothing: the op is the identity.
      rewriter.replaceOp(op, input);
      return success();
    }
    bool isFloat = isa<FloatType>(element);
    // max/min are exact in any precision; sums and products widen.
    Type acc = (kind == Kind::Max || kind == Kind::Min)
                   ? element
                   : accumulatorType(element);
    Value init;
    switch (kind) {
    case Kind::Sum:
    case Kind::Mean:
      init = scalarConstant(rewriter, loc, acc, 0.0);
      break;
    case Kind::Prod:
      init = scalarConstant(rewriter, loc, acc, 1.0);
      break;
    case Kind::Max:
      init = lowestValue(rewriter, loc, acc);
      break;
    case Kind::Min:
      init = highestValue(rewriter, loc, acc);
      break;
    }
    Value reduced = buildReduction(
        rewriter, loc, input, axes, acc, init,
        [&](OpBuilder &b, Location l, Value x, Value a) -> Value {
          switch (kind) {
          case Kind::Sum:
          case Kind::Mean:
            if (isFloat)
              return b.create<arith::AddFOp>(l, x, a);
            return b.create<arith::AddIOp>(l, x, a);
          case Kind::Prod:
            if (isFloat)
              return b.create<arith::MulFOp>(l, x, a);
            return b.create<arith::MulIOp>(l, x, a);
          case Kind::Max:
            if (isFloat)
              return b.create<arith::MaximumFOp>(l, x, a);
            return b.create<arith::MaxSIOp>(l, x, a);
          case Kind::Min:
            if (isFloat)
              return b.create<arith::MinimumFOp>(l, x, a);
            return b.create<arith::MinSIOp>(l, x, a);
          }
          llvm_unreachable("reduction kind");
        });

    int64_t count = 1;
    for (int64_t axis : axes)
      count *= type.getDimSize(axis);
    // An integer mean over an empty range would divide by zero (a trap);
    // it stays 0 instead. A float mean over nothing is 0/0 = NaN like numpy.
    bool divide = kind == Kind::Mean && (isFloat || count != 0);
    if (divide || acc != element) {
      auto reducedType = cast<RankedTensorType>(reduced.getType());
      reduced = buildElementwise(
          rewriter, loc, RankedTensorType::get(reducedType.getShape(), element),
          reduced, [&](OpBuilder &b, Location l, ValueRange a) -> Value {
            Value v = a[0];
            if (divide) {
              Value n = scalarConstant(b, l, acc, static_cast<double>(count));
              // Integer means truncate toward zero like integer division.
              v = isFloat ? b.create<arith::DivFOp>(l, v, n).getResult()
                          : b.create<arith::DivSIOp>(l, v, n).getResult();
            }
            return convertScalar(b, l, v, element);
          });
    }
    rewriter.replaceOp(
        op, reshapeTo(rewriter, loc, reduced, resultType.getShape()));
    return success();
  }
};

template <typename OpTy, bool isMax>
struct ArgReduceLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = rewriter.getContext();
    Value input = adaptor.getInput();
    auto type = cast<RankedTensorType>(input.getType());
    Type element = type.getElementType();
    if (!isa<FloatType, IntegerType>(element))
      return rewriter.notifyMatchFailure(op, "unsupported element type");
    bool isFloat = isa<FloatType>(element);
    int64_t axis = op.getAxis();
    bool last = op.getSelectLastIndex();
    unsigned rank = type.getRank();
    SmallVector<int64_t> shape;
    for (unsigned d = 0; d < rank; ++d)
      if (d != axis)
        shape.push_back(type.getDimSize(d));
    Value initValue = isMax ? lowestValue(rewriter, loc, element)
                            : highestValue(rewriter, loc, element);
    Type i64 = rewriter.getI64Type();
    Value values = filledTensor(rewriter, loc, shape, initValue);
    Value indices = filledTensor(rewriter, loc, shape,
                                 scalarConstant(rewriter, loc, i64, 0.0));
    SmallVector<utils::IteratorType> iterators = parallelIterators(rank);
    iterators[axis] = utils::IteratorType::reduction;
    AffineMap rowMap = dropDimsMap(ctx, rank, {axis});
    auto generic = rewriter.create<linalg::GenericOp>(
        loc, TypeRange{values.getType(), indices.getType()}, ValueRange{input},
        ValueRange{values, indices},
        ArrayRef<AffineMap>{AffineMap::getMultiDimIdentityMap(rank, ctx),
                            rowMap, rowMap},
        iterators, [&](OpBuilder &b, Location l, ValueRange a) {
          Value x = a[0], best = a[1], bestIndex = a[2];
          Value take;
          if (isFloat) {
            // Strict comparison keeps the first extremum; non-strict moves
            // to the last. The initial +-inf with index 0 is replaced by
            // an equal element only in the select_last_index case, which
            // is what an all -inf (+inf) row needs.
            auto pred = isMax ? (last ? arith::CmpFPredicate::OGE
                                      : arith::CmpFPredicate::OGT)
                              : (last ? arith::CmpFPredicate::OLE
                                      : arith::CmpFPredicate::OLT);
            take = b.create<arith::CmpFOp>(l, pred, x, best);
            Value xNan =
                b.create<arith::CmpFOp>(l, arith::CmpFPredicate::UNO, x, x);
            if (last) {
              take = b.create<arith::OrIOp>(l, take, xNan);
            } else {
              Value bestOrdered = b.create<arith::CmpFOp>(
                  l, arith::CmpFPredicate::ORD, best, best);
              take = b.create<arith::OrIOp>(
                  l, take, b.create<arith::AndIOp>(l, xNan, bestOrdered));
            }
          } else {
            auto pred = isMax ? (last ? arith::CmpIPredicate::sge
                                      : arith::CmpIPredicate::sgt)
                              : (last ? arith::CmpIPredicate::sle
                                      : arith::CmpIPredicate::slt);
            take = b.create<arith::CmpIOp>(l, pred, x, best);
          }
          Value index = b.create<arith::IndexCastOp>(
              l, i64, b.create<linalg::IndexOp>(l, axis));
          b.create<linalg::YieldOp>(
              l,
              ValueRange{b.create<arith::SelectOp>(l, take, x, best),
                         b.create<arith::SelectOp>(l, take, index, bestIndex)});
        });
    rewriter.replaceOp(op, reshapeTo(rewriter, loc, generic.getResult(1),
                                     op.getType().getShape()));
    return success();
  }
};

} // namespace

void tcc::tfm_to_linalg::populateReductionPatterns(
    RewritePatternSet &patterns) {
  MLIRContext *ctx = patterns.getContext();
  patterns.add<ReduceLowering<tfm::ReduceSumOp, Kind::Sum>,
               ReduceLowering<tfm::ReduceMeanOp, Kind::Mean>,
               ReduceLowering<tfm::ReduceMaxOp, Kind::Max>,
               ReduceLowering<tfm::ReduceMinOp, Kind::Min>,
               ReduceLowering<tfm::ReduceProdOp, Kind::Prod>,
               ArgReduceLowering<tfm::ArgMaxOp, true>,
               ArgReduceLowering<tfm::ArgMinOp, false>>(ctx);
}
