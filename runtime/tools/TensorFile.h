//===- TensorFile.h - ONNX TensorProto (.pb) and .npy tensor files -*- C++ -*-===//
//
// Host-side helpers for `tcc run` and the tests: read a tensor from an ONNX
// TensorProto file (the format of the ONNX backend test data) or a NumPy
// .npy file, and write one back. Not part of the firmware runtime: heap and
// std::string are fine here, protobuf is deliberately not (the TensorProto
// subset is decoded by ProtoWire).
//
// Every malformed input gives false and a one-line error that starts with
// the file name ("x.npy: fortran_order=True ..."); no input crashes, and no
// allocation is sized by an untrusted header before the file is known to
// hold that many bytes.
//
// Data is held as dense, row-major, little-endian bytes, exactly what the
// runtime binds (tcc_model_bind_input). Booleans are one byte, 0 or 1.
//
//===----------------------------------------------------------------------===//
#ifndef TCC_RUNTIME_TOOLS_TENSORFILE_H
#define TCC_RUNTIME_TOOLS_TENSORFILE_H

#include "tcc_runtime.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace tcc::host {

/// The runtime's element type enumeration, so a file's dtype compares
/// directly with tcc_tensor_info::dtype.
using DType = tcc_dtype;

struct HostTensor {
  std::string name; // TensorProto name; empty for .npy
  DType dtype = TCC_DTYPE_FLOAT32;
  std::vector<int64_t> shape; // empty: a scalar
  std::vector<uint8_t> data;  // row-major, little-endian
};

/// Bytes a dense tensor of `dtype` and `shape` occupies; false when a
/// dimension is negative, the dtype is unknown, or the size overflows.
bool tensorByteSize(DType dtype, const std::vector<int64_t> &shape,
                    uint64_t &bytes);
/// "float32[2,3]" (and "int64[]" for a scalar), for messages.
std::string describeTensor(DType dtype, const std::vector<int64_t> &shape);

/// ONNX TensorProto.DataType for `dtype`.
int onnxDataType(DType dtype);
/// The DType of an ONNX TensorProto.DataType; false for types tcc does not
/// support (STRING, COMPLEX64/128, FLOAT8*, UNDEFINED).
bool dtypeFromOnnx(int onnxType, DType &dtype);

/// Reads PATH by extension: ".pb" (TensorProto) or ".npy".
bool readTensorFile(const std::string &path, HostTensor &out,
                    std::string &error);
/// Writes by extension: ".pb" or ".npy".
bool writeTensorFile(const std::string &path, const HostTensor &t,
                     std::string &error);
/// Writes a TensorProto with dims, data_type, name (when non-empty) and
/// raw_data: byte-identical to onnx.numpy_helper.from_array(a, name)
/// .SerializeToString().
bool writeTensorPb(const std::string &path, const HostTensor &t,
                   std::string &error);
/// Writes a version 1.0 .npy file byte-identical to numpy.save. Fails for
/// bfloat16, which NumPy has no dtype for.
bool writeTensorNpy(const std::string &path, const HostTensor &t,
                    std::string &error);

/// The same decoders and encoders over memory; `what` names the source in
/// error messages (normally the path).
bool parseTensorPb(const uint8_t *bytes, size_t size, const std::string &what,
                   HostTensor &out, std::string &error);
bool parseNpy(const uint8_t *bytes, size_t size, const std::string &what,
              HostTensor &out, std::string &error);
/// Fails (with a message without a file name) when `t` is inconsistent:
/// negative dimension, or data size not matching dtype and shape.
bool encodeTensorPb(const HostTensor &t, std::vector<uint8_t> &out,
                    std::string &error);
bool encodeNpy(const HostTensor &t, std::vector<uint8_t> &out,
               std::string &error);

} // namespace tcc::host

#endif // TCC_RUNTIME_TOOLS_TENSORFILE_H
