//===- Importer.cpp - ONNX model -> func.func @main of tfm ops ------------===//
//
// The steps, in order: parse the protobuf; check the opset, that every op
// is supported and that every name is defined before use (tcc's own checks
// come first so their messages are precise); run libonnx's checker; pin the
// graph inputs' shapes; walk the nodes in order, folding shape computations
// and emitting tfm ops; cross-check the shapes against libonnx's shape
// inference (best effort); return the graph outputs. Every user error
// surfaces as one line.
//
//===----------------------------------------------------------------------===//
#include "compiler/onnx/Importer.h"

#include "compiler/onnx/ImportError.h"
#include "compiler/onnx/ImportState.h"
#include "compiler/onnx/NodeContext.h"
#include "compiler/onnx/OpImporters/OpImporters.h"
#include "dialects/tfm/TfmDialect.h"
#include "dialects/tfm/TfmOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include "onnx/checker.h"
#include "onnx/defs/schema.h"
#include "onnx/shape_inference/implementation.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <exception>
#include <fcntl.h>
#include <new>
#include <unistd.h>

using namespace mlir;
using namespace tcc;
using namespace tcc::importer;

namespace {

constexpr int64_t kMinOpset = 9;
constexpr int64_t kMaxOpset = 17;
/// Nesting the second parse of a failed model allows (see failParse).
constexpr int kDeepNestingProbe = 2000;

bool isDefaultDomain(StringRef domain) {
  return domain.empty() || domain == "ai.onnx";
}

/// Collapses a multi-line message (libonnx's checker adds context on new
/// lines) into one line, and shows other control bytes (a corrupted model's
/// names may hold NULs or escapes) as '?', so the message is printable.
std::string oneLine(StringRef text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space)
      out.push_back(' ');
    space = false;
    out.push_back((static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c);
  }
  return out;
}

std::string nodeDisplayName(const onnx::NodeProto &node, int index) {
  return node.name().empty() ? "#" + std::to_string(index) : node.name();
}

class Importer {
public:
  Importer(MLIRContext &context, StringRef path, const ImportOptions &options)
      : context(context), path(path.str()), options(options), builder(&context) {}
  /// Imports from `bytes` instead of reading `name`.
  Importer(MLIRContext &context, StringRef bytes, StringRef name,
           StringRef modelDir, const ImportOptions &options)
      : context(context), path(name.str()), modelDir(modelDir.str()),
        options(options), builder(&context), memory(bytes), fromMemory(true) {}

  OwningOpRef<ModuleOp> run();

private:
  void parse();
  [[noreturn]] void failParse(StringRef bytes);
  void checkOpsets();
  void checkResources();
  void checkStructure();
  void runChecker();
  void readInputTypes();
  void prepareShapeModel();
  void walkNodes(ImportState &state);
  void crossCheck(ImportState &state);

  MLIRContext &context;
  std::string path;
  std::string modelDir;
  const ImportOptions &options;
  OpBuilder builder;
  onnx::ModelProto model;
  int64_t opset = 0;
  llvm::StringSet<> initializerNames;
  /// Graph inputs that are not initializers, in order, with their types.
  std::vector<std::pair<std::string, RankedTensorType>> inputs;
  /// The model for libonnx's shape inference: pinned inputs, no weights.
  onnx::ModelProto shapeModel;
  StringRef memory;
  bool fromMemory = false;
};

void Importer::parse() {
  if (fromMemory) {
    if (memory.size() > static_cast<uint64_t>(INT_MAX))
      fail("'" + path + "' is larger than 2 GiB, the protobuf limit; store the "
           "weights as external data");
    google::protobuf::io::CodedInputStream coded(
        reinterpret_cast<const uint8_t *>(memory.data()),
        static_cast<int>(memory.size()));
    coded.SetTotalBytesLimit(INT_MAX);
    if (!model.ParseFromCodedStream(&coded) || !coded.ConsumedEntireMessage())
      failParse(memory);
    if (!model.has_graph())
      fail("'" + path + "' is not a valid ONNX model (it has no graph)");
    return;
  }
  if (llvm::sys::fs::is_directory(path))
    fail("cannot read '" + path + "': it is a directory");
  uint64_t size = 0;
  if (std::error_code ec = llvm::sys::fs::file_size(path, size))
    fail("cannot open '" + path + "': " + ec.message());
  // protobuf messages are limited to 2 GiB; larger models keep their
  // weights in external data files.
  if (size > static_cast<uint64_t>(INT_MAX))
    fail("'" + path + "' is larger than 2 GiB, the protobuf limit; store the "
         "weights as external data");
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    fail("cannot open '" + path + "': " + std::strerror(errno));
  bool ok;
  {
    google::protobuf::io::FileInputStream file(fd);
    google::protobuf::io::CodedInputStream coded(&file);
    coded.SetTotalBytesLimit(INT_MAX);
    ok = model.ParseFromCodedStream(&coded) && coded.ConsumedEntireMessage();
  }
  if (!ok) {
    // Read again only to tell the user why (nesting), on failure only.
    std::string bytes(size, '\0');
    ok = ::pread(fd, bytes.data(), size, 0) == static_cast<ssize_t>(size);
    ::close(fd);
    failParse(ok ? StringRef(bytes) : StringRef());
  }
  ::close(fd);
  if (!model.has_graph())
    fail("'" + path + "' is not a valid ONNX model (it has no graph)");

  SmallString<256> dir(path);
  llvm::sys::path::remove_filename(dir);
  if (dir.empty())
    dir = ".";
  SmallString<256> real;
  modelDir = llvm::sys::fs::real_path(dir, real) ? std::string(dir) : std::string(real);
}

/// A parse failed: says whether it was only protobuf's nesting limit (100
/// messages deep, which bounds the parser's and the checker's recursion),
/// by parsing once more with a higher limit, which the parser's stack use
/// (a few hundred bytes per level) allows.
void Importer::failParse(StringRef bytes) {
  std::string prefix = "'" + path + "' is not a valid ONNX model (";
  if (!bytes.empty()) {
    google::protobuf::io::CodedInputStream coded(
        reinterpret_cast<const uint8_t *>(bytes.data()),
        static_cast<int>(bytes.size()));
    coded.SetTotalBytesLimit(INT_MAX);
    coded.SetRecursionLimit(kDeepNestingProbe);
    onnx::ModelProto deep;
    if (deep.ParseFromCodedStream(&coded) && coded.ConsumedEntireMessage())
      fail(prefix + "its messages nest more than 100 deep, e.g. subgraphs "
                    "inside subgraphs; tcc imports no subgraphs)");
  }
  fail(prefix + "protobuf parse error)");
}

void Importer::checkOpsets() {
  std::optional<int64_t> version;
  for (const onnx::OperatorSetIdProto &id : model.opset_import())
    if (isDefaultDomain(id.domain()))
      version = id.version();
  if (!version)
    fail("the model does not import the default ONNX operator set (ai.onnx)");
  if (*version > kMaxOpset || *version < 1)
    fail("the model uses ONNX opset " + Twine(*version) + "; tcc supports opsets " +
         Twine(kMinOpset) + " to " + Twine(kMaxOpset));
  opset = *version;
  if (opset >= kMinOpset)
    return;
  // An older model is read as opset 9 when every op it uses has the same
  // definition in both (ONNX's schema registry gives the version each
  // definition dates from): the bytes then mean exactly what they would in
  // an opset 9 model, so no conversion is needed.
  for (const onnx::NodeProto &node : model.graph().node()) {
    if (!isDefaultDomain(node.domain()))
      continue;
    const onnx::OpSchema *old =
        onnx::OpSchemaRegistry::Schema(node.op_type(), static_cast<int>(opset), "");
    const onnx::OpSchema *v9 =
        onnx::OpSchemaRegistry::Schema(node.op_type(), static_cast<int>(kMinOpset), "");
    if (!old || !v9 || old->since_version() != v9->since_version())
      fail("the model uses ONNX opset " + Twine(opset) + " and its op '" +
           node.op_type() + "' changed before opset " + Twine(kMinOpset) +
           "; tcc supports opsets " + Twine(kMinOpset) + " to " + Twine(kMaxOpset) +
           " (and older models whose ops are unchanged since)");
  }
  opset = kMinOpset;
}

/// Definition-before-use, unique definitions, supported ops: checked before
/// libonnx's checker, whose messages span several lines and do not always
/// name the value.
void Importer::checkStructure() {
  const onnx::GraphProto &graph = model.graph();
  llvm::StringSet<> defined;
  for (const onnx::TensorProto &t : graph.initializer()) {
    if (!defined.insert(t.name()).second)
      fail("initializer " + quoted(t.name()) + " is defined twice");
    initializerNames.insert(t.name());
  }
  for (const onnx::SparseTensorProto &t : graph.sparse_initializer())
    if (!defined.insert(t.values().name()).second)
      fail("initializer " + quoted(t.values().name()) + " is defined twice");
  llvm::StringSet<> inputNames;
  for (const onnx::ValueInfoProto &input : graph.input()) {
    if (input.name().empty())
      fail("a graph input has no name");
    if (!inputNames.insert(input.name()).second)
      fail("graph input " + quoted(input.name()) + " is listed twice");
    defined.insert(input.name());
  }
  for (int i = 0; i < graph.node_size(); ++i) {
    const onnx::NodeProto &node = graph.node(i);
    std::string name = nodeDisplayName(node, i);
    if (!isDefaultDomain(node.domain()) || !lookupOpImporter(node.op_type())) {
      std::string op = isDefaultDomain(node.domain())
                           ? node.op_type()
                           : node.domain() + "." + node.op_type();
      std::string version;
      for (const onnx::OperatorSetIdProto &id : model.opset_import())
        if (id.domain() == node.domain() ||
            (isDefaultDomain(id.domain()) && isDefaultDomain(node.domain())))
          version = " (opset " + std::to_string(id.version()) + ")";
      fail("node " + quoted(name) + ": op type " + quoted(op) + version +
           " is not supported");
    }
    // Control flow (If, Loop, Scan) is refused above as unsupported; a
    // subgraph on any other op is malformed. Refusing every subgraph here
    // also keeps libonnx's checker from recursing into nested graphs.
    for (const onnx::AttributeProto &attr : node.attribute())
      if (attr.has_g() || attr.graphs_size() > 0)
        fail("node " + quoted(name) + " (" + node.op_type() + "): attribute " +
             quoted(attr.name()) + " holds a subgraph; tcc imports no "
             "subgraphs (control flow is not supported)");
    for (const std::string &input : node.input())
      if (!input.empty() && !defined.contains(input)) {
        // ONNX requires nodes in topological order; a value made by a
        // later node means the order is wrong or the graph has a cycle.
        for (int j = i; j < graph.node_size(); ++j)
          if (llvm::is_contained(graph.node(j).output(), input))
            fail("node " + quoted(name) + " (" + node.op_type() + "): input " +
                 quoted(input) + " is produced by " +
                 (j == i ? std::string("the node itself")
                         : "the later node " +
                               quoted(nodeDisplayName(graph.node(j), j))) +
                 "; the graph has a cycle or its nodes are not in "
                 "topological order");
        fail("node " + quoted(name) + " (" + node.op_type() + "): input " +
             quoted(input) +
             " is not defined by any graph input, initializer or earlier node");
      }
    for (const std::string &output : node.output()) {
      if (output.empty())
        continue;
      if (!defined.insert(output).second)
        fail("node " + quoted(name) + " (" + node.op_type() + "): output " +
             quoted(output) + " is already defined by an earlier node, a graph "
             "input or an initializer");
    }
  }
  if (graph.output_size() == 0)
    fail("the graph has no outputs");
  for (const onnx::ValueInfoProto &output : graph.output())
    if (!defined.contains(output.name()))
      fail("graph output " + quoted(output.name()) +
           " is not defined by any node, graph input or initializer");
}

/// --max-memory, from the declared shapes alone (before any tensor data is
/// decoded or copied): each initializer, Constant tensor and graph input
/// must fit, and so must all weights together. Shapes the import computes
/// later are checked op by op (ImportState::maxTensorBytes).
void Importer::checkResources() {
  const uint64_t limit = options.maxMemory;
  auto bytesOf = [&](const onnx::TensorProto &t, StringRef what) -> uint64_t {
    Type element = elementTypeFor(context, t.data_type());
    SmallVector<int64_t> dims(t.dims().begin(), t.dims().end());
    int64_t n = checkedNumElements(dims);
    if (!element || n < 0)
      return 0; // unsupported or invalid: refused with its own message
    uint64_t bytes = uint64_t(n) * byteWidth(element);
    if (bytes > limit)
      fail(what + " " + shapeString(dims) + " needs " + Twine(bytes) +
           " bytes, more than --max-memory=" + Twine(limit));
    return bytes;
  };
  uint64_t weights = 0;
  // The sum stays <= limit and each term is <= limit (<= 2^62, see
  // ImportOptions), so it cannot overflow.
  auto add = [&](uint64_t bytes) {
    weights += bytes;
    if (weights > limit)
      fail("the model's weights need more than --max-memory=" + Twine(limit) +
           " bytes");
  };
  const onnx::GraphProto &graph = model.graph();
  for (const onnx::TensorProto &t : graph.initializer())
    add(bytesOf(t, "initializer " + quoted(t.name())));
  for (int i = 0; i < graph.node_size(); ++i)
    for (const onnx::AttributeProto &attr : graph.node(i).attribute())
      if (attr.has_t())
        add(bytesOf(attr.t(), "node " + quoted(nodeDisplayName(graph.node(i), i)) +
                                  " attribute " + quoted(attr.name())));
}

void Importer::runChecker() {
  // check_model(path) would parse the file a second time; this is its body
  // with the model directory set for external data.
  onnx::checker::CheckerContext ctx;
  if (model.ir_version() <= 0)
    fail("invalid ONNX model: ir_version is not set");
  if (model.ir_version() > onnx::IR_VERSION)
    fail("the model's IR version " + Twine(model.ir_version()) +
         " is newer than this ONNX library supports (" + Twine(onnx::IR_VERSION) +
         ")");
  ctx.set_ir_version(static_cast<int>(model.ir_version()));
  std::unordered_map<std::string, int> imports;
  for (const onnx::OperatorSetIdProto &id : model.opset_import())
    imports[id.domain()] = static_cast<int>(id.version());
  ctx.set_opset_imports(imports);
  ctx.set_model_dir(modelDir);
  onnx::checker::LexicalScopeContext lexical;
  try {
    onnx::checker::check_graph(model.graph(), ctx, lexical);
    if (model.ir_version() >= 8)
      onnx::checker::check_model_local_functions(model, ctx, lexical);
  } catch (const std::exception &e) {
    fail("invalid ONNX model: " + oneLine(e.what()));
  }
}

void Importer::readInputTypes() {
  llvm::StringSet<> inputNames;
  std::string inputList;
  for (const onnx::ValueInfoProto &input : model.graph().input())
    if (!initializerNames.contains(input.name())) {
      inputNames.insert(input.name());
      inputList += (inputList.empty() ? "" : ", ") + input.name();
    }
  for (const auto &entry : options.inputShapes)
    if (!inputNames.contains(entry.getKey()))
      fail("--input-shape names " + quoted(entry.getKey()) +
           ", which is not a graph input (inputs: " + inputList + ")");

  for (onnx::ValueInfoProto &input : *model.mutable_graph()->mutable_input()) {
    const std::string &name = input.name();
    if (initializerNames.contains(name))
      continue;
    std::string what = "input " + quoted(name);
    if (!input.type().has_tensor_type())
      fail(what + " is not a tensor");
    const onnx::TypeProto::Tensor &tensor = input.type().tensor_type();
    Type element = elementTypeFor(context, tensor.elem_type());
    if (!element)
      fail(what + ": element type " + dataTypeName(tensor.elem_type()) +
           " is not supported");
    auto pinned = options.inputShapes.find(name);
    bool isPinned = pinned != options.inputShapes.end();
    SmallVector<int64_t> shape;
    std::string pinHint = "; pin it with --input-shape " + name + "=D0,D1,...";
    if (!tensor.has_shape()) {
      if (!isPinned)
        fail(what + ": the model does not declare its shape" + pinHint);
      shape.assign(pinned->second.begin(), pinned->second.end());
    } else {
      const auto &dims = tensor.shape().dim();
      if (isPinned && pinned->second.size() != static_cast<size_t>(dims.size()))
        fail(what + ": --input-shape gives " + Twine(pinned->second.size()) +
             " dimensions but the model declares " + Twine(dims.size()));
      for (int d = 0; d < dims.size(); ++d) {
        const auto &dim = dims[d];
        if (dim.has_dim_value()) {
          if (isPinned && pinned->second[d] != dim.dim_value())
            fail(what + ": --input-shape gives dimension " + Twine(d) + " = " +
                 Twine(pinned->second[d]) + " but the model fixes it to " +
                 Twine(dim.dim_value()));
          shape.push_back(dim.dim_value());
        } else if (isPinned) {
          shape.push_back(pinned->second[d]);
        } else {
          std::string label =
              dim.has_dim_param() ? quoted(dim.dim_param()) : "unnamed";
          fail(what + ": dimension " + Twine(d) + " (" + label + ") is dynamic" +
               pinHint);
        }
      }
    }
    if (checkedNumElements(shape) < 0)
      fail(what + ": shape " + shapeString(shape) +
           " must be non-negative with at most 2^31 elements");
    uint64_t bytes = uint64_t(checkedNumElements(shape)) * byteWidth(element);
    if (bytes > options.maxMemory)
      fail(what + ": shape " + shapeString(shape) + " needs " + Twine(bytes) +
           " bytes, more than --max-memory=" + Twine(options.maxMemory));
    // Write the pinned shape into the model so that shape inference sees it.
    auto *protoShape = input.mutable_type()->mutable_tensor_type()->mutable_shape();
    protoShape->clear_dim();
    for (int64_t d : shape)
      protoShape->add_dim()->set_dim_value(d);
    inputs.emplace_back(name, RankedTensorType::get(shape, element));
  }
}

/// libonnx's shape inference is a cross-check of the shapes the import
/// computes. It runs on a copy without weights (large initializers and
/// Constant tensors become typed graph inputs), so it costs no weight
/// memory and still sees the small shape tensors it reads; and it runs only
/// after the import has validated every node, because it divides by
/// attributes such as strides without checking them.
void Importer::prepareShapeModel() {
  const onnx::GraphProto &graph = model.graph();
  shapeModel.set_ir_version(model.ir_version());
  *shapeModel.mutable_opset_import() = model.opset_import();
  onnx::GraphProto &copy = *shapeModel.mutable_graph();
  *copy.mutable_input() = graph.input();
  *copy.mutable_output() = graph.output();
  auto addTypedInput = [&](const std::string &name, const onnx::TensorProto &t) {
    onnx::ValueInfoProto *input = copy.add_input();
    input->set_name(name);
    auto *type = input->mutable_type()->mutable_tensor_type();
    type->set_elem_type(t.data_type());
    auto *shape = type->mutable_shape();
    for (int64_t d : t.dims())
      shape->add_dim()->set_dim_value(d);
  };
  // Inference reads the contents of shape-like inputs (integer tensors)
  // and a few tiny float ones (scales); weights only need their type.
  auto isSmall = [](const onnx::TensorProto &t) {
    bool isFloat = t.data_type() == onnx::TensorProto::FLOAT ||
                   t.data_type() == onnx::TensorProto::DOUBLE ||
                   t.data_type() == onnx::TensorProto::FLOAT16 ||
                   t.data_type() == onnx::TensorProto::BFLOAT16;
    return t.data_location() != onnx::TensorProto::EXTERNAL &&
           checkedNumElements(SmallVector<int64_t>(t.dims().begin(), t.dims().end()),
                              isFloat ? kMinBlobElements : kMaxFoldedElements) >= 0;
  };
  for (const onnx::TensorProto &t : graph.initializer()) {
    if (isSmall(t))
      *copy.add_initializer() = t;
    else if (!llvm::any_of(graph.input(), [&](const onnx::ValueInfoProto &i) {
               return i.name() == t.name();
             }))
      addTypedInput(t.name(), t);
  }
  for (const onnx::NodeProto &node : graph.node()) {
    if (node.op_type() == "Constant" && node.attribute_size() == 1 &&
        node.attribute(0).has_t() && !isSmall(node.attribute(0).t()) &&
        node.output_size() == 1) {
      addTypedInput(node.output(0), node.attribute(0).t());
      continue;
    }
    *copy.add_node() = node;
  }
}

void Importer::crossCheck(ImportState &state) {
  try {
    onnx::shape_inference::InferShapes(shapeModel);
  } catch (...) {
    // Not fatal: tfm ops infer their own shapes; only the cross-check is
    // lost.
    return;
  }
  llvm::StringMap<SmallVector<int64_t>> inferred;
  for (const onnx::ValueInfoProto &info : shapeModel.graph().value_info()) {
    if (!info.type().has_tensor_type() || !info.type().tensor_type().has_shape())
      continue;
    SmallVector<int64_t> shape;
    bool isStatic = true;
    for (const auto &dim : info.type().tensor_type().shape().dim()) {
      isStatic &= dim.has_dim_value();
      shape.push_back(dim.dim_value());
    }
    if (isStatic)
      inferred[info.name()] = shape;
  }
  const onnx::GraphProto &graph = model.graph();
  for (int i = 0; i < graph.node_size(); ++i)
    for (const std::string &output : graph.node(i).output()) {
      auto it = inferred.find(output);
      TensorValue *value = state.lookup(output);
      if (it == inferred.end() || !value || !value->unavailable.empty() ||
          value->type.getShape() == ArrayRef<int64_t>(it->second))
        continue;
      fail("node " + quoted(nodeDisplayName(graph.node(i), i)) + " (" +
           graph.node(i).op_type() + ", opset " + Twine(opset) + "): output " +
           quoted(output) + " is " + shapeString(value->type.getShape()) +
           " but ONNX shape inference gives " + shapeString(it->second));
    }
}

void Importer::walkNodes(ImportState &state) {
  onnx::GraphProto &graph = *model.mutable_graph();
  for (int i = 0; i < graph.node_size(); ++i) {
    onnx::NodeProto &node = *graph.mutable_node(i);
    NodeContext ctx(state, node, nodeDisplayName(node, i), opset);
    lookupOpImporter(node.op_type())(node, opset, ctx);
    for (unsigned k = 0; k < ctx.numOutputs(); ++k)
      if (ctx.hasOutput(k) && !state.lookup(node.output(k)))
        ctx.markUnavailable(k, "an output tcc does not compute");
  }
}

OwningOpRef<ModuleOp> Importer::run() {
  parse();
  checkOpsets();
  checkStructure();
  checkResources();
  runChecker();
  readInputTypes();
  prepareShapeModel();

  Location fileLoc = FileLineColLoc::get(&context, path, 0, 0);
  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc);
  builder.setInsertionPointToEnd(module->getBody());
  SmallVector<Type> argTypes;
  for (const auto &input : inputs)
    argTypes.push_back(input.second);
  auto func = builder.create<func::FuncOp>(
      fileLoc, "main", builder.getFunctionType(argTypes, {}));
  Block *entry = func.addEntryBlock();
  builder.setInsertionPointToEnd(entry);

  ImportState state(context, builder, modelDir);
  state.maxTensorBytes = options.maxMemory;
  ScopedDiagnosticHandler diagnostics(&context, [&](Diagnostic &diag) {
    if (diag.getSeverity() == DiagnosticSeverity::Error &&
        state.diagnostic.empty())
      state.diagnostic = oneLine(diag.str());
    return success();
  });

  onnx::GraphProto &graph = *model.mutable_graph();
  for (const onnx::NodeProto &node : graph.node())
    for (const std::string &input : node.input())
      if (!input.empty())
        state.countUse(input);
  for (const onnx::ValueInfoProto &output : graph.output())
    state.countUse(output.name());

  for (auto [index, input] : llvm::enumerate(inputs)) {
    BlockArgument arg = entry->getArgument(index);
    arg.setLoc(NameLoc::get(builder.getStringAttr(input.first)));
    TensorValue value;
    value.type = input.second;
    value.value = arg;
    state.define(input.first, std::move(value));
  }
  // An initializer tcc cannot represent is an error only if something
  // reads it.
  for (onnx::TensorProto &tensor : *graph.mutable_initializer()) {
    TensorValue value;
    SmallVector<int64_t> dims(tensor.dims().begin(), tensor.dims().end());
    if (!elementTypeFor(context, tensor.data_type()))
      value.unavailable = "an initializer of element type " +
                          dataTypeName(tensor.data_type()) +
                          ", which tcc does not support";
    else if (checkedNumElements(dims) < 0)
      value.unavailable = "an initializer of shape " + shapeString(dims) +
                          ", which has negative dimensions or more than 2^31 "
                          "elements";
    else
      value.type = tensorTypeOf(context, tensor, "initializer " + quoted(tensor.name()));
    value.proto = value.unavailable.empty() ? &tensor : nullptr;
    state.define(tensor.name(), std::move(value));
  }
  for (const onnx::SparseTensorProto &tensor : graph.sparse_initializer()) {
    TensorValue value;
    value.unavailable = "a sparse initializer, which tcc does not support";
    state.define(tensor.values().name(), std::move(value));
  }

  walkNodes(state);
  crossCheck(state);
  shapeModel.Clear();

  SmallVector<Value> results;
  SmallVector<Type> resultTypes;
  SmallVector<Attribute> inputNames, outputNames;
  for (const auto &input : inputs)
    inputNames.push_back(builder.getStringAttr(input.first));
  for (const onnx::ValueInfoProto &output : graph.output()) {
    std::string what = "graph output " + quoted(output.name());
    TensorValue *value = state.lookup(output.name());
    if (!value->unavailable.empty())
      fail(what + " is " + value->unavailable);
    if (output.type().has_tensor_type()) {
      const auto &tensor = output.type().tensor_type();
      Type declared = elementTypeFor(context, tensor.elem_type());
      if (tensor.elem_type() != 0 && declared != value->type.getElementType())
        fail(what + ": the model declares element type " +
             dataTypeName(tensor.elem_type()) + " but the graph computes " +
             (declared ? "another" : "a supported one"));
      if (tensor.has_shape()) {
        const auto &dims = tensor.shape().dim();
        bool agrees = dims.size() == value->type.getRank();
        for (int d = 0; agrees && d < dims.size(); ++d)
          agrees = !dims[d].has_dim_value() ||
                   dims[d].dim_value() == value->type.getDimSize(d);
        if (!agrees)
          fail(what + ": the graph computes " +
               shapeString(value->type.getShape()) +
               ", which disagrees with the shape the model declares");
      }
    }
    results.push_back(state.materialise(*value));
    resultTypes.push_back(value->type);
    outputNames.push_back(builder.getStringAttr(output.name()));
  }
  builder.create<func::ReturnOp>(fileLoc, results);
  func.setType(builder.getFunctionType(argTypes, resultTypes));
  func->setAttr("tfm.input_names", builder.getArrayAttr(inputNames));
  func->setAttr("tfm.output_names", builder.getArrayAttr(outputNames));
  (*module)->setAttr("tfm.onnx_opset", builder.getI64IntegerAttr(opset));

  state.diagnostic.clear();
  if (failed(mlir::verify(*module)))
    fail("internal error: the imported module does not verify: " +
         state.diagnostic);
  return module;
}

} // namespace

namespace {
/// Runs an importer, turning every exception into a one-line `error`.
template <typename MakeImporter>
OwningOpRef<ModuleOp> runGuarded(MLIRContext &context, StringRef path,
                                 std::string &error, MakeImporter make) {
  context.loadDialect<func::FuncDialect, tfm::TfmDialect>();
  try {
    Importer importer = make();
    return importer.run();
  } catch (const ImportError &e) {
    error = oneLine(e.message());
  } catch (const std::bad_alloc &) {
    error = "out of memory while importing '" + path.str() + "'";
  } catch (const std::exception &e) {
    error = "internal error while importing '" + path.str() +
            "': " + oneLine(e.what());
  } catch (...) {
    error = "internal error while importing '" + path.str() + "'";
  }
  return nullptr;
}
} // namespace

OwningOpRef<ModuleOp> tcc::importOnnxModel(MLIRContext &context, StringRef path,
                                           const ImportOptions &options,
                                           std::string &error) {
  return runGuarded(context, path, error,
                    [&] { return Importer(context, path, options); });
}

OwningOpRef<ModuleOp> tcc::importOnnxModelFromMemory(
    MLIRContext &context, StringRef bytes, StringRef name, StringRef modelDir,
    const ImportOptions &options, std::string &error) {
  return runGuarded(context, name, error, [&] {
    return Importer(context, bytes, name, modelDir, options);
  });
}
