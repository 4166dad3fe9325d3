//===- Utils.h - shared helpers of the tfm -> linalg patterns ---*- C++ -*-===//
//
// Building blocks every pattern family uses: numpy-broadcast indexing maps,
// elementwise linalg.generic construction, scalar constants and element-type
// conversions with tfm (ONNX) semantics, reductions, reshapes, softmax.
//
//===----------------------------------------------------------------------===//
#ifndef TCC_TARGETS_COMMON_TFMTOLINALG_UTILS_H
#define TCC_TARGETS_COMMON_TFMTOLINALG_UTILS_H

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/DialectConversion.h"

namespace tcc::tfm_to_linalg {

// One populate function per pattern family (one .cpp file each).
void populateConstantPatterns(mlir::RewritePatternSet &patterns);
void populateElementwisePatterns(mlir::RewritePatternSet &patterns);
void populateContractionPatterns(mlir::RewritePatternSet &patterns);
void populateNormalizationPatterns(mlir::RewritePatternSet &patterns);
void populateAttentionPatterns(mlir::RewritePatternSet &patterns);
void populateReductionPatterns(mlir::RewritePatternSet &patterns);
void populateDataMovementPatterns(mlir::RewritePatternSet &patterns);
void populatePoolingPatterns(mlir::RewritePatternSet &patterns);

/// Builds the scalar body of a linalg.generic: receives the block arguments
/// (inputs, then outputs) and returns the values to yield.
using BodyBuilder = llvm::function_ref<mlir::Value(
    mlir::OpBuilder &, mlir::Location, mlir::ValueRange)>;

mlir::SmallVector<mlir::utils::IteratorType> parallelIterators(unsigned n);

/// Indexing map from the iteration space of a result of shape `resultShape`
/// to an operand of shape `operandShape` under numpy broadcasting: operand
/// dims align to the right; a unit operand dim that the result stretches
/// reads index 0 (constant-0 expression).
mlir::AffineMap broadcastMap(mlir::MLIRContext *ctx,
                             llvm::ArrayRef<int64_t> operandShape,
                             llvm::ArrayRef<int64_t> resultShape);

mlir::Value emptyTensor(mlir::OpBuilder &b, mlir::Location loc,
                        llvm::ArrayRef<int64_t> shape, mlir::Type elementType);

/// tensor.empty + linalg.fill with `scalar`.
mlir::Value filledTensor(mlir::OpBuilder &b, mlir::Location loc,
                         llvm::ArrayRef<int64_t> shape, mlir::Value scalar);

/// An arith.constant of a float or signless integer type holding `value`
/// (rounded to the float type; integers take the truncated value).
mlir::Value scalarConstant(mlir::OpBuilder &b, mlir::Location loc,
                           mlir::Type type, double value);

/// Identity of max (lowest value: -inf, or the signed minimum for integers)
/// or of min (+inf / signed maximum).
mlir::Value lowestValue(mlir::OpBuilder &b, mlir::Location loc,
                        mlir::Type type);
mlir::Value highestValue(mlir::OpBuilder &b, mlir::Location loc,
                         mlir::Type type);

/// Whether `convertScalar` handles src -> dst.
bool isConvertible(mlir::Type src, mlir::Type dst);

/// Element conversion with tfm.cast (ONNX Cast) semantics: float -> int
/// truncates toward zero, anything -> i1 is `!= 0` (NaN is true), i1 ->
/// number is 0/1, other integers are signed.
mlir::Value convertScalar(mlir::OpBuilder &b, mlir::Location loc,
                          mlir::Value value, mlir::Type dst);

/// Type in which reductions and normalisations of `type` accumulate: f32 for
/// floats narrower than 32 bits, the type itself otherwise.
mlir::Type accumulatorType(mlir::Type type);

/// A parallel linalg.generic producing a tensor of `resultType` from
/// `inputs`, each read through its numpy-broadcast map.
mlir::Value buildElementwise(mlir::OpBuilder &b, mlir::Location loc,
                             mlir::RankedTensorType resultType,
                             mlir::ValueRange inputs, BodyBuilder body);

/// Reduces `input` over the sorted `axes` into a tensor of the remaining
/// dims with element type `accType`, starting from `init`; `combine` gets
/// (element, accumulator) and returns the new accumulator. Elements are
/// converted to `accType` before `combine` sees them.
mlir::Value
buildReduction(mlir::OpBuilder &b, mlir::Location loc, mlir::Value input,
               llvm::ArrayRef<int64_t> axes, mlir::Type accType,
               mlir::Value init,
               llvm::function_ref<mlir::Value(mlir::OpBuilder &, mlir::Location,
                                              mlir::Value, mlir::Value)>
                   combine);

/// Map from the full iteration space of rank `rank` to the dims that
/// survive dropping `axes` (the layout of a reduction result).
mlir::AffineMap dropDimsMap(mlir::MLIRContext *ctx, unsigned rank,
                            llvm::ArrayRef<int64_t> axes);

/// Reshape with row-major element order: a single collapse_shape or
/// expand_shape when a reassociation exists, else collapse to 1-D and
/// expand. Returns `value` unchanged when the types already match.
mlir::Value reshapeTo(mlir::OpBuilder &b, mlir::Location loc, mlir::Value value,
                      llvm::ArrayRef<int64_t> shape);

/// tensor.pad of `value` by `low`/`high` elements per dim filled with the
/// scalar `padValue`; `value` itself when nothing is padded.
mlir::Value padTensor(mlir::OpBuilder &b, mlir::Location loc, mlir::Value value,
                      llvm::ArrayRef<int64_t> low, llvm::ArrayRef<int64_t> high,
                      mlir::Value padValue);

/// linalg.transpose: result dim i is input dim perm[i].
mlir::Value transposeTensor(mlir::OpBuilder &b, mlir::Location loc,
                            mlir::Value value, llvm::ArrayRef<int64_t> perm);

/// Softmax of `input` along `axis`: exp(x - max) / sum(exp(x - max)), the
/// statistics in the accumulator type. A row that is entirely -inf gives NaN,
/// as torch does.
mlir::Value buildSoftmax(mlir::OpBuilder &b, mlir::Location loc,
                         mlir::Value input, int64_t axis);

/// Product of the dims of `shape`.
int64_t numElements(llvm::ArrayRef<int64_t> shape);

} // namespace tcc::tfm_to_linalg

#endif // TCC_TARGETS_COMMON_TFMTOLINALG_UTILS_H
