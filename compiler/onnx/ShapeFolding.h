//===- ShapeFolding.h - import-time evaluation of small tensors -*- C++ -*-===//
//
// Exporters compute shapes at run time (Shape -> Gather -> Concat ->
// Reshape, ConstantOfShape -> Equal -> Where -> Expand, ...). tcc compiles
// for static shapes, so the importer evaluates those computations itself:
// every value may carry its content when it is known and small, and the op
// importers call the evaluators below instead of emitting ops whenever all
// their inputs are known. The same normalised parameters (axes, slice
// bounds, permutations) drive both the evaluator and the emitted tfm op, so
// the two cannot disagree.
//
//===----------------------------------------------------------------------===//
#ifndef TCC_COMPILER_ONNX_SHAPEFOLDING_H
#define TCC_COMPILER_ONNX_SHAPEFOLDING_H

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <vector>

namespace tcc::importer {

/// Folded values larger than this stay ops: shape computations are tiny,
/// and anything bigger is real data the compiled program should compute.
constexpr int64_t kMaxFoldedElements = 65536;
/// Floating-point arithmetic is folded only on tensors this small (a -inf
/// fill, an attention scale); data movement of floats up to
/// kMaxFoldedElements is folded too.
constexpr int64_t kMaxFoldedFloatMathElements = 4096;

/// The content of a tensor known at import time. Integers and booleans are
/// held as int64 (wrapped to the element width, booleans as 0/1), floating
/// point values as double rounded to the element type after every step, so
/// folding gives the values the element type would give.
struct ConstTensor {
  mlir::Type elementType;
  llvm::SmallVector<int64_t> shape;
  std::vector<int64_t> ints;   ///< integer and i1 element types
  std::vector<double> floats;  ///< floating-point element types

  bool isFloat() const { return llvm::isa<mlir::FloatType>(elementType); }
  int64_t numElements() const;
  mlir::RankedTensorType type() const {
    return mlir::RankedTensorType::get(shape, elementType);
  }
  double getDouble(size_t i) const;
  int64_t getInt(size_t i) const;

  /// A tensor of `shape` with every element `value` (converted to the
  /// element type).
  static ConstTensor splat(mlir::Type elementType,
                           llvm::ArrayRef<int64_t> shape, double value);
  static ConstTensor fromInts(mlir::Type elementType,
                              llvm::ArrayRef<int64_t> shape,
                              std::vector<int64_t> values);
  static ConstTensor fromDoubles(mlir::Type elementType,
                                 llvm::ArrayRef<int64_t> shape,
                                 std::vector<double> values);
};

/// Rounds `value` to what `type` (a float type) can hold.
double roundToFloatType(double value, mlir::Type type);
/// Wraps `value` to the width and signedness of integer `type`.
int64_t wrapToIntType(int64_t value, mlir::Type type);

enum class UnaryFn {
  Neg, Abs, Sqrt, Reciprocal, Exp, Log, Floor, Ceil, Round, Relu, Sign, Not,
  Sin, Cos, Tanh, Erf, Sigmoid
};
enum class BinaryFn {
  Add, Sub, Mul, Div, Mod, FMod, Pow, Min, Max, Equal, Less, LessEqual,
  Greater, GreaterEqual, And, Or, Xor
};
enum class ReduceFn { Sum, Prod, Min, Max, Mean };

/// True when `fn` produces booleans.
bool isComparison(BinaryFn fn);

// The evaluators below take parameters already validated by the caller
// (axes in range, permutations complete, slices in bounds).

ConstTensor reshape(const ConstTensor &input, llvm::ArrayRef<int64_t> shape);
ConstTensor transpose(const ConstTensor &input, llvm::ArrayRef<int64_t> perm);
/// Strided slice with the semantics of tfm.slice.
ConstTensor slice(const ConstTensor &input, llvm::ArrayRef<int64_t> offsets,
                  llvm::ArrayRef<int64_t> sizes,
                  llvm::ArrayRef<int64_t> strides);
ConstTensor concat(llvm::ArrayRef<const ConstTensor *> inputs, int64_t axis);
/// ONNX Gather; indices in [-dim, dim).
ConstTensor gather(const ConstTensor &data, const ConstTensor &indices,
                   int64_t axis);
/// Numpy broadcast of `input` to `shape` (which it must broadcast to).
ConstTensor broadcastTo(const ConstTensor &input,
                        llvm::ArrayRef<int64_t> shape);
/// ONNX Cast: float -> int truncates toward zero (saturating), anything ->
/// bool is `!= 0`.
ConstTensor convertElements(const ConstTensor &input, mlir::Type elementType);
ConstTensor unary(UnaryFn fn, const ConstTensor &input);
/// Elementwise with numpy broadcasting; the result has lhs's element type
/// (i1 for comparisons). Fails on integer division by zero.
llvm::Expected<ConstTensor> binary(BinaryFn fn, const ConstTensor &lhs,
                                   const ConstTensor &rhs);
/// condition ? onTrue : onFalse with broadcasting.
ConstTensor select(const ConstTensor &condition, const ConstTensor &onTrue,
                   const ConstTensor &onFalse);
/// `axes` sorted, unique, in range; an empty list reduces nothing.
ConstTensor reduce(ReduceFn fn, const ConstTensor &input,
                   llvm::ArrayRef<int64_t> axes, bool keepDims);
/// ONNX Tile.
ConstTensor tile(const ConstTensor &input, llvm::ArrayRef<int64_t> repeats);

/// Number of elements of `shape`, or -1 when a dimension is negative or the
/// product exceeds `limit`.
int64_t checkedNumElements(llvm::ArrayRef<int64_t> shape,
                           int64_t limit = int64_t(1) << 31);

} // namespace tcc::importer

#endif // TCC_COMPILER_ONNX_SHAPEFOLDING_H
