/* A firmware-style program around a model compiled by tcc: no heap, no
 * threads, no file system. The model's code and weights come from
 * libmodel.a (with the kernels), the checks from the runtime core
 * (libtcc_runtime.a); every byte of working memory is a static array whose
 * size the compiler computed (TCC_MODEL_ARENA_SIZE in model.h).
 *
 * The input and the reference output are compiled in (input_data.h,
 * written by gen_data.py from the example model's .npy files), so the
 * program needs no I/O beyond printing: it prints the logits, the arg-max
 * and the largest difference from the reference. Printing goes through
 * platform_write() (platform_linux.c: stdout; platform_baremetal.c: a RAM
 * buffer a debugger reads). */
#include "model.h"
#include "input_data.h"

#include <stddef.h>
#include <stdint.h>

void platform_write(const char *text, size_t length);
void platform_exit(int code);

static unsigned char arena[TCC_MODEL_ARENA_SIZE + 1]
    __attribute__((aligned(TCC_MODEL_ARENA_ALIGNMENT)));
static float logits[EXAMPLE_OUTPUT_COUNT];
static tcc_model model;

static size_t length_of(const char *s) {
  size_t n = 0;
  while (s[n])
    ++n;
  return n;
}

static void print(const char *s) { platform_write(s, length_of(s)); }

/* printf is too large for a small MCU: fixed-point with 6 decimals. */
static void print_float(float v) {
  char buf[32];
  int i = 0;
  if (v < 0) {
    buf[i++] = '-';
    v = -v;
  }
  unsigned long whole = (unsigned long)v;
  unsigned long frac = (unsigned long)((v - (float)whole) * 1000000.0f + 0.5f);
  if (frac >= 1000000ul) {
    whole += 1;
    frac -= 1000000ul;
  }
  char digits[12];
  int n = 0;
  do {
    digits[n++] = (char)('0' + whole % 10);
    whole /= 10;
  } while (whole);
  while (n)
    buf[i++] = digits[--n];
  buf[i++] = '.';
  for (unsigned long d = 100000ul; d; d /= 10)
    buf[i++] = (char)('0' + (frac / d) % 10);
  buf[i] = 0;
  print(buf);
}

static void print_int(int v) {
  char buf[12];
  int n = 0;
  do {
    buf[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  char out[12];
  int i = 0;
  while (n)
    out[i++] = buf[--n];
  out[i] = 0;
  print(out);
}

static int check(tcc_status status, const char *what) {
  if (status == TCC_OK)
    return 1;
  print("error: ");
  print(what);
  print(": ");
  print(tcc_status_string(status));
  print("\n");
  return 0;
}

int example_main(void) {
  if (!check(tcc_model_init(&model, tcc_model_bundle, tcc_model_bundle_size,
                            tcc_model_entry, arena, TCC_MODEL_ARENA_SIZE),
             "init") ||
      !check(tcc_model_bind_input(&model, TCC_MODEL_INPUT_PIXELS, example_input,
                                  sizeof example_input),
             "bind input") ||
      !check(tcc_model_bind_output(&model, TCC_MODEL_OUTPUT_LOGITS, logits,
                                   sizeof logits),
             "bind output") ||
      !check(tcc_model_run(&model), "run"))
    return 1;
  int best = 0;
  float worst = 0.0f, scale = 0.0f;
  print("logits:");
  for (int i = 0; i < EXAMPLE_OUTPUT_COUNT; ++i) {
    print(" ");
    print_float(logits[i]);
    if (logits[i] > logits[best])
      best = i;
    float d = logits[i] - example_reference[i];
    d = d < 0 ? -d : d;
    worst = d > worst ? d : worst;
    float r = example_reference[i] < 0 ? -example_reference[i] : example_reference[i];
    scale = r > scale ? r : scale;
  }
  print("\nclass: ");
  print_int(best);
  print("\nmax |out - reference|: ");
  print_float(worst);
  /* The x86 tolerance of the e2e tests: 1e-4 * max|reference|. */
  int ok = worst <= 1e-4f * scale;
  print(ok ? "\nmatches the reference\n" : "\nDOES NOT match the reference\n");
  return ok ? 0 : 1;
}
