//===- fuzz_tensor.cpp - libFuzzer harness: .pb and .npy tensor readers ----===//
//
// The same bytes go to both decoders `tcc run` uses for --input files
// (ONNX TensorProto and NumPy .npy). A tensor either decoder accepts must be
// self-consistent (data size = dtype size x element count), and must survive
// a round trip through the matching encoder and decoder unchanged: a
// disagreement aborts, so libFuzzer reports it like a crash.
//
//===----------------------------------------------------------------------===//
#include "runtime/tools/TensorFile.h"

#include <cstdio>
#include <cstdlib>

using namespace tcc::host;

namespace {

// An invariant broke: name it and abort, which libFuzzer reports as a crash.
#define check(condition)                                                       \
  do {                                                                         \
    if (!(condition)) {                                                        \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, \
                   #condition);                                                \
      std::abort();                                                            \
    }                                                                          \
  } while (0)

void checkAccepted(const HostTensor &t, bool pb) {
  uint64_t bytes = 0;
  check(tensorByteSize(t.dtype, t.shape, bytes));
  check(bytes == t.data.size());
  std::vector<uint8_t> encoded;
  std::string error;
  // .npy has no bfloat16; everything else must encode.
  bool encodes = pb ? encodeTensorPb(t, encoded, error) : encodeNpy(t, encoded, error);
  check(encodes || (!pb && t.dtype == TCC_DTYPE_BFLOAT16));
  if (!encodes)
    return;
  HostTensor back;
  check(pb ? parseTensorPb(encoded.data(), encoded.size(), "re-encoded", back, error)
           : parseNpy(encoded.data(), encoded.size(), "re-encoded", back, error));
  check(back.dtype == t.dtype && back.shape == t.shape && back.data == t.data &&
        back.name == t.name);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  for (bool pb : {true, false}) {
    HostTensor t;
    std::string error;
    bool ok = pb ? parseTensorPb(data, size, "fuzz.pb", t, error)
                 : parseNpy(data, size, "fuzz.npy", t, error);
    if (ok)
      checkAccepted(t, pb);
    else
      check(!error.empty() && error.find('\n') == std::string::npos);
  }
  return 0;
}
