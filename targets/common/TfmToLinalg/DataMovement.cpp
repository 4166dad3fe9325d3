//===- DataMovement.cpp - reshapes, slices, gathers, pads, casts ----------===//
//
// reshape, transpose, slice, concat, gather, pad, broadcast_to and cast:
//  * reshape: tensor.collapse_shape / expand_shape (one op when a
//    reassociation exists, else collapse to 1-D and expand);
//  * transpose: linalg.transpose;
//  * slice: tensor.extract_slice for positive strides; with a negative
//    stride a linalg.generic whose input map is `offset + stride * d`;
//  * concat: tensor.insert_slice of each input into a tensor.empty;
//  * gather: linalg.generic over the result reading the indices, with
//    tensor.extract from the data. Negative indices wrap (index + dim) and
//    out-of-range ones clamp into [0, dim) so the generated code never
//    reads outside the data;
//  * pad: tensor.pad for constant mode; reflect/edge compute the source
//    coordinate from linalg.index (mirror without repeating the edge, or
//    clamp) and tensor.extract it;
//  * broadcast_to: linalg.broadcast when it only adds leading dims, else a
//    generic with constant-0 maps for stretched unit dims;
//  * cast: elementwise conversion with ONNX Cast semantics (convertScalar).
//
//===----------------------------------------------------------------------===//
#include "targets/common/TfmToLinalg/Utils.h"

#include "dialects/tfm/TfmOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;
namespace tfm = tcc::tfm;
using namespace tcc::tfm_to_linalg;

namespace {

struct ReshapeLowering : OpConversionPattern<tfm::ReshapeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(tfm::ReshapeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, reshapeTo(rewriter, op.getLoc(), adaptor.getInput(),
                                     op.getType().getShape()));
    return success();
  }
};

struct TransposeLowering : OpConversionPattern<tfm::TransposeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(tfm::TransposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, transposeTensor(rewriter, op.getLoc(),
                                           adaptor.getInput(), op.getPerm()));
    return success();
  }
};

struct SliceLowering : OpConversionPattern<tfm::SliceOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(tfm::SliceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = getContext();
    auto resultType = cast<RankedTensorType>(op.getType());
    ArrayRef<int64_t> offsets = op.getOffsets(), sizes = op.getSizes(),
                      strides = op.getStrides();
    if (llvm::all_of(strides, [](int64_t s) { return s > 0; })) {
      if (adaptor.getInput().getType() == resultType) {
        rewriter.replaceOp(op, adaptor.getInput());
        return success();
      }
      rewriter.replaceOpWithNewOp<tensor::ExtractSliceOp>(
          op, resultType, adaptor.getInput(),
          getAsIndexOpFoldResult(ctx, offsets),
          getAsIndexOpFoldResult(ctx, sizes),
          getAsIndexOpFoldResult(ctx, strides));
      return success();
    }
    // Element i of dim d is input[offsets[d] + i * strides[d]]: an affine
    // read, so the generic stays analysable (no tensor.extract).
    unsigned rank = resultType.getRank();
    SmallVector<AffineExpr> exprs;
    for (unsigned d = 0; d < rank; ++d)
      exprs.push_back(getAffineConstantExpr(offsets[d], ctx) +
                      getAffineDimExpr(d, ctx) * strides[d]);
    Value init = emptyTensor(rewriter, loc, sizes, resultType.getElementType());
    auto generic = rewriter.create<linalg::GenericOp>(
        loc, TypeRange{resultType}, ValueRange{adaptor.getInput()},
        ValueRange{init},
        ArrayRef<AffineMap>{AffineMap::get(rank, 0, exprs, ctx),
                            AffineMap::getMultiDimIdentityMap(rank, ctx)},
        parallelIterators(rank), [](OpBuilder &b, Location l, ValueRange a) {
          b.create<linalg::YieldOp>(l, a[0]);
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }
};

struct ConcatLowering : OpConversionPattern<tfm::ConcatOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(tfm::ConcatOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto resultType = cast<RankedTensorType>(op.getType());
    int64_t axis = op.getAxis();
    unsigned rank = resultType.getRank();
    Value result = emptyTensor(rewriter, loc, resultType.getShape(),
                               resultType.getElementType());
    int64_t offset = 0;
    for (Value input : adaptor.getInputs()) {
      auto type = cast<RankedTensorType>(input.getType());
      if (type.getNumElements() == 0)
        continue;
      SmallVector<OpFoldResult> offsets(rank, rewriter.getIndexAttr(0));
      offsets[axis] = rewriter.getIndexAttr(offset);
      SmallVector<OpFoldResult> sizes, strides(rank, rewriter.getIndexAttr(1));
      for (int64_t size : type.getShape())
        sizes.push_back(rewriter.getIndexAttr(size));
      result = rewriter.create<tensor::InsertSliceOp>(loc, input, result,
                                                      offsets, sizes, strides);
      offset += type.getDimSize(axis);
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

Value indexConstant(OpBuilder &b, Location loc, int64_t v) {
  return b.create<arith::ConstantIndexOp>(loc, v);
}

struct GatherLowering : OpConversionPattern<tfm::GatherOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(tfm::GatherOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = getContext();
    Value data = adaptor.getData();
    auto dataType = cast<RankedTensorType>(data.getType());
    auto indicesType = cast<RankedTensorType>(adaptor.getIndices().getType());
    auto resultType = cast<RankedTensorType>(op.getType());
    int64_t axis = op.getAxis();
    int64_t dim = dataType.getDimSize(axis);
    if (dim == 0)
      return rewriter.notifyMatchFailure(
          op, "gathers from an empty axis: every index is out of range");
    unsigned rank = resultType.getRank();
    unsigned indexRank = indicesType.getRank();
    SmallVector<AffineExpr> indexExprs;
    for (unsigned d = 0; d < indexRank; ++d)
      indexExprs.push_back(getAffineDimExpr(axis + d, ctx));
    Value init = emptyTensor(rewriter, loc, resultType.getShape(),
                             resultType.getElementType());
    auto generic = rewriter.create<linalg::GenericOp>(
        loc, TypeRange{resultType}, ValueRange{adaptor.getIndices()},
        ValueRange{init},
        ArrayRef<AffineMap>{AffineMap::get(rank, 0, indexExprs, ctx),
                            AffineMap::getMultiDimIdentityMap(rank, ctx)},
        parallelIterators(rank), [&](OpBuilder &b, Location l, ValueRange a) {
          Value index = b.create<arith::IndexCastOp>(l, b.getIndexType(), a[0]);
          Value zero = indexConstant(b, l, 0);
          Value negative = b.create<arith::CmpIOp>(l, arith::CmpIPredicate::slt,
                                                   index, zero);
          Value wrapped =
              b.create<arith::AddIOp>(l, index, indexConstant(b, l, dim));
          index = b.create<arith::SelectOp>(l, negative, wrapped, index);
          index = b.create<arith::MaxSIOp>(l, index, zero);
          index =
              b.create<arith::MinSIOp>(l, index, indexConstant(b, l, dim - 1));
          SmallVector<Value> coords;
          for (int64_t d = 0; d < axis; ++d)
            coords.push_back(b.create<linalg::IndexOp>(l, d));
          coords.push_back(index);
          for (int64_t d = axis + 1; d < dataType.getRank(); ++d)
            coords.push_back(b.create<linalg::IndexOp>(l, d - 1 + indexRank));
          b.create<linalg::YieldOp>(
              l, ValueRange{b.create<tensor::ExtractOp>(l, data, coords)});
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }
};

struct PadLowering : OpConversionPattern<tfm::PadOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(tfm::PadOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto type = cast<RankedTensorType>(input.getType());
    Type element = type.getElementType();
    ArrayRef<int64_t> low = op.getLow(), high = op.getHigh();
    if (op.getMode() == tfm::PadMode::constant) {
      if (!isa<FloatType, IntegerType>(element))
        return rewriter.notifyMatchFailure(op, "unsupported element type");
      Value fill = scalarConstant(rewriter, loc, element,
                                  op.getValue().convertToDouble());
      rewriter.replaceOp(op, padTensor(rewriter, loc, input, low, high, fill));
      return success();
    }
    if (type == op.getType()) {
      rewriter.replaceOp(op, input);
      return success();
    }
    bool reflect = op.getMode() == tfm::PadMode::reflect;
    auto resultType = cast<RankedTensorType>(op.getType());
    unsigned rank = resultType.getRank();
    Value init = emptyTensor(rewriter, loc, resultType.getShape(), element);
    auto generic = rewriter.create<linalg::GenericOp>(
        loc, TypeRange{resultType}, ValueRange{}, ValueRange{init},
        ArrayRef<AffineMap>{
            AffineMap::getMultiDimIdentityMap(rank, getContext())},
        parallelIterators(rank), [&](OpBuilder &b, Location l, ValueRange) {
          SmallVector<Value> coords;
          for (unsigned d = 0; d < rank; ++d) {
            Value i = b.create<linalg::IndexOp>(l, d);
            if (low[d] == 0 && high[d] == 0) {
              coords.push_back(i);
              continue;
            }
            int64_t n = type.getDimSize(d);
            Value zero = indexConstant(b, l, 0);
            Value last = indexConstant(b, l, n - 1);
            Value j = low[d] == 0 ? i
                                  : b.create<arith::SubIOp>(
                                        l, i, indexConstant(b, l, low[d]));
            if (reflect) {
              // Mirror about the first/last element without repeating it:
              // -1 -> 1, n -> n - 2. One reflection suffices because the
              // verifier keeps the padding below the dim size.
              Value before = b.create<arith::CmpIOp>(
                  l, arith::CmpIPredicate::slt, j, zero);
              j = b.create<arith::SelectOp>(
                  l, before, b.create<arith::SubIOp>(l, zero, j), j);
              Value after = b.create<arith::CmpIOp>(
                  l, arith::CmpIPredicate::sgt, j, last);
              Value mirrored = b.create<arith::SubIOp>(
                  l, indexConstant(b, l, 2 * (n - 1)), j);
              j = b.create<arith::SelectOp>(l, after, mirrored, j);
            } else {
              j = b.create<arith::MaxSIOp>(l, j, zero);
              j = b.create<arith::MinSIOp>(l, j, last);
            }
            coords.push_back(j);
          }
          b.create<linalg::YieldOp>(
              l, ValueRange{b.create<tensor::ExtractOp>(l, input, coords)});
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }
};

struct BroadcastToLowering : OpConversionPattern<tfm::BroadcastToOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(tfm::BroadcastToOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto inType = cast<RankedTensorType>(input.getType());
    auto resultType = cast<RankedTensorType>(op.getType());
    if (inType == resultType) {
      rewriter.replaceOp(op, input);
      return success();
    }
    int64_t added = resultType.getRank() - inType.getRank();
    if (inType.getShape() == resultType.getShape().drop_front(added)) {
      SmallVector<int64_t> dims;
      for (int64_t d = 0; d < added; ++d)
        dims.push_back(d);
      Value init = emptyTensor(rewriter, loc, resultType.getShape(),
                               resultType.getElementType());
      rewriter.replaceOp(
          op, rewriter.create<linalg::BroadcastOp>(loc, input, init, dims)
                  .getResult()[0]);
      return success();
    }
    rewriter.replaceOp(op, buildElementwise(rewriter, loc, resultType, input,
                                            [](OpBuilder &, Location,
                                               ValueRange a) { return a[0]; }));
    return success();
  }
};

struct CastLowering : OpConversionPattern<tfm::CastOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(tfm::CastOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = cast<RankedTensorType>(op.getType());
    Type src = op.getInput().getType().getElementType();
    Type dst = resultType.getElementType();
    if (src == dst) {
      rewriter.replaceOp(op, adaptor.getInput());
      return success();
    }
    if (!isConvertible(src, dst))
      return rewriter.notifyMatchFailure(op, "no conversion between types");
    rewriter.replaceOp(
        op,
        buildElementwise(rewriter, op.getLoc(), resultType, adaptor.getInput(),
                         [&](OpBuilder &b, Location l, ValueRange a) {
                           return convertScalar(b, l, a[0], dst);
                         }));
    return success();
  }
};

} // namespace

void tcc::tfm_to_linalg::populateDataMovementPatterns(
    RewritePatternSet &patterns) {
  patterns
      .add<ReshapeLowering, TransposeLowering, SliceLowering, ConcatLowering,
           GatherLowering, PadLowering, BroadcastToLowering, CastLowering>(
          patterns.getContext());
}
