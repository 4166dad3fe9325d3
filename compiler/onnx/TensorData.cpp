//===- TensorData.cpp - ONNX element types and tensor contents ------------===//
#include "compiler/onnx/TensorData.h"

#include "compiler/onnx/ImportError.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemAlloc.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SwapByteOrder.h"

#include <cstring>

using namespace mlir;
using namespace tcc::importer;

// The decoded layout is the host's; ONNX stores little-endian bytes, so a
// big-endian host would need a byte swap on every element read.
static_assert(llvm::sys::IsLittleEndianHost,
              "the ONNX importer assumes a little-endian host");

Type tcc::importer::elementTypeFor(MLIRContext &context, int32_t onnxType) {
  Builder b(&context);
  switch (onnxType) {
  case onnx::TensorProto::FLOAT: return b.getF32Type();
  case onnx::TensorProto::DOUBLE: return b.getF64Type();
  case onnx::TensorProto::FLOAT16: return b.getF16Type();
  case onnx::TensorProto::BFLOAT16: return b.getBF16Type();
  case onnx::TensorProto::BOOL: return b.getI1Type();
  case onnx::TensorProto::INT8: return b.getIntegerType(8);
  case onnx::TensorProto::INT16: return b.getIntegerType(16);
  case onnx::TensorProto::INT32: return b.getIntegerType(32);
  case onnx::TensorProto::INT64: return b.getIntegerType(64);
  case onnx::TensorProto::UINT8: return b.getIntegerType(8, /*isSigned=*/false);
  case onnx::TensorProto::UINT16: return b.getIntegerType(16, false);
  case onnx::TensorProto::UINT32: return b.getIntegerType(32, false);
  case onnx::TensorProto::UINT64: return b.getIntegerType(64, false);
  default: return nullptr;
  }
}

std::string tcc::importer::dataTypeName(int32_t onnxType) {
  if (onnx::TensorProto::DataType_IsValid(onnxType))
    return onnx::TensorProto::DataType_Name(
        static_cast<onnx::TensorProto::DataType>(onnxType));
  return "data type " + std::to_string(onnxType);
}

size_t tcc::importer::byteWidth(Type elementType) {
  if (elementType.isInteger(1))
    return 1;
  return (elementType.getIntOrFloatBitWidth() + 7) / 8;
}

//===----------------------------------------------------------------------===//
// Buffer
//===----------------------------------------------------------------------===//

Buffer::Buffer(size_t size)
    : bytes(static_cast<char *>(llvm::allocate_buffer(size, kAlignment))),
      length(size) {}

Buffer::Buffer(std::unique_ptr<std::string> adopted)
    : bytes(adopted->data()), length(adopted->size()),
      align(alignof(std::max_align_t)), string(std::move(adopted)) {}

Buffer::Buffer(Buffer &&other) noexcept { *this = std::move(other); }

Buffer &Buffer::operator=(Buffer &&other) noexcept {
  if (this != &other) {
    reset();
    bytes = other.bytes;
    length = other.length;
    align = other.align;
    string = std::move(other.string);
    other.bytes = nullptr;
    other.length = 0;
  }
  return *this;
}

Buffer::~Buffer() { reset(); }

void Buffer::reset() {
  if (bytes && !string)
    llvm::deallocate_buffer(bytes, length, kAlignment);
  string.reset();
  bytes = nullptr;
  length = 0;
}

Buffer::Deleter Buffer::release() {
  bytes = nullptr;
  length = 0;
  if (string)
    return [owned = std::move(string)](void *, size_t, size_t) mutable {
      owned.reset();
    };
  return [](void *data, size_t size, size_t alignment) {
    llvm::deallocate_buffer(data, size, alignment);
  };
}

//===----------------------------------------------------------------------===//
// Decoding
//===----------------------------------------------------------------------===//

RankedTensorType tcc::importer::tensorTypeOf(MLIRContext &context,
                                             const onnx::TensorProto &tensor,
                                             StringRef what) {
  Type element = elementTypeFor(context, tensor.data_type());
  if (!element)
    fail(what + ": element type " + dataTypeName(tensor.data_type()) +
         " is not supported");
  SmallVector<int64_t> shape(tensor.dims().begin(), tensor.dims().end());
  if (checkedNumElements(shape) < 0)
    fail(what + ": dimensions must be non-negative with at most 2^31 "
                "elements in all");
  return RankedTensorType::get(shape, element);
}

namespace {

template <typename Field>
void requireCount(const Field &field, int64_t expected, StringRef what,
                  StringRef fieldName) {
  if (static_cast<int64_t>(field.size()) != expected)
    fail(what + ": " + fieldName + " holds " + Twine(field.size()) +
         " values for " + Twine(expected) + " elements");
}

/// Stores `value` as element i of a buffer of `type` elements.
void storeInt(char *dst, size_t i, uint64_t value, size_t width) {
  std::memcpy(dst + i * width, &value, width); // little-endian: low bytes first
}

/// The file an external-data location names, inside `modelDir`.
std::string resolveExternalPath(StringRef location, StringRef modelDir,
                                StringRef what) {
  if (location.empty())
    fail(what + ": external data has an empty location");
  if (llvm::sys::path::is_absolute(location))
    fail(what + ": external data location '" + location +
         "' must be relative to the model's directory");
  for (StringRef component : llvm::make_range(
           llvm::sys::path::begin(location), llvm::sys::path::end(location)))
    if (component == "..")
      fail(what + ": external data location '" + location +
           "' leaves the model's directory");
  SmallString<256> path(modelDir);
  llvm::sys::path::append(path, location);
  // Symbolic links may still point elsewhere: compare real paths.
  SmallString<256> realDir, realFile;
  if (llvm::sys::fs::real_path(modelDir, realDir) ||
      llvm::sys::fs::real_path(path, realFile))
    fail(what + ": cannot open external data file '" + location + "'");
  if (!StringRef(realFile).starts_with((realDir + "/").str()))
    fail(what + ": external data location '" + location +
         "' leaves the model's directory");
  return std::string(realFile);
}

void readExternal(const onnx::TensorProto &tensor, Buffer &buffer,
                  StringRef modelDir, StringRef what) {
  std::string location;
  uint64_t offset = 0;
  std::optional<uint64_t> length;
  for (const auto &entry : tensor.external_data()) {
    auto parseNumber = [&](StringRef text) {
      uint64_t value;
      if (text.getAsInteger(10, value))
        fail(what + ": external data " + entry.key() + " '" + text +
             "' is not a number");
      return value;
    };
    if (entry.key() == "location")
      location = entry.value();
    else if (entry.key() == "offset")
      offset = parseNumber(entry.value());
    else if (entry.key() == "length")
      length = parseNumber(entry.value());
  }
  if (length && *length != buffer.size())
    fail(what + ": external data length " + Twine(*length) + " does not match the " +
         Twine(buffer.size()) + " bytes of the tensor");
  std::string path = resolveExternalPath(location, modelDir, what);
  uint64_t fileSize = 0;
  if (llvm::sys::fs::file_size(path, fileSize))
    fail(what + ": cannot read external data file '" + location + "'");
  if (offset > fileSize || fileSize - offset < buffer.size())
    fail(what + ": external data file '" + location + "' holds " +
         Twine(fileSize) + " bytes, too few for " + Twine(buffer.size()) +
         " bytes at offset " + Twine(offset));
  auto file = llvm::sys::fs::openNativeFileForRead(path);
  if (!file) {
    llvm::consumeError(file.takeError());
    fail(what + ": cannot open external data file '" + location + "'");
  }
  size_t done = 0;
  while (done < buffer.size()) {
    auto got = llvm::sys::fs::readNativeFileSlice(
        *file, llvm::MutableArrayRef<char>(buffer.data() + done, buffer.size() - done),
        offset + done);
    if (!got || *got == 0) {
      if (!got)
        llvm::consumeError(got.takeError());
      llvm::sys::fs::closeFile(*file);
      fail(what + ": reading external data file '" + location + "' failed");
    }
    done += *got;
  }
  llvm::sys::fs::closeFile(*file);
}

} // namespace

std::optional<ArrayRef<char>>
tcc::importer::viewTensorData(const onnx::TensorProto &tensor,
                              RankedTensorType type) {
  if (tensor.data_location() == onnx::TensorProto::EXTERNAL ||
      !tensor.has_raw_data() || type.getElementType().isInteger(1))
    return std::nullopt;
  size_t bytes = static_cast<size_t>(type.getNumElements()) *
                 byteWidth(type.getElementType());
  if (tensor.raw_data().size() != bytes)
    return std::nullopt;
  return ArrayRef<char>(tensor.raw_data().data(), bytes);
}

Buffer tcc::importer::readTensorData(const onnx::TensorProto &tensor,
                                     RankedTensorType type,
                                     StringRef modelDir) {
  std::string what = "tensor " + quoted(tensor.name());
  Type element = type.getElementType();
  int64_t n = type.getNumElements();
  size_t width = byteWidth(element);
  Buffer buffer(static_cast<size_t>(n) * width);
  char *dst = buffer.data();

  if (tensor.data_location() == onnx::TensorProto::EXTERNAL) {
    readExternal(tensor, buffer, modelDir, what);
  } else if (tensor.has_raw_data()) {
    if (tensor.raw_data().size() != buffer.size())
      fail(what + ": raw_data holds " + Twine(tensor.raw_data().size()) +
           " bytes for " + Twine(n) + " elements of " + Twine(width) +
           " bytes");
    std::memcpy(dst, tensor.raw_data().data(), buffer.size());
  } else {
    switch (tensor.data_type()) {
    case onnx::TensorProto::FLOAT:
      requireCount(tensor.float_data(), n, what, "float_data");
      std::memcpy(dst, tensor.float_data().data(), buffer.size());
      break;
    case onnx::TensorProto::DOUBLE:
      requireCount(tensor.double_data(), n, what, "double_data");
      std::memcpy(dst, tensor.double_data().data(), buffer.size());
      break;
    case onnx::TensorProto::INT64:
      requireCount(tensor.int64_data(), n, what, "int64_data");
      std::memcpy(dst, tensor.int64_data().data(), buffer.size());
      break;
    case onnx::TensorProto::UINT32:
    case onnx::TensorProto::UINT64:
      requireCount(tensor.uint64_data(), n, what, "uint64_data");
      for (int64_t i = 0; i < n; ++i)
        storeInt(dst, i, tensor.uint64_data(i), width);
      break;
    default:
      // INT32, INT16, INT8, UINT16, UINT8, BOOL, FLOAT16 and BFLOAT16 are
      // all stored (as bit patterns for the 16-bit floats) in int32_data.
      requireCount(tensor.int32_data(), n, what, "int32_data");
      for (int64_t i = 0; i < n; ++i)
        storeInt(dst, i, static_cast<uint32_t>(tensor.int32_data(i)), width);
      break;
    }
  }
  if (element.isInteger(1))
    for (size_t i = 0; i < buffer.size(); ++i)
      dst[i] = dst[i] != 0;
  return buffer;
}

Buffer tcc::importer::takeTensorData(onnx::TensorProto &tensor,
                                     RankedTensorType type,
                                     StringRef modelDir) {
  if (viewTensorData(tensor, type)) {
    std::unique_ptr<std::string> raw(tensor.release_raw_data());
    // Heap strings are malloc-aligned; a short string may live inside the
    // string object itself, so check rather than assume.
    if (reinterpret_cast<uintptr_t>(raw->data()) % alignof(std::max_align_t) == 0)
      return Buffer(std::move(raw));
    Buffer copy(raw->size());
    std::memcpy(copy.data(), raw->data(), raw->size());
    return copy;
  }
  Buffer buffer = readTensorData(tensor, type, modelDir);
  releaseTensorData(tensor);
  return buffer;
}

void tcc::importer::releaseTensorData(onnx::TensorProto &tensor) {
  // Swapping with empty containers returns the memory; clear() keeps it.
  std::string().swap(*tensor.mutable_raw_data());
  tensor.clear_raw_data();
  google::protobuf::RepeatedField<float>().Swap(tensor.mutable_float_data());
  google::protobuf::RepeatedField<int32_t>().Swap(tensor.mutable_int32_data());
  google::protobuf::RepeatedField<int64_t>().Swap(tensor.mutable_int64_data());
  google::protobuf::RepeatedField<double>().Swap(tensor.mutable_double_data());
  google::protobuf::RepeatedField<uint64_t>().Swap(tensor.mutable_uint64_data());
}

ConstTensor tcc::importer::toConstTensor(ArrayRef<char> bytes,
                                         RankedTensorType type) {
  Type element = type.getElementType();
  size_t width = byteWidth(element);
  size_t n = static_cast<size_t>(type.getNumElements());
  ConstTensor out;
  out.elementType = element;
  out.shape.assign(type.getShape().begin(), type.getShape().end());
  const char *src = bytes.data();
  if (auto floatType = dyn_cast<FloatType>(element)) {
    out.floats.reserve(n);
    for (size_t i = 0; i < n; ++i) {
      if (element.isF32()) {
        float f;
        std::memcpy(&f, src + i * 4, 4);
        out.floats.push_back(f);
      } else if (element.isF64()) {
        double d;
        std::memcpy(&d, src + i * 8, 8);
        out.floats.push_back(d);
      } else {
        uint64_t bits = 0;
        std::memcpy(&bits, src + i * width, width);
        APFloat f(floatType.getFloatSemantics(),
                  APInt(floatType.getWidth(), bits));
        bool losesInfo = false;
        f.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven, &losesInfo);
        out.floats.push_back(f.convertToDouble());
      }
    }
    return out;
  }
  out.ints.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    uint64_t bits = 0;
    std::memcpy(&bits, src + i * width, width);
    out.ints.push_back(wrapToIntType(static_cast<int64_t>(bits), element));
  }
  return out;
}

Buffer tcc::importer::toBytes(const ConstTensor &tensor) {
  Type element = tensor.elementType;
  size_t width = byteWidth(element);
  size_t n = static_cast<size_t>(tensor.numElements());
  Buffer buffer(n * width);
  char *dst = buffer.data();
  if (auto floatType = dyn_cast<FloatType>(element)) {
    for (size_t i = 0; i < n; ++i) {
      if (element.isF32()) {
        float f = static_cast<float>(tensor.floats[i]);
        std::memcpy(dst + i * 4, &f, 4);
      } else if (element.isF64()) {
        std::memcpy(dst + i * 8, &tensor.floats[i], 8);
      } else {
        APFloat f(tensor.floats[i]);
        bool losesInfo = false;
        f.convert(floatType.getFloatSemantics(), APFloat::rmNearestTiesToEven,
                  &losesInfo);
        storeInt(dst, i, f.bitcastToAPInt().getZExtValue(), width);
      }
    }
    return buffer;
  }
  for (size_t i = 0; i < n; ++i)
    storeInt(dst, i, static_cast<uint64_t>(tensor.ints[i]), width);
  return buffer;
}
