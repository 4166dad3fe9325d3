//===- TfmOps.td - tfm dialect operations -------------------*- tablegen -*-===//
//
// Conventions shared by every op:
//  * operands and results are statically shaped ranked tensors;
//  * axis attributes are already normalised to be non-negative;
//  * result types are inferred (InferTypeOpInterface) except where the
//    result type *is* the op's specification (reshape, cast, broadcast_to),
//    so a wrong result type is a verifier error with the inferred type named.
//
//===----------------------------------------------------------------------===//

#ifndef TFM_OPS_TD
#define TFM_OPS_TD

include "dialects/tfm/TfmBase.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

class Tfm_Op<string mnemonic, list<Trait> traits = []>
    : Op<Tfm_Dialect, mnemonic, !listconcat(traits, [Pure])> {
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
}

// An op whose result type is computed from its operands and attributes.
class Tfm_InferredOp<string mnemonic, list<Trait> traits = []>
    : Tfm_Op<mnemonic, !listconcat(traits, [InferTypeOpAdaptor])>;

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

def Tfm_ConstantOp : Tfm_InferredOp<"constant", [ConstantLike]> {
  let summary = "a constant tensor (weights live in resource blobs)";
  let description = [{
    Large tensors (weights) use `dense_resource` so that passes do not copy
    or re-hash them; small tensors use `dense`.
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs Tfm_Tensor:$output);
  let assemblyFormat = "attr-dict $value";
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Transformer building blocks
//===----------------------------------------------------------------------===//

def Tfm_LinearOp : Tfm_InferredOp<"linear"> {
  let summary = "fully connected layer: input[..., K] x weight[K, N] (+ bias[N])";
  let arguments = (ins Tfm_FloatTensor:$input, Tfm_FloatTensor:$weight,
                       Optional<Tfm_FloatTensor>:$bias);
  let results = (outs Tfm_FloatTensor:$output);
}

def Tfm_FusedLinearOp : Tfm_InferredOp<"fused_linear",
                                        [AttrSizedOperandSegments]> {
  let summary = "linear layer with its epilogue: act(input x weight + bias) + residual";
  let description = [{
    What `tfm-fuse-linear-epilogue` makes of a tfm.linear followed by its
    activation and/or a residual add, so that code generation can apply
    them to each block of the product while it is still in cache. The
    residual, when present, has the result's type.
  }];
  let arguments = (ins Tfm_FloatTensor:$input, Tfm_FloatTensor:$weight,
                       Optional<Tfm_FloatTensor>:$bias,
                       Optional<Tfm_FloatTensor>:$residual,
                       Tfm_ActivationAttr:$activation);
  let results = (outs Tfm_FloatTensor:$output);
  let assemblyFormat = [{
    $input `,` $weight (`bias` $bias^)? (`residual` $residual^)?
    `activation` $activation attr-dict `:` functional-type(operands, results)
  }];
}

// Not a Tfm_Op: it is not Pure (it writes its output buffers).
def Tfm_KernelCallOp : Op<Tfm_Dialect, "kernel_call",
                          [MemoryEffects<[MemRead, MemWrite]>]> {
  let summary = "a call of a runtime kernel on buffers (code generation only)";
  let description = [{
    Where a target hands an op to a kernel of its runtime (the CPU target's
    attention, layer norm, fused linear...): `callee` is the C symbol and
    the operands are its arguments in order. A memref operand stands for
    its address followed by its strides except the innermost (which must be
    1), all in elements: `tfm-materialize-kernel-calls` turns the op into a
    `func.call` of that C signature once memory is planned. Other operands
    (integers, floats, `!llvm.ptr` null for an absent buffer) pass as they
    are. Reads and writes whatever its buffers point at.
  }];
  let arguments = (ins FlatSymbolRefAttr:$callee, Variadic<AnyType>:$args);
  let assemblyFormat = "$callee `(` $args `)` attr-dict `:` type($args)";
}

def Tfm_MatmulOp : Tfm_InferredOp<"matmul"> {
  let summary = "matrix product with numpy batch broadcasting";
  let description = [{
    Semantics of numpy.matmul / ONNX MatMul: a rank-1 lhs is a row vector and
    a rank-1 rhs a column vector (the unit dimension is dropped from the
    result); leading dimensions broadcast.
  }];
  let arguments = (ins Tfm_NumericTensor:$lhs, Tfm_NumericTensor:$rhs);
  let results = (outs Tfm_NumericTensor:$output);
}

def Tfm_Conv2dOp : Tfm_InferredOp<"conv2d"> {
  let summary = "2-D convolution, NCHW input, OIHW weight";
  let arguments = (ins Tfm_FloatTensor:$input, Tfm_FloatTensor:$weight,
                       Optional<Tfm_FloatTensor>:$bias,
                       DenseI64ArrayAttr:$strides,
                       DenseI64ArrayAttr:$padding,
                       DenseI64ArrayAttr:$dilations,
                       DefaultValuedAttr<I64Attr, "1">:$groups);
  let results = (outs Tfm_FloatTensor:$output);
  let description = [{
    `strides` and `dilations` are [h, w]; `padding` is [top, left, bottom,
    right]. The input channels must be `groups` times the weight's second
    dimension and the output channels a multiple of `groups`.
  }];
}

def Tfm_LayerNormOp : Tfm_InferredOp<"layer_norm", [AttrSizedOperandSegments]> {
  let assemblyFormat = [{
    $input (`scale` $scale^)? (`bias` $bias^)? attr-dict `:`
    functional-type(operands, results)
  }];
  let summary = "layer normalisation over the dimensions [axis, rank)";
  let arguments = (ins Tfm_FloatTensor:$input,
                       Optional<Tfm_FloatTensor>:$scale,
                       Optional<Tfm_FloatTensor>:$bias,
                       I64Attr:$axis, F32Attr:$epsilon);
  let results = (outs Tfm_FloatTensor:$output);
  let description = [{
    `(x - mean) / sqrt(var + epsilon) * scale + bias`, statistics taken over
    dimensions `axis` to the last; `scale` and `bias`, when present, have the
    shape of those dimensions.
  }];
}

def Tfm_BatchNormOp : Tfm_InferredOp<"batch_norm"> {
  let summary = "inference-mode batch normalisation over dimension 1";
  let arguments = (ins Tfm_FloatTensor:$input, Tfm_FloatTensor:$scale,
                       Tfm_FloatTensor:$bias, Tfm_FloatTensor:$mean,
                       Tfm_FloatTensor:$variance, F32Attr:$epsilon);
  let results = (outs Tfm_FloatTensor:$output);
}

def Tfm_SoftmaxOp : Tfm_InferredOp<"softmax"> {
  let summary = "softmax along one axis";
  let arguments = (ins Tfm_FloatTensor:$input, I64Attr:$axis);
  let results = (outs Tfm_FloatTensor:$output);
}

def Tfm_GeluOp : Tfm_InferredOp<"gelu"> {
  let summary = "Gaussian error linear unit (exact erf form or tanh form)";
  let arguments = (ins Tfm_FloatTensor:$input,
                       Tfm_GeluApproximationAttr:$approximate);
  let results = (outs Tfm_FloatTensor:$output);
}

def Tfm_AttentionOp : Tfm_InferredOp<"attention"> {
  let summary = "scaled dot-product attention with heads packed in the last dim";
  let description = [{
    `query` is [B..., Sq, H*Dk], `key` [B..., Skv, H*Dk], `value`
    [B..., Skv, H*Dv] with identical batch dimensions B...; the result is
    [B..., Sq, H*Dv]. Per head h:
      softmax(scale * q_h k_h^T + mask) v_h
    `mask`, when present, is additive and broadcasts to [B..., H, Sq, Skv].
    A model whose heads already live in a batch dimension is expressed with
    num_heads = 1.
  }];
  let arguments = (ins Tfm_FloatTensor:$query, Tfm_FloatTensor:$key,
                       Tfm_FloatTensor:$value, Optional<Tfm_FloatTensor>:$mask,
                       I64Attr:$num_heads, F32Attr:$scale);
  let results = (outs Tfm_FloatTensor:$output);
}

//===----------------------------------------------------------------------===//
// Elementwise ops (numpy broadcasting between operands)
//===----------------------------------------------------------------------===//

// The result has the operand's type; inference is shared by every
// elementwise op that takes one tensor.
class Tfm_SameTypeOp<string mnemonic, list<Trait> traits = []>
    : Tfm_Op<mnemonic, !listconcat(traits, [SameOperandsAndResultType,
                                            InferTypeOpInterface])>;

class Tfm_UnaryOp<string mnemonic, Type operandType = Tfm_FloatTensor>
    : Tfm_SameTypeOp<mnemonic> {
  let arguments = (ins operandType:$input);
  let results = (outs operandType:$output);
}

def Tfm_NegOp : Tfm_UnaryOp<"neg", Tfm_NumericTensor> { let summary = "-x"; }
def Tfm_AbsOp : Tfm_UnaryOp<"abs", Tfm_NumericTensor> { let summary = "|x|"; }
def Tfm_ExpOp : Tfm_UnaryOp<"exp"> { let summary = "e^x"; }
def Tfm_LogOp : Tfm_UnaryOp<"log"> { let summary = "natural logarithm"; }
def Tfm_SqrtOp : Tfm_UnaryOp<"sqrt"> { let summary = "square root"; }
def Tfm_RsqrtOp : Tfm_UnaryOp<"rsqrt"> { let summary = "1 / sqrt(x)"; }
def Tfm_ReciprocalOp : Tfm_UnaryOp<"reciprocal"> { let summary = "1 / x"; }
def Tfm_TanhOp : Tfm_UnaryOp<"tanh"> { let summary = "hyperbolic tangent"; }
def Tfm_ErfOp : Tfm_UnaryOp<"erf"> { let summary = "Gauss error function"; }
def Tfm_SigmoidOp : Tfm_UnaryOp<"sigmoid"> { let summary = "1 / (1 + e^-x)"; }
def Tfm_ReluOp : Tfm_UnaryOp<"relu", Tfm_NumericTensor> { let summary = "max(x, 0)"; }
def Tfm_SinOp : Tfm_UnaryOp<"sin"> { let summary = "sine"; }
def Tfm_CosOp : Tfm_UnaryOp<"cos"> { let summary = "cosine"; }
def Tfm_FloorOp : Tfm_UnaryOp<"floor"> { let summary = "round toward -inf"; }
def Tfm_CeilOp : Tfm_UnaryOp<"ceil"> { let summary = "round toward +inf"; }
def Tfm_RoundOp : Tfm_UnaryOp<"round"> {
  let summary = "round half to even";
}
def Tfm_SignOp : Tfm_UnaryOp<"sign", Tfm_NumericTensor> { let summary = "sign(x)"; }
def Tfm_NotOp : Tfm_UnaryOp<"not", Tfm_BoolTensor> { let summary = "logical not"; }

def Tfm_ClampOp : Tfm_SameTypeOp<"clamp"> {
  let summary = "min(max(x, min), max)";
  let arguments = (ins Tfm_FloatTensor:$input, F32Attr:$min, F32Attr:$max);
  let results = (outs Tfm_FloatTensor:$output);
  let hasVerifier = 1;
}

def Tfm_LeakyReluOp : Tfm_SameTypeOp<"leaky_relu"> {
  let summary = "x >= 0 ? x : alpha * x";
  let arguments = (ins Tfm_FloatTensor:$input, F32Attr:$alpha);
  let results = (outs Tfm_FloatTensor:$output);
}

def Tfm_HardSigmoidOp : Tfm_SameTypeOp<"hard_sigmoid"> {
  let summary = "max(0, min(1, alpha * x + beta))";
  let arguments = (ins Tfm_FloatTensor:$input, F32Attr:$alpha, F32Attr:$beta);
  let results = (outs Tfm_FloatTensor:$output);
}

class Tfm_BinaryOp<string mnemonic, Type operandType = Tfm_NumericTensor,
                   list<Trait> traits = []>
    : Tfm_InferredOp<mnemonic, traits> {
  let arguments = (ins operandType:$lhs, operandType:$rhs);
  let results = (outs operandType:$output);
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *, std::optional<::mlir::Location> loc,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &types) {
      return inferBroadcastResult(loc, {adaptor.getLhs(), adaptor.getRhs()},
                                  /*elementType=*/nullptr, types);
    }
  }];
}

def Tfm_AddOp : Tfm_BinaryOp<"add", Tfm_NumericTensor, [Commutative]> {
  let summary = "lhs + rhs";
}
def Tfm_SubOp : Tfm_BinaryOp<"sub"> { let summary = "lhs - rhs"; }
def Tfm_MulOp : Tfm_BinaryOp<"mul", Tfm_NumericTensor, [Commutative]> {
  let summary = "lhs * rhs";
}
def Tfm_DivOp : Tfm_BinaryOp<"div"> {
  let summary = "lhs / rhs (integer division truncates)";
}
def Tfm_PowOp : Tfm_BinaryOp<"pow", Tfm_FloatTensor> { let summary = "lhs ^ rhs"; }
def Tfm_MaxOp : Tfm_BinaryOp<"max", Tfm_NumericTensor, [Commutative]> {
  let summary = "elementwise maximum";
}
def Tfm_MinOp : Tfm_BinaryOp<"min", Tfm_NumericTensor, [Commutative]> {
  let summary = "elementwise minimum";
}
def Tfm_AndOp : Tfm_BinaryOp<"and", Tfm_BoolTensor, [Commutative]> {
  let summary = "logical and";
}
def Tfm_OrOp : Tfm_BinaryOp<"or", Tfm_BoolTensor, [Commutative]> {
  let summary = "logical or";
}
def Tfm_XorOp : Tfm_BinaryOp<"xor", Tfm_BoolTensor, [Commutative]> {
  let summary = "logical exclusive or";
}

class Tfm_CompareOp<string mnemonic> : Tfm_InferredOp<mnemonic> {
  let arguments = (ins Tfm_NumericTensor:$lhs, Tfm_NumericTensor:$rhs);
  let results = (outs Tfm_BoolTensor:$output);
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *ctx, std::optional<::mlir::Location> loc,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &types) {
      return inferBroadcastResult(loc, {adaptor.getLhs(), adaptor.getRhs()},
                                  ::mlir::IntegerType::get(ctx, 1), types);
    }
  }];
}
def Tfm_EqualOp : Tfm_CompareOp<"equal"> { let summary = "lhs == rhs"; }
def Tfm_LessOp : Tfm_CompareOp<"less"> { let summary = "lhs < rhs"; }
def Tfm_LessEqualOp : Tfm_CompareOp<"less_equal"> { let summary = "lhs <= rhs"; }
def Tfm_GreaterOp : Tfm_CompareOp<"greater"> { let summary = "lhs > rhs"; }
def Tfm_GreaterEqualOp : Tfm_CompareOp<"greater_equal"> {
  let summary = "lhs >= rhs";
}

def Tfm_SelectOp : Tfm_InferredOp<"select"> {
  let summary = "condition ? on_true : on_false, with broadcasting";
  let arguments = (ins Tfm_BoolTensor:$condition, Tfm_Tensor:$on_true,
                       Tfm_Tensor:$on_false);
  let results = (outs Tfm_Tensor:$output);
}

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

class Tfm_ReduceOp<string mnemonic> : Tfm_InferredOp<mnemonic> {
  let arguments = (ins Tfm_NumericTensor:$input, DenseI64ArrayAttr:$axes,
                       DefaultValuedAttr<BoolAttr, "true">:$keep_dims);
  let results = (outs Tfm_NumericTensor:$output);
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *, std::optional<::mlir::Location> loc,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &types) {
      return inferReduceResult(loc, adaptor.getInput(), adaptor.getAxes(),
                               adaptor.getKeepDims(), nullptr, types);
    }
  }];
  let description = [{
    `axes` are sorted, unique and non-negative; an empty list reduces nothing
    (the op is then an identity).
  }];
}
def Tfm_ReduceSumOp : Tfm_ReduceOp<"reduce_sum"> { let summary = "sum over axes"; }
def Tfm_ReduceMeanOp : Tfm_ReduceOp<"reduce_mean"> { let summary = "mean over axes"; }
def Tfm_ReduceMaxOp : Tfm_ReduceOp<"reduce_max"> { let summary = "maximum over axes"; }
def Tfm_ReduceMinOp : Tfm_ReduceOp<"reduce_min"> { let summary = "minimum over axes"; }
def Tfm_ReduceProdOp : Tfm_ReduceOp<"reduce_prod"> { let summary = "product over axes"; }

class Tfm_ArgReduceOp<string mnemonic> : Tfm_InferredOp<mnemonic> {
  let arguments = (ins Tfm_NumericTensor:$input, I64Attr:$axis,
                       DefaultValuedAttr<BoolAttr, "true">:$keep_dims,
                       DefaultValuedAttr<BoolAttr, "false">:$select_last_index);
  let results = (outs StaticShapeTensorOf<[I64]>:$output);
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *ctx, std::optional<::mlir::Location> loc,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &types) {
      int64_t axis = adaptor.getAxis();
      return inferReduceResult(loc, adaptor.getInput(), {axis},
                               adaptor.getKeepDims(),
                               ::mlir::IntegerType::get(ctx, 64), types);
    }
  }];
}
def Tfm_ArgMaxOp : Tfm_ArgReduceOp<"argmax"> { let summary = "index of the maximum"; }
def Tfm_ArgMinOp : Tfm_ArgReduceOp<"argmin"> { let summary = "index of the minimum"; }

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

def Tfm_ReshapeOp : Tfm_Op<"reshape"> {
  let summary = "reinterpret the elements (row-major) under a new static shape";
  let arguments = (ins Tfm_Tensor:$input);
  let results = (outs Tfm_Tensor:$output);
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Tfm_BroadcastToOp : Tfm_Op<"broadcast_to"> {
  let summary = "numpy-broadcast the input to the result shape";
  let arguments = (ins Tfm_Tensor:$input);
  let results = (outs Tfm_Tensor:$output);
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Tfm_CastOp : Tfm_Op<"cast"> {
  let summary = "convert the element type (same shape)";
  let arguments = (ins Tfm_Tensor:$input);
  let results = (outs Tfm_Tensor:$output);
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Tfm_TransposeOp : Tfm_InferredOp<"transpose"> {
  let summary = "permute dimensions: result dim i is input dim perm[i]";
  let arguments = (ins Tfm_Tensor:$input, DenseI64ArrayAttr:$perm);
  let results = (outs Tfm_Tensor:$output);
  let hasFolder = 1;
}

def Tfm_SliceOp : Tfm_InferredOp<"slice"> {
  let summary = "strided slice (strides may be negative)";
  let description = [{
    Along each dimension d the result holds `sizes[d]` elements taken at
    `offsets[d] + i * strides[d]`; every index touched must be in bounds.
  }];
  let arguments = (ins Tfm_Tensor:$input, DenseI64ArrayAttr:$offsets,
                       DenseI64ArrayAttr:$sizes, DenseI64ArrayAttr:$strides);
  let results = (outs Tfm_Tensor:$output);
  let hasFolder = 1;
}

def Tfm_ConcatOp : Tfm_InferredOp<"concat"> {
  let summary = "concatenate along an axis";
  let arguments = (ins Variadic<Tfm_Tensor>:$inputs, I64Attr:$axis);
  let results = (outs Tfm_Tensor:$output);
  let hasFolder = 1;
}

def Tfm_GatherOp : Tfm_InferredOp<"gather"> {
  let summary = "take slices of data along axis at the given indices";
  let description = [{
    Result shape is data[:axis] + indices.shape + data[axis+1:]. Negative
    indices count from the end of the axis (ONNX semantics).
  }];
  let arguments = (ins Tfm_Tensor:$data, Tfm_IndexTensor:$indices, I64Attr:$axis);
  let results = (outs Tfm_Tensor:$output);
}

def Tfm_PadOp : Tfm_InferredOp<"pad"> {
  let summary = "pad each dimension with low/high elements";
  let arguments = (ins Tfm_Tensor:$input, DenseI64ArrayAttr:$low,
                       DenseI64ArrayAttr:$high, Tfm_PadModeAttr:$mode,
                       DefaultValuedAttr<F64Attr, "0.0">:$value);
  let results = (outs Tfm_Tensor:$output);
}

class Tfm_Pool2dOp<string mnemonic> : Tfm_InferredOp<mnemonic> {
  let results = (outs Tfm_FloatTensor:$output);
  let description = [{
    NCHW input. `kernel`, `strides`, `dilations` are [h, w]; `padding` is
    [top, left, bottom, right]; `ceil_mode` rounds the output size up.
  }];
}
def Tfm_MaxPool2dOp : Tfm_Pool2dOp<"max_pool2d"> {
  let summary = "2-D max pooling";
  let arguments = (ins Tfm_FloatTensor:$input, DenseI64ArrayAttr:$kernel,
                       DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$padding,
                       DenseI64ArrayAttr:$dilations,
                       DefaultValuedAttr<BoolAttr, "false">:$ceil_mode);
}
def Tfm_AvgPool2dOp : Tfm_Pool2dOp<"avg_pool2d"> {
  let summary = "2-D average pooling";
  let arguments = (ins Tfm_FloatTensor:$input, DenseI64ArrayAttr:$kernel,
                       DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$padding,
                       DefaultValuedAttr<BoolAttr, "false">:$ceil_mode,
                       DefaultValuedAttr<BoolAttr, "false">:$count_include_pad);
}

#endif // TFM_OPS_TD
