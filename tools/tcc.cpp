//===- tcc.cpp - the tcc command: argument parsing over compiler/ ---------===//
//
// A hand-written parser rather than llvm::cl: subcommands share flags, every
// bad flag must be a one-line error with exit code 1, and cl's global state
// would make the options of one subcommand visible to the other.
//
//===----------------------------------------------------------------------===//
#include "compiler/Driver.h"
#include "compiler/Runner.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <vector>

using namespace tcc;
using llvm::StringRef;

namespace {

const char *kUsage = R"(usage:
  tcc compile MODEL.onnx [-o OUT] [--emit=bundle|obj|llvm|tfm]
              [--target=x86-64|aarch64|cuda|snn] [--mcpu=CPU]
              [--input-shape NAME=D0,D1,...]... [-O0|-O1|-O2|-O3]
              [--report=FILE.json] [--no-raise] [--elide-weights]
              [--max-memory=BYTES]
              [--disable-fusion=linear-epilogue,attention,elementwise]
              [--cache-size=BYTES] [--memory-budget=BYTES]
  tcc inspect MODEL.onnx|OUTDIR [--input-shape NAME=D0,D1,...]... [--json]
              [--max-memory=BYTES]
  tcc run OUTDIR --input NAME=FILE(.pb|.npy)... [--output-dir DIR]
              [--iterations N] [--threads N] [--report FILE.json]
              [--max-memory=BYTES]
  tcc --help | --version

compile   import an ONNX model, raise it to transformer ops and generate code.
          --emit=bundle (default) writes the directory OUT (default
          MODEL.tcc): model.o, libmodel.a, libmodel.so, model.h, model.tccb,
          report.json. --emit=obj|llvm write the object / LLVM IR to OUT;
          --emit=tfm prints the tfm IR (OUT or stdout); --no-raise shows the
          import before raising; --elide-weights elides large constants.
          --mcpu: an LLVM CPU name (default x86-64-v3) or 'native'.
          --disable-fusion turns fusions off (to compare or isolate).
          --cache-size (per-core L2 or on-chip memory, default 1M) sizes the
          attention tiles; --memory-budget shrinks them toward a budget and
          refuses a model whose arena exceeds it.
inspect   op counts, parameters, FLOPs and the input/output signature of a
          model, or what a compiled OUTDIR holds (arena, weights, report).
run       run a compiled OUTDIR on input tensors, write each output as
          DIR/NAME.pb (default DIR: .) and print the latency median.
--max-memory=BYTES (K/M/G suffixes; default 8G): the most memory one tensor,
          all weights, the arena, or a run's buffers may need; larger models
          are refused before anything is allocated.
exit codes: 0 success, 1 user error, 2 internal error.
)";

/// Walks argv, matching `--flag=value` and `--flag value` forms.
class ArgReader {
public:
  ArgReader(int argc, char **argv) : args(argv + 2, argv + argc) {}
  bool done() const { return index >= args.size(); }
  StringRef peek() const { return done() ? StringRef() : args[index]; }
  StringRef next() { return args[index++]; }

  /// If the current argument is `flag` or `flag=...`, consumes it (and its
  /// separate value when needed) and returns the value.
  std::optional<std::string> value(StringRef flag, std::string &error) {
    if (done() || !error.empty())
      return std::nullopt;
    StringRef arg = peek();
    if (arg.consume_front(flag)) {
      if (arg.consume_front("=")) {
        ++index;
        return arg.str();
      }
      if (arg.empty()) {
        ++index;
        if (done()) {
          error = "option '" + flag.str() + "' needs a value";
          return std::nullopt;
        }
        return next().str();
      }
    }
    return std::nullopt;
  }

private:
  std::vector<StringRef> args;
  size_t index = 0;
};

/// NAME=D0,D1,... with every dimension a positive integer.
bool parseInputShape(StringRef spec, ImportOptions &options,
                     std::string &error) {
  size_t eq = spec.rfind('=');
  if (eq == StringRef::npos || eq == 0) {
    error = "--input-shape expects NAME=D0,D1,..., got '" + spec.str() + "'";
    return false;
  }
  StringRef name = spec.take_front(eq);
  llvm::SmallVector<StringRef> parts;
  spec.drop_front(eq + 1).split(parts, ',');
  llvm::SmallVector<int64_t> dims;
  for (StringRef part : parts) {
    int64_t dim;
    if (part.trim().getAsInteger(10, dim) || dim < 1 || dim > (int64_t(1) << 31)) {
      error = "--input-shape " + name.str() + ": dimension '" + part.str() +
              "' is not an integer in [1, 2^31]";
      return false;
    }
    dims.push_back(dim);
  }
  if (options.inputShapes.count(name)) {
    error = "--input-shape given twice for input '" + name.str() + "'";
    return false;
  }
  options.inputShapes[name] = dims;
  return true;
}

/// --max-memory=BYTES: an integer with an optional K, M, G or T (powers of
/// 1024), from 1 KiB to 2^62 (so that sums of two sizes cannot overflow).
bool parseByteCount(StringRef flag, StringRef spec, uint64_t &bytes,
                    std::string &error) {
  StringRef digits = spec;
  unsigned shift = 0;
  if (!digits.empty()) {
    switch (llvm::toUpper(digits.back())) {
    case 'K': shift = 10; break;
    case 'M': shift = 20; break;
    case 'G': shift = 30; break;
    case 'T': shift = 40; break;
    }
    if (shift)
      digits = digits.drop_back();
  }
  uint64_t value;
  constexpr uint64_t kMax = uint64_t(1) << 62;
  if (digits.getAsInteger(10, value) || value > (kMax >> shift) ||
      (value << shift) < 1024) {
    error = flag.str() + " expects a byte count from 1K to 2^62 (e.g. 512M, "
            "8G), got '" + spec.str() + "'";
    return false;
  }
  bytes = value << shift;
  return true;
}

int unknownOption(StringRef command, StringRef arg) {
  return reportError("unknown option '" + arg.str() + "' for 'tcc " +
                     command.str() + "' (see tcc --help)");
}

/// Flags of DESIGN.md's contract whose features have not landed: refuse
/// them by name instead of ignoring them.
const char *kPlannedFlags[] = {"--calibration", "--prune-tokens", "--ln-to-bn",
                               "--quantize"};

int runCompile(ArgReader &args) {
  CompileOptions options;
  std::string error;
  while (!args.done()) {
    StringRef arg = args.peek();
    std::optional<std::string> v;
    if ((v = args.value("--input-shape", error))) {
      if (!parseInputShape(*v, options.import, error))
        return reportError(error);
    } else if ((v = args.value("--emit", error))) {
      options.emit = *v;
    } else if ((v = args.value("--target", error))) {
      options.target = *v;
    } else if ((v = args.value("--mcpu", error))) {
      options.mcpu = *v;
    } else if ((v = args.value("--report", error))) {
      options.reportPath = *v;
    } else if ((v = args.value("--max-memory", error))) {
      if (!parseByteCount("--max-memory", *v, options.import.maxMemory, error))
        return reportError(error);
    } else if ((v = args.value("--disable-fusion", error))) {
      if (!parseDisabledFusions(*v, options, error))
        return reportError(error);
    } else if ((v = args.value("--cache-size", error))) {
      if (!parseByteCount("--cache-size", *v, options.cacheBytes, error))
        return reportError(error);
    } else if ((v = args.value("--memory-budget", error))) {
      if (!parseByteCount("--memory-budget", *v, options.memoryBudget, error))
        return reportError(error);
    } else if ((v = args.value("-o", error)) ||
               (v = args.value("--output", error))) {
      options.output = *v;
    } else if (!error.empty()) {
      return reportError(error);
    } else if (arg == "-O0" || arg == "-O1" || arg == "-O2" || arg == "-O3") {
      options.optLevel = arg[2] - '0';
      args.next();
    } else if (arg == "--no-raise") {
      options.raise = false;
      args.next();
    } else if (arg == "--elide-weights") {
      options.elideWeights = true;
      args.next();
    } else if (llvm::any_of(kPlannedFlags, [&](const char *f) {
                 return arg == f || arg.starts_with(std::string(f) + "=");
               })) {
      return reportError("option '" + arg.split('=').first.str() +
                         "' is not available in this version of tcc");
    } else if (arg.starts_with("-") && arg != "-") {
      return unknownOption("compile", arg);
    } else if (options.modelPath.empty()) {
      options.modelPath = args.next().str();
    } else {
      return reportError("unexpected argument '" + arg.str() +
                         "' (one model per compile)");
    }
  }
  if (!error.empty())
    return reportError(error);
  if (options.modelPath.empty())
    return reportError("tcc compile needs a model file (see tcc --help)");
  return compileModel(options);
}

/// A positive count flag value (--iterations, --threads).
bool parseCount(const std::string &flag, const std::string &value, int &out,
                std::string &error) {
  if (StringRef(value).getAsInteger(10, out) || out < 1 || out > 1000000) {
    error = flag + " expects an integer in [1, 1000000], got '" + value + "'";
    return false;
  }
  return true;
}

int runRun(ArgReader &args) {
  RunOptions options;
  std::string error;
  while (!args.done()) {
    StringRef arg = args.peek();
    std::optional<std::string> v;
    if ((v = args.value("--input", error))) {
      auto [name, file] = StringRef(*v).rsplit('=');
      if (name.empty() || file.empty() || !StringRef(*v).contains('='))
        return reportError("--input expects NAME=FILE, got '" + *v + "'");
      options.inputs.push_back({name.str(), file.str()});
    } else if ((v = args.value("--output-dir", error))) {
      options.outputDir = *v;
    } else if ((v = args.value("--iterations", error))) {
      if (!parseCount("--iterations", *v, options.iterations, error))
        return reportError(error);
    } else if ((v = args.value("--threads", error))) {
      if (!parseCount("--threads", *v, options.threads, error))
        return reportError(error);
    } else if ((v = args.value("--report", error))) {
      options.reportPath = *v;
    } else if ((v = args.value("--max-memory", error))) {
      if (!parseByteCount("--max-memory", *v, options.maxMemory, error))
        return reportError(error);
    } else if (!error.empty()) {
      return reportError(error);
    } else if (arg.starts_with("-")) {
      return unknownOption("run", arg);
    } else if (options.outDir.empty()) {
      options.outDir = args.next().str();
    } else {
      return reportError("unexpected argument '" + arg.str() + "'");
    }
  }
  if (!error.empty())
    return reportError(error);
  if (options.outDir.empty())
    return reportError("tcc run needs the OUTDIR written by tcc compile");
  return runModel(options);
}

int runInspect(ArgReader &args) {
  InspectOptions options;
  std::string error;
  while (!args.done()) {
    StringRef arg = args.peek();
    if (auto v = args.value("--input-shape", error)) {
      if (!parseInputShape(*v, options.import, error))
        return reportError(error);
    } else if (auto v = args.value("--max-memory", error)) {
      if (!parseByteCount("--max-memory", *v, options.import.maxMemory, error))
        return reportError(error);
    } else if (!error.empty()) {
      return reportError(error);
    } else if (arg == "--json") {
      options.json = true;
      args.next();
    } else if (arg.starts_with("-")) {
      return unknownOption("inspect", arg);
    } else if (options.path.empty()) {
      options.path = args.next().str();
    } else {
      return reportError("unexpected argument '" + arg.str() + "'");
    }
  }
  if (options.path.empty())
    return reportError("tcc inspect needs a model file or output directory");
  return inspectModel(options);
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  if (argc < 2)
    return reportError("missing command (compile, inspect, run); see tcc --help");
  StringRef command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    llvm::outs() << kUsage;
    return kSuccess;
  }
  if (command == "--version") {
    llvm::outs() << "tcc 0.1 (MLIR 19)\n";
    return kSuccess;
  }
  ArgReader args(argc, argv);
  if (command == "compile")
    return runCompile(args);
  if (command == "inspect")
    return runInspect(args);
  if (command == "run")
    return runRun(args);
  return reportError("unknown command '" + command.str() +
                     "' (expected compile, inspect or run)");
}
