//===- TensorProtoFile.cpp - ONNX TensorProto without protobuf ------------===//
//
// Reads the TensorProto fields that carry a dense tensor:
//   1 dims (int64, packed or not)      2 data_type      8 name
//   9 raw_data                         4 float_data (fixed32, packed or not)
//   5 int32_data (varint)              7 int64_data (varint)
//  10 double_data (fixed64)           11 uint64_data (varint)
// and rejects, by name, what would make the tensor something else:
// external data (13/14), segments (3), string data (6) for non-string
// types. Other fields (doc_string, unknown ones) are skipped.
//
// The message is scanned once to find the fields (they may come in any
// order, and data_type may follow the data), then the payload is decoded
// into a buffer of exactly the size the dims imply, after checking that the
// file holds that many elements.
//
//===----------------------------------------------------------------------===//

#include "runtime/tools/ProtoWire.h"
#include "runtime/tools/TensorFile.h"

#include <cstring>
#include <limits>
#include <new>

namespace tcc::host {
namespace {

using proto::Reader;
using proto::WireType;
using proto::Writer;

enum Field : uint32_t {
  kDims = 1,
  kDataType = 2,
  kSegment = 3,
  kFloatData = 4,
  kInt32Data = 5,
  kStringData = 6,
  kInt64Data = 7,
  kName = 8,
  kRawData = 9,
  kDoubleData = 10,
  kUint64Data = 11,
  kExternalData = 13,
  kDataLocation = 14,
};

const char *fieldName(uint32_t field) {
  switch (field) {
  case kFloatData:
    return "float_data";
  case kInt32Data:
    return "int32_data";
  case kStringData:
    return "string_data";
  case kInt64Data:
    return "int64_data";
  case kDoubleData:
    return "double_data";
  case kUint64Data:
    return "uint64_data";
  }
  return "?";
}

// How the elements of a repeated numeric field are encoded.
enum class Encoding { Varint, Fixed32, Fixed64 };

Encoding encodingOf(uint32_t field) {
  switch (field) {
  case kFloatData:
    return Encoding::Fixed32;
  case kDoubleData:
    return Encoding::Fixed64;
  default:
    return Encoding::Varint;
  }
}

// The typed field ONNX stores each data type in (TensorProto comments).
uint32_t storageField(DType dtype) {
  switch (dtype) {
  case TCC_DTYPE_FLOAT32:
    return kFloatData;
  case TCC_DTYPE_FLOAT64:
    return kDoubleData;
  case TCC_DTYPE_INT64:
    return kInt64Data;
  case TCC_DTYPE_UINT32:
  case TCC_DTYPE_UINT64:
    return kUint64Data;
  default: // int8/16/32, uint8/16, bool, float16/bfloat16 (as bits)
    return kInt32Data;
  }
}

// A run of encoded elements of one repeated field: a packed payload or a
// single unpacked element, pointing into the file.
struct Chunk {
  uint32_t field;
  const uint8_t *bytes;
  size_t length;
};

const char *onnxTypeName(int t) {
  static const char *const names[] = {
      "UNDEFINED", "FLOAT",  "UINT8",  "INT8",      "UINT16",     "INT16",
      "INT32",     "INT64",  "STRING", "BOOL",      "FLOAT16",    "DOUBLE",
      "UINT32",    "UINT64", "COMPLEX64", "COMPLEX128", "BFLOAT16"};
  if (t >= 0 && t < static_cast<int>(sizeof names / sizeof names[0]))
    return names[t];
  return nullptr;
}

std::string onnxTypeLabel(int t) {
  const char *n = onnxTypeName(t);
  return n ? std::string(n) + " (" + std::to_string(t) + ")"
           : "data_type " + std::to_string(t);
}

class Parser {
public:
  Parser(const uint8_t *bytes, size_t size, const std::string &what,
         std::string &error)
      : base(bytes), reader(bytes, size), what(what), error(error) {}

  bool parse(HostTensor &out);

private:
  bool fail(const std::string &message) {
    error = what + ": " + message;
    return false;
  }
  bool wireError() { return fail("malformed protobuf: " + reader.error()); }

  bool scan();
  bool addChunk(uint32_t field, WireType type);
  uint64_t countElements(uint32_t field) const;
  bool decodeTyped(DType dtype, uint8_t *out, uint64_t count);

  const uint8_t *base;
  Reader reader;
  const std::string &what;
  std::string &error;

  std::vector<int64_t> dims;
  bool hasDataType = false;
  int64_t dataType = 0;
  std::string name;
  bool hasRaw = false;
  const uint8_t *raw = nullptr;
  size_t rawLength = 0;
  bool hasSegment = false;
  int64_t dataLocation = 0;
  std::vector<Chunk> chunks;
};

bool Parser::addChunk(uint32_t field, WireType type) {
  const Encoding enc = encodingOf(field);
  const size_t start = reader.offset();
  if (type == WireType::LengthDelimited) {
    const uint8_t *p;
    size_t n;
    if (!reader.readLengthDelimited(p, n))
      return wireError();
    if ((enc == Encoding::Fixed32 && n % 4) ||
        (enc == Encoding::Fixed64 && n % 8))
      return fail(std::string("packed ") + fieldName(field) + " at byte " +
                  std::to_string(start) + " has a length of " +
                  std::to_string(n) + ", not a multiple of the element size");
    chunks.push_back({field, p, n});
    return true;
  }
  const WireType expected = enc == Encoding::Varint    ? WireType::Varint
                            : enc == Encoding::Fixed32 ? WireType::Fixed32
                                                       : WireType::Fixed64;
  if (type != expected)
    return fail(std::string(fieldName(field)) + " at byte " +
                std::to_string(start) + " has wire type " +
                std::to_string(static_cast<int>(type)));
  if (!reader.skip(type))
    return wireError();
  // An unpacked element is recorded as the bytes just skipped, so the
  // decoder reads it with the same code as a packed run.
  chunks.push_back({field, base + start, reader.offset() - start});
  return true;
}

bool Parser::scan() {
  while (!reader.atEnd()) {
    const size_t at = reader.offset();
    uint32_t field;
    WireType type;
    if (!reader.readTag(field, type))
      return wireError();
    auto wrongType = [&] {
      return fail("field " + std::to_string(field) + " at byte " +
                  std::to_string(at) + " has wire type " +
                  std::to_string(static_cast<int>(type)));
    };
    switch (field) {
    case kDims:
      if (type == WireType::Varint) {
        uint64_t v;
        if (!reader.readVarint(v))
          return wireError();
        dims.push_back(static_cast<int64_t>(v));
      } else if (type == WireType::LengthDelimited) {
        const uint8_t *p;
        size_t n;
        if (!reader.readLengthDelimited(p, n))
          return wireError();
        Reader packed(p, n);
        while (!packed.atEnd()) {
          uint64_t v;
          if (!packed.readVarint(v))
            return fail("malformed packed dims: " + packed.error());
          dims.push_back(static_cast<int64_t>(v));
        }
      } else {
        return wrongType();
      }
      break;
    case kDataType:
    case kDataLocation: {
      if (type != WireType::Varint)
        return wrongType();
      uint64_t v;
      if (!reader.readVarint(v))
        return wireError();
      // int32/enum fields: negative values arrive sign-extended to 64 bits.
      (field == kDataType ? dataType : dataLocation) = static_cast<int64_t>(v);
      hasDataType |= field == kDataType;
      break;
    }
    case kName:
    case kRawData: {
      if (type != WireType::LengthDelimited)
        return wrongType();
      const uint8_t *p;
      size_t n;
      if (!reader.readLengthDelimited(p, n))
        return wireError();
      if (field == kName) {
        name.assign(reinterpret_cast<const char *>(p), n);
      } else {
        // Protobuf semantics for a repeated optional field: the last wins.
        hasRaw = true;
        raw = p;
        rawLength = n;
      }
      break;
    }
    case kFloatData:
    case kInt32Data:
    case kInt64Data:
    case kDoubleData:
    case kUint64Data:
      if (!addChunk(field, type))
        return false;
      break;
    case kStringData:
      if (type != WireType::LengthDelimited)
        return wrongType();
      if (!reader.skip(type))
        return wireError();
      chunks.push_back({field, nullptr, 0});
      break;
    case kSegment:
      hasSegment = true;
      if (!reader.skip(type))
        return wireError();
      break;
    default: // doc_string, external_data (judged by data_location), unknown
      if (!reader.skip(type))
        return wireError();
      break;
    }
  }
  return true;
}

uint64_t Parser::countElements(uint32_t field) const {
  uint64_t count = 0;
  for (const Chunk &c : chunks) {
    if (c.field != field)
      continue;
    if (field == kStringData) {
      ++count;
      continue;
    }
    switch (encodingOf(field)) {
    case Encoding::Fixed32:
      count += c.length / 4;
      break;
    case Encoding::Fixed64:
      count += c.length / 8;
      break;
    case Encoding::Varint:
      // Each varint ends with the one byte whose high bit is clear; the
      // decoder validates them, here they are only counted.
      for (size_t i = 0; i < c.length; ++i)
        count += (c.bytes[i] & 0x80) == 0;
      break;
    }
  }
  return count;
}

template <typename T> void store(uint8_t *out, uint64_t index, T value) {
  std::memcpy(out + index * sizeof(T), &value, sizeof(T));
}

bool Parser::decodeTyped(DType dtype, uint8_t *out, uint64_t count) {
  const uint32_t field = storageField(dtype);
  uint64_t index = 0;
  for (const Chunk &c : chunks) {
    if (c.field != field)
      continue;
    Reader r(c.bytes, c.length);
    while (!r.atEnd()) {
      if (field == kFloatData) {
        uint32_t bits;
        if (!r.readFixed32(bits))
          return fail("malformed float_data: " + r.error());
        store(out, index++, bits);
        continue;
      }
      if (field == kDoubleData) {
        uint64_t bits;
        if (!r.readFixed64(bits))
          return fail("malformed double_data: " + r.error());
        store(out, index++, bits);
        continue;
      }
      uint64_t v;
      if (!r.readVarint(v))
        return fail(std::string("malformed ") + fieldName(field) + ": " +
                    r.error());
      // int32_data elements are int32 (sign-extended on the wire); each
      // type then narrows to its own range, which must hold the value.
      const int64_t s = static_cast<int64_t>(v);
      int64_t lo = 0, hi = 0;
      bool unsigned64 = false;
      switch (dtype) {
      case TCC_DTYPE_INT8:
        lo = -128, hi = 127;
        break;
      case TCC_DTYPE_UINT8:
        lo = 0, hi = 255;
        break;
      case TCC_DTYPE_INT16:
        lo = -32768, hi = 32767;
        break;
      case TCC_DTYPE_UINT16:
      case TCC_DTYPE_FLOAT16:
      case TCC_DTYPE_BFLOAT16:
        lo = 0, hi = 65535;
        break;
      case TCC_DTYPE_INT32:
        lo = std::numeric_limits<int32_t>::min();
        hi = std::numeric_limits<int32_t>::max();
        break;
      case TCC_DTYPE_BOOL:
        lo = 0, hi = 1;
        break;
      case TCC_DTYPE_UINT32:
        lo = 0, hi = 0xffffffffll;
        break;
      default: // int64 (any), uint64 (any)
        unsigned64 = true;
        break;
      }
      if (!unsigned64 && (s < lo || s > hi))
        return fail(std::string(fieldName(field)) + " element " +
                    std::to_string(index) + " (" + std::to_string(s) +
                    ") is out of range for " +
                    onnxTypeLabel(onnxDataType(dtype)));
      switch (tcc_dtype_size(dtype)) {
      case 1:
        store(out, index++, static_cast<uint8_t>(v));
        break;
      case 2:
        store(out, index++, static_cast<uint16_t>(v));
        break;
      case 4:
        store(out, index++, static_cast<uint32_t>(v));
        break;
      default:
        store(out, index++, v);
        break;
      }
    }
  }
  // countElements guaranteed this many; a mismatch would be a decoder bug.
  return index == count ? true : fail("internal element count mismatch");
}

bool Parser::parse(HostTensor &out) {
  if (!scan())
    return false;
  if (hasSegment)
    return fail("segmented TensorProto (field segment) is not supported");
  if (dataLocation == 1)
    return fail("tensor data is external (data_location=EXTERNAL); only "
                "self-contained TensorProto files are supported");
  if (dataLocation != 0)
    return fail("invalid data_location " + std::to_string(dataLocation));
  if (!hasDataType)
    return fail("TensorProto has no data_type");
  DType dtype;
  if (dataType < std::numeric_limits<int32_t>::min() ||
      dataType > std::numeric_limits<int32_t>::max() ||
      !dtypeFromOnnx(static_cast<int>(dataType), dtype))
    return fail("unsupported data type " + onnxTypeLabel(static_cast<int>(dataType)));
  for (size_t i = 0; i < dims.size(); ++i)
    if (dims[i] < 0)
      return fail("dimension " + std::to_string(i) + " is negative (" +
                  std::to_string(dims[i]) + ")");
  uint64_t bytes;
  if (!tensorByteSize(dtype, dims, bytes))
    return fail("tensor size overflows: " + describeTensor(dtype, dims));
  const uint64_t elements = bytes / tcc_dtype_size(dtype);

  // Exactly one source of data: raw_data or the type's own typed field.
  const uint32_t own = storageField(dtype);
  uint64_t typed = 0;
  for (uint32_t f : {kFloatData, kInt32Data, kStringData, kInt64Data,
                     kDoubleData, kUint64Data}) {
    const uint64_t n = countElements(f);
    if (n == 0)
      continue;
    if (f != own)
      return fail(std::string(fieldName(f)) + " given for a " +
                  onnxTypeLabel(static_cast<int>(dataType)) + " tensor");
    typed = n;
  }
  if (hasRaw && typed)
    return fail(std::string("both raw_data and ") + fieldName(own) +
                " are set");

  HostTensor t;
  t.name = std::move(name);
  t.dtype = dtype;
  t.shape = std::move(dims);
  if (hasRaw) {
    if (rawLength != bytes)
      return fail("raw_data holds " + std::to_string(rawLength) +
                  " bytes, " + describeTensor(dtype, t.shape) + " needs " +
                  std::to_string(bytes));
    t.data.assign(raw, raw + rawLength);
    if (dtype == TCC_DTYPE_BOOL)
      for (size_t i = 0; i < t.data.size(); ++i)
        if (t.data[i] > 1)
          return fail("raw_data byte " + std::to_string(i) +
                      " is not a boolean (" + std::to_string(t.data[i]) + ")");
  } else {
    if (typed != elements)
      return fail(std::string(fieldName(own)) + " holds " +
                  std::to_string(typed) + " elements, " +
                  describeTensor(dtype, t.shape) + " needs " +
                  std::to_string(elements));
    // Only now is the allocation known to be backed by the file's bytes.
    t.data.resize(static_cast<size_t>(bytes));
    if (!decodeTyped(dtype, t.data.data(), elements))
      return false;
  }
  out = std::move(t);
  return true;
}

} // namespace

bool parseTensorPb(const uint8_t *bytes, size_t size, const std::string &what,
                   HostTensor &out, std::string &error) {
  try {
    return Parser(bytes, size, what, error).parse(out);
  } catch (const std::bad_alloc &) {
    error = what + ": out of memory";
    return false;
  }
}

bool encodeTensorPb(const HostTensor &t, std::vector<uint8_t> &out,
                    std::string &error) {
  uint64_t bytes;
  if (!tensorByteSize(t.dtype, t.shape, bytes)) {
    error = "invalid tensor " + describeTensor(t.dtype, t.shape);
    return false;
  }
  if (bytes != t.data.size()) {
    error = "tensor " + describeTensor(t.dtype, t.shape) + " needs " +
            std::to_string(bytes) + " bytes of data, has " +
            std::to_string(t.data.size());
    return false;
  }
  // Field order and presence follow protobuf's serializer for what
  // onnx.numpy_helper.from_array sets, so the bytes match it exactly:
  // dims unpacked (proto2, not [packed]), name only when non-empty,
  // raw_data always (an empty tensor has an empty, present raw_data).
  out.clear();
  Writer w(out);
  for (int64_t d : t.shape)
    w.varintField(kDims, static_cast<uint64_t>(d));
  w.varintField(kDataType, static_cast<uint64_t>(onnxDataType(t.dtype)));
  if (!t.name.empty())
    w.bytesField(kName, t.name.data(), t.name.size());
  w.bytesField(kRawData, t.data.data(), t.data.size());
  return true;
}

} // namespace tcc::host
