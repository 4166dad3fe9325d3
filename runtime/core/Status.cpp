//===- Status.cpp - Names of statuses and element types -------------------===//
//
// Switches rather than tables indexed by the value: the argument comes from
// the caller or the bundle and may be any integer.
//
//===----------------------------------------------------------------------===//

#include "BundleReader.h"

size_t tcc::runtime::elementSize(unsigned dtype) {
  switch (dtype) {
  case TCC_DTYPE_INT8:
  case TCC_DTYPE_UINT8:
  case TCC_DTYPE_BOOL:
    return 1;
  case TCC_DTYPE_FLOAT16:
  case TCC_DTYPE_BFLOAT16:
  case TCC_DTYPE_INT16:
  case TCC_DTYPE_UINT16:
    return 2;
  case TCC_DTYPE_FLOAT32:
  case TCC_DTYPE_INT32:
  case TCC_DTYPE_UINT32:
    return 4;
  case TCC_DTYPE_FLOAT64:
  case TCC_DTYPE_INT64:
  case TCC_DTYPE_UINT64:
    return 8;
  }
  return 0;
}

extern "C" {

const char *tcc_status_string(tcc_status status) {
  switch (status) {
  case TCC_OK:
    return "ok";
  case TCC_ERR_INVALID_ARGUMENT:
    return "invalid argument";
  case TCC_ERR_BAD_BUNDLE:
    return "bundle is corrupt or invalid";
  case TCC_ERR_VERSION:
    return "bundle schema version not supported by this runtime";
  case TCC_ERR_BUNDLE_MISALIGNED:
    return "bundle is not 8-byte aligned";
  case TCC_ERR_ARENA_TOO_SMALL:
    return "arena too small";
  case TCC_ERR_ARENA_MISALIGNED:
    return "arena misaligned";
  case TCC_ERR_NOT_FOUND:
    return "no input or output of that name";
  case TCC_ERR_SIZE_MISMATCH:
    return "buffer size does not match the tensor";
  case TCC_ERR_SHAPE_MISMATCH:
    return "shape does not match the tensor";
  case TCC_ERR_DTYPE_MISMATCH:
    return "element type does not match the tensor";
  case TCC_ERR_DATA_MISALIGNED:
    return "buffer not aligned to its element size";
  case TCC_ERR_UNBOUND_IO:
    return "an input or output is not bound";
  case TCC_ERR_TOO_MANY_IO:
    return "model has more inputs or outputs than TCC_MAX_IO";
  }
  return "unknown status";
}

const char *tcc_dtype_name(tcc_dtype dtype) {
  switch (dtype) {
  case TCC_DTYPE_FLOAT32:
    return "float32";
  case TCC_DTYPE_FLOAT16:
    return "float16";
  case TCC_DTYPE_BFLOAT16:
    return "bfloat16";
  case TCC_DTYPE_FLOAT64:
    return "float64";
  case TCC_DTYPE_INT8:
    return "int8";
  case TCC_DTYPE_UINT8:
    return "uint8";
  case TCC_DTYPE_INT16:
    return "int16";
  case TCC_DTYPE_INT32:
    return "int32";
  case TCC_DTYPE_INT64:
    return "int64";
  case TCC_DTYPE_BOOL:
    return "bool";
  case TCC_DTYPE_UINT16:
    return "uint16";
  case TCC_DTYPE_UINT32:
    return "uint32";
  case TCC_DTYPE_UINT64:
    return "uint64";
  }
  return "invalid";
}

size_t tcc_dtype_size(tcc_dtype dtype) {
  return tcc::runtime::elementSize(static_cast<unsigned>(dtype));
}

} // extern "C"
