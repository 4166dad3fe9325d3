//===- TfmFolders.cpp - tfm folders ----------------------------------------===//
//
// Folders cover identities and compositions that every later pass benefits
// from seeing removed. Constant folding is limited to `dense` (small)
// constants: weights in resource blobs are transformed by the passes that
// own them, never copied implicitly.
//
//===----------------------------------------------------------------------===//
#include "dialects/tfm/TfmOps.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace tcc::tfm;

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValueAttr(); }

OpFoldResult ReshapeOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getType())
    return getInput();
  if (auto dense = dyn_cast_or_null<DenseElementsAttr>(adaptor.getInput()))
    return dense.reshape(getType());
  // reshape(reshape(x)) == reshape(x): only the final shape matters.
  if (auto producer = getInput().getDefiningOp<ReshapeOp>()) {
    getInputMutable().assign(producer.getInput());
    return getResult();
  }
  return {};
}

OpFoldResult BroadcastToOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getType())
    return getInput();
  if (auto dense = dyn_cast_or_null<SplatElementsAttr>(adaptor.getInput()))
    return SplatElementsAttr::get(getType(), dense.getSplatValue<Attribute>());
  return {};
}

OpFoldResult CastOp::fold(FoldAdaptor) {
  if (getInput().getType() == getType())
    return getInput();
  return {};
}

OpFoldResult TransposeOp::fold(FoldAdaptor adaptor) {
  ArrayRef<int64_t> perm = getPerm();
  bool identity = true;
  for (auto [i, p] : llvm::enumerate(perm))
    identity &= static_cast<int64_t>(i) == p;
  if (identity)
    return getInput();
  if (auto dense = dyn_cast_or_null<SplatElementsAttr>(adaptor.getInput()))
    return dense.resizeSplat(getType());
  // transpose(transpose(x, p1), p2) == transpose(x, p1[p2[i]]).
  if (auto producer = getInput().getDefiningOp<TransposeOp>()) {
    ArrayRef<int64_t> inner = producer.getPerm();
    SmallVector<int64_t> composed;
    for (int64_t p : perm)
      composed.push_back(inner[p]);
    getInputMutable().assign(producer.getInput());
    setPerm(composed);
    return getResult();
  }
  return {};
}

OpFoldResult SliceOp::fold(FoldAdaptor adaptor) {
  auto in = getInput().getType();
  bool whole = getSizes() == in.getShape();
  for (auto [offset, stride] : llvm::zip(getOffsets(), getStrides()))
    whole &= offset == 0 && stride == 1;
  if (whole)
    return getInput();
  if (auto dense = dyn_cast_or_null<SplatElementsAttr>(adaptor.getInput()))
    return dense.resizeSplat(getType());
  return {};
}

OpFoldResult ConcatOp::fold(FoldAdaptor) {
  if (getInputs().size() == 1)
    return getInputs().front();
  return {};
}
