//===- TensorFileTest.cpp - .pb / .npy readers and writers ----------------===//
//
// Checked against files NumPy and ONNX wrote (gen_tensor_files.py, run at
// build time), against the ONNX backend node test data, by round trips, and
// with hand-made malformed files.
//
//===----------------------------------------------------------------------===//

#include "runtime/tools/ProtoWire.h"
#include "runtime/tools/TensorFile.h"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

using namespace tcc::host;
using tcc::host::proto::WireType;
using tcc::host::proto::Writer;

namespace {

const std::string kFiles = TCC_RUNTIME_TEST_FILES;

std::vector<uint8_t> fileBytes(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

uint32_t crc32(const std::vector<uint8_t> &data) {
  uint32_t crc = 0xffffffffu;
  for (uint8_t byte : data) {
    crc ^= byte;
    for (int k = 0; k < 8; ++k)
      crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
  }
  return ~crc;
}

std::string shapeString(const std::vector<int64_t> &shape) {
  std::string s;
  for (size_t i = 0; i < shape.size(); ++i)
    s += (i ? "," : "") + std::to_string(shape[i]);
  return s;
}

std::vector<std::string> splitTabs(const std::string &line) {
  std::vector<std::string> cols;
  std::stringstream ss(line);
  std::string col;
  while (std::getline(ss, col, '\t'))
    cols.push_back(col);
  if (!line.empty() && line.back() == '\t')
    cols.push_back("");
  return cols;
}

// A message the tools may print: one line, naming the file first.
void expectOneLineError(const std::string &error, const std::string &what) {
  EXPECT_EQ(error.rfind(what + ": ", 0), 0u) << error;
  EXPECT_EQ(error.find('\n'), std::string::npos) << error;
  EXPECT_GT(error.size(), what.size() + 2) << error;
}

// Checks one manifest line (format in gen_tensor_files.py).
void checkManifestLine(const std::vector<std::string> &c,
                       const std::string &path) {
  SCOPED_TRACE(path);
  HostTensor t;
  std::string error;
  const bool ok = readTensorFile(path, t, error);
  if (c[1] == "error") {
    EXPECT_FALSE(ok);
    expectOneLineError(error, path);
    EXPECT_NE(error.find(c[2]), std::string::npos)
        << error << "\nexpected: " << c[2];
    return;
  }
  ASSERT_EQ(c.size(), 7u);
  ASSERT_TRUE(ok) << error;
  EXPECT_EQ(tcc_dtype_name(t.dtype), c[2]);
  EXPECT_EQ(shapeString(t.shape), c[3]);
  char crc[9];
  std::snprintf(crc, sizeof crc, "%08x", crc32(t.data));
  EXPECT_EQ(crc, c[4]);
  EXPECT_EQ(t.name, c[6]);
  if (c[5] == "1") {
    // tcc's writer for the format reproduces NumPy's/ONNX's bytes.
    std::vector<uint8_t> encoded;
    const bool npy = path.size() > 4 && path.substr(path.size() - 4) == ".npy";
    ASSERT_TRUE(npy ? encodeNpy(t, encoded, error)
                    : encodeTensorPb(t, encoded, error))
        << error;
    EXPECT_TRUE(encoded == fileBytes(path)) << "writer output differs";
  }
}

// Checks every line of a manifest; returns the number of files checked.
int checkManifest(const std::string &manifest, const std::string &dir) {
  std::ifstream in(manifest);
  EXPECT_TRUE(in.good()) << manifest;
  std::string line;
  int checked = 0;
  while (std::getline(in, line)) {
    if (line.empty())
      continue;
    const std::vector<std::string> c = splitTabs(line);
    checkManifestLine(c, dir.empty() ? c[0] : dir + "/" + c[0]);
    ++checked;
  }
  return checked;
}

TEST(TensorFileTest, FilesWrittenByNumpyAndOnnx) {
  EXPECT_GE(checkManifest(kFiles + "/manifest.tsv", kFiles + "/files"), 70);
}

TEST(TensorFileTest, OnnxBackendNodeTestData) {
  const std::string manifest = kFiles + "/onnx_node_manifest.tsv";
  if (std::filesystem::file_size(manifest) == 0)
    GTEST_SKIP() << "libonnx-testdata not installed";
  // Every TensorProto input/output of the node tests (thousands of files,
  // all dtypes ONNX uses), compared with the onnx package's reading.
  EXPECT_GE(checkManifest(manifest, ""), 2000);
}

TEST(TensorFileTest, RealNodeTestShapes) {
  const std::string dir = "/usr/share/libonnx-testdata/data/node/";
  if (!std::filesystem::exists(dir))
    GTEST_SKIP() << "libonnx-testdata not installed";
  const struct {
    const char *file;
    DType dtype;
    std::vector<int64_t> shape;
  } cases[] = {
      {"test_add/test_data_set_0/input_0.pb", TCC_DTYPE_FLOAT32, {3, 4, 5}},
      {"test_matmul_2d/test_data_set_0/output_0.pb", TCC_DTYPE_FLOAT32, {3, 3}},
      {"test_argmax_default_axis_example/test_data_set_0/output_0.pb",
       TCC_DTYPE_INT64, {1, 2}},
      {"test_and2d/test_data_set_0/input_0.pb", TCC_DTYPE_BOOL, {3, 4}},
      {"test_softmax_axis_0/test_data_set_0/input_0.pb", TCC_DTYPE_FLOAT32,
       {3, 4, 5}},
  };
  for (const auto &c : cases) {
    HostTensor t;
    std::string error;
    ASSERT_TRUE(readTensorFile(dir + c.file, t, error)) << error;
    EXPECT_EQ(t.dtype, c.dtype) << c.file;
    EXPECT_EQ(t.shape, c.shape) << c.file;
    uint64_t bytes;
    ASSERT_TRUE(tensorByteSize(t.dtype, t.shape, bytes));
    EXPECT_EQ(t.data.size(), bytes);
  }
}

HostTensor patternTensor(DType dtype, std::vector<int64_t> shape,
                         uint32_t seed) {
  HostTensor t;
  t.dtype = dtype;
  t.shape = std::move(shape);
  uint64_t bytes;
  EXPECT_TRUE(tensorByteSize(dtype, t.shape, bytes));
  t.data.resize(bytes);
  std::mt19937 rng(seed);
  for (uint8_t &b : t.data)
    b = static_cast<uint8_t>(dtype == TCC_DTYPE_BOOL ? rng() % 2 : rng());
  return t;
}

void expectSame(const HostTensor &a, const HostTensor &b) {
  EXPECT_EQ(a.dtype, b.dtype);
  EXPECT_EQ(a.shape, b.shape);
  EXPECT_TRUE(a.data == b.data);
}

TEST(TensorFileTest, RoundTripEveryDtypeInMemory) {
  const std::vector<std::vector<int64_t>> shapes = {
      {}, {1}, {7}, {2, 3}, {0, 5}, {2, 1, 3, 1, 2}, {1, 1, 1, 1, 1, 1, 1, 1, 3}};
  for (int d = TCC_DTYPE_FLOAT32; d <= TCC_DTYPE_UINT64; ++d) {
    for (const auto &shape : shapes) {
      const DType dtype = static_cast<DType>(d);
      SCOPED_TRACE(describeTensor(dtype, shape));
      HostTensor t = patternTensor(dtype, shape, d * 31 + shape.size());
      t.name = "tensor_" + std::to_string(d);
      std::vector<uint8_t> bytes;
      std::string error;
      HostTensor back;
      ASSERT_TRUE(encodeTensorPb(t, bytes, error)) << error;
      ASSERT_TRUE(parseTensorPb(bytes.data(), bytes.size(), "mem", back, error))
          << error;
      expectSame(t, back);
      EXPECT_EQ(back.name, t.name);

      if (dtype == TCC_DTYPE_BFLOAT16) {
        EXPECT_FALSE(encodeNpy(t, bytes, error));
        EXPECT_NE(error.find("bfloat16 has no NumPy dtype"), std::string::npos);
        continue;
      }
      ASSERT_TRUE(encodeNpy(t, bytes, error)) << error;
      EXPECT_EQ((bytes.size() - t.data.size()) % 64, 0u) << "NumPy alignment";
      ASSERT_TRUE(parseNpy(bytes.data(), bytes.size(), "mem", back, error))
          << error;
      expectSame(t, back);
      EXPECT_EQ(back.name, "");
    }
  }
}

TEST(TensorFileTest, RoundTripThroughFiles) {
  const std::string dir = ::testing::TempDir();
  for (const char *ext : {".pb", ".npy", ".PB"}) {
    HostTensor t = patternTensor(TCC_DTYPE_INT32, {3, 4}, 7);
    const std::string path = dir + "/roundtrip" + ext;
    std::string error;
    ASSERT_TRUE(writeTensorFile(path, t, error)) << error;
    HostTensor back;
    ASSERT_TRUE(readTensorFile(path, back, error)) << error;
    expectSame(t, back);
    std::filesystem::remove(path);
  }
}

TEST(TensorFileTest, FileLevelErrors) {
  const std::string dir = ::testing::TempDir();
  HostTensor t;
  std::string error;
  EXPECT_FALSE(readTensorFile(dir + "/does_not_exist.pb", t, error));
  expectOneLineError(error, dir + "/does_not_exist.pb");
  EXPECT_NE(error.find("no such file"), std::string::npos);

  const std::string subdir = dir + "/a_directory.npy";
  std::filesystem::create_directories(subdir);
  EXPECT_FALSE(readTensorFile(subdir, t, error));
  expectOneLineError(error, subdir);
  EXPECT_NE(error.find("not a regular file"), std::string::npos);

  EXPECT_FALSE(readTensorFile(kFiles + "/manifest.tsv", t, error));
  EXPECT_NE(error.find("unknown tensor file extension"), std::string::npos);

  const std::string empty = dir + "/empty.pb";
  std::ofstream(empty).close();
  EXPECT_FALSE(readTensorFile(empty, t, error));
  expectOneLineError(error, empty);
  EXPECT_NE(error.find("no data_type"), std::string::npos);

  HostTensor good = patternTensor(TCC_DTYPE_FLOAT32, {2}, 1);
  EXPECT_FALSE(writeTensorFile(dir + "/no/such/dir/x.pb", good, error));
  expectOneLineError(error, dir + "/no/such/dir/x.pb");
  EXPECT_FALSE(writeTensorFile(dir + "/x.txt", good, error));
  EXPECT_NE(error.find("unknown tensor file extension"), std::string::npos);

  HostTensor inconsistent = good;
  inconsistent.data.pop_back();
  EXPECT_FALSE(writeTensorPb(dir + "/bad.pb", inconsistent, error));
  expectOneLineError(error, dir + "/bad.pb");
  EXPECT_NE(error.find("needs 8 bytes of data, has 7"), std::string::npos);
  EXPECT_FALSE(writeTensorNpy(dir + "/bad.npy", inconsistent, error));
  inconsistent = good;
  inconsistent.shape = {-2};
  EXPECT_FALSE(writeTensorNpy(dir + "/bad.npy", inconsistent, error));
  EXPECT_NE(error.find("invalid tensor"), std::string::npos);
  HostTensor bf16 = patternTensor(TCC_DTYPE_BFLOAT16, {2}, 1);
  EXPECT_FALSE(writeTensorNpy(dir + "/bf16.npy", bf16, error));
  expectOneLineError(error, dir + "/bf16.npy");
}

// --- malformed input never crashes ------------------------------------------

void fuzzFile(const std::string &name) {
  const std::string path = kFiles + "/files/" + name;
  const std::vector<uint8_t> bytes = fileBytes(path);
  ASSERT_FALSE(bytes.empty()) << path;
  const bool npy = name.substr(name.size() - 4) == ".npy";
  auto parse = [&](const std::vector<uint8_t> &b, HostTensor &t,
                   std::string &error) {
    return npy ? parseNpy(b.data(), b.size(), name, t, error)
               : parseTensorPb(b.data(), b.size(), name, t, error);
  };
  HostTensor original, t;
  std::string error;
  ASSERT_TRUE(parse(bytes, original, error)) << error;
  // A truncation loses data: an error. The one exception is a protobuf
  // cut exactly between fields after the data (say, before the trailing
  // name), which is a shorter valid message holding the same tensor.
  for (size_t n = 0; n < bytes.size(); ++n) {
    std::vector<uint8_t> cut(bytes.begin(), bytes.begin() + n);
    if (parse(cut, t, error)) {
      EXPECT_FALSE(npy) << name << " cut at " << n;
      EXPECT_EQ(t.dtype, original.dtype);
      EXPECT_EQ(t.shape, original.shape);
      EXPECT_TRUE(t.data == original.data) << name << " cut at " << n;
    } else {
      expectOneLineError(error, name);
    }
  }
  // Flips either fail cleanly or give a self-consistent tensor.
  for (size_t at = 0; at < bytes.size(); ++at)
    for (uint8_t mask : {0x01, 0x04, 0x40, 0x80, 0xff}) {
      std::vector<uint8_t> flipped = bytes;
      flipped[at] ^= mask;
      if (parse(flipped, t, error)) {
        uint64_t size;
        ASSERT_TRUE(tensorByteSize(t.dtype, t.shape, size));
        ASSERT_EQ(size, t.data.size());
      } else {
        expectOneLineError(error, name);
      }
    }
}

TEST(TensorFileTest, TruncatedAndCorruptedFiles) {
  for (const char *name :
       {"float32.npy", "bool.npy", "int64_v2.npy", "float16_v3.npy",
        "float32_raw.pb", "int64_typed.pb", "int8_typed.pb", "float32_typed.pb",
        "float64_typed.pb", "uint64_typed.pb", "bool_typed.pb",
        "bfloat16_typed.pb"}) {
    SCOPED_TRACE(name);
    fuzzFile(name);
  }
}

// --- hand-made TensorProto messages -----------------------------------------

struct Proto {
  std::vector<uint8_t> bytes;
  Writer w{bytes};
  Proto &varint(uint32_t field, uint64_t v) {
    w.varintField(field, v);
    return *this;
  }
  Proto &fixed32(uint32_t field, uint32_t v) {
    w.tag(field, WireType::Fixed32);
    for (int i = 0; i < 4; ++i)
      bytes.push_back(static_cast<uint8_t>(v >> (8 * i)));
    return *this;
  }
  Proto &fixed64(uint32_t field, uint64_t v) {
    w.tag(field, WireType::Fixed64);
    for (int i = 0; i < 8; ++i)
      bytes.push_back(static_cast<uint8_t>(v >> (8 * i)));
    return *this;
  }
  Proto &bytesField(uint32_t field, const std::vector<uint8_t> &payload) {
    w.bytesField(field, payload.data(), payload.size());
    return *this;
  }
  Proto &packedVarints(uint32_t field, const std::vector<uint64_t> &values) {
    std::vector<uint8_t> payload;
    Writer p(payload);
    for (uint64_t v : values)
      p.varint(v);
    return bytesField(field, payload);
  }
  Proto &raw(const std::vector<uint8_t> &b) {
    bytes.insert(bytes.end(), b.begin(), b.end());
    return *this;
  }
};

bool parseProto(const Proto &p, HostTensor &t, std::string &error) {
  return parseTensorPb(p.bytes.data(), p.bytes.size(), "t.pb", t, error);
}

std::string protoError(const Proto &p) {
  HostTensor t;
  std::string error;
  EXPECT_FALSE(parseProto(p, t, error));
  expectOneLineError(error, "t.pb");
  return error;
}

uint32_t floatBits(float f) {
  uint32_t u;
  std::memcpy(&u, &f, 4);
  return u;
}

TEST(TensorProtoTest, AcceptedEncodings) {
  HostTensor t;
  std::string error;
  // Unpacked float_data (wire type 5), data_type after the data, packed
  // dims, unknown fields and doc_string skipped.
  Proto p;
  p.fixed32(4, floatBits(1.5f))
      .fixed32(4, floatBits(-2.0f))
      .packedVarints(1, {2, 1})
      .bytesField(12, {'d', 'o', 'c'})
      .fixed64(99, 0x1234)
      .varint(2, 1)
      .bytesField(8, {'x'});
  ASSERT_TRUE(parseProto(p, t, error)) << error;
  EXPECT_EQ(t.name, "x");
  EXPECT_EQ(t.dtype, TCC_DTYPE_FLOAT32);
  EXPECT_EQ(t.shape, (std::vector<int64_t>{2, 1}));
  float values[2];
  std::memcpy(values, t.data.data(), 8);
  EXPECT_EQ(values[0], 1.5f);
  EXPECT_EQ(values[1], -2.0f);

  // Unpacked int64_data and int32_data with negative (sign-extended) values,
  // mixed with a packed run.
  Proto q;
  q.varint(1, 3).varint(2, 6 /*INT32*/);
  q.varint(5, static_cast<uint64_t>(int64_t(-5)));
  q.packedVarints(5, {7, static_cast<uint64_t>(int64_t(INT32_MIN))});
  ASSERT_TRUE(parseProto(q, t, error)) << error;
  int32_t ints[3];
  std::memcpy(ints, t.data.data(), 12);
  EXPECT_EQ(ints[0], -5);
  EXPECT_EQ(ints[1], 7);
  EXPECT_EQ(ints[2], INT32_MIN);

  // double_data unpacked; uint64_data for UINT32.
  Proto r;
  r.varint(2, 11).fixed64(10, 0x3ff0000000000000ull); // 1.0
  ASSERT_TRUE(parseProto(r, t, error)) << error;
  EXPECT_TRUE(t.shape.empty());
  double d;
  std::memcpy(&d, t.data.data(), 8);
  EXPECT_EQ(d, 1.0);
  Proto u;
  u.varint(1, 2).varint(2, 12).packedVarints(11, {0xffffffffu, 0});
  ASSERT_TRUE(parseProto(u, t, error)) << error;
  EXPECT_EQ(t.dtype, TCC_DTYPE_UINT32);
  EXPECT_EQ(t.data, (std::vector<uint8_t>{0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0}));

  // An empty tensor needs no data field.
  Proto e;
  e.varint(1, 0).varint(1, 4).varint(2, 1);
  ASSERT_TRUE(parseProto(e, t, error)) << error;
  EXPECT_EQ(t.shape, (std::vector<int64_t>{0, 4}));
  EXPECT_TRUE(t.data.empty());
}

TEST(TensorProtoTest, RejectedMessages) {
  auto has = [](const std::string &error, const char *what) {
    EXPECT_NE(error.find(what), std::string::npos) << error;
  };
  has(protoError(Proto().varint(1, 2)), "no data_type");
  has(protoError(Proto().varint(2, 0)), "unsupported data type UNDEFINED (0)");
  has(protoError(Proto().varint(2, 17)), "unsupported data type data_type 17");
  has(protoError(Proto().varint(2, UINT64_MAX)), "unsupported data type");
  has(protoError(Proto().varint(1, static_cast<uint64_t>(int64_t(-3))).varint(2, 1)),
      "dimension 0 is negative (-3)");
  has(protoError(Proto()
                     .varint(1, uint64_t(1) << 40)
                     .varint(1, uint64_t(1) << 40)
                     .varint(2, 1)),
      "tensor size overflows");
  has(protoError(Proto().varint(1, 3).varint(2, 1)),
      "float_data holds 0 elements, float32[3] needs 3");
  has(protoError(Proto().varint(1, 2).varint(2, 1).fixed32(4, 0)),
      "float_data holds 1 elements");
  has(protoError(Proto().varint(1, 1).varint(2, 1).bytesField(9, {0, 0, 0})),
      "raw_data holds 3 bytes, float32[1] needs 4");
  has(protoError(Proto()
                     .varint(1, 1)
                     .varint(2, 1)
                     .bytesField(9, {0, 0, 0, 0})
                     .fixed32(4, 0)),
      "both raw_data and float_data are set");
  has(protoError(Proto().varint(1, 1).varint(2, 6).fixed32(4, 0)),
      "float_data given for a INT32 (6) tensor");
  has(protoError(Proto().varint(1, 1).varint(2, 3).varint(5, 128)),
      "int32_data element 0 (128) is out of range for INT8 (3)");
  has(protoError(Proto().varint(1, 1).varint(2, 9).varint(5, 2)),
      "out of range for BOOL");
  has(protoError(Proto().varint(1, 1).varint(2, 9).bytesField(9, {7})),
      "raw_data byte 0 is not a boolean (7)");
  has(protoError(Proto().varint(1, 1).varint(2, 6).varint(5, uint64_t(1) << 31)),
      "out of range for INT32");
  has(protoError(Proto().varint(1, 1).varint(2, 12).varint(11, uint64_t(1) << 32)),
      "out of range for UINT32");
  has(protoError(Proto().varint(2, 1).varint(14, 1)), "data_location=EXTERNAL");
  has(protoError(Proto().varint(2, 1).varint(14, 5)), "invalid data_location 5");
  has(protoError(Proto().varint(2, 1).bytesField(3, {8, 0})),
      "segmented TensorProto");
  has(protoError(Proto().varint(2, 1).bytesField(4, {0, 0, 0})),
      "not a multiple of the element size");
  has(protoError(Proto().varint(2, 1).fixed64(4, 0)), "wire type 1");
  has(protoError(Proto().varint(2, 1).fixed32(1, 0)), "field 1 at byte 2");
  has(protoError(Proto().bytesField(2, {1})), "field 2 at byte 0");
  has(protoError(Proto().varint(2, 1).raw({0x7b})), "unsupported group field");
  has(protoError(Proto().varint(2, 1).raw({0x08, 0x80})),
      "malformed protobuf: truncated varint at byte 3");
  has(protoError(Proto().varint(2, 1).raw({0x4a, 0x05, 0x00})),
      "length-delimited field runs past the end");
  has(protoError(Proto().raw({0x0f})), "invalid wire type");
  has(protoError(Proto().raw({0x07})), "invalid field number");
  // A packed varint run whose last element is cut short.
  has(protoError(Proto().varint(1, 1).varint(2, 7).bytesField(7, {0x01, 0x81})),
      "malformed int64_data: truncated varint");
}

// --- hand-made .npy files -----------------------------------------------------

std::vector<uint8_t> npy(const std::string &header, size_t dataBytes,
                         int major = 1, int minor = 0) {
  std::vector<uint8_t> b = {0x93, 'N', 'U', 'M', 'P', 'Y',
                            static_cast<uint8_t>(major),
                            static_cast<uint8_t>(minor)};
  const size_t n = header.size();
  b.push_back(static_cast<uint8_t>(n));
  b.push_back(static_cast<uint8_t>(n >> 8));
  if (major != 1) {
    b.push_back(static_cast<uint8_t>(n >> 16));
    b.push_back(static_cast<uint8_t>(n >> 24));
  }
  b.insert(b.end(), header.begin(), header.end());
  b.resize(b.size() + dataBytes, 1);
  return b;
}

TEST(NpyTest, AcceptedHeaders) {
  HostTensor t;
  std::string error;
  for (const std::string &header : std::vector<std::string>{
           "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }",
        "{\"shape\":(2,3),\"fortran_order\":False,\"descr\":\"<f4\"}  \n",
        "{'descr':'<f4','fortran_order':False,'shape':(2L, 3L)}\n",
        std::string("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3)}") +
            std::string(3, '\0')}) {
    const auto b = npy(header, 24);
    ASSERT_TRUE(parseNpy(b.data(), b.size(), "a.npy", t, error))
        << header << ": " << error;
    EXPECT_EQ(t.dtype, TCC_DTYPE_FLOAT32);
    EXPECT_EQ(t.shape, (std::vector<int64_t>{2, 3}));
  }
  // One-byte types take any byte order mark.
  const auto b = npy("{'descr': '<u1', 'fortran_order': False, 'shape': (3,)}", 3);
  ASSERT_TRUE(parseNpy(b.data(), b.size(), "a.npy", t, error)) << error;
  EXPECT_EQ(t.dtype, TCC_DTYPE_UINT8);
  const auto s = npy("{'descr': '<i8', 'fortran_order': False, 'shape': ()}", 8);
  ASSERT_TRUE(parseNpy(s.data(), s.size(), "a.npy", t, error)) << error;
  EXPECT_TRUE(t.shape.empty());
}

TEST(NpyTest, RejectedFiles) {
  auto error = [](const std::vector<uint8_t> &b) {
    HostTensor t;
    std::string e;
    EXPECT_FALSE(parseNpy(b.data(), b.size(), "a.npy", t, e));
    expectOneLineError(e, "a.npy");
    return e;
  };
  auto has = [](const std::string &e, const char *what) {
    EXPECT_NE(e.find(what), std::string::npos) << e;
  };
  const std::string ok = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,)}";
  has(error(npy(ok, 8, 4)), "unsupported .npy version 4.0");
  has(error(npy(ok, 8, 1, 1)), "unsupported .npy version 1.1");
  has(error(npy(ok, 8, 0)), "unsupported .npy version 0.0");
  auto badMagic = npy(ok, 8);
  badMagic[1] = 'n';
  has(error(badMagic), "bad magic");
  has(error(npy(ok, 7)), "truncated data: float32[2] needs 8 bytes, file has 7");
  has(error(npy(ok, 9)), "trailing bytes");
  auto longHeader = npy(ok, 0);
  longHeader[8] = 0xff; // declared header length past the end
  has(error(longHeader), "truncated header");
  has(error({0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, 1}), "truncated header length");
  has(error(npy("{'descr': '<f4', 'fortran_order': True, 'shape': (2,)}", 8)),
      "fortran_order=True");
  has(error(npy("{'descr': '>i8', 'fortran_order': False, 'shape': (2,)}", 16)),
      "big-endian dtype '>i8'");
  has(error(npy("{'descr': '|f4', 'fortran_order': False, 'shape': (2,)}", 8)),
      "unsupported dtype '|f4'");
  has(error(npy("{'descr': '<U3', 'fortran_order': False, 'shape': (2,)}", 24)),
      "unsupported dtype '<U3'");
  has(error(npy("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,)}", 8)),
      "structured dtypes");
  has(error(npy("{'descr': '<f4', 'shape': (2,)}", 8)), "header lacks one of");
  has(error(npy("{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (2,)}", 8)),
      "'descr' is malformed");
  has(error(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'x': 1}", 8)),
      "unexpected header key 'x'");
  has(error(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2)}", 8)),
      "'shape' is not a tuple");
  has(error(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (-2,)}", 8)),
      "'shape' is not a tuple");
  has(error(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,)}", 8)),
      "'shape' is not a tuple");
  has(error(npy("{'descr': '<f4', 'fortran_order': False, 'shape': "
                "(9223372036854775807, 9223372036854775807)}", 8)),
      "tensor size overflows");
  has(error(npy("{'descr': '<f4', 'fortran_order': 0, 'shape': (2,)}", 8)),
      "'fortran_order' is malformed");
  has(error(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2,)} x", 8)),
      "unexpected text after the header dict");
  has(error(npy("['descr']", 8)), "header is not a dict");
  has(error(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2,)", 8)),
      "header dict is malformed");
  auto notBool = npy("{'descr': '|b1', 'fortran_order': False, 'shape': (2,)}", 2);
  notBool.back() = 2;
  has(error(notBool), "element 1 is not a boolean (2)");
}

} // namespace
