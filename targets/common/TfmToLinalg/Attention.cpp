//===- Attention.cpp - tfm.attention -> two batch matmuls and a softmax ---===//
//
// Heads are packed in the last dim ([B..., S, H*D]). The lowering splits
// them out (collapse the batch dims into one, expand the last dim into
// [H, D]), moves heads next to the batch with linalg.transpose, and runs
//   scores = batch_matmul([nb*H, Sq, Dk], [nb*H, Dk, Skv])
//   probs  = softmax(scale * scores + mask) over Skv
//   out    = batch_matmul([nb*H, Sq, Skv], [nb*H, Skv, Dv])
// then merges the heads back. The scale and mask are applied on the scores
// reshaped to [B..., H, Sq, Skv], the shape the mask broadcasts to, so
// each mask dim (batch dims included) keeps its own broadcast map.
//
//===----------------------------------------------------------------------===//
#include "targets/common/TfmToLinalg/Utils.h"

#include "dialects/tfm/TfmOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
namespace tfm = tcc::tfm;
using namespace tcc::tfm_to_linalg;

namespace {

/// [B..., S, H*D] -> [nb*H, S, D] with the heads next to the batch, or
/// [nb*H, D, S] when `transposed` (the key operand of q k^T).
Value splitHeads(OpBuilder &b, Location loc, Value v, int64_t nb, int64_t heads,
                 bool transposed) {
  auto type = cast<RankedTensorType>(v.getType());
  int64_t s = type.getDimSize(type.getRank() - 2);
  int64_t d = type.getShape().back() / heads;
  Value flat = reshapeTo(b, loc, v, {nb, s, heads * d});
  Value split = reshapeTo(b, loc, flat, {nb, s, heads, d});
  if (transposed) {
    Value t = transposeTensor(b, loc, split, {0, 2, 3, 1});
    return reshapeTo(b, loc, t, {nb * heads, d, s});
  }
  Value t = transposeTensor(b, loc, split, {0, 2, 1, 3});
  return reshapeTo(b, loc, t, {nb * heads, s, d});
}

Value batchMatmul(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  auto l = cast<RankedTensorType>(lhs.getType());
  auto r = cast<RankedTensorType>(rhs.getType());
  Type element = l.getElementType();
  Value init =
      filledTensor(b, loc, {l.getDimSize(0), l.getDimSize(1), r.getDimSize(2)},
                   scalarConstant(b, loc, element, 0.0));
  return b
      .create<linalg::BatchMatmulOp>(loc, TypeRange{init.getType()},
                                     ValueRange{lhs, rhs}, ValueRange{init})
      .getResult(0);
}

struct AttentionLowering : OpConversionPattern<tfm::AttentionOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(tfm::AttentionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto qType = cast<RankedTensorType>(adaptor.getQuery().getType());
    auto kType = cast<RankedTensorType>(adaptor.getKey().getType());
    Type element = qType.getElementType();
    int64_t rank = qType.getRank();
    int64_t heads = op.getNumHeads();
    ArrayRef<int64_t> batch = qType.getShape().drop_back(2);
    int64_t nb = numElements(batch);
    int64_t sq = qType.getDimSize(rank - 2), skv = kType.getDimSize(rank - 2);

    Value q = splitHeads(rewriter, loc, adaptor.getQuery(), nb, heads, false);
    Value kT = splitHeads(rewriter, loc, adaptor.getKey(), nb, heads, true);
    Value v = splitHeads(rewriter, loc, adaptor.getValue(), nb, heads, false);

    Value scores = batchMatmul(rewriter, loc, q, kT);
    SmallVector<int64_t> scoreShape(batch);
    scoreShape.append({heads, sq, skv});
    Value full = reshapeTo(rewriter, loc, scores, scoreShape);
    SmallVector<Value> inputs{full};
    Value mask = adaptor.getMask();
    if (mask)
      inputs.push_back(mask);
    double scale = op.getScale().convertToDouble();
    Value logits = buildElementwise(
        rewriter, loc, RankedTensorType::get(scoreShape, element), inputs,
        [&](OpBuilder &b, Location l, ValueRange a) -> Value {
          Value s = b.create<arith::MulFOp>(
              l, scalarConstant(b, l, element, scale), a[0]);
          if (mask)
            s = b.create<arith::AddFOp>(l, s, a[1]);
          return s;
        });
    Value probs = buildSoftmax(rewriter, loc, logits, scoreShape.size() - 1);
    Value probs3 = reshapeTo(rewriter, loc, probs, {nb * heads, sq, skv});

    Value out = batchMatmul(rewriter, loc, probs3, v); // [nb*H, Sq, Dv]
    int64_t dv = cast<RankedTensorType>(v.getType()).getDimSize(2);
    Value split = reshapeTo(rewriter, loc, out, {nb, heads, sq, dv});
    Value merged = transposeTensor(rewriter, loc, split, {0, 2, 1, 3});
    Value packed = reshapeTo(rewriter, loc, merged, {nb, sq, heads * dv});
    rewriter.replaceOp(
        op, reshapeTo(rewriter, loc, packed, op.getType().getShape()));
    return success();
  }
};

} // namespace

void tcc::tfm_to_linalg::populateAttentionPatterns(
    RewritePatternSet &patterns) {
  patterns.add<AttentionLowering>(patterns.getContext());
}
