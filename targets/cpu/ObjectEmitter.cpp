//===- ObjectEmitter.cpp - LLVM dialect -> object file ---------------------===//
#include "targets/cpu/ObjectEmitter.h"

#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/TargetParser/Host.h"

namespace tcc {

CpuTargetOptions cpuTargetFor(const std::string &target, const std::string &mcpu) {
  CpuTargetOptions options;
  if (target == "aarch64") {
    options.triple = "aarch64-unknown-linux-gnu";
    options.cpu = mcpu.empty() ? "generic" : mcpu;
  } else {
    // A portable default every x86 machine of the last decade runs (AVX2 +
    // FMA); `native` opts into the build machine's full ISA.
    options.cpu = mcpu.empty() ? "x86-64-v3" : mcpu;
  }
  return options;
}

namespace {
void initializeTargets();
} // namespace

std::string selectGemmIsa(const CpuTargetOptions &options) {
  if (options.triple.rfind("x86_64", 0) != 0)
    return "generic";
  initializeTargets();
  std::string error;
  const llvm::Target *target = llvm::TargetRegistry::lookupTarget(options.triple, error);
  if (!target)
    return "generic";
  std::string cpu = options.cpu, features;
  if (cpu == "native") {
    cpu = llvm::sys::getHostCPUName().str();
    for (const auto &feature : llvm::sys::getHostCPUFeatures())
      features += (features.empty() ? "" : ",") +
                  std::string(feature.second ? "+" : "-") + feature.first().str();
  }
  std::unique_ptr<llvm::MCSubtargetInfo> subtarget(
      target->createMCSubtargetInfo(options.triple, "", ""));
  if (!subtarget || !subtarget->isCPUStringValid(cpu))
    return "generic";
  subtarget.reset(target->createMCSubtargetInfo(options.triple, cpu, features));
  if (subtarget->checkFeatures("+avx512f"))
    return "avx512";
  if (subtarget->checkFeatures("+avx2,+fma"))
    return "avx2";
  return "generic";
}

namespace {

void initializeTargets() {
  static bool done = [] {
    LLVMInitializeX86TargetInfo();
    LLVMInitializeX86Target();
    LLVMInitializeX86TargetMC();
    LLVMInitializeX86AsmPrinter();
    LLVMInitializeAArch64TargetInfo();
    LLVMInitializeAArch64Target();
    LLVMInitializeAArch64TargetMC();
    LLVMInitializeAArch64AsmPrinter();
    return true;
  }();
  (void)done;
}

/// tcc_model_entry(in, out, arena): unpacks the pointer arrays into the
/// bare-pointer arguments of the model function.
bool addEntryPoint(llvm::Module &module, unsigned numInputs,
                   unsigned numOutputs, std::string &error) {
  llvm::Function *main = module.getFunction("main");
  if (!main || main->arg_size() != numInputs + numOutputs + 1) {
    error = "lowered module has no main(inputs..., outputs..., arena)";
    return false;
  }
  main->setName("tcc_model_main");
  main->setLinkage(llvm::GlobalValue::InternalLinkage);

  llvm::LLVMContext &ctx = module.getContext();
  llvm::Type *ptr = llvm::PointerType::getUnqual(ctx);
  auto *type = llvm::FunctionType::get(llvm::Type::getVoidTy(ctx),
                                       {ptr, ptr, ptr}, false);
  auto *entry = llvm::Function::Create(type, llvm::GlobalValue::ExternalLinkage,
                                       "tcc_model_entry", module);
  llvm::IRBuilder<> b(llvm::BasicBlock::Create(ctx, "entry", entry));
  llvm::SmallVector<llvm::Value *> args;
  auto unpack = [&](llvm::Value *array, unsigned count) {
    for (unsigned i = 0; i < count; ++i)
      args.push_back(b.CreateLoad(ptr, b.CreateConstGEP1_64(ptr, array, i)));
  };
  unpack(entry->getArg(0), numInputs);
  unpack(entry->getArg(1), numOutputs);
  args.push_back(entry->getArg(2));
  b.CreateCall(main, args);
  b.CreateRetVoid();
  return true;
}

void addBundle(llvm::Module &module, llvm::ArrayRef<uint8_t> bundle) {
  llvm::LLVMContext &ctx = module.getContext();
  auto *data = llvm::ConstantDataArray::get(ctx, bundle);
  auto *global = new llvm::GlobalVariable(module, data->getType(), true,
                                          llvm::GlobalValue::ExternalLinkage,
                                          data, "tcc_model_bundle");
  // FlatBuffers are read in place; 8-byte alignment covers its scalars.
  global->setAlignment(llvm::Align(16));
  new llvm::GlobalVariable(
      module, llvm::Type::getInt64Ty(ctx), true,
      llvm::GlobalValue::ExternalLinkage,
      llvm::ConstantInt::get(llvm::Type::getInt64Ty(ctx), bundle.size()),
      "tcc_model_bundle_size");
}

void optimize(llvm::Module &module, llvm::TargetMachine &machine, int level) {
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder builder(&machine);
  builder.registerModuleAnalyses(mam);
  builder.registerCGSCCAnalyses(cgam);
  builder.registerFunctionAnalyses(fam);
  builder.registerLoopAnalyses(lam);
  builder.crossRegisterProxies(lam, fam, cgam, mam);
  llvm::OptimizationLevel opt = level <= 0   ? llvm::OptimizationLevel::O0
                                : level == 1 ? llvm::OptimizationLevel::O1
                                : level == 2 ? llvm::OptimizationLevel::O2
                                             : llvm::OptimizationLevel::O3;
  llvm::ModulePassManager pm = level <= 0
                                   ? builder.buildO0DefaultPipeline(opt)
                                   : builder.buildPerModuleDefaultPipeline(opt);
  pm.run(module, mam);
}

} // namespace

bool emitObject(mlir::ModuleOp module, const CpuTargetOptions &options,
                unsigned numInputs, unsigned numOutputs,
                llvm::ArrayRef<uint8_t> bundle,
                llvm::SmallVectorImpl<char> &object, std::string &error,
                std::string *llvmIR) {
  initializeTargets();
  mlir::registerBuiltinDialectTranslation(*module.getContext());
  mlir::registerLLVMDialectTranslation(*module.getContext());

  llvm::LLVMContext llvmContext;
  std::unique_ptr<llvm::Module> llvmModule =
      mlir::translateModuleToLLVMIR(module, llvmContext, "tcc_model");
  if (!llvmModule) {
    error = "translation of the lowered module to LLVM IR failed";
    return false;
  }

  std::string cpu = options.cpu, features;
  if (cpu == "native") {
    cpu = llvm::sys::getHostCPUName().str();
    for (const auto &feature : llvm::sys::getHostCPUFeatures())
      features += (features.empty() ? "" : ",") +
                  std::string(feature.second ? "+" : "-") + feature.first().str();
  }
  std::string lookupError;
  const llvm::Target *target =
      llvm::TargetRegistry::lookupTarget(options.triple, lookupError);
  if (!target) {
    error = "no LLVM target for '" + options.triple + "': " + lookupError;
    return false;
  }
  // Validate the CPU name against a default subtarget: creating one for an
  // unknown CPU would print LLVM's own warning on stderr.
  std::unique_ptr<llvm::MCSubtargetInfo> subtarget(
      target->createMCSubtargetInfo(options.triple, "", ""));
  if (!subtarget || !subtarget->isCPUStringValid(cpu)) {
    error = "unknown --mcpu '" + options.cpu + "' for " + options.triple;
    return false;
  }
  llvm::TargetOptions targetOptions;
  std::unique_ptr<llvm::TargetMachine> machine(target->createTargetMachine(
      options.triple, cpu, features, targetOptions, llvm::Reloc::PIC_,
      std::nullopt,
      options.optLevel >= 2 ? llvm::CodeGenOptLevel::Aggressive
                            : llvm::CodeGenOptLevel::Default));
  llvmModule->setDataLayout(machine->createDataLayout());
  llvmModule->setTargetTriple(options.triple);

  if (!addEntryPoint(*llvmModule, numInputs, numOutputs, error))
    return false;
  addBundle(*llvmModule, bundle);
  if (llvm::verifyModule(*llvmModule, &llvm::errs())) {
    error = "generated LLVM IR does not verify";
    return false;
  }
  optimize(*llvmModule, *machine, options.optLevel);
  if (llvmIR) {
    llvm::raw_string_ostream os(*llvmIR);
    llvmModule->print(os, nullptr);
  }

  llvm::raw_svector_ostream os(object);
  llvm::legacy::PassManager codegen;
  if (machine->addPassesToEmitFile(codegen, os, nullptr,
                                   llvm::CodeGenFileType::ObjectFile)) {
    error = "the target cannot emit object files";
    return false;
  }
  codegen.run(*llvmModule);
  return true;
}

} // namespace tcc
