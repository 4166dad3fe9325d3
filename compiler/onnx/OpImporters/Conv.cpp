//===- Conv.cpp - Conv, MaxPool, AveragePool, global pools ----------------===//
//
// tfm has 2-D windows only: 1-D convolutions and pools are imported as 2-D
// ones over a unit height. auto_pad is resolved to explicit padding here,
// since every shape is static.
//
//===----------------------------------------------------------------------===//
#include "compiler/onnx/OpImporters/OpImporters.h"

#include "dialects/tfm/TfmOps.h"

using namespace mlir;
using namespace tcc;
using namespace tcc::importer;

namespace {

/// A sliding window over the spatial dimensions, in tfm's 2-D form.
struct Window {
  SmallVector<int64_t> kernel, strides, dilations;
  SmallVector<int64_t> padding; ///< [top, left, bottom, right]
};

/// Reads strides, dilations, pads and auto_pad for `spatial` input dims
/// (1 or 2) and `kernel`, and lifts a 1-D window to 2-D.
Window readWindow(NodeContext &ctx, ArrayRef<int64_t> spatial,
                  ArrayRef<int64_t> kernel, bool hasDilations) {
  size_t rank = spatial.size();
  SmallVector<int64_t> ones(rank, 1), zeros(2 * rank, 0);
  SmallVector<int64_t> strides = ctx.attrInts("strides", ones);
  SmallVector<int64_t> dilations =
      hasDilations ? ctx.attrInts("dilations", ones) : ones;
  if (strides.size() != rank || dilations.size() != rank)
    ctx.fail("strides and dilations must have " + Twine(rank) + " values");
  for (int64_t v : llvm::concat<const int64_t>(strides, dilations, kernel))
    if (v < 1 || v > (int64_t(1) << 31))
      ctx.fail("kernel sizes, strides and dilations must be between 1 and 2^31");

  std::string autoPad = ctx.attrString("auto_pad", "NOTSET");
  SmallVector<int64_t> pads;
  if (autoPad == "NOTSET") {
    pads = ctx.attrInts("pads", zeros);
    if (pads.size() != 2 * rank)
      ctx.fail("pads must have " + Twine(2 * rank) + " values");
    for (int64_t p : pads)
      if (p < 0 || p > (int64_t(1) << 31))
        ctx.fail("pads must be between 0 and 2^31, got " + shapeString(pads));
  } else if (autoPad == "VALID") {
    pads = zeros;
  } else if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
    pads = zeros;
    for (size_t d = 0; d < rank; ++d) {
      int64_t out = (spatial[d] + strides[d] - 1) / strides[d];
      int64_t span = (kernel[d] - 1) * dilations[d] + 1;
      int64_t total = std::max<int64_t>(0, (out - 1) * strides[d] + span - spatial[d]);
      int64_t small = total / 2, large = total - small;
      // SAME_UPPER puts the odd padding element at the end.
      pads[d] = autoPad == "SAME_UPPER" ? small : large;
      pads[d + rank] = autoPad == "SAME_UPPER" ? large : small;
    }
  } else {
    ctx.fail("auto_pad '" + autoPad + "' is not supported");
  }

  Window w;
  if (rank == 1) {
    w.kernel = {1, kernel[0]};
    w.strides = {1, strides[0]};
    w.dilations = {1, dilations[0]};
    w.padding = {0, pads[0], 0, pads[1]};
  } else {
    w.kernel.assign(kernel.begin(), kernel.end());
    w.strides = strides;
    w.dilations = dilations;
    w.padding = pads;
  }
  return w;
}

/// Checks the input is 1-D or 2-D spatial (rank 3 or 4) and returns it as a
/// rank-4 value.
Value spatialInput(NodeContext &ctx, StringRef what) {
  ArrayRef<int64_t> shape = ctx.inputShape(0);
  if (shape.size() != 3 && shape.size() != 4)
    ctx.fail("only 1-D and 2-D " + what + " are supported (input " +
             shapeString(shape) + ")");
  if (shape.size() == 3)
    return ctx.reshape(ctx.operand(0), {shape[0], shape[1], 1, shape[2]});
  return ctx.operand(0);
}

/// Undoes the unit height of a 1-D window op.
Value spatialOutput(NodeContext &ctx, Value result) {
  if (ctx.inputShape(0).size() == 4)
    return result;
  ArrayRef<int64_t> shape = cast<RankedTensorType>(result.getType()).getShape();
  return ctx.reshape(result, {shape[0], shape[1], shape[3]});
}

SmallVector<int64_t> kernelShape(NodeContext &ctx, size_t spatialRank) {
  std::optional<SmallVector<int64_t>> kernel = ctx.optAttrInts("kernel_shape");
  if (!kernel)
    ctx.fail("attribute 'kernel_shape' is required");
  if (kernel->size() != spatialRank)
    ctx.fail("kernel_shape " + shapeString(*kernel) + " does not match the " +
             Twine(spatialRank) + " spatial dimensions of the input");
  return *kernel;
}

void importConv(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  ArrayRef<int64_t> xShape = ctx.inputShape(0);
  ArrayRef<int64_t> wShape = ctx.inputShape(1);
  Value x = spatialInput(ctx, "convolutions");
  if (wShape.size() != xShape.size())
    ctx.fail("weight " + shapeString(wShape) + " and input " +
             shapeString(xShape) + " ranks differ");
  ArrayRef<int64_t> kernel = wShape.drop_front(2);
  if (auto given = ctx.optAttrInts("kernel_shape"))
    if (ArrayRef<int64_t>(*given) != kernel)
      ctx.fail("kernel_shape " + shapeString(*given) +
               " does not match the weight " + shapeString(wShape));
  int64_t group = ctx.attrInt("group", 1);
  if (group < 1)
    ctx.fail("group must be >= 1");
  Window w = readWindow(ctx, xShape.drop_front(2), kernel, /*hasDilations=*/true);
  Value weight = wShape.size() == 3
                     ? ctx.reshapedOperand(1, {wShape[0], wShape[1], 1, wShape[2]})
                     : ctx.operand(1);
  Value bias = ctx.hasInput(2) ? ctx.operand(2) : Value();
  Value y = ctx.create<tfm::Conv2dOp>(x, weight, bias, w.strides, w.padding,
                                      w.dilations, static_cast<uint64_t>(group));
  ctx.setOutput(0, spatialOutput(ctx, y));
}

void importMaxPool(const onnx::NodeProto &, int64_t opset, NodeContext &ctx) {
  ArrayRef<int64_t> xShape = ctx.inputShape(0);
  Value x = spatialInput(ctx, "pools");
  SmallVector<int64_t> kernel = kernelShape(ctx, xShape.size() - 2);
  Window w = readWindow(ctx, xShape.drop_front(2), kernel,
                        /*hasDilations=*/opset >= 10);
  bool ceilMode = opset >= 10 && ctx.attrInt("ceil_mode", 0) != 0;
  Value y = ctx.create<tfm::MaxPool2dOp>(x, w.kernel, w.strides, w.padding,
                                         w.dilations, ceilMode);
  ctx.setOutput(0, spatialOutput(ctx, y));
  ctx.markExtraOutputsUnavailable(1, "the argmax indices");
}

void importAveragePool(const onnx::NodeProto &, int64_t opset,
                       NodeContext &ctx) {
  ArrayRef<int64_t> xShape = ctx.inputShape(0);
  Value x = spatialInput(ctx, "pools");
  SmallVector<int64_t> kernel = kernelShape(ctx, xShape.size() - 2);
  Window w = readWindow(ctx, xShape.drop_front(2), kernel, /*hasDilations=*/false);
  bool ceilMode = opset >= 10 && ctx.attrInt("ceil_mode", 0) != 0;
  bool countIncludePad = ctx.attrInt("count_include_pad", 0) != 0;
  Value y = ctx.create<tfm::AvgPool2dOp>(x, w.kernel, w.strides, w.padding,
                                         ceilMode, countIncludePad);
  ctx.setOutput(0, spatialOutput(ctx, y));
}

/// GlobalAveragePool / GlobalMaxPool: a reduction over every spatial
/// dimension, kept as size 1.
template <typename OpTy>
void importGlobalPool(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  int64_t rank = ctx.inputType(0).getRank();
  if (rank < 3)
    ctx.fail("the input must have rank >= 3 (N, C, spatial...)");
  SmallVector<int64_t> axes;
  for (int64_t d = 2; d < rank; ++d)
    axes.push_back(d);
  ctx.setOutput(0, ctx.create<OpTy>(ctx.operand(0), axes, /*keep_dims=*/true));
}

} // namespace

void tcc::importer::registerConvOps(OpRegistry &r) {
  r["Conv"] = importConv;
  r["MaxPool"] = importMaxPool;
  r["AveragePool"] = importAveragePool;
  r["GlobalAveragePool"] = importGlobalPool<tfm::ReduceMeanOp>;
  r["GlobalMaxPool"] = importGlobalPool<tfm::ReduceMaxOp>;
}
