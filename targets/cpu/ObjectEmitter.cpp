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
  } else if (target == "arm-none-eabi") {
    // Bare-metal Cortex-M4/M7 (ARMv7E-M, single-precision FPU, hard-float
    // ABI): the ABI the Cortex-M4 runtime and kernels are built with.
    options.triple = "thumbv7em-none-eabihf";
    options.cpu = mcpu.empty() ? "cortex-m4" : mcpu;
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
  // AArch64: Advanced SIMD is part of the base ISA (every --mcpu has it), so
  // the NEON kernel always; int8 (SDOT, +dotprod) kernels will key on the
  // CPU's features here like the x86 ones below.
  if (options.triple.rfind("aarch64", 0) == 0)
    return "neon";
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
    LLVMInitializeARMTargetInfo();
    LLVMInitializeARMTarget();
    LLVMInitializeARMTargetMC();
    LLVMInitializeARMAsmPrinter();
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
  // `unsigned long` in model.h: pointer-sized on LP64 and ILP32 targets.
  llvm::IntegerType *ulong = llvm::Type::getIntNTy(
      ctx, module.getDataLayout().getPointerSizeInBits());
  auto *data = llvm::ConstantDataArray::get(ctx, bundle);
  auto *global = new llvm::GlobalVariable(module, data->getType(), true,
                                          llvm::GlobalValue::ExternalLinkage,
                                          data, "tcc_model_bundle");
  // FlatBuffers are read in place; 8-byte alignment covers its scalars.
  global->setAlignment(llvm::Align(16));
  new llvm::GlobalVariable(module, ulong, true, llvm::GlobalValue::ExternalLinkage,
                           llvm::ConstantInt::get(ulong, bundle.size()),
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
  // Firmware is linked at fixed addresses: no GOT on a bare-metal target.
  bool bareMetal = llvm::StringRef(options.triple).contains("-none-");
  if (bareMetal)
    targetOptions.FloatABIType = llvm::FloatABI::Hard;
  std::unique_ptr<llvm::TargetMachine> machine(target->createTargetMachine(
      options.triple, cpu, features, targetOptions,
      bareMetal ? llvm::Reloc::Static : llvm::Reloc::PIC_,
      std::nullopt,
      options.optLevel >= 2 ? llvm::CodeGenOptLevel::Aggressive
                            : llvm::CodeGenOptLevel::Default));
  llvmModule->setDataLayout(machine->createDataLayout());
  llvmModule->setTargetTriple(options.triple);

  if (!addEntryPoint(*llvmModule, numInputs, numOutputs, error))
    return false;
  // Nothing in generated code unwinds; on a bare-metal target an unwind
  // table entry would pull libgcc's unwinder (and with it abort, signal and
  // malloc from newlib) into the firmware image.
  if (bareMetal)
    for (llvm::Function &f : *llvmModule)
      f.addFnAttr(llvm::Attribute::NoUnwind);
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
