//===- Normalization.cpp - BatchNorm, LayerNorm, InstanceNorm, Softmax ----===//
#include "compiler/onnx/OpImporters/OpImporters.h"

#include "dialects/tfm/TfmOps.h"

using namespace mlir;
using namespace tcc;
using namespace tcc::importer;

namespace {

void importBatchNormalization(const onnx::NodeProto &, int64_t opset,
                              NodeContext &ctx) {
  if (opset >= 14 && ctx.attrInt("training_mode", 0) != 0)
    ctx.fail("training_mode=1 is not supported (tcc compiles inference)");
  float epsilon = ctx.attrFloat("epsilon", 1e-5f);
  Value y = ctx.create<tfm::BatchNormOp>(
      ctx.operand(0), ctx.operand(1), ctx.operand(2), ctx.operand(3),
      ctx.operand(4), APFloat(epsilon));
  ctx.setOutput(0, y);
  ctx.markExtraOutputsUnavailable(1, "a training-mode statistic");
}

/// A LayerNormalization parameter with the normalised shape tfm requires
/// (ONNX allows anything that broadcasts to it).
Value normalizedParameter(NodeContext &ctx, unsigned i,
                          ArrayRef<int64_t> normalized) {
  RankedTensorType type = ctx.inputType(i);
  if (type.getShape() == normalized ||
      type.getNumElements() == checkedNumElements(normalized))
    return ctx.reshapedOperand(i, normalized);
  auto shape = tfm::broadcastShapes(type.getShape(), normalized);
  if (failed(shape) || ArrayRef<int64_t>(*shape) != normalized)
    ctx.fail("input " + quoted(ctx.node.input(i)) + " " +
             shapeString(type.getShape()) +
             " does not broadcast to the normalized shape " +
             shapeString(normalized));
  return ctx.broadcastTo(ctx.operand(i), normalized);
}

void importLayerNormalization(const onnx::NodeProto &, int64_t,
                              NodeContext &ctx) {
  RankedTensorType type = ctx.inputType(0);
  int64_t axis = ctx.normalizeAxis(ctx.attrInt("axis", -1), type.getRank());
  float epsilon = ctx.attrFloat("epsilon", 1e-5f);
  ArrayRef<int64_t> normalized = type.getShape().drop_front(axis);
  Value scale = normalizedParameter(ctx, 1, normalized);
  Value bias = ctx.hasInput(2) ? normalizedParameter(ctx, 2, normalized) : Value();
  Value y = ctx.create<tfm::LayerNormOp>(ctx.operand(0), scale, bias,
                                         static_cast<uint64_t>(axis),
                                         APFloat(epsilon));
  ctx.setOutput(0, y);
  ctx.markExtraOutputsUnavailable(1, "a training-mode statistic");
}

/// InstanceNormalization normalises each (n, c) over the spatial dims: a
/// layer norm from axis 2 without affine, then the per-channel affine.
void importInstanceNormalization(const onnx::NodeProto &, int64_t,
                                 NodeContext &ctx) {
  RankedTensorType type = ctx.inputType(0);
  if (type.getRank() < 3)
    ctx.fail("the input must have rank >= 3 (N, C, spatial...)");
  int64_t channels = type.getDimSize(1);
  for (unsigned i : {1u, 2u})
    if (ctx.inputShape(i) != ArrayRef<int64_t>{channels})
      ctx.fail("scale and B must be [" + Twine(channels) + "], got " +
               shapeString(ctx.inputShape(i)));
  float epsilon = ctx.attrFloat("epsilon", 1e-5f);
  Value y = ctx.create<tfm::LayerNormOp>(ctx.operand(0), Value(), Value(),
                                         static_cast<uint64_t>(2),
                                         APFloat(epsilon));
  SmallVector<int64_t> perChannel(type.getRank() - 1, 1);
  perChannel[0] = channels;
  y = ctx.create<tfm::MulOp>(y, ctx.reshapedOperand(1, perChannel));
  y = ctx.create<tfm::AddOp>(y, ctx.reshapedOperand(2, perChannel));
  ctx.setOutput(0, y);
}

/// log(softmax(x)) computed as (x - max) - log(sum(exp(x - max))), which
/// neither overflows nor loses the small probabilities.
Value logSoftmax(NodeContext &ctx, Value x, int64_t axis) {
  Value max = ctx.create<tfm::ReduceMaxOp>(x, ArrayRef<int64_t>{axis}, true);
  Value shifted = ctx.create<tfm::SubOp>(x, max);
  Value sum = ctx.create<tfm::ReduceSumOp>(ctx.create<tfm::ExpOp>(shifted),
                                           ArrayRef<int64_t>{axis}, true);
  return ctx.create<tfm::SubOp>(shifted, ctx.create<tfm::LogOp>(sum));
}

/// Softmax and LogSoftmax. Before opset 13 the axis (default 1) splits the
/// input into a 2-D [outer, inner] matrix normalised along its rows; since
/// 13 it is a single axis (default -1).
template <bool isLog>
void importSoftmax(const onnx::NodeProto &, int64_t opset, NodeContext &ctx) {
  RankedTensorType type = ctx.inputType(0);
  int64_t rank = type.getRank();
  int64_t axis =
      ctx.normalizeAxis(ctx.attrInt("axis", opset < 13 ? 1 : -1), rank);
  auto apply = [&](Value x, int64_t a) -> Value {
    if (isLog)
      return logSoftmax(ctx, x, a);
    return ctx.create<tfm::SoftmaxOp>(x, static_cast<uint64_t>(a));
  };
  if (opset >= 13 || axis == rank - 1)
    return ctx.setOutput(0, apply(ctx.operand(0), axis));
  int64_t outer = 1, inner = 1;
  for (int64_t d = 0; d < rank; ++d)
    (d < axis ? outer : inner) *= type.getDimSize(d);
  Value flat = ctx.reshape(ctx.operand(0), {outer, inner});
  ctx.setOutput(0, ctx.reshape(apply(flat, 1), type.getShape()));
}

} // namespace

void tcc::importer::registerNormalizationOps(OpRegistry &r) {
  r["BatchNormalization"] = importBatchNormalization;
  r["LayerNormalization"] = importLayerNormalization;
  r["InstanceNormalization"] = importInstanceNormalization;
  r["Softmax"] = importSoftmax<false>;
  r["LogSoftmax"] = importSoftmax<true>;
}
