//===- Runner.cpp - `tcc run`: load a compiled model and run it ------------===//
//
// The host side of the runtime: everything the firmware build of the runtime
// leaves to its caller (files, heap buffers, timing) happens here, and every
// check of the model's contract goes through the runtime's C API so `tcc
// run` exercises exactly what an application would.
//
//===----------------------------------------------------------------------===//
#include "compiler/Runner.h"
#include "compiler/Driver.h"

#include "runtime/tools/TensorFile.h"
#include "runtime/tools/ThreadPool.h"
#include "tcc_runtime.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <dlfcn.h>
#include <memory>

namespace tcc {
namespace {

struct FreeDeleter {
  void operator()(void *p) const { std::free(p); }
};
using AlignedBuffer = std::unique_ptr<uint8_t, FreeDeleter>;

AlignedBuffer allocateAligned(size_t bytes, size_t alignment) {
  alignment = std::max<size_t>(alignment, 64);
  size_t rounded = std::max<size_t>((bytes + alignment - 1) / alignment * alignment,
                                    alignment);
  return AlignedBuffer(static_cast<uint8_t *>(std::aligned_alloc(alignment, rounded)));
}

struct LibraryCloser {
  void operator()(void *handle) const { dlclose(handle); }
};

std::string statusMessage(tcc_status status) {
  return std::string(tcc_status_string(status));
}

/// A file name for an output tensor: names may hold '/' or ':'.
std::string fileNameFor(const std::string &name) {
  std::string out;
  for (char c : name)
    out += (llvm::isAlnum(c) || c == '_' || c == '-' || c == '.') ? c : '_';
  return out.empty() ? "output" : out;
}

std::string previewValues(const host::HostTensor &t) {
  std::string s;
  size_t count = 0;
  auto add = [&](double v) { s += (count++ ? ", " : "") + llvm::formatv("{0:g}", v).str(); };
  size_t elementSize = tcc_dtype_size(t.dtype);
  size_t n = elementSize ? t.data.size() / elementSize : 0;
  for (size_t i = 0; i < std::min<size_t>(n, 6); ++i) {
    const uint8_t *p = t.data.data() + i * elementSize;
    switch (t.dtype) {
    case TCC_DTYPE_FLOAT32: { float v; memcpy(&v, p, 4); add(v); break; }
    case TCC_DTYPE_FLOAT64: { double v; memcpy(&v, p, 8); add(v); break; }
    case TCC_DTYPE_INT64: { int64_t v; memcpy(&v, p, 8); add(double(v)); break; }
    case TCC_DTYPE_INT32: { int32_t v; memcpy(&v, p, 4); add(double(v)); break; }
    case TCC_DTYPE_BOOL: case TCC_DTYPE_UINT8: add(double(*p)); break;
    case TCC_DTYPE_INT8: add(double(int8_t(*p))); break;
    default: return "";
    }
  }
  return "[" + s + (n > 6 ? ", ..." : "") + "]";
}

/// An OUTDIR of another architecture: its tcc-runner (the runtime's
/// std-only `tcc run`, cross-built with the runtime) executes it under
/// qemu-user, with the same arguments, output lines and files.
int runUnderEmulator(const RunOptions &options, const std::string &target) {
  std::string runner = TCC_AARCH64_RUNNER, sysroot = TCC_AARCH64_SYSROOT;
  if (target == "arm-none-eabi")
    return reportError("a model compiled for arm-none-eabi runs on the device: link "
                       "OUTDIR/libmodel.a into the firmware (examples/firmware)");
  if (target != "aarch64")
    return reportError("cannot run a model compiled for '" + target + "' here");
  if (runner.empty() || !llvm::sys::fs::exists(runner))
    return reportError("running an aarch64 model needs the aarch64 tcc-runner, "
                       "which this build of tcc does not have (install "
                       "gcc-aarch64-linux-gnu g++-aarch64-linux-gnu "
                       "libc6-dev-arm64-cross and rebuild)");
  auto qemu = llvm::sys::findProgramByName("qemu-aarch64");
  if (!qemu)
    return reportError("running an aarch64 model on this host needs qemu-aarch64 "
                       "on PATH (Debian package qemu-user)");
  llvm::errs() << "tcc: note: running aarch64 code under qemu-aarch64 (the host "
                  "is not aarch64); latencies are the emulator's\n";
  std::vector<std::string> args = {*qemu, "-L", sysroot, runner, options.outDir,
                                   "--output-dir", options.outputDir, "--iterations",
                                   std::to_string(options.iterations)};
  if (!options.reportPath.empty())
    args.insert(args.end(), {"--report", options.reportPath});
  for (const auto &[name, path] : options.inputs)
    args.insert(args.end(), {"--input", name + "=" + path});
  std::vector<llvm::StringRef> refs(args.begin(), args.end());
  llvm::outs().flush();
  std::string message;
  int rc = llvm::sys::ExecuteAndWait(*qemu, refs, std::nullopt, {}, 0, 0, &message);
  if (rc < 0)
    return reportError("the aarch64 model crashed under qemu-aarch64" +
                           (message.empty() ? "" : ": " + message),
                       kInternalError);
  return rc;
}

} // namespace

int runModel(const RunOptions &options) {
  if (options.iterations < 1)
    return reportError("--iterations must be >= 1");
  if (options.threads < 1 || options.threads > 256)
    return reportError("--threads " + std::to_string(options.threads) +
                       ": expected 1 to 256");
  const std::string bundlePath = options.outDir + "/model.tccb";
  const std::string libraryPath = options.outDir + "/libmodel.so";
  if (!llvm::sys::fs::is_directory(options.outDir))
    return reportError("'" + options.outDir + "' is not a directory (expected "
                       "the -o OUTDIR of tcc compile)");

  // The bundle file is read into 8-aligned memory (FlatBuffers' scalars are
  // read in place) and verified by the runtime before anything trusts it.
  auto file = llvm::MemoryBuffer::getFile(bundlePath, /*IsText=*/false,
                                          /*RequiresNullTerminator=*/false);
  if (!file)
    return reportError("cannot read '" + bundlePath + "': " +
                       file.getError().message());
  llvm::StringRef bundleBytes = (*file)->getBuffer();
  tcc_bundle_info info;
  tcc_status status = tcc_bundle_inspect(bundleBytes.data(), bundleBytes.size(), &info);
  if (status != TCC_OK)
    return reportError("'" + bundlePath + "' is not a valid tcc bundle (" +
                       statusMessage(status) + ")");
#if defined(__aarch64__)
  if (std::string(info.target) != "aarch64")
#else
  if (std::string(info.target) != "x86-64")
#endif
    return runUnderEmulator(options, info.target);

  std::unique_ptr<void, LibraryCloser> library(
      dlopen(libraryPath.c_str(), RTLD_NOW | RTLD_LOCAL));
  if (!library) {
    const char *why = dlerror();
    return reportError("cannot load '" + libraryPath + "': " +
                       (why ? why : "unknown error"));
  }
  auto entry = reinterpret_cast<tcc_entry_fn>(dlsym(library.get(), "tcc_model_entry"));
  auto embedded = static_cast<const unsigned char *>(dlsym(library.get(), "tcc_model_bundle"));
  auto embeddedSize = static_cast<const unsigned long *>(dlsym(library.get(), "tcc_model_bundle_size"));
  if (!entry || !embedded || !embeddedSize)
    return reportError("'" + libraryPath + "' is not a tcc model library");
  // The model's kernels split their loops over the pool; a model that
  // calls no kernel has no hook (and nothing to split).
  std::unique_ptr<ThreadPool> pool;
  using SetParallelFn = void (*)(const tcc_parallel_hooks *);
  auto setParallel = reinterpret_cast<SetParallelFn>(
      dlsym(library.get(), "tcc_kernels_set_parallel"));
  if (options.threads > 1 && setParallel) {
    pool = std::make_unique<ThreadPool>(options.threads);
    tcc_parallel_hooks hooks = pool->hooks();
    setParallel(&hooks);
  }
  // Uninstalled before the pool goes (declared after it: destroyed first).
  auto uninstall = [&](void *) {
    if (pool && setParallel)
      setParallel(nullptr);
  };
  std::unique_ptr<void, decltype(uninstall)> parallelGuard(
      reinterpret_cast<void *>(1), uninstall);
  // The model's code was compiled for the bundle inside it: a model.tccb
  // that differs (edited, corrupted, from another model) must not drive it.
  if (*embeddedSize != bundleBytes.size() ||
      memcmp(embedded, bundleBytes.data(), bundleBytes.size()) != 0)
    return reportError("'" + bundlePath + "' does not match the bundle inside '" +
                       libraryPath + "'");

  if (info.arena_size > options.maxMemory)
    return reportError("the model needs a " + std::to_string(info.arena_size) +
                       "-byte arena, more than --max-memory=" +
                       std::to_string(options.maxMemory));
  AlignedBuffer arena = allocateAligned(info.arena_size, info.arena_alignment);
  if (!arena)
    return reportError("cannot allocate the " + std::to_string(info.arena_size) +
                       "-byte arena");
  tcc_model model;
  status = tcc_model_init(&model, bundleBytes.data(), bundleBytes.size(), entry,
                          arena.get(), info.arena_size);
  if (status != TCC_OK)
    return reportError("cannot initialise the model: " + statusMessage(status));

  // The arena and every I/O buffer together, before any is allocated;
  // each term is below 2^62 after its own check, so the sum cannot wrap.
  uint64_t needed = info.arena_size;
  for (int output = 0; output < 2; ++output)
    for (int i = 0; i < (output ? tcc_model_num_outputs(&model) : tcc_model_num_inputs(&model)); ++i) {
      tcc_tensor_info t;
      (output ? tcc_model_output_info : tcc_model_input_info)(&model, i, &t);
      needed += std::min<uint64_t>(t.byte_size, options.maxMemory + 1);
      if (needed > options.maxMemory)
        return reportError("running the model needs more than --max-memory=" +
                           std::to_string(options.maxMemory) + " bytes (arena, " +
                           (output ? "output '" : "input '") + t.name + "', ...)");
    }

  // Inputs: every one named exactly once, with the model's dtype and shape.
  int numInputs = tcc_model_num_inputs(&model);
  std::vector<host::HostTensor> inputs(numInputs);
  std::vector<bool> bound(numInputs, false);
  for (const auto &[name, path] : options.inputs) {
    int index;
    if (tcc_model_input_index(&model, name.c_str(), &index) != TCC_OK) {
      std::string names;
      for (int i = 0; i < numInputs; ++i) {
        tcc_tensor_info t;
        tcc_model_input_info(&model, i, &t);
        names += std::string(i ? ", " : "") + t.name;
      }
      return reportError("the model has no input '" + name + "' (inputs: " + names + ")");
    }
    if (bound[index])
      return reportError("input '" + name + "' is given twice");
    std::string error;
    host::HostTensor &tensor = inputs[index];
    if (!host::readTensorFile(path, tensor, error))
      return reportError(error);
    tcc_tensor_info expected;
    tcc_model_input_info(&model, index, &expected);
    status = tcc_model_check_input(&model, index, tensor.dtype,
                                   static_cast<int>(tensor.shape.size()),
                                   tensor.shape.data());
    if (status != TCC_OK)
      return reportError(
          "input '" + name + "' from '" + path + "' is " +
          host::describeTensor(tensor.dtype, tensor.shape) + ", the model expects " +
          host::describeTensor(expected.dtype,
                               std::vector<int64_t>(expected.dims, expected.dims + expected.rank)));
    status = tcc_model_bind_input(&model, index, tensor.data.data(), tensor.data.size());
    if (status != TCC_OK)
      return reportError("cannot bind input '" + name + "': " + statusMessage(status));
    bound[index] = true;
  }
  for (int i = 0; i < numInputs; ++i)
    if (!bound[i]) {
      tcc_tensor_info t;
      tcc_model_input_info(&model, i, &t);
      return reportError(std::string("missing --input ") + t.name + "=FILE");
    }

  int numOutputs = tcc_model_num_outputs(&model);
  std::vector<host::HostTensor> outputs(numOutputs);
  std::vector<AlignedBuffer> outputBuffers;
  for (int i = 0; i < numOutputs; ++i) {
    tcc_tensor_info t;
    tcc_model_output_info(&model, i, &t);
    host::HostTensor &out = outputs[i];
    out.name = t.name;
    out.dtype = t.dtype;
    out.shape.assign(t.dims, t.dims + t.rank);
    out.data.resize(t.byte_size);
    status = tcc_model_bind_output(&model, i, out.data.data(), out.data.size());
    if (status != TCC_OK)
      return reportError(std::string("cannot bind output '") + t.name +
                         "': " + statusMessage(status));
  }

  // One warm-up run (page faults, caches), then the timed iterations.
  std::vector<double> times;
  for (int i = 0; i <= options.iterations; ++i) {
    auto start = std::chrono::steady_clock::now();
    status = tcc_model_run(&model);
    auto stop = std::chrono::steady_clock::now();
    if (status != TCC_OK)
      return reportError("run failed: " + statusMessage(status));
    if (i > 0)
      times.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
  }
  std::sort(times.begin(), times.end());
  double median = times.size() % 2 ? times[times.size() / 2]
                                    : (times[times.size() / 2 - 1] + times[times.size() / 2]) / 2;

  if (std::error_code ec = llvm::sys::fs::create_directories(options.outputDir))
    return reportError("cannot create '" + options.outputDir + "': " + ec.message());
  for (const host::HostTensor &out : outputs) {
    std::string path = options.outputDir + "/" + fileNameFor(out.name) + ".pb";
    std::string error;
    if (!host::writeTensorPb(path, out, error))
      return reportError(error);
    llvm::outs() << "output " << out.name << " "
                 << host::describeTensor(out.dtype, out.shape) << " "
                 << previewValues(out) << " -> " << path << "\n";
  }
  llvm::outs() << llvm::formatv("latency median {0:f3} ms, min {1:f3} ms over {2} "
                                "iteration(s), 1 thread, arena {3} bytes\n",
                                median, times.front(), options.iterations,
                                info.arena_size);
  if (!options.reportPath.empty()) {
    llvm::json::Object report{{"median_ms", median},
                              {"min_ms", times.front()},
                              {"iterations", options.iterations},
                              {"threads", options.threads},
                              {"arena_bytes", int64_t(info.arena_size)}};
    std::error_code ec;
    llvm::raw_fd_ostream os(options.reportPath, ec);
    if (ec)
      return reportError("cannot write '" + options.reportPath + "': " + ec.message());
    os << llvm::formatv("{0:2}", llvm::json::Value(std::move(report))) << "\n";
  }
  return kSuccess;
}

} // namespace tcc
