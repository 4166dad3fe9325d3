//===- ProtoWire.h - Minimal protobuf wire format ---------------*- C++ -*-===//
//
// Just enough of the protobuf encoding to read and write ONNX TensorProto
// files without linking protobuf into the runtime's host tools: tags,
// varints, fixed32/fixed64 and length-delimited fields. Groups (wire types
// 3/4, deprecated, never used by ONNX) are rejected.
//
// The reader is strictly bounds-checked: every read states how many bytes
// it needs and fails, with the offset in the message, when they are not
// there. It never allocates.
//
//===----------------------------------------------------------------------===//
#ifndef TCC_RUNTIME_TOOLS_PROTOWIRE_H
#define TCC_RUNTIME_TOOLS_PROTOWIRE_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace tcc::host::proto {

enum class WireType : uint8_t {
  Varint = 0,
  Fixed64 = 1,
  LengthDelimited = 2,
  StartGroup = 3,
  EndGroup = 4,
  Fixed32 = 5,
};

class Reader {
public:
  Reader(const uint8_t *data, size_t size) : data(data), size(size) {}

  bool atEnd() const { return pos == size; }
  size_t offset() const { return pos; }
  /// What the last failed read found wrong (with its offset).
  const std::string &error() const { return message; }

  /// A field key: field number in [1, 2^29) and a known wire type.
  bool readTag(uint32_t &field, WireType &type);
  /// A base-128 varint of at most 10 bytes that fits in 64 bits.
  bool readVarint(uint64_t &value);
  bool readFixed32(uint32_t &value);
  bool readFixed64(uint64_t &value);
  /// A length-delimited payload; `bytes` points into the input.
  bool readLengthDelimited(const uint8_t *&bytes, size_t &length);
  /// Skips one value of `type` (after its tag was read).
  bool skip(WireType type);

private:
  bool fail(const char *what, size_t at);

  const uint8_t *data;
  size_t size;
  size_t pos = 0;
  std::string message;
};

/// Appends protobuf encodings to a byte vector.
class Writer {
public:
  explicit Writer(std::vector<uint8_t> &out) : out(out) {}

  void varint(uint64_t value);
  void tag(uint32_t field, WireType type);
  void varintField(uint32_t field, uint64_t value);
  void bytesField(uint32_t field, const void *bytes, size_t length);

private:
  std::vector<uint8_t> &out;
};

} // namespace tcc::host::proto

#endif // TCC_RUNTIME_TOOLS_PROTOWIRE_H
