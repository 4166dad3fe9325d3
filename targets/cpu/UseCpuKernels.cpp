//===- UseCpuKernels.cpp - tfm ops -> calls of the runtime's CPU kernels --===//
//
// Runs on tfm before the linalg lowering. The transformer ops that the
// generic loop lowering makes slow (attention's score matrix and softmax,
// the reductions of layer norm, erf in GELU, and linear layers with their
// epilogue) become `tfm.kernel_call`s of runtime/kernels, IREE-ukernel
// style: the kernels are register-blocked, vectorized and tiled for the
// ISA, and the call hands them buffers:
//   inputs   bufferization.to_memref (read_only) of the operand tensor,
//   outputs  a memref.alloc (placed in the arena by tfm-plan-memory) that
//            becomes the result tensor through to_tensor (restrict).
// Linear weights are packed here, at compile time, by the runtime's own
// packing routine into the kernel's panel layout (a new constant; the
// original is dropped once unused).
//
// An op whose operands are not f32, or whose shape the kernel does not take
// (softmax over an inner axis, a mask whose batch dims are partly
// broadcast), is left to the linalg lowering.
//
//===----------------------------------------------------------------------===//
#include "passes/PatternUtils.h"
#include "targets/cpu/KernelIsa.h"
#include "targets/cpu/Passes.h"

#include "tcc_kernels.h"

#include "dialects/tfm/TfmOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"

namespace tcc {
#define GEN_PASS_DEF_USECPUKERNELS
#include "targets/cpu/Passes.h.inc"
} // namespace tcc

using namespace mlir;
namespace tfm = tcc::tfm;

namespace {

int64_t product(ArrayRef<int64_t> dims) {
  int64_t n = 1;
  for (int64_t d : dims)
    n *= d;
  return n;
}

bool isF32Tensor(Value v) {
  auto type = dyn_cast<RankedTensorType>(v.getType());
  return type && type.hasStaticShape() && type.getElementType().isF32() &&
         type.getNumElements() > 0;
}

/// Builds the kernel calls of one function.
class KernelCallBuilder {
public:
  KernelCallBuilder(OpBuilder &b, Location loc) : b(b), loc(loc) {}

  Value reshape(Value v, ArrayRef<int64_t> shape) {
    auto type = cast<RankedTensorType>(v.getType());
    if (type.getShape() == shape)
      return v;
    return b.create<tfm::ReshapeOp>(
        loc, RankedTensorType::get(shape, type.getElementType()), v);
  }
  /// A buffer the kernel reads: whatever layout bufferization gives `v`.
  Value input(Value v) {
    auto type = cast<RankedTensorType>(v.getType());
    SmallVector<int64_t> strides(type.getRank(), ShapedType::kDynamic);
    auto layout = StridedLayoutAttr::get(b.getContext(), ShapedType::kDynamic,
                                         strides);
    auto memref =
        MemRefType::get(type.getShape(), type.getElementType(), layout);
    return b.create<bufferization::ToMemrefOp>(loc, memref, v,
                                               /*read_only=*/true);
  }
  /// A buffer the kernel writes (or uses as scratch).
  Value output(ArrayRef<int64_t> shape) {
    return b.create<memref::AllocOp>(
        loc, MemRefType::get(shape, b.getF32Type()), b.getI64IntegerAttr(64));
  }
  /// The tensor a kernel wrote into `buffer`.
  Value result(Value buffer) {
    auto type = cast<MemRefType>(buffer.getType());
    return b.create<bufferization::ToTensorOp>(
        loc, RankedTensorType::get(type.getShape(), type.getElementType()),
        buffer, /*restrict=*/true, /*writable=*/true);
  }
  Value i64(int64_t v) { return b.create<arith::ConstantIntOp>(loc, v, 64); }
  Value i32(int64_t v) { return b.create<arith::ConstantIntOp>(loc, v, 32); }
  Value f32(double v) {
    return b.create<arith::ConstantFloatOp>(loc, APFloat(float(v)),
                                            b.getF32Type());
  }
  Value null() {
    return b.create<LLVM::ZeroOp>(loc, LLVM::LLVMPointerType::get(b.getContext()));
  }
  void call(StringRef callee, ArrayRef<Value> args) {
    b.create<tfm::KernelCallOp>(loc, callee, args);
  }

private:
  OpBuilder &b;
  Location loc;
};

struct UseCpuKernelsPass : tcc::impl::UseCpuKernelsBase<UseCpuKernelsPass> {
  using UseCpuKernelsBase::UseCpuKernelsBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    std::optional<tcc_isa> parsed = tcc::parseKernelIsa(isa);
    if (!parsed) {
      module.emitError("no CPU kernels for isa '") << isa << "'";
      return signalPassFailure();
    }
    kernelIsa = *parsed;

    SmallVector<Operation *> ops;
    module.walk([&](Operation *op) {
      if (llvm::isa<tfm::LinearOp, tfm::FusedLinearOp, tfm::AttentionOp,
              tfm::LayerNormOp, tfm::SoftmaxOp, tfm::GeluOp>(op))
        ops.push_back(op);
    });
    for (Operation *op : ops) {
      OpBuilder b(op);
      KernelCallBuilder kb(b, op->getLoc());
      Value replacement;
      if (auto linear = dyn_cast<tfm::LinearOp>(op))
        replacement = useLinear(kb, linear.getInput(), linear.getWeight(),
                                linear.getBias(), Value(),
                                tfm::Activation::none, linear.getType());
      else if (auto fused = dyn_cast<tfm::FusedLinearOp>(op))
        replacement = useLinear(kb, fused.getInput(), fused.getWeight(),
                                fused.getBias(), fused.getResidual(),
                                fused.getActivation(), fused.getType());
      else if (auto attention = dyn_cast<tfm::AttentionOp>(op))
        replacement = attentionKernels ? useAttention(kb, attention) : Value();
      else if (auto norm = dyn_cast<tfm::LayerNormOp>(op))
        replacement = useLayerNorm(kb, norm);
      else if (auto softmax = dyn_cast<tfm::SoftmaxOp>(op))
        replacement = useSoftmax(kb, softmax);
      else if (auto gelu = dyn_cast<tfm::GeluOp>(op))
        replacement = useGelu(kb, gelu);
      if (replacement) {
        op->getResult(0).replaceAllUsesWith(replacement);
        op->erase();
      }
    }
    // Weights that only the rewritten layers read.
    SmallVector<Operation *> dead;
    module.walk([&](tfm::ConstantOp c) {
      if (c->use_empty())
        dead.push_back(c);
    });
    for (Operation *op : dead)
      op->erase();
  }

private:
  std::string kernel(StringRef name) const {
    return ("tcc_" + name + "_f32_" + isa).str();
  }

  /// The weight packed for the kernel, once per weight.
  Value packedWeight(Value weight) {
    Value &packed = packedWeights[weight];
    if (packed)
      return packed;
    auto floats = tcc::getF32ConstantValues(weight);
    if (!floats)
      return Value();
    auto type = cast<RankedTensorType>(weight.getType());
    int64_t k = type.getDimSize(0), n = type.getDimSize(1);
    size_t size = tcc_gemm_packed_b_size_f32(kernelIsa, k, n);
    auto blob = HeapAsmResourceBlob::allocate(size * sizeof(float), alignof(float));
    auto *data = reinterpret_cast<float *>(blob.getMutableData().data());
    tcc_gemm_pack_b_f32(kernelIsa, k, n, floats->data(), n, data);
    // Named after the order of packing: deterministic for one input.
    std::string name = "tcc_packed_" + isa + "_" + std::to_string(packedCount++);
    auto attr = DenseResourceElementsAttr::get(
        RankedTensorType::get({int64_t(size)}, Float32Type::get(weight.getContext())),
        name, std::move(blob));
    OpBuilder b(weight.getContext());
    b.setInsertionPointAfterValue(weight);
    packed = b.create<tfm::ConstantOp>(weight.getLoc(), attr.getType(), attr);
    return packed;
  }

  Value useLinear(KernelCallBuilder &kb, Value input, Value weight, Value bias,
                  Value residual, tfm::Activation activation,
                  RankedTensorType type) {
    if (!isF32Tensor(input) || !isF32Tensor(weight) ||
        (bias && !isF32Tensor(bias)) || (residual && !isF32Tensor(residual)) ||
        !type.hasStaticShape() || type.getNumElements() == 0)
      return Value();
    auto wType = cast<RankedTensorType>(weight.getType());
    int64_t k = wType.getDimSize(0), n = wType.getDimSize(1);
    int64_t m = type.getNumElements() / n;
    Value packed = packedWeight(weight);
    if (!packed)
      return Value();
    Value a = kb.input(kb.reshape(input, {m, k}));
    SmallVector<Value> args{kb.i64(m), kb.i64(n), kb.i64(k), a,
                            kb.input(packed)};
    args.push_back(bias ? kb.input(bias) : kb.null());
    args.push_back(kb.i32(static_cast<int64_t>(activation)));
    if (residual) {
      args.push_back(kb.input(kb.reshape(residual, {m, n})));
    } else {
      args.push_back(kb.null());
      args.push_back(kb.i64(0));
    }
    Value out = kb.output({m, n});
    args.push_back(out);
    kb.call(kernel("linear"), args);
    return kb.reshape(kb.result(out), type.getShape());
  }

  Value useAttention(KernelCallBuilder &kb, tfm::AttentionOp op) {
    if (!isF32Tensor(op.getQuery()) || !isF32Tensor(op.getKey()) ||
        !isF32Tensor(op.getValue()) ||
        (op.getMask() && !isF32Tensor(op.getMask())) ||
        !op.getType().hasStaticShape() || op.getType().getNumElements() == 0)
      return Value();
    auto q = cast<RankedTensorType>(op.getQuery().getType());
    auto kType = cast<RankedTensorType>(op.getKey().getType());
    auto vType = cast<RankedTensorType>(op.getValue().getType());
    int64_t rank = q.getRank(), heads = op.getNumHeads();
    ArrayRef<int64_t> batch = q.getShape().drop_back(2);
    int64_t nb = product(batch), sq = q.getDimSize(rank - 2),
            skv = kType.getDimSize(rank - 2);
    int64_t dk = q.getShape().back() / heads, dv = vType.getShape().back() / heads;

    // The mask as [batch 1|nb, heads 1|H, rows 1|Sq, cols 1|Skv].
    SmallVector<int64_t> maskDims;
    if (Value mask = op.getMask()) {
      auto mType = cast<RankedTensorType>(mask.getType());
      SmallVector<int64_t> full(rank + 1 - mType.getRank(), 1);
      llvm::append_range(full, mType.getShape());
      ArrayRef<int64_t> mBatch = ArrayRef<int64_t>(full).drop_back(3);
      bool allOne = llvm::all_of(mBatch, [](int64_t d) { return d == 1; });
      if (!allOne && mBatch != batch)
        return Value(); // partly broadcast batch dims: linalg lowering
      maskDims = {allOne ? 1 : nb, full[rank - 2], full[rank - 1], full[rank]};
    }

    SmallVector<Value> args{kb.i64(nb),  kb.i64(heads), kb.i64(sq),
                            kb.i64(skv), kb.i64(dk),    kb.i64(dv),
                            kb.f32(op.getScale().convertToDouble())};
    args.push_back(kb.input(kb.reshape(op.getQuery(), {nb, sq, heads * dk})));
    args.push_back(kb.input(kb.reshape(op.getKey(), {nb, skv, heads * dk})));
    args.push_back(kb.input(kb.reshape(op.getValue(), {nb, skv, heads * dv})));
    if (op.getMask()) {
      for (int64_t d : maskDims)
        args.push_back(kb.i64(d));
      args.push_back(kb.input(kb.reshape(op.getMask(), maskDims)));
    }
    Value out = kb.output({nb, sq, heads * dv});
    args.push_back(out);
    // Tile sizes from tfm-tile-for-cache, else the kernel's defaults.
    int64_t blockQ = 0, blockK = 0;
    if (auto tile = op->getAttrOfType<DenseI64ArrayAttr>("tfm.tile");
        tile && tile.size() == 2) {
      blockQ = tile[0];
      blockK = tile[1];
    }
    args.push_back(kb.i64(blockQ));
    args.push_back(kb.i64(blockK));
    int64_t scratch = int64_t(tcc_attention_scratch_size_f32(
        kernelIsa, sq, skv, dk, dv, blockQ, blockK));
    args.push_back(kb.output({scratch}));
    kb.call(kernel(op.getMask() ? "attention_masked" : "attention"), args);
    return kb.reshape(kb.result(out), op.getType().getShape());
  }

  Value useLayerNorm(KernelCallBuilder &kb, tfm::LayerNormOp op) {
    if (!isF32Tensor(op.getInput()) ||
        (op.getScale() && !isF32Tensor(op.getScale())) ||
        (op.getBias() && !isF32Tensor(op.getBias())))
      return Value();
    ArrayRef<int64_t> shape = op.getType().getShape();
    int64_t axis = op.getAxis();
    int64_t rows = product(shape.take_front(axis)),
            cols = product(shape.drop_front(axis));
    SmallVector<Value> args{kb.i64(rows), kb.i64(cols),
                            kb.input(kb.reshape(op.getInput(), {rows, cols}))};
    for (Value affine : {op.getScale(), op.getBias()})
      args.push_back(affine ? kb.input(kb.reshape(affine, {cols})) : kb.null());
    args.push_back(kb.f32(op.getEpsilon().convertToDouble()));
    Value out = kb.output({rows, cols});
    args.push_back(out);
    kb.call(kernel("layer_norm"), args);
    return kb.reshape(kb.result(out), shape);
  }

  Value useSoftmax(KernelCallBuilder &kb, tfm::SoftmaxOp op) {
    if (!isF32Tensor(op.getInput()))
      return Value();
    ArrayRef<int64_t> shape = op.getType().getShape();
    int64_t rank = shape.size(), axis = op.getAxis();
    if (axis < 0)
      axis += rank;
    if (axis != rank - 1)
      return Value();
    int64_t cols = shape.back(), rows = product(shape.drop_back());
    Value out = kb.output({rows, cols});
    kb.call(kernel("softmax"),
            {kb.i64(rows), kb.i64(cols),
             kb.input(kb.reshape(op.getInput(), {rows, cols})), out});
    return kb.reshape(kb.result(out), shape);
  }

  Value useGelu(KernelCallBuilder &kb, tfm::GeluOp op) {
    if (!isF32Tensor(op.getInput()))
      return Value();
    int64_t n = op.getType().getNumElements();
    int64_t act = op.getApproximate() == tfm::GeluApproximation::tanh
                      ? TCC_ACT_GELU_TANH
                      : TCC_ACT_GELU_ERF;
    Value out = kb.output({n});
    kb.call(kernel("activation"),
            {kb.i64(n), kb.i32(act), kb.input(kb.reshape(op.getInput(), {n})),
             out});
    return kb.reshape(kb.result(out), op.getType().getShape());
  }

  tcc_isa kernelIsa = TCC_ISA_GENERIC;
  llvm::DenseMap<Value, Value> packedWeights;
  int64_t packedCount = 0;
};

} // namespace
