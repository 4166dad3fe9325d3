//===- PatternUtils.cpp - matchers shared by the raising patterns ---------===//
#include "passes/PatternUtils.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Matchers.h"

#include <cmath>

using namespace mlir;

namespace tcc {

std::optional<double> getUniformConstant(Value value) {
  if (!value)
    return std::nullopt;
  // The importer casts e.g. an integer Pow exponent to the base's float
  // type with a tfm.cast, which nothing folds; the value is the same.
  if (auto cast = value.getDefiningOp<tfm::CastOp>();
      cast && isa<FloatType>(cast.getType().getElementType()))
    return getUniformConstant(cast.getInput());
  DenseElementsAttr attr;
  if (!matchPattern(value, m_Constant(&attr)))
    return std::nullopt;
  auto type = attr.getElementType();
  auto asDouble = [&](Attribute a) -> std::optional<double> {
    if (auto f = dyn_cast<FloatAttr>(a))
      return f.getValueAsDouble();
    if (auto i = dyn_cast<IntegerAttr>(a))
      return static_cast<double>(i.getValue().getSExtValue());
    return std::nullopt;
  };
  if (attr.isSplat())
    return asDouble(attr.getSplatValue<Attribute>());
  // Small non-splat constants can still hold one repeated value (exporters
  // write e.g. a [1]-shaped 0.5 with a non-splat encoding).
  if (attr.getNumElements() > 64 ||
      !(isa<FloatType>(type) || isa<IntegerType>(type)))
    return std::nullopt;
  std::optional<double> first;
  for (Attribute a : attr.getValues<Attribute>()) {
    auto v = asDouble(a);
    if (!v || (first && *v != *first))
      return std::nullopt;
    first = v;
  }
  return first;
}

bool isNear(double a, double expected, double tol) {
  return std::fabs(a - expected) <= tol * std::max(1.0, std::fabs(expected));
}

bool isUniformConstant(Value value, double expected, double tol) {
  auto v = getUniformConstant(value);
  return v && isNear(*v, expected, tol);
}

bool isConstant(Value value) {
  return value && value.getDefiningOp<tfm::ConstantOp>();
}

namespace {
struct ProductWalker {
  ArrayRef<Value> leaves;
  bool expandPow;

  void collect(Value value, Product &product) {
    if (llvm::is_contained(leaves, value)) {
      product.factors.push_back(value);
      return;
    }
    if (auto mul = value.getDefiningOp<tfm::MulOp>()) {
      product.ops.push_back(mul);
      for (Value operand : {mul.getLhs(), mul.getRhs()}) {
        if (auto c = getUniformConstant(operand))
          product.coefficient *= *c;
        else
          collect(operand, product);
      }
      return;
    }
    // Integer division truncates: only a float div is a product.
    if (auto div = value.getDefiningOp<tfm::DivOp>();
        div && isa<FloatType>(div.getType().getElementType())) {
      if (auto c = getUniformConstant(div.getRhs()); c && *c != 0.0) {
        product.ops.push_back(div);
        product.coefficient /= *c;
        collect(div.getLhs(), product);
        return;
      }
    }
    if (auto pow = value.getDefiningOp<tfm::PowOp>(); pow && expandPow) {
      // Only small integer powers are products; x^2.5 stays a leaf.
      auto k = getUniformConstant(pow.getRhs());
      if (k && *k >= 1.0 && *k <= 8.0 && *k == std::floor(*k)) {
        product.ops.push_back(pow);
        Product base;
        collect(pow.getLhs(), base);
        for (int i = 0, e = static_cast<int>(*k); i < e; ++i) {
          product.coefficient *= base.coefficient;
          product.factors.append(base.factors);
        }
        product.ops.append(base.ops);
        return;
      }
    }
    product.factors.push_back(value);
  }
};
} // namespace

Product collectProduct(Value value) {
  return collectProduct(value, {}, /*expandPow=*/false);
}

Product collectProduct(Value value, ArrayRef<Value> leaves, bool expandPow) {
  Product product;
  ProductWalker{leaves, expandPow}.collect(value, product);
  return product;
}

unsigned countFactor(const Product &product, Value value) {
  return llvm::count(product.factors, value);
}

std::optional<Scaled> matchUniformScale(Value value) {
  Operation *op = value.getDefiningOp();
  if (!op)
    return std::nullopt;
  auto keepsType = [&](Value operand) {
    return operand.getType() == value.getType();
  };
  if (auto mul = dyn_cast<tfm::MulOp>(op)) {
    for (auto [c, x] : {std::pair(mul.getRhs(), mul.getLhs()),
                        std::pair(mul.getLhs(), mul.getRhs())}) {
      if (auto s = getUniformConstant(c); s && !isConstant(x) && keepsType(x))
        return Scaled{*s, x};
    }
    return std::nullopt;
  }
  if (auto div = dyn_cast<tfm::DivOp>(op)) {
    auto s = getUniformConstant(div.getRhs());
    if (s && *s != 0.0 && keepsType(div.getLhs()) &&
        isa<FloatType>(div.getType().getElementType()))
      return Scaled{1.0 / *s, div.getLhs()};
  }
  return std::nullopt;
}

std::optional<SmallVector<bool>> getBoolConstantValues(Value value) {
  auto constant = value ? value.getDefiningOp<tfm::ConstantOp>() : nullptr;
  if (!constant || !constant.getType().getElementType().isInteger(1))
    return std::nullopt;
  Attribute attr = constant.getValueAttr();
  int64_t n = constant.getType().getNumElements();
  if (auto dense = dyn_cast<DenseElementsAttr>(attr)) {
    SmallVector<bool> values;
    if (dense.isSplat())
      values.assign(n, dense.getSplatValue<bool>());
    else
      values.assign(dense.value_begin<bool>(), dense.value_end<bool>());
    return values;
  }
  if (auto resource = dyn_cast<DenseBoolResourceElementsAttr>(attr)) {
    // A resource whose blob was not loaded (or was dropped) has no data;
    // nothing can be concluded from it.
    auto data = resource.tryGetAsArrayRef();
    if (!data || static_cast<int64_t>(data->size()) != n)
      return std::nullopt;
    return SmallVector<bool>(data->begin(), data->end());
  }
  return std::nullopt;
}

bool allSingleUse(ArrayRef<Operation *> ops, Operation *except) {
  return llvm::all_of(ops, [&](Operation *op) {
    return op == except || op->getResult(0).hasOneUse();
  });
}

bool broadcastsInto(ArrayRef<int64_t> small, ArrayRef<int64_t> shape) {
  auto b = tfm::broadcastShapes(small, shape);
  return succeeded(b) && ArrayRef<int64_t>(*b) == shape;
}

} // namespace tcc

std::optional<std::vector<float>> tcc::getF32Elements(mlir::Attribute value) {
  if (auto resource = llvm::dyn_cast<mlir::DenseF32ResourceElementsAttr>(value)) {
    if (auto data = resource.tryGetAsArrayRef())
      return std::vector<float>(data->begin(), data->end());
    return std::nullopt;
  }
  if (auto dense = llvm::dyn_cast<mlir::DenseElementsAttr>(value);
      dense && dense.getElementType().isF32()) {
    auto values = dense.getValues<float>();
    return std::vector<float>(values.begin(), values.end());
  }
  return std::nullopt;
}

std::optional<std::vector<float>> tcc::getF32ConstantValues(mlir::Value value) {
  auto constant = value.getDefiningOp<tfm::ConstantOp>();
  if (!constant)
    return std::nullopt;
  return getF32Elements(constant.getValue());
}
