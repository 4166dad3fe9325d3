//===- NpyFile.cpp - NumPy .npy files --------------------------------------===//
//
// Format (numpy/lib/format.py): "\x93NUMPY", major, minor (x.0), a header
// length (uint16 for 1.0, uint32 for 2.0/3.0), then a Python dict literal
//   {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }
// padded with spaces and a newline, then the raw elements.
//
// The header is parsed as the small subset of Python literal syntax NumPy
// writes (strings, True/False, tuples of non-negative ints), not evaluated.
//
//===----------------------------------------------------------------------===//

#include "runtime/tools/TensorFile.h"

#include <cstring>
#include <new>

namespace tcc::host {
namespace {

const char kMagic[] = "\x93NUMPY";
constexpr size_t kMagicLength = 6;
// NumPy aligns the data to this many bytes from the file start.
constexpr size_t kArrayAlign = 64;
// NumPy leaves room for the first dimension to grow in place by padding
// with 21 - len(repr(shape[0])) spaces (format.py, GROWTH_AXIS_MAX_DIGITS).
constexpr size_t kGrowthAxisMaxDigits = 21;

struct DescrEntry {
  const char *descr; // NumPy's dtype.str
  DType dtype;
};

const DescrEntry kDescrs[] = {
    {"<f4", TCC_DTYPE_FLOAT32}, {"<f2", TCC_DTYPE_FLOAT16},
    {"<f8", TCC_DTYPE_FLOAT64}, {"|i1", TCC_DTYPE_INT8},
    {"|u1", TCC_DTYPE_UINT8},   {"<i2", TCC_DTYPE_INT16},
    {"<i4", TCC_DTYPE_INT32},   {"<i8", TCC_DTYPE_INT64},
    {"|b1", TCC_DTYPE_BOOL},    {"<u2", TCC_DTYPE_UINT16},
    {"<u4", TCC_DTYPE_UINT32},  {"<u8", TCC_DTYPE_UINT64},
};

const char *descrOf(DType dtype) {
  for (const DescrEntry &e : kDescrs)
    if (e.dtype == dtype)
      return e.descr;
  return nullptr;
}

// Byte order does not apply to one-byte types, so any order mark is fine
// for them; multi-byte types must be little-endian ('<').
bool dtypeOfDescr(const std::string &descr, DType &dtype) {
  if (descr.size() != 3)
    return false;
  for (const DescrEntry &e : kDescrs) {
    if (descr.compare(1, 2, e.descr + 1) != 0)
      continue;
    const bool oneByte = e.descr[0] == '|';
    const char order = descr[0];
    if (oneByte ? (order == '|' || order == '<' || order == '>' || order == '=')
                : order == '<') {
      dtype = e.dtype;
      return true;
    }
  }
  return false;
}

/// Header text quoted in an error message: at most 40 characters, control
/// and non-ASCII bytes as '?', so a message stays one printable line.
std::string printable(const std::string &text) {
  std::string out;
  for (char c : text.substr(0, 40))
    out += (c >= 0x20 && c < 0x7f) ? c : '?';
  return text.size() > 40 ? out + "..." : out;
}

class HeaderParser {
public:
  HeaderParser(const std::string &text) : text(text) {}

  /// Parses the dict; on failure `problem` says what is wrong.
  bool parse(std::string &descr, bool &fortranOrder,
             std::vector<int64_t> &shape, std::string &problem);

private:
  void skipSpace() {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t' ||
                                 text[pos] == '\n' || text[pos] == '\r'))
      ++pos;
  }
  bool consume(char c) {
    skipSpace();
    if (pos < text.size() && text[pos] == c) {
      ++pos;
      return true;
    }
    return false;
  }
  bool peek(char c) {
    skipSpace();
    return pos < text.size() && text[pos] == c;
  }
  bool string(std::string &out);
  bool boolean(bool &out);
  bool tuple(std::vector<int64_t> &out);

  const std::string &text;
  size_t pos = 0;
};

bool HeaderParser::string(std::string &out) {
  skipSpace();
  if (pos >= text.size() || (text[pos] != '\'' && text[pos] != '"'))
    return false;
  const char quote = text[pos++];
  out.clear();
  while (pos < text.size() && text[pos] != quote) {
    if (text[pos] == '\\') // never in what NumPy writes
      return false;
    out += text[pos++];
  }
  if (pos >= text.size())
    return false;
  ++pos;
  return true;
}

bool HeaderParser::boolean(bool &out) {
  skipSpace();
  if (text.compare(pos, 4, "True") == 0) {
    out = true;
    pos += 4;
    return true;
  }
  if (text.compare(pos, 5, "False") == 0) {
    out = false;
    pos += 5;
    return true;
  }
  return false;
}

bool HeaderParser::tuple(std::vector<int64_t> &out) {
  out.clear();
  if (!consume('('))
    return false;
  bool trailingComma = false;
  while (!peek(')')) {
    if (pos >= text.size() || text[pos] < '0' || text[pos] > '9')
      return false;
    uint64_t v = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (__builtin_mul_overflow(v, 10, &v) ||
          __builtin_add_overflow(v, static_cast<uint64_t>(text[pos] - '0'), &v) ||
          v > static_cast<uint64_t>(INT64_MAX))
        return false;
      ++pos;
    }
    if (pos < text.size() && text[pos] == 'L') // Python 2 long literal
      ++pos;
    out.push_back(static_cast<int64_t>(v));
    trailingComma = consume(',');
    if (!trailingComma && !peek(')'))
      return false;
  }
  ++pos; // ')'
  // "(3)" is the int 3 in Python, not a tuple; NumPy rejects it too.
  return out.size() != 1 || trailingComma;
}

bool HeaderParser::parse(std::string &descr, bool &fortranOrder,
                         std::vector<int64_t> &shape, std::string &problem) {
  bool seenDescr = false, seenOrder = false, seenShape = false;
  if (!consume('{')) {
    problem = "header is not a dict";
    return false;
  }
  while (!consume('}')) {
    std::string key;
    if (!string(key) || !consume(':')) {
      problem = "header dict is malformed";
      return false;
    }
    if (key == "descr") {
      if (peek('[')) {
        problem = "structured dtypes are not supported";
        return false;
      }
      if (seenDescr || !string(descr)) {
        problem = "header 'descr' is malformed";
        return false;
      }
      seenDescr = true;
    } else if (key == "fortran_order") {
      if (seenOrder || !boolean(fortranOrder)) {
        problem = "header 'fortran_order' is malformed";
        return false;
      }
      seenOrder = true;
    } else if (key == "shape") {
      if (seenShape || !tuple(shape)) {
        problem = "header 'shape' is not a tuple of non-negative integers";
        return false;
      }
      seenShape = true;
    } else {
      problem = "unexpected header key '" + printable(key) + "'";
      return false;
    }
    if (!consume(',')) {
      if (!consume('}')) {
        problem = "header dict is malformed";
        return false;
      }
      break;
    }
  }
  skipSpace();
  // NumPy pads with spaces and a newline; NUL padding appears in files
  // written by some C writers.
  while (pos < text.size() && text[pos] == '\0')
    ++pos;
  if (pos != text.size()) {
    problem = "unexpected text after the header dict";
    return false;
  }
  if (!seenDescr || !seenOrder || !seenShape) {
    problem = "header lacks one of 'descr', 'fortran_order', 'shape'";
    return false;
  }
  return true;
}

uint32_t readLE(const uint8_t *p, size_t n) {
  uint32_t v = 0;
  for (size_t i = 0; i < n; ++i)
    v |= uint32_t(p[i]) << (8 * i);
  return v;
}

bool parseImpl(const uint8_t *bytes, size_t size, const std::string &what,
               HostTensor &out, std::string &error) {
  auto fail = [&](const std::string &message) {
    error = what + ": " + message;
    return false;
  };
  if (size < kMagicLength + 2 ||
      std::string(reinterpret_cast<const char *>(bytes), kMagicLength) !=
          std::string(kMagic, kMagicLength))
    return fail("not a .npy file (bad magic)");
  const unsigned major = bytes[6], minor = bytes[7];
  if (major < 1 || major > 3 || minor != 0)
    return fail("unsupported .npy version " + std::to_string(major) + "." +
                std::to_string(minor));
  const size_t lengthBytes = major == 1 ? 2 : 4;
  const size_t headerStart = kMagicLength + 2 + lengthBytes;
  if (size < headerStart)
    return fail("truncated header length");
  const uint64_t headerLength = readLE(bytes + kMagicLength + 2, lengthBytes);
  if (headerLength > size - headerStart)
    return fail("truncated header (" + std::to_string(headerLength) +
                " bytes declared, " + std::to_string(size - headerStart) +
                " present)");
  const std::string header(reinterpret_cast<const char *>(bytes) + headerStart,
                           static_cast<size_t>(headerLength));

  std::string descr, problem;
  bool fortranOrder = false;
  std::vector<int64_t> shape;
  if (!HeaderParser(header).parse(descr, fortranOrder, shape, problem))
    return fail(problem);
  DType dtype;
  if (!dtypeOfDescr(descr, dtype)) {
    if (descr.size() == 3 && descr[0] == '>')
      return fail("big-endian dtype '" + printable(descr) +
                  "' is not supported; save a little-endian array "
                  "(a.astype('<" + printable(descr.substr(1)) + "'))");
    return fail("unsupported dtype '" + printable(descr) + "'");
  }
  if (fortranOrder)
    return fail("fortran_order=True (column-major) arrays are not supported; "
                "save np.ascontiguousarray(a)");
  uint64_t dataBytes;
  if (!tensorByteSize(dtype, shape, dataBytes))
    return fail("tensor size overflows: " + describeTensor(dtype, shape));
  const size_t dataStart = headerStart + static_cast<size_t>(headerLength);
  const size_t present = size - dataStart;
  if (present != dataBytes)
    return fail(std::string(present < dataBytes ? "truncated data: " :
                                                  "trailing bytes: ") +
                describeTensor(dtype, shape) + " needs " +
                std::to_string(dataBytes) + " bytes, file has " +
                std::to_string(present));

  HostTensor t;
  t.dtype = dtype;
  t.shape = std::move(shape);
  t.data.assign(bytes + dataStart, bytes + size);
  if (dtype == TCC_DTYPE_BOOL)
    for (size_t i = 0; i < t.data.size(); ++i)
      if (t.data[i] > 1)
        return fail("element " + std::to_string(i) + " is not a boolean (" +
                    std::to_string(t.data[i]) + ")");
  out = std::move(t);
  return true;
}

} // namespace

bool parseNpy(const uint8_t *bytes, size_t size, const std::string &what,
              HostTensor &out, std::string &error) {
  try {
    return parseImpl(bytes, size, what, out, error);
  } catch (const std::bad_alloc &) {
    error = what + ": out of memory";
    return false;
  }
}

bool encodeNpy(const HostTensor &t, std::vector<uint8_t> &out,
               std::string &error) {
  const char *descr = descrOf(t.dtype);
  if (!descr) {
    error = std::string(tcc_dtype_name(t.dtype)) +
            " has no NumPy dtype; write a .pb file instead";
    return false;
  }
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

  // Exactly what numpy.save writes (format.py _write_array_header), so
  // files compare equal byte for byte: sorted keys, repr() of the tuple,
  // growth padding, then spaces up to the alignment and a newline.
  std::string header = std::string("{'descr': '") + descr +
                       "', 'fortran_order': False, 'shape': (";
  for (size_t i = 0; i < t.shape.size(); ++i) {
    if (i)
      header += ", ";
    header += std::to_string(t.shape[i]);
  }
  if (t.shape.size() == 1)
    header += ',';
  header += "), }";
  if (!t.shape.empty()) {
    const size_t digits = std::to_string(t.shape[0]).size();
    header.append(kGrowthAxisMaxDigits - digits, ' ');
  }
  // Version 1.0 holds headers up to 65535 bytes; larger ones (ranks in the
  // thousands) need 2.0's 32-bit length, as NumPy chooses too.
  const size_t withNewline = header.size() + 1;
  auto padFor = [&](size_t prefix) {
    return kArrayAlign - (prefix + withNewline) % kArrayAlign;
  };
  const bool v1 = withNewline + padFor(kMagicLength + 4) <= 0xffff;
  const size_t pad = padFor(kMagicLength + (v1 ? 4 : 6));
  header.append(pad, ' ');
  header += '\n';

  const size_t lengthBytes = v1 ? 2 : 4;
  out.assign(kMagicLength + 2 + lengthBytes + header.size() + t.data.size(), 0);
  uint8_t *p = out.data();
  std::memcpy(p, kMagic, kMagicLength);
  p[kMagicLength] = v1 ? 1 : 2; // minor version stays 0
  for (size_t i = 0; i < lengthBytes; ++i)
    p[kMagicLength + 2 + i] = static_cast<uint8_t>(header.size() >> (8 * i));
  p += kMagicLength + 2 + lengthBytes;
  std::memcpy(p, header.data(), header.size());
  if (!t.data.empty())
    std::memcpy(p + header.size(), t.data.data(), t.data.size());
  return true;
}

} // namespace tcc::host
