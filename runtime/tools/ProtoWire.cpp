//===- ProtoWire.cpp - Minimal protobuf wire format -----------------------===//

#include "runtime/tools/ProtoWire.h"

namespace tcc::host::proto {

bool Reader::fail(const char *what, size_t at) {
  message = std::string(what) + " at byte " + std::to_string(at);
  return false;
}

bool Reader::readVarint(uint64_t &value) {
  const size_t start = pos;
  uint64_t result = 0;
  for (unsigned i = 0; i < 10; ++i) {
    if (pos == size)
      return fail("truncated varint", start);
    const uint8_t byte = data[pos++];
    // The 10th byte holds bit 63 only; anything more does not fit 64 bits.
    if (i == 9 && byte > 1)
      return fail("varint longer than 64 bits", start);
    result |= static_cast<uint64_t>(byte & 0x7f) << (7 * i);
    if ((byte & 0x80) == 0) {
      value = result;
      return true;
    }
  }
  return fail("varint longer than 10 bytes", start);
}

bool Reader::readTag(uint32_t &field, WireType &type) {
  const size_t start = pos;
  uint64_t key = 0;
  if (!readVarint(key))
    return false;
  const uint64_t number = key >> 3;
  if (number == 0 || number >= (uint64_t(1) << 29))
    return fail("invalid field number", start);
  const unsigned wire = static_cast<unsigned>(key & 7);
  if (wire > 5)
    return fail("invalid wire type", start);
  field = static_cast<uint32_t>(number);
  type = static_cast<WireType>(wire);
  return true;
}

bool Reader::readFixed32(uint32_t &value) {
  if (size - pos < 4)
    return fail("truncated fixed32", pos);
  value = uint32_t(data[pos]) | uint32_t(data[pos + 1]) << 8 |
          uint32_t(data[pos + 2]) << 16 | uint32_t(data[pos + 3]) << 24;
  pos += 4;
  return true;
}

bool Reader::readFixed64(uint64_t &value) {
  if (size - pos < 8)
    return fail("truncated fixed64", pos);
  value = 0;
  for (unsigned i = 0; i < 8; ++i)
    value |= uint64_t(data[pos + i]) << (8 * i);
  pos += 8;
  return true;
}

bool Reader::readLengthDelimited(const uint8_t *&bytes, size_t &length) {
  const size_t start = pos;
  uint64_t n = 0;
  if (!readVarint(n))
    return false;
  // Compared as the remaining count, so a huge length cannot wrap pos.
  if (n > size - pos)
    return fail("length-delimited field runs past the end", start);
  bytes = data + pos;
  length = static_cast<size_t>(n);
  pos += length;
  return true;
}

bool Reader::skip(WireType type) {
  uint64_t v;
  uint32_t v32;
  const uint8_t *p;
  size_t n;
  switch (type) {
  case WireType::Varint:
    return readVarint(v);
  case WireType::Fixed64:
    return readFixed64(v);
  case WireType::LengthDelimited:
    return readLengthDelimited(p, n);
  case WireType::Fixed32:
    return readFixed32(v32);
  case WireType::StartGroup:
  case WireType::EndGroup:
    break;
  }
  return fail("unsupported group field", pos);
}

void Writer::varint(uint64_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<uint8_t>(value | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<uint8_t>(value));
}

void Writer::tag(uint32_t field, WireType type) {
  varint(uint64_t(field) << 3 | static_cast<uint64_t>(type));
}

void Writer::varintField(uint32_t field, uint64_t value) {
  tag(field, WireType::Varint);
  varint(value);
}

void Writer::bytesField(uint32_t field, const void *bytes, size_t length) {
  tag(field, WireType::LengthDelimited);
  varint(length);
  const auto *p = static_cast<const uint8_t *>(bytes);
  out.insert(out.end(), p, p + length);
}

} // namespace tcc::host::proto
