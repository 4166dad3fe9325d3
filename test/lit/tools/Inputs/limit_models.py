#!/usr/bin/python3
"""Write the small models of resource_limits.test and graph_structure.test into OUTDIR.

Each declares what it needs without holding it (no tensor data), so the
files are tiny and only a check that runs before allocation can refuse them
cleanly:
  big_input.onnx        input x float[1048576,1024] (4 GiB) -> Relu
  big_initializer.onnx  initializer W float[268435456] (1 GiB declared, no data) -> Add
  two_weights.onnx      initializers A, B float[100000000] each (400 MB declared) -> Add
  big_result.onnx       x[16384,1] MatMul y[1,16384] -> float[16384,16384] (1 GiB)
  overflow_dims.onnx    input x float[4294967296,4294967296] -> Relu
  cycle.onnx            n0 reads n1's output, n1 reads n0's
  out_of_order.onnx     n1 (Relu of a) listed before n0 that makes a
  self_loop.onnx        a node that reads its own output
  subgraph_attr.onnx    a Relu carrying a graph attribute
  deep_nesting.onnx     graphs nested 200 deep through node attributes
  arena.onnx            x float[64,64]: a = x@x, b = a@x, y = a@b (two 16 KiB intermediates live)
"""
import os
import sys

import onnx
from onnx import TensorProto, helper


def model(nodes, inputs, outputs, initializers=(), opset=13):
    g = helper.make_graph(nodes, "g", inputs, outputs, list(initializers))
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", opset)], producer_name="tcc-test")
    m.ir_version = 7
    return m


def vi(name, shape):
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, shape)


def declared(name, dims):
    return TensorProto(name=name, data_type=TensorProto.FLOAT, dims=dims)


def nested(depth):
    g = helper.make_graph([helper.make_node("Relu", ["x"], ["y"])], "inner", [vi("x", [1])], [vi("y", [1])])
    for _ in range(depth):
        n = helper.make_node("Relu", ["x"], ["y"], name="outer")
        n.attribute.append(helper.make_attribute("body", g))
        g = helper.make_graph([n], "g", [vi("x", [1])], [vi("y", [1])])
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 13)])
    m.ir_version = 7
    return m


def main(out):
    os.makedirs(out, exist_ok=True)
    relu = lambda i, o, name="relu": helper.make_node("Relu", [i], [o], name=name)
    models = {
        "big_input": model([relu("x", "y")], [vi("x", [1 << 20, 1024])], [vi("y", [1 << 20, 1024])]),
        "big_initializer": model([helper.make_node("Add", ["x", "W"], ["y"], name="add")],
                                 [vi("x", [1 << 28])], [vi("y", [1 << 28])], [declared("W", [1 << 28])]),
        "two_weights": model([helper.make_node("Add", ["A", "B"], ["y"], name="add")],
                             [], [vi("y", [100000000])],
                             [declared("A", [100000000]), declared("B", [100000000])]),
        "big_result": model([helper.make_node("MatMul", ["x", "y"], ["z"], name="outer_product")],
                            [vi("x", [16384, 1]), vi("y", [1, 16384])], [vi("z", [16384, 16384])]),
        "overflow_dims": model([relu("x", "y")], [vi("x", [1 << 32, 1 << 32])], [vi("y", [1 << 32, 1 << 32])]),
        "cycle": model([relu("b", "a", "n0"), relu("a", "b", "n1"), relu("x", "y", "n2")],
                       [vi("x", [4])], [vi("y", [4])]),
        "out_of_order": model([relu("a", "y", "n1"), relu("x", "a", "n0")], [vi("x", [4])], [vi("y", [4])]),
        "self_loop": model([helper.make_node("Add", ["x", "y"], ["y"], name="loop")],
                           [vi("x", [4])], [vi("y", [4])]),
        "deep_nesting": nested(200),
        # a and b (16 KiB each) are both live when y = a @ b is computed.
        "arena": model([helper.make_node("MatMul", ["x", "x"], ["a"], name="mm0"),
                        helper.make_node("MatMul", ["a", "x"], ["b"], name="mm1"),
                        helper.make_node("MatMul", ["a", "b"], ["y"], name="mm2")],
                       [vi("x", [64, 64])], [vi("y", [64, 64])]),
    }
    sub = model([relu("x", "y")], [vi("x", [4])], [vi("y", [4])])
    sub.graph.node[0].attribute.append(helper.make_attribute("then_branch", sub.graph))
    models["subgraph_attr"] = sub
    for name, m in models.items():
        with open(os.path.join(out, name + ".onnx"), "wb") as f:
            f.write(m.SerializeToString())


if __name__ == "__main__":
    main(sys.argv[1])
