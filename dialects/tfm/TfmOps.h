//===- TfmOps.h - tfm dialect operations ------------------------*- C++ -*-===//
#ifndef TCC_DIALECTS_TFM_TFMOPS_H
#define TCC_DIALECTS_TFM_TFMOPS_H

#include "dialects/tfm/TfmDialect.h"
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributeInterfaces.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace tcc::tfm {

/// Numpy broadcast of static shapes; fails when two dims differ and neither
/// is 1.
mlir::FailureOr<llvm::SmallVector<int64_t>>
broadcastShapes(llvm::ArrayRef<int64_t> a, llvm::ArrayRef<int64_t> b);

/// Result type of an elementwise op over `operands` (all of one element type
/// unless `elementType` overrides the result's).
llvm::LogicalResult inferBroadcastResult(std::optional<mlir::Location> loc,
                                         mlir::ValueRange operands,
                                         mlir::Type elementType,
                                         llvm::SmallVectorImpl<mlir::Type> &types);

/// Result type of a reduction of `input` over `axes`.
llvm::LogicalResult inferReduceResult(std::optional<mlir::Location> loc,
                                      mlir::Value input,
                                      llvm::ArrayRef<int64_t> axes,
                                      bool keepDims, mlir::Type elementType,
                                      llvm::SmallVectorImpl<mlir::Type> &types);

} // namespace tcc::tfm

#define GET_OP_CLASSES
#include "dialects/tfm/TfmOps.h.inc"

#endif // TCC_DIALECTS_TFM_TFMOPS_H
