//===- ImporterTest.cpp - ONNX importer behaviour --------------------------===//
#include "ModelBuilder.h"

#include "compiler/onnx/Importer.h"
#include "dialects/tfm/TfmOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace tcc;
using namespace tcc::test;
using onnx::TensorProto;

namespace {

struct Imported {
  std::unique_ptr<mlir::MLIRContext> context =
      std::make_unique<mlir::MLIRContext>();
  mlir::OwningOpRef<mlir::ModuleOp> module;
  std::string error;
  std::string text;

  explicit operator bool() const { return static_cast<bool>(module); }
  /// Number of ops named `name` ("tfm.add") in the module.
  int count(llvm::StringRef name) {
    int n = 0;
    module->walk([&](mlir::Operation *op) {
      n += op->getName().getStringRef() == name;
    });
    return n;
  }
  mlir::func::FuncOp main() {
    return *module->getOps<mlir::func::FuncOp>().begin();
  }
};

Imported importFile(const std::string &path, ImportOptions options = {}) {
  Imported result;
  result.module = importOnnxModel(*result.context, path, options, result.error);
  if (result.module) {
    EXPECT_TRUE(mlir::succeeded(mlir::verify(*result.module)));
    llvm::raw_string_ostream os(result.text);
    result.module->print(os);
  }
  return result;
}

Imported importModel(ModelBuilder &b, ImportOptions options = {}) {
  return importFile(b.write(), std::move(options));
}

std::string badModel(const std::string &name) {
  return std::string(TCC_SOURCE_DIR) + "/test/models/bad/" + name;
}

/// The float values of the constant that feeds operand `index` of the
/// first op named `opName`.
std::vector<float> constantOperand(Imported &m, llvm::StringRef opName,
                                   unsigned index) {
  std::vector<float> values;
  m.module->walk([&](mlir::Operation *op) {
    if (op->getName().getStringRef() != opName || !values.empty())
      return;
    auto c = op->getOperand(index).getDefiningOp<tfm::ConstantOp>();
    if (!c)
      return;
    if (auto dense = llvm::dyn_cast<mlir::DenseElementsAttr>(c.getValue())) {
      for (float v : dense.getValues<float>())
        values.push_back(v);
    } else if (auto res = llvm::dyn_cast<mlir::DenseResourceElementsAttr>(
                   c.getValue())) {
      llvm::ArrayRef<char> data = res.getRawHandle().getBlob()->getData();
      const float *f = reinterpret_cast<const float *>(data.data());
      values.assign(f, f + data.size() / sizeof(float));
    }
  });
  return values;
}

//===----------------------------------------------------------------------===//
// Bad inputs (test/models/bad)
//===----------------------------------------------------------------------===//

TEST(ImporterBadInputs, ValidSmallImports) {
  Imported m = importFile(badModel("valid_small.onnx"));
  ASSERT_TRUE(m) << m.error;
  EXPECT_EQ(m.count("tfm.matmul"), 1);
  EXPECT_EQ(m.count("tfm.relu"), 1);
}

TEST(ImporterBadInputs, OneLineErrors) {
  struct Case {
    const char *file;
    const char *message;
  } cases[] = {
      {"truncated.onnx", "is not a valid ONNX model (protobuf parse error)"},
      {"random_bytes.onnx", "is not a valid ONNX model (protobuf parse error)"},
      {"unsupported_op.onnx", "node 'weird_node': op type 'NonMaxSuppression' "
                              "(opset 13) is not supported"},
      {"dynamic_dim.onnx", "input 'x': dimension 0 ('batch') is dynamic; pin it "
                           "with --input-shape x=D0,D1,..."},
      {"undefined_input.onnx",
       "node 'add0' (Add): input 'ghost' is not defined by any graph input, "
       "initializer or earlier node"},
  };
  for (const Case &c : cases) {
    Imported m = importFile(badModel(c.file));
    EXPECT_FALSE(m) << c.file;
    EXPECT_NE(m.error.find(c.message), std::string::npos)
        << c.file << ": " << m.error;
    EXPECT_EQ(m.error.find('\n'), std::string::npos) << m.error;
  }
}

TEST(ImporterBadInputs, MissingFile) {
  Imported m = importFile("/nonexistent/model.onnx");
  EXPECT_FALSE(m);
  EXPECT_NE(m.error.find("cannot open"), std::string::npos) << m.error;
}

//===----------------------------------------------------------------------===//
// Graph inputs and --input-shape
//===----------------------------------------------------------------------===//

ModelBuilder dynamicRelu() {
  ModelBuilder b(13);
  b.input("x", TensorProto::FLOAT, {"batch", 8});
  b.node("Relu", {"x"}, {"y"});
  b.output("y", 2);
  return b;
}

TEST(ImporterInputs, PinnedShape) {
  ModelBuilder b = dynamicRelu();
  ImportOptions options;
  options.inputShapes["x"] = {4, 8};
  Imported m = importModel(b, options);
  ASSERT_TRUE(m) << m.error;
  EXPECT_EQ(m.main().getFunctionType().getInput(0),
            mlir::RankedTensorType::get({4, 8},
                                        mlir::FloatType::getF32(m.context.get())));
}

TEST(ImporterInputs, PinErrors) {
  struct Case {
    const char *name;
    llvm::SmallVector<int64_t> dims;
    const char *message;
  } cases[] = {
      {"y", {4, 8}, "--input-shape names 'y', which is not a graph input"},
      {"x", {4, 8, 1}, "input 'x': --input-shape gives 3 dimensions but the "
                       "model declares 2"},
      {"x", {4, 9}, "input 'x': --input-shape gives dimension 1 = 9 but the "
                    "model fixes it to 8"},
      {"x", {int64_t(1) << 40, 8}, "at most 2^31 elements"},
  };
  for (const Case &c : cases) {
    ModelBuilder b = dynamicRelu();
    ImportOptions options;
    options.inputShapes[c.name] = c.dims;
    Imported m = importModel(b, options);
    EXPECT_FALSE(m);
    EXPECT_NE(m.error.find(c.message), std::string::npos) << m.error;
  }
}

TEST(ImporterInputs, InitializersAreNotArguments) {
  ModelBuilder b(13);
  b.input("x", TensorProto::FLOAT, {2});
  b.input("w", TensorProto::FLOAT, {2});
  b.floats("w", {2}, {1, 2});
  b.node("Add", {"x", "w"}, {"y"});
  b.output("y", 1);
  Imported m = importModel(b);
  ASSERT_TRUE(m) << m.error;
  EXPECT_EQ(m.main().getNumArguments(), 1u);
  auto names = m.main()->getAttrOfType<mlir::ArrayAttr>("tfm.input_names");
  ASSERT_TRUE(names);
  EXPECT_EQ(names.size(), 1u);
  EXPECT_NE(m.text.find("tfm.onnx_opset = 13"), std::string::npos);
}

TEST(ImporterInputs, OpsetRange) {
  {
    ModelBuilder b(18);
    b.input("x", TensorProto::FLOAT, {2});
    b.node("Relu", {"x"}, {"y"});
    b.output("y", 1);
    Imported m = importModel(b);
    EXPECT_FALSE(m);
    EXPECT_NE(m.error.find("opset 18"), std::string::npos) << m.error;
  }
  {
    // Below 9 a model is read as opset 9 only when its ops did not change
    // in between: Relu (since 6) did not, BatchNormalization (9) did.
    ModelBuilder b(7);
    b.input("x", TensorProto::FLOAT, {2});
    b.node("Relu", {"x"}, {"y"});
    b.output("y", 1);
    Imported m = importModel(b);
    EXPECT_TRUE(m) << m.error;
  }
  {
    ModelBuilder b(7);
    b.input("x", TensorProto::FLOAT, {1, 2});
    for (const char *p : {"s", "b", "m", "v"})
      b.floats(p, {2}, {1, 1});
    b.node("BatchNormalization", {"x", "s", "b", "m", "v"}, {"y"});
    b.output("y", 2);
    Imported m = importModel(b);
    EXPECT_FALSE(m);
    EXPECT_NE(m.error.find("opset 7"), std::string::npos) << m.error;
    EXPECT_NE(m.error.find("BatchNormalization"), std::string::npos) << m.error;
  }
}

//===----------------------------------------------------------------------===//
// Structure errors
//===----------------------------------------------------------------------===//

TEST(ImporterStructure, DuplicateOutputAndUndefinedGraphOutput) {
  {
    ModelBuilder b(13);
    b.input("x", TensorProto::FLOAT, {2});
    b.node("Relu", {"x"}, {"y"}, "r0");
    b.node("Relu", {"x"}, {"y"}, "r1");
    b.output("y", 1);
    Imported m = importModel(b);
    EXPECT_NE(m.error.find("node 'r1' (Relu): output 'y' is already defined"),
              std::string::npos)
        << m.error;
  }
  {
    ModelBuilder b(13);
    b.input("x", TensorProto::FLOAT, {2});
    b.node("Relu", {"x"}, {"y"});
    b.output("z", 1);
    Imported m = importModel(b);
    EXPECT_NE(m.error.find("graph output 'z' is not defined"), std::string::npos)
        << m.error;
  }
}

TEST(ImporterStructure, UnnamedNodeAndWrongAttributeType) {
  ModelBuilder b(13);
  b.input("x", TensorProto::FLOAT, {2, 3});
  onnx::NodeProto &n = b.node("Softmax", {"x"}, {"y"});
  n.clear_name();
  ModelBuilder::attrf(n, "axis", 1.0f);
  b.output("y", 2);
  Imported m = importModel(b);
  EXPECT_FALSE(m);
  // libonnx's checker or the importer rejects it; either way one line
  // naming the attribute.
  EXPECT_NE(m.error.find("axis"), std::string::npos) << m.error;
  EXPECT_EQ(m.error.find('\n'), std::string::npos) << m.error;
}

TEST(ImporterStructure, ShapeErrorIsOneLine) {
  ModelBuilder b(13);
  b.input("a", TensorProto::FLOAT, {2, 3});
  b.input("b", TensorProto::FLOAT, {4, 5});
  b.node("MatMul", {"a", "b"}, {"y"}, "mm");
  b.output("y", 2);
  Imported m = importModel(b);
  EXPECT_FALSE(m);
  EXPECT_NE(m.error.find("node 'mm' (MatMul, opset 13): tfm.matmul: "
                         "contraction dimensions differ"),
            std::string::npos)
      << m.error;
}

TEST(ImporterStructure, AbsurdInitializer) {
  ModelBuilder b(13);
  b.input("x", TensorProto::FLOAT, {2});
  b.tensor("w", TensorProto::FLOAT, {int64_t(1) << 20, int64_t(1) << 20})
      .add_float_data(1.0f);
  b.node("Add", {"x", "w"}, {"y"});
  b.output("y", 2);
  Imported m = importModel(b);
  EXPECT_FALSE(m);
  EXPECT_NE(m.error.find("input 'w' is an initializer of shape [1048576, "
                         "1048576]"),
            std::string::npos)
      << m.error;
}

//===----------------------------------------------------------------------===//
// Shape folding
//===----------------------------------------------------------------------===//

TEST(ImporterFolding, ShapeGatherConcatReshape) {
  ModelBuilder b(13);
  b.input("x", TensorProto::FLOAT, {2, 3, 4});
  b.ints("zero", {}, {0});
  b.ints("minus1", {1}, {-1});
  b.ints("axes0", {1}, {0});
  b.node("Shape", {"x"}, {"s"});
  b.node("Gather", {"s", "zero"}, {"n"});
  b.node("Unsqueeze", {"n", "axes0"}, {"n1"});
  ModelBuilder::attr(b.node("Concat", {"n1", "minus1"}, {"shape"}), "axis", 0);
  b.node("Reshape", {"x", "shape"}, {"y"});
  b.output("y", 2);
  Imported m = importModel(b);
  ASSERT_TRUE(m) << m.error;
  EXPECT_EQ(m.count("tfm.reshape"), 1);
  EXPECT_EQ(m.count("tfm.constant"), 0);
  EXPECT_NE(m.text.find("tensor<2x12xf32>"), std::string::npos);
}

TEST(ImporterFolding, ExpandIdiom) {
  // torch's expand(B, -1, -1): ConstantOfShape -> Mul(-1) -> Equal -> Where.
  ModelBuilder b(13);
  b.input("x", TensorProto::FLOAT, {3, 1, 4});
  b.floats("cls", {1, 1, 4}, {1, 2, 3, 4});
  b.ints("three", {1}, {3});
  b.ints("target", {3}, {3, -1, -1});
  b.ints("minus1", {}, {-1});
  onnx::NodeProto &cos = b.node("ConstantOfShape", {"three"}, {"ones"});
  onnx::AttributeProto *value = cos.add_attribute();
  value->set_name("value");
  value->set_type(onnx::AttributeProto::TENSOR);
  value->mutable_t()->set_data_type(TensorProto::INT64);
  value->mutable_t()->add_dims(1);
  value->mutable_t()->add_int64_data(1);
  b.node("Mul", {"ones", "minus1"}, {"neg"});
  b.node("Equal", {"target", "neg"}, {"eq"});
  b.node("Where", {"eq", "ones", "target"}, {"shape"});
  b.node("Expand", {"cls", "shape"}, {"e"});
  ModelBuilder::attr(b.node("Concat", {"e", "x"}, {"y"}), "axis", 1);
  b.output("y", 3);
  Imported m = importModel(b);
  ASSERT_TRUE(m) << m.error;
  EXPECT_EQ(m.count("tfm.concat"), 1);
  // The expanded constant is folded; nothing i64 or i1 is left.
  EXPECT_EQ(m.text.find("xi64>"), std::string::npos) << m.text;
  EXPECT_EQ(m.text.find("xi1>"), std::string::npos) << m.text;
  EXPECT_EQ(m.count("tfm.broadcast_to"), 0);
}

TEST(ImporterFolding, FoldedGraphOutputIsReturned) {
  ModelBuilder b(13);
  b.input("x", TensorProto::FLOAT, {2, 5});
  b.node("Shape", {"x"}, {"s"});
  b.output("s", 1, TensorProto::INT64);
  Imported m = importModel(b);
  ASSERT_TRUE(m) << m.error;
  EXPECT_NE(m.text.find("dense<[2, 5]> : tensor<2xi64>"), std::string::npos)
      << m.text;
}

//===----------------------------------------------------------------------===//
// Opset forms
//===----------------------------------------------------------------------===//

TEST(ImporterOpsets, SoftmaxBefore13FlattensAtAxis) {
  for (int64_t opset : {11, 13}) {
    ModelBuilder b(opset);
    b.input("x", TensorProto::FLOAT, {2, 3, 4});
    ModelBuilder::attr(b.node("Softmax", {"x"}, {"y"}), "axis", 1);
    b.output("y", 3);
    Imported m = importModel(b);
    ASSERT_TRUE(m) << m.error;
    EXPECT_EQ(m.count("tfm.softmax"), 1);
    // Opset 11 normalises over dims 1 and 2 together: [2, 12], axis 1.
    EXPECT_EQ(m.count("tfm.reshape"), opset < 13 ? 2 : 0) << opset;
  }
}

TEST(ImporterOpsets, LogSoftmaxIsStable) {
  ModelBuilder b(13);
  b.input("x", TensorProto::FLOAT, {2, 3});
  b.node("LogSoftmax", {"x"}, {"y"});
  b.output("y", 2);
  Imported m = importModel(b);
  ASSERT_TRUE(m) << m.error;
  EXPECT_EQ(m.count("tfm.softmax"), 0);
  EXPECT_EQ(m.count("tfm.reduce_max"), 1);
  EXPECT_EQ(m.count("tfm.reduce_sum"), 1);
}

TEST(ImporterOpsets, SliceAttributeAndInputForms) {
  std::string printed[2];
  int k = 0;
  for (int64_t opset : {9, 13}) {
    ModelBuilder b(opset);
    b.input("x", TensorProto::FLOAT, {4, 10});
    onnx::NodeProto *n;
    if (opset < 10) {
      n = &b.node("Slice", {"x"}, {"y"}, "s");
      ModelBuilder::attrs(*n, "starts", {1, -3});
      ModelBuilder::attrs(*n, "ends", {INT64_MAX, 1000});
      ModelBuilder::attrs(*n, "axes", {0, 1});
    } else {
      b.ints("starts", {2}, {1, -3});
      b.ints("ends", {2}, {INT64_MAX, 1000});
      b.ints("axes", {2}, {0, 1});
      n = &b.node("Slice", {"x", "starts", "ends", "axes"}, {"y"}, "s");
    }
    b.output("y", 2);
    Imported m = importModel(b);
    ASSERT_TRUE(m) << m.error;
    m.module->walk([&](tfm::SliceOp op) {
      EXPECT_EQ(op.getOffsets(), llvm::ArrayRef<int64_t>({1, 7}));
      EXPECT_EQ(op.getSizes(), llvm::ArrayRef<int64_t>({3, 3}));
      llvm::raw_string_ostream os(printed[k]);
      op.print(os);
    });
    ++k;
  }
  EXPECT_EQ(printed[0], printed[1]);
}

TEST(ImporterOpsets, SliceNegativeStep) {
  ModelBuilder b(13);
  b.input("x", TensorProto::FLOAT, {10});
  b.ints("starts", {1}, {-1});
  b.ints("ends", {1}, {INT64_MIN});
  b.ints("axes", {1}, {0});
  b.ints("steps", {1}, {-3});
  b.node("Slice", {"x", "starts", "ends", "axes", "steps"}, {"y"});
  b.output("y", 1);
  Imported m = importModel(b);
  ASSERT_TRUE(m) << m.error;
  m.module->walk([&](tfm::SliceOp op) {
    // Elements 9, 6, 3, 0.
    EXPECT_EQ(op.getOffsets(), llvm::ArrayRef<int64_t>({9}));
    EXPECT_EQ(op.getSizes(), llvm::ArrayRef<int64_t>({4}));
    EXPECT_EQ(op.getStrides(), llvm::ArrayRef<int64_t>({-3}));
  });
}

TEST(ImporterOpsets, SqueezeUnsqueezeForms) {
  for (int64_t opset : {11, 13}) {
    ModelBuilder b(opset);
    b.input("x", TensorProto::FLOAT, {3, 1, 4});
    if (opset < 13) {
      ModelBuilder::attrs(b.node("Squeeze", {"x"}, {"s"}), "axes", {-2});
      ModelBuilder::attrs(b.node("Unsqueeze", {"s"}, {"y"}), "axes", {0, 3});
    } else {
      b.ints("sa", {1}, {-2});
      b.ints("ua", {2}, {0, 3});
      b.node("Squeeze", {"x", "sa"}, {"s"});
      b.node("Unsqueeze", {"s", "ua"}, {"y"});
    }
    b.output("y", 4);
    Imported m = importModel(b);
    ASSERT_TRUE(m) << m.error;
    EXPECT_NE(m.text.find("-> tensor<1x3x4x1xf32>"), std::string::npos) << m.text;
  }
}

TEST(ImporterOpsets, ClipForms) {
  for (int64_t opset : {9, 12}) {
    ModelBuilder b(opset);
    b.input("x", TensorProto::FLOAT, {4});
    if (opset < 11) {
      onnx::NodeProto &n = b.node("Clip", {"x"}, {"y"});
      ModelBuilder::attrf(n, "min", 0.0f);
      ModelBuilder::attrf(n, "max", 6.0f);
    } else {
      b.floats("lo", {}, {0.0f});
      b.floats("hi", {}, {6.0f});
      b.node("Clip", {"x", "lo", "hi"}, {"y"});
    }
    b.output("y", 1);
    Imported m = importModel(b);
    ASSERT_TRUE(m) << m.error;
    EXPECT_EQ(m.count("tfm.clamp"), 1);
    EXPECT_NE(m.text.find("max = 6.000000e+00"), std::string::npos) << m.text;
  }
}

TEST(ImporterOpsets, SplitForms) {
  for (int64_t opset : {11, 13}) {
    ModelBuilder b(opset);
    b.input("x", TensorProto::FLOAT, {2, 6});
    onnx::NodeProto *n;
    if (opset < 13) {
      n = &b.node("Split", {"x"}, {"a", "b"});
      ModelBuilder::attrs(*n, "split", {2, 4});
    } else {
      b.ints("split", {2}, {2, 4});
      n = &b.node("Split", {"x", "split"}, {"a", "b"});
    }
    ModelBuilder::attr(*n, "axis", -1);
    b.output("a", 2);
    b.output("b", 2);
    Imported m = importModel(b);
    ASSERT_TRUE(m) << m.error;
    EXPECT_EQ(m.count("tfm.slice"), 2);
    EXPECT_NE(m.text.find("-> tensor<2x4xf32>"), std::string::npos);
  }
}

TEST(ImporterOpsets, PadFormsAndNegativePads) {
  for (int64_t opset : {9, 13}) {
    ModelBuilder b(opset);
    b.input("x", TensorProto::FLOAT, {4, 4});
    std::vector<int64_t> pads = {1, -1, 0, 2};
    if (opset < 11) {
      onnx::NodeProto &n = b.node("Pad", {"x"}, {"y"});
      ModelBuilder::attrs(n, "pads", pads);
      ModelBuilder::attrf(n, "value", 1.5f);
    } else {
      b.ints("pads", {4}, pads);
      b.floats("v", {}, {1.5f});
      b.node("Pad", {"x", "pads", "v"}, {"y"});
    }
    b.output("y", 2);
    Imported m = importModel(b);
    ASSERT_TRUE(m) << m.error;
    EXPECT_EQ(m.count("tfm.slice"), 1);
    EXPECT_EQ(m.count("tfm.pad"), 1);
    EXPECT_NE(m.text.find("-> tensor<5x5xf32>"), std::string::npos) << m.text;
  }
}

TEST(ImporterOpsets, ReduceSumForms) {
  {
    ModelBuilder b(11);
    b.input("x", TensorProto::FLOAT, {2, 3, 4});
    onnx::NodeProto &n = b.node("ReduceSum", {"x"}, {"y"});
    ModelBuilder::attrs(n, "axes", {-1, 0});
    ModelBuilder::attr(n, "keepdims", 0);
    b.output("y", 1);
    Imported m = importModel(b);
    ASSERT_TRUE(m) << m.error;
    EXPECT_NE(m.text.find("axes = array<i64: 0, 2>"), std::string::npos) << m.text;
    EXPECT_NE(m.text.find("keep_dims = false"), std::string::npos) << m.text;
  }
  {
    ModelBuilder b(13);
    b.input("x", TensorProto::FLOAT, {2, 3});
    ModelBuilder::attr(b.node("ReduceSum", {"x"}, {"y"}), "noop_with_empty_axes", 1);
    b.output("y", 2);
    Imported m = importModel(b);
    ASSERT_TRUE(m) << m.error;
    EXPECT_EQ(m.count("tfm.reduce_sum"), 0);
  }
}

TEST(ImporterOpsets, Conv1dAndSamePadding) {
  ModelBuilder b(13);
  b.input("x", TensorProto::FLOAT, {1, 2, 10});
  b.floats("w", {4, 2, 3}, std::vector<float>(24, 0.25f));
  onnx::NodeProto &n = b.node("Conv", {"x", "w"}, {"y"});
  ModelBuilder::attrstr(n, "auto_pad", "SAME_UPPER");
  ModelBuilder::attrs(n, "strides", {2});
  b.output("y", 3);
  Imported m = importModel(b);
  ASSERT_TRUE(m) << m.error;
  // in 10, stride 2 -> out 5, total padding (5-1)*2+3-10 = 1, at the end.
  EXPECT_NE(m.text.find("padding = array<i64: 0, 0, 0, 1>"), std::string::npos)
      << m.text;
  EXPECT_NE(m.text.find("-> tensor<1x4x5xf32>"), std::string::npos) << m.text;
  // The weight is re-typed to [4, 2, 1, 3] without a reshape op.
  EXPECT_EQ(m.count("tfm.reshape"), 2);
}

TEST(ImporterOpsets, TrainingOutputsAreErrorsOnlyWhenRead) {
  ModelBuilder b(17);
  b.input("x", TensorProto::FLOAT, {2, 4});
  b.floats("g", {4}, {1, 1, 1, 1});
  b.node("LayerNormalization", {"x", "g"}, {"y", "mean"}, "ln");
  b.output("y", 2);
  Imported ok = importModel(b);
  ASSERT_TRUE(ok) << ok.error;
  EXPECT_EQ(ok.count("tfm.layer_norm"), 1);
  b.output("mean", 2);
  Imported m = importModel(b);
  EXPECT_FALSE(m);
  EXPECT_NE(m.error.find("graph output 'mean' is output #1 of "
                         "LayerNormalization node 'ln'"),
            std::string::npos)
      << m.error;
}

TEST(ImporterOpsets, UnsupportedOpWithoutName) {
  ModelBuilder b(13);
  b.input("x", TensorProto::FLOAT, {2});
  b.node("Hardmax", {"x"}, {"y"}).clear_name();
  b.output("y", 1);
  Imported m = importModel(b);
  EXPECT_EQ(m.error, "node '#0': op type 'Hardmax' (opset 13) is not supported");
}

//===----------------------------------------------------------------------===//
// Weights
//===----------------------------------------------------------------------===//

TEST(ImporterWeights, GemmTransposesAndScalesB) {
  ModelBuilder b(13);
  b.input("a", TensorProto::FLOAT, {1, 2});
  b.floats("B", {3, 2}, {1, 2, 3, 4, 5, 6}); // [N=3, K=2]
  b.floats("C", {3}, {10, 20, 30});
  onnx::NodeProto &n = b.node("Gemm", {"a", "B", "C"}, {"y"});
  ModelBuilder::attr(n, "transB", 1);
  ModelBuilder::attrf(n, "alpha", 2.0f);
  ModelBuilder::attrf(n, "beta", 0.5f);
  b.output("y", 2);
  Imported m = importModel(b);
  ASSERT_TRUE(m) << m.error;
  ASSERT_EQ(m.count("tfm.linear"), 1);
  EXPECT_EQ(constantOperand(m, "tfm.linear", 1),
            std::vector<float>({2, 6, 10, 4, 8, 12}));
  EXPECT_EQ(constantOperand(m, "tfm.linear", 2), std::vector<float>({5, 10, 15}));
}

TEST(ImporterWeights, LargeWeightsAreResourceBlobs) {
  ModelBuilder b(13);
  b.input("x", TensorProto::FLOAT, {1, 8});
  b.floats("layer/0:weight", {8, 8}, std::vector<float>(64, 0.5f));
  std::vector<float> ramp(64);
  for (int i = 0; i < 64; ++i)
    ramp[i] = i;
  b.floats("layer/1:weight", {8, 8}, ramp);
  b.node("MatMul", {"x", "layer/0:weight"}, {"h"});
  b.node("MatMul", {"h", "layer/1:weight"}, {"y"});
  b.output("y", 2);
  Imported m = importModel(b);
  ASSERT_TRUE(m) << m.error;
  // A splat stays inline whatever its size; other weights become blobs with
  // keys derived from their names.
  EXPECT_NE(m.text.find("dense<5.000000e-01> : tensor<8x8xf32>"), std::string::npos);
  EXPECT_NE(m.text.find("dense_resource<layer_1_weight>"), std::string::npos)
      << m.text;
}

TEST(ImporterWeights, TypedFields) {
  ModelBuilder b(13);
  b.input("x", TensorProto::INT64, {3});
  TensorProto &i8 = b.tensor("i8", TensorProto::INT8, {3});
  for (int v : {-1, 2, -3})
    i8.add_int32_data(v);
  b.ints("i64", {3}, {10, 20, 30});
  TensorProto &d = b.tensor("d", TensorProto::DOUBLE, {2});
  d.add_double_data(0.25);
  d.add_double_data(-2);
  TensorProto &h = b.tensor("h", TensorProto::FLOAT16, {1});
  h.add_int32_data(0x3C00); // 1.0 in binary16
  b.node("Cast", {"i8"}, {"i8_64"}).add_attribute()->CopyFrom([] {
    onnx::AttributeProto a;
    a.set_name("to");
    a.set_type(onnx::AttributeProto::INT);
    a.set_i(TensorProto::INT64);
    return a;
  }());
  b.node("Add", {"i8_64", "i64"}, {"sum"});
  b.node("Mul", {"sum", "x"}, {"y"});
  b.output("y", 1, TensorProto::INT64);
  b.output("d", 1, TensorProto::DOUBLE);
  b.output("h", 1, TensorProto::FLOAT16);
  Imported m = importModel(b);
  ASSERT_TRUE(m) << m.error;
  EXPECT_NE(m.text.find("dense<[9, 22, 27]> : tensor<3xi64>"), std::string::npos)
      << m.text;
  EXPECT_NE(m.text.find("dense<[2.500000e-01, -2.000000e+00]> : tensor<2xf64>"),
            std::string::npos)
      << m.text;
  EXPECT_NE(m.text.find("dense<1.000000e+00> : tensor<1xf16>"), std::string::npos)
      << m.text;
}

/// A model whose weight lives in an external file beside it.
std::string externalModel(ModelBuilder &b, const std::string &location,
                          bool writeData = true) {
  b.input("x", TensorProto::FLOAT, {1, 16});
  TensorProto &w = b.tensor("w", TensorProto::FLOAT, {16, 16});
  w.set_data_location(TensorProto::EXTERNAL);
  auto *loc = w.add_external_data();
  loc->set_key("location");
  loc->set_value(location);
  auto *offset = w.add_external_data();
  offset->set_key("offset");
  offset->set_value("16");
  b.node("MatMul", {"x", "w"}, {"y"});
  b.output("y", 2);
  std::string path = b.write();
  if (writeData) {
    std::ofstream out(b.dir + "/" + location, std::ios::binary);
    std::vector<float> data(4 + 256);
    for (int i = 0; i < 256; ++i)
      data[4 + i] = i;
    out.write(reinterpret_cast<const char *>(data.data()),
              data.size() * sizeof(float));
  }
  return path;
}

TEST(ImporterWeights, ExternalData) {
  ModelBuilder b(13);
  Imported m = importFile(externalModel(b, "weights.bin"));
  ASSERT_TRUE(m) << m.error;
  std::vector<float> w = constantOperand(m, "tfm.matmul", 1);
  ASSERT_EQ(w.size(), 256u);
  EXPECT_EQ(w[0], 0.0f);
  EXPECT_EQ(w[255], 255.0f);
}

TEST(ImporterWeights, ExternalDataMustStayInTheModelDirectory) {
  {
    ModelBuilder b(13);
    Imported m = importFile(externalModel(b, "../escape.bin", false));
    EXPECT_FALSE(m);
    EXPECT_EQ(m.error.find('\n'), std::string::npos);
    EXPECT_NE(m.error.find("escape.bin"), std::string::npos) << m.error;
  }
  {
    // A symbolic link inside the directory that points outside it.
    ModelBuilder b(13);
    std::string path = externalModel(b, "link.bin", false);
    std::filesystem::create_symlink("/etc/hostname", b.dir + "/link.bin");
    Imported m = importFile(path);
    EXPECT_FALSE(m);
    EXPECT_NE(m.error.find("leaves the model's directory"), std::string::npos)
        << m.error;
  }
  {
    ModelBuilder b(13);
    Imported m = importFile(externalModel(b, "missing.bin", false));
    EXPECT_FALSE(m);
    EXPECT_NE(m.error.find("missing.bin"), std::string::npos) << m.error;
  }
}

//===----------------------------------------------------------------------===//
// Determinism
//===----------------------------------------------------------------------===//

TEST(ImporterDeterminism, SameFileSameText) {
  std::string path = badModel("valid_small.onnx");
  Imported first = importFile(path);
  Imported second = importFile(path);
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first.text, second.text);
}

} // namespace
