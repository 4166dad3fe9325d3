//===- PatternUtils.h - matchers shared by the raising patterns -*- C++ -*-===//
#ifndef TCC_PASSES_PATTERNUTILS_H
#define TCC_PASSES_PATTERNUTILS_H

#include "dialects/tfm/TfmOps.h"

#include <optional>

namespace tcc {

/// The value of a constant whose elements are all equal (a splat, or a
/// dense constant holding one repeated value), as a double.
std::optional<double> getUniformConstant(mlir::Value value);

/// True when `value` is a constant all of whose elements are within `tol`
/// (relative) of `expected`.
bool isUniformConstant(mlir::Value value, double expected, double tol = 1e-4);

/// True when `value` is produced by a tfm.constant (splat or not).
bool isConstant(mlir::Value value);

/// A product `coefficient * factors[0] * factors[1] * ...` read through
/// chains of tfm.mul and tfm.div by uniform constants; `factors` are the
/// non-constant leaves in the order met.
struct Product {
  double coefficient = 1.0;
  llvm::SmallVector<mlir::Value, 4> factors;
};
Product collectProduct(mlir::Value value);

} // namespace tcc

#endif // TCC_PASSES_PATTERNUTILS_H
