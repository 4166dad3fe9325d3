//===- Reduce.cpp - Reduce* and ArgMax/ArgMin -----------------------------===//
//
// Axes come from the `axes` attribute, except ReduceSum since opset 13 which
// takes them as an optional input with `noop_with_empty_axes` (the other
// reductions move to inputs at opset 18, outside 9-17). tfm reductions take
// axes non-negative, sorted and unique.
//
//===----------------------------------------------------------------------===//
#include "compiler/onnx/OpImporters/OpImporters.h"

#include "dialects/tfm/TfmOps.h"

using namespace mlir;
using namespace tcc;
using namespace tcc::importer;

namespace {

enum class Reduction {
  Sum, Mean, Max, Min, Prod, SumSquare, L1, L2, LogSum, LogSumExp
};

struct ReduceParams {
  SmallVector<int64_t> axes;
  bool keepDims;
  bool identity; ///< empty axes with noop_with_empty_axes
};

ReduceParams readReduceParams(NodeContext &ctx, bool axesAsInput) {
  ReduceParams p;
  int64_t rank = ctx.inputType(0).getRank();
  p.keepDims = ctx.attrInt("keepdims", 1) != 0;
  SmallVector<int64_t> axes;
  bool noop = false;
  if (axesAsInput) {
    if (ctx.hasInput(1))
      axes = ctx.requireInts(1, "axes");
    noop = ctx.attrInt("noop_with_empty_axes", 0) != 0;
  } else {
    axes = ctx.attrInts("axes", {});
  }
  p.identity = axes.empty() && noop;
  if (axes.empty() && !noop)
    for (int64_t d = 0; d < rank; ++d)
      axes.push_back(d);
  p.axes = ctx.normalizeAxes(axes, rank);
  return p;
}

template <typename OpTy>
Value reduceOp(NodeContext &ctx, Value x, const ReduceParams &p) {
  return ctx.create<OpTy>(x, p.axes, p.keepDims);
}

void importReduce(NodeContext &ctx, Reduction kind, bool axesAsInput) {
  ReduceParams p = readReduceParams(ctx, axesAsInput);
  if (p.identity)
    return ctx.aliasOutput(0, ctx.input(0));

  std::optional<ReduceFn> foldFn;
  switch (kind) {
  case Reduction::Sum: foldFn = ReduceFn::Sum; break;
  case Reduction::Mean: foldFn = ReduceFn::Mean; break;
  case Reduction::Max: foldFn = ReduceFn::Max; break;
  case Reduction::Min: foldFn = ReduceFn::Min; break;
  case Reduction::Prod: foldFn = ReduceFn::Prod; break;
  default: break;
  }
  TensorValue &input = ctx.input(0);
  bool isFloat = isa<FloatType>(input.type.getElementType());
  if (foldFn && ctx.canFold(input.type.getShape(), isFloat))
    if (const ConstTensor *content = ctx.known(0))
      return ctx.setOutput(0, reduce(*foldFn, *content, p.axes, p.keepDims));

  Value x = ctx.operand(0);
  Value y;
  switch (kind) {
  case Reduction::Sum: y = reduceOp<tfm::ReduceSumOp>(ctx, x, p); break;
  case Reduction::Mean: y = reduceOp<tfm::ReduceMeanOp>(ctx, x, p); break;
  case Reduction::Max: y = reduceOp<tfm::ReduceMaxOp>(ctx, x, p); break;
  case Reduction::Min: y = reduceOp<tfm::ReduceMinOp>(ctx, x, p); break;
  case Reduction::Prod: y = reduceOp<tfm::ReduceProdOp>(ctx, x, p); break;
  case Reduction::SumSquare:
    y = reduceOp<tfm::ReduceSumOp>(ctx, ctx.create<tfm::MulOp>(x, x), p);
    break;
  case Reduction::L1:
    y = reduceOp<tfm::ReduceSumOp>(ctx, ctx.create<tfm::AbsOp>(x), p);
    break;
  case Reduction::L2:
    y = ctx.create<tfm::SqrtOp>(
        reduceOp<tfm::ReduceSumOp>(ctx, ctx.create<tfm::MulOp>(x, x), p));
    break;
  case Reduction::LogSum:
    y = ctx.create<tfm::LogOp>(reduceOp<tfm::ReduceSumOp>(ctx, x, p));
    break;
  case Reduction::LogSumExp: {
    // max + log(sum(exp(x - max))) does not overflow.
    ReduceParams kept = p;
    kept.keepDims = true;
    Value max = reduceOp<tfm::ReduceMaxOp>(ctx, x, kept);
    Value sum = reduceOp<tfm::ReduceSumOp>(
        ctx, ctx.create<tfm::ExpOp>(ctx.create<tfm::SubOp>(x, max)), kept);
    y = ctx.create<tfm::AddOp>(ctx.create<tfm::LogOp>(sum), max);
    if (!p.keepDims) {
      SmallVector<int64_t> shape;
      for (auto [d, size] : llvm::enumerate(input.type.getShape()))
        if (!llvm::is_contained(p.axes, static_cast<int64_t>(d)))
          shape.push_back(size);
      y = ctx.reshape(y, shape);
    }
    break;
  }
  }
  ctx.setOutput(0, y);
}

template <typename OpTy>
void importArgReduce(const onnx::NodeProto &, int64_t opset, NodeContext &ctx) {
  int64_t axis = ctx.normalizeAxis(ctx.attrInt("axis", 0),
                                   ctx.inputType(0).getRank());
  bool keepDims = ctx.attrInt("keepdims", 1) != 0;
  bool selectLast = opset >= 12 && ctx.attrInt("select_last_index", 0) != 0;
  ctx.setOutput(0, ctx.create<OpTy>(ctx.operand(0), static_cast<uint64_t>(axis),
                                    keepDims, selectLast));
}

} // namespace

void tcc::importer::registerReduceOps(OpRegistry &r) {
#define REDUCE(NAME, KIND)                                                     \
  r[NAME] = [](const onnx::NodeProto &, int64_t, NodeContext &ctx) {           \
    importReduce(ctx, Reduction::KIND, /*axesAsInput=*/false);                 \
  }
  REDUCE("ReduceMean", Mean);
  REDUCE("ReduceMax", Max);
  REDUCE("ReduceMin", Min);
  REDUCE("ReduceProd", Prod);
  REDUCE("ReduceSumSquare", SumSquare);
  REDUCE("ReduceL1", L1);
  REDUCE("ReduceL2", L2);
  REDUCE("ReduceLogSum", LogSum);
  REDUCE("ReduceLogSumExp", LogSumExp);
#undef REDUCE
  r["ReduceSum"] = [](const onnx::NodeProto &, int64_t opset, NodeContext &ctx) {
    importReduce(ctx, Reduction::Sum, /*axesAsInput=*/opset >= 13);
  };
  r["ArgMax"] = importArgReduce<tfm::ArgMaxOp>;
  r["ArgMin"] = importArgReduce<tfm::ArgMinOp>;
}
