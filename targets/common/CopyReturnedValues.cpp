//===- CopyReturnedValues.cpp - every result is computed by the function --===//
//
// After bufferization each result of `main` is a buffer the caller passes
// in. When a result is an argument (an identity model, a Dropout at
// inference), a constant, or the same value as another result, nothing in
// the function writes that buffer; upstream's results-to-out-params
// rewriting also assumes a returned buffer was allocated by the function.
// Returning a copy makes every result an ordinary computed tensor.
//
//===----------------------------------------------------------------------===//
#include "targets/common/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/DenseSet.h"

namespace tcc {
#define GEN_PASS_DEF_COPYRETURNEDVALUES
#include "targets/common/Passes.h.inc"
} // namespace tcc

using namespace mlir;

namespace {
struct CopyReturnedValuesPass
    : tcc::impl::CopyReturnedValuesBase<CopyReturnedValuesPass> {
  void runOnOperation() override {
    func::FuncOp func = getOperation();
    func.walk([&](func::ReturnOp ret) {
      OpBuilder builder(ret);
      llvm::DenseSet<Value> seen;
      for (OpOperand &operand : ret->getOpOperands()) {
        Value value = operand.get();
        auto type = dyn_cast<RankedTensorType>(value.getType());
        bool needsCopy = isa<BlockArgument>(value) ||
                         value.getDefiningOp<arith::ConstantOp>() ||
                         !seen.insert(value).second;
        if (!type || !needsCopy)
          continue;
        Value empty = builder.create<tensor::EmptyOp>(ret.getLoc(), type.getShape(),
                                                      type.getElementType());
        operand.set(builder.create<linalg::CopyOp>(ret.getLoc(), value, empty)
                        .getResult(0));
      }
    });
  }
};
} // namespace
