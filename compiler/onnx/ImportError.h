//===- ImportError.h - the importer's user-error exception ------*- C++ -*-===//
//
// The importer is the one library built with exceptions (libonnx throws), so
// it also uses them for its own user errors: an error found deep inside an
// attribute reader or a tensor decoder travels to importOnnxModel() without
// every helper having to forward a failure. Nothing is thrown through MLIR
// frames: callbacks handed to MLIR never throw.
//
//===----------------------------------------------------------------------===//
#ifndef TCC_COMPILER_ONNX_IMPORTERROR_H
#define TCC_COMPILER_ONNX_IMPORTERROR_H

#include "llvm/ADT/Twine.h"

#include <string>

namespace tcc::importer {

/// A user error with its complete one-line message.
class ImportError {
public:
  explicit ImportError(const llvm::Twine &message) : text(message.str()) {}
  const std::string &message() const { return text; }

private:
  std::string text;
};

[[noreturn]] inline void fail(const llvm::Twine &message) {
  throw ImportError(message);
}

/// Quotes a name for an error message: 'name'.
inline std::string quoted(llvm::StringRef name) {
  return ("'" + name + "'").str();
}

} // namespace tcc::importer

#endif // TCC_COMPILER_ONNX_IMPORTERROR_H
