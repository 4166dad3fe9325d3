//===- Driver.cpp - the library behind the `tcc` command -------------------===//
#include "compiler/Driver.h"
#include "compiler/Artifact.h"
#include "compiler/ModelStats.h"
#include "compiler/Pipeline.h"
#include "dialects/tfm/TfmDialect.h"
#include "targets/cpu/CpuPipeline.h"
#include "targets/cpu/ObjectEmitter.h"
#include "tcc_runtime.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/InitAllDialects.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OperationSupport.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

namespace tcc {
namespace {

void loadDialects(mlir::MLIRContext &context) {
  // One thread: identical output regardless of scheduling, and the 2-core
  // targets this runs on in CI gain nothing from the thread pool.
  context.disableMultithreading();
  context.loadDialect<mlir::func::FuncDialect, tfm::TfmDialect>();
  // Lowering creates ops of these dialects; external models (bufferization,
  // linalg interfaces) must be registered before the context is used.
  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  context.appendDialectRegistry(registry);
}

/// Imports and runs the tfm pipeline; prints the error and returns null on
/// failure with `exitCode` set.
mlir::OwningOpRef<mlir::ModuleOp>
importAndLower(mlir::MLIRContext &context, const std::string &path,
               const ImportOptions &import, const PipelineOptions &pipeline,
               int &exitCode) {
  std::string error;
  mlir::OwningOpRef<mlir::ModuleOp> module =
      importOnnxModel(context, path, import, error);
  if (!module) {
    exitCode = reportError(error.empty() ? "import of '" + path + "' failed"
                                         : error);
    return nullptr;
  }
  if (!runTfmPipeline(*module, pipeline, error)) {
    exitCode = reportError("internal error in the tfm pipeline: " + error,
                           kInternalError);
    return nullptr;
  }
  exitCode = kSuccess;
  return module;
}

/// Writes through a temporary file renamed into place, so a failure never
/// leaves a partial output behind.
bool writeOutput(const std::string &path,
                 llvm::function_ref<void(llvm::raw_ostream &)> write,
                 std::string &error) {
  if (path == "-") {
    write(llvm::outs());
    llvm::outs().flush();
    return true;
  }
  llvm::Error err = llvm::writeToOutput(path, [&](llvm::raw_ostream &os) {
    write(os);
    return llvm::Error::success();
  });
  if (err) {
    error = "cannot write '" + path + "': " + llvm::toString(std::move(err));
    return false;
  }
  return true;
}

} // namespace

int reportError(const std::string &message, int code) {
  llvm::errs() << "tcc: error: " << message << "\n";
  return code;
}

namespace {

/// The kernel library and linker of `target`'s OUTDIR; false with `error`
/// when the target's cross build is missing (cmake/CrossTargets.cmake).
bool artifactTargetFor(const std::string &target, ArtifactTarget &out,
                       std::string &error) {
  if (target == "x86-64") {
    out.kernelsArchive = TCC_KERNELS_ARCHIVE;
    // Loadable by `tcc run` only on an x86-64 host.
#if defined(__x86_64__)
    out.sharedLinker = "cc";
#endif
    return true;
  }
  if (target == "arm-none-eabi") {
    // Firmware links libmodel.a itself (examples/firmware); nothing here can
    // load it, so no libmodel.so.
    out.kernelsArchive = TCC_CORTEX_M4_KERNELS_ARCHIVE;
    if (out.kernelsArchive.empty() || !llvm::sys::fs::exists(out.kernelsArchive)) {
      error = "--target=arm-none-eabi needs the Cortex-M4 kernel library, which "
              "this build of tcc does not have: install gcc-arm-none-eabi "
              "libstdc++-arm-none-eabi-newlib libnewlib-arm-none-eabi and rebuild "
              "(cmake/CrossTargets.cmake)";
      return false;
    }
    return true;
  }
  // aarch64: the kernels of the cross build; libmodel.so is linked by the
  // cross gcc (and loaded by tcc-runner, natively or under qemu-aarch64).
  out.kernelsArchive = TCC_AARCH64_KERNELS_ARCHIVE;
  out.sharedLinker = TCC_AARCH64_CC;
  if (out.kernelsArchive.empty() || out.sharedLinker.empty()) {
    error = "--target=aarch64 needs the aarch64 runtime, which this build of "
            "tcc does not have: install gcc-aarch64-linux-gnu "
            "g++-aarch64-linux-gnu libc6-dev-arm64-cross and reconfigure "
            "(cmake/CrossTargets.cmake)";
    return false;
  }
  if (!llvm::sys::fs::exists(out.kernelsArchive)) {
    error = "--target=aarch64: the aarch64 kernel library '" + out.kernelsArchive +
            "' has not been built (build the tcc_runtime_aarch64 target)";
    return false;
  }
  return true;
}

/// Lowers a raised tfm module to an object file and writes what --emit asks
/// for (llvm, obj or the bundle directory).
int generateCode(mlir::ModuleOp module, const CompileOptions &options,
                 const ModelStats &stats) {
  CpuTargetOptions target = cpuTargetFor(options.target, options.mcpu);
  target.optLevel = options.optLevel;

  // Empty tensors (a zero dimension) have no storage; the bare-pointer ABI
  // and the arena plan assume every tensor has some, so refuse them by name.
  std::string emptyTensor;
  module.walk([&](mlir::Operation *op) {
    for (mlir::Value v : op->getResults())
      if (auto t = llvm::dyn_cast<mlir::RankedTensorType>(v.getType());
          t && emptyTensor.empty() && t.getNumElements() == 0)
        llvm::raw_string_ostream(emptyTensor) << op->getName() << " produces " << t;
    if (auto func = llvm::dyn_cast<mlir::func::FuncOp>(op))
      for (mlir::Type type : func.getArgumentTypes())
        if (auto t = llvm::dyn_cast<mlir::RankedTensorType>(type);
            t && emptyTensor.empty() && t.getNumElements() == 0)
          llvm::raw_string_ostream(emptyTensor) << "an input is " << t;
  });
  if (!emptyTensor.empty())
    return reportError("code generation does not support empty tensors (" +
                       emptyTensor + ")");

  std::string error;
  mlir::PassManager pm(module.getContext());
  CpuLoweringOptions lowering;
  lowering.kernelIsa = selectGemmIsa(target);
  lowering.attentionKernel = options.fuseAttention;
  lowering.fuseElementwise = options.fuseElementwise;
  lowering.cacheBytes = int64_t(options.cacheBytes);
  lowering.memoryBudget = int64_t(options.memoryBudget);
  buildCpuLoweringPipeline(pm, lowering);
  {
    mlir::ScopedDiagnosticHandler handler(
        module.getContext(), [&](mlir::Diagnostic &diag) {
          if (error.empty() && diag.getSeverity() == mlir::DiagnosticSeverity::Error)
            error = diag.str();
          return mlir::success();
        });
    if (mlir::failed(pm.run(module)))
      return reportError("code generation for " + options.target + " failed: " +
                             (error.empty() ? "lowering failed" : error),
                         kUserError);
  }
  auto arenaAttr = module->getAttrOfType<mlir::IntegerAttr>("tfm.arena_size");
  // The plan is known only now; refusing it here keeps a model whose
  // scratch memory the device (or tcc run) could not provide from compiling.
  if (arenaAttr && arenaAttr.getValue().getZExtValue() > options.import.maxMemory)
    return reportError("the model needs a " +
                       std::to_string(arenaAttr.getValue().getZExtValue()) +
                       "-byte arena, more than --max-memory=" +
                       std::to_string(options.import.maxMemory));
  // The on-chip budget of a small device: the attention tiles already
  // shrank toward it; what remains too large is the model's own buffers.
  if (arenaAttr && options.memoryBudget > 0 &&
      arenaAttr.getValue().getZExtValue() > options.memoryBudget)
    return reportError("the model needs a " +
                       std::to_string(arenaAttr.getValue().getZExtValue()) +
                       "-byte arena, more than --memory-budget=" +
                       std::to_string(options.memoryBudget));

  BundleContents contents;
  contents.modelName = llvm::sys::path::stem(options.modelPath).str();
  contents.target = options.target;
  contents.cpu = target.cpu;
  contents.inputs = stats.inputs;
  contents.outputs = stats.outputs;
  contents.arenaSize = arenaAttr ? arenaAttr.getInt() : 0;
  contents.weightsSize = stats.parameterBytes;
  llvm::json::Object report = statsToJson(stats);
  report["model"] = contents.modelName;
  report["target"] = contents.target;
  report["cpu"] = contents.cpu;
  report["arena_bytes"] = contents.arenaSize;
  contents.reportJson =
      llvm::formatv("{0:2}", llvm::json::Value(std::move(report))).str();

  std::vector<uint8_t> bundle;
  if (!buildBundle(contents, bundle, error))
    return reportError(error);
  llvm::SmallVector<char> object;
  std::string llvmIR;
  if (!emitObject(module, target, stats.inputs.size(), stats.outputs.size(),
                  bundle, object, error,
                  options.emit == "llvm" ? &llvmIR : nullptr))
    return reportError(error, error.rfind("unknown --mcpu", 0) == 0
                                  ? kUserError
                                  : kInternalError);

  if (!options.reportPath.empty() &&
      !writeOutput(options.reportPath,
                   [&](llvm::raw_ostream &os) { os << contents.reportJson << "\n"; },
                   error))
    return reportError(error);
  if (options.emit == "llvm") {
    if (!writeOutput(options.output.empty() ? "-" : options.output,
                     [&](llvm::raw_ostream &os) { os << llvmIR; }, error))
      return reportError(error);
    return kSuccess;
  }
  if (options.emit == "obj") {
    std::string path = options.output.empty() ? contents.modelName + ".o" : options.output;
    if (!writeOutput(path,
                     [&](llvm::raw_ostream &os) { os.write(object.data(), object.size()); },
                     error))
      return reportError(error);
    return kSuccess;
  }
  std::string outDir = options.output.empty() ? contents.modelName + ".tcc" : options.output;
  ArtifactTarget artifactTarget;
  if (!artifactTargetFor(options.target, artifactTarget, error))
    return reportError(error);
  if (!writeArtifact(outDir, contents, bundle, object, artifactTarget, error))
    return reportError(error);
  llvm::outs() << "compiled " << options.modelPath << " -> " << outDir << "/ ("
               << options.target << ", cpu " << contents.cpu << ", arena "
               << contents.arenaSize << " bytes, weights " << contents.weightsSize
               << " bytes)\n";
  return kSuccess;
}

} // namespace

int compileModel(const CompileOptions &options) {
  if (options.emit != "tfm" && options.emit != "llvm" && options.emit != "obj" &&
      options.emit != "bundle")
    return reportError("unknown --emit '" + options.emit +
                       "' (expected tfm, llvm, obj or bundle)");
  if (options.target == "cuda" || options.target == "snn") {
    if (options.emit != "tfm")
      return reportError("--target=" + options.target +
                         " code generation is not available in this version "
                         "of tcc (x86-64, aarch64 and arm-none-eabi are; "
                         "--emit=tfm works for every target)");
  } else if (options.target == "arm-none-eabi" && !options.mcpu.empty() &&
             options.mcpu != "cortex-m4" && options.mcpu != "cortex-m7") {
    // The Cortex-M kernels and runtime are built for ARMv7E-M hard-float.
    return reportError("--target=arm-none-eabi supports --mcpu=cortex-m4 and "
                       "cortex-m7 (ARMv7E-M with FPU), not '" + options.mcpu + "'");
  } else if (options.target != "x86-64" && options.target != "aarch64" &&
             options.target != "arm-none-eabi") {
    return reportError("unknown --target '" + options.target +
                       "' (expected x86-64, aarch64, cuda or snn)");
  }

  mlir::MLIRContext context;
  loadDialects(context);
  int exitCode = kSuccess;
  PipelineOptions pipeline;
  pipeline.raise = options.raise;
  pipeline.fuseLinearEpilogue = options.raise && options.fuseLinearEpilogue;
  auto module = importAndLower(context, options.modelPath, options.import,
                               pipeline, exitCode);
  if (!module)
    return exitCode;
  ModelStats stats = computeModelStats(*module);
  if (options.emit != "tfm")
    return generateCode(*module, options, stats);

  std::string error;
  if (!options.reportPath.empty()) {
    llvm::json::Object report = statsToJson(stats);
    report["model"] = options.modelPath;
    report["target"] = options.target;
    if (!writeOutput(options.reportPath,
                     [&](llvm::raw_ostream &os) {
                       os << llvm::formatv("{0:2}",
                                           llvm::json::Value(std::move(report)))
                          << "\n";
                     },
                     error))
      return reportError(error);
  }

  std::string output = options.output.empty() ? "-" : options.output;
  mlir::OpPrintingFlags flags;
  // Eliding weights must not format them: MLIR's printer renders a blob as
  // hex before deciding to elide it (2x the blob, transiently), so the
  // resource section is left out altogether (local scope) and references
  // stay `dense_resource<name>`.
  if (options.elideWeights)
    flags.elideLargeElementsAttrs(16).useLocalScope();
  if (!writeOutput(output,
                   [&](llvm::raw_ostream &os) {
                     module->print(os, flags);
                     os << "\n";
                   },
                   error))
    return reportError(error);
  return kSuccess;
}

namespace {

/// `tcc inspect OUTDIR`: what the bundle says (verified by the runtime,
/// exactly as a device would) plus the compile report it carries.
int inspectArtifact(const InspectOptions &options) {
  std::string path = options.path + "/model.tccb";
  auto file = llvm::MemoryBuffer::getFile(path, false, false);
  if (!file)
    return reportError("'" + options.path + "' is not a tcc output directory (" +
                       path + ": " + file.getError().message() + ")");
  llvm::StringRef bytes = (*file)->getBuffer();
  tcc_bundle_info info;
  tcc_status status = tcc_bundle_inspect(bytes.data(), bytes.size(), &info);
  if (status != TCC_OK)
    return reportError("'" + path + "' is not a valid tcc bundle (" +
                       tcc_status_string(status) + ")");
  if (options.json) {
    llvm::outs() << info.report_json << "\n";
    return kSuccess;
  }
  llvm::outs() << "model       " << info.model_name << "\n"
               << "target      " << info.target << " (cpu " << info.cpu << ")\n"
               << "arena       " << info.arena_size << " bytes (alignment "
               << info.arena_alignment << ")\n"
               << "weights     " << info.weights_size << " bytes\n";
  auto report = llvm::json::parse(info.report_json);
  if (!report) {
    llvm::consumeError(report.takeError());
    return kSuccess;
  }
  if (auto *object = report->getAsObject()) {
    ModelStats stats;
    auto tensors = [](const llvm::json::Array *array, std::vector<TensorSignature> &out) {
      for (const llvm::json::Value &v : array ? *array : llvm::json::Array()) {
        const llvm::json::Object *t = v.getAsObject();
        if (!t)
          continue;
        TensorSignature sig;
        sig.name = t->getString("name").value_or("").str();
        sig.dtype = t->getString("dtype").value_or("").str();
        if (const llvm::json::Array *shape = t->getArray("shape"))
          for (const llvm::json::Value &d : *shape)
            sig.shape.push_back(d.getAsInteger().value_or(0));
        out.push_back(sig);
      }
    };
    tensors(object->getArray("inputs"), stats.inputs);
    tensors(object->getArray("outputs"), stats.outputs);
    if (const llvm::json::Object *ops = object->getObject("ops"))
      for (const auto &[name, count] : *ops)
        stats.opCounts[name.str()] = count.getAsInteger().value_or(0);
    if (const llvm::json::Object *params = object->getObject("parameters")) {
      stats.parameterCount = params->getInteger("count").value_or(0);
      stats.parameterBytes = params->getInteger("bytes").value_or(0);
    }
    stats.flops = object->getInteger("flops").value_or(0);
    printStatsTable(stats, llvm::outs());
  }
  return kSuccess;
}

} // namespace

int inspectModel(const InspectOptions &options) {
  if (llvm::sys::fs::is_directory(options.path))
    return inspectArtifact(options);
  mlir::MLIRContext context;
  loadDialects(context);
  int exitCode = kSuccess;
  auto module = importAndLower(context, options.path, options.import,
                               PipelineOptions{}, exitCode);
  if (!module)
    return exitCode;
  ModelStats stats = computeModelStats(*module);
  if (options.json) {
    llvm::json::Object report = statsToJson(stats);
    report["model"] = options.path;
    llvm::outs() << llvm::formatv("{0:2}", llvm::json::Value(std::move(report)))
                 << "\n";
  } else {
    llvm::outs() << "model       " << options.path << "\n";
    printStatsTable(stats, llvm::outs());
  }
  return kSuccess;
}

bool parseDisabledFusions(const std::string &list, CompileOptions &options,
                          std::string &error) {
  llvm::SmallVector<llvm::StringRef> names;
  llvm::StringRef(list).split(names, ',');
  for (llvm::StringRef name : names) {
    if (name == "linear-epilogue")
      options.fuseLinearEpilogue = false;
    else if (name == "attention")
      options.fuseAttention = false;
    else if (name == "elementwise")
      options.fuseElementwise = false;
    else {
      error = "unknown fusion '" + name.str() +
              "' in --disable-fusion (expected linear-epilogue, attention or "
              "elementwise)";
      return false;
    }
  }
  return true;
}

} // namespace tcc
