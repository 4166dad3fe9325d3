//===- Contraction.cpp - linear, matmul, conv2d ---------------------------===//
//
// Contractions map onto named linalg ops so that backends can match them
// with their microkernels and tiling strategies:
//  * linear: leading dims collapse into M, one linalg.matmul [M,K]x[K,N]
//    accumulating into the broadcast bias (or zeros);
//  * matmul: linalg.matmul when there are no batch dims or only the lhs has
//    them, linalg.batch_matmul when both sides carry the same batch dims,
//    and a linalg.generic with broadcasting maps for numpy batch broadcasts;
//  * conv2d: zero tensor.pad, then linalg.conv_2d_nchw_fchw (groups = 1) or
//    linalg.conv_2d_ngchw_gfchw on [N,G,C/G,H,W] x [G,F/G,C/G,KH,KW]
//    (grouped and depthwise), accumulating into the broadcast bias.
//
//===----------------------------------------------------------------------===//
#include "targets/common/TfmToLinalg/Utils.h"

#include "dialects/tfm/TfmOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
namespace tfm = tcc::tfm;
using namespace tcc::tfm_to_linalg;

namespace {

/// Accumulator of shape `shape` for a contraction: the bias broadcast by
/// adding the dims `broadcastDims`, or zeros without a bias.
Value contractionInit(OpBuilder &b, Location loc, ArrayRef<int64_t> shape,
                      Type element, Value bias,
                      ArrayRef<int64_t> broadcastDims) {
  if (!bias)
    return filledTensor(b, loc, shape, scalarConstant(b, loc, element, 0.0));
  Value init = emptyTensor(b, loc, shape, element);
  return b.create<linalg::BroadcastOp>(loc, bias, init, broadcastDims)
      .getResult()[0];
}

Value matmul2d(OpBuilder &b, Location loc, Value lhs, Value rhs, Value init) {
  return b
      .create<linalg::MatmulOp>(loc, TypeRange{init.getType()},
                                ValueRange{lhs, rhs}, ValueRange{init})
      .getResult(0);
}

struct LinearLowering : OpConversionPattern<tfm::LinearOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(tfm::LinearOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto inType = cast<RankedTensorType>(adaptor.getInput().getType());
    auto wType = cast<RankedTensorType>(adaptor.getWeight().getType());
    int64_t k = wType.getDimSize(0), n = wType.getDimSize(1);
    int64_t m = numElements(inType.getShape().drop_back());
    Value x = reshapeTo(rewriter, loc, adaptor.getInput(), {m, k});
    Value init = contractionInit(rewriter, loc, {m, n}, inType.getElementType(),
                                 adaptor.getBias(), /*broadcastDims=*/{0});
    Value product = matmul2d(rewriter, loc, x, adaptor.getWeight(), init);
    rewriter.replaceOp(
        op, reshapeTo(rewriter, loc, product, op.getType().getShape()));
    return success();
  }
};

/// Targets without a fused GEMM epilogue run the parts one after another:
/// the op becomes tfm.linear, its activation and tfm.add again, which the
/// conversion then lowers like any others.
struct FusedLinearLowering : OpConversionPattern<tfm::FusedLinearOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(tfm::FusedLinearOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type type = op.getType();
    Value y = rewriter.create<tfm::LinearOp>(loc, type, adaptor.getInput(),
                                             adaptor.getWeight(),
                                             adaptor.getBias());
    switch (op.getActivation()) {
    case tfm::Activation::none:
      break;
    case tfm::Activation::gelu:
    case tfm::Activation::gelu_tanh:
      y = rewriter.create<tfm::GeluOp>(
          loc, type, y,
          tfm::GeluApproximationAttr::get(
              getContext(), op.getActivation() == tfm::Activation::gelu
                                ? tfm::GeluApproximation::none
                                : tfm::GeluApproximation::tanh));
      break;
    case tfm::Activation::relu:
      y = rewriter.create<tfm::ReluOp>(loc, type, y);
      break;
    }
    if (Value residual = adaptor.getResidual())
      y = rewriter.create<tfm::AddOp>(loc, type, y, residual);
    rewriter.replaceOp(op, y);
    return success();
  }
};

struct MatmulLowering : OpConversionPattern<tfm::MatmulOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(tfm::MatmulOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto lhsType = cast<RankedTensorType>(adaptor.getLhs().getType());
    auto rhsType = cast<RankedTensorType>(adaptor.getRhs().getType());
    Type element = lhsType.getElementType();
    if (!isa<FloatType, IntegerType>(element))
      return rewriter.notifyMatchFailure(op, "unsupported element type");
    // numpy: a rank-1 lhs is a row [1, K], a rank-1 rhs a column [K, 1];
    // the unit dims are dropped again by the final reshape.
    SmallVector<int64_t> l(lhsType.getShape()), r(rhsType.getShape());
    if (l.size() == 1)
      l.insert(l.begin(), 1);
    if (r.size() == 1)
      r.push_back(1);
    Value lhs = reshapeTo(rewriter, loc, adaptor.getLhs(), l);
    Value rhs = reshapeTo(rewriter, loc, adaptor.getRhs(), r);
    ArrayRef<int64_t> lBatch = ArrayRef<int64_t>(l).drop_back(2);
    ArrayRef<int64_t> rBatch = ArrayRef<int64_t>(r).drop_back(2);
    auto batch = tfm::broadcastShapes(lBatch, rBatch);
    if (failed(batch))
      return rewriter.notifyMatchFailure(op, "batch dims do not broadcast");
    int64_t m = l[l.size() - 2], k = l.back(), n = r.back();
    int64_t batchCount = numElements(*batch);
    Value zero = scalarConstant(rewriter, loc, element, 0.0);

    SmallVector<int64_t> fullShape(*batch);
    fullShape.append({m, n});
    Value result;
    if (rBatch.empty()) {
      // [B..., M, K] x [K, N] is one [B*M, K] x [K, N] matmul.
      Value flat = reshapeTo(rewriter, loc, lhs, {batchCount * m, k});
      Value init = filledTensor(rewriter, loc, {batchCount * m, n}, zero);
      result = matmul2d(rewriter, loc, flat, rhs, init);
    } else if (lBatch == ArrayRef<int64_t>(*batch) &&
               rBatch == ArrayRef<int64_t>(*batch)) {
      Value l3 = reshapeTo(rewriter, loc, lhs, {batchCount, m, k});
      Value r3 = reshapeTo(rewriter, loc, rhs, {batchCount, k, n});
      Value init = filledTensor(rewriter, loc, {batchCount, m, n}, zero);
      result = rewriter
                   .create<linalg::BatchMatmulOp>(
                       loc, TypeRange{init.getType()}, ValueRange{l3, r3},
                       ValueRange{init})
                   .getResult(0);
    } else {
      result = broadcastingMatmul(rewriter, loc, lhs, rhs, fullShape, zero);
    }
    rewriter.replaceOp(
        op, reshapeTo(rewriter, loc, result, op.getType().getShape()));
    return success();
  }

  /// Batch dims that broadcast: iteration space (batch..., m, n, k), each
  /// operand's batch dims read through the numpy-broadcast map.
  static Value broadcastingMatmul(OpBuilder &b, Location loc, Value lhs,
                                  Value rhs, ArrayRef<int64_t> fullShape,
                                  Value zero) {
    MLIRContext *ctx = b.getContext();
    unsigned batchRank = fullShape.size() - 2;
    unsigned loops = batchRank + 3;
    AffineExpr m = getAffineDimExpr(batchRank, ctx);
    AffineExpr n = getAffineDimExpr(batchRank + 1, ctx);
    AffineExpr k = getAffineDimExpr(batchRank + 2, ctx);
    ArrayRef<int64_t> batch = fullShape.drop_back(2);
    auto operandMap = [&](Value v, AffineExpr row, AffineExpr col) {
      ArrayRef<int64_t> shape = cast<RankedTensorType>(v.getType()).getShape();
      AffineMap batchMap = broadcastMap(ctx, shape.drop_back(2), batch);
      SmallVector<AffineExpr> exprs(batchMap.getResults());
      exprs.append({row, col});
      return AffineMap::get(loops, 0, exprs, ctx);
    };
    SmallVector<AffineExpr> outExprs;
    for (unsigned d = 0; d < batchRank; ++d)
      outExprs.push_back(getAffineDimExpr(d, ctx));
    outExprs.append({m, n});
    SmallVector<AffineMap> maps{operandMap(lhs, m, k), operandMap(rhs, k, n),
                                AffineMap::get(loops, 0, outExprs, ctx)};
    SmallVector<utils::IteratorType> iterators = parallelIterators(loops);
    iterators.back() = utils::IteratorType::reduction;
    Value init = filledTensor(b, loc, fullShape, zero);
    bool isFloat = isa<FloatType>(zero.getType());
    return b
        .create<linalg::GenericOp>(
            loc, TypeRange{init.getType()}, ValueRange{lhs, rhs},
            ValueRange{init}, maps, iterators,
            [&](OpBuilder &nb, Location nloc, ValueRange args) {
              Value sum;
              if (isFloat)
                sum = nb.create<arith::AddFOp>(
                    nloc, args[2],
                    nb.create<arith::MulFOp>(nloc, args[0], args[1]));
              else
                sum = nb.create<arith::AddIOp>(
                    nloc, args[2],
                    nb.create<arith::MulIOp>(nloc, args[0], args[1]));
              nb.create<linalg::YieldOp>(nloc, sum);
            })
        .getResult(0);
  }
};

struct Conv2dLowering : OpConversionPattern<tfm::Conv2dOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(tfm::Conv2dOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto inType = cast<RankedTensorType>(adaptor.getInput().getType());
    auto wType = cast<RankedTensorType>(adaptor.getWeight().getType());
    Type element = inType.getElementType();
    ArrayRef<int64_t> pad = op.getPadding(); // [top, left, bottom, right]
    ArrayRef<int64_t> outShape = op.getType().getShape();
    int64_t groups = op.getGroups();

    Value input = adaptor.getInput();
    if (llvm::any_of(pad, [](int64_t p) { return p != 0; }))
      input = padTensor(rewriter, loc, input, {0, 0, pad[0], pad[1]},
                        {0, 0, pad[2], pad[3]},
                        scalarConstant(rewriter, loc, element, 0.0));
    Attribute strides = rewriter.getI64TensorAttr(op.getStrides());
    Attribute dilations = rewriter.getI64TensorAttr(op.getDilations());

    if (groups == 1) {
      Value init = contractionInit(rewriter, loc, outShape, element,
                                   adaptor.getBias(), {0, 2, 3});
      Value conv = rewriter
                       .create<linalg::Conv2DNchwFchwOp>(
                           loc, TypeRange{init.getType()},
                           ValueRange{input, adaptor.getWeight()},
                           ValueRange{init}, strides, dilations)
                       .getResult(0);
      rewriter.replaceOp(op, conv);
      return success();
    }

    // Grouped (and depthwise, C/G = 1): split the channel dims into
    // [G, C/G] and [G, F/G] so group g only sees its own channels.
    auto padType = cast<RankedTensorType>(input.getType());
    int64_t cg = wType.getDimSize(1), fg = wType.getDimSize(0) / groups;
    Value groupedIn = reshapeTo(rewriter, loc, input,
                                {padType.getDimSize(0), groups, cg,
                                 padType.getDimSize(2), padType.getDimSize(3)});
    Value groupedW =
        reshapeTo(rewriter, loc, adaptor.getWeight(),
                  {groups, fg, cg, wType.getDimSize(2), wType.getDimSize(3)});
    SmallVector<int64_t> groupedOut{outShape[0], groups, fg, outShape[2],
                                    outShape[3]};
    Value bias = adaptor.getBias();
    if (bias)
      bias = reshapeTo(rewriter, loc, bias, {groups, fg});
    Value init =
        contractionInit(rewriter, loc, groupedOut, element, bias, {0, 3, 4});
    Value conv =
        rewriter
            .create<linalg::Conv2DNgchwGfchwOp>(
                loc, TypeRange{init.getType()}, ValueRange{groupedIn, groupedW},
                ValueRange{init}, strides, dilations)
            .getResult(0);
    rewriter.replaceOp(op, reshapeTo(rewriter, loc, conv, outShape));
    return success();
  }
};

} // namespace

void tcc::tfm_to_linalg::populateContractionPatterns(
    RewritePatternSet &patterns) {
  patterns.add<LinearLowering, FusedLinearLowering, MatmulLowering,
               Conv2dLowering>(
      patterns.getContext());
}
