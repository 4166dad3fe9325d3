//===- RaiseAttention.cpp - scaled dot-product attention -> tfm.attention -===//
//
// Two patterns, applied together by one greedy driver:
//
// 1. AttentionCore, rooted at the second matmul:
//      matmul(softmax(scale * matmul(q, kT) [+ mask], axis = last), v)
//    The scale may sit on the scores, on q or on kT, as a Mul or a Div by a
//    uniform constant (all of them multiply into `scale`). The mask is an
//    additive operand, or a `select(cond, fill, scores)` that is rewritten
//    into the additive mask `select(cond, fill, 0)` (a constant when `cond`
//    is). kT becomes K = [..., Skv, D]: the input of a transpose when that
//    transpose swaps the last two dims, a composed transpose otherwise, or
//    an inserted transpose of the last two dims. The heads stay in the batch
//    dimensions (num_heads = 1).
//
// 2. FoldHeads, rooted at the reshape that merges the heads back:
//      reshape(transpose(attention(q, k, v){num_heads = 1}, [.., 2, 1, 3]))
//    where q, k and v are each transpose(reshape(x [B, S, H*D] ->
//    [B, S, H, D]), [.., 2, 1, 3]) becomes attention(xq, xk, xv) with
//    num_heads = H on the packed [B, S, H*D] layout. Layouts that do not
//    split heads this way (a fused qkv split along a leading dim, the
//    sequence-first nn.MultiheadAttention) keep num_heads = 1, which is the
//    same computation.
//
//===----------------------------------------------------------------------===//
#include "passes/PatternUtils.h"
#include "passes/Passes.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include <cmath>

namespace tcc {
#define GEN_PASS_DEF_RAISEATTENTION
#include "passes/Passes.h.inc"
} // namespace tcc

using namespace mlir;
using namespace tcc;

namespace {

/// The permutation of `rank` dims that swaps dims `a` and `b`.
SmallVector<int64_t> swapPerm(int64_t rank, int64_t a, int64_t b) {
  SmallVector<int64_t> perm;
  for (int64_t i = 0; i < rank; ++i)
    perm.push_back(i);
  std::swap(perm[a], perm[b]);
  return perm;
}

bool isIdentityPerm(ArrayRef<int64_t> perm) {
  for (auto [i, p] : llvm::enumerate(perm))
    if (static_cast<int64_t>(i) != p)
      return false;
  return true;
}

/// `shape` with a unit dim inserted before its last two dims: a mask laid out
/// for scores [B..., Sq, Skv] then broadcasts to the [B..., 1, Sq, Skv] that
/// tfm.attention with num_heads = 1 expects. Masks of rank <= 2 broadcast
/// either way and are left as they are.
SmallVector<int64_t> withUnitHeadDim(ArrayRef<int64_t> shape) {
  SmallVector<int64_t> out(shape);
  if (out.size() >= 3)
    out.insert(out.end() - 2, 1);
  return out;
}

/// Peels uniform scales (single use each) off `value`; multiplies them into
/// `scale`.
Value peelScales(Value value, double &scale) {
  while (auto scaled = matchUniformScale(value)) {
    if (!value.hasOneUse())
      break;
    scale *= scaled->scale;
    value = scaled->operand;
  }
  return value;
}

/// What sits between the softmax and the q.kT matmul.
struct ScoresMatch {
  tfm::MatmulOp qk;
  double scale = 1.0;
  /// Additive mask operand (as laid out for the scores), if any.
  Value mask;
  /// select form: the mask is `fill` where `cond == maskedWhen`, else 0.
  tfm::SelectOp select;
  Value cond;
  bool maskedWhen = true;
  double fill = 0.0;
  /// Ops from the softmax input down to (and including) qk; every one must
  /// have a single use so the raised op replaces them.
  SmallVector<Operation *, 6> ops;
};

/// value = c1 * c2 * ... * matmul(..).
bool matchScaledScores(Value value, ScoresMatch &m) {
  while (auto scaled = matchUniformScale(value)) {
    m.scale *= scaled->scale;
    m.ops.push_back(value.getDefiningOp());
    value = scaled->operand;
  }
  m.qk = value.getDefiningOp<tfm::MatmulOp>();
  if (!m.qk)
    return false;
  m.ops.push_back(m.qk);
  return true;
}

/// With a finite fill, select(cond, fill, s) equals s + fill only as far as
/// softmax can tell: exp(fill + s - max) and exp(fill - max) both underflow
/// to 0 when fill is hugely negative next to the scores and some element of
/// the row survives to set the max.
/// A row masked entirely would become softmax(s) instead of uniform, so a
/// constant condition must leave at least one element of every row, and the
/// fill must be at most -1e4 (BERT's -10000, finfo.min, -1e9 all are).
/// A fill of -inf is exact in every case (a fully masked row is NaN both
/// ways).
bool selectIsAdditive(const ScoresMatch &m) {
  if (std::isinf(m.fill) && m.fill < 0)
    return true;
  if (!(m.fill <= -1e4))
    return false;
  auto cond = getBoolConstantValues(m.cond);
  if (!cond)
    return false;
  auto condType = cast<RankedTensorType>(m.cond.getType());
  int64_t row = condType.getRank() ? condType.getShape().back() : 1;
  if (row == 0)
    return true;
  for (size_t start = 0; start < cond->size(); start += row) {
    bool anyKept = false;
    for (int64_t i = 0; i < row; ++i)
      anyKept |= (*cond)[start + i] != m.maskedWhen;
    if (!anyKept)
      return false;
  }
  return true;
}

/// The softmax input: scaled scores, optionally plus a mask or under a
/// masking select.
std::optional<ScoresMatch> matchSoftmaxInput(Value z) {
  {
    ScoresMatch m;
    if (matchScaledScores(z, m))
      return m;
  }
  auto scoresType = cast<RankedTensorType>(z.getType());
  if (auto add = z.getDefiningOp<tfm::AddOp>()) {
    for (auto [s, mask] : {std::pair(add.getLhs(), add.getRhs()),
                           std::pair(add.getRhs(), add.getLhs())}) {
      auto maskType = cast<RankedTensorType>(mask.getType());
      if (s.getType() != scoresType ||
          !broadcastsInto(maskType.getShape(), scoresType.getShape()))
        continue;
      ScoresMatch m;
      m.ops.push_back(add);
      if (!matchScaledScores(s, m))
        continue;
      m.mask = mask;
      return m;
    }
  }
  if (auto select = z.getDefiningOp<tfm::SelectOp>()) {
    auto condType = cast<RankedTensorType>(select.getCondition().getType());
    if (!broadcastsInto(condType.getShape(), scoresType.getShape()))
      return std::nullopt;
    for (auto [fill, s, maskedWhen] :
         {std::tuple(select.getOnTrue(), select.getOnFalse(), true),
          std::tuple(select.getOnFalse(), select.getOnTrue(), false)}) {
      auto fillValue = getUniformConstant(fill);
      auto fillType = cast<RankedTensorType>(fill.getType());
      if (!fillValue || s.getType() != scoresType ||
          !broadcastsInto(fillType.getShape(), scoresType.getShape()))
        continue;
      ScoresMatch m;
      m.ops.push_back(select);
      if (!matchScaledScores(s, m))
        continue;
      m.select = select;
      m.cond = select.getCondition();
      m.maskedWhen = maskedWhen;
      m.fill = *fillValue;
      if (!selectIsAdditive(m))
        continue;
      return m;
    }
  }
  return std::nullopt;
}

/// The additive mask of a select match, laid out for num_heads = 1; null
/// when the condition masks nothing. A constant mask drops the condition's
/// leading unit dims (numpy broadcasting reads [1, 1, S, S] and [S, S]
/// alike): a mask of rank <= 2 then needs no relayout for either head
/// layout, so no reshape is left behind when the mask is large.
Value buildSelectMask(PatternRewriter &rewriter, Location loc,
                      const ScoresMatch &m, FloatType elementType) {
  auto condType = cast<RankedTensorType>(m.cond.getType());
  APFloat fill(m.fill);
  bool lost;
  fill.convert(elementType.getFloatSemantics(), APFloat::rmNearestTiesToEven,
               &lost);
  APFloat zero = APFloat::getZero(elementType.getFloatSemantics());
  if (auto cond = getBoolConstantValues(m.cond)) {
    ArrayRef<int64_t> shape = condType.getShape();
    while (!shape.empty() && shape.front() == 1)
      shape = shape.drop_front();
    auto maskType =
        RankedTensorType::get(withUnitHeadDim(shape), elementType);
    size_t masked = llvm::count(*cond, m.maskedWhen);
    if (masked == 0)
      return nullptr;
    if (masked == cond->size())
      return rewriter.create<tfm::ConstantOp>(
          loc, DenseElementsAttr::get(maskType, ArrayRef<APFloat>(fill)));
    SmallVector<APFloat> values;
    values.reserve(cond->size());
    for (bool c : *cond)
      values.push_back(c == m.maskedWhen ? fill : zero);
    return rewriter.create<tfm::ConstantOp>(
        loc, DenseElementsAttr::get(maskType, values));
  }
  // A computed condition: the mask is computed too.
  auto scalar = RankedTensorType::get({}, elementType);
  Value fillConst = rewriter.create<tfm::ConstantOp>(
      loc, DenseElementsAttr::get(scalar, ArrayRef<APFloat>(fill)));
  Value zeroConst = rewriter.create<tfm::ConstantOp>(
      loc, DenseElementsAttr::get(scalar, ArrayRef<APFloat>(zero)));
  Value onTrue = m.maskedWhen ? fillConst : zeroConst;
  Value onFalse = m.maskedWhen ? zeroConst : fillConst;
  Value mask = rewriter.create<tfm::SelectOp>(loc, m.cond, onTrue, onFalse);
  auto maskType = RankedTensorType::get(
      withUnitHeadDim(condType.getShape()), elementType);
  if (maskType != mask.getType())
    mask = rewriter.create<tfm::ReshapeOp>(loc, maskType, mask);
  return mask;
}

struct AttentionCore : OpRewritePattern<tfm::MatmulOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(tfm::MatmulOp pv,
                                PatternRewriter &rewriter) const override {
    auto softmax = pv.getLhs().getDefiningOp<tfm::SoftmaxOp>();
    if (!softmax || !softmax->hasOneUse())
      return failure();
    auto probsType = softmax.getType();
    int64_t rank = probsType.getRank();
    if (rank < 2 || softmax.getAxis() != static_cast<uint64_t>(rank - 1))
      return failure();
    auto elementType = dyn_cast<FloatType>(probsType.getElementType());
    if (!elementType)
      return failure();

    auto m = matchSoftmaxInput(softmax.getInput());
    if (!m || !allSingleUse(m->ops))
      return failure();

    // Broadcast-free batched matmuls: q [B..., Sq, D], kT [B..., D, Skv],
    // v [B..., Skv, Dv] with the same B... everywhere.
    Value q = m->qk.getLhs(), kT = m->qk.getRhs(), v = pv.getRhs();
    auto qType = cast<RankedTensorType>(q.getType());
    auto kTType = cast<RankedTensorType>(kT.getType());
    auto vType = cast<RankedTensorType>(v.getType());
    if (qType.getRank() != rank || kTType.getRank() != rank ||
        vType.getRank() != rank)
      return failure();
    ArrayRef<int64_t> batch = qType.getShape().drop_back(2);
    if (kTType.getShape().drop_back(2) != batch ||
        vType.getShape().drop_back(2) != batch ||
        vType.getDimSize(rank - 2) != kTType.getDimSize(rank - 1))
      return failure();

    // Scales on q and on kT join the one on the scores. K = transpose(kT,
    // swapLast) is read through the transpose that made kT, if any
    // (transpose(y, perm) then gives K = transpose(y, perm o swapLast)).
    double scale = m->scale;
    q = peelScales(q, scale);
    kT = peelScales(kT, scale);
    SmallVector<int64_t> kPerm = swapPerm(rank, rank - 2, rank - 1);
    Value kSource = kT;
    if (auto transpose = kT.getDefiningOp<tfm::TransposeOp>()) {
      ArrayRef<int64_t> perm = transpose.getPerm();
      for (int64_t &p : kPerm)
        p = perm[p];
      kSource = transpose.getInput();
      if (transpose->hasOneUse())
        kSource = peelScales(kSource, scale);
    }
    // A scale that is not a usable f32 (overflow, underflow to 0) would not
    // reproduce the model.
    if (!std::isfinite(static_cast<float>(scale)) ||
        static_cast<float>(scale) == 0.0f)
      return failure();

    Location loc = pv.getLoc();
    Value k = isIdentityPerm(kPerm)
                  ? kSource
                  : rewriter.create<tfm::TransposeOp>(loc, kSource, kPerm)
                        .getResult();

    Value mask;
    if (m->mask) {
      mask = m->mask;
      auto maskType = cast<RankedTensorType>(mask.getType());
      auto laidOut = RankedTensorType::get(
          withUnitHeadDim(maskType.getShape()), maskType.getElementType());
      if (laidOut != maskType)
        mask = rewriter.create<tfm::ReshapeOp>(loc, laidOut, mask);
    } else if (m->select) {
      mask = buildSelectMask(rewriter, loc, *m, elementType);
    }

    rewriter.replaceOpWithNewOp<tfm::AttentionOp>(
        pv, q, k, v, mask, rewriter.getI64IntegerAttr(1),
        rewriter.getF32FloatAttr(static_cast<float>(scale)));
    return success();
  }
};

/// value = transpose(reshape(x [B'..., S, H*D] -> [B'..., S, H, D]),
/// swap(heads, seq)) with value [B'..., H, S, D]; returns x and H.
std::optional<std::pair<Value, int64_t>> matchHeadSplit(Value value) {
  auto type = cast<RankedTensorType>(value.getType());
  int64_t rank = type.getRank();
  auto transpose = value.getDefiningOp<tfm::TransposeOp>();
  if (rank < 3 || !transpose ||
      transpose.getPerm() !=
          ArrayRef<int64_t>(swapPerm(rank, rank - 3, rank - 2)))
    return std::nullopt;
  auto reshape = transpose.getInput().getDefiningOp<tfm::ReshapeOp>();
  if (!reshape)
    return std::nullopt;
  Value x = reshape.getInput();
  auto xType = cast<RankedTensorType>(x.getType());
  ArrayRef<int64_t> split = reshape.getType().getShape(); // [B'..., S, H, D]
  if (xType.getRank() != rank - 1 ||
      xType.getShape().drop_back() != split.drop_back(2) ||
      xType.getShape().back() != split[rank - 2] * split[rank - 1])
    return std::nullopt;
  return std::pair(x, split[rank - 2]);
}

struct FoldHeads : OpRewritePattern<tfm::ReshapeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(tfm::ReshapeOp merge,
                                PatternRewriter &rewriter) const override {
    auto transpose = merge.getInput().getDefiningOp<tfm::TransposeOp>();
    if (!transpose || !transpose->hasOneUse())
      return failure();
    auto attention = transpose.getInput().getDefiningOp<tfm::AttentionOp>();
    if (!attention || attention.getNumHeads() != 1 || !attention->hasOneUse())
      return failure();
    int64_t rank = attention.getType().getRank();
    if (rank < 3 || transpose.getPerm() !=
                        ArrayRef<int64_t>(swapPerm(rank, rank - 3, rank - 2)))
      return failure();

    auto q = matchHeadSplit(attention.getQuery());
    auto k = matchHeadSplit(attention.getKey());
    auto v = matchHeadSplit(attention.getValue());
    if (!q || !k || !v || q->second != k->second || q->second != v->second)
      return failure();
    int64_t heads = q->second;

    // The mask was laid out for [B'..., H, 1, Sq, Skv]; the head dim moves
    // back to where the scores had it, [B'..., H, Sq, Skv].
    Value mask = attention.getMask();
    Location loc = merge.getLoc();
    if (mask) {
      auto maskType = cast<RankedTensorType>(mask.getType());
      if (maskType.getRank() >= 3) {
        SmallVector<int64_t> shape(maskType.getShape());
        if (shape[shape.size() - 3] != 1)
          return failure();
        shape.erase(shape.end() - 3);
        mask = rewriter.create<tfm::ReshapeOp>(
            loc, RankedTensorType::get(shape, maskType.getElementType()), mask);
      }
    }
    Value result = rewriter.create<tfm::AttentionOp>(
        loc, q->first, k->first, v->first, mask,
        rewriter.getI64IntegerAttr(heads), attention.getScaleAttr());
    if (result.getType() != merge.getType())
      result = rewriter.create<tfm::ReshapeOp>(loc, merge.getType(), result);
    rewriter.replaceOp(merge, result);
    return success();
  }
};

struct RaiseAttentionPass : tcc::impl::RaiseAttentionBase<RaiseAttentionPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<AttentionCore, FoldHeads>(&getContext());
    if (failed(
            applyPatternsAndFoldGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
