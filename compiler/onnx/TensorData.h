//===- TensorData.h - ONNX element types and tensor contents ----*- C++ -*-===//
//
// Decodes TensorProto contents (raw_data, the typed repeated fields, or an
// external file beside the model) into little-endian bytes in the layout
// MLIR's dense attributes and resource blobs use: one element after the
// other, booleans one byte each.
//
//===----------------------------------------------------------------------===//
#ifndef TCC_COMPILER_ONNX_TENSORDATA_H
#define TCC_COMPILER_ONNX_TENSORDATA_H

#include "compiler/onnx/ShapeFolding.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/FunctionExtras.h"
#include "llvm/ADT/StringRef.h"

#include "onnx/onnx_pb.h"

#include <cstddef>
#include <memory>
#include <string>

namespace tcc::importer {

/// The MLIR element type of an ONNX TensorProto::DataType, or null when
/// tcc has no representation for it (strings, complex, float8).
mlir::Type elementTypeFor(mlir::MLIRContext &context, int32_t onnxType);
/// The ONNX data type's name for messages ("FLOAT", "INT64", ...).
std::string dataTypeName(int32_t onnxType);
/// Bytes per element in the decoded layout.
size_t byteWidth(mlir::Type elementType);

/// Owned tensor bytes: either an aligned allocation or a string taken from
/// a TensorProto (so that a weight's bytes are never copied). Resource
/// blobs adopt either without copying.
class Buffer {
public:
  static constexpr size_t kAlignment = 64;
  using Deleter = llvm::unique_function<void(void *data, size_t size,
                                             size_t alignment)>;
  Buffer() = default;
  /// A new uninitialised allocation of `size` bytes.
  explicit Buffer(size_t size);
  /// Takes the bytes of `string`.
  explicit Buffer(std::unique_ptr<std::string> string);
  Buffer(Buffer &&other) noexcept;
  Buffer &operator=(Buffer &&other) noexcept;
  Buffer(const Buffer &) = delete;
  Buffer &operator=(const Buffer &) = delete;
  ~Buffer();

  char *data() { return bytes; }
  const char *data() const { return bytes; }
  size_t size() const { return length; }
  size_t alignment() const { return align; }
  llvm::ArrayRef<char> ref() const { return {bytes, length}; }
  /// Gives up ownership: the caller calls the deleter with data(), size()
  /// and alignment() when done.
  Deleter release();

private:
  void reset();

  char *bytes = nullptr;
  size_t length = 0;
  size_t align = kAlignment;
  std::unique_ptr<std::string> string;
};

/// The static type of a TensorProto (dims checked: non-negative, at most
/// 2^31 elements), or an ImportError naming `what`.
mlir::RankedTensorType tensorTypeOf(mlir::MLIRContext &context,
                                    const onnx::TensorProto &tensor,
                                    llvm::StringRef what);

/// The tensor's elements, taking raw_data's string from the proto when it
/// already holds them in the decoded layout (no copy) and reading them
/// otherwise. The proto no longer holds the elements afterwards.
Buffer takeTensorData(onnx::TensorProto &tensor, mlir::RankedTensorType type,
                      llvm::StringRef modelDir);

/// Reads the tensor's elements into a new buffer. External data is read
/// from `modelDir`; locations that leave that directory are rejected.
Buffer readTensorData(const onnx::TensorProto &tensor,
                      mlir::RankedTensorType type, llvm::StringRef modelDir);

/// The bytes of `tensor` without copying when its raw_data already holds
/// them in the decoded layout; empty optional otherwise.
std::optional<llvm::ArrayRef<char>>
viewTensorData(const onnx::TensorProto &tensor, mlir::RankedTensorType type);

/// Frees the memory the proto holds for the tensor's elements.
void releaseTensorData(onnx::TensorProto &tensor);

/// The elements of `bytes` (decoded layout of `type`) as a ConstTensor.
ConstTensor toConstTensor(llvm::ArrayRef<char> bytes,
                          mlir::RankedTensorType type);
/// The decoded-layout bytes of a ConstTensor.
Buffer toBytes(const ConstTensor &tensor);

} // namespace tcc::importer

#endif // TCC_COMPILER_ONNX_TENSORDATA_H
