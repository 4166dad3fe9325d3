//===- BundleTestUtil.h - Building bundles in tests -------------*- C++ -*-===//
//
// Bundles are written with the FlatBuffers builder, as the compiler's
// artifact writer will, and copied into 8-byte-aligned storage (the
// builder's buffer start has no absolute alignment guarantee, the runtime
// requires TCC_BUNDLE_ALIGNMENT).
//
//===----------------------------------------------------------------------===//
#ifndef TCC_TEST_UNIT_RUNTIME_BUNDLETESTUTIL_H
#define TCC_TEST_UNIT_RUNTIME_BUNDLETESTUTIL_H

#include "runtime/schema/bundle_generated.h"
#include "tcc_runtime.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace tcc::test {

struct TensorSpec {
  std::string name;
  tcc::bundle::DType dtype = tcc::bundle::DType::float32;
  std::vector<int64_t> shape;
  bool omitName = false;  // writes a TensorInfo without its required name
  bool omitShape = false; // no shape vector at all (a scalar)
};

struct BundleSpec {
  uint32_t schemaVersion = TCC_BUNDLE_SCHEMA_VERSION;
  std::string modelName = "adder";
  std::string target = "x86-64";
  std::string cpu = "haswell";
  bool omitStrings = false; // leaves model_name/target/cpu/report out
  std::vector<TensorSpec> inputs;
  std::vector<TensorSpec> outputs;
  uint64_t arenaSize = 0;
  uint32_t arenaAlignment = 16;
  uint64_t weightsSize = 0;
  std::string reportJson = "{\"layers\": []}";
};

/// Bytes at an 8-aligned address (the buffer is of uint64_t), optionally
/// starting `offset` bytes further in to test misalignment.
class AlignedBytes {
public:
  AlignedBytes() = default;
  AlignedBytes(const uint8_t *bytes, size_t size, size_t offset = 0)
      : storage((size + offset) / 8 + 1), offset(offset), length(size) {
    if (size)
      std::memcpy(data(), bytes, size);
  }
  uint8_t *data() {
    return reinterpret_cast<uint8_t *>(storage.data()) + offset;
  }
  const uint8_t *data() const {
    return reinterpret_cast<const uint8_t *>(storage.data()) + offset;
  }
  size_t size() const { return length; }
  std::vector<uint8_t> vec() const { return {data(), data() + length}; }

private:
  std::vector<uint64_t> storage;
  size_t offset = 0;
  size_t length = 0;
};

/// The serialized bundle described by `spec`.
std::vector<uint8_t> buildBundle(const BundleSpec &spec);
/// buildBundle in aligned storage.
AlignedBytes alignedBundle(const BundleSpec &spec);

/// The example the model tests use: out = a + b over float32[2,3], with the
/// sum staged through a 24-byte arena.
BundleSpec adderSpec();

} // namespace tcc::test

#endif // TCC_TEST_UNIT_RUNTIME_BUNDLETESTUTIL_H
