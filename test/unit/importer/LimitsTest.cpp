//===- LimitsTest.cpp - memory import, --max-memory, subgraphs, cycles ----===//
//
// The robustness checks of the importer at the API level: importing from
// memory gives the same module as from a file, and every limit refuses with
// one line that names the tensor or node, before any data is read.
//
//===----------------------------------------------------------------------===//
#include "ModelBuilder.h"

#include "compiler/onnx/Importer.h"

#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

using namespace tcc;
using namespace tcc::test;
using onnx::TensorProto;

namespace {

std::string print(mlir::ModuleOp module) {
  std::string text;
  llvm::raw_string_ostream os(text);
  module.print(os);
  return text;
}

/// Imports `b` from memory; returns the error ("" on success).
std::string importBytes(ModelBuilder &b, ImportOptions options = {},
                        std::string *text = nullptr) {
  mlir::MLIRContext context;
  std::string bytes = b.model.SerializeAsString(), error;
  auto module = importOnnxModelFromMemory(context, bytes, "m.onnx", "/nonexistent",
                                          options, error);
  if (module && text)
    *text = print(*module);
  EXPECT_EQ(!module, !error.empty());
  EXPECT_EQ(error.find('\n'), std::string::npos) << error;
  return error;
}

ModelBuilder reluModel(std::vector<Dim> dims) {
  ModelBuilder b(13);
  b.input("x", TensorProto::FLOAT, dims);
  b.node("Relu", {"x"}, {"y"}, "relu");
  b.output("y", static_cast<int>(dims.size()));
  return b;
}

TEST(Limits, MemoryImportMatchesFileImport) {
  ModelBuilder b = reluModel({2, 3});
  std::string fromMemory;
  ASSERT_EQ(importBytes(b, {}, &fromMemory), "");
  mlir::MLIRContext context;
  std::string error;
  auto module = importOnnxModel(context, b.write(), {}, error);
  ASSERT_TRUE(module) << error;
  EXPECT_NE(fromMemory.find("tfm.relu"), std::string::npos);
  EXPECT_EQ(fromMemory, print(*module));
}

TEST(Limits, GarbageBytesAreOneLineErrors) {
  mlir::MLIRContext context;
  std::string error;
  EXPECT_FALSE(importOnnxModelFromMemory(context, "\x08\x07\x12\xff garbage", "g.onnx",
                                         "/nonexistent", {}, error));
  EXPECT_EQ(error, "'g.onnx' is not a valid ONNX model (protobuf parse error)");
}

TEST(Limits, InputOverMaxMemory) {
  ModelBuilder b = reluModel({1024, 1024}); // 4 MiB
  ImportOptions options;
  options.maxMemory = 1 << 20;
  EXPECT_EQ(importBytes(b, options),
            "input 'x': shape [1024, 1024] needs 4194304 bytes, more than "
            "--max-memory=1048576");
  options.maxMemory = 4 << 20;
  EXPECT_EQ(importBytes(b, options), "");
}

TEST(Limits, DeclaredInitializerRefusedBeforeItsDataIsRead) {
  ModelBuilder b(13);
  b.input("x", TensorProto::FLOAT, {1 << 28});
  b.tensor("W", TensorProto::FLOAT, {1 << 28}); // 1 GiB declared, no data
  b.node("Add", {"x", "W"}, {"y"}, "add");
  b.output("y", 1);
  ImportOptions options;
  options.maxMemory = 512u << 20;
  EXPECT_EQ(importBytes(b, options),
            "initializer 'W' [268435456] needs 1073741824 bytes, more than "
            "--max-memory=536870912");
}

TEST(Limits, ComputedResultOverMaxMemory) {
  ModelBuilder b(13);
  b.input("a", TensorProto::FLOAT, {4096, 1});
  b.input("c", TensorProto::FLOAT, {1, 4096});
  b.node("MatMul", {"a", "c"}, {"y"}, "outer");
  b.output("y", 2);
  ImportOptions options;
  options.maxMemory = 32u << 20; // the result needs 64 MiB
  std::string error = importBytes(b, options);
  EXPECT_NE(error.find("node 'outer' (MatMul, opset 13)"), std::string::npos) << error;
  EXPECT_NE(error.find("needs 67108864 bytes, more than --max-memory=33554432"),
            std::string::npos)
      << error;
}

TEST(Limits, SubgraphAttributeRefused) {
  ModelBuilder b = reluModel({4});
  auto *attr = b.graph().mutable_node(0)->add_attribute();
  attr->set_name("body");
  attr->set_type(onnx::AttributeProto::GRAPH);
  attr->mutable_g()->set_name("inner");
  EXPECT_EQ(importBytes(b),
            "node 'relu' (Relu): attribute 'body' holds a subgraph; tcc "
            "imports no subgraphs (control flow is not supported)");
}

TEST(Limits, CycleNamesTheLaterNode) {
  ModelBuilder b(13);
  b.input("x", TensorProto::FLOAT, {4});
  b.node("Relu", {"b"}, {"a"}, "n0");
  b.node("Relu", {"a"}, {"b"}, "n1");
  b.node("Relu", {"x"}, {"y"}, "n2");
  b.output("y", 1);
  EXPECT_EQ(importBytes(b),
            "node 'n0' (Relu): input 'b' is produced by the later node 'n1'; the "
            "graph has a cycle or its nodes are not in topological order");
}

} // namespace
