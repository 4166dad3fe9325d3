//===- CorruptBundleTest.cpp - No bundle bytes crash the runtime ----------===//
//
// Every single-byte corruption and every truncation of a small bundle, and
// a deterministic stream of random multi-byte corruptions. Each must either
// be refused (BAD_BUNDLE, or VERSION / TOO_MANY_IO when exactly that field
// was hit) or be accepted *consistently*: everything the API then reports
// must be readable, and running the model with buffers of the reported
// sizes must touch only those bytes (the entry function below reads and
// writes every byte, so ASan sees any disagreement).
//
//===----------------------------------------------------------------------===//

#include "BundleTestUtil.h"

#include <gtest/gtest.h>

#include <cstring>
#include <random>

using namespace tcc::test;
using tcc::bundle::DType;

namespace {

constexpr size_t kArenaBytes = 4096;
// Buffers bigger than this are not allocated for a corrupted-but-valid
// bundle (a flipped dimension can legitimately ask for terabytes).
constexpr size_t kMaxBuffer = size_t(1) << 20;

// Sizes the entry function should touch, set before each run.
struct Expect {
  size_t inputBytes[TCC_MAX_IO];
  size_t outputBytes[TCC_MAX_IO];
  int numInputs, numOutputs;
  size_t arenaBytes;
  unsigned checksum;
} expect;

void touchEveryByte(const void *const *inputs, void *const *outputs,
                    void *arena) {
  unsigned sum = 0;
  for (int i = 0; i < expect.numInputs; ++i)
    for (size_t j = 0; j < expect.inputBytes[i]; ++j)
      sum += static_cast<const unsigned char *>(inputs[i])[j];
  for (int i = 0; i < expect.numOutputs; ++i)
    if (expect.outputBytes[i])
      std::memset(outputs[i], 0x5a, expect.outputBytes[i]);
  if (expect.arenaBytes)
    std::memset(arena, 0x3c, expect.arenaBytes);
  expect.checksum = sum;
}

BundleSpec smallSpec() {
  BundleSpec s;
  s.modelName = "m";
  s.target = "x86-64";
  s.cpu = "";
  s.reportJson = "{}";
  s.inputs = {{"x", DType::float32, {1, 4}}, {"ids", DType::int64, {2}}};
  s.outputs = {{"y", DType::int8, {4}}};
  s.arenaSize = 64;
  s.arenaAlignment = 16;
  s.weightsSize = 7;
  return s;
}

// Runs `bytes` through the whole API; returns the init status. Fails the
// test on any inconsistency.
tcc_status exercise(const AlignedBytes &bundle) {
  alignas(64) static unsigned char arena[kArenaBytes];
  tcc_bundle_info info;
  const tcc_status inspected =
      tcc_bundle_inspect(bundle.data(), bundle.size(), &info);
  tcc_model m;
  const tcc_status s = tcc_model_init(&m, bundle.data(), bundle.size(),
                                      touchEveryByte, arena, sizeof arena);
  if (inspected != TCC_OK) {
    EXPECT_EQ(s, inspected);
    EXPECT_TRUE(s == TCC_ERR_BAD_BUNDLE || s == TCC_ERR_VERSION ||
                s == TCC_ERR_TOO_MANY_IO)
        << tcc_status_string(s);
    EXPECT_EQ(tcc_model_run(&m), TCC_ERR_INVALID_ARGUMENT);
    return s;
  }
  // The strings are NUL-terminated inside the bundle.
  for (const char *str : {info.model_name, info.target, info.cpu,
                          info.report_json})
    EXPECT_LT(std::strlen(str), bundle.size());
  // What init must conclude about our arena from what inspect reported.
  tcc_status arenaVerdict = TCC_OK;
  if (info.arena_size > sizeof arena)
    arenaVerdict = TCC_ERR_ARENA_TOO_SMALL;
  else if (info.arena_size != 0 &&
           reinterpret_cast<uintptr_t>(arena) % info.arena_alignment != 0)
    arenaVerdict = TCC_ERR_ARENA_MISALIGNED;
  EXPECT_EQ(s, arenaVerdict) << tcc_status_string(s);
  if (s != TCC_OK)
    return s;
  EXPECT_EQ(tcc_model_num_inputs(&m), info.num_inputs);
  EXPECT_EQ(tcc_model_num_outputs(&m), info.num_outputs);

  std::vector<std::vector<uint64_t>> buffers;
  bool bindable = true;
  expect = Expect();
  expect.numInputs = info.num_inputs;
  expect.numOutputs = info.num_outputs;
  expect.arenaBytes = static_cast<size_t>(info.arena_size);
  for (int output = 0; output < 2; ++output) {
    const int n = output ? info.num_outputs : info.num_inputs;
    for (int i = 0; i < n; ++i) {
      tcc_tensor_info t;
      EXPECT_EQ(output ? tcc_model_output_info(&m, i, &t)
                       : tcc_model_input_info(&m, i, &t),
                TCC_OK);
      EXPECT_LE(t.rank, TCC_MAX_RANK);
      EXPECT_GE(t.rank, 0);
      EXPECT_EQ(t.byte_size, t.num_elements * tcc_dtype_size(t.dtype));
      // Names are unique within a list, so lookup finds this very index.
      int found = -1;
      EXPECT_EQ(output ? tcc_model_output_index(&m, t.name, &found)
                       : tcc_model_input_index(&m, t.name, &found),
                TCC_OK);
      EXPECT_EQ(found, i);
      if (t.byte_size > kMaxBuffer) {
        bindable = false;
        continue;
      }
      buffers.emplace_back(t.byte_size / 8 + 1, 0);
      void *p = buffers.back().data();
      EXPECT_EQ(output ? tcc_model_bind_output(&m, i, p, t.byte_size)
                       : tcc_model_bind_input(&m, i, p, t.byte_size),
                TCC_OK);
      (output ? expect.outputBytes : expect.inputBytes)[i] = t.byte_size;
    }
  }
  if (bindable) {
    EXPECT_EQ(tcc_model_run(&m), TCC_OK);
  }
  return s;
}

TEST(CorruptBundleTest, TheUncorruptedBundleRuns) {
  const AlignedBytes b = alignedBundle(smallSpec());
  EXPECT_EQ(exercise(b), TCC_OK);
  EXPECT_LT(b.size(), 512u) << "keep the exhaustive tests fast";
}

TEST(CorruptBundleTest, EveryTruncation) {
  const std::vector<uint8_t> bytes = buildBundle(smallSpec());
  size_t shortestAccepted = bytes.size();
  for (size_t n = 0; n < bytes.size(); ++n) {
    const AlignedBytes b(bytes.data(), n);
    if (exercise(b) == TCC_OK && n < shortestAccepted)
      shortestAccepted = n;
  }
  // FlatBuffers writes back to front, so the end of the buffer is the
  // first-written data. Only cutting the alignment padding after the last
  // string's terminator may keep the bundle valid (and exercise() checked
  // such a bundle for consistency).
  for (size_t i = shortestAccepted; i < bytes.size(); ++i)
    EXPECT_EQ(bytes[i], 0) << "accepted a cut that lost byte " << i;
  EXPECT_GT(shortestAccepted + 8, bytes.size());
}

TEST(CorruptBundleTest, EverySingleByteFlip) {
  const std::vector<uint8_t> bytes = buildBundle(smallSpec());
  int counts[16] = {};
  for (size_t at = 0; at < bytes.size(); ++at)
    for (uint8_t mask : {0x01, 0x02, 0x10, 0x80, 0xff}) {
      std::vector<uint8_t> corrupt = bytes;
      corrupt[at] ^= mask;
      const AlignedBytes b(corrupt.data(), corrupt.size());
      const tcc_status s = exercise(b);
      ++counts[s];
      if (::testing::Test::HasFailure()) {
        ADD_FAILURE() << "byte " << at << " ^ " << int(mask);
        return;
      }
    }
  ::testing::Test::RecordProperty("accepted", counts[TCC_OK]);
  ::testing::Test::RecordProperty("bad_bundle", counts[TCC_ERR_BAD_BUNDLE]);
  ::testing::Test::RecordProperty("version", counts[TCC_ERR_VERSION]);
  ::testing::Test::RecordProperty("size", static_cast<int>(bytes.size()));
  // Both outcomes occur: the test is not vacuous.
  EXPECT_GT(counts[TCC_OK], 0);
  EXPECT_GT(counts[TCC_ERR_BAD_BUNDLE], 0);
  EXPECT_GT(counts[TCC_ERR_VERSION], 0);
}

TEST(CorruptBundleTest, RandomMultiByteCorruption) {
  const std::vector<uint8_t> bytes = buildBundle(smallSpec());
  std::mt19937 rng(12345);
  for (int iteration = 0; iteration < 20000; ++iteration) {
    std::vector<uint8_t> corrupt = bytes;
    const int edits = 1 + static_cast<int>(rng() % 8);
    for (int e = 0; e < edits; ++e)
      corrupt[rng() % corrupt.size()] = static_cast<uint8_t>(rng());
    if (rng() % 4 == 0)
      corrupt.resize(rng() % corrupt.size());
    const AlignedBytes b(corrupt.data(), corrupt.size());
    exercise(b);
    if (::testing::Test::HasFailure()) {
      ADD_FAILURE() << "iteration " << iteration;
      return;
    }
  }
}

TEST(CorruptBundleTest, ArbitraryBytesWithTheIdentifier) {
  // Random bodies behind a valid identifier get past the first check and
  // exercise the verifier itself.
  std::mt19937 rng(99);
  for (int iteration = 0; iteration < 20000; ++iteration) {
    std::vector<uint8_t> bytes(8 + rng() % 256);
    for (uint8_t &byte : bytes)
      byte = static_cast<uint8_t>(rng() % 4 == 0 ? rng() : rng() % 16);
    std::memcpy(bytes.data() + 4, TCC_BUNDLE_IDENTIFIER, 4);
    const AlignedBytes b(bytes.data(), bytes.size());
    exercise(b);
    if (::testing::Test::HasFailure()) {
      ADD_FAILURE() << "iteration " << iteration;
      return;
    }
  }
}

} // namespace
