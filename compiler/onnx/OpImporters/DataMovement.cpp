//===- DataMovement.cpp - reshapes, transposes, slices, gathers, pads -----===//
//
// Every op here folds when its data input is known (the shape computations
// exporters write are made of these), and otherwise becomes the tfm data
// movement op. Parameters that became inputs over opsets 9-17 (Squeeze and
// Unsqueeze axes, Split sizes, Slice bounds, Pad pads) are read in both
// forms; as inputs they must be known at import time.
//
//===----------------------------------------------------------------------===//
#include "compiler/onnx/OpImporters/OpImporters.h"

#include "dialects/tfm/TfmOps.h"

#include <numeric>

using namespace mlir;
using namespace tcc;
using namespace tcc::importer;

namespace {

//===----------------------------------------------------------------------===//
// Helpers shared by the importers below
//===----------------------------------------------------------------------===//

void setTransposedOutput(NodeContext &ctx, unsigned out, unsigned in,
                         ArrayRef<int64_t> perm) {
  bool identity = true;
  for (auto [i, p] : llvm::enumerate(perm))
    identity &= static_cast<int64_t>(i) == p;
  if (identity)
    return ctx.aliasOutput(out, ctx.input(in));
  if (ctx.canFold(ctx.inputShape(in), /*floatMath=*/false))
    if (const ConstTensor *content = ctx.known(in))
      return ctx.setOutput(out, transpose(*content, perm));
  ctx.setOutput(out, ctx.transpose(ctx.operand(in), perm));
}

void setSlicedOutput(NodeContext &ctx, unsigned out, unsigned in,
                     ArrayRef<int64_t> offsets, ArrayRef<int64_t> sizes,
                     ArrayRef<int64_t> strides) {
  if (!ctx.hasOutput(out))
    return;
  bool whole = sizes == ctx.inputShape(in);
  for (auto [offset, stride] : llvm::zip(offsets, strides))
    whole &= offset == 0 && stride == 1;
  if (whole)
    return ctx.aliasOutput(out, ctx.input(in));
  if (ctx.canFold(sizes, /*floatMath=*/false))
    if (const ConstTensor *content = ctx.known(in))
      return ctx.setOutput(out, slice(*content, offsets, sizes, strides));
  ctx.setOutput(out, ctx.create<tfm::SliceOp>(ctx.operand(in), offsets, sizes,
                                              strides));
}

int64_t product(NodeContext &ctx, ArrayRef<int64_t> dims) {
  int64_t n = checkedNumElements(dims);
  if (n < 0)
    ctx.fail("shape " + shapeString(dims) + " has more than 2^31 elements");
  return n;
}

//===----------------------------------------------------------------------===//
// Reshape family
//===----------------------------------------------------------------------===//

/// Reshape: 0 copies the input dimension (unless allowzero, opset 14) and
/// one -1 is inferred.
void importReshape(const onnx::NodeProto &, int64_t opset, NodeContext &ctx) {
  ArrayRef<int64_t> in = ctx.inputShape(0);
  SmallVector<int64_t> target = ctx.requireInts(1, "the target shape");
  bool allowZero = opset >= 14 && ctx.attrInt("allowzero", 0) != 0;
  SmallVector<int64_t> shape;
  std::optional<size_t> inferred;
  for (auto [i, v] : llvm::enumerate(target)) {
    if (v == 0 && !allowZero) {
      if (i >= in.size())
        ctx.fail("target shape " + shapeString(target) + " copies dimension " +
                 Twine(i) + " of a rank-" + Twine(in.size()) + " input");
      shape.push_back(in[i]);
    } else if (v == -1) {
      if (inferred)
        ctx.fail("target shape " + shapeString(target) + " has more than one -1");
      inferred = i;
      shape.push_back(1);
    } else if (v < 0) {
      ctx.fail("target shape " + shapeString(target) + " has a negative dimension");
    } else {
      shape.push_back(v);
    }
  }
  int64_t total = product(ctx, in);
  int64_t known = checkedNumElements(shape);
  if (inferred) {
    if (allowZero && llvm::is_contained(target, 0))
      ctx.fail("allowzero=1 with both 0 and -1 in the target shape");
    if (known <= 0 || total % known != 0)
      ctx.fail("cannot reshape " + shapeString(in) + " to " + shapeString(target));
    shape[*inferred] = total / known;
  } else if (known != total) {
    ctx.fail("cannot reshape " + shapeString(in) + " (" + Twine(total) +
             " elements) to " + shapeString(shape));
  }
  ctx.setReshapedOutput(0, 0, shape);
}

void importFlatten(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  ArrayRef<int64_t> in = ctx.inputShape(0);
  int64_t rank = in.size();
  int64_t axis = ctx.attrInt("axis", 1);
  if (axis < -rank || axis > rank)
    ctx.fail("axis " + Twine(axis) + " is out of range for rank " + Twine(rank));
  if (axis < 0)
    axis += rank;
  ctx.setReshapedOutput(0, 0, {product(ctx, in.take_front(axis)),
                               product(ctx, in.drop_front(axis))});
}

/// Squeeze: axes are an attribute before opset 13 and an optional input
/// since; without axes every dimension of size 1 goes.
void importSqueeze(const onnx::NodeProto &, int64_t opset, NodeContext &ctx) {
  ArrayRef<int64_t> in = ctx.inputShape(0);
  std::optional<SmallVector<int64_t>> axes;
  if (opset < 13)
    axes = ctx.optAttrInts("axes");
  else if (ctx.hasInput(1))
    axes = ctx.requireInts(1, "axes");
  SmallVector<int64_t> shape;
  if (!axes) {
    for (int64_t d : in)
      if (d != 1)
        shape.push_back(d);
  } else {
    SmallVector<int64_t> normalized = ctx.normalizeAxes(*axes, in.size());
    for (auto [d, size] : llvm::enumerate(in)) {
      if (!llvm::is_contained(normalized, static_cast<int64_t>(d))) {
        shape.push_back(size);
      } else if (size != 1) {
        ctx.fail("cannot squeeze dimension " + Twine(d) + " of size " +
                 Twine(size) + " (input " + shapeString(in) + ")");
      }
    }
  }
  ctx.setReshapedOutput(0, 0, shape);
}

/// Unsqueeze: axes (attribute before opset 13, input since) index the
/// result.
void importUnsqueeze(const onnx::NodeProto &, int64_t opset, NodeContext &ctx) {
  ArrayRef<int64_t> in = ctx.inputShape(0);
  SmallVector<int64_t> axes;
  if (opset < 13) {
    auto attr = ctx.optAttrInts("axes");
    if (!attr)
      ctx.fail("attribute 'axes' is required");
    axes = *attr;
  } else {
    axes = ctx.requireInts(1, "axes");
  }
  int64_t rank = in.size() + axes.size();
  SmallVector<int64_t> normalized = ctx.normalizeAxes(axes, rank);
  SmallVector<int64_t> shape;
  size_t next = 0;
  for (int64_t d = 0; d < rank; ++d)
    shape.push_back(llvm::is_contained(normalized, d) ? 1 : in[next++]);
  ctx.setReshapedOutput(0, 0, shape);
}

//===----------------------------------------------------------------------===//
// Transpose, Slice, Split, Concat
//===----------------------------------------------------------------------===//

void importTranspose(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  int64_t rank = ctx.inputType(0).getRank();
  SmallVector<int64_t> reversed(rank);
  for (int64_t d = 0; d < rank; ++d)
    reversed[d] = rank - 1 - d;
  SmallVector<int64_t> perm = ctx.attrInts("perm", reversed);
  SmallVector<int64_t> sorted(perm);
  llvm::sort(sorted);
  SmallVector<int64_t> identity(rank);
  std::iota(identity.begin(), identity.end(), 0);
  if (sorted != identity)
    ctx.fail("perm " + shapeString(perm) + " is not a permutation of the " +
             Twine(rank) + " dimensions");
  setTransposedOutput(ctx, 0, 0, perm);
}

/// Slice: attributes starts/ends/axes before opset 10, inputs
/// starts/ends/axes/steps since. Bounds are clamped as ONNX specifies,
/// negative steps included.
void importSlice(const onnx::NodeProto &, int64_t opset, NodeContext &ctx) {
  ArrayRef<int64_t> in = ctx.inputShape(0);
  int64_t rank = in.size();
  SmallVector<int64_t> starts, ends, axes, steps;
  if (opset < 10) {
    auto s = ctx.optAttrInts("starts"), e = ctx.optAttrInts("ends");
    if (!s || !e)
      ctx.fail("attributes 'starts' and 'ends' are required");
    starts = *s;
    ends = *e;
    if (auto a = ctx.optAttrInts("axes"))
      axes = *a;
  } else {
    starts = ctx.requireInts(1, "starts");
    ends = ctx.requireInts(2, "ends");
    if (ctx.hasInput(3))
      axes = ctx.requireInts(3, "axes");
    if (ctx.hasInput(4))
      steps = ctx.requireInts(4, "steps");
  }
  if (axes.empty())
    for (size_t i = 0; i < starts.size(); ++i)
      axes.push_back(i);
  if (steps.empty())
    steps.assign(starts.size(), 1);
  if (ends.size() != starts.size() || axes.size() != starts.size() ||
      steps.size() != starts.size())
    ctx.fail("starts, ends, axes and steps must have the same length");

  SmallVector<int64_t> offsets(rank, 0), sizes(in), strides(rank, 1);
  SmallVector<int64_t> seen;
  for (size_t i = 0; i < starts.size(); ++i) {
    int64_t axis = ctx.normalizeAxis(axes[i], rank);
    if (llvm::is_contained(seen, axis))
      ctx.fail("axis " + Twine(axis) + " is sliced twice");
    seen.push_back(axis);
    int64_t dim = in[axis], step = steps[i];
    if (step == 0)
      ctx.fail("steps must be non-zero");
    // Clamp before any arithmetic: exporters write INT64_MAX/MIN for "to
    // the end".
    auto normalize = [&](int64_t v, int64_t lo, int64_t hi) {
      if (v < 0)
        v = v < -dim ? -1 : v + dim;
      return std::clamp(v, lo, hi);
    };
    int64_t start = 0, end = 0, size = 0;
    if (dim == 0) {
      size = 0;
    } else if (step > 0) {
      start = normalize(starts[i], 0, dim);
      end = normalize(ends[i], 0, dim);
      size = end > start ? (end - start - 1) / step + 1 : 0;
    } else {
      start = normalize(starts[i], 0, dim - 1);
      end = normalize(ends[i], -1, dim - 1);
      // 0 - step in unsigned arithmetic: -INT64_MIN does not fit.
      uint64_t magnitude = 0 - static_cast<uint64_t>(step);
      size = start > end
                 ? static_cast<int64_t>(static_cast<uint64_t>(start - end - 1) /
                                        magnitude) + 1
                 : 0;
    }
    offsets[axis] = size ? start : 0;
    sizes[axis] = size;
    strides[axis] = step;
  }
  setSlicedOutput(ctx, 0, 0, offsets, sizes, strides);
}

/// Split: sizes from the `split` attribute before opset 13, from the
/// optional input since; otherwise equal parts.
void importSplit(const onnx::NodeProto &, int64_t opset, NodeContext &ctx) {
  ArrayRef<int64_t> in = ctx.inputShape(0);
  int64_t rank = in.size();
  int64_t axis = ctx.normalizeAxis(ctx.attrInt("axis", 0), rank);
  int64_t parts = ctx.numOutputs();
  if (parts == 0)
    ctx.fail("has no outputs");
  SmallVector<int64_t> split;
  if (opset < 13) {
    if (auto attr = ctx.optAttrInts("split"))
      split = *attr;
  } else if (ctx.hasInput(1)) {
    split = ctx.requireInts(1, "split");
  }
  if (split.empty()) {
    if (in[axis] % parts != 0)
      ctx.fail("dimension " + Twine(axis) + " of size " + Twine(in[axis]) +
               " does not split into " + Twine(parts) + " equal parts");
    split.assign(parts, in[axis] / parts);
  }
  if (static_cast<int64_t>(split.size()) != parts)
    ctx.fail("split " + shapeString(split) + " does not have one size per output (" +
             Twine(parts) + ")");
  int64_t total = 0;
  for (int64_t s : split) {
    if (s < 0 || s > in[axis])
      ctx.fail("split " + shapeString(split) + " has an invalid size");
    total += s;
  }
  if (total != in[axis])
    ctx.fail("split " + shapeString(split) + " does not add up to dimension " +
             Twine(axis) + " of size " + Twine(in[axis]));
  SmallVector<int64_t> offsets(rank, 0), sizes(in), strides(rank, 1);
  for (int64_t k = 0, offset = 0; k < parts; offset += split[k], ++k) {
    offsets[axis] = split[k] ? offset : 0;
    sizes[axis] = split[k];
    setSlicedOutput(ctx, k, 0, offsets, sizes, strides);
  }
}

void importConcat(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  std::optional<int64_t> axisAttr = ctx.optAttrInt("axis");
  if (!axisAttr)
    ctx.fail("attribute 'axis' is required");
  unsigned n = ctx.numInputs();
  if (n == 0)
    ctx.fail("needs at least one input");
  RankedTensorType first = ctx.inputType(0);
  int64_t rank = first.getRank();
  int64_t axis = ctx.normalizeAxis(*axisAttr, rank);
  SmallVector<int64_t> shape(first.getShape());
  shape[axis] = 0;
  for (unsigned i = 0; i < n; ++i) {
    RankedTensorType t = ctx.inputType(i);
    if (t.getRank() != rank || t.getElementType() != first.getElementType())
      ctx.fail("inputs must have one rank and element type");
    for (int64_t d = 0; d < rank; ++d)
      if (d != axis && t.getDimSize(d) != first.getDimSize(d))
        ctx.fail("input " + quoted(ctx.node.input(i)) + " " +
                 shapeString(t.getShape()) + " differs from " +
                 shapeString(first.getShape()) + " outside axis " + Twine(axis));
    shape[axis] += t.getDimSize(axis);
  }
  if (n == 1)
    return ctx.aliasOutput(0, ctx.input(0));
  if (ctx.canFold(shape, /*floatMath=*/false)) {
    SmallVector<const ConstTensor *> in = ctx.allKnown();
    if (!in.empty())
      return ctx.setOutput(0, concat(in, axis));
  }
  SmallVector<Value> operands;
  for (unsigned i = 0; i < n; ++i)
    operands.push_back(ctx.operand(i));
  ctx.setOutput(0, ctx.create<tfm::ConcatOp>(operands, static_cast<uint64_t>(axis)));
}

//===----------------------------------------------------------------------===//
// Gather, Expand, Tile
//===----------------------------------------------------------------------===//

void importGather(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  RankedTensorType data = ctx.inputType(0);
  RankedTensorType indicesType = ctx.inputType(1);
  if (data.getRank() < 1)
    ctx.fail("data must have rank >= 1");
  int64_t axis = ctx.normalizeAxis(ctx.attrInt("axis", 0), data.getRank());
  Type indexElement = indicesType.getElementType();
  if (!indexElement.isSignlessInteger(32) && !indexElement.isSignlessInteger(64))
    ctx.fail("indices must be int32 or int64");
  int64_t dim = data.getDimSize(axis);
  const ConstTensor *indices = ctx.known(1);
  if (indices)
    for (int64_t index : indices->ints)
      if (index < -dim || index >= dim)
        ctx.fail("index " + Twine(index) + " is out of range for dimension " +
                 Twine(axis) + " of size " + Twine(dim));
  SmallVector<int64_t> shape(data.getShape().take_front(axis));
  llvm::append_range(shape, indicesType.getShape());
  llvm::append_range(shape, data.getShape().drop_front(axis + 1));
  if (indices && ctx.canFold(shape, /*floatMath=*/false))
    if (const ConstTensor *content = ctx.known(0))
      return ctx.setOutput(0, gather(*content, *indices, axis));
  ctx.setOutput(0, ctx.create<tfm::GatherOp>(ctx.operand(0), ctx.operand(1),
                                             static_cast<uint64_t>(axis)));
}

/// Expand broadcasts both ways: the result is broadcast(input, shape).
void importExpand(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  ArrayRef<int64_t> in = ctx.inputShape(0);
  SmallVector<int64_t> target = ctx.requireInts(1, "the shape");
  auto shape = tfm::broadcastShapes(in, target);
  if (failed(shape))
    ctx.fail("input " + shapeString(in) + " does not broadcast with " +
             shapeString(target));
  product(ctx, *shape);
  if (ArrayRef<int64_t>(*shape) == in)
    return ctx.aliasOutput(0, ctx.input(0));
  if (ctx.canFold(*shape, /*floatMath=*/false))
    if (const ConstTensor *content = ctx.known(0))
      return ctx.setOutput(0, broadcastTo(*content, *shape));
  ctx.setOutput(0, ctx.broadcastTo(ctx.operand(0), *shape));
}

/// Tile: [d0, d1] repeated [r0, r1] is the [r0, d0, r1, d1] broadcast of
/// [1, d0, 1, d1], flattened pairwise.
void importTile(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  ArrayRef<int64_t> in = ctx.inputShape(0);
  SmallVector<int64_t> repeats = ctx.requireInts(1, "repeats");
  if (repeats.size() != in.size())
    ctx.fail("repeats " + shapeString(repeats) + " must have one entry per " +
             "dimension of the input " + shapeString(in));
  SmallVector<int64_t> shape, expandedIn, expanded;
  for (auto [d, r] : llvm::zip(in, repeats)) {
    if (r < 0)
      ctx.fail("repeats must be non-negative");
    if (r > (int64_t(1) << 31))
      ctx.fail("repeats " + shapeString(repeats) + " are too large");
    shape.push_back(d * r);
    expandedIn.append({1, d});
    expanded.append({r, d});
  }
  product(ctx, shape);
  if (ArrayRef<int64_t>(shape) == in)
    return ctx.aliasOutput(0, ctx.input(0));
  if (ctx.canFold(shape, /*floatMath=*/false))
    if (const ConstTensor *content = ctx.known(0))
      return ctx.setOutput(0, tile(*content, repeats));
  Value x = ctx.reshape(ctx.operand(0), expandedIn);
  ctx.setOutput(0, ctx.reshape(ctx.broadcastTo(x, expanded), shape));
}

//===----------------------------------------------------------------------===//
// Pad
//===----------------------------------------------------------------------===//

/// Pad: pads and value are attributes before opset 11 and inputs since.
/// Negative pads crop, which tfm.pad does not do: they become a slice.
void importPad(const onnx::NodeProto &, int64_t opset, NodeContext &ctx) {
  ArrayRef<int64_t> in = ctx.inputShape(0);
  int64_t rank = in.size();
  std::string modeName = ctx.attrString("mode", "constant");
  tfm::PadMode mode;
  if (modeName == "constant")
    mode = tfm::PadMode::constant;
  else if (modeName == "reflect")
    mode = tfm::PadMode::reflect;
  else if (modeName == "edge")
    mode = tfm::PadMode::edge;
  else
    ctx.fail("mode '" + modeName + "' is not supported");
  SmallVector<int64_t> pads;
  double value = 0;
  if (opset < 11) {
    auto attr = ctx.optAttrInts("pads");
    if (!attr)
      ctx.fail("attribute 'pads' is required");
    pads = *attr;
    value = ctx.attrFloat("value", 0.0f);
  } else {
    pads = ctx.requireInts(1, "pads");
    if (ctx.hasInput(2))
      value = ctx.requireScalar(2, "the constant value");
  }
  if (static_cast<int64_t>(pads.size()) != 2 * rank)
    ctx.fail("pads " + shapeString(pads) + " must have " + Twine(2 * rank) +
             " values");
  SmallVector<int64_t> low(rank), high(rank), offsets(rank), sizes(in),
      strides(rank, 1);
  bool crops = false;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t lo = pads[d], hi = pads[d + rank];
    constexpr int64_t limit = int64_t(1) << 31;
    if (lo < -limit || lo > limit || hi < -limit || hi > limit)
      ctx.fail("pads " + shapeString(pads) + " are too large");
    low[d] = std::max<int64_t>(lo, 0);
    high[d] = std::max<int64_t>(hi, 0);
    int64_t cropLo = std::max<int64_t>(-lo, 0), cropHi = std::max<int64_t>(-hi, 0);
    if (cropLo + cropHi > in[d])
      ctx.fail("pads " + shapeString(pads) + " crop more than dimension " +
               Twine(d) + " of size " + Twine(in[d]));
    offsets[d] = cropLo;
    sizes[d] = in[d] - cropLo - cropHi;
    crops |= cropLo || cropHi;
  }
  Value x = ctx.operand(0);
  if (crops)
    x = ctx.create<tfm::SliceOp>(x, offsets, sizes, strides);
  if (llvm::any_of(low, [](int64_t v) { return v != 0; }) ||
      llvm::any_of(high, [](int64_t v) { return v != 0; }))
    x = ctx.create<tfm::PadOp>(x, low, high, mode, APFloat(value));
  ctx.setOutput(0, x);
}

//===----------------------------------------------------------------------===//
// Identity, Dropout, Trilu, DepthToSpace, SpaceToDepth
//===----------------------------------------------------------------------===//

void importIdentity(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  ctx.aliasOutput(0, ctx.input(0));
}

/// Dropout at inference is the identity; its optional mask is all true.
/// Since opset 12 `training_mode` is an input, which must be false.
void importDropout(const onnx::NodeProto &, int64_t opset, NodeContext &ctx) {
  if (opset >= 12 && ctx.hasInput(2) &&
      ctx.requireScalar(2, "training_mode") != 0)
    ctx.fail("training_mode=true is not supported (tcc compiles inference)");
  TensorValue &input = ctx.input(0);
  ctx.aliasOutput(0, input);
  if (!ctx.hasOutput(1))
    return;
  Type i1 = IntegerType::get(ctx.getContext(), 1);
  ArrayRef<int64_t> shape = input.type.getShape();
  if (ctx.canFold(shape, /*floatMath=*/false))
    return ctx.setOutput(1, ConstTensor::splat(i1, shape, 1));
  ctx.setOutput(1, ctx.broadcastTo(ctx.scalar(i1, 1), shape));
}

/// Trilu (opset 14): keeps the upper or lower triangle of the last two
/// dims, offset by k; the mask is computed here and applied with select.
void importTrilu(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  RankedTensorType type = ctx.inputType(0);
  if (type.getRank() < 2)
    ctx.fail("the input must have rank >= 2");
  bool upper = ctx.attrInt("upper", 1) != 0;
  int64_t k = 0;
  if (ctx.hasInput(1)) {
    SmallVector<int64_t> values = ctx.requireInts(1, "k");
    if (values.size() != 1)
      ctx.fail("k must be a scalar");
    k = values[0];
  }
  int64_t rows = type.getDimSize(type.getRank() - 2);
  int64_t cols = type.getDimSize(type.getRank() - 1);
  // The input may have no elements while its last two dims are large.
  product(ctx, {rows, cols});
  auto keep = [&](int64_t i, int64_t j) {
    __int128 diff = static_cast<__int128>(j) - i;
    return upper ? diff >= k : diff <= k;
  };
  Type i1 = IntegerType::get(ctx.getContext(), 1);
  RankedTensorType maskType = RankedTensorType::get({rows, cols}, i1);
  if (ctx.canFold(type.getShape(), /*floatMath=*/false))
    if (const ConstTensor *content = ctx.known(0)) {
      std::vector<int64_t> mask;
      for (int64_t i = 0; i < rows; ++i)
        for (int64_t j = 0; j < cols; ++j)
          mask.push_back(keep(i, j));
      ConstTensor zero = ConstTensor::splat(type.getElementType(), {}, 0);
      return ctx.setOutput(
          0, select(ConstTensor::fromInts(i1, {rows, cols}, std::move(mask)),
                    *content, zero));
    }
  Buffer mask(static_cast<size_t>(rows * cols));
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j)
      mask.data()[i * cols + j] = keep(i, j);
  Value maskValue = ctx.state.constant(maskType, std::move(mask),
                                       ctx.node.output(0) + ".mask", ctx.loc);
  ctx.setOutput(0, ctx.create<tfm::SelectOp>(
                       maskValue, ctx.operand(0),
                       ctx.scalar(type.getElementType(), 0)));
}

/// DepthToSpace: DCR (the only mode before opset 11) reads the channel as
/// (block_h, block_w, c); CRD as (c, block_h, block_w).
void importDepthToSpace(const onnx::NodeProto &, int64_t opset,
                        NodeContext &ctx) {
  ArrayRef<int64_t> in = ctx.inputShape(0);
  if (in.size() != 4)
    ctx.fail("the input must be 4-D (NCHW)");
  int64_t b = ctx.attrInt("blocksize", 0);
  if (b < 1 || b > 65536 || in[1] % (b * b) != 0)
    ctx.fail("blocksize " + Twine(b) + " must be >= 1 and its square divide the " +
             Twine(in[1]) + " channels");
  std::string mode = opset >= 11 ? ctx.attrString("mode", "DCR") : "DCR";
  if (mode != "DCR" && mode != "CRD")
    ctx.fail("mode '" + mode + "' is not supported");
  int64_t n = in[0], c = in[1] / (b * b), h = in[2], w = in[3];
  Value x = ctx.operand(0);
  if (mode == "DCR") {
    x = ctx.reshape(x, {n, b, b, c, h, w});
    x = ctx.transpose(x, {0, 3, 4, 1, 5, 2});
  } else {
    x = ctx.reshape(x, {n, c, b, b, h, w});
    x = ctx.transpose(x, {0, 1, 4, 2, 5, 3});
  }
  ctx.setOutput(0, ctx.reshape(x, {n, c, h * b, w * b}));
}

void importSpaceToDepth(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  ArrayRef<int64_t> in = ctx.inputShape(0);
  if (in.size() != 4)
    ctx.fail("the input must be 4-D (NCHW)");
  int64_t b = ctx.attrInt("blocksize", 0);
  if (b < 1 || b > 65536 || in[2] % b != 0 || in[3] % b != 0)
    ctx.fail("blocksize " + Twine(b) + " must be >= 1 and divide the height " +
             Twine(in[2]) + " and width " + Twine(in[3]));
  int64_t n = in[0], c = in[1], h = in[2] / b, w = in[3] / b;
  Value x = ctx.reshape(ctx.operand(0), {n, c, h, b, w, b});
  x = ctx.transpose(x, {0, 3, 5, 1, 2, 4});
  ctx.setOutput(0, ctx.reshape(x, {n, c * b * b, h, w}));
}

} // namespace

void tcc::importer::registerDataMovementOps(OpRegistry &r) {
  r["Reshape"] = importReshape;
  r["Flatten"] = importFlatten;
  r["Squeeze"] = importSqueeze;
  r["Unsqueeze"] = importUnsqueeze;
  r["Transpose"] = importTranspose;
  r["Slice"] = importSlice;
  r["Split"] = importSplit;
  r["Concat"] = importConcat;
  r["Gather"] = importGather;
  r["Expand"] = importExpand;
  r["Tile"] = importTile;
  r["Pad"] = importPad;
  r["Identity"] = importIdentity;
  r["Dropout"] = importDropout;
  r["Trilu"] = importTrilu;
  r["DepthToSpace"] = importDepthToSpace;
  r["SpaceToDepth"] = importSpaceToDepth;
}
