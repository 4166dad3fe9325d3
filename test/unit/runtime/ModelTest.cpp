//===- ModelTest.cpp - The runtime C API over well-formed bundles ---------===//
//
// Init, lookup, binding and running with a fake entry function standing in
// for compiled code, and every status each function can return.
//
//===----------------------------------------------------------------------===//

#include "BundleTestUtil.h"

#include <gtest/gtest.h>

#include <cstring>
#include <set>

using namespace tcc::test;
using tcc::bundle::DType;

namespace {

// What the fake entry function saw, for the tests to inspect.
struct EntryCall {
  int calls = 0;
  const void *const *inputs = nullptr;
  void *const *outputs = nullptr;
  void *arena = nullptr;
} lastCall;

// out = a + b over float32[2,3], staging the sum in the arena like compiled
// code would use its scratch.
void adderEntry(const void *const *inputs, void *const *outputs, void *arena) {
  ++lastCall.calls;
  lastCall.inputs = inputs;
  lastCall.outputs = outputs;
  lastCall.arena = arena;
  const auto *a = static_cast<const float *>(inputs[0]);
  const auto *b = static_cast<const float *>(inputs[1]);
  auto *scratch = static_cast<float *>(arena);
  for (int i = 0; i < 6; ++i)
    scratch[i] = a[i] + b[i];
  std::memcpy(outputs[0], scratch, 6 * sizeof(float));
}

void recordEntry(const void *const *inputs, void *const *outputs, void *arena) {
  ++lastCall.calls;
  lastCall.inputs = inputs;
  lastCall.outputs = outputs;
  lastCall.arena = arena;
}

class ModelTest : public ::testing::Test {
protected:
  void SetUp() override { lastCall = EntryCall(); }

  alignas(64) unsigned char arena[256] = {};
};

TEST_F(ModelTest, AdderRunsEndToEnd) {
  const AlignedBytes bundle = alignedBundle(adderSpec());
  tcc_model m;
  ASSERT_EQ(tcc_model_init(&m, bundle.data(), bundle.size(), adderEntry, arena,
                           sizeof arena),
            TCC_OK);
  EXPECT_EQ(tcc_model_num_inputs(&m), 2);
  EXPECT_EQ(tcc_model_num_outputs(&m), 1);

  int ia = -1, ib = -1, io = -1;
  ASSERT_EQ(tcc_model_input_index(&m, "a", &ia), TCC_OK);
  ASSERT_EQ(tcc_model_input_index(&m, "b", &ib), TCC_OK);
  ASSERT_EQ(tcc_model_output_index(&m, "sum", &io), TCC_OK);
  EXPECT_EQ(ia, 0);
  EXPECT_EQ(ib, 1);
  EXPECT_EQ(io, 0);

  float a[6] = {1, 2, 3, 4, 5, 6}, b[6] = {10, 20, 30, 40, 50, 60}, out[6] = {};
  ASSERT_EQ(tcc_model_bind_input(&m, ia, a, sizeof a), TCC_OK);
  ASSERT_EQ(tcc_model_bind_input(&m, ib, b, sizeof b), TCC_OK);
  ASSERT_EQ(tcc_model_bind_output(&m, io, out, sizeof out), TCC_OK);
  ASSERT_EQ(tcc_model_run(&m), TCC_OK);
  EXPECT_EQ(lastCall.calls, 1);
  EXPECT_EQ(lastCall.arena, arena);
  EXPECT_EQ(lastCall.inputs[0], a);
  EXPECT_EQ(lastCall.inputs[1], b);
  EXPECT_EQ(lastCall.outputs[0], out);
  for (int i = 0; i < 6; ++i)
    EXPECT_EQ(out[i], a[i] + b[i]);

  // Bindings persist; rebinding replaces one buffer only.
  float b2[6] = {100, 100, 100, 100, 100, 100};
  ASSERT_EQ(tcc_model_bind_input(&m, ib, b2, sizeof b2), TCC_OK);
  ASSERT_EQ(tcc_model_run(&m), TCC_OK);
  EXPECT_EQ(lastCall.calls, 2);
  for (int i = 0; i < 6; ++i)
    EXPECT_EQ(out[i], a[i] + 100);
}

TEST_F(ModelTest, TensorInfoDescribesEveryTensor) {
  BundleSpec spec = adderSpec();
  spec.inputs.push_back({"ids", DType::int64, {1, 128}});
  spec.inputs.push_back({"flag", DType::bool_, {}, false, true});
  spec.inputs.push_back({"empty", DType::float16, {4, 0, 3}});
  spec.outputs.push_back({"r8", DType::uint8, {1, 2, 1, 2, 1, 2, 1, 2}});
  const AlignedBytes bundle = alignedBundle(spec);
  tcc_model m;
  ASSERT_EQ(tcc_model_init(&m, bundle.data(), bundle.size(), recordEntry,
                           arena, sizeof arena),
            TCC_OK);

  tcc_tensor_info info;
  ASSERT_EQ(tcc_model_input_info(&m, 2, &info), TCC_OK);
  EXPECT_STREQ(info.name, "ids");
  EXPECT_EQ(info.dtype, TCC_DTYPE_INT64);
  EXPECT_EQ(info.rank, 2);
  EXPECT_EQ(info.dims[0], 1);
  EXPECT_EQ(info.dims[1], 128);
  EXPECT_EQ(info.dims[2], 0);
  EXPECT_EQ(info.num_elements, 128u);
  EXPECT_EQ(info.byte_size, 1024u);

  ASSERT_EQ(tcc_model_input_info(&m, 3, &info), TCC_OK); // no shape: scalar
  EXPECT_STREQ(info.name, "flag");
  EXPECT_EQ(info.dtype, TCC_DTYPE_BOOL);
  EXPECT_EQ(info.rank, 0);
  EXPECT_EQ(info.num_elements, 1u);
  EXPECT_EQ(info.byte_size, 1u);

  ASSERT_EQ(tcc_model_input_info(&m, 4, &info), TCC_OK);
  EXPECT_EQ(info.rank, 3);
  EXPECT_EQ(info.num_elements, 0u);
  EXPECT_EQ(info.byte_size, 0u);

  ASSERT_EQ(tcc_model_output_info(&m, 1, &info), TCC_OK);
  EXPECT_STREQ(info.name, "r8");
  EXPECT_EQ(info.rank, 8);
  EXPECT_EQ(info.byte_size, 16u);

  // The name points into the bundle: zero-copy.
  EXPECT_GE(reinterpret_cast<const uint8_t *>(info.name), bundle.data());
  EXPECT_LT(reinterpret_cast<const uint8_t *>(info.name),
            bundle.data() + bundle.size());

  // A 0-byte tensor binds with no buffer at all.
  EXPECT_EQ(tcc_model_bind_input(&m, 4, nullptr, 0), TCC_OK);
}

TEST_F(ModelTest, InspectReportsTheBundle) {
  const AlignedBytes bundle = alignedBundle(adderSpec());
  tcc_bundle_info info;
  ASSERT_EQ(tcc_bundle_inspect(bundle.data(), bundle.size(), &info), TCC_OK);
  EXPECT_EQ(info.schema_version, TCC_BUNDLE_SCHEMA_VERSION);
  EXPECT_STREQ(info.model_name, "adder");
  EXPECT_STREQ(info.target, "x86-64");
  EXPECT_STREQ(info.cpu, "haswell");
  EXPECT_STREQ(info.report_json, "{\"layers\": []}");
  EXPECT_EQ(info.num_inputs, 2);
  EXPECT_EQ(info.num_outputs, 1);
  EXPECT_EQ(info.arena_size, 24u);
  EXPECT_EQ(info.arena_alignment, 16u);
  EXPECT_EQ(info.weights_size, 1234u);

  BundleSpec bare = adderSpec();
  bare.omitStrings = true;
  const AlignedBytes b2 = alignedBundle(bare);
  ASSERT_EQ(tcc_bundle_inspect(b2.data(), b2.size(), &info), TCC_OK);
  EXPECT_STREQ(info.model_name, "");
  EXPECT_STREQ(info.target, "");
  EXPECT_STREQ(info.cpu, "");
  EXPECT_STREQ(info.report_json, "");

  EXPECT_EQ(tcc_bundle_inspect(bundle.data(), bundle.size(), nullptr),
            TCC_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(tcc_bundle_inspect(nullptr, 64, &info), TCC_ERR_INVALID_ARGUMENT);
}

TEST_F(ModelTest, ModelWithoutIoOrArena) {
  BundleSpec spec;
  spec.arenaSize = 0;
  spec.arenaAlignment = 1;
  const AlignedBytes bundle = alignedBundle(spec);
  tcc_model m;
  ASSERT_EQ(tcc_model_init(&m, bundle.data(), bundle.size(), recordEntry,
                           nullptr, 0),
            TCC_OK);
  EXPECT_EQ(tcc_model_num_inputs(&m), 0);
  EXPECT_EQ(tcc_model_num_outputs(&m), 0);
  ASSERT_EQ(tcc_model_run(&m), TCC_OK);
  EXPECT_EQ(lastCall.calls, 1);
  EXPECT_EQ(lastCall.arena, nullptr);
}

TEST_F(ModelTest, ExactlyMaxIoIsAccepted) {
  BundleSpec spec;
  for (int i = 0; i < TCC_MAX_IO; ++i) {
    spec.inputs.push_back({"in" + std::to_string(i), DType::int32, {1}});
    spec.outputs.push_back({"out" + std::to_string(i), DType::int32, {1}});
  }
  const AlignedBytes bundle = alignedBundle(spec);
  tcc_model m;
  ASSERT_EQ(tcc_model_init(&m, bundle.data(), bundle.size(), recordEntry,
                           nullptr, 0),
            TCC_OK);
  int32_t in[TCC_MAX_IO], out[TCC_MAX_IO];
  for (int i = 0; i < TCC_MAX_IO; ++i) {
    ASSERT_EQ(tcc_model_bind_input(&m, i, &in[i], 4), TCC_OK);
    if (i + 1 < TCC_MAX_IO) {
      ASSERT_EQ(tcc_model_bind_output(&m, i, &out[i], 4), TCC_OK);
    }
  }
  // The 64th output (bit 63 of the mask) decides.
  EXPECT_EQ(tcc_model_run(&m), TCC_ERR_UNBOUND_IO);
  EXPECT_EQ(lastCall.calls, 0);
  ASSERT_EQ(tcc_model_bind_output(&m, TCC_MAX_IO - 1, &out[TCC_MAX_IO - 1], 4),
            TCC_OK);
  EXPECT_EQ(tcc_model_run(&m), TCC_OK);
  EXPECT_EQ(lastCall.calls, 1);
  int index;
  ASSERT_EQ(tcc_model_output_index(&m, "out63", &index), TCC_OK);
  EXPECT_EQ(index, 63);
}

// --- every error status -------------------------------------------------------

TEST_F(ModelTest, InvalidArguments) {
  const AlignedBytes bundle = alignedBundle(adderSpec());
  tcc_model m;
  EXPECT_EQ(tcc_model_init(nullptr, bundle.data(), bundle.size(), adderEntry,
                           arena, sizeof arena),
            TCC_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(tcc_model_init(&m, bundle.data(), bundle.size(), nullptr, arena,
                           sizeof arena),
            TCC_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(tcc_model_init(&m, nullptr, bundle.size(), adderEntry, arena,
                           sizeof arena),
            TCC_ERR_INVALID_ARGUMENT);
  // The bundle needs an arena: NULL is refused even with a size.
  EXPECT_EQ(tcc_model_init(&m, bundle.data(), bundle.size(), adderEntry,
                           nullptr, sizeof arena),
            TCC_ERR_INVALID_ARGUMENT);

  ASSERT_EQ(tcc_model_init(&m, bundle.data(), bundle.size(), adderEntry, arena,
                           sizeof arena),
            TCC_OK);
  int index;
  tcc_tensor_info info;
  float buf[6];
  const int64_t dims[2] = {2, 3};
  EXPECT_EQ(tcc_model_input_index(&m, nullptr, &index), TCC_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(tcc_model_input_index(&m, "a", nullptr), TCC_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(tcc_model_output_index(&m, nullptr, &index), TCC_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(tcc_model_input_info(&m, 0, nullptr), TCC_ERR_INVALID_ARGUMENT);
  for (int bad : {-1, 2, 1000, -2147483647 - 1}) {
    EXPECT_EQ(tcc_model_input_info(&m, bad, &info), TCC_ERR_INVALID_ARGUMENT);
    EXPECT_EQ(tcc_model_bind_input(&m, bad, buf, sizeof buf),
              TCC_ERR_INVALID_ARGUMENT);
    EXPECT_EQ(tcc_model_check_input(&m, bad, TCC_DTYPE_FLOAT32, 2, dims),
              TCC_ERR_INVALID_ARGUMENT);
  }
  for (int bad : {-1, 1, 64}) {
    EXPECT_EQ(tcc_model_output_info(&m, bad, &info), TCC_ERR_INVALID_ARGUMENT);
    EXPECT_EQ(tcc_model_bind_output(&m, bad, buf, sizeof buf),
              TCC_ERR_INVALID_ARGUMENT);
    EXPECT_EQ(tcc_model_check_output(&m, bad, TCC_DTYPE_FLOAT32, 2, dims),
              TCC_ERR_INVALID_ARGUMENT);
  }
  EXPECT_EQ(tcc_model_bind_input(&m, 0, nullptr, sizeof buf),
            TCC_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(tcc_model_bind_output(&m, 0, nullptr, sizeof buf),
            TCC_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(tcc_model_check_input(&m, 0, TCC_DTYPE_FLOAT32, 2, nullptr),
            TCC_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(tcc_model_check_input(&m, 0, TCC_DTYPE_FLOAT32, -1, dims),
            TCC_ERR_INVALID_ARGUMENT);
}

TEST_F(ModelTest, UninitializedModelIsRejectedEverywhere) {
  tcc_model zeroed;
  std::memset(&zeroed, 0, sizeof zeroed);
  tcc_model garbage;
  std::memset(&garbage, 0xa5, sizeof garbage);
  for (tcc_model *m : {&zeroed, &garbage, static_cast<tcc_model *>(nullptr)}) {
    int index;
    tcc_tensor_info info;
    float buf[6];
    const int64_t dims[2] = {2, 3};
    EXPECT_EQ(tcc_model_num_inputs(m), 0);
    EXPECT_EQ(tcc_model_num_outputs(m), 0);
    EXPECT_EQ(tcc_model_input_index(m, "a", &index), TCC_ERR_INVALID_ARGUMENT);
    EXPECT_EQ(tcc_model_output_index(m, "sum", &index), TCC_ERR_INVALID_ARGUMENT);
    EXPECT_EQ(tcc_model_input_info(m, 0, &info), TCC_ERR_INVALID_ARGUMENT);
    EXPECT_EQ(tcc_model_output_info(m, 0, &info), TCC_ERR_INVALID_ARGUMENT);
    EXPECT_EQ(tcc_model_check_input(m, 0, TCC_DTYPE_FLOAT32, 2, dims),
              TCC_ERR_INVALID_ARGUMENT);
    EXPECT_EQ(tcc_model_check_output(m, 0, TCC_DTYPE_FLOAT32, 2, dims),
              TCC_ERR_INVALID_ARGUMENT);
    EXPECT_EQ(tcc_model_bind_input(m, 0, buf, sizeof buf), TCC_ERR_INVALID_ARGUMENT);
    EXPECT_EQ(tcc_model_bind_output(m, 0, buf, sizeof buf), TCC_ERR_INVALID_ARGUMENT);
    EXPECT_EQ(tcc_model_run(m), TCC_ERR_INVALID_ARGUMENT);
  }
  EXPECT_EQ(lastCall.calls, 0);
}

TEST_F(ModelTest, FailedInitLeavesModelUnusable) {
  const AlignedBytes good = alignedBundle(adderSpec());
  tcc_model m;
  ASSERT_EQ(tcc_model_init(&m, good.data(), good.size(), adderEntry, arena,
                           sizeof arena),
            TCC_OK);
  // A second init on the same struct that fails must not leave the first
  // model's state usable.
  EXPECT_EQ(tcc_model_init(&m, good.data(), good.size(), adderEntry, arena, 8),
            TCC_ERR_ARENA_TOO_SMALL);
  EXPECT_EQ(tcc_model_num_inputs(&m), 0);
  EXPECT_EQ(tcc_model_run(&m), TCC_ERR_INVALID_ARGUMENT);
  // And it can be initialized again.
  EXPECT_EQ(tcc_model_init(&m, good.data(), good.size(), adderEntry, arena,
                           sizeof arena),
            TCC_OK);
  EXPECT_EQ(tcc_model_num_inputs(&m), 2);
}

TEST_F(ModelTest, BadBundles) {
  tcc_model m;
  AlignedBytes b; // outlives the model, as the API requires
  auto init = [&](const BundleSpec &spec) {
    b = alignedBundle(spec);
    tcc_bundle_info info;
    const tcc_status inspected = tcc_bundle_inspect(b.data(), b.size(), &info);
    const tcc_status s = tcc_model_init(&m, b.data(), b.size(), recordEntry,
                                        arena, sizeof arena);
    EXPECT_EQ(inspected, s) << "inspect and init must agree on the bundle";
    return s;
  };
  const BundleSpec base = adderSpec();
  EXPECT_EQ(init(base), TCC_OK);

  BundleSpec s = base;
  s.inputs[0].dtype = static_cast<DType>(13); // one past the last known
  EXPECT_EQ(init(s), TCC_ERR_BAD_BUNDLE);
  s.inputs[0].dtype = static_cast<DType>(255);
  EXPECT_EQ(init(s), TCC_ERR_BAD_BUNDLE);

  s = base;
  s.outputs[0].shape = {1, 1, 1, 1, 1, 1, 1, 1, 1}; // rank 9
  EXPECT_EQ(init(s), TCC_ERR_BAD_BUNDLE);
  s.outputs[0].shape = {2, -1};
  EXPECT_EQ(init(s), TCC_ERR_BAD_BUNDLE);
  s.outputs[0].shape = {INT64_MIN};
  EXPECT_EQ(init(s), TCC_ERR_BAD_BUNDLE);
  // Element count overflows 64 bits.
  s.outputs[0].shape = {int64_t(1) << 32, int64_t(1) << 32};
  EXPECT_EQ(init(s), TCC_ERR_BAD_BUNDLE);
  // Element count fits, byte size (x4) does not.
  s.outputs[0].shape = {int64_t(1) << 31, int64_t(1) << 31};
  EXPECT_EQ(init(s), TCC_ERR_BAD_BUNDLE);
  s.outputs[0].shape = {INT64_MAX, INT64_MAX, 2};
  EXPECT_EQ(init(s), TCC_ERR_BAD_BUNDLE);
  // ...but a zero dimension makes any other dimensions an empty tensor.
  s.outputs[0].shape = {INT64_MAX, INT64_MAX, 0};
  EXPECT_EQ(init(s), TCC_OK);
  tcc_tensor_info info;
  ASSERT_EQ(tcc_model_output_info(&m, 0, &info), TCC_OK);
  EXPECT_EQ(info.byte_size, 0u);
  // Representable (2^62 bytes of int8) even though no buffer can be bound.
  s.outputs[0] = {"huge", DType::int8, {int64_t(1) << 31, int64_t(1) << 31}};
  EXPECT_EQ(init(s), TCC_OK);

  s = base;
  s.inputs[1].name = "a"; // duplicate input name
  EXPECT_EQ(init(s), TCC_ERR_BAD_BUNDLE);
  s = base;
  s.outputs[0].name = "a"; // an output may share an input's name
  EXPECT_EQ(init(s), TCC_OK);

  s = base;
  s.inputs[0].omitName = true; // `required` field missing
  EXPECT_EQ(init(s), TCC_ERR_BAD_BUNDLE);

  for (uint32_t alignment : {0u, 3u, 12u, 0x80000001u}) {
    s = base;
    s.arenaAlignment = alignment;
    EXPECT_EQ(init(s), TCC_ERR_BAD_BUNDLE) << alignment;
  }
  s = base;
  s.arenaAlignment = 1;
  EXPECT_EQ(init(s), TCC_OK);

  // Not a bundle at all.
  std::vector<uint8_t> bytes = buildBundle(base);
  bytes[4] = 'X'; // file identifier
  AlignedBytes wrongId(bytes.data(), bytes.size());
  EXPECT_EQ(tcc_model_init(&m, wrongId.data(), wrongId.size(), recordEntry,
                           arena, sizeof arena),
            TCC_ERR_BAD_BUNDLE);
  uint64_t zeros[8] = {};
  for (size_t n : {0, 1, 7, 8, 64})
    EXPECT_EQ(tcc_model_init(&m, zeros, n, recordEntry, arena, sizeof arena),
              TCC_ERR_BAD_BUNDLE)
        << n;
  // Sizes the FlatBuffers verifier would assert on must be refused first.
  const AlignedBytes good = alignedBundle(base);
  EXPECT_EQ(tcc_model_init(&m, good.data(), size_t(1) << 31, recordEntry,
                           arena, sizeof arena),
            TCC_ERR_BAD_BUNDLE);
  EXPECT_EQ(tcc_model_init(&m, good.data(), SIZE_MAX, recordEntry, arena,
                           sizeof arena),
            TCC_ERR_BAD_BUNDLE);
}

TEST_F(ModelTest, MisalignedShapeVectorIsRejected) {
  // Redirect the input's shape offset 4 bytes forward: the "vector" then
  // starts at the low half of dims[0] (== 1, its length) and its single
  // int64 element sits at an address that is 4 mod 8. The FlatBuffers
  // verifier accepts that (it checks the alignment of a vector's length,
  // not its elements); the runtime must not read it.
  BundleSpec spec;
  spec.inputs = {{"x", DType::float32, {1, 5}}};
  AlignedBytes b = alignedBundle(spec);
  const auto *root = tcc::bundle::GetBundle(b.data());
  const auto *dims = root->inputs()->Get(0)->shape();
  const size_t vectorAt = static_cast<size_t>(
      reinterpret_cast<const uint8_t *>(dims) - b.data());
  bool patched = false;
  for (size_t at = 0; at + 4 <= b.size() && !patched; at += 4) {
    uint32_t offset;
    std::memcpy(&offset, b.data() + at, 4);
    if (at + offset == vectorAt) {
      offset += 4;
      std::memcpy(b.data() + at, &offset, 4);
      patched = true;
    }
  }
  ASSERT_TRUE(patched);
  tcc_model m;
  EXPECT_EQ(tcc_model_init(&m, b.data(), b.size(), recordEntry, arena,
                           sizeof arena),
            TCC_ERR_BAD_BUNDLE);
}

TEST_F(ModelTest, Version) {
  tcc_model m;
  for (uint32_t version : {0u, 2u, 0xffffffffu}) {
    BundleSpec s = adderSpec();
    s.schemaVersion = version;
    const AlignedBytes b = alignedBundle(s);
    EXPECT_EQ(tcc_model_init(&m, b.data(), b.size(), recordEntry, arena,
                             sizeof arena),
              TCC_ERR_VERSION)
        << version;
  }
}

TEST_F(ModelTest, BundleMisaligned) {
  const std::vector<uint8_t> bytes = buildBundle(adderSpec());
  tcc_model m;
  for (size_t offset : {1, 2, 4}) {
    AlignedBytes shifted(bytes.data(), bytes.size(), offset);
    EXPECT_EQ(tcc_model_init(&m, shifted.data(), shifted.size(), recordEntry,
                             arena, sizeof arena),
              TCC_ERR_BUNDLE_MISALIGNED);
    tcc_bundle_info info;
    EXPECT_EQ(tcc_bundle_inspect(shifted.data(), shifted.size(), &info),
              TCC_ERR_BUNDLE_MISALIGNED);
  }
}

TEST_F(ModelTest, ArenaChecks) {
  BundleSpec s = adderSpec();
  s.arenaSize = 100;
  s.arenaAlignment = 64;
  AlignedBytes b = alignedBundle(s);
  tcc_model m;
  EXPECT_EQ(tcc_model_init(&m, b.data(), b.size(), recordEntry, arena, 99),
            TCC_ERR_ARENA_TOO_SMALL);
  EXPECT_EQ(tcc_model_init(&m, b.data(), b.size(), recordEntry, arena, 100),
            TCC_OK);
  EXPECT_EQ(tcc_model_init(&m, b.data(), b.size(), recordEntry, arena + 32,
                           200),
            TCC_ERR_ARENA_MISALIGNED);
  EXPECT_EQ(tcc_model_init(&m, b.data(), b.size(), recordEntry, arena + 1, 200),
            TCC_ERR_ARENA_MISALIGNED);

  s.arenaSize = UINT64_MAX; // more than any host (or 32-bit MCU) can give
  b = alignedBundle(s);
  EXPECT_EQ(tcc_model_init(&m, b.data(), b.size(), recordEntry, arena,
                           SIZE_MAX - 1),
            TCC_ERR_ARENA_TOO_SMALL);

  // No arena needed: its pointer and size are not looked at.
  s.arenaSize = 0;
  b = alignedBundle(s);
  EXPECT_EQ(tcc_model_init(&m, b.data(), b.size(), recordEntry, arena + 1, 0),
            TCC_OK);
}

TEST_F(ModelTest, LookupAndChecks) {
  const AlignedBytes bundle = alignedBundle(adderSpec());
  tcc_model m;
  ASSERT_EQ(tcc_model_init(&m, bundle.data(), bundle.size(), adderEntry, arena,
                           sizeof arena),
            TCC_OK);
  int index = 42;
  EXPECT_EQ(tcc_model_input_index(&m, "sum", &index), TCC_ERR_NOT_FOUND);
  EXPECT_EQ(tcc_model_output_index(&m, "a", &index), TCC_ERR_NOT_FOUND);
  EXPECT_EQ(tcc_model_input_index(&m, "", &index), TCC_ERR_NOT_FOUND);
  EXPECT_EQ(tcc_model_input_index(&m, "aa", &index), TCC_ERR_NOT_FOUND);
  EXPECT_EQ(tcc_model_input_index(&m, "A", &index), TCC_ERR_NOT_FOUND);
  EXPECT_EQ(index, 42) << "index untouched on failure";

  const int64_t good[2] = {2, 3}, transposed[2] = {3, 2}, flat[1] = {6};
  EXPECT_EQ(tcc_model_check_input(&m, 0, TCC_DTYPE_FLOAT32, 2, good), TCC_OK);
  EXPECT_EQ(tcc_model_check_output(&m, 0, TCC_DTYPE_FLOAT32, 2, good), TCC_OK);
  EXPECT_EQ(tcc_model_check_input(&m, 0, TCC_DTYPE_FLOAT32, 2, transposed),
            TCC_ERR_SHAPE_MISMATCH);
  EXPECT_EQ(tcc_model_check_input(&m, 0, TCC_DTYPE_FLOAT32, 1, flat),
            TCC_ERR_SHAPE_MISMATCH);
  EXPECT_EQ(tcc_model_check_input(&m, 0, TCC_DTYPE_FLOAT32, 0, nullptr),
            TCC_ERR_SHAPE_MISMATCH);
  EXPECT_EQ(tcc_model_check_output(&m, 0, TCC_DTYPE_INT32, 2, good),
            TCC_ERR_DTYPE_MISMATCH);
  // The dtype is reported before the shape.
  EXPECT_EQ(tcc_model_check_input(&m, 1, TCC_DTYPE_FLOAT64, 1, flat),
            TCC_ERR_DTYPE_MISMATCH);
}

TEST_F(ModelTest, BindChecks) {
  const AlignedBytes bundle = alignedBundle(adderSpec());
  tcc_model m;
  ASSERT_EQ(tcc_model_init(&m, bundle.data(), bundle.size(), adderEntry, arena,
                           sizeof arena),
            TCC_OK);
  alignas(8) float buf[8];
  EXPECT_EQ(tcc_model_bind_input(&m, 0, buf, 23), TCC_ERR_SIZE_MISMATCH);
  EXPECT_EQ(tcc_model_bind_input(&m, 0, buf, 25), TCC_ERR_SIZE_MISMATCH);
  EXPECT_EQ(tcc_model_bind_input(&m, 0, buf, 0), TCC_ERR_SIZE_MISMATCH);
  EXPECT_EQ(tcc_model_bind_output(&m, 0, buf, 6), TCC_ERR_SIZE_MISMATCH);
  auto *bytes = reinterpret_cast<unsigned char *>(buf);
  EXPECT_EQ(tcc_model_bind_input(&m, 0, bytes + 2, 24), TCC_ERR_DATA_MISALIGNED);
  EXPECT_EQ(tcc_model_bind_output(&m, 0, bytes + 1, 24),
            TCC_ERR_DATA_MISALIGNED);

  // Failed binds bind nothing.
  EXPECT_EQ(tcc_model_run(&m), TCC_ERR_UNBOUND_IO);
  ASSERT_EQ(tcc_model_bind_input(&m, 0, buf, 24), TCC_OK);
  EXPECT_EQ(tcc_model_run(&m), TCC_ERR_UNBOUND_IO);
  ASSERT_EQ(tcc_model_bind_input(&m, 1, buf, 24), TCC_OK);
  EXPECT_EQ(tcc_model_run(&m), TCC_ERR_UNBOUND_IO); // output still unbound
  EXPECT_EQ(lastCall.calls, 0);
  ASSERT_EQ(tcc_model_bind_output(&m, 0, buf + 2, 24), TCC_OK);
  EXPECT_EQ(tcc_model_run(&m), TCC_OK);
  EXPECT_EQ(lastCall.calls, 1);
}

TEST_F(ModelTest, TooManyIo) {
  tcc_model m;
  for (bool outputs : {false, true}) {
    BundleSpec s;
    auto &list = outputs ? s.outputs : s.inputs;
    for (int i = 0; i <= TCC_MAX_IO; ++i)
      list.push_back({"t" + std::to_string(i), DType::float32, {1}});
    const AlignedBytes b = alignedBundle(s);
    EXPECT_EQ(tcc_model_init(&m, b.data(), b.size(), recordEntry, arena,
                             sizeof arena),
              TCC_ERR_TOO_MANY_IO);
  }
}

TEST_F(ModelTest, VerifierTableLimitStopsSharedOffsetBlowup) {
  // One TensorInfo referenced from a vector thousands of times: the bytes
  // stay small but the verifier would walk the table once per entry. The
  // table limit turns that into BAD_BUNDLE; a moderately long list of
  // the same kind is still recognised as TOO_MANY_IO.
  for (int entries : {100, 5000}) {
    flatbuffers::FlatBufferBuilder b;
    const auto t = tcc::bundle::CreateTensorInfoDirect(b, "x");
    std::vector<flatbuffers::Offset<tcc::bundle::TensorInfo>> v(entries, t);
    const auto root = tcc::bundle::CreateBundle(
        b, TCC_BUNDLE_SCHEMA_VERSION, 0, 0, 0, b.CreateVector(v), 0, 0, 1);
    tcc::bundle::FinishBundleBuffer(b, root);
    AlignedBytes bytes(b.GetBufferPointer(), b.GetSize());
    tcc_bundle_info info;
    EXPECT_EQ(tcc_bundle_inspect(bytes.data(), bytes.size(), &info),
              entries == 100 ? TCC_ERR_TOO_MANY_IO : TCC_ERR_BAD_BUNDLE);
  }
}

TEST(StatusTest, EveryStatusHasItsOwnString) {
  std::set<std::string> seen;
  for (int s = TCC_OK; s <= TCC_ERR_TOO_MANY_IO; ++s) {
    const std::string text = tcc_status_string(static_cast<tcc_status>(s));
    EXPECT_NE(text, "unknown status") << s;
    EXPECT_TRUE(seen.insert(text).second) << text;
  }
  EXPECT_STREQ(tcc_status_string(static_cast<tcc_status>(TCC_ERR_TOO_MANY_IO + 1)),
               "unknown status");
}

TEST(StatusTest, DtypeNamesAndSizes) {
  const struct {
    tcc_dtype dtype;
    const char *name;
    size_t size;
  } expected[] = {
      {TCC_DTYPE_FLOAT32, "float32", 4}, {TCC_DTYPE_FLOAT16, "float16", 2},
      {TCC_DTYPE_BFLOAT16, "bfloat16", 2}, {TCC_DTYPE_FLOAT64, "float64", 8},
      {TCC_DTYPE_INT8, "int8", 1},       {TCC_DTYPE_UINT8, "uint8", 1},
      {TCC_DTYPE_INT16, "int16", 2},     {TCC_DTYPE_INT32, "int32", 4},
      {TCC_DTYPE_INT64, "int64", 8},     {TCC_DTYPE_BOOL, "bool", 1},
      {TCC_DTYPE_UINT16, "uint16", 2},   {TCC_DTYPE_UINT32, "uint32", 4},
      {TCC_DTYPE_UINT64, "uint64", 8},
  };
  for (const auto &e : expected) {
    EXPECT_STREQ(tcc_dtype_name(e.dtype), e.name);
    EXPECT_EQ(tcc_dtype_size(e.dtype), e.size);
    // The schema's enumerator names agree (bool is escaped by flatc).
    const std::string schemaName =
        tcc::bundle::EnumNameDType(static_cast<DType>(e.dtype));
    EXPECT_EQ(schemaName == "bool_" ? "bool" : schemaName, e.name);
  }
  EXPECT_STREQ(tcc_dtype_name(static_cast<tcc_dtype>(13)), "invalid");
  EXPECT_EQ(tcc_dtype_size(static_cast<tcc_dtype>(13)), 0u);
}

TEST(SchemaTest, HeaderConstantsMatchTheSchema) {
  EXPECT_STREQ(tcc::bundle::BundleIdentifier(), TCC_BUNDLE_IDENTIFIER);
  EXPECT_STREQ(tcc::bundle::BundleExtension(), "tccb");
  // Bundles the builder finishes carry the identifier the runtime checks.
  const std::vector<uint8_t> bytes = buildBundle(adderSpec());
  EXPECT_TRUE(tcc::bundle::BundleBufferHasIdentifier(bytes.data()));
}

// CApiFromC.c: the header compiles as C and the API is callable from C.
extern "C" int tccTestCApiFromC(const void *bundle, size_t size);

TEST(CApiTest, UsableFromC) {
  const AlignedBytes bundle = alignedBundle(adderSpec());
  EXPECT_EQ(tccTestCApiFromC(bundle.data(), bundle.size()), 0);
}

} // namespace
