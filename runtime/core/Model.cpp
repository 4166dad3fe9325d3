//===- Model.cpp - The C API over a verified bundle -----------------------===//
//
// Every entry point checks its arguments and the model's initialization
// before touching anything, and reads the bundle only through the root
// openBundle accepted at init (the bundle must not change afterwards: it is
// normally const data or flash).
//
//===----------------------------------------------------------------------===//

#include "BundleReader.h"

using tcc::bundle::Bundle;
using tcc::bundle::TensorInfo;
using namespace tcc::runtime;

namespace {

// Marks a tcc_model that init accepted. Init clears it first, so a model
// whose init failed (or that was never initialized but zeroed) is rejected.
constexpr uint32_t kMagic = 0x31434354u; // "TCC1" in little-endian bytes

bool initialized(const tcc_model *m) {
  return m != nullptr && m->private_magic == kMagic;
}

const Bundle *rootOf(const tcc_model *m) {
  return tcc::bundle::GetBundle(m->private_bundle);
}

const char *orEmpty(const flatbuffers::String *s) { return s ? s->c_str() : ""; }

uint64_t allBound(int count) {
  return count >= 64 ? ~uint64_t(0) : (uint64_t(1) << count) - 1;
}

tcc_status indexOf(const tcc_model *m, bool output, const char *name,
                   int *index) {
  if (!initialized(m) || !name || !index)
    return TCC_ERR_INVALID_ARGUMENT;
  const Bundle *root = rootOf(m);
  const int count = tensorCount(root, output);
  for (int i = 0; i < count; ++i)
    if (stringsEqual(tensorAt(root, output, i)->name()->c_str(), name)) {
      *index = i;
      return TCC_OK;
    }
  return TCC_ERR_NOT_FOUND;
}

tcc_status infoOf(const tcc_model *m, bool output, int index,
                  tcc_tensor_info *info) {
  if (!initialized(m) || !info)
    return TCC_ERR_INVALID_ARGUMENT;
  const TensorInfo *t = tensorAt(rootOf(m), output, index);
  if (!t)
    return TCC_ERR_INVALID_ARGUMENT;
  // Cannot fail: openBundle ran the same check on every tensor.
  return describeTensor(t, info) ? TCC_OK : TCC_ERR_BAD_BUNDLE;
}

tcc_status check(const tcc_model *m, bool output, int index, tcc_dtype dtype,
                 int rank, const int64_t *dims) {
  tcc_tensor_info info;
  tcc_status s = infoOf(m, output, index, &info);
  if (s != TCC_OK)
    return s;
  if (rank < 0 || (rank > 0 && !dims))
    return TCC_ERR_INVALID_ARGUMENT;
  if (dtype != info.dtype)
    return TCC_ERR_DTYPE_MISMATCH;
  if (rank != info.rank)
    return TCC_ERR_SHAPE_MISMATCH;
  for (int i = 0; i < rank; ++i)
    if (dims[i] != info.dims[i])
      return TCC_ERR_SHAPE_MISMATCH;
  return TCC_OK;
}

tcc_status bind(tcc_model *m, bool output, int index, const void *data,
                size_t bytes) {
  tcc_tensor_info info;
  tcc_status s = infoOf(m, output, index, &info);
  if (s != TCC_OK)
    return s;
  if (!data && info.byte_size != 0)
    return TCC_ERR_INVALID_ARGUMENT;
  if (bytes != info.byte_size)
    return TCC_ERR_SIZE_MISMATCH;
  if (reinterpret_cast<uintptr_t>(data) % tcc_dtype_size(info.dtype) != 0)
    return TCC_ERR_DATA_MISALIGNED;
  const uint64_t bit = uint64_t(1) << index;
  if (output) {
    // The entry function writes outputs; the API takes them non-const.
    m->private_outputs[index] = const_cast<void *>(data);
    m->private_outputs_bound |= bit;
  } else {
    m->private_inputs[index] = data;
    m->private_inputs_bound |= bit;
  }
  return TCC_OK;
}

} // namespace

extern "C" {

tcc_status tcc_bundle_inspect(const void *bundle, size_t bundle_size,
                              tcc_bundle_info *info) {
  if (!info)
    return TCC_ERR_INVALID_ARGUMENT;
  const Bundle *root = nullptr;
  tcc_status s = openBundle(bundle, bundle_size, &root);
  if (s != TCC_OK)
    return s;
  info->schema_version = root->schema_version();
  info->model_name = orEmpty(root->model_name());
  info->target = orEmpty(root->target());
  info->cpu = orEmpty(root->cpu());
  info->report_json = orEmpty(root->report_json());
  info->num_inputs = tensorCount(root, false);
  info->num_outputs = tensorCount(root, true);
  info->arena_size = root->arena_size();
  info->arena_alignment = root->arena_alignment();
  info->weights_size = root->weights_size();
  return TCC_OK;
}

tcc_status tcc_model_init(tcc_model *m, const void *bundle, size_t bundle_size,
                          tcc_entry_fn entry, void *arena, size_t arena_size) {
  if (!m)
    return TCC_ERR_INVALID_ARGUMENT;
  // Cleared first so that every failure below leaves `m` uninitialized and
  // no pointer from an earlier init survives.
  __builtin_memset(m, 0, sizeof *m);
  if (!entry)
    return TCC_ERR_INVALID_ARGUMENT;
  const Bundle *root = nullptr;
  tcc_status s = openBundle(bundle, bundle_size, &root);
  if (s != TCC_OK)
    return s;

  // A model without scratch ignores the arena argument altogether.
  const uint64_t needed = root->arena_size();
  if (needed != 0) {
    if (!arena)
      return TCC_ERR_INVALID_ARGUMENT;
    if (needed > arena_size) // also covers needed > SIZE_MAX on 32-bit
      return TCC_ERR_ARENA_TOO_SMALL;
    if (reinterpret_cast<uintptr_t>(arena) % root->arena_alignment() != 0)
      return TCC_ERR_ARENA_MISALIGNED;
  }

  m->private_num_inputs = tensorCount(root, false);
  m->private_num_outputs = tensorCount(root, true);
  m->private_bundle = bundle;
  m->private_entry = entry;
  m->private_arena = arena;
  m->private_magic = kMagic;
  return TCC_OK;
}

int tcc_model_num_inputs(const tcc_model *m) {
  return initialized(m) ? m->private_num_inputs : 0;
}

int tcc_model_num_outputs(const tcc_model *m) {
  return initialized(m) ? m->private_num_outputs : 0;
}

tcc_status tcc_model_input_index(const tcc_model *m, const char *name,
                                 int *index) {
  return indexOf(m, false, name, index);
}

tcc_status tcc_model_output_index(const tcc_model *m, const char *name,
                                  int *index) {
  return indexOf(m, true, name, index);
}

tcc_status tcc_model_input_info(const tcc_model *m, int index,
                                tcc_tensor_info *info) {
  return infoOf(m, false, index, info);
}

tcc_status tcc_model_output_info(const tcc_model *m, int index,
                                 tcc_tensor_info *info) {
  return infoOf(m, true, index, info);
}

tcc_status tcc_model_check_input(const tcc_model *m, int index,
                                 tcc_dtype dtype, int rank,
                                 const int64_t *dims) {
  return check(m, false, index, dtype, rank, dims);
}

tcc_status tcc_model_check_output(const tcc_model *m, int index,
                                  tcc_dtype dtype, int rank,
                                  const int64_t *dims) {
  return check(m, true, index, dtype, rank, dims);
}

tcc_status tcc_model_bind_input(tcc_model *m, int index, const void *data,
                                size_t bytes) {
  return bind(m, false, index, data, bytes);
}

tcc_status tcc_model_bind_output(tcc_model *m, int index, void *data,
                                 size_t bytes) {
  return bind(m, true, index, data, bytes);
}

tcc_status tcc_model_run(tcc_model *m) {
  if (!initialized(m))
    return TCC_ERR_INVALID_ARGUMENT;
  if (m->private_inputs_bound != allBound(m->private_num_inputs) ||
      m->private_outputs_bound != allBound(m->private_num_outputs))
    return TCC_ERR_UNBOUND_IO;
  m->private_entry(m->private_inputs, m->private_outputs, m->private_arena);
  return TCC_OK;
}

} // extern "C"
