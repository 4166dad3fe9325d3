//===- PatternUtils.h - matchers shared by the raising patterns -*- C++ -*-===//
#ifndef TCC_PASSES_PATTERNUTILS_H
#define TCC_PASSES_PATTERNUTILS_H

#include "dialects/tfm/TfmOps.h"

#include <optional>
#include <vector>

namespace tcc {

/// The value of a constant whose elements are all equal (a splat, or a
/// dense constant holding one repeated value), as a double.
std::optional<double> getUniformConstant(mlir::Value value);

/// True when `value` is a constant all of whose elements are within `tol`
/// (relative) of `expected`.
bool isUniformConstant(mlir::Value value, double expected, double tol = 1e-4);

/// True when `a` is within `tol` (relative) of `expected`.
bool isNear(double a, double expected, double tol = 1e-4);

/// True when `value` is produced by a tfm.constant (splat or not).
bool isConstant(mlir::Value value);

/// A product `coefficient * factors[0] * factors[1] * ...` read through
/// chains of tfm.mul and tfm.div by uniform constants; `factors` are the
/// non-constant leaves in the order met. `ops` are the mul/div (and, with
/// `expandPow`, pow) operations walked through, the root's producer first,
/// so that callers can check that nothing else uses them before replacing
/// the product.
struct Product {
  double coefficient = 1.0;
  llvm::SmallVector<mlir::Value, 4> factors;
  llvm::SmallVector<mlir::Operation *, 4> ops;
};
Product collectProduct(mlir::Value value);

/// collectProduct that never looks inside the values in `leaves` (they are
/// factors as they are, even when they are products themselves) and, with
/// `expandPow`, reads `pow(y, k)` for a small positive integer constant k
/// as k factors y.
Product collectProduct(mlir::Value value, llvm::ArrayRef<mlir::Value> leaves,
                       bool expandPow);

/// How many times `value` occurs in `product.factors`.
unsigned countFactor(const Product &product, mlir::Value value);

/// `value` as `scale * operand` when it is a tfm.mul by a uniform constant
/// (either side) or a tfm.div by a non-zero uniform constant, and the
/// constant does not broadcast the operand to a larger type.
struct Scaled {
  double scale;
  mlir::Value operand;
};
std::optional<Scaled> matchUniformScale(mlir::Value value);

/// The elements of a constant i1 tensor (dense, or a dense_resource whose
/// blob is present), row-major.
std::optional<llvm::SmallVector<bool>> getBoolConstantValues(mlir::Value value);

/// The elements of an f32 constant attribute (dense, or a dense_resource
/// whose blob is present), row-major; the compile-time weight transforms
/// (packing, transposition) read weights through it.
std::optional<std::vector<float>> getF32Elements(mlir::Attribute value);

/// getF32Elements of the attribute of a tfm.constant producing `value`.
std::optional<std::vector<float>> getF32ConstantValues(mlir::Value value);

/// True when every operation in `ops` other than `except` has exactly one
/// use: the intermediate values of a matched subgraph may then be deleted
/// with it instead of being recomputed next to the raised op.
bool allSingleUse(llvm::ArrayRef<mlir::Operation *> ops,
                  mlir::Operation *except = nullptr);

/// True when `small` broadcasts to `shape` without enlarging it.
bool broadcastsInto(llvm::ArrayRef<int64_t> small,
                    llvm::ArrayRef<int64_t> shape);

} // namespace tcc

#endif // TCC_PASSES_PATTERNUTILS_H
