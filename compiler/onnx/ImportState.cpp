//===- ImportState.cpp - the importer's value table and constants ---------===//
#include "compiler/onnx/ImportState.h"

#include "compiler/onnx/ImportError.h"
#include "dialects/tfm/TfmOps.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemAlloc.h"

#include <cstring>

using namespace mlir;
using namespace tcc;
using namespace tcc::importer;

TensorValue &ImportState::define(StringRef name, TensorValue value) {
  value.name = name.str();
  value.uses = usesOf(name);
  storage.push_back(std::move(value));
  TensorValue &stored = storage.back();
  byName[name] = &stored;
  return stored;
}

void ImportState::alias(StringRef name, TensorValue &value) {
  value.uses += usesOf(name);
  byName[name] = &value;
}

TensorValue *ImportState::lookup(StringRef name) {
  auto it = byName.find(name);
  return it == byName.end() ? nullptr : it->second;
}

int ImportState::usesOf(StringRef name) const {
  auto it = pendingUses.find(name);
  return it == pendingUses.end() ? 0 : it->second;
}

bool ImportState::isConstant(const TensorValue &value) const {
  if (value.proto || value.known)
    return true;
  return value.value && value.value.getDefiningOp<tfm::ConstantOp>();
}

const ConstTensor *ImportState::known(TensorValue &value) {
  if (value.known)
    return &*value.known;
  if (!isConstant(value) ||
      value.type.getNumElements() > kMaxFoldedElements)
    return nullptr;
  Buffer scratch;
  std::optional<ArrayRef<char>> bytes = constantBytes(value, scratch);
  if (!bytes)
    return nullptr;
  value.known = toConstTensor(*bytes, value.type);
  return &*value.known;
}

std::optional<ArrayRef<char>> ImportState::constantBytes(TensorValue &value,
                                                         Buffer &scratch) {
  if (value.proto) {
    if (auto view = viewTensorData(*value.proto, value.type))
      return view;
    scratch = readTensorData(*value.proto, value.type, modelDir);
    return scratch.ref();
  }
  if (value.value) {
    auto constant = value.value.getDefiningOp<tfm::ConstantOp>();
    if (!constant)
      return std::nullopt;
    Attribute attr = constant.getValue();
    if (auto resource = dyn_cast<DenseResourceElementsAttr>(attr)) {
      if (const AsmResourceBlob *blob = resource.getRawHandle().getBlob())
        return blob->getData();
      return std::nullopt;
    }
    auto dense = dyn_cast<DenseElementsAttr>(attr);
    if (!dense)
      return std::nullopt;
    // Splats store one element and booleans are bit-packed: expand both.
    if (!dense.isSplat() && !dense.getElementType().isInteger(1))
      return dense.getRawData();
    size_t width = byteWidth(value.type.getElementType());
    scratch = Buffer(static_cast<size_t>(value.type.getNumElements()) * width);
    if (dense.getElementType().isInteger(1)) {
      size_t i = 0;
      for (bool b : dense.getValues<bool>())
        scratch.data()[i++] = b;
    } else {
      ArrayRef<char> element = dense.getRawData();
      for (size_t i = 0; i < scratch.size(); i += width)
        std::memcpy(scratch.data() + i, element.data(), width);
    }
    return scratch.ref();
  }
  if (value.known) {
    scratch = toBytes(*value.known);
    return scratch.ref();
  }
  return std::nullopt;
}

ConstTensor ImportState::decode(const onnx::TensorProto &tensor,
                                StringRef what) {
  RankedTensorType type = tensorTypeOf(context, tensor, what);
  if (type.getNumElements() > kMaxFoldedElements)
    fail(what + " has " + Twine(type.getNumElements()) +
         " elements, too many to read at import time");
  Buffer bytes = readTensorData(tensor, type, modelDir);
  return toConstTensor(bytes.ref(), type);
}

void ImportState::releaseProto(TensorValue &value) {
  if (value.proto)
    releaseTensorData(*value.proto);
  value.proto = nullptr;
}

Value ImportState::materialise(TensorValue &value) {
  if (value.value)
    return value.value;
  Location loc = NameLoc::get(StringAttr::get(&context, value.name));
  if (value.proto) {
    Buffer bytes = takeTensorData(*value.proto, value.type, modelDir);
    releaseProto(value);
    value.value = constant(value.type, std::move(bytes), value.name, loc);
  } else if (value.known) {
    value.value = constant(*value.known, value.name, loc);
  } else {
    fail("internal error: value " + quoted(value.name) + " has no definition");
  }
  return value.value;
}

Value ImportState::constant(const ConstTensor &content, StringRef nameHint,
                            Location loc) {
  return constant(content.type(), toBytes(content), nameHint, loc);
}

Value ImportState::constant(RankedTensorType type, Buffer bytes,
                            StringRef nameHint, Location loc) {
  ElementsAttr attr = elementsAttr(type, std::move(bytes), nameHint);
  return builder.create<tfm::ConstantOp>(loc, attr).getResult();
}

ElementsAttr ImportState::elementsAttr(RankedTensorType type, Buffer bytes,
                                       StringRef nameHint) {
  int64_t n = type.getNumElements();
  if (type.getElementType().isInteger(1)) {
    SmallVector<bool> values;
    values.reserve(n);
    for (size_t i = 0; i < bytes.size(); ++i)
      values.push_back(bytes.data()[i] != 0);
    return DenseElementsAttr::get(type, values);
  }
  if (n == 0)
    return DenseElementsAttr::getFromRawBuffer(type, ArrayRef<char>());
  size_t width = bytes.size() / static_cast<size_t>(n);
  bool splat = true;
  for (size_t i = width; splat && i < bytes.size(); i += width)
    splat = std::memcmp(bytes.data(), bytes.data() + i, width) == 0;
  if (splat)
    return DenseElementsAttr::getFromRawBuffer(
        type, ArrayRef<char>(bytes.data(), width));
  if (n < kMinBlobElements)
    return DenseElementsAttr::getFromRawBuffer(type, bytes.ref());
  ArrayRef<char> data = bytes.ref();
  size_t alignment = bytes.alignment();
  AsmResourceBlob blob(data, alignment, bytes.release(), /*dataIsMutable=*/false);
  return DenseResourceElementsAttr::get(type, blobKeyFor(nameHint),
                                        std::move(blob));
}

std::string tcc::importer::blobKeyFor(StringRef name) {
  std::string key;
  for (char c : name)
    key.push_back(llvm::isAlnum(c) || c == '_' || c == '.' ? c : '_');
  if (key.empty() || llvm::isDigit(key.front()) || key.front() == '.')
    key.insert(key.begin(), '_');
  return key;
}
