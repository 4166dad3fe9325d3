//===- TensorFile.cpp - Tensor files: shared helpers and file I/O ---------===//

#include "runtime/tools/TensorFile.h"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <new>

// Tensor bytes are copied between files and memory as they are; both file
// formats are little-endian.
static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "tensor file I/O assumes a little-endian host");

namespace tcc::host {

bool tensorByteSize(DType dtype, const std::vector<int64_t> &shape,
                    uint64_t &bytes) {
  const size_t elementSize = tcc_dtype_size(dtype);
  if (elementSize == 0)
    return false;
  uint64_t n = 1;
  bool overflow = false, empty = false;
  for (int64_t d : shape) {
    if (d < 0)
      return false;
    if (d == 0)
      empty = true;
    else if (__builtin_mul_overflow(n, static_cast<uint64_t>(d), &n))
      overflow = true;
  }
  if (empty) {
    bytes = 0;
    return true;
  }
  return !overflow && !__builtin_mul_overflow(n, elementSize, &bytes);
}

std::string describeTensor(DType dtype, const std::vector<int64_t> &shape) {
  std::string s = tcc_dtype_name(dtype);
  s += '[';
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i)
      s += ',';
    s += std::to_string(shape[i]);
  }
  s += ']';
  return s;
}

int onnxDataType(DType dtype) {
  switch (dtype) {
  case TCC_DTYPE_FLOAT32:
    return 1;
  case TCC_DTYPE_UINT8:
    return 2;
  case TCC_DTYPE_INT8:
    return 3;
  case TCC_DTYPE_UINT16:
    return 4;
  case TCC_DTYPE_INT16:
    return 5;
  case TCC_DTYPE_INT32:
    return 6;
  case TCC_DTYPE_INT64:
    return 7;
  case TCC_DTYPE_BOOL:
    return 9;
  case TCC_DTYPE_FLOAT16:
    return 10;
  case TCC_DTYPE_FLOAT64:
    return 11;
  case TCC_DTYPE_UINT32:
    return 12;
  case TCC_DTYPE_UINT64:
    return 13;
  case TCC_DTYPE_BFLOAT16:
    return 16;
  }
  return 0;
}

bool dtypeFromOnnx(int onnxType, DType &dtype) {
  for (int d = TCC_DTYPE_FLOAT32; d <= TCC_DTYPE_UINT64; ++d)
    if (onnxDataType(static_cast<DType>(d)) == onnxType && onnxType != 0) {
      dtype = static_cast<DType>(d);
      return true;
    }
  return false;
}

namespace {

std::string lowercaseExtension(const std::string &path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char &c : ext)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

bool readWholeFile(const std::string &path, std::vector<uint8_t> &bytes,
                   std::string &error) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    error = path + ": cannot open: no such file";
    return false;
  }
  if (!std::filesystem::is_regular_file(status)) {
    error = path + ": cannot read: not a regular file";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot open: " + std::strerror(errno);
    return false;
  }
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size < 0) {
    error = path + ": cannot determine the file size";
    return false;
  }
  bytes.resize(static_cast<size_t>(size));
  if (size > 0 && !in.read(reinterpret_cast<char *>(bytes.data()), size)) {
    error = path + ": read error";
    return false;
  }
  return true;
}

bool writeWholeFile(const std::string &path, const std::vector<uint8_t> &bytes,
                    std::string &error) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    error = path + ": cannot create: " + std::strerror(errno);
    return false;
  }
  out.write(reinterpret_cast<const char *>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) {
    error = path + ": write error";
    return false;
  }
  return true;
}

// The host library is the only code that may see std::bad_alloc (a file
// claiming, and holding, gigabytes); it becomes an ordinary error.
template <typename F>
bool guarded(const std::string &what, std::string &error, F &&f) {
  try {
    return f();
  } catch (const std::bad_alloc &) {
    error = what + ": out of memory";
    return false;
  }
}

} // namespace

bool readTensorFile(const std::string &path, HostTensor &out,
                    std::string &error) {
  return guarded(path, error, [&] {
    const std::string ext = lowercaseExtension(path);
    if (ext != ".pb" && ext != ".npy") {
      error = path + ": unknown tensor file extension (expected .pb or .npy)";
      return false;
    }
    std::vector<uint8_t> bytes;
    if (!readWholeFile(path, bytes, error))
      return false;
    return ext == ".pb"
               ? parseTensorPb(bytes.data(), bytes.size(), path, out, error)
               : parseNpy(bytes.data(), bytes.size(), path, out, error);
  });
}

bool writeTensorFile(const std::string &path, const HostTensor &t,
                     std::string &error) {
  const std::string ext = lowercaseExtension(path);
  if (ext == ".pb")
    return writeTensorPb(path, t, error);
  if (ext == ".npy")
    return writeTensorNpy(path, t, error);
  error = path + ": unknown tensor file extension (expected .pb or .npy)";
  return false;
}

bool writeTensorPb(const std::string &path, const HostTensor &t,
                   std::string &error) {
  return guarded(path, error, [&] {
    std::vector<uint8_t> bytes;
    if (!encodeTensorPb(t, bytes, error)) {
      error = path + ": " + error;
      return false;
    }
    return writeWholeFile(path, bytes, error);
  });
}

bool writeTensorNpy(const std::string &path, const HostTensor &t,
                    std::string &error) {
  return guarded(path, error, [&] {
    std::vector<uint8_t> bytes;
    if (!encodeNpy(t, bytes, error)) {
      error = path + ": " + error;
      return false;
    }
    return writeWholeFile(path, bytes, error);
  });
}

} // namespace tcc::host
