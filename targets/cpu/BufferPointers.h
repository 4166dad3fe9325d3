//===- BufferPointers.h - memref -> (address, strides) for kernel calls ---===//
#ifndef TCC_TARGETS_CPU_BUFFERPOINTERS_H
#define TCC_TARGETS_CPU_BUFFERPOINTERS_H

#include "mlir/IR/Builders.h"

namespace tcc {

/// The address of `memref`'s first element (an !llvm.ptr) and its strides
/// in elements except the innermost, as i64 constants, for passing a
/// buffer to a C kernel. Fails (no IR created) unless the layout is static
/// and the innermost stride is 1 (or the innermost dim has size 1).
///
/// The address is built from the root buffer: aligned(root) + the byte
/// shift of every `memref.view` on the way + the element offset of the
/// memref's layout. Upstream's expand-strided-metadata folds
/// `extract_aligned_pointer_as_index` of a view to that of its source,
/// dropping the shift that a view keeps only in its aligned pointer, so the
/// pointer of an arena view must not be taken directly.
llvm::FailureOr<std::pair<mlir::Value, llvm::SmallVector<mlir::Value>>>
bufferPointer(mlir::OpBuilder &b, mlir::Location loc, mlir::Value memref);

} // namespace tcc

#endif // TCC_TARGETS_CPU_BUFFERPOINTERS_H
