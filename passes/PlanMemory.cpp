//===- PlanMemory.cpp - static arena plan for bufferized functions --------===//
//
// After bufferization every intermediate tensor is a `memref.alloc` of a
// static shape. This pass gives each one an offset in a single arena, reusing
// bytes between buffers whose live ranges do not overlap, and rewrites the
// allocation into a `memref.view` of an arena argument appended to the
// function. The generated code then never allocates, and the arena size is a
// compile-time constant the runtime and firmware can reserve statically.
//
// Live ranges are positions in the function's top-level block: a buffer is
// live from its allocation to the last top-level op that uses it or any view
// derived from it (subview, reshape, cast...). Placement is greedy by size,
// largest first, at the lowest aligned offset free for the whole live range —
// the classic heuristic that is within a few percent of optimal on
// transformer graphs, whose buffers come in few distinct sizes.
//
//===----------------------------------------------------------------------===//
#include "passes/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/DenseMap.h"

namespace tcc {
#define GEN_PASS_DEF_PLANMEMORY
#include "passes/Passes.h.inc"
} // namespace tcc

using namespace mlir;

namespace {

struct Buffer {
  memref::AllocOp alloc;
  int64_t bytes = 0;
  int64_t begin = 0, end = 0; // live range, inclusive, in block positions
  int64_t offset = -1;
};

int64_t alignTo(int64_t value, int64_t alignment) {
  return (value + alignment - 1) / alignment * alignment;
}

/// The last position in `block` at which a value derived from `root` is
/// used; values derived are the memref results of any op taking one.
int64_t lastUse(Value root, Block &block,
                const llvm::DenseMap<Operation *, int64_t> &position) {
  int64_t last = position.lookup(root.getDefiningOp());
  SmallVector<Value> worklist{root};
  while (!worklist.empty()) {
    Value value = worklist.pop_back_val();
    for (Operation *user : value.getUsers()) {
      Operation *top = block.findAncestorOpInBlock(*user);
      if (top)
        last = std::max(last, position.lookup(top));
      for (Value result : user->getResults())
        if (isa<BaseMemRefType>(result.getType()))
          worklist.push_back(result);
    }
  }
  return last;
}

struct PlanMemoryPass : tcc::impl::PlanMemoryBase<PlanMemoryPass> {
  using PlanMemoryBase::PlanMemoryBase;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (func.isExternal())
      return;
    Block &block = func.getBody().front();
    if (!func.getBody().hasOneBlock()) {
      func.emitError("memory planning needs a single-block function");
      return signalPassFailure();
    }

    llvm::DenseMap<Operation *, int64_t> position;
    int64_t index = 0;
    for (Operation &op : block)
      position[&op] = index++;

    SmallVector<Buffer> buffers;
    WalkResult walk = func.walk([&](memref::AllocOp alloc) {
      MemRefType type = alloc.getType();
      if (alloc->getBlock() != &block || !type.hasStaticShape() ||
          !type.getLayout().isIdentity() || !type.getElementType().isIntOrFloat()) {
        alloc.emitError("cannot place this allocation in the static arena "
                        "(nested, dynamic or non-identity layout)");
        return WalkResult::interrupt();
      }
      Buffer buffer;
      buffer.alloc = alloc;
      int64_t bits = type.getElementTypeBitWidth();
      buffer.bytes = std::max<int64_t>(1, (type.getNumElements() * bits + 7) / 8);
      buffer.begin = position[alloc];
      buffer.end = lastUse(alloc.getResult(), block, position);
      buffers.push_back(buffer);
      return WalkResult::advance();
    });
    if (walk.wasInterrupted())
      return signalPassFailure();

    // Largest first; ties by program order so the plan is deterministic.
    SmallVector<Buffer *> order;
    for (Buffer &b : buffers)
      order.push_back(&b);
    llvm::stable_sort(order, [](const Buffer *a, const Buffer *b) {
      return a->bytes > b->bytes;
    });
    int64_t arenaSize = 0;
    SmallVector<Buffer *> placed;
    for (Buffer *buffer : order) {
      // Candidate offsets: 0 and the aligned end of every placed buffer whose
      // live range overlaps; the lowest one that fits wins.
      SmallVector<std::pair<int64_t, int64_t>> busy;
      for (Buffer *other : placed)
        if (other->begin <= buffer->end && buffer->begin <= other->end)
          busy.push_back({other->offset, other->offset + other->bytes});
      llvm::sort(busy);
      int64_t offset = 0;
      for (auto [start, stop] : busy) {
        if (offset + buffer->bytes <= start)
          break;
        offset = std::max(offset, alignTo(stop, alignment));
      }
      buffer->offset = offset;
      arenaSize = std::max(arenaSize, offset + buffer->bytes);
      placed.push_back(buffer);
    }
    arenaSize = alignTo(arenaSize, alignment);

    // The arena is the last argument: memref<arenaSize x i8> (at least one
    // byte so the type is valid for graphs without intermediates).
    MLIRContext *ctx = &getContext();
    auto arenaType =
        MemRefType::get({std::max<int64_t>(arenaSize, 1)}, IntegerType::get(ctx, 8));
    unsigned argIndex = func.getNumArguments();
    func.insertArgument(argIndex, arenaType, DictionaryAttr::get(ctx),
                        func.getLoc());
    Value arena = func.getArgument(argIndex);
    OpBuilder builder(ctx);
    for (Buffer &buffer : buffers) {
      builder.setInsertionPoint(buffer.alloc);
      Value offset = builder.create<arith::ConstantIndexOp>(buffer.alloc.getLoc(),
                                                            buffer.offset);
      Value view = builder.create<memref::ViewOp>(
          buffer.alloc.getLoc(), buffer.alloc.getType(), arena, offset,
          ValueRange{});
      for (Operation *user : llvm::make_early_inc_range(buffer.alloc->getUsers()))
        if (isa<memref::DeallocOp>(user))
          user->erase();
      buffer.alloc.replaceAllUsesWith(view);
      buffer.alloc.erase();
    }
    auto size = builder.getI64IntegerAttr(std::max<int64_t>(arenaSize, 1));
    func->setAttr("tfm.arena_size", size);
    if (auto module = func->getParentOfType<ModuleOp>())
      module->setAttr("tfm.arena_size", size);
  }
};

} // namespace
