//===- Registry.cpp - ONNX op type -> importer registry -------------------===//
#include "compiler/onnx/OpImporters/OpImporters.h"

using namespace tcc::importer;

OpImporter tcc::importer::lookupOpImporter(llvm::StringRef opType) {
  static const OpRegistry registry = [] {
    OpRegistry r;
    registerActivationOps(r);
    registerConvOps(r);
    registerElementwiseOps(r);
    registerMatMulOps(r);
    registerNormalizationOps(r);
    registerReduceOps(r);
    registerShapeOps(r);
    registerDataMovementOps(r);
    return r;
  }();
  auto it = registry.find(opType);
  return it == registry.end() ? nullptr : it->second;
}
