//===- Driver.cpp - the library behind the `tcc` command -------------------===//
#include "compiler/Driver.h"
#include "compiler/ModelStats.h"
#include "compiler/Pipeline.h"
#include "dialects/tfm/TfmDialect.h"

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

int compileModel(const CompileOptions &options) {
  if (options.emit != "tfm")
    return reportError("--emit=" + options.emit +
                       " is not available in this version of tcc: code "
                       "generation has not landed yet; use --emit=tfm");
  if (options.target != "x86-64" && options.target != "aarch64" &&
      options.target != "cuda" && options.target != "snn")
    return reportError("unknown --target '" + options.target +
                       "' (expected x86-64, aarch64, cuda or snn)");

  mlir::MLIRContext context;
  loadDialects(context);
  int exitCode = kSuccess;
  PipelineOptions pipeline;
  pipeline.raise = options.raise;
  auto module = importAndLower(context, options.modelPath, options.import,
                               pipeline, exitCode);
  if (!module)
    return exitCode;

  std::string error;
  if (!options.reportPath.empty()) {
    llvm::json::Object report = statsToJson(computeModelStats(*module));
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
  if (options.elideWeights)
    flags.elideLargeResourceString(16).elideLargeElementsAttrs(16);
  if (!writeOutput(output,
                   [&](llvm::raw_ostream &os) { module->print(os, flags); },
                   error))
    return reportError(error);
  return kSuccess;
}

int inspectModel(const InspectOptions &options) {
  if (llvm::sys::fs::is_directory(options.path))
    return reportError("'" + options.path +
                       "' is a directory; compiled output directories are "
                       "not produced by this version of tcc (inspect an "
                       ".onnx model)");
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

} // namespace tcc
