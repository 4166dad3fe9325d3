//===- fuzz_bundle.cpp - libFuzzer harness: bundle bytes -> runtime --------===//
//
// Feeds arbitrary bytes to the runtime exactly as `tcc run` and firmware do:
// tcc_bundle_inspect, then tcc_model_init with an arena, then every query of
// the C API and a run with I/O buffers of the sizes the runtime reports. The
// entry function reads every input byte and writes every output and arena
// byte, so ASan catches any size the runtime accepted but got wrong.
//
//===----------------------------------------------------------------------===//
#include "tcc_runtime.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

// A corrupted but valid bundle may declare terabytes; larger buffers are
// not allocated (the checks up to binding still run).
constexpr size_t kMaxBuffer = size_t(1) << 20;

struct Sizes {
  int numInputs = 0, numOutputs = 0;
  size_t in[TCC_MAX_IO], out[TCC_MAX_IO], arena = 0;
} sizes;

void touchEveryByte(const void *const *inputs, void *const *outputs,
                    void *arena) {
  volatile unsigned sum = 0;
  for (int i = 0; i < sizes.numInputs; ++i)
    for (size_t j = 0; j < sizes.in[i]; ++j)
      sum += static_cast<const unsigned char *>(inputs[i])[j];
  for (int i = 0; i < sizes.numOutputs; ++i)
    if (sizes.out[i])
      std::memset(outputs[i], 0x5a, sizes.out[i]);
  if (sizes.arena)
    std::memset(arena, 0x3c, sizes.arena);
}

// An invariant broke: name it and abort, which libFuzzer reports as a crash.
#define check(condition)                                                       \
  do {                                                                         \
    if (!(condition)) {                                                        \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, \
                   #condition);                                                \
      std::abort();                                                            \
    }                                                                          \
  } while (0)

struct Aligned {
  explicit Aligned(size_t bytes)
      : p(bytes ? std::aligned_alloc(64, (bytes + 63) / 64 * 64) : nullptr) {}
  ~Aligned() { std::free(p); }
  void *p;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  // The runtime requires an 8-aligned bundle (it reads scalars in place);
  // libFuzzer's buffer has no alignment guarantee, so copy into one whose
  // size is exact (ASan then flags any read past the end).
  std::vector<uint64_t> storage((size + 7) / 8 + 1);
  std::memcpy(storage.data(), data, size);
  const void *bundle = storage.data();

  tcc_bundle_info info;
  if (tcc_bundle_inspect(bundle, size, &info) != TCC_OK)
    return 0;
  // Each string is NUL-terminated inside the bundle (they may overlap: two
  // offsets can name the same bytes). ASan checks the reads themselves.
  for (const char *text : {info.model_name, info.target, info.cpu, info.report_json})
    check(std::strlen(text) < size);
  check(info.num_inputs >= 0 && info.num_inputs <= TCC_MAX_IO);
  check(info.num_outputs >= 0 && info.num_outputs <= TCC_MAX_IO);
  check(info.arena_alignment && !(info.arena_alignment & (info.arena_alignment - 1)));

  // An arena too big to allocate is replaced by a 64-byte one, which init
  // must then refuse as too small.
  size_t arenaBytes = info.arena_size <= kMaxBuffer ? size_t(info.arena_size) : 64;
  Aligned arena(arenaBytes);
  tcc_model model;
  tcc_status status = tcc_model_init(&model, bundle, size, touchEveryByte,
                                     arena.p, arenaBytes);
  if (status != TCC_OK) {
    // Only a too-large arena (not allocated above) or an alignment above
    // 64 may refuse a bundle that inspect accepted.
    check((status == TCC_ERR_ARENA_TOO_SMALL && info.arena_size > kMaxBuffer) ||
          (status == TCC_ERR_ARENA_MISALIGNED && info.arena_alignment > 64));
    return 0;
  }
  sizes = Sizes();
  sizes.arena = arenaBytes;
  sizes.numInputs = tcc_model_num_inputs(&model);
  sizes.numOutputs = tcc_model_num_outputs(&model);
  check(sizes.numInputs == info.num_inputs && sizes.numOutputs == info.num_outputs);

  std::vector<std::vector<uint64_t>> buffers;
  bool allBound = true;
  for (int output = 0; output < 2; ++output) {
    int count = output ? sizes.numOutputs : sizes.numInputs;
    for (int i = 0; i < count; ++i) {
      tcc_tensor_info t;
      check((output ? tcc_model_output_info(&model, i, &t)
                    : tcc_model_input_info(&model, i, &t)) == TCC_OK);
      check(t.rank >= 0 && t.rank <= TCC_MAX_RANK);
      check(t.byte_size == t.num_elements * tcc_dtype_size(t.dtype));
      int index = -1;
      tcc_status found = output ? tcc_model_output_index(&model, t.name, &index)
                                : tcc_model_input_index(&model, t.name, &index);
      check(found == TCC_OK && index == i); // names are unique
      check((output ? tcc_model_check_output(&model, i, t.dtype, t.rank, t.dims)
                    : tcc_model_check_input(&model, i, t.dtype, t.rank, t.dims)) == TCC_OK);
      if (t.byte_size > kMaxBuffer) {
        allBound = false;
        continue;
      }
      buffers.emplace_back((t.byte_size + 7) / 8);
      void *p = t.byte_size ? buffers.back().data() : nullptr;
      (output ? sizes.out : sizes.in)[i] = t.byte_size;
      check((output ? tcc_model_bind_output(&model, i, p, t.byte_size)
                    : tcc_model_bind_input(&model, i, p, t.byte_size)) == TCC_OK);
    }
  }
  status = tcc_model_run(&model);
  check(allBound ? status == TCC_OK : status == TCC_ERR_UNBOUND_IO);
  return 0;
}
