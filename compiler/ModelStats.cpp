//===- ModelStats.cpp - op counts, parameters, FLOPs, signature -----------===//
//
// FLOP estimates count a multiply-add as 2 and one FLOP per element for
// elementwise work; transcendental functions count as one, so the figure is
// a lower bound for them and exact for the GEMM-like ops that dominate.
//
//===----------------------------------------------------------------------===//
#include "compiler/ModelStats.h"
#include "dialects/tfm/TfmOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/Format.h"

using namespace mlir;

namespace tcc {
namespace {

int64_t elements(Value v) {
  return cast<RankedTensorType>(v.getType()).getNumElements();
}

std::string dtypeName(Type type) {
  if (type.isF32()) return "float32";
  if (type.isF16()) return "float16";
  if (type.isBF16()) return "bfloat16";
  if (type.isF64()) return "float64";
  if (type.isInteger(1)) return "bool";
  if (auto i = dyn_cast<IntegerType>(type))
    return (i.isUnsigned() ? "uint" : "int") + std::to_string(i.getWidth());
  std::string s;
  llvm::raw_string_ostream os(s);
  os << type;
  return s;
}

TensorSignature signature(std::string name, Type type) {
  auto t = cast<RankedTensorType>(type);
  return {std::move(name), dtypeName(t.getElementType()),
          std::vector<int64_t>(t.getShape().begin(), t.getShape().end())};
}

std::string nameAt(ArrayAttr names, unsigned i, const char *prefix) {
  if (names && i < names.size())
    if (auto s = dyn_cast<StringAttr>(names[i]))
      return s.str();
  return prefix + std::to_string(i);
}

std::string formatShape(const std::vector<int64_t> &shape) {
  std::string s = "[";
  for (size_t i = 0; i < shape.size(); ++i)
    s += (i ? "," : "") + std::to_string(shape[i]);
  return s + "]";
}

} // namespace

int64_t estimateFlops(Operation *op) {
  return llvm::TypeSwitch<Operation *, int64_t>(op)
      .Case([](tfm::LinearOp o) {
        int64_t m = elements(o.getInput()) / o.getWeight().getType().getDimSize(0);
        int64_t k = o.getWeight().getType().getDimSize(0);
        int64_t n = o.getWeight().getType().getDimSize(1);
        return 2 * m * k * n + (o.getBias() ? m * n : 0);
      })
      .Case([](tfm::FusedLinearOp o) {
        // What the unfused ops count: the linear layer, its activation
        // (as tfm.gelu / tfm.relu) and the residual add.
        int64_t k = o.getWeight().getType().getDimSize(0);
        int64_t n = o.getWeight().getType().getDimSize(1);
        int64_t m = elements(o.getInput()) / k;
        int64_t perElement = (o.getBias() ? 1 : 0) + (o.getResidual() ? 1 : 0);
        switch (o.getActivation()) {
        case tfm::Activation::gelu:
        case tfm::Activation::gelu_tanh:
          perElement += 8;
          break;
        case tfm::Activation::relu:
          perElement += 1;
          break;
        case tfm::Activation::none:
          break;
        }
        return 2 * m * k * n + perElement * m * n;
      })
      .Case([](tfm::MatmulOp o) {
        auto lhs = o.getLhs().getType();
        int64_t k = lhs.getShape().back();
        return 2 * elements(o.getOutput()) * k;
      })
      .Case([](tfm::Conv2dOp o) {
        auto w = o.getWeight().getType();
        int64_t perOutput = w.getDimSize(1) * w.getDimSize(2) * w.getDimSize(3);
        return 2 * elements(o.getOutput()) * perOutput +
               (o.getBias() ? elements(o.getOutput()) : 0);
      })
      .Case([](tfm::AttentionOp o) {
        auto q = o.getQuery().getType(), k = o.getKey().getType();
        int64_t rank = q.getRank();
        int64_t batch = q.getNumElements() / (q.getDimSize(rank - 2) * q.getDimSize(rank - 1));
        int64_t sq = q.getDimSize(rank - 2), skv = k.getDimSize(rank - 2);
        int64_t dk = q.getDimSize(rank - 1), dv = o.getValue().getType().getShape().back();
        int64_t heads = o.getNumHeads();
        int64_t scores = batch * heads * sq * skv;
        // QK^T and PV are GEMMs over the per-head feature sizes; scaling,
        // mask, and softmax (max, sub, exp, sum, div) add ~6 per score.
        return 2 * batch * sq * skv * dk + 2 * batch * sq * skv * dv + 6 * scores;
      })
      .Case([](tfm::LayerNormOp o) { return 8 * elements(o.getInput()); })
      .Case([](tfm::BatchNormOp o) { return 2 * elements(o.getInput()); })
      .Case([](tfm::SoftmaxOp o) { return 5 * elements(o.getInput()); })
      .Case([](tfm::GeluOp o) { return 8 * elements(o.getInput()); })
      .Case<tfm::ReduceSumOp, tfm::ReduceMeanOp, tfm::ReduceMaxOp,
            tfm::ReduceMinOp, tfm::ReduceProdOp, tfm::ArgMaxOp, tfm::ArgMinOp>(
          [](Operation *o) { return elements(o->getOperand(0)); })
      .Case([](tfm::MaxPool2dOp o) {
        auto k = o.getKernel();
        return elements(o.getOutput()) * k[0] * k[1];
      })
      .Case([](tfm::AvgPool2dOp o) {
        auto k = o.getKernel();
        return elements(o.getOutput()) * k[0] * k[1];
      })
      .Case<tfm::ConstantOp, tfm::ReshapeOp, tfm::TransposeOp, tfm::SliceOp,
            tfm::ConcatOp, tfm::GatherOp, tfm::PadOp, tfm::CastOp,
            tfm::BroadcastToOp>([](Operation *) { return int64_t(0); })
      .Default([](Operation *o) -> int64_t {
        // Remaining tfm ops are elementwise: one FLOP per result element.
        if (o->getNumResults() == 1 && isa<RankedTensorType>(o->getResult(0).getType()))
          return elements(o->getResult(0));
        return 0;
      });
}

ModelStats computeModelStats(ModuleOp module) {
  ModelStats stats;
  auto main = module.lookupSymbol<func::FuncOp>("main");
  if (!main)
    return stats;
  auto inputNames = main->getAttrOfType<ArrayAttr>("tfm.input_names");
  auto outputNames = main->getAttrOfType<ArrayAttr>("tfm.output_names");
  for (auto [i, type] : llvm::enumerate(main.getArgumentTypes()))
    stats.inputs.push_back(signature(nameAt(inputNames, i, "input_"), type));
  for (auto [i, type] : llvm::enumerate(main.getResultTypes()))
    stats.outputs.push_back(signature(nameAt(outputNames, i, "output_"), type));

  main.walk([&](Operation *op) {
    if (!isa<tfm::TfmDialect>(op->getDialect()))
      return;
    ++stats.opCounts[op->getName().getStringRef().str()];
    if (auto constant = dyn_cast<tfm::ConstantOp>(op)) {
      auto type = cast<RankedTensorType>(constant.getType());
      int64_t bits = type.getElementTypeBitWidth();
      stats.parameterCount += type.getNumElements();
      stats.parameterBytes += (type.getNumElements() * bits + 7) / 8;
      return;
    }
    stats.flops += estimateFlops(op);
  });
  return stats;
}

llvm::json::Object statsToJson(const ModelStats &stats) {
  auto tensors = [](const std::vector<TensorSignature> &list) {
    llvm::json::Array array;
    for (const TensorSignature &t : list)
      array.push_back(llvm::json::Object{
          {"name", t.name}, {"dtype", t.dtype},
          {"shape", llvm::json::Array(t.shape)}});
    return array;
  };
  llvm::json::Object ops;
  for (const auto &[name, count] : stats.opCounts)
    ops[name] = count;
  return llvm::json::Object{
      {"inputs", tensors(stats.inputs)},
      {"outputs", tensors(stats.outputs)},
      {"ops", std::move(ops)},
      {"parameters", llvm::json::Object{{"count", stats.parameterCount},
                                        {"bytes", stats.parameterBytes}}},
      {"flops", stats.flops}};
}

void printStatsTable(const ModelStats &stats, llvm::raw_ostream &os) {
  auto printTensors = [&](const char *title,
                          const std::vector<TensorSignature> &list) {
    os << title << "\n";
    for (const TensorSignature &t : list)
      os << llvm::format("  %-24s %-8s ", t.name.c_str(), t.dtype.c_str())
         << formatShape(t.shape) << "\n";
  };
  printTensors("inputs", stats.inputs);
  printTensors("outputs", stats.outputs);
  os << "ops\n";
  int64_t total = 0;
  for (const auto &[name, count] : stats.opCounts) {
    os << llvm::format("  %-24s %8lld\n", name.c_str(), (long long)count);
    total += count;
  }
  os << llvm::format("  %-24s %8lld\n", static_cast<const char *>("total"),
                     (long long)total);
  os << llvm::format("parameters  %lld (%lld bytes)\n",
                     (long long)stats.parameterCount,
                     (long long)stats.parameterBytes);
  os << llvm::format("flops       %lld (%.3f GFLOP)\n", (long long)stats.flops,
                     stats.flops / 1e9);
}

} // namespace tcc
