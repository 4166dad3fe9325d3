//===- BufferPointers.cpp - memref -> (address, strides) for kernel calls -===//
#include "targets/cpu/BufferPointers.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"

using namespace mlir;

llvm::FailureOr<std::pair<Value, SmallVector<Value>>>
tcc::bufferPointer(OpBuilder &b, Location loc, Value memref) {
  // Casts to a dynamic layout (what bufferization.to_memref asked for)
  // hide the static layout of their source.
  while (auto cast = memref.getDefiningOp<memref::CastOp>())
    memref = cast.getSource();
  auto type = dyn_cast<MemRefType>(memref.getType());
  if (!type || type.getRank() < 1)
    return failure();
  SmallVector<int64_t> strides;
  int64_t offset;
  if (failed(getStridesAndOffset(type, strides, offset)) ||
      ShapedType::isDynamic(offset) ||
      llvm::any_of(strides, ShapedType::isDynamic) ||
      (strides.back() != 1 && type.getShape().back() != 1))
    return failure();

  int64_t elementBytes = type.getElementTypeBitWidth() / 8;
  Value root = memref;
  Value address = b.create<arith::ConstantIndexOp>(loc, offset * elementBytes);
  while (Operation *def = root.getDefiningOp()) {
    if (auto view = dyn_cast<memref::ViewOp>(def)) {
      address = b.create<arith::AddIOp>(loc, address, view.getByteShift());
      root = view.getSource();
    } else if (isa<memref::SubViewOp, memref::CollapseShapeOp,
                   memref::ExpandShapeOp, memref::CastOp,
                   memref::ReinterpretCastOp>(def)) {
      root = def->getOperand(0);
    } else {
      break;
    }
  }
  Value aligned = b.create<memref::ExtractAlignedPointerAsIndexOp>(loc, root);
  address = b.create<arith::AddIOp>(loc, aligned, address);
  Value ptr = b.create<LLVM::IntToPtrOp>(
      loc, LLVM::LLVMPointerType::get(b.getContext()),
      b.create<arith::IndexCastOp>(loc, b.getI64Type(), address));
  SmallVector<Value> strideValues;
  for (int64_t stride : ArrayRef<int64_t>(strides).drop_back())
    strideValues.push_back(b.create<arith::ConstantIntOp>(loc, stride, 64));
  return std::make_pair(ptr, strideValues);
}
