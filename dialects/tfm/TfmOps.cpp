//===- TfmOps.cpp - tfm result-type inference and verifiers ---------------===//
//
// Every shape rule of the dialect lives here, in the op's inferReturnTypes:
// the same function builds result types in the importer and checks them in
// the verifier, so the two cannot disagree.
//
//===----------------------------------------------------------------------===//
#include "dialects/tfm/TfmOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallSet.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace tcc::tfm;

namespace {
/// Diagnostic helper: emits at `loc` when present, always fails.
template <typename... Args>
LogicalResult fail(std::optional<Location> loc, Args &&...args) {
  return emitOptionalError(loc, std::forward<Args>(args)...);
}

RankedTensorType ranked(Value v) {
  return v ? dyn_cast<RankedTensorType>(v.getType()) : RankedTensorType();
}

/// Fails unless every operand is a ranked tensor.
LogicalResult requireRanked(std::optional<Location> loc, ValueRange values) {
  for (Value v : values)
    if (!ranked(v))
      return fail(loc, "expects ranked tensor operands");
  return success();
}

/// Output size of a sliding window (conv/pool) along one dimension.
FailureOr<int64_t> windowOutputSize(std::optional<Location> loc, int64_t in,
                                    int64_t kernel, int64_t stride,
                                    int64_t dilation, int64_t padLow,
                                    int64_t padHigh, bool ceilMode) {
  if (kernel < 1 || stride < 1 || dilation < 1 || padLow < 0 || padHigh < 0)
    return fail(loc, "kernel, stride and dilation must be >= 1 and padding >= 0");
  int64_t span, padded;
  if (llvm::MulOverflow(dilation, kernel - 1, span) ||
      llvm::AddOverflow(span, int64_t(1), span) ||
      llvm::AddOverflow(in, padLow, padded) ||
      llvm::AddOverflow(padded, padHigh, padded))
    return fail(loc, "window extent or padded input size overflows int64");
  if (padded < span)
    return fail(loc, "window of extent ", span,
                " does not fit the padded input of size ", padded);
  int64_t out = (padded - span) / stride + 1;
  if (ceilMode && (padded - span) % stride != 0)
    ++out;
  // ONNX: with ceil_mode the last window must start inside the input or
  // left padding, never wholly in the right padding.
  int64_t lastStart;
  if (ceilMode &&
      (llvm::MulOverflow(out - 1, stride, lastStart) || lastStart >= in + padLow))
    --out;
  return out;
}

LogicalResult checkArraySize(std::optional<Location> loc, StringRef name,
                             ArrayRef<int64_t> values, size_t expected) {
  if (values.size() != expected)
    return fail(loc, "'", name, "' must have ", expected, " values, got ",
                values.size());
  return success();
}
} // namespace

FailureOr<SmallVector<int64_t>>
tcc::tfm::broadcastShapes(ArrayRef<int64_t> a, ArrayRef<int64_t> b) {
  size_t rank = std::max(a.size(), b.size());
  SmallVector<int64_t> out(rank);
  for (size_t i = 0; i < rank; ++i) {
    int64_t da = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
    int64_t db = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
    if (da != db && da != 1 && db != 1)
      return failure();
    out[i] = da == 1 ? db : da;
  }
  return out;
}

LogicalResult tcc::tfm::inferBroadcastResult(std::optional<Location> loc,
                                             ValueRange operands,
                                             Type elementType,
                                             SmallVectorImpl<Type> &types) {
  if (failed(requireRanked(loc, operands)))
    return failure();
  Type operandElement = ranked(operands.front()).getElementType();
  SmallVector<int64_t> shape;
  for (Value v : operands) {
    RankedTensorType t = ranked(v);
    if (t.getElementType() != operandElement)
      return fail(loc, "operand element types differ: ", operandElement,
                  " vs ", t.getElementType());
    auto next = broadcastShapes(shape, t.getShape());
    if (failed(next))
      return fail(loc, "operand shapes are not broadcast-compatible: ",
                  ranked(operands.front()), " and ", t);
    shape = *next;
  }
  types.push_back(
      RankedTensorType::get(shape, elementType ? elementType : operandElement));
  return success();
}

LogicalResult tcc::tfm::inferReduceResult(std::optional<Location> loc,
                                          Value input, ArrayRef<int64_t> axes,
                                          bool keepDims, Type elementType,
                                          SmallVectorImpl<Type> &types) {
  RankedTensorType t = ranked(input);
  if (!t)
    return fail(loc, "expects a ranked tensor operand");
  int64_t previous = -1;
  for (int64_t axis : axes) {
    if (axis < 0 || axis >= t.getRank())
      return fail(loc, "reduction axis ", axis, " is out of range for rank ",
                  t.getRank());
    if (axis <= previous)
      return fail(loc, "reduction axes must be sorted and unique");
    previous = axis;
  }
  SmallVector<int64_t> shape;
  for (int64_t d = 0; d < t.getRank(); ++d) {
    bool reduced = llvm::is_contained(axes, d);
    if (!reduced)
      shape.push_back(t.getDimSize(d));
    else if (keepDims)
      shape.push_back(1);
  }
  types.push_back(RankedTensorType::get(
      shape, elementType ? elementType : t.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

LogicalResult ConstantOp::inferReturnTypes(MLIRContext *,
                                           std::optional<Location> loc,
                                           Adaptor adaptor,
                                           SmallVectorImpl<Type> &types) {
  auto value = adaptor.getValueAttr();
  if (!value)
    return fail(loc, "requires a 'value' attribute");
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type || !type.hasStaticShape())
    return fail(loc, "value must be a statically shaped tensor");
  types.push_back(type);
  return success();
}

//===----------------------------------------------------------------------===//
// Transformer building blocks
//===----------------------------------------------------------------------===//

LogicalResult LinearOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  if (failed(requireRanked(loc, {adaptor.getInput(), adaptor.getWeight()})))
    return failure();
  RankedTensorType in = ranked(adaptor.getInput());
  RankedTensorType w = ranked(adaptor.getWeight());
  if (in.getRank() < 1)
    return fail(loc, "input must have rank >= 1");
  if (w.getRank() != 2)
    return fail(loc, "weight must be rank 2 [K, N], got ", w);
  if (in.getShape().back() != w.getDimSize(0))
    return fail(loc, "input inner dimension ", in.getShape().back(),
                " does not match weight K = ", w.getDimSize(0));
  if (in.getElementType() != w.getElementType())
    return fail(loc, "input and weight element types differ");
  if (Value bias = adaptor.getBias()) {
    RankedTensorType b = ranked(bias);
    if (!b || b.getRank() != 1 || b.getDimSize(0) != w.getDimSize(1))
      return fail(loc, "bias must be rank 1 of size N = ", w.getDimSize(1));
    if (b.getElementType() != in.getElementType())
      return fail(loc, "bias element type differs from the input's");
  }
  SmallVector<int64_t> shape(in.getShape());
  shape.back() = w.getDimSize(1);
  types.push_back(RankedTensorType::get(shape, in.getElementType()));
  return success();
}

LogicalResult FusedLinearOp::inferReturnTypes(
    MLIRContext *context, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<Type> &types) {
  // The product's shape rule is tfm.linear's.
  SmallVector<Value> linearOperands{adaptor.getInput(), adaptor.getWeight()};
  if (adaptor.getBias())
    linearOperands.push_back(adaptor.getBias());
  if (failed(LinearOp::inferReturnTypes(
          context, loc, LinearOp::Adaptor(linearOperands), types)))
    return failure();
  if (Value residual = adaptor.getResidual())
    if (residual.getType() != types.front())
      return fail(loc, "residual must have the result type ", types.front(),
                  ", got ", residual.getType());
  return success();
}

LogicalResult MatmulOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  if (failed(requireRanked(loc, {adaptor.getLhs(), adaptor.getRhs()})))
    return failure();
  RankedTensorType lhs = ranked(adaptor.getLhs());
  RankedTensorType rhs = ranked(adaptor.getRhs());
  if (lhs.getRank() < 1 || rhs.getRank() < 1)
    return fail(loc, "operands must have rank >= 1");
  if (lhs.getElementType() != rhs.getElementType())
    return fail(loc, "operand element types differ");
  SmallVector<int64_t> l(lhs.getShape()), r(rhs.getShape());
  bool lhsVector = l.size() == 1, rhsVector = r.size() == 1;
  if (lhsVector)
    l.insert(l.begin(), 1);
  if (rhsVector)
    r.push_back(1);
  int64_t k = l.back();
  if (k != r[r.size() - 2])
    return fail(loc, "contraction dimensions differ: ", k, " vs ",
                r[r.size() - 2]);
  auto batch = broadcastShapes(ArrayRef<int64_t>(l).drop_back(2),
                               ArrayRef<int64_t>(r).drop_back(2));
  if (failed(batch))
    return fail(loc, "batch dimensions are not broadcast-compatible");
  SmallVector<int64_t> shape = *batch;
  if (!lhsVector)
    shape.push_back(l[l.size() - 2]);
  if (!rhsVector)
    shape.push_back(r.back());
  types.push_back(RankedTensorType::get(shape, lhs.getElementType()));
  return success();
}

LogicalResult Conv2dOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  if (failed(requireRanked(loc, {adaptor.getInput(), adaptor.getWeight()})))
    return failure();
  RankedTensorType in = ranked(adaptor.getInput());
  RankedTensorType w = ranked(adaptor.getWeight());
  if (in.getRank() != 4 || w.getRank() != 4)
    return fail(loc, "input and weight must be rank 4 (NCHW, OIHW)");
  if (in.getElementType() != w.getElementType())
    return fail(loc, "input and weight element types differ");
  ArrayRef<int64_t> strides = adaptor.getStrides();
  ArrayRef<int64_t> padding = adaptor.getPadding();
  ArrayRef<int64_t> dilations = adaptor.getDilations();
  if (failed(checkArraySize(loc, "strides", strides, 2)) ||
      failed(checkArraySize(loc, "padding", padding, 4)) ||
      failed(checkArraySize(loc, "dilations", dilations, 2)))
    return failure();
  int64_t groups = adaptor.getGroups();
  if (groups < 1)
    return fail(loc, "groups must be >= 1");
  if (in.getDimSize(1) % groups != 0 ||
      in.getDimSize(1) / groups != w.getDimSize(1))
    return fail(loc, "input channels ", in.getDimSize(1),
                " != weight input channels ", w.getDimSize(1), " x groups ",
                groups);
  if (w.getDimSize(0) % groups != 0)
    return fail(loc, "output channels ", w.getDimSize(0),
                " are not a multiple of groups ", groups);
  if (Value bias = adaptor.getBias()) {
    RankedTensorType b = ranked(bias);
    if (!b || b.getRank() != 1 || b.getDimSize(0) != w.getDimSize(0))
      return fail(loc, "bias must be rank 1 of size ", w.getDimSize(0));
    if (b.getElementType() != in.getElementType())
      return fail(loc, "bias element type differs from the input's");
  }
  SmallVector<int64_t> shape{in.getDimSize(0), w.getDimSize(0)};
  for (int i = 0; i < 2; ++i) {
    auto size = windowOutputSize(loc, in.getDimSize(2 + i), w.getDimSize(2 + i),
                                 strides[i], dilations[i], padding[i],
                                 padding[i + 2], /*ceilMode=*/false);
    if (failed(size))
      return failure();
    shape.push_back(*size);
  }
  types.push_back(RankedTensorType::get(shape, in.getElementType()));
  return success();
}

LogicalResult LayerNormOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &types) {
  RankedTensorType in = ranked(adaptor.getInput());
  if (!in)
    return fail(loc, "expects a ranked tensor input");
  int64_t axis = adaptor.getAxis();
  if (axis < 0 || axis >= in.getRank())
    return fail(loc, "axis ", axis, " is out of range for rank ", in.getRank());
  if (adaptor.getEpsilon().isNegative())
    return fail(loc, "epsilon must be >= 0");
  ArrayRef<int64_t> normalized = in.getShape().drop_front(axis);
  for (Value param : {adaptor.getScale(), adaptor.getBias()}) {
    if (!param)
      continue;
    RankedTensorType p = ranked(param);
    if (!p || p.getShape() != normalized)
      return fail(loc, "scale and bias must have the normalized shape [",
                  normalized, "]");
    if (p.getElementType() != in.getElementType())
      return fail(loc, "scale and bias element types differ from the input's");
  }
  types.push_back(in);
  return success();
}

LogicalResult BatchNormOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &types) {
  if (failed(requireRanked(loc, adaptor.getOperands())))
    return failure();
  RankedTensorType in = ranked(adaptor.getInput());
  if (in.getRank() < 2)
    return fail(loc, "input must have rank >= 2 (channels in dimension 1)");
  if (adaptor.getEpsilon().isNegative())
    return fail(loc, "epsilon must be >= 0");
  int64_t channels = in.getDimSize(1);
  for (Value param : adaptor.getOperands().drop_front()) {
    RankedTensorType p = ranked(param);
    if (p.getRank() != 1 || p.getDimSize(0) != channels)
      return fail(loc, "scale, bias, mean and variance must be rank 1 of size ",
                  channels);
    if (p.getElementType() != in.getElementType())
      return fail(loc, "parameter element types differ from the input's");
  }
  types.push_back(in);
  return success();
}

LogicalResult SoftmaxOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location> loc,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &types) {
  RankedTensorType in = ranked(adaptor.getInput());
  if (!in)
    return fail(loc, "expects a ranked tensor input");
  int64_t axis = adaptor.getAxis();
  if (axis < 0 || axis >= in.getRank())
    return fail(loc, "axis ", axis, " is out of range for rank ", in.getRank());
  types.push_back(in);
  return success();
}

LogicalResult GeluOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> loc,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &types) {
  if (!ranked(adaptor.getInput()))
    return fail(loc, "expects a ranked tensor input");
  types.push_back(adaptor.getInput().getType());
  return success();
}

LogicalResult AttentionOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &types) {
  if (failed(requireRanked(
          loc, {adaptor.getQuery(), adaptor.getKey(), adaptor.getValue()})))
    return failure();
  RankedTensorType q = ranked(adaptor.getQuery());
  RankedTensorType k = ranked(adaptor.getKey());
  RankedTensorType v = ranked(adaptor.getValue());
  int64_t rank = q.getRank();
  if (rank < 2)
    return fail(loc, "query must have rank >= 2 ([batch..., Sq, H*D])");
  if (k.getRank() != rank || v.getRank() != rank)
    return fail(loc, "query, key and value must have the same rank");
  if (k.getElementType() != q.getElementType() ||
      v.getElementType() != q.getElementType())
    return fail(loc, "query, key and value element types differ");
  ArrayRef<int64_t> batch = q.getShape().drop_back(2);
  if (k.getShape().drop_back(2) != batch || v.getShape().drop_back(2) != batch)
    return fail(loc, "query, key and value batch dimensions differ");
  int64_t heads = adaptor.getNumHeads();
  if (heads < 1)
    return fail(loc, "num_heads must be >= 1");
  int64_t sq = q.getDimSize(rank - 2), skv = k.getDimSize(rank - 2);
  if (v.getDimSize(rank - 2) != skv)
    return fail(loc, "key and value sequence lengths differ: ", skv, " vs ",
                v.getDimSize(rank - 2));
  if (q.getShape().back() != k.getShape().back())
    return fail(loc, "query and key feature sizes differ: ",
                q.getShape().back(), " vs ", k.getShape().back());
  if (q.getShape().back() % heads != 0 || v.getShape().back() % heads != 0)
    return fail(loc, "feature sizes must be divisible by num_heads ", heads);
  if (Value mask = adaptor.getMask()) {
    RankedTensorType m = ranked(mask);
    SmallVector<int64_t> scores(batch);
    scores.append({heads, sq, skv});
    if (!m || m.getElementType() != q.getElementType())
      return fail(loc, "mask must be a tensor of the query's element type");
    auto b = broadcastShapes(scores, m.getShape());
    if (failed(b) || ArrayRef<int64_t>(*b) != ArrayRef<int64_t>(scores))
      return fail(loc, "mask ", m, " does not broadcast to scores [", scores,
                  "]");
  }
  SmallVector<int64_t> shape(batch);
  shape.append({sq, v.getShape().back()});
  types.push_back(RankedTensorType::get(shape, q.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

LogicalResult ClampOp::verify() {
  if (getMin().compare(getMax()) == APFloat::cmpGreaterThan)
    return emitOpError("min ") << getMin().convertToDouble()
                               << " is greater than max " << getMax().convertToDouble();
  return success();
}

LogicalResult SelectOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  if (failed(requireRanked(loc, adaptor.getOperands())))
    return failure();
  auto shape = broadcastShapes(ranked(adaptor.getCondition()).getShape(),
                               ranked(adaptor.getOnTrue()).getShape());
  if (succeeded(shape))
    shape = broadcastShapes(*shape, ranked(adaptor.getOnFalse()).getShape());
  if (failed(shape))
    return fail(loc, "operand shapes are not broadcast-compatible");
  Type element = ranked(adaptor.getOnTrue()).getElementType();
  if (ranked(adaptor.getOnFalse()).getElementType() != element)
    return fail(loc, "on_true and on_false element types differ");
  types.push_back(RankedTensorType::get(*shape, element));
  return success();
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

LogicalResult ReshapeOp::verify() {
  auto in = getInput().getType(), out = getOutput().getType();
  if (in.getElementType() != out.getElementType())
    return emitOpError("element type must not change");
  if (in.getNumElements() != out.getNumElements())
    return emitOpError("element count changes from ")
           << in.getNumElements() << " to " << out.getNumElements();
  return success();
}

LogicalResult BroadcastToOp::verify() {
  auto in = getInput().getType(), out = getOutput().getType();
  if (in.getElementType() != out.getElementType())
    return emitOpError("element type must not change");
  auto shape = broadcastShapes(in.getShape(), out.getShape());
  if (failed(shape) || ArrayRef<int64_t>(*shape) != out.getShape())
    return emitOpError("input ") << in << " does not broadcast to " << out;
  return success();
}

LogicalResult CastOp::verify() {
  if (getInput().getType().getShape() != getOutput().getType().getShape())
    return emitOpError("shape must not change");
  return success();
}

LogicalResult TransposeOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &types) {
  RankedTensorType in = ranked(adaptor.getInput());
  if (!in)
    return fail(loc, "expects a ranked tensor input");
  ArrayRef<int64_t> perm = adaptor.getPerm();
  if (static_cast<int64_t>(perm.size()) != in.getRank())
    return fail(loc, "perm has ", perm.size(), " entries for rank ",
                in.getRank());
  llvm::SmallSet<int64_t, 8> seen;
  SmallVector<int64_t> shape;
  for (int64_t p : perm) {
    if (p < 0 || p >= in.getRank() || !seen.insert(p).second)
      return fail(loc, "perm must be a permutation of [0, ", in.getRank(), ")");
    shape.push_back(in.getDimSize(p));
  }
  types.push_back(RankedTensorType::get(shape, in.getElementType()));
  return success();
}

LogicalResult SliceOp::inferReturnTypes(MLIRContext *,
                                        std::optional<Location> loc,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &types) {
  RankedTensorType in = ranked(adaptor.getInput());
  if (!in)
    return fail(loc, "expects a ranked tensor input");
  ArrayRef<int64_t> offsets = adaptor.getOffsets(), sizes = adaptor.getSizes(),
                    strides = adaptor.getStrides();
  size_t rank = in.getRank();
  if (failed(checkArraySize(loc, "offsets", offsets, rank)) ||
      failed(checkArraySize(loc, "sizes", sizes, rank)) ||
      failed(checkArraySize(loc, "strides", strides, rank)))
    return failure();
  for (size_t d = 0; d < rank; ++d) {
    if (sizes[d] < 0)
      return fail(loc, "size ", sizes[d], " in dimension ", d, " is negative");
    if (strides[d] == 0)
      return fail(loc, "stride in dimension ", d, " is zero");
    if (sizes[d] == 0)
      continue;
    int64_t first = offsets[d], last;
    if (llvm::MulOverflow(sizes[d] - 1, strides[d], last) ||
        llvm::AddOverflow(first, last, last))
      return fail(loc, "slice of dimension ", d, " overflows int64");
    int64_t dim = in.getDimSize(d);
    if (first < 0 || first >= dim || last < 0 || last >= dim)
      return fail(loc, "slice of dimension ", d, " reads [", first, ", ", last,
                  "] outside [0, ", dim, ")");
  }
  types.push_back(RankedTensorType::get(sizes, in.getElementType()));
  return success();
}

LogicalResult ConcatOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  ValueRange inputs = adaptor.getInputs();
  if (inputs.empty())
    return fail(loc, "needs at least one input");
  if (failed(requireRanked(loc, inputs)))
    return failure();
  RankedTensorType first = ranked(inputs.front());
  int64_t axis = adaptor.getAxis();
  if (axis < 0 || axis >= first.getRank())
    return fail(loc, "axis ", axis, " is out of range for rank ",
                first.getRank());
  SmallVector<int64_t> shape(first.getShape());
  shape[axis] = 0;
  for (Value v : inputs) {
    RankedTensorType t = ranked(v);
    if (t.getElementType() != first.getElementType() ||
        t.getRank() != first.getRank())
      return fail(loc, "inputs must have one element type and rank");
    for (int64_t d = 0; d < t.getRank(); ++d)
      if (d != axis && t.getDimSize(d) != first.getDimSize(d))
        return fail(loc, "inputs differ in dimension ", d,
                    " which is not the concatenation axis");
    if (llvm::AddOverflow(shape[axis], t.getDimSize(axis), shape[axis]))
      return fail(loc, "concatenated size overflows int64");
  }
  types.push_back(RankedTensorType::get(shape, first.getElementType()));
  return success();
}

LogicalResult GatherOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  if (failed(requireRanked(loc, adaptor.getOperands())))
    return failure();
  RankedTensorType data = ranked(adaptor.getData());
  RankedTensorType indices = ranked(adaptor.getIndices());
  int64_t axis = adaptor.getAxis();
  if (axis < 0 || axis >= data.getRank())
    return fail(loc, "axis ", axis, " is out of range for rank ",
                data.getRank());
  SmallVector<int64_t> shape(data.getShape().take_front(axis));
  llvm::append_range(shape, indices.getShape());
  llvm::append_range(shape, data.getShape().drop_front(axis + 1));
  types.push_back(RankedTensorType::get(shape, data.getElementType()));
  return success();
}

LogicalResult PadOp::inferReturnTypes(MLIRContext *,
                                      std::optional<Location> loc,
                                      Adaptor adaptor,
                                      SmallVectorImpl<Type> &types) {
  RankedTensorType in = ranked(adaptor.getInput());
  if (!in)
    return fail(loc, "expects a ranked tensor input");
  ArrayRef<int64_t> low = adaptor.getLow(), high = adaptor.getHigh();
  if (failed(checkArraySize(loc, "low", low, in.getRank())) ||
      failed(checkArraySize(loc, "high", high, in.getRank())))
    return failure();
  bool reflect = adaptor.getMode() == PadMode::reflect;
  SmallVector<int64_t> shape;
  for (int64_t d = 0; d < in.getRank(); ++d) {
    if (low[d] < 0 || high[d] < 0)
      return fail(loc, "padding must be non-negative (crop with slice)");
    int64_t dim = in.getDimSize(d);
    if (reflect && (low[d] >= dim || high[d] >= dim) && (low[d] || high[d]))
      return fail(loc, "reflect padding of ", std::max(low[d], high[d]),
                  " needs a dimension larger than ", dim);
    if (adaptor.getMode() == PadMode::edge && dim == 0 && (low[d] || high[d]))
      return fail(loc, "edge padding of an empty dimension");
    int64_t size;
    if (llvm::AddOverflow(dim, low[d], size) ||
        llvm::AddOverflow(size, high[d], size))
      return fail(loc, "padded size of dimension ", d, " overflows int64");
    shape.push_back(size);
  }
  types.push_back(RankedTensorType::get(shape, in.getElementType()));
  return success();
}

namespace {
template <typename Adaptor>
LogicalResult inferPool(std::optional<Location> loc, Adaptor adaptor,
                        ArrayRef<int64_t> dilations,
                        SmallVectorImpl<Type> &types) {
  RankedTensorType in = ranked(adaptor.getInput());
  if (!in || in.getRank() != 4)
    return fail(loc, "input must be rank 4 (NCHW)");
  ArrayRef<int64_t> kernel = adaptor.getKernel(), strides = adaptor.getStrides(),
                    padding = adaptor.getPadding();
  if (failed(checkArraySize(loc, "kernel", kernel, 2)) ||
      failed(checkArraySize(loc, "strides", strides, 2)) ||
      failed(checkArraySize(loc, "padding", padding, 4)) ||
      failed(checkArraySize(loc, "dilations", dilations, 2)))
    return failure();
  SmallVector<int64_t> shape(in.getShape().take_front(2));
  for (int i = 0; i < 2; ++i) {
    auto size =
        windowOutputSize(loc, in.getDimSize(2 + i), kernel[i], strides[i],
                         dilations[i], padding[i], padding[i + 2],
                         adaptor.getCeilMode());
    if (failed(size))
      return failure();
    if (padding[i] >= kernel[i] || padding[i + 2] >= kernel[i])
      return fail(loc, "padding must be smaller than the kernel");
    shape.push_back(*size);
  }
  types.push_back(RankedTensorType::get(shape, in.getElementType()));
  return success();
}
} // namespace

LogicalResult MaxPool2dOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &types) {
  return inferPool(loc, adaptor, adaptor.getDilations(), types);
}

LogicalResult AvgPool2dOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &types) {
  static const int64_t unitDilation[] = {1, 1};
  return inferPool(loc, adaptor, unitDilation, types);
}

#define GET_OP_CLASSES
#include "dialects/tfm/TfmOps.cpp.inc"
