//===- BundleTestUtil.cpp - Building bundles in tests ---------------------===//

#include "BundleTestUtil.h"

namespace tcc::test {

using namespace tcc::bundle;

namespace {

flatbuffers::Offset<TensorInfo> buildTensor(flatbuffers::FlatBufferBuilder &b,
                                            const TensorSpec &t) {
  flatbuffers::Offset<flatbuffers::String> name;
  if (!t.omitName)
    name = b.CreateString(t.name);
  flatbuffers::Offset<flatbuffers::Vector<int64_t>> shape;
  if (!t.omitShape)
    shape = b.CreateVector(t.shape);
  // Built field by field instead of with TensorInfoBuilder, whose Finish()
  // would refuse (assert on) the missing required name the tests need.
  const auto start = b.StartTable();
  if (!t.omitShape)
    b.AddOffset(TensorInfo::VT_SHAPE, shape);
  if (!t.omitName)
    b.AddOffset(TensorInfo::VT_NAME, name);
  b.AddElement<uint8_t>(TensorInfo::VT_DTYPE, static_cast<uint8_t>(t.dtype), 0);
  return flatbuffers::Offset<TensorInfo>(b.EndTable(start));
}

} // namespace

std::vector<uint8_t> buildBundle(const BundleSpec &spec) {
  flatbuffers::FlatBufferBuilder b;
  std::vector<flatbuffers::Offset<TensorInfo>> inputs, outputs;
  for (const TensorSpec &t : spec.inputs)
    inputs.push_back(buildTensor(b, t));
  for (const TensorSpec &t : spec.outputs)
    outputs.push_back(buildTensor(b, t));
  const auto in = b.CreateVector(inputs);
  const auto out = b.CreateVector(outputs);
  flatbuffers::Offset<flatbuffers::String> name, target, cpu, report;
  if (!spec.omitStrings) {
    name = b.CreateString(spec.modelName);
    target = b.CreateString(spec.target);
    cpu = b.CreateString(spec.cpu);
    report = b.CreateString(spec.reportJson);
  }
  const auto root = CreateBundle(b, spec.schemaVersion, name, target, cpu, in,
                                 out, spec.arenaSize, spec.arenaAlignment,
                                 spec.weightsSize, report);
  FinishBundleBuffer(b, root);
  return {b.GetBufferPointer(), b.GetBufferPointer() + b.GetSize()};
}

AlignedBytes alignedBundle(const BundleSpec &spec) {
  const std::vector<uint8_t> bytes = buildBundle(spec);
  return AlignedBytes(bytes.data(), bytes.size());
}

BundleSpec adderSpec() {
  BundleSpec s;
  s.inputs = {{"a", DType::float32, {2, 3}}, {"b", DType::float32, {2, 3}}};
  s.outputs = {{"sum", DType::float32, {2, 3}}};
  s.arenaSize = 6 * sizeof(float);
  s.arenaAlignment = 16;
  s.weightsSize = 1234;
  return s;
}

} // namespace tcc::test
