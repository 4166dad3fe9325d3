//===- UseGemmUkernels.cpp - weight matmuls -> runtime GEMM microkernels --===//
//
// IREE-style ukernels: the register-blocked, cache-blocked GEMM in
// runtime/kernels beats what the generic loop lowering produces by two
// orders of magnitude, so matmuls by weights call it. Weights are packed at
// compile time with the runtime's own packing routine, which guarantees the
// layout the kernel reads and keeps the artifact deterministic.
//
//===----------------------------------------------------------------------===//
#include "passes/PatternUtils.h"
#include "targets/cpu/BufferPointers.h"
#include "targets/cpu/KernelIsa.h"
#include "targets/cpu/Passes.h"

#include "tcc_kernels.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/SymbolTable.h"

namespace tcc {
#define GEN_PASS_DEF_USEGEMMUKERNELS
#include "targets/cpu/Passes.h.inc"
} // namespace tcc

using namespace mlir;

namespace {

/// The float contents of a constant global, or nothing.
std::optional<std::vector<float>> readWeights(memref::GlobalOp global) {
  if (!global || !global.getConstant() || !global.getInitialValue())
    return std::nullopt;
  return tcc::getF32Elements(*global.getInitialValue());
}

/// (pointer to the first element, row stride) of a rank-2 f32 memref.
std::optional<std::pair<Value, Value>> rowMajorPointer(OpBuilder &b,
                                                       Location loc, Value v) {
  auto type = cast<MemRefType>(v.getType());
  if (type.getRank() != 2 || !type.getElementType().isF32())
    return std::nullopt;
  auto pointer = tcc::bufferPointer(b, loc, v);
  if (failed(pointer))
    return std::nullopt;
  return std::make_pair(pointer->first, pointer->second.front());
}

struct UseGemmUkernelsPass : tcc::impl::UseGemmUkernelsBase<UseGemmUkernelsPass> {
  using UseGemmUkernelsBase::UseGemmUkernelsBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    std::optional<tcc_isa> parsed = tcc::parseKernelIsa(isa);
    if (!parsed) {
      module.emitError("unknown microkernel isa '") << isa << "'";
      return signalPassFailure();
    }
    tcc_isa kernelIsa = *parsed;
    std::string kernelName = "tcc_gemm_f32_" + isa;

    SymbolTable symbols(module);
    MLIRContext *ctx = &getContext();
    OpBuilder b(ctx);
    auto ptrType = LLVM::LLVMPointerType::get(ctx);
    auto i64 = b.getI64Type();
    auto kernelType = b.getFunctionType(
        {i64, i64, i64, ptrType, i64, ptrType, ptrType, ptrType, i64, b.getI32Type()}, {});
    func::FuncOp kernel;
    llvm::DenseMap<Operation *, memref::GlobalOp> packedGlobals;

    SmallVector<linalg::MatmulOp> matmuls;
    module.walk([&](linalg::MatmulOp op) { matmuls.push_back(op); });
    for (linalg::MatmulOp op : matmuls) {
      if (!op.hasPureBufferSemantics())
        continue;
      Value a = op.getDpsInputs()[0], bOperand = op.getDpsInputs()[1];
      Value c = op.getDpsInits()[0];
      auto getGlobal = bOperand.getDefiningOp<memref::GetGlobalOp>();
      if (!getGlobal)
        continue;
      auto global = symbols.lookup<memref::GlobalOp>(getGlobal.getName());
      auto bType = cast<MemRefType>(bOperand.getType());
      if (!global || bType.getRank() != 2 || !bType.getLayout().isIdentity())
        continue;
      int64_t k = bType.getDimSize(0), n = bType.getDimSize(1);
      int64_t m = cast<MemRefType>(a.getType()).getDimSize(0);

      b.setInsertionPoint(op);
      Location loc = op.getLoc();
      auto aPtr = rowMajorPointer(b, loc, a);
      auto cPtr = aPtr ? rowMajorPointer(b, loc, c) : std::nullopt;
      if (!aPtr || !cPtr)
        continue; // leftover metadata ops are dead and fold away

      memref::GlobalOp &packed = packedGlobals[global];
      if (!packed) {
        auto weights = readWeights(global);
        if (!weights)
          continue;
        size_t size = tcc_gemm_packed_b_size_f32(kernelIsa, k, n);
        auto blob = HeapAsmResourceBlob::allocate(size * sizeof(float), alignof(float));
        auto *data = reinterpret_cast<float *>(blob.getMutableData().data());
        tcc_gemm_pack_b_f32(kernelIsa, k, n, weights->data(), n, data);
        auto packedType = MemRefType::get({int64_t(size)}, b.getF32Type());
        std::string name = (global.getSymName() + "_packed_" + isa).str();
        auto attr = DenseResourceElementsAttr::get(
            RankedTensorType::get({int64_t(size)}, b.getF32Type()), name,
            std::move(blob));
        OpBuilder gb = OpBuilder::atBlockBegin(module.getBody());
        packed = gb.create<memref::GlobalOp>(
            global.getLoc(), name, gb.getStringAttr("private"), packedType, attr,
            /*constant=*/true, gb.getI64IntegerAttr(64));
        symbols.insert(packed);
      }
      if (!kernel) {
        OpBuilder kb = OpBuilder::atBlockEnd(module.getBody());
        kernel = kb.create<func::FuncOp>(module.getLoc(), kernelName, kernelType);
        kernel.setPrivate();
      }
      Value packedRef = b.create<memref::GetGlobalOp>(
          loc, packed.getType(), packed.getSymName());
      auto packedMeta = b.create<memref::ExtractAlignedPointerAsIndexOp>(loc, packedRef);
      Value packedPtr = b.create<LLVM::IntToPtrOp>(
          loc, ptrType, b.create<arith::IndexCastOp>(loc, i64, packedMeta));
      auto constant = [&](int64_t v) {
        return b.create<arith::ConstantIntOp>(loc, v, 64).getResult();
      };
      Value null = b.create<LLVM::ZeroOp>(loc, ptrType);
      Value accumulate = b.create<arith::ConstantIntOp>(loc, 1, 32);
      b.create<func::CallOp>(
          loc, kernel,
          ValueRange{constant(m), constant(n), constant(k), aPtr->first,
                     aPtr->second, packedPtr, null, cPtr->first, cPtr->second,
                     accumulate});
      op.erase();
    }

    // Drop weight globals only the rewritten matmuls read: first their
    // now unused get_global ops, then the globals themselves.
    SmallVector<memref::GetGlobalOp> deadGets;
    module.walk([&](memref::GetGlobalOp get) {
      if (get->use_empty())
        deadGets.push_back(get);
    });
    for (memref::GetGlobalOp get : deadGets)
      get.erase();
    for (auto &[original, packed] : packedGlobals) {
      auto global = cast<memref::GlobalOp>(original);
      if (SymbolTable::symbolKnownUseEmpty(global, module))
        global.erase();
    }
  }
};

} // namespace
