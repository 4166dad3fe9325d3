//===- Runner.cpp - tcc-runner: `tcc run` for a cross target ---------------===//
//
//   tcc-runner OUTDIR --input NAME=FILE... [--output-dir DIR] [--iterations N]
//              [--report FILE.json]
//
// What `tcc run` does (compiler/Runner.cpp), in std C++ without LLVM, so it
// cross-builds with the runtime: `tcc run` on an aarch64 OUTDIR on an x86
// host executes this program, built for aarch64, under qemu-aarch64. It
// prints the same lines and writes the same NAME.pb files, and every check
// of the model's contract goes through the runtime's C API.
//
//===----------------------------------------------------------------------===//
#include "runtime/tools/TensorFile.h"
#include "tcc_runtime.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/stat.h>
#include <utility>
#include <vector>

namespace {

using tcc::host::HostTensor;

int fail(const std::string &message) {
  std::fprintf(stderr, "tcc: error: %s\n", message.c_str());
  return 1;
}

std::string fileNameFor(const std::string &name) {
  std::string out;
  for (char c : name)
    out += (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' ||
            c == '.')
               ? c
               : '_';
  return out.empty() ? "output" : out;
}

std::string describe(tcc_dtype dtype, const int64_t *dims, int rank) {
  return tcc::host::describeTensor(dtype, std::vector<int64_t>(dims, dims + rank));
}

// The first values, formatted like the host `tcc run` ("%g").
std::string preview(const HostTensor &t) {
  size_t elementSize = tcc_dtype_size(t.dtype);
  size_t n = elementSize ? t.data.size() / elementSize : 0;
  std::string s;
  for (size_t i = 0; i < std::min<size_t>(n, 6); ++i) {
    const uint8_t *p = t.data.data() + i * elementSize;
    double v;
    switch (t.dtype) {
    case TCC_DTYPE_FLOAT32: { float f; std::memcpy(&f, p, 4); v = f; break; }
    case TCC_DTYPE_FLOAT64: std::memcpy(&v, p, 8); break;
    case TCC_DTYPE_INT64: { int64_t x; std::memcpy(&x, p, 8); v = double(x); break; }
    case TCC_DTYPE_INT32: { int32_t x; std::memcpy(&x, p, 4); v = double(x); break; }
    case TCC_DTYPE_BOOL: case TCC_DTYPE_UINT8: v = *p; break;
    case TCC_DTYPE_INT8: v = int8_t(*p); break;
    default: return "";
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    s += (i ? ", " : "") + std::string(buf);
  }
  return "[" + s + (n > 6 ? ", ..." : "") + "]";
}

struct Options {
  std::string outDir, outputDir = ".", reportPath;
  std::vector<std::pair<std::string, std::string>> inputs;
  int iterations = 1;
};

bool parse(int argc, char **argv, Options &o, std::string &error) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](std::string &out) {
      if (i + 1 >= argc) {
        error = a + " needs a value";
        return false;
      }
      out = argv[++i];
      return true;
    };
    std::string v;
    if (a == "--input") {
      if (!value(v))
        return false;
      size_t eq = v.find('=');
      if (eq == std::string::npos || eq == 0) {
        error = "--input expects NAME=FILE, got '" + v + "'";
        return false;
      }
      o.inputs.emplace_back(v.substr(0, eq), v.substr(eq + 1));
    } else if (a == "--output-dir") {
      if (!value(o.outputDir))
        return false;
    } else if (a == "--report") {
      if (!value(o.reportPath))
        return false;
    } else if (a == "--iterations") {
      if (!value(v))
        return false;
      char *end = nullptr;
      long n = std::strtol(v.c_str(), &end, 10);
      if (*end || n < 1 || n > 1000000) {
        error = "--iterations must be >= 1";
        return false;
      }
      o.iterations = int(n);
    } else if (a.rfind("--", 0) != 0 && o.outDir.empty()) {
      o.outDir = a;
    } else {
      error = "tcc-runner: unknown argument '" + a + "'";
      return false;
    }
  }
  if (o.outDir.empty()) {
    error = "tcc-runner needs the OUTDIR written by tcc compile";
    return false;
  }
  return true;
}

// mkdir -p.
bool makeDirectories(const std::string &path) {
  for (size_t i = 1; i <= path.size(); ++i)
    if (i == path.size() || path[i] == '/')
      if (mkdir(path.substr(0, i).c_str(), 0777) != 0 && errno != EEXIST)
        return false;
  return true;
}

bool readFile(const std::string &path, std::vector<uint8_t> &out) {
  std::ifstream f(path, std::ios::binary);
  if (!f)
    return false;
  out.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  return !f.bad();
}

} // namespace

int main(int argc, char **argv) {
  Options o;
  std::string error;
  if (!parse(argc, argv, o, error))
    return fail(error);
  const std::string bundlePath = o.outDir + "/model.tccb";
  const std::string libraryPath = o.outDir + "/libmodel.so";
  // 8-aligned storage: FlatBuffers scalars are read in place.
  std::vector<uint8_t> bytes;
  if (!readFile(bundlePath, bytes))
    return fail("cannot read '" + bundlePath + "'");
  std::vector<uint64_t> aligned((bytes.size() + 7) / 8);
  std::memcpy(aligned.data(), bytes.data(), bytes.size());
  const void *bundle = aligned.data();
  tcc_bundle_info info;
  tcc_status status = tcc_bundle_inspect(bundle, bytes.size(), &info);
  if (status != TCC_OK)
    return fail("'" + bundlePath + "' is not a valid tcc bundle (" +
                tcc_status_string(status) + ")");

  void *library = dlopen(libraryPath.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    const char *why = dlerror();
    return fail("cannot load '" + libraryPath + "': " + (why ? why : "unknown error"));
  }
  auto entry = reinterpret_cast<tcc_entry_fn>(dlsym(library, "tcc_model_entry"));
  auto embedded = static_cast<const unsigned char *>(dlsym(library, "tcc_model_bundle"));
  auto embeddedSize =
      static_cast<const unsigned long *>(dlsym(library, "tcc_model_bundle_size"));
  if (!entry || !embedded || !embeddedSize)
    return fail("'" + libraryPath + "' is not a tcc model library");
  if (*embeddedSize != bytes.size() ||
      std::memcmp(embedded, bytes.data(), bytes.size()) != 0)
    return fail("'" + bundlePath + "' does not match the bundle inside '" +
                libraryPath + "'");

  size_t alignment = std::max<size_t>(info.arena_alignment, 64);
  size_t arenaBytes = std::max<size_t>(
      (info.arena_size + alignment - 1) / alignment * alignment, alignment);
  void *arena = std::aligned_alloc(alignment, arenaBytes);
  if (!arena)
    return fail("cannot allocate the " + std::to_string(info.arena_size) +
                "-byte arena");
  tcc_model model;
  status = tcc_model_init(&model, bundle, bytes.size(), entry, arena, info.arena_size);
  if (status != TCC_OK)
    return fail(std::string("cannot initialise the model: ") + tcc_status_string(status));

  int numInputs = tcc_model_num_inputs(&model);
  std::vector<HostTensor> inputs(numInputs);
  std::vector<bool> bound(numInputs, false);
  for (const auto &[name, path] : o.inputs) {
    int index;
    if (tcc_model_input_index(&model, name.c_str(), &index) != TCC_OK)
      return fail("the model has no input '" + name + "'");
    if (bound[index])
      return fail("input '" + name + "' is given twice");
    HostTensor &t = inputs[index];
    if (!tcc::host::readTensorFile(path, t, error))
      return fail(error);
    tcc_tensor_info expected;
    tcc_model_input_info(&model, index, &expected);
    if (tcc_model_check_input(&model, index, t.dtype, int(t.shape.size()),
                              t.shape.data()) != TCC_OK)
      return fail("input '" + name + "' from '" + path + "' is " +
                  tcc::host::describeTensor(t.dtype, t.shape) + ", the model expects " +
                  describe(expected.dtype, expected.dims, expected.rank));
    status = tcc_model_bind_input(&model, index, t.data.data(), t.data.size());
    if (status != TCC_OK)
      return fail("cannot bind input '" + name + "': " + tcc_status_string(status));
    bound[index] = true;
  }
  for (int i = 0; i < numInputs; ++i)
    if (!bound[i]) {
      tcc_tensor_info t;
      tcc_model_input_info(&model, i, &t);
      return fail(std::string("missing --input ") + t.name + "=FILE");
    }

  int numOutputs = tcc_model_num_outputs(&model);
  std::vector<HostTensor> outputs(numOutputs);
  for (int i = 0; i < numOutputs; ++i) {
    tcc_tensor_info t;
    tcc_model_output_info(&model, i, &t);
    HostTensor &out = outputs[i];
    out.name = t.name;
    out.dtype = t.dtype;
    out.shape.assign(t.dims, t.dims + t.rank);
    out.data.resize(t.byte_size);
    status = tcc_model_bind_output(&model, i, out.data.data(), out.data.size());
    if (status != TCC_OK)
      return fail(std::string("cannot bind output '") + t.name + "': " +
                  tcc_status_string(status));
  }

  std::vector<double> times;
  for (int i = 0; i <= o.iterations; ++i) {
    auto start = std::chrono::steady_clock::now();
    status = tcc_model_run(&model);
    auto stop = std::chrono::steady_clock::now();
    if (status != TCC_OK)
      return fail(std::string("run failed: ") + tcc_status_string(status));
    if (i > 0)
      times.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
  }
  std::sort(times.begin(), times.end());
  size_t n = times.size();
  double median = n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;

  if (!makeDirectories(o.outputDir))
    return fail("cannot create '" + o.outputDir + "': " + std::strerror(errno));
  for (const HostTensor &out : outputs) {
    std::string path = o.outputDir + "/" + fileNameFor(out.name) + ".pb";
    if (!tcc::host::writeTensorPb(path, out, error))
      return fail(error);
    std::printf("output %s %s %s -> %s\n", out.name.c_str(),
                tcc::host::describeTensor(out.dtype, out.shape).c_str(),
                preview(out).c_str(), path.c_str());
  }
  std::printf("latency median %.3f ms, min %.3f ms over %d iteration(s), 1 thread, "
              "arena %llu bytes\n",
              median, times.front(), o.iterations,
              static_cast<unsigned long long>(info.arena_size));
  if (!o.reportPath.empty()) {
    FILE *f = std::fopen(o.reportPath.c_str(), "w");
    if (!f)
      return fail("cannot write '" + o.reportPath + "'");
    std::fprintf(f,
                 "{\n  \"median_ms\": %g,\n  \"min_ms\": %g,\n  \"iterations\": %d,\n"
                 "  \"threads\": 1,\n  \"arena_bytes\": %llu\n}\n",
                 median, times.front(), o.iterations,
                 static_cast<unsigned long long>(info.arena_size));
    std::fclose(f);
  }
  std::free(arena);
  return 0;
}
