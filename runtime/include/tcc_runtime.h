/*===- tcc_runtime.h - The tcc runtime's C API -------------------*- C -*-===*
 *
 * Runs a model compiled by `tcc compile`. The compiler emits, per model,
 * object code that exports
 *
 *   void tcc_model_entry(const void *const *inputs, void *const *outputs,
 *                        void *arena);
 *   extern const unsigned char tcc_model_bundle[];   (8-byte aligned)
 *   extern const unsigned long tcc_model_bundle_size;
 *
 * and this runtime checks the bundle (the model's metadata, a FlatBuffer
 * of runtime/schema/bundle.fbs), the caller's buffers against it, and then
 * calls the entry function:
 *
 *   static unsigned char arena[MODEL_ARENA_SIZE] __attribute__((aligned(64)));
 *   tcc_model m;
 *   tcc_status s = tcc_model_init(&m, tcc_model_bundle, tcc_model_bundle_size,
 *                                 tcc_model_entry, arena, sizeof arena);
 *   int in;
 *   if (s == TCC_OK) s = tcc_model_input_index(&m, "pixel_values", &in);
 *   if (s == TCC_OK) s = tcc_model_bind_input(&m, in, pixels, sizeof pixels);
 *   if (s == TCC_OK) s = tcc_model_bind_output(&m, 0, logits, sizeof logits);
 *   if (s == TCC_OK) s = tcc_model_run(&m);
 *
 * Properties firmware relies on:
 *  - No heap, no threads, no file system, no exceptions: the caller owns
 *    every byte (the tcc_model struct, the arena, the I/O buffers, the
 *    bundle), and no function keeps a pointer it was not given.
 *  - The bundle is read in place (it may live in flash) and is run through
 *    the FlatBuffers verifier plus tcc's own checks (dtypes, ranks, sizes
 *    that must not overflow) before anything else reads it; a corrupt
 *    bundle gives TCC_ERR_BAD_BUNDLE, never a crash.
 *  - Strings returned by the API point into the bundle (or are static) and
 *    live as long as the bundle does.
 *  - Not thread-safe per tcc_model; distinct tcc_model objects (with
 *    distinct arenas) are independent.
 *
 *===----------------------------------------------------------------------===*/
#ifndef TCC_RUNTIME_H
#define TCC_RUNTIME_H

/* Freestanding headers only: the runtime builds for bare-metal targets. */
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The one bundle schema_version this runtime reads (see bundle.fbs for when
 * it changes). The compiler writes this value. */
#define TCC_BUNDLE_SCHEMA_VERSION 1u
/* The FlatBuffers file_identifier: bytes 4..7 of every bundle. */
#define TCC_BUNDLE_IDENTIFIER "TCCB"
/* The bundle's first byte must sit on this boundary: FlatBuffers reads its
 * 64-bit fields in place, which faults (or is undefined) when misaligned. */
#define TCC_BUNDLE_ALIGNMENT 8u
/* Bounds of the fixed-size storage in tcc_model / tcc_tensor_info. */
#define TCC_MAX_IO 64
#define TCC_MAX_RANK 8

typedef enum tcc_status {
  TCC_OK = 0,
  /* A null pointer where one is needed, an index out of range, or a
   * tcc_model that tcc_model_init did not accept. */
  TCC_ERR_INVALID_ARGUMENT = 1,
  /* Fails verification: truncated, corrupted, wrong file identifier, or
   * semantically invalid (unknown dtype, negative dim, rank > TCC_MAX_RANK,
   * byte size that overflows, duplicate I/O name, bad arena_alignment). */
  TCC_ERR_BAD_BUNDLE = 2,
  /* A well-formed bundle whose schema_version is not
   * TCC_BUNDLE_SCHEMA_VERSION. */
  TCC_ERR_VERSION = 3,
  /* The bundle pointer is not TCC_BUNDLE_ALIGNMENT-aligned. */
  TCC_ERR_BUNDLE_MISALIGNED = 4,
  TCC_ERR_ARENA_TOO_SMALL = 5,
  TCC_ERR_ARENA_MISALIGNED = 6,
  /* No input/output of that name. */
  TCC_ERR_NOT_FOUND = 7,
  /* A bound buffer's byte count differs from the tensor's. */
  TCC_ERR_SIZE_MISMATCH = 8,
  /* tcc_model_check_*: rank or a dimension differs. */
  TCC_ERR_SHAPE_MISMATCH = 9,
  /* tcc_model_check_*: element type differs. */
  TCC_ERR_DTYPE_MISMATCH = 10,
  /* A bound buffer is not aligned to its element size (the generated code
   * loads elements with typed, possibly vector, instructions). */
  TCC_ERR_DATA_MISALIGNED = 11,
  /* tcc_model_run with an input or output left unbound. */
  TCC_ERR_UNBOUND_IO = 12,
  /* The bundle has more than TCC_MAX_IO inputs or outputs. */
  TCC_ERR_TOO_MANY_IO = 13
} tcc_status;

/* Element types; the values equal tcc.bundle.DType in bundle.fbs. */
typedef enum tcc_dtype {
  TCC_DTYPE_FLOAT32 = 0,
  TCC_DTYPE_FLOAT16 = 1,
  TCC_DTYPE_BFLOAT16 = 2,
  TCC_DTYPE_FLOAT64 = 3,
  TCC_DTYPE_INT8 = 4,
  TCC_DTYPE_UINT8 = 5,
  TCC_DTYPE_INT16 = 6,
  TCC_DTYPE_INT32 = 7,
  TCC_DTYPE_INT64 = 8,
  TCC_DTYPE_BOOL = 9, /* one byte per element, 0 or 1 */
  TCC_DTYPE_UINT16 = 10,
  TCC_DTYPE_UINT32 = 11,
  TCC_DTYPE_UINT64 = 12
} tcc_dtype;

/* The compiled model's code: `inputs` and `outputs` hold one dense,
 * row-major buffer per tensor in bundle order; `arena` is the scratch
 * memory (arena_size bytes at arena_alignment). */
typedef void (*tcc_entry_fn)(const void *const *inputs, void *const *outputs,
                             void *arena);

/* One input or output, as the bundle declares it. */
typedef struct tcc_tensor_info {
  const char *name; /* points into the bundle */
  tcc_dtype dtype;
  int rank; /* 0 for a scalar */
  int64_t dims[TCC_MAX_RANK]; /* dims[rank..] are 0 */
  size_t num_elements;
  size_t byte_size; /* num_elements * tcc_dtype_size(dtype) */
} tcc_tensor_info;

/* Everything the bundle says about the model; strings point into the bundle
 * and are "" where the bundle leaves them out. */
typedef struct tcc_bundle_info {
  uint32_t schema_version;
  const char *model_name;
  const char *target; /* "x86-64", "aarch64", ... */
  const char *cpu;
  const char *report_json;
  int num_inputs;
  int num_outputs;
  uint64_t arena_size;      /* 64-bit: a 32-bit host may be unable to run it */
  uint32_t arena_alignment; /* a power of two */
  uint64_t weights_size;
} tcc_bundle_info;

/* A model bound to its bundle, entry function, arena and I/O buffers. The
 * caller provides the storage (stack, static, ...); the members are private
 * to the runtime and only visible so that sizeof(tcc_model) is known. */
typedef struct tcc_model {
  uint32_t private_magic;
  int private_num_inputs;
  int private_num_outputs;
  const void *private_bundle;
  tcc_entry_fn private_entry;
  void *private_arena;
  uint64_t private_inputs_bound;  /* bit i: input i is bound */
  uint64_t private_outputs_bound; /* bit i: output i is bound */
  const void *private_inputs[TCC_MAX_IO];
  void *private_outputs[TCC_MAX_IO];
} tcc_model;

/* Verifies `bundle` and describes it, without an entry function or arena
 * (for sizing the arena, or for `tcc inspect`). Returns what tcc_model_init
 * would return for the bundle itself: TCC_ERR_BAD_BUNDLE, TCC_ERR_VERSION,
 * TCC_ERR_BUNDLE_MISALIGNED, TCC_ERR_TOO_MANY_IO, or TCC_OK. */
tcc_status tcc_bundle_inspect(const void *bundle, size_t bundle_size,
                              tcc_bundle_info *info);

/* Verifies the bundle (as tcc_bundle_inspect), then checks that the arena
 * is large enough and aligned; on success `m` refers to bundle, entry and
 * arena (which must outlive it) and has no I/O bound. `arena` may be NULL
 * when the bundle's arena_size is 0. On failure `m` is left unusable: every
 * later call on it returns TCC_ERR_INVALID_ARGUMENT. */
tcc_status tcc_model_init(tcc_model *m, const void *bundle, size_t bundle_size,
                          tcc_entry_fn entry, void *arena, size_t arena_size);

/* 0 for a model that is not initialized. */
int tcc_model_num_inputs(const tcc_model *m);
int tcc_model_num_outputs(const tcc_model *m);

/* Index of the input/output called `name` (exact byte comparison). */
tcc_status tcc_model_input_index(const tcc_model *m, const char *name,
                                 int *index);
tcc_status tcc_model_output_index(const tcc_model *m, const char *name,
                                  int *index);

tcc_status tcc_model_input_info(const tcc_model *m, int index,
                                tcc_tensor_info *info);
tcc_status tcc_model_output_info(const tcc_model *m, int index,
                                 tcc_tensor_info *info);

/* Whether a tensor of `dtype` and shape dims[0..rank) matches the model's
 * input/output: TCC_ERR_DTYPE_MISMATCH, TCC_ERR_SHAPE_MISMATCH or TCC_OK.
 * For callers that know more than a byte count (a tensor file's dtype and
 * shape) and want the precise reason before binding. */
tcc_status tcc_model_check_input(const tcc_model *m, int index,
                                 tcc_dtype dtype, int rank,
                                 const int64_t *dims);
tcc_status tcc_model_check_output(const tcc_model *m, int index,
                                  tcc_dtype dtype, int rank,
                                  const int64_t *dims);

/* Binds a caller-owned buffer of exactly the tensor's byte size
 * (TCC_ERR_SIZE_MISMATCH otherwise), aligned to its element size
 * (TCC_ERR_DATA_MISALIGNED). `data` may be NULL only for a tensor of 0
 * bytes. Binding again replaces the buffer; bindings persist across runs. */
tcc_status tcc_model_bind_input(tcc_model *m, int index, const void *data,
                                size_t bytes);
tcc_status tcc_model_bind_output(tcc_model *m, int index, void *data,
                                 size_t bytes);

/* Calls the entry function once. TCC_ERR_UNBOUND_IO if any input or output
 * is not bound (the entry function is not called then). */
tcc_status tcc_model_run(tcc_model *m);

/* A static, human-readable description ("arena too small"). */
const char *tcc_status_string(tcc_status status);
/* "float32", "bool", ...; "invalid" for a value outside tcc_dtype. */
const char *tcc_dtype_name(tcc_dtype dtype);
/* Bytes per element; 0 for a value outside tcc_dtype. */
size_t tcc_dtype_size(tcc_dtype dtype);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* TCC_RUNTIME_H */
