//===- ShapeFolding.cpp - import-time evaluation of small tensors ---------===//
#include "compiler/onnx/ShapeFolding.h"

#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/STLExtras.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace tcc::importer;

namespace {

SmallVector<int64_t> rowMajorStrides(ArrayRef<int64_t> shape) {
  SmallVector<int64_t> strides(shape.size(), 1);
  for (int64_t d = static_cast<int64_t>(shape.size()) - 2; d >= 0; --d)
    strides[d] = strides[d + 1] * shape[d + 1];
  return strides;
}

int64_t product(ArrayRef<int64_t> shape) {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

/// Calls f(linearIndex, multiIndex) for every element of `shape` in
/// row-major order.
template <typename F> void forEachIndex(ArrayRef<int64_t> shape, F f) {
  int64_t n = product(shape);
  SmallVector<int64_t> index(shape.size(), 0);
  for (int64_t i = 0; i < n; ++i) {
    f(i, ArrayRef<int64_t>(index));
    for (int64_t d = static_cast<int64_t>(shape.size()) - 1; d >= 0; --d) {
      if (++index[d] < shape[d])
        break;
      index[d] = 0;
    }
  }
}

/// Strides that read `shape` broadcast (right-aligned) into a tensor of rank
/// `rank`: broadcast dimensions get stride 0.
SmallVector<int64_t> broadcastStrides(ArrayRef<int64_t> shape, size_t rank) {
  SmallVector<int64_t> strides = rowMajorStrides(shape);
  SmallVector<int64_t> out(rank, 0);
  size_t offset = rank - shape.size();
  for (size_t d = 0; d < shape.size(); ++d)
    out[offset + d] = shape[d] == 1 ? 0 : strides[d];
  return out;
}

int64_t dot(ArrayRef<int64_t> index, ArrayRef<int64_t> strides) {
  int64_t offset = 0;
  for (auto [i, s] : llvm::zip(index, strides))
    offset += i * s;
  return offset;
}

/// A tensor of `shape` whose element i is element sources[i] of `input`.
ConstTensor pick(const ConstTensor &input, ArrayRef<int64_t> shape,
                 ArrayRef<int64_t> sources) {
  ConstTensor out;
  out.elementType = input.elementType;
  out.shape.assign(shape.begin(), shape.end());
  if (input.isFloat()) {
    out.floats.reserve(sources.size());
    for (int64_t s : sources)
      out.floats.push_back(input.floats[s]);
  } else {
    out.ints.reserve(sources.size());
    for (int64_t s : sources)
      out.ints.push_back(input.ints[s]);
  }
  return out;
}

bool isUnsigned(Type type) {
  auto integer = dyn_cast<IntegerType>(type);
  return integer && integer.isUnsigned();
}

/// Converts an integer held per ConstTensor's convention to double.
double intToDouble(int64_t value, Type type) {
  if (isUnsigned(type))
    return static_cast<double>(static_cast<uint64_t>(value));
  return static_cast<double>(value);
}

/// Float -> int64 the way ONNX Cast does it: truncate toward zero,
/// saturating where C++ would be undefined.
int64_t doubleToInt(double value) {
  if (std::isnan(value))
    return 0;
  if (value >= 9223372036854775807.0)
    return std::numeric_limits<int64_t>::max();
  if (value <= -9223372036854775808.0)
    return std::numeric_limits<int64_t>::min();
  return static_cast<int64_t>(value);
}

int64_t wrappingAdd(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
}
int64_t wrappingSub(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) - static_cast<uint64_t>(b));
}
int64_t wrappingMul(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) * static_cast<uint64_t>(b));
}

double applyUnary(UnaryFn fn, double x) {
  switch (fn) {
  case UnaryFn::Neg: return -x;
  case UnaryFn::Abs: return std::fabs(x);
  case UnaryFn::Sqrt: return std::sqrt(x);
  case UnaryFn::Reciprocal: return 1.0 / x;
  case UnaryFn::Exp: return std::exp(x);
  case UnaryFn::Log: return std::log(x);
  case UnaryFn::Floor: return std::floor(x);
  case UnaryFn::Ceil: return std::ceil(x);
  case UnaryFn::Round: return std::nearbyint(x);
  case UnaryFn::Relu: return x > 0 ? x : 0.0;
  case UnaryFn::Sign: return x > 0 ? 1.0 : (x < 0 ? -1.0 : x);
  case UnaryFn::Not: return x == 0 ? 1.0 : 0.0;
  case UnaryFn::Sin: return std::sin(x);
  case UnaryFn::Cos: return std::cos(x);
  case UnaryFn::Tanh: return std::tanh(x);
  case UnaryFn::Erf: return std::erf(x);
  case UnaryFn::Sigmoid: return 1.0 / (1.0 + std::exp(-x));
  }
  return x;
}

int64_t applyUnaryInt(UnaryFn fn, int64_t x, Type type) {
  switch (fn) {
  case UnaryFn::Neg: return wrappingSub(0, x);
  case UnaryFn::Abs: return isUnsigned(type) || x >= 0 ? x : wrappingSub(0, x);
  case UnaryFn::Relu: return isUnsigned(type) || x > 0 ? x : 0;
  case UnaryFn::Sign:
    return x == 0 ? 0 : (isUnsigned(type) || x > 0 ? 1 : -1);
  case UnaryFn::Not: return x == 0 ? 1 : 0;
  case UnaryFn::Floor:
  case UnaryFn::Ceil:
  case UnaryFn::Round: return x;
  default: return doubleToInt(applyUnary(fn, intToDouble(x, type)));
  }
}

double applyBinary(BinaryFn fn, double a, double b) {
  switch (fn) {
  case BinaryFn::Add: return a + b;
  case BinaryFn::Sub: return a - b;
  case BinaryFn::Mul: return a * b;
  case BinaryFn::Div: return a / b;
  case BinaryFn::FMod: return std::fmod(a, b);
  case BinaryFn::Mod: {
    // Python-style: the result takes the divisor's sign.
    double r = std::fmod(a, b);
    return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
  }
  case BinaryFn::Pow: return std::pow(a, b);
  case BinaryFn::Min: return std::isnan(a) || std::isnan(b) ? NAN : std::min(a, b);
  case BinaryFn::Max: return std::isnan(a) || std::isnan(b) ? NAN : std::max(a, b);
  case BinaryFn::Equal: return a == b;
  case BinaryFn::Less: return a < b;
  case BinaryFn::LessEqual: return a <= b;
  case BinaryFn::Greater: return a > b;
  case BinaryFn::GreaterEqual: return a >= b;
  case BinaryFn::And: return a != 0 && b != 0;
  case BinaryFn::Or: return a != 0 || b != 0;
  case BinaryFn::Xor: return (a != 0) != (b != 0);
  }
  return 0;
}

/// Integer arithmetic; returns false on division by zero.
bool applyBinaryInt(BinaryFn fn, int64_t a, int64_t b, Type type,
                    int64_t &out) {
  bool isUns = isUnsigned(type);
  uint64_t ua = static_cast<uint64_t>(a), ub = static_cast<uint64_t>(b);
  auto less = [&](int64_t x, int64_t y) {
    return isUns ? static_cast<uint64_t>(x) < static_cast<uint64_t>(y) : x < y;
  };
  switch (fn) {
  case BinaryFn::Add: out = wrappingAdd(a, b); return true;
  case BinaryFn::Sub: out = wrappingSub(a, b); return true;
  case BinaryFn::Mul: out = wrappingMul(a, b); return true;
  case BinaryFn::Div:
    if (b == 0)
      return false;
    if (isUns)
      out = static_cast<int64_t>(ua / ub);
    else
      out = (a == std::numeric_limits<int64_t>::min() && b == -1) ? a : a / b;
    return true;
  case BinaryFn::Mod:
  case BinaryFn::FMod: {
    if (b == 0)
      return false;
    if (isUns) {
      out = static_cast<int64_t>(ua % ub);
      return true;
    }
    int64_t r = b == -1 ? 0 : a % b;
    if (fn == BinaryFn::Mod && r != 0 && ((r < 0) != (b < 0)))
      r += b;
    out = r;
    return true;
  }
  case BinaryFn::Pow: {
    int64_t result = 1;
    if (b < 0 && !isUns) {
      // Integer pow with a negative exponent: only |a| == 1 stays integral.
      out = a == 1 ? 1 : (a == -1 ? ((b & 1) ? -1 : 1) : 0);
      return true;
    }
    for (uint64_t e = ub, base = ua; e; e >>= 1) {
      if (e & 1)
        result = wrappingMul(result, static_cast<int64_t>(base));
      base = base * base;
    }
    out = result;
    return true;
  }
  case BinaryFn::Min: out = less(b, a) ? b : a; return true;
  case BinaryFn::Max: out = less(a, b) ? b : a; return true;
  case BinaryFn::Equal: out = a == b; return true;
  case BinaryFn::Less: out = less(a, b); return true;
  case BinaryFn::LessEqual: out = !less(b, a); return true;
  case BinaryFn::Greater: out = less(b, a); return true;
  case BinaryFn::GreaterEqual: out = !less(a, b); return true;
  case BinaryFn::And: out = a != 0 && b != 0; return true;
  case BinaryFn::Or: out = a != 0 || b != 0; return true;
  case BinaryFn::Xor: out = (a != 0) != (b != 0); return true;
  }
  return false;
}

/// Broadcast shape of a and b; the caller has checked compatibility.
SmallVector<int64_t> broadcastShape(ArrayRef<int64_t> a, ArrayRef<int64_t> b) {
  size_t rank = std::max(a.size(), b.size());
  SmallVector<int64_t> out(rank);
  for (size_t i = 0; i < rank; ++i) {
    int64_t da = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
    int64_t db = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
    out[i] = da == 1 ? db : da;
  }
  return out;
}

bool broadcastCompatible(ArrayRef<int64_t> a, ArrayRef<int64_t> b) {
  size_t rank = std::max(a.size(), b.size());
  for (size_t i = 0; i < rank; ++i) {
    int64_t da = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
    int64_t db = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
    if (da != db && da != 1 && db != 1)
      return false;
  }
  return true;
}

} // namespace

//===----------------------------------------------------------------------===//
// ConstTensor
//===----------------------------------------------------------------------===//

int64_t ConstTensor::numElements() const { return product(shape); }

double ConstTensor::getDouble(size_t i) const {
  return isFloat() ? floats[i] : intToDouble(ints[i], elementType);
}

int64_t ConstTensor::getInt(size_t i) const {
  return isFloat() ? doubleToInt(floats[i]) : ints[i];
}

ConstTensor ConstTensor::splat(Type elementType, ArrayRef<int64_t> shape,
                               double value) {
  ConstTensor out;
  out.elementType = elementType;
  out.shape.assign(shape.begin(), shape.end());
  size_t n = static_cast<size_t>(product(shape));
  if (out.isFloat())
    out.floats.assign(n, roundToFloatType(value, elementType));
  else if (elementType.isInteger(1))
    out.ints.assign(n, value != 0 ? 1 : 0);
  else
    out.ints.assign(n, wrapToIntType(doubleToInt(value), elementType));
  return out;
}

ConstTensor ConstTensor::fromInts(Type elementType, ArrayRef<int64_t> shape,
                                  std::vector<int64_t> values) {
  ConstTensor out;
  out.elementType = elementType;
  out.shape.assign(shape.begin(), shape.end());
  out.ints = std::move(values);
  for (int64_t &v : out.ints)
    v = wrapToIntType(v, elementType);
  return out;
}

ConstTensor ConstTensor::fromDoubles(Type elementType, ArrayRef<int64_t> shape,
                                     std::vector<double> values) {
  ConstTensor out;
  out.elementType = elementType;
  out.shape.assign(shape.begin(), shape.end());
  out.floats = std::move(values);
  for (double &v : out.floats)
    v = roundToFloatType(v, elementType);
  return out;
}

double tcc::importer::roundToFloatType(double value, Type type) {
  if (type.isF64())
    return value;
  if (type.isF32())
    return static_cast<double>(static_cast<float>(value));
  auto floatType = dyn_cast<FloatType>(type);
  if (!floatType)
    return value;
  APFloat f(value);
  bool losesInfo = false;
  f.convert(floatType.getFloatSemantics(), APFloat::rmNearestTiesToEven,
            &losesInfo);
  f.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven, &losesInfo);
  return f.convertToDouble();
}

int64_t tcc::importer::wrapToIntType(int64_t value, Type type) {
  auto integer = dyn_cast<IntegerType>(type);
  if (!integer)
    return value;
  unsigned width = integer.getWidth();
  if (width == 1)
    return value != 0 ? 1 : 0;
  if (width >= 64)
    return value;
  uint64_t mask = (uint64_t(1) << width) - 1;
  uint64_t bits = static_cast<uint64_t>(value) & mask;
  if (integer.isUnsigned())
    return static_cast<int64_t>(bits);
  uint64_t sign = uint64_t(1) << (width - 1);
  return static_cast<int64_t>((bits ^ sign) - sign);
}

bool tcc::importer::isComparison(BinaryFn fn) {
  switch (fn) {
  case BinaryFn::Equal:
  case BinaryFn::Less:
  case BinaryFn::LessEqual:
  case BinaryFn::Greater:
  case BinaryFn::GreaterEqual:
    return true;
  default:
    return false;
  }
}

int64_t tcc::importer::checkedNumElements(ArrayRef<int64_t> shape,
                                          int64_t limit) {
  int64_t n = 1;
  for (int64_t d : shape) {
    if (d < 0 || d > limit)
      return -1;
    if (d == 0)
      n = 0;
    else if (n > limit / d)
      n = limit + 1;
    else
      n *= d;
  }
  return n > limit ? -1 : n;
}

//===----------------------------------------------------------------------===//
// Evaluators
//===----------------------------------------------------------------------===//

ConstTensor tcc::importer::reshape(const ConstTensor &input,
                                   ArrayRef<int64_t> shape) {
  ConstTensor out = input;
  out.shape.assign(shape.begin(), shape.end());
  return out;
}

ConstTensor tcc::importer::transpose(const ConstTensor &input,
                                     ArrayRef<int64_t> perm) {
  SmallVector<int64_t> shape;
  for (int64_t p : perm)
    shape.push_back(input.shape[p]);
  SmallVector<int64_t> inStrides = rowMajorStrides(input.shape);
  SmallVector<int64_t> strides;
  for (int64_t p : perm)
    strides.push_back(inStrides[p]);
  std::vector<int64_t> sources;
  forEachIndex(shape, [&](int64_t, ArrayRef<int64_t> index) {
    sources.push_back(dot(index, strides));
  });
  return pick(input, shape, sources);
}

ConstTensor tcc::importer::slice(const ConstTensor &input,
                                 ArrayRef<int64_t> offsets,
                                 ArrayRef<int64_t> sizes,
                                 ArrayRef<int64_t> strides) {
  SmallVector<int64_t> inStrides = rowMajorStrides(input.shape);
  std::vector<int64_t> sources;
  forEachIndex(sizes, [&](int64_t, ArrayRef<int64_t> index) {
    int64_t offset = 0;
    for (size_t d = 0; d < index.size(); ++d)
      offset += (offsets[d] + index[d] * strides[d]) * inStrides[d];
    sources.push_back(offset);
  });
  return pick(input, sizes, sources);
}

ConstTensor tcc::importer::concat(ArrayRef<const ConstTensor *> inputs,
                                  int64_t axis) {
  ConstTensor out;
  out.elementType = inputs.front()->elementType;
  out.shape = inputs.front()->shape;
  out.shape[axis] = 0;
  for (const ConstTensor *in : inputs)
    out.shape[axis] += in->shape[axis];
  // Row-major: the result is, for each outer index, the inputs' inner
  // blocks one after the other.
  int64_t outer = product(ArrayRef<int64_t>(out.shape).take_front(axis));
  int64_t inner = product(ArrayRef<int64_t>(out.shape).drop_front(axis + 1));
  for (int64_t o = 0; o < outer; ++o) {
    for (const ConstTensor *in : inputs) {
      int64_t block = in->shape[axis] * inner;
      if (out.isFloat())
        out.floats.insert(out.floats.end(), in->floats.begin() + o * block,
                          in->floats.begin() + (o + 1) * block);
      else
        out.ints.insert(out.ints.end(), in->ints.begin() + o * block,
                        in->ints.begin() + (o + 1) * block);
    }
  }
  return out;
}

ConstTensor tcc::importer::gather(const ConstTensor &data,
                                  const ConstTensor &indices, int64_t axis) {
  ArrayRef<int64_t> dataShape = data.shape;
  SmallVector<int64_t> shape(dataShape.take_front(axis));
  llvm::append_range(shape, indices.shape);
  llvm::append_range(shape, dataShape.drop_front(axis + 1));
  int64_t outer = product(dataShape.take_front(axis));
  int64_t inner = product(dataShape.drop_front(axis + 1));
  int64_t dim = dataShape[axis];
  std::vector<int64_t> sources;
  for (int64_t o = 0; o < outer; ++o)
    for (size_t k = 0; k < indices.ints.size(); ++k) {
      int64_t index = indices.ints[k] < 0 ? indices.ints[k] + dim : indices.ints[k];
      for (int64_t i = 0; i < inner; ++i)
        sources.push_back((o * dim + index) * inner + i);
    }
  return pick(data, shape, sources);
}

ConstTensor tcc::importer::broadcastTo(const ConstTensor &input,
                                       ArrayRef<int64_t> shape) {
  SmallVector<int64_t> strides = broadcastStrides(input.shape, shape.size());
  std::vector<int64_t> sources;
  forEachIndex(shape, [&](int64_t, ArrayRef<int64_t> index) {
    sources.push_back(dot(index, strides));
  });
  return pick(input, shape, sources);
}

ConstTensor tcc::importer::convertElements(const ConstTensor &input,
                                            Type elementType) {
  ConstTensor out;
  out.elementType = elementType;
  out.shape = input.shape;
  size_t n = static_cast<size_t>(input.numElements());
  if (out.isFloat()) {
    for (size_t i = 0; i < n; ++i)
      out.floats.push_back(roundToFloatType(input.getDouble(i), elementType));
  } else if (elementType.isInteger(1)) {
    for (size_t i = 0; i < n; ++i)
      out.ints.push_back(input.isFloat() ? input.floats[i] != 0
                                         : input.ints[i] != 0);
  } else {
    for (size_t i = 0; i < n; ++i)
      out.ints.push_back(wrapToIntType(input.getInt(i), elementType));
  }
  return out;
}

ConstTensor tcc::importer::unary(UnaryFn fn, const ConstTensor &input) {
  ConstTensor out;
  out.elementType = input.elementType;
  out.shape = input.shape;
  if (input.isFloat()) {
    for (double x : input.floats)
      out.floats.push_back(roundToFloatType(applyUnary(fn, x), input.elementType));
  } else {
    for (int64_t x : input.ints)
      out.ints.push_back(
          wrapToIntType(applyUnaryInt(fn, x, input.elementType), input.elementType));
  }
  return out;
}

llvm::Expected<ConstTensor> tcc::importer::binary(BinaryFn fn,
                                                  const ConstTensor &lhs,
                                                  const ConstTensor &rhs) {
  if (!broadcastCompatible(lhs.shape, rhs.shape))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "operand shapes are not broadcast-compatible");
  SmallVector<int64_t> shape = broadcastShape(lhs.shape, rhs.shape);
  SmallVector<int64_t> lhsStrides = broadcastStrides(lhs.shape, shape.size());
  SmallVector<int64_t> rhsStrides = broadcastStrides(rhs.shape, shape.size());
  ConstTensor out;
  out.shape = shape;
  bool compare = isComparison(fn);
  out.elementType = compare ? IntegerType::get(lhs.elementType.getContext(), 1)
                            : lhs.elementType;
  // Comparisons of floats and Pow with a float base compute in double; the
  // rest follow the lhs element type.
  bool inFloat = lhs.isFloat() || rhs.isFloat();
  bool ok = true;
  forEachIndex(shape, [&](int64_t, ArrayRef<int64_t> index) {
    int64_t li = dot(index, lhsStrides), ri = dot(index, rhsStrides);
    if (inFloat) {
      double r = applyBinary(fn, lhs.getDouble(li), rhs.getDouble(ri));
      if (out.isFloat())
        out.floats.push_back(roundToFloatType(r, out.elementType));
      else
        out.ints.push_back(compare ? static_cast<int64_t>(r != 0)
                                   : wrapToIntType(doubleToInt(r), out.elementType));
      return;
    }
    int64_t r = 0;
    if (!applyBinaryInt(fn, lhs.ints[li], rhs.ints[ri], lhs.elementType, r)) {
      ok = false;
      r = 0;
    }
    out.ints.push_back(compare ? r : wrapToIntType(r, out.elementType));
  });
  if (!ok)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "integer division by zero");
  return out;
}

ConstTensor tcc::importer::select(const ConstTensor &condition,
                                  const ConstTensor &onTrue,
                                  const ConstTensor &onFalse) {
  SmallVector<int64_t> shape =
      broadcastShape(broadcastShape(condition.shape, onTrue.shape), onFalse.shape);
  SmallVector<int64_t> c = broadcastStrides(condition.shape, shape.size());
  SmallVector<int64_t> t = broadcastStrides(onTrue.shape, shape.size());
  SmallVector<int64_t> f = broadcastStrides(onFalse.shape, shape.size());
  ConstTensor out;
  out.elementType = onTrue.elementType;
  out.shape = shape;
  forEachIndex(shape, [&](int64_t, ArrayRef<int64_t> index) {
    bool take = condition.ints[dot(index, c)] != 0;
    const ConstTensor &src = take ? onTrue : onFalse;
    int64_t s = dot(index, take ? t : f);
    if (out.isFloat())
      out.floats.push_back(src.floats[s]);
    else
      out.ints.push_back(src.ints[s]);
  });
  return out;
}

ConstTensor tcc::importer::reduce(ReduceFn fn, const ConstTensor &input,
                                  ArrayRef<int64_t> axes, bool keepDims) {
  size_t rank = input.shape.size();
  SmallVector<int64_t> keptShape(input.shape);
  int64_t count = 1;
  for (int64_t a : axes) {
    keptShape[a] = 1;
    count *= input.shape[a];
  }
  SmallVector<int64_t> outStrides = broadcastStrides(keptShape, rank);
  int64_t outCount = product(keptShape);
  bool isFloat = input.isFloat();
  std::vector<double> accF(outCount);
  std::vector<int64_t> accI(outCount);
  std::vector<bool> seen(outCount, false);
  bool isUns = isUnsigned(input.elementType);
  forEachIndex(input.shape, [&](int64_t i, ArrayRef<int64_t> index) {
    int64_t o = dot(index, outStrides);
    if (isFloat) {
      double x = input.floats[i];
      if (!seen[o])
        accF[o] = x;
      else if (fn == ReduceFn::Sum || fn == ReduceFn::Mean)
        accF[o] += x;
      else if (fn == ReduceFn::Prod)
        accF[o] *= x;
      else if (fn == ReduceFn::Min)
        accF[o] = std::isnan(x) || x < accF[o] ? x : accF[o];
      else
        accF[o] = std::isnan(x) || x > accF[o] ? x : accF[o];
    } else {
      int64_t x = input.ints[i];
      auto less = [&](int64_t a, int64_t b) {
        return isUns ? static_cast<uint64_t>(a) < static_cast<uint64_t>(b) : a < b;
      };
      if (!seen[o])
        accI[o] = x;
      else if (fn == ReduceFn::Sum || fn == ReduceFn::Mean)
        accI[o] = wrappingAdd(accI[o], x);
      else if (fn == ReduceFn::Prod)
        accI[o] = wrappingMul(accI[o], x);
      else if (fn == ReduceFn::Min)
        accI[o] = less(x, accI[o]) ? x : accI[o];
      else
        accI[o] = less(accI[o], x) ? x : accI[o];
    }
    seen[o] = true;
  });
  ConstTensor out;
  out.elementType = input.elementType;
  for (size_t d = 0; d < rank; ++d)
    if (keepDims || !llvm::is_contained(axes, static_cast<int64_t>(d)))
      out.shape.push_back(keptShape[d]);
  // Reducing an empty set gives the operation's identity.
  double identity = fn == ReduceFn::Prod ? 1.0
                    : fn == ReduceFn::Min ? INFINITY
                    : fn == ReduceFn::Max ? -INFINITY
                                          : 0.0;
  for (int64_t o = 0; o < outCount; ++o) {
    if (isFloat) {
      double v = seen[o] ? accF[o] : identity;
      if (fn == ReduceFn::Mean)
        v = count ? v / static_cast<double>(count) : NAN;
      out.floats.push_back(roundToFloatType(v, input.elementType));
    } else {
      int64_t v = seen[o] ? accI[o] : doubleToInt(identity);
      if (fn == ReduceFn::Mean)
        v = count ? v / count : 0;
      out.ints.push_back(wrapToIntType(v, input.elementType));
    }
  }
  return out;
}

ConstTensor tcc::importer::tile(const ConstTensor &input,
                                ArrayRef<int64_t> repeats) {
  SmallVector<int64_t> shape;
  for (auto [d, r] : llvm::zip(input.shape, repeats))
    shape.push_back(d * r);
  SmallVector<int64_t> inStrides = rowMajorStrides(input.shape);
  std::vector<int64_t> sources;
  forEachIndex(shape, [&](int64_t, ArrayRef<int64_t> index) {
    int64_t offset = 0;
    for (size_t d = 0; d < index.size(); ++d)
      offset += (index[d] % input.shape[d]) * inStrides[d];
    sources.push_back(offset);
  });
  return pick(input, shape, sources);
}
