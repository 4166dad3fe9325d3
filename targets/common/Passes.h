//===- Passes.h - target-independent lowering passes ------------*- C++ -*-===//
#ifndef TCC_TARGETS_COMMON_PASSES_H
#define TCC_TARGETS_COMMON_PASSES_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace tcc {

#define GEN_PASS_DECL
#include "targets/common/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "targets/common/Passes.h.inc"

} // namespace tcc

#endif // TCC_TARGETS_COMMON_PASSES_H
