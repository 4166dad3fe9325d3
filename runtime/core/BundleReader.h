//===- BundleReader.h - Verified, zero-copy access to a bundle --*- C++ -*-===//
//
// The only code that turns untrusted bundle bytes into a Bundle pointer.
// Everything else in the core reads the bundle through a root that
// openBundle accepted, so it may rely on the invariants listed there.
//
// Core code: no exceptions, RTTI, heap, threads or libc headers of its own
// (the FlatBuffers headers pull in <cstring>/<string>; nothing here uses
// them beyond what the verifier instantiates).
//
//===----------------------------------------------------------------------===//
#ifndef TCC_RUNTIME_CORE_BUNDLEREADER_H
#define TCC_RUNTIME_CORE_BUNDLEREADER_H

#include "tcc_runtime.h"

#include "runtime/schema/bundle_generated.h"

namespace tcc::runtime {

/// Checks `bytes` and, on TCC_OK, sets *root. Order of checks (each failure
/// returns at once): null pointer (INVALID_ARGUMENT), alignment
/// (BUNDLE_MISALIGNED), size and file identifier, FlatBuffers verification
/// (BAD_BUNDLE), schema_version (VERSION), number of inputs/outputs
/// (TOO_MANY_IO), then every TensorInfo (known dtype, rank <= TCC_MAX_RANK,
/// non-negative dims, byte size representable in size_t), unique names
/// within inputs and within outputs, and arena_alignment a power of two
/// (BAD_BUNDLE).
///
/// After TCC_OK: every string and vector is in bounds, names are non-null,
/// the I/O vectors hold at most TCC_MAX_IO entries, and describeTensor
/// succeeds on each of them.
tcc_status openBundle(const void *bytes, size_t size,
                      const tcc::bundle::Bundle **root);

/// Fills *info from a TensorInfo; false when the tensor is invalid (the
/// check openBundle applies to every tensor).
bool describeTensor(const tcc::bundle::TensorInfo *tensor,
                    tcc_tensor_info *info);

/// The inputs (or outputs) vector entry `index`, or null when out of range.
/// Only for roots accepted by openBundle.
const tcc::bundle::TensorInfo *tensorAt(const tcc::bundle::Bundle *root,
                                        bool output, int index);

/// Number of inputs (or outputs) of an accepted root.
int tensorCount(const tcc::bundle::Bundle *root, bool output);

/// Bytes per element of a tcc_dtype value, 0 for any other integer. Takes
/// the raw integer because a bundle may hold values that are not (yet)
/// enumerators, and converting those to tcc_dtype is undefined in C++.
size_t elementSize(unsigned dtype);

/// strcmp(a, b) == 0 without libc: the core links against nothing but
/// memcpy/memset.
bool stringsEqual(const char *a, const char *b);

} // namespace tcc::runtime

#endif // TCC_RUNTIME_CORE_BUNDLEREADER_H
