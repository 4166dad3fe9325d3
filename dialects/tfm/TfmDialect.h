//===- TfmDialect.h - tfm dialect declaration -------------------*- C++ -*-===//
#ifndef TCC_DIALECTS_TFM_TFMDIALECT_H
#define TCC_DIALECTS_TFM_TFMDIALECT_H

#include "mlir/IR/Dialect.h"

#include "dialects/tfm/TfmDialect.h.inc"
#include "dialects/tfm/TfmEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "dialects/tfm/TfmAttrs.h.inc"

#endif // TCC_DIALECTS_TFM_TFMDIALECT_H
