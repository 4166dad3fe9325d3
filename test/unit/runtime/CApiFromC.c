/*===- CApiFromC.c - The runtime API used from C ---------------------------===*
 *
 * Compiled as C (not C++) so that tcc_runtime.h is checked to be a C header,
 * and used the way firmware would: static storage, no heap. Returns 0 on
 * success, otherwise the number of the failed step.
 *
 *===----------------------------------------------------------------------===*/
#include "tcc_runtime.h"

#include <string.h>

static void add(const void *const *inputs, void *const *outputs, void *arena) {
  const float *a = (const float *)inputs[0];
  const float *b = (const float *)inputs[1];
  float *scratch = (float *)arena;
  int i;
  for (i = 0; i < 6; ++i)
    scratch[i] = a[i] + b[i];
  memcpy(outputs[0], scratch, 6 * sizeof(float));
}

int tccTestCApiFromC(const void *bundle, size_t size);

int tccTestCApiFromC(const void *bundle, size_t size) {
  static _Alignas(64) unsigned char arena[64];
  static tcc_model model;
  static const float a[6] = {1, 2, 3, 4, 5, 6};
  static const float b[6] = {0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f};
  static float out[6];
  tcc_bundle_info info;
  tcc_tensor_info tensor;
  int index, i;

  if (tcc_bundle_inspect(bundle, size, &info) != TCC_OK ||
      info.arena_size > sizeof arena)
    return 1;
  if (tcc_model_init(&model, bundle, size, add, arena, sizeof arena) != TCC_OK)
    return 2;
  if (tcc_model_input_index(&model, "b", &index) != TCC_OK || index != 1)
    return 3;
  if (tcc_model_input_info(&model, 0, &tensor) != TCC_OK ||
      tensor.byte_size != sizeof a || tensor.dtype != TCC_DTYPE_FLOAT32)
    return 4;
  if (tcc_model_bind_input(&model, 0, a, sizeof a) != TCC_OK ||
      tcc_model_bind_input(&model, 1, b, sizeof b) != TCC_OK)
    return 5;
  if (tcc_model_run(&model) != TCC_ERR_UNBOUND_IO)
    return 6;
  if (tcc_model_bind_output(&model, 0, out, sizeof out) != TCC_OK ||
      tcc_model_run(&model) != TCC_OK)
    return 7;
  for (i = 0; i < 6; ++i)
    if (out[i] != a[i] + 0.5f)
      return 8;
  if (strcmp(tcc_status_string(TCC_ERR_ARENA_TOO_SMALL), "arena too small") != 0)
    return 9;
  return 0;
}
