//===- ConvToGemm.cpp - tfm.conv2d -> im2col + tfm.linear ------------------===//
//
// A convolution by a constant weight is a linear layer over the im2col
// matrix, [N*OH*OW, C*KH*KW] x [C*KH*KW, F], so it runs on the same GEMM
// kernels (and weight packing) as every other linear layer:
//  * patchify convolutions (kernel == stride, no dilation: ViT's patch
//    embedding, 1x1 convolutions) need no copy beyond a transpose:
//      [N,C,OH*KH,OW*KW] -> [N,C,OH,KH,OW,KW] -> [N,OH,OW,C,KH,KW]
//  * any other stride/dilation/padding gathers one strided slice per
//    kernel tap, [N,C,OH,OW] each, into [N,C,KH*KW,OH,OW] -> [N,OH,OW,C,KH*KW]
//    (after zero padding); the column matrix is KH*KW times the input,
//    bounded by `max-columns-bytes`.
// The weight [F,C,KH,KW] is transposed at compile time to [C*KH*KW, F];
// the product [N*OH*OW, F] goes back to NCHW with one transpose (which
// cancels against the flatten+transpose that a ViT applies next).
// Grouped convolutions keep the linalg lowering.
//
//===----------------------------------------------------------------------===//
#include "passes/PatternUtils.h"
#include "passes/Passes.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace tcc {
#define GEN_PASS_DEF_CONVTOGEMM
#include "passes/Passes.h.inc"
} // namespace tcc

using namespace mlir;
using namespace tcc;

namespace {

struct ConvToGemmPattern : OpRewritePattern<tfm::Conv2dOp> {
  ConvToGemmPattern(MLIRContext *ctx, int64_t maxColumnsBytes)
      : OpRewritePattern(ctx), maxColumnsBytes(maxColumnsBytes) {}

  LogicalResult matchAndRewrite(tfm::Conv2dOp op,
                                PatternRewriter &rewriter) const override {
    auto inType = cast<RankedTensorType>(op.getInput().getType());
    auto wType = cast<RankedTensorType>(op.getWeight().getType());
    auto outType = cast<RankedTensorType>(op.getType());
    if (op.getGroups() != 1 || !inType.getElementType().isF32() ||
        !inType.hasStaticShape() || outType.getNumElements() == 0)
      return rewriter.notifyMatchFailure(op, "grouped, non-f32 or empty");
    auto weights = getF32ConstantValues(op.getWeight());
    if (!weights)
      return rewriter.notifyMatchFailure(op, "weight is not a constant");

    int64_t n = inType.getDimSize(0), c = inType.getDimSize(1);
    int64_t f = wType.getDimSize(0), kh = wType.getDimSize(2),
            kw = wType.getDimSize(3);
    int64_t oh = outType.getDimSize(2), ow = outType.getDimSize(3);
    ArrayRef<int64_t> strides = op.getStrides(), dil = op.getDilations(),
                      pad = op.getPadding();
    int64_t rows = n * oh * ow, depth = c * kh * kw;
    bool patchify = strides[0] == kh && strides[1] == kw && dil[0] == 1 &&
                    dil[1] == 1;
    if (!patchify && rows * depth * 4 > maxColumnsBytes)
      return rewriter.notifyMatchFailure(op, "column matrix too large");

    Location loc = op.getLoc();
    Type f32 = rewriter.getF32Type();
    auto tensor = [&](ArrayRef<int64_t> shape) {
      return RankedTensorType::get(shape, f32);
    };
    auto reshape = [&](Value v, ArrayRef<int64_t> shape) -> Value {
      return rewriter.create<tfm::ReshapeOp>(loc, tensor(shape), v);
    };
    auto transpose = [&](Value v, ArrayRef<int64_t> perm) -> Value {
      return rewriter.create<tfm::TransposeOp>(loc, v, perm);
    };

    Value input = op.getInput();
    if (llvm::any_of(pad, [](int64_t p) { return p != 0; }))
      input = rewriter.create<tfm::PadOp>(
          loc, input, rewriter.getDenseI64ArrayAttr({0, 0, pad[0], pad[1]}),
          rewriter.getDenseI64ArrayAttr({0, 0, pad[2], pad[3]}),
          tfm::PadModeAttr::get(getContext(), tfm::PadMode::constant),
          rewriter.getF64FloatAttr(0.0));
    auto padded = cast<RankedTensorType>(input.getType());

    Value columns;
    if (patchify) {
      // Rows/columns past the last full window are never read.
      if (padded.getDimSize(2) != oh * kh || padded.getDimSize(3) != ow * kw)
        input = rewriter.create<tfm::SliceOp>(
            loc, input, ArrayRef<int64_t>{0, 0, 0, 0},
            ArrayRef<int64_t>{n, c, oh * kh, ow * kw},
            ArrayRef<int64_t>{1, 1, 1, 1});
      Value split = reshape(input, {n, c, oh, kh, ow, kw});
      columns = transpose(split, {0, 2, 4, 1, 3, 5});
    } else {
      SmallVector<Value> taps;
      for (int64_t i = 0; i < kh; ++i)
        for (int64_t j = 0; j < kw; ++j) {
          Value tap = rewriter.create<tfm::SliceOp>(
              loc, input, ArrayRef<int64_t>{0, 0, i * dil[0], j * dil[1]},
              ArrayRef<int64_t>{n, c, oh, ow},
              ArrayRef<int64_t>{1, 1, strides[0], strides[1]});
          taps.push_back(reshape(tap, {n, c, 1, oh, ow}));
        }
      Value stacked =
          taps.size() == 1
              ? taps.front()
              : rewriter.create<tfm::ConcatOp>(loc, taps, 2).getResult();
      columns = transpose(stacked, {0, 3, 4, 1, 2});
    }
    columns = reshape(columns, {rows, depth});

    // [F, C*KH*KW] -> [C*KH*KW, F], computed here.
    auto blob = HeapAsmResourceBlob::allocate(depth * f * sizeof(float),
                                              alignof(float));
    auto *data = reinterpret_cast<float *>(blob.getMutableData().data());
    for (int64_t o = 0; o < f; ++o)
      for (int64_t k = 0; k < depth; ++k)
        data[k * f + o] = (*weights)[o * depth + k];
    auto weightAttr = DenseResourceElementsAttr::get(
        tensor({depth, f}), "conv_gemm_weight", std::move(blob));
    Value weight =
        rewriter.create<tfm::ConstantOp>(loc, weightAttr.getType(), weightAttr);

    Value product = rewriter.create<tfm::LinearOp>(
        loc, tensor({rows, f}), columns, weight, op.getBias());
    Value nhwc = reshape(product, {n, oh, ow, f});
    rewriter.replaceOp(op, transpose(nhwc, {0, 3, 1, 2}));
    return success();
  }

  int64_t maxColumnsBytes;
};

struct ConvToGemmPass : tcc::impl::ConvToGemmBase<ConvToGemmPass> {
  using ConvToGemmBase::ConvToGemmBase;
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<ConvToGemmPattern>(&getContext(), maxColumnsBytes);
    if (failed(applyPatternsAndFoldGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
