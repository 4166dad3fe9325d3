//===- TfmBase.td - tfm dialect, enums and type constraints -*- tablegen -*-===//
//
// The tfm dialect holds transformer building blocks on statically shaped,
// ranked tensors. tcc is an ahead-of-time compiler: the importer pins every
// dynamic dimension, so every tfm value has a static shape and every op can
// infer its result type from its operands.
//
//===----------------------------------------------------------------------===//

#ifndef TFM_BASE_TD
#define TFM_BASE_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

def Tfm_Dialect : Dialect {
  let name = "tfm";
  let cppNamespace = "::tcc::tfm";
  let summary = "Transformer building blocks for the tcc compiler";
  let description = [{
    Ops at the level a transformer is described at: linear layers,
    attention, normalisation, activations, plus the tensor primitives an
    ONNX graph is made of. Compression passes (token pruning, LN->BN,
    quantization) and fusion work on this level before target lowering.
  }];
  let useDefaultAttributePrinterParser = 1;
  let hasConstantMaterializer = 1;
}

//===----------------------------------------------------------------------===//
// Enums
//===----------------------------------------------------------------------===//

def Tfm_GeluApproxNone : I32EnumAttrCase<"none", 0>;
def Tfm_GeluApproxTanh : I32EnumAttrCase<"tanh", 1>;
def Tfm_GeluApproximation : I32EnumAttr<"GeluApproximation",
    "how GELU evaluates the normal CDF",
    [Tfm_GeluApproxNone, Tfm_GeluApproxTanh]> {
  let cppNamespace = "::tcc::tfm";
  let genSpecializedAttr = 0;
}
def Tfm_GeluApproximationAttr : EnumAttr<Tfm_Dialect, Tfm_GeluApproximation,
                                         "gelu_approx"> {
  let assemblyFormat = "`<` $value `>`";
}

// The epilogue activation of tfm.fused_linear; the values are those of
// tcc_activation in the kernel ABI (runtime/kernels/include/tcc_kernels.h).
def Tfm_ActNone : I32EnumAttrCase<"none", 0>;
def Tfm_ActGelu : I32EnumAttrCase<"gelu", 1>;
def Tfm_ActGeluTanh : I32EnumAttrCase<"gelu_tanh", 2>;
def Tfm_ActRelu : I32EnumAttrCase<"relu", 3>;
def Tfm_Activation : I32EnumAttr<"Activation",
    "activation applied in a fused linear layer's epilogue",
    [Tfm_ActNone, Tfm_ActGelu, Tfm_ActGeluTanh, Tfm_ActRelu]> {
  let cppNamespace = "::tcc::tfm";
  let genSpecializedAttr = 0;
}
def Tfm_ActivationAttr : EnumAttr<Tfm_Dialect, Tfm_Activation, "activation"> {
  let assemblyFormat = "`<` $value `>`";
}

def Tfm_PadModeConstant : I32EnumAttrCase<"constant", 0>;
def Tfm_PadModeReflect : I32EnumAttrCase<"reflect", 1>;
def Tfm_PadModeEdge : I32EnumAttrCase<"edge", 2>;
def Tfm_PadMode : I32EnumAttr<"PadMode", "how padded elements are filled",
    [Tfm_PadModeConstant, Tfm_PadModeReflect, Tfm_PadModeEdge]> {
  let cppNamespace = "::tcc::tfm";
  let genSpecializedAttr = 0;
}
def Tfm_PadModeAttr : EnumAttr<Tfm_Dialect, Tfm_PadMode, "pad_mode"> {
  let assemblyFormat = "`<` $value `>`";
}

//===----------------------------------------------------------------------===//
// Type constraints
//===----------------------------------------------------------------------===//

def Tfm_Tensor : StaticShapeTensorOf<[AnyType]>;
def Tfm_FloatTensor : StaticShapeTensorOf<[AnyFloat]>;
def Tfm_NumericTensor : StaticShapeTensorOf<[AnyFloat, AnySignlessInteger]>;
def Tfm_BoolTensor : StaticShapeTensorOf<[I1]>;
def Tfm_IndexTensor : StaticShapeTensorOf<[I32, I64]>;

#endif // TFM_BASE_TD
