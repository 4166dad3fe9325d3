//===- OpImporters.h - ONNX op type -> importer registry --------*- C++ -*-===//
//
// One importer per default-domain op type. An importer reads every form
// the op has over opsets 9-17 (attributes that became inputs, changed
// defaults and semantics) and either folds the node (all inputs known) or
// emits tfm ops. The registry is filled by one function per op family, each
// in its own file.
//
//===----------------------------------------------------------------------===//
#ifndef TCC_COMPILER_ONNX_OPIMPORTERS_OPIMPORTERS_H
#define TCC_COMPILER_ONNX_OPIMPORTERS_OPIMPORTERS_H

#include "compiler/onnx/NodeContext.h"

#include "llvm/ADT/StringMap.h"

namespace tcc::importer {

/// Imports `node` of the default domain at `opset` (the model's opset of
/// that domain). Errors are thrown through ctx.fail.
using OpImporter = void (*)(const onnx::NodeProto &node, int64_t opset,
                            NodeContext &ctx);

using OpRegistry = llvm::StringMap<OpImporter>;

/// The importer of a default-domain op type, or null when unsupported.
OpImporter lookupOpImporter(llvm::StringRef opType);

void registerActivationOps(OpRegistry &registry);
void registerConvOps(OpRegistry &registry);
void registerElementwiseOps(OpRegistry &registry);
void registerMatMulOps(OpRegistry &registry);
void registerNormalizationOps(OpRegistry &registry);
void registerReduceOps(OpRegistry &registry);
void registerShapeOps(OpRegistry &registry);
void registerDataMovementOps(OpRegistry &registry);

} // namespace tcc::importer

#endif // TCC_COMPILER_ONNX_OPIMPORTERS_OPIMPORTERS_H
