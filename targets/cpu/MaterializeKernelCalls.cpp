//===- MaterializeKernelCalls.cpp - tfm.kernel_call -> func.call ----------===//
//
// Runs once memory is planned, when every buffer is a view of the arena, a
// global or an argument with a static layout: each memref operand becomes
// its address and outer strides (BufferPointers.h) and the call a
// `func.call` of the C kernel, declared from the operand types. Two calls of
// one kernel that would need different C signatures are an internal error.
//
//===----------------------------------------------------------------------===//
#include "targets/cpu/BufferPointers.h"
#include "targets/cpu/Passes.h"

#include "dialects/tfm/TfmOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/SymbolTable.h"

namespace tcc {
#define GEN_PASS_DEF_MATERIALIZEKERNELCALLS
#include "targets/cpu/Passes.h.inc"
} // namespace tcc

using namespace mlir;

namespace {

struct MaterializeKernelCallsPass
    : tcc::impl::MaterializeKernelCallsBase<MaterializeKernelCallsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    SmallVector<tcc::tfm::KernelCallOp> calls;
    module.walk([&](tcc::tfm::KernelCallOp call) { calls.push_back(call); });

    for (tcc::tfm::KernelCallOp call : calls) {
      OpBuilder b(call);
      Location loc = call.getLoc();
      SmallVector<Value> args;
      for (Value operand : call.getArgs()) {
        if (!isa<MemRefType>(operand.getType())) {
          args.push_back(operand);
          continue;
        }
        auto pointer = tcc::bufferPointer(b, loc, operand);
        if (failed(pointer)) {
          call.emitError("kernel operand ")
              << operand.getType()
              << " has no static layout with unit inner stride";
          return signalPassFailure();
        }
        args.push_back(pointer->first);
        llvm::append_range(args, pointer->second);
      }
      auto type = b.getFunctionType(ValueRange(args).getTypes(), {});
      auto callee = symbols.lookup<func::FuncOp>(call.getCallee());
      if (!callee) {
        OpBuilder mb = OpBuilder::atBlockEnd(module.getBody());
        callee = mb.create<func::FuncOp>(module.getLoc(), call.getCallee(), type);
        callee.setPrivate();
        symbols.insert(callee);
      } else if (callee.getFunctionType() != type) {
        call.emitError("kernel '")
            << call.getCallee() << "' called with two signatures: "
            << callee.getFunctionType() << " and " << type;
        return signalPassFailure();
      }
      b.create<func::CallOp>(loc, callee, args);
      call.erase();
    }
  }
};

} // namespace
