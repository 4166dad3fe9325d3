//===- Passes.h - CPU code generation passes --------------------*- C++ -*-===//
#ifndef TCC_TARGETS_CPU_PASSES_H
#define TCC_TARGETS_CPU_PASSES_H

#include "dialects/tfm/TfmOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Pass/Pass.h"

namespace tcc {

#define GEN_PASS_DECL
#include "targets/cpu/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "targets/cpu/Passes.h.inc"

} // namespace tcc

#endif // TCC_TARGETS_CPU_PASSES_H
