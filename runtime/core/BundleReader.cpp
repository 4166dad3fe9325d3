//===- BundleReader.cpp - Verified, zero-copy access to a bundle ----------===//

#include "BundleReader.h"

namespace tcc::runtime {

using tcc::bundle::Bundle;
using tcc::bundle::DType;
using tcc::bundle::TensorInfo;

// The C enum is the API; the schema enum is what the bytes hold. They must
// agree value for value, and neither may grow without the other.
static_assert(static_cast<int>(DType::float32) == TCC_DTYPE_FLOAT32, "");
static_assert(static_cast<int>(DType::float16) == TCC_DTYPE_FLOAT16, "");
static_assert(static_cast<int>(DType::bfloat16) == TCC_DTYPE_BFLOAT16, "");
static_assert(static_cast<int>(DType::float64) == TCC_DTYPE_FLOAT64, "");
static_assert(static_cast<int>(DType::int8) == TCC_DTYPE_INT8, "");
static_assert(static_cast<int>(DType::uint8) == TCC_DTYPE_UINT8, "");
static_assert(static_cast<int>(DType::int16) == TCC_DTYPE_INT16, "");
static_assert(static_cast<int>(DType::int32) == TCC_DTYPE_INT32, "");
static_assert(static_cast<int>(DType::int64) == TCC_DTYPE_INT64, "");
static_assert(static_cast<int>(DType::bool_) == TCC_DTYPE_BOOL, "");
static_assert(static_cast<int>(DType::uint16) == TCC_DTYPE_UINT16, "");
static_assert(static_cast<int>(DType::uint32) == TCC_DTYPE_UINT32, "");
static_assert(static_cast<int>(DType::uint64) == TCC_DTYPE_UINT64, "");
static_assert(static_cast<int>(DType::MAX) == TCC_DTYPE_UINT64, "");
// The bound-I/O bitmasks in tcc_model are 64 bits wide.
static_assert(TCC_MAX_IO <= 64, "");

namespace {

// Bundle -> TensorInfo is two table levels; a little slack costs nothing.
constexpr flatbuffers::uoffset_t kMaxDepth = 4;
// Enough tables for bundles far beyond TCC_MAX_IO, so that such a bundle is
// reported as TCC_ERR_TOO_MANY_IO rather than as corrupt; the limit only
// bounds the verifier's work on hostile input (a vector of offsets that all
// point at one table would otherwise be re-verified once per entry).
constexpr flatbuffers::uoffset_t kMaxTables = 1 + 2 * 1024;

bool isPowerOfTwo(uint32_t v) { return v != 0 && (v & (v - 1)) == 0; }

// Name uniqueness within one I/O list: lookups by name return the first
// match, so a duplicate would silently make the second one unreachable.
bool namesUnique(const flatbuffers::Vector<flatbuffers::Offset<TensorInfo>> *v) {
  if (!v)
    return true;
  for (flatbuffers::uoffset_t i = 0; i < v->size(); ++i)
    for (flatbuffers::uoffset_t j = i + 1; j < v->size(); ++j)
      if (stringsEqual(v->Get(i)->name()->c_str(), v->Get(j)->name()->c_str()))
        return false;
  return true;
}

bool tensorsValid(const flatbuffers::Vector<flatbuffers::Offset<TensorInfo>> *v) {
  if (!v)
    return true;
  tcc_tensor_info info;
  for (flatbuffers::uoffset_t i = 0; i < v->size(); ++i)
    if (!describeTensor(v->Get(i), &info))
      return false;
  return namesUnique(v);
}

} // namespace

bool stringsEqual(const char *a, const char *b) {
  while (*a != '\0' && *a == *b) {
    ++a;
    ++b;
  }
  return *a == *b;
}

bool describeTensor(const TensorInfo *tensor, tcc_tensor_info *info) {
  // `name` is `required` in the schema, so the verifier already rejected a
  // missing one; checked again because this function is the validity rule.
  if (!tensor || !tensor->name())
    return false;
  const unsigned rawDtype = static_cast<unsigned>(tensor->dtype());
  const size_t bytesPerElement = elementSize(rawDtype);
  if (bytesPerElement == 0)
    return false; // a DType value newer than this runtime
  const flatbuffers::Vector<int64_t> *shape = tensor->shape();
  const flatbuffers::uoffset_t rank = shape ? shape->size() : 0;
  if (rank > TCC_MAX_RANK)
    return false;
  // The verifier checks the alignment of a vector's 4-byte length but not
  // of its elements: a corrupted offset can leave the int64 dims on a 4 mod
  // 8 address, where loading them is undefined (and faults on some cores).
  // The builder always aligns them, so only a corrupt bundle fails here.
  if (rank > 0 &&
      reinterpret_cast<uintptr_t>(shape->data()) % sizeof(int64_t) != 0)
    return false;

  // The product must not wrap, in 64 bits and then in size_t (32-bit MCUs).
  // A zero dimension makes the tensor empty whatever the others are, so an
  // overflowing prefix only matters when no dimension is zero.
  uint64_t elements = 1;
  bool overflow = false, empty = false;
  for (flatbuffers::uoffset_t i = 0; i < rank; ++i) {
    const int64_t d = shape->Get(i);
    info->dims[i] = d;
    if (d < 0)
      return false; // AOT-compiled: every dimension is static
    if (d == 0)
      empty = true;
    else if (__builtin_mul_overflow(elements, static_cast<uint64_t>(d),
                                    &elements))
      overflow = true;
  }
  if (empty)
    elements = 0;
  else if (overflow)
    return false;
  // The builtin checks the conversion to size_t as well as the product.
  size_t bytes;
  if (__builtin_mul_overflow(elements, static_cast<uint64_t>(bytesPerElement),
                             &bytes))
    return false;

  for (flatbuffers::uoffset_t i = rank; i < TCC_MAX_RANK; ++i)
    info->dims[i] = 0;
  info->name = tensor->name()->c_str();
  info->dtype = static_cast<tcc_dtype>(rawDtype);
  info->rank = static_cast<int>(rank);
  // Fits: bytesPerElement >= 1, so elements <= bytes.
  info->num_elements = static_cast<size_t>(elements);
  info->byte_size = bytes;
  return true;
}

tcc_status openBundle(const void *bytes, size_t size, const Bundle **root) {
  if (!bytes || !root)
    return TCC_ERR_INVALID_ARGUMENT;
  if (reinterpret_cast<uintptr_t>(bytes) % TCC_BUNDLE_ALIGNMENT != 0)
    return TCC_ERR_BUNDLE_MISALIGNED;
  // The verifier asserts (rather than fails) on buffers of 2 GiB and more.
  if (size < 2 * sizeof(flatbuffers::uoffset_t) ||
      size >= FLATBUFFERS_MAX_BUFFER_SIZE)
    return TCC_ERR_BAD_BUNDLE;
  // The identifier is compared here, not by the verifier, because the
  // verifier uses strncmp and the core keeps its libc surface minimal.
  // (Size >= 8 makes the root offset and the identifier readable.)
  const auto *p = static_cast<const uint8_t *>(bytes);
  const char *id = TCC_BUNDLE_IDENTIFIER;
  for (size_t i = 0; i < 4; ++i)
    if (p[sizeof(flatbuffers::uoffset_t) + i] != static_cast<uint8_t>(id[i]))
      return TCC_ERR_BAD_BUNDLE;

  flatbuffers::Verifier::Options options;
  options.max_depth = kMaxDepth;
  options.max_tables = kMaxTables;
  options.check_alignment = true;
  options.check_nested_flatbuffers = false; // the schema has none
  flatbuffers::Verifier verifier(p, size, options);
  // VerifyBuffer<Bundle>(nullptr) spelled out: its identifier branch calls
  // strncmp, which unoptimized builds keep even for a null identifier.
  const flatbuffers::uoffset_t rootOffset = verifier.VerifyOffset(0);
  if (rootOffset == 0)
    return TCC_ERR_BAD_BUNDLE;
  const Bundle *b = reinterpret_cast<const Bundle *>(p + rootOffset);
  if (!b->Verify(verifier))
    return TCC_ERR_BAD_BUNDLE;

  if (b->schema_version() != TCC_BUNDLE_SCHEMA_VERSION)
    return TCC_ERR_VERSION;
  if ((b->inputs() && b->inputs()->size() > TCC_MAX_IO) ||
      (b->outputs() && b->outputs()->size() > TCC_MAX_IO))
    return TCC_ERR_TOO_MANY_IO;
  if (!tensorsValid(b->inputs()) || !tensorsValid(b->outputs()) ||
      !isPowerOfTwo(b->arena_alignment()))
    return TCC_ERR_BAD_BUNDLE;
  *root = b;
  return TCC_OK;
}

const TensorInfo *tensorAt(const Bundle *root, bool output, int index) {
  const auto *v = output ? root->outputs() : root->inputs();
  if (!v || index < 0 || static_cast<flatbuffers::uoffset_t>(index) >= v->size())
    return nullptr;
  return v->Get(static_cast<flatbuffers::uoffset_t>(index));
}

int tensorCount(const Bundle *root, bool output) {
  const auto *v = output ? root->outputs() : root->inputs();
  return v ? static_cast<int>(v->size()) : 0;
}

} // namespace tcc::runtime
