//===- ModelBuilder.h - small ONNX models for importer tests ----*- C++ -*-===//
//
// Builds ModelProtos in code so that each test states the exact opset form
// it exercises, and writes them to a fresh temporary directory.
//
//===----------------------------------------------------------------------===//
#ifndef TCC_TEST_UNIT_IMPORTER_MODELBUILDER_H
#define TCC_TEST_UNIT_IMPORTER_MODELBUILDER_H

#include "onnx/onnx_pb.h"

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace tcc::test {

/// A dimension that is either fixed or symbolic.
struct Dim {
  Dim(int64_t value) : value(value) {}
  Dim(const char *param) : param(param) {}
  int64_t value = -1;
  std::string param;
};

class ModelBuilder {
public:
  explicit ModelBuilder(int64_t opset) {
    model.set_ir_version(opset >= 15 ? 8 : 7);
    model.set_producer_name("tcc-importer-test");
    auto *id = model.add_opset_import();
    id->set_domain("");
    id->set_version(opset);
    model.mutable_graph()->set_name("test");
  }

  onnx::GraphProto &graph() { return *model.mutable_graph(); }

  void input(const std::string &name, int32_t type, std::vector<Dim> dims) {
    fillValueInfo(graph().add_input(), name, type, dims);
  }
  /// A graph output of `rank` unknown dimensions (the checker requires a
  /// shape on the main graph's outputs).
  void output(const std::string &name, int rank,
              int32_t type = onnx::TensorProto::FLOAT) {
    std::vector<Dim> dims;
    for (int d = 0; d < rank; ++d)
      dims.emplace_back(Dim(""));
    auto *info = graph().add_output();
    fillValueInfo(info, name, type, dims);
  }

  onnx::TensorProto &floats(const std::string &name, std::vector<int64_t> dims,
                            const std::vector<float> &values) {
    onnx::TensorProto &t = tensor(name, onnx::TensorProto::FLOAT, dims);
    t.set_raw_data(std::string(reinterpret_cast<const char *>(values.data()),
                               values.size() * sizeof(float)));
    return t;
  }
  onnx::TensorProto &ints(const std::string &name, std::vector<int64_t> dims,
                          const std::vector<int64_t> &values) {
    onnx::TensorProto &t = tensor(name, onnx::TensorProto::INT64, dims);
    for (int64_t v : values)
      t.add_int64_data(v);
    return t;
  }
  onnx::TensorProto &tensor(const std::string &name, int32_t type,
                            std::vector<int64_t> dims) {
    onnx::TensorProto *t = graph().add_initializer();
    t->set_name(name);
    t->set_data_type(type);
    for (int64_t d : dims)
      t->add_dims(d);
    return *t;
  }

  onnx::NodeProto &node(const std::string &op, std::vector<std::string> inputs,
                        std::vector<std::string> outputs,
                        const std::string &name = "") {
    onnx::NodeProto *n = graph().add_node();
    n->set_op_type(op);
    n->set_name(name.empty() ? outputs.front() : name);
    for (auto &i : inputs)
      n->add_input(i);
    for (auto &o : outputs)
      n->add_output(o);
    return *n;
  }

  static void attr(onnx::NodeProto &n, const std::string &name, int64_t v) {
    auto *a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::INT);
    a->set_i(v);
  }
  static void attrf(onnx::NodeProto &n, const std::string &name, float v) {
    auto *a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::FLOAT);
    a->set_f(v);
  }
  static void attrs(onnx::NodeProto &n, const std::string &name,
                    std::vector<int64_t> v) {
    auto *a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::INTS);
    for (int64_t x : v)
      a->add_ints(x);
  }
  static void attrstr(onnx::NodeProto &n, const std::string &name,
                      const std::string &v) {
    auto *a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::STRING);
    a->set_s(v);
  }

  /// Writes the model as DIR/model.onnx in a new temporary directory and
  /// returns the file's path.
  std::string write() {
    char pattern[] = "/tmp/tcc-importer-test-XXXXXX";
    dir = mkdtemp(pattern);
    std::string path = dir + "/model.onnx";
    std::ofstream out(path, std::ios::binary);
    model.SerializeToOstream(&out);
    return path;
  }
  /// The directory of the last write().
  std::string dir;
  onnx::ModelProto model;

private:
  static void fillShape(onnx::ValueInfoProto *info, const std::vector<Dim> &dims) {
    auto *shape = info->mutable_type()->mutable_tensor_type()->mutable_shape();
    for (const Dim &d : dims) {
      auto *dim = shape->add_dim();
      if (!d.param.empty())
        dim->set_dim_param(d.param);
      else if (d.value >= 0)
        dim->set_dim_value(d.value);
    }
  }
  static void fillValueInfo(onnx::ValueInfoProto *info, const std::string &name,
                            int32_t type, const std::vector<Dim> &dims) {
    info->set_name(name);
    info->mutable_type()->mutable_tensor_type()->set_elem_type(type);
    fillShape(info, dims);
  }
};

} // namespace tcc::test

#endif // TCC_TEST_UNIT_IMPORTER_MODELBUILDER_H
