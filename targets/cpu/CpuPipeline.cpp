//===- CpuPipeline.cpp - tfm -> LLVM dialect for CPU targets --------------===//
#include "targets/cpu/CpuPipeline.h"
#include "passes/Passes.h"
#include "targets/common/Passes.h"
#include "targets/cpu/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/OneShotAnalysis.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

namespace tcc {

namespace {
/// Buffer copies become linalg.copy, which lowers to loops like every other
/// linalg op; memref.copy of a strided view would lower to a call into
/// MLIR's C runner library, which a deployed model does not link.
llvm::LogicalResult createLinalgCopy(mlir::OpBuilder &b, mlir::Location loc,
                                     mlir::Value from, mlir::Value to) {
  b.create<mlir::linalg::CopyOp>(loc, from, to);
  return mlir::success();
}
} // namespace

void buildCpuLoweringPipeline(mlir::OpPassManager &pm,
                              const CpuLoweringOptions &options) {
  const std::string &isa = options.kernelIsa;
  if (!isa.empty()) {
    // The transformer kernels exist for these ISAs (neon: over the NEON
    // GEMM); any other ISA gets the portable ones.
    pm.addPass(createConvToGemm());
    pm.addPass(mlir::createCanonicalizerPass());
    const std::string nnIsa =
        (isa == "avx2" || isa == "avx512" || isa == "neon") ? isa : "generic";
    TileForCacheOptions tiling;
    tiling.isa = nnIsa;
    tiling.cacheBytes = options.cacheBytes;
    tiling.memoryBudget = options.memoryBudget;
    pm.addPass(createTileForCache(tiling));
    UseCpuKernelsOptions kernels;
    kernels.isa = nnIsa;
    kernels.attentionKernels = options.attentionKernel;
    pm.addPass(createUseCpuKernels(kernels));
  }
  pm.addPass(createConvertTfmToLinalg());
  pm.addPass(mlir::createCanonicalizerPass());
  if (options.fuseElementwise)
    pm.addPass(mlir::createLinalgElementwiseOpFusionPass());
  pm.addNestedPass<mlir::func::FuncOp>(createCopyReturnedValues());

  // Buffers at function boundaries get identity layouts so `main` can take
  // bare pointers; results become out-params written in place when the
  // function allocates them (hoistStaticAllocs), else copied into.
  mlir::bufferization::OneShotBufferizationOptions bufferization;
  bufferization.bufferizeFunctionBoundaries = true;
  bufferization.setFunctionBoundaryTypeConversion(
      mlir::bufferization::LayoutMapOption::IdentityLayoutMap);
  bufferization.memCpyFn = createLinalgCopy;
  pm.addPass(mlir::bufferization::createOneShotBufferizePass(bufferization));
  mlir::bufferization::BufferResultsToOutParamsOpts outParams;
  outParams.hoistStaticAllocs = true;
  outParams.memCpyFn = createLinalgCopy;
  pm.addPass(mlir::bufferization::createBufferResultsToOutParamsPass(outParams));
  pm.addPass(mlir::createCanonicalizerPass());
  pm.addNestedPass<mlir::func::FuncOp>(createPlanMemory());
  if (!isa.empty()) {
    UseGemmUkernelsOptions ukernels;
    ukernels.isa = isa;
    pm.addPass(createUseGemmUkernels(ukernels));
    pm.addPass(createMaterializeKernelCalls());
  }

  pm.addNestedPass<mlir::func::FuncOp>(mlir::createConvertLinalgToLoopsPass());
  pm.addPass(mlir::createLowerAffinePass());
  pm.addPass(mlir::createConvertSCFToCFPass());
  pm.addPass(mlir::createConvertMathToLLVMPass());
  pm.addPass(mlir::createConvertMathToLibmPass());
  pm.addPass(mlir::memref::createExpandStridedMetadataPass());
  pm.addPass(mlir::createLowerAffinePass());
  pm.addPass(mlir::createFinalizeMemRefToLLVMConversionPass());
  mlir::ConvertFuncToLLVMPassOptions funcOptions;
  funcOptions.useBarePtrCallConv = true;
  pm.addPass(mlir::createConvertFuncToLLVMPass(funcOptions));
  pm.addPass(mlir::createArithToLLVMConversionPass());
  pm.addPass(mlir::createConvertControlFlowToLLVMPass());
  pm.addPass(mlir::createConvertIndexToLLVMPass());
  pm.addPass(mlir::createReconcileUnrealizedCastsPass());
  pm.addPass(mlir::createCanonicalizerPass());
}

void registerCpuPipelines() {
  registerTccTargetCpuPasses();
  mlir::PassPipelineRegistration<>(
      "tfm-lower-to-llvm",
      "Lower raised tfm to the LLVM dialect with a static arena (CPU targets)",
      [](mlir::OpPassManager &pm) { buildCpuLoweringPipeline(pm); });
  mlir::PassPipelineRegistration<>(
      "tfm-lower-to-llvm-avx2",
      "tfm-lower-to-llvm with the AVX2 kernels (linear, attention, ...)",
      [](mlir::OpPassManager &pm) {
        CpuLoweringOptions options;
        options.kernelIsa = "avx2";
        buildCpuLoweringPipeline(pm, options);
      });
}

} // namespace tcc
