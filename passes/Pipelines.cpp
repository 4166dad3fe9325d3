//===- Pipelines.cpp - named pass pipelines --------------------------------===//
#include "passes/Passes.h"

#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

void tcc::buildRaisePipeline(mlir::OpPassManager &pm) {
  pm.addPass(mlir::createCanonicalizerPass());
  pm.addPass(mlir::createCSEPass());
  // LayerNorm before GELU/linear: its mean/variance reductions share the
  // input with nothing else, and raising it first keeps the GELU and linear
  // matchers from seeing half-raised graphs.
  pm.addPass(createRaiseLayerNorm());
  pm.addPass(createRaiseGelu());
  pm.addPass(createRaiseAttention());
  pm.addPass(createRaiseLinear());
  pm.addPass(mlir::createCanonicalizerPass());
  pm.addPass(mlir::createCSEPass());
}

void tcc::registerAllTccPasses() {
  registerTccPasses();
  mlir::PassPipelineRegistration<>(
      "tfm-raise", "Raise imported ONNX primitives to transformer ops",
      [](mlir::OpPassManager &pm) { buildRaisePipeline(pm); });
}
