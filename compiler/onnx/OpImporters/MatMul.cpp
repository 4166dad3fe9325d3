//===- MatMul.cpp - MatMul and Gemm ---------------------------------------===//
//
// MatMul always becomes tfm.matmul (raise-linear turns a constant rhs into a
// linear layer later). Gemm with a constant B becomes tfm.linear directly:
// B is transposed to [K, N] and alpha folded into it at import time, and a
// constant C that is one value per output column (scaled by beta) becomes
// the bias.
//
//===----------------------------------------------------------------------===//
#include "compiler/onnx/OpImporters/OpImporters.h"

#include "dialects/tfm/TfmOps.h"

#include <cstring>

using namespace mlir;
using namespace tcc;
using namespace tcc::importer;

namespace {

void importMatMul(const onnx::NodeProto &, int64_t, NodeContext &ctx) {
  ctx.setOutput(0, ctx.create<tfm::MatmulOp>(ctx.operand(0), ctx.operand(1)));
}

template <typename T>
void transformMatrix(const char *src, char *dst, int64_t rows, int64_t cols,
                     bool transpose, double scale) {
  // Output is [rows, cols]; with `transpose` the source is [cols, rows].
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t c = 0; c < cols; ++c) {
      T v;
      int64_t from = transpose ? c * rows + r : r * cols + c;
      std::memcpy(&v, src + from * sizeof(T), sizeof(T));
      v = static_cast<T>(v * scale);
      std::memcpy(dst + (r * cols + c) * sizeof(T), &v, sizeof(T));
    }
}

/// A new constant of `shape` holding the [rows, cols] matrix read from the
/// constant `value` (as [cols, rows] when `transpose`), times `scale`; null
/// when the element type is not one the transform handles.
Value transformedConstant(NodeContext &ctx, TensorValue &value,
                          ArrayRef<int64_t> shape, int64_t rows, int64_t cols,
                          bool transpose, double scale, StringRef nameHint) {
  Type element = value.type.getElementType();
  if (!element.isF32() && !element.isF64())
    return nullptr;
  Buffer scratch;
  std::optional<ArrayRef<char>> bytes = ctx.state.constantBytes(value, scratch);
  if (!bytes)
    return nullptr;
  Buffer out(static_cast<size_t>(rows * cols) * byteWidth(element));
  if (element.isF32())
    transformMatrix<float>(bytes->data(), out.data(), rows, cols, transpose, scale);
  else
    transformMatrix<double>(bytes->data(), out.data(), rows, cols, transpose, scale);
  return ctx.state.constant(RankedTensorType::get(shape, element), std::move(out),
                            nameHint, ctx.loc);
}

void importGemm(const onnx::NodeProto &, int64_t opset, NodeContext &ctx) {
  TensorValue &aValue = ctx.input(0);
  TensorValue &bValue = ctx.input(1);
  if (aValue.type.getRank() != 2 || bValue.type.getRank() != 2)
    ctx.fail("A and B must be 2-D, got " + shapeString(aValue.type.getShape()) +
             " and " + shapeString(bValue.type.getShape()));
  if (opset < 11 && !ctx.hasInput(2))
    ctx.fail("input C is required before opset 11");
  double alpha = ctx.attrFloat("alpha", 1.0f);
  double beta = ctx.attrFloat("beta", 1.0f);
  bool transA = ctx.attrInt("transA", 0) != 0;
  bool transB = ctx.attrInt("transB", 0) != 0;
  ArrayRef<int64_t> aShape = aValue.type.getShape(), bShape = bValue.type.getShape();
  int64_t m = transA ? aShape[1] : aShape[0];
  int64_t k = transA ? aShape[0] : aShape[1];
  int64_t kB = transB ? bShape[1] : bShape[0];
  int64_t n = transB ? bShape[0] : bShape[1];
  if (k != kB)
    ctx.fail("A " + shapeString(aShape) + (transA ? " (transposed)" : "") +
             " and B " + shapeString(bShape) + (transB ? " (transposed)" : "") +
             " do not contract");

  Value a = ctx.operand(0);
  if (transA)
    a = ctx.transpose(a, {1, 0});
  Type element = aValue.type.getElementType();

  // Constant B: tfm.linear with B laid out as [K, N].
  Value weight;
  if (isa<FloatType>(element) && ctx.state.isConstant(bValue)) {
    if (!transB && alpha == 1.0) {
      weight = ctx.operand(1);
    } else {
      std::string hint = bValue.uses == 1 ? bValue.name : bValue.name + ".kn";
      weight = transformedConstant(ctx, bValue, {k, n}, k, n, transB, alpha, hint);
      if (weight && bValue.uses == 1 && !bValue.value)
        ctx.state.releaseProto(bValue);
    }
  }
  if (weight) {
    Value bias;
    bool cIsBias = false;
    if (ctx.hasInput(2)) {
      TensorValue &cValue = ctx.input(2);
      ArrayRef<int64_t> cShape = cValue.type.getShape();
      cIsBias = ctx.state.isConstant(cValue) && cValue.type.getNumElements() == n &&
                !cShape.empty() && cShape.back() == n &&
                (cShape.size() == 1 || (cShape.size() == 2 && cShape[0] == 1));
      if (cIsBias) {
        if (beta == 1.0 && cShape.size() == 1)
          bias = ctx.operand(2);
        else
          bias = transformedConstant(ctx, cValue, {n}, 1, n, false, beta,
                                     cValue.name + ".bias");
        cIsBias = static_cast<bool>(bias);
      }
    }
    Value y = ctx.create<tfm::LinearOp>(a, weight, bias);
    if (ctx.hasInput(2) && !cIsBias) {
      Value c = ctx.operand(2);
      if (beta != 1.0)
        c = ctx.create<tfm::MulOp>(c, ctx.scalar(element, beta));
      y = ctx.create<tfm::AddOp>(y, c);
    }
    if (cast<RankedTensorType>(y.getType()).getShape() != ArrayRef<int64_t>{m, n})
      ctx.fail("C " + shapeString(ctx.inputShape(2)) + " does not broadcast to [" +
               Twine(m) + ", " + Twine(n) + "]");
    return ctx.setOutput(0, y);
  }

  Value b = ctx.operand(1);
  if (transB)
    b = ctx.transpose(b, {1, 0});
  Value y = ctx.create<tfm::MatmulOp>(a, b);
  if (alpha != 1.0)
    y = ctx.create<tfm::MulOp>(y, ctx.scalar(element, alpha));
  if (ctx.hasInput(2)) {
    Value c = ctx.operand(2);
    if (beta != 1.0)
      c = ctx.create<tfm::MulOp>(c, ctx.scalar(element, beta));
    y = ctx.create<tfm::AddOp>(y, c);
    if (cast<RankedTensorType>(y.getType()).getShape() != ArrayRef<int64_t>{m, n})
      ctx.fail("C " + shapeString(ctx.inputShape(2)) + " does not broadcast to [" +
               Twine(m) + ", " + Twine(n) + "]");
  }
  ctx.setOutput(0, y);
}

} // namespace

void tcc::importer::registerMatMulOps(OpRegistry &r) {
  r["MatMul"] = importMatMul;
  r["Gemm"] = importGemm;
}
