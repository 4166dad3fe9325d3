//===- Utils.cpp - shared helpers of the tfm -> linalg patterns -----------===//
#include "targets/common/TfmToLinalg/Utils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Utils/ReshapeOpsUtils.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "llvm/ADT/STLExtras.h"

#include <limits>

using namespace mlir;

namespace tcc::tfm_to_linalg {

SmallVector<utils::IteratorType> parallelIterators(unsigned n) {
  return SmallVector<utils::IteratorType>(n, utils::IteratorType::parallel);
}

int64_t numElements(ArrayRef<int64_t> shape) {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

AffineMap broadcastMap(MLIRContext *ctx, ArrayRef<int64_t> operandShape,
                       ArrayRef<int64_t> resultShape) {
  unsigned rank = resultShape.size();
  unsigned offset = rank - operandShape.size();
  SmallVector<AffineExpr> exprs;
  for (auto [i, size] : llvm::enumerate(operandShape)) {
    unsigned d = offset + i;
    // A unit dim stretched by the result always reads element 0; a unit dim
    // the result keeps as 1 may use the loop dim (always 0) and stays a
    // projected permutation, which keeps the map vectorizer-friendly.
    if (size == 1 && resultShape[d] != 1)
      exprs.push_back(getAffineConstantExpr(0, ctx));
    else
      exprs.push_back(getAffineDimExpr(d, ctx));
  }
  return AffineMap::get(rank, 0, exprs, ctx);
}

Value emptyTensor(OpBuilder &b, Location loc, ArrayRef<int64_t> shape,
                  Type elementType) {
  return b.create<tensor::EmptyOp>(loc, shape, elementType);
}

Value filledTensor(OpBuilder &b, Location loc, ArrayRef<int64_t> shape,
                   Value scalar) {
  Value empty = emptyTensor(b, loc, shape, scalar.getType());
  return b.create<linalg::FillOp>(loc, scalar, empty).getResult(0);
}

Value scalarConstant(OpBuilder &b, Location loc, Type type, double value) {
  if (isa<FloatType>(type))
    return b.create<arith::ConstantOp>(loc, b.getFloatAttr(type, value));
  auto intType = cast<IntegerType>(type);
  if (intType.getWidth() == 1)
    return b.create<arith::ConstantOp>(loc,
                                       b.getIntegerAttr(type, value != 0.0));
  return b.create<arith::ConstantOp>(
      loc, b.getIntegerAttr(type, static_cast<int64_t>(value)));
}

Value lowestValue(OpBuilder &b, Location loc, Type type) {
  if (isa<FloatType>(type))
    return scalarConstant(b, loc, type,
                          -std::numeric_limits<double>::infinity());
  unsigned width = type.getIntOrFloatBitWidth();
  return b.create<arith::ConstantOp>(
      loc, b.getIntegerAttr(type, APInt::getSignedMinValue(width)));
}

Value highestValue(OpBuilder &b, Location loc, Type type) {
  if (isa<FloatType>(type))
    return scalarConstant(b, loc, type,
                          std::numeric_limits<double>::infinity());
  unsigned width = type.getIntOrFloatBitWidth();
  return b.create<arith::ConstantOp>(
      loc, b.getIntegerAttr(type, APInt::getSignedMaxValue(width)));
}

bool isConvertible(Type src, Type dst) {
  auto numeric = [](Type t) { return isa<FloatType, IntegerType>(t); };
  if (!numeric(src) || !numeric(dst))
    return false;
  // Signed/unsigned integer types would need different extension rules;
  // tfm tensors are signless.
  for (Type t : {src, dst})
    if (auto i = dyn_cast<IntegerType>(t); i && !i.isSignless())
      return false;
  return true;
}

Value convertScalar(OpBuilder &b, Location loc, Value value, Type dst) {
  Type src = value.getType();
  if (src == dst)
    return value;
  auto srcFloat = dyn_cast<FloatType>(src);
  auto dstFloat = dyn_cast<FloatType>(dst);
  if (srcFloat && dstFloat) {
    if (srcFloat.getWidth() < dstFloat.getWidth())
      return b.create<arith::ExtFOp>(loc, dst, value);
    if (srcFloat.getWidth() > dstFloat.getWidth())
      return b.create<arith::TruncFOp>(loc, dst, value);
    // Same width, different format (f16 <-> bf16): go through f32, which
    // holds both exactly.
    Value wide = b.create<arith::ExtFOp>(loc, b.getF32Type(), value);
    return b.create<arith::TruncFOp>(loc, dst, wide);
  }
  if (dst.isInteger(1)) {
    Value zero = scalarConstant(b, loc, src, 0.0);
    if (srcFloat) // NaN != 0 is true, like bool(nan) in numpy.
      return b.create<arith::CmpFOp>(loc, arith::CmpFPredicate::UNE, value,
                                     zero);
    return b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::ne, value, zero);
  }
  if (srcFloat) // fptosi truncates toward zero.
    return b.create<arith::FPToSIOp>(loc, dst, value);
  if (dstFloat) {
    if (src.isInteger(1))
      return b.create<arith::UIToFPOp>(loc, dst, value);
    return b.create<arith::SIToFPOp>(loc, dst, value);
  }
  unsigned srcWidth = src.getIntOrFloatBitWidth();
  unsigned dstWidth = dst.getIntOrFloatBitWidth();
  if (srcWidth < dstWidth) {
    if (srcWidth == 1)
      return b.create<arith::ExtUIOp>(loc, dst, value);
    return b.create<arith::ExtSIOp>(loc, dst, value);
  }
  return b.create<arith::TruncIOp>(loc, dst, value);
}

Type accumulatorType(Type type) {
  if (auto f = dyn_cast<FloatType>(type); f && f.getWidth() < 32)
    return Float32Type::get(type.getContext());
  return type;
}

Value buildElementwise(OpBuilder &b, Location loc, RankedTensorType resultType,
                       ValueRange inputs, BodyBuilder body) {
  MLIRContext *ctx = b.getContext();
  ArrayRef<int64_t> shape = resultType.getShape();
  SmallVector<AffineMap> maps;
  for (Value input : inputs)
    maps.push_back(broadcastMap(
        ctx, cast<RankedTensorType>(input.getType()).getShape(), shape));
  maps.push_back(AffineMap::getMultiDimIdentityMap(shape.size(), ctx));
  Value init = emptyTensor(b, loc, shape, resultType.getElementType());
  auto generic = b.create<linalg::GenericOp>(
      loc, TypeRange{resultType}, inputs, ValueRange{init}, maps,
      parallelIterators(shape.size()),
      [&](OpBuilder &nb, Location nloc, ValueRange args) {
        nb.create<linalg::YieldOp>(nloc, body(nb, nloc, args));
      });
  return generic.getResult(0);
}

AffineMap dropDimsMap(MLIRContext *ctx, unsigned rank, ArrayRef<int64_t> axes) {
  SmallVector<AffineExpr> exprs;
  for (unsigned d = 0; d < rank; ++d)
    if (!llvm::is_contained(axes, static_cast<int64_t>(d)))
      exprs.push_back(getAffineDimExpr(d, ctx));
  return AffineMap::get(rank, 0, exprs, ctx);
}

Value buildReduction(
    OpBuilder &b, Location loc, Value input, ArrayRef<int64_t> axes,
    Type accType, Value init,
    llvm::function_ref<Value(OpBuilder &, Location, Value, Value)> combine) {
  MLIRContext *ctx = b.getContext();
  auto type = cast<RankedTensorType>(input.getType());
  unsigned rank = type.getRank();
  SmallVector<int64_t> shape;
  SmallVector<utils::IteratorType> iterators = parallelIterators(rank);
  for (unsigned d = 0; d < rank; ++d) {
    if (llvm::is_contained(axes, static_cast<int64_t>(d)))
      iterators[d] = utils::IteratorType::reduction;
    else
      shape.push_back(type.getDimSize(d));
  }
  Value acc = filledTensor(b, loc, shape, init);
  SmallVector<AffineMap> maps{AffineMap::getMultiDimIdentityMap(rank, ctx),
                              dropDimsMap(ctx, rank, axes)};
  auto generic = b.create<linalg::GenericOp>(
      loc, TypeRange{acc.getType()}, ValueRange{input}, ValueRange{acc}, maps,
      iterators, [&](OpBuilder &nb, Location nloc, ValueRange args) {
        Value element = convertScalar(nb, nloc, args[0], accType);
        nb.create<linalg::YieldOp>(nloc, combine(nb, nloc, element, args[1]));
      });
  return generic.getResult(0);
}

Value reshapeTo(OpBuilder &b, Location loc, Value value,
                ArrayRef<int64_t> shape) {
  auto type = cast<RankedTensorType>(value.getType());
  if (type.getShape() == shape)
    return value;
  auto target = RankedTensorType::get(shape, type.getElementType());
  // Rank 0 <-> all-ones shapes: the empty reassociation.
  if (type.getRank() == 0)
    return b.create<tensor::ExpandShapeOp>(loc, target, value,
                                           ArrayRef<ReassociationIndices>{});
  if (target.getRank() == 0)
    return b.create<tensor::CollapseShapeOp>(loc, target, value,
                                             ArrayRef<ReassociationIndices>{});
  if (type.getRank() > target.getRank())
    if (auto r = getReassociationIndicesForCollapse(type.getShape(), shape))
      return b.create<tensor::CollapseShapeOp>(loc, target, value, *r);
  if (type.getRank() < target.getRank())
    if (auto r = getReassociationIndicesForCollapse(shape, type.getShape()))
      return b.create<tensor::ExpandShapeOp>(loc, target, value, *r);
  // No single reassociation (e.g. [2, 3] -> [3, 2]): through 1-D.
  Value flat = value;
  int64_t count = type.getNumElements();
  if (type.getRank() != 1) {
    ReassociationIndices all;
    for (int64_t d = 0; d < type.getRank(); ++d)
      all.push_back(d);
    flat = b.create<tensor::CollapseShapeOp>(
        loc, RankedTensorType::get({count}, type.getElementType()), value,
        ArrayRef<ReassociationIndices>{all});
  }
  if (target.getRank() == 1)
    return flat;
  ReassociationIndices all;
  for (int64_t d = 0; d < target.getRank(); ++d)
    all.push_back(d);
  return b.create<tensor::ExpandShapeOp>(loc, target, flat,
                                         ArrayRef<ReassociationIndices>{all});
}

Value padTensor(OpBuilder &b, Location loc, Value value, ArrayRef<int64_t> low,
                ArrayRef<int64_t> high, Value padValue) {
  auto isZero = [](int64_t p) { return p == 0; };
  if (llvm::all_of(low, isZero) && llvm::all_of(high, isZero))
    return value;
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> shape(type.getShape());
  for (size_t d = 0; d < shape.size(); ++d)
    shape[d] += low[d] + high[d];
  return b.create<tensor::PadOp>(
      loc, RankedTensorType::get(shape, type.getElementType()), value,
      getAsIndexOpFoldResult(b.getContext(), low),
      getAsIndexOpFoldResult(b.getContext(), high), padValue);
}

Value transposeTensor(OpBuilder &b, Location loc, Value value,
                      ArrayRef<int64_t> perm) {
  if (llvm::equal(perm, llvm::seq<int64_t>(0, perm.size())))
    return value;
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> shape;
  for (int64_t p : perm)
    shape.push_back(type.getDimSize(p));
  Value init = emptyTensor(b, loc, shape, type.getElementType());
  return b.create<linalg::TransposeOp>(loc, value, init, perm).getResult()[0];
}

Value buildSoftmax(OpBuilder &b, Location loc, Value input, int64_t axis) {
  MLIRContext *ctx = b.getContext();
  auto type = cast<RankedTensorType>(input.getType());
  Type element = type.getElementType();
  Type acc = accumulatorType(element);
  unsigned rank = type.getRank();
  AffineMap identity = AffineMap::getMultiDimIdentityMap(rank, ctx);
  AffineMap rowMap = dropDimsMap(ctx, rank, {axis});

  // Subtracting the row maximum keeps exp() finite; maximumf propagates NaN
  // so a NaN row stays NaN instead of picking an arbitrary maximum.
  Value max = buildReduction(
      b, loc, input, {axis}, acc, lowestValue(b, loc, acc),
      [](OpBuilder &nb, Location nloc, Value x, Value m) -> Value {
        return nb.create<arith::MaximumFOp>(nloc, x, m);
      });
  Value expInit = emptyTensor(b, loc, type.getShape(), acc);
  Value exps =
      b.create<linalg::GenericOp>(
           loc, TypeRange{expInit.getType()}, ValueRange{input, max},
           ValueRange{expInit}, ArrayRef<AffineMap>{identity, rowMap, identity},
           parallelIterators(rank),
           [&](OpBuilder &nb, Location nloc, ValueRange args) {
             Value x = convertScalar(nb, nloc, args[0], acc);
             Value shifted = nb.create<arith::SubFOp>(nloc, x, args[1]);
             nb.create<linalg::YieldOp>(
                 nloc, ValueRange{nb.create<math::ExpOp>(nloc, shifted)});
           })
          .getResult(0);
  Value sum = buildReduction(
      b, loc, exps, {axis}, acc, scalarConstant(b, loc, acc, 0.0),
      [](OpBuilder &nb, Location nloc, Value x, Value s) -> Value {
        return nb.create<arith::AddFOp>(nloc, x, s);
      });
  Value outInit = emptyTensor(b, loc, type.getShape(), element);
  return b
      .create<linalg::GenericOp>(
          loc, TypeRange{type}, ValueRange{exps, sum}, ValueRange{outInit},
          ArrayRef<AffineMap>{identity, rowMap, identity},
          parallelIterators(rank),
          [&](OpBuilder &nb, Location nloc, ValueRange args) {
            Value p = nb.create<arith::DivFOp>(nloc, args[0], args[1]);
            nb.create<linalg::YieldOp>(nloc,
                                       convertScalar(nb, nloc, p, element));
          })
      .getResult(0);
}

} // namespace tcc::tfm_to_linalg
