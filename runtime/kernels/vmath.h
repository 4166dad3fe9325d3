//===- vmath.h - Branch-free exp, erf, tanh for vectorized loops ----------===//
//
// Scalar-looking functions that compilers vectorize: no branches, no libm
// calls, bit casts through __builtin_memcpy. Each ISA's source file includes
// this header and loops over arrays with it, so one definition becomes
// 16-wide AVX-512, 8-wide AVX2 or 4-wide NEON code under that file's target
// flags (the functions have internal linkage, see gemm_driver.h for why).
//
// Accuracy over the whole float range (test/unit/kernels/VmathTest.cpp):
//   exp   relative error <= 1e-7 for x in [-87, 88]; inputs are clamped
//         to that range (vexpNonPositive: exactly 0 below -87.3, so
//         exp(-inf) = 0, the softmax of a masked score).
//   erf   absolute error <= 4.7e-7 (a rational approximation on [-4, 4],
//         +-1 outside, the coefficients of Eigen's / XLA's float erf; the
//         error is float rounding near |erf| = 1).
//   tanh  absolute error <= 1.2e-7, through exp; exactly +-1 for |x| >= 10.
//   NaN inputs are not propagated by exp/erf/tanh (the GELUs still give
//   NaN through their leading x factor).
//
//===----------------------------------------------------------------------===//
#ifndef TCC_RUNTIME_KERNELS_VMATH_H
#define TCC_RUNTIME_KERNELS_VMATH_H

#include <stdint.h>

namespace tcc_kernels {
namespace {

inline float vmin(float a, float b) { return a < b ? a : b; }
inline float vmax(float a, float b) { return a > b ? a : b; }

inline float bitsToFloat(int32_t i) {
  float f;
  __builtin_memcpy(&f, &i, sizeof f);
  return f;
}

// exp(x) = 2^n * e^r with n = round(x / ln 2), |r| <= ln2 / 2 and e^r by a
// degree-6 polynomial (Cephes expf). Rounding uses the 1.5 * 2^23 trick so
// no rounding intrinsic is needed; 2^n is built in the exponent bits.
inline float vexp(float x) {
  x = vmax(vmin(x, 88.3762626647949f), -87.3365447504f);
  const float shifter = 12582912.0f;  // 1.5 * 2^23
  float n = x * 1.44269504088896341f + shifter;
  n -= shifter;
  float r = x - n * 0.693359375f;
  r = r - n * -2.12194440e-4f;
  float p = 1.9875691500e-4f;
  p = p * r + 1.3981999507e-3f;
  p = p * r + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  p = p * r * r + r + 1.0f;
  int32_t e = (static_cast<int32_t>(n) + 127) << 23;
  return p * bitsToFloat(e);
}

// exp for the softmax: inputs are <= 0 (x - max); below -87.3 (and -inf)
// the result is exactly 0 rather than the smallest normal.
inline float vexpNonPositive(float x) {
  float y = vexp(x);
  return x < -87.3365447504f ? 0.0f : y;
}

inline float verf(float x) {
  x = vmax(vmin(x, 4.0f), -4.0f);
  const float x2 = x * x;
  float p = -2.72614225801306e-10f;
  p = p * x2 + 2.77068142495902e-08f;
  p = p * x2 + -2.10102402082508e-06f;
  p = p * x2 + -5.69250639462346e-05f;
  p = p * x2 + -7.34990630326855e-04f;
  p = p * x2 + -2.95459980854025e-03f;
  p = p * x2 + -1.60960333262415e-02f;
  p = p * x;
  float q = -1.45660718464996e-05f;
  q = q * x2 + -2.13374055278905e-04f;
  q = q * x2 + -1.68282697438203e-03f;
  q = q * x2 + -7.37332916720468e-03f;
  q = q * x2 + -1.42647390514189e-02f;
  return p / q;
}

// tanh(x) = sign(x) (1 - 2 / (e^{2|x|} + 1)); at |x| = 10 the quotient is
// 4e-9, so the result rounds to exactly +-1 from there on.
inline float vtanh(float x) {
  float a = vmin(x < 0.0f ? -x : x, 10.0f);
  float t = 1.0f - 2.0f / (vexp(2.0f * a) + 1.0f);
  return x < 0.0f ? -t : t;
}

// 0.5 x (1 + erf(x / sqrt 2)), torch's GELU(approximate='none').
inline float vgeluErf(float x) {
  return 0.5f * x * (1.0f + verf(x * 0.70710678118654752f));
}

// 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))), approximate='tanh'.
inline float vgeluTanh(float x) {
  float inner = 0.79788456080286536f * (x + 0.044715f * x * x * x);
  return 0.5f * x * (1.0f + vtanh(inner));
}

}  // namespace
}  // namespace tcc_kernels

#endif  // TCC_RUNTIME_KERNELS_VMATH_H
