//===- PatternUtils.cpp - matchers shared by the raising patterns ---------===//
#include "passes/PatternUtils.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"

#include <cmath>

using namespace mlir;

namespace tcc {

std::optional<double> getUniformConstant(Value value) {
  DenseElementsAttr attr;
  if (!value || !matchPattern(value, m_Constant(&attr)))
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
  if (attr.getNumElements() > 64 || !(isa<FloatType>(type) || isa<IntegerType>(type)))
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

bool isUniformConstant(Value value, double expected, double tol) {
  auto v = getUniformConstant(value);
  return v && std::fabs(*v - expected) <= tol * std::max(1.0, std::fabs(expected));
}

bool isConstant(Value value) {
  return value && value.getDefiningOp<tfm::ConstantOp>();
}

static void collectInto(Value value, Product &product) {
  if (auto mul = value.getDefiningOp<tfm::MulOp>()) {
    for (Value operand : {mul.getLhs(), mul.getRhs()}) {
      if (auto c = getUniformConstant(operand))
        product.coefficient *= *c;
      else
        collectInto(operand, product);
    }
    return;
  }
  if (auto div = value.getDefiningOp<tfm::DivOp>()) {
    if (auto c = getUniformConstant(div.getRhs()); c && *c != 0.0) {
      product.coefficient /= *c;
      collectInto(div.getLhs(), product);
      return;
    }
  }
  product.factors.push_back(value);
}

Product collectProduct(Value value) {
  Product product;
  collectInto(value, product);
  return product;
}

} // namespace tcc
