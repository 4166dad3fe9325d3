#!/usr/bin/python3
"""Write the small ONNX files used by the bad-input tests (onnx.helper + numpy only).

Usage:  /usr/bin/python3 test/models/gen_bad_inputs.py OUTDIR      (committed: test/models/bad/)

    valid_small.onnx      valid: y = Relu(x[1,16] @ W[16,16] + b), opset 13
    truncated.onnx        a valid MatMul+Add model (16x16 initializer) cut to half its bytes
    random_bytes.onnx     4096 bytes from numpy.random.default_rng(1234)
    unsupported_op.onnx   valid (passes onnx.checker), opset 13, node `weird_node` of op type
                          NonMaxSuppression (fed by a Relu `relu0`)
    dynamic_dim.onnx      valid, opset 13, input x ['batch', 8] -> Relu -> y
    undefined_input.onnx  node `add0` (Add) reads `ghost`, which nothing defines (fails the checker)

Weights come from numpy.random.default_rng(1234); the output is byte-identical between runs.
"""

import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

SEED = 1234
IR_VERSION = 7  # enough for opset 13; keeps the files readable by older ONNX libraries
PRODUCER = "tcc-test-gen"


def _model(graph, opset=13):
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)], producer_name=PRODUCER)
    m.ir_version = IR_VERSION
    return m


def _matmul_add(rng, relu):
    w = numpy_helper.from_array(rng.standard_normal((16, 16)).astype(np.float32) * 0.25, "W")
    b = numpy_helper.from_array(rng.standard_normal((16,)).astype(np.float32) * 0.1, "b")
    nodes = [helper.make_node("MatMul", ["x", "W"], ["xw"], name="matmul0"),
             helper.make_node("Add", ["xw", "b"], ["h" if relu else "y"], name="add0")]
    if relu:
        nodes.append(helper.make_node("Relu", ["h"], ["y"], name="relu0"))
    graph = helper.make_graph(
        nodes, "valid_small" if relu else "matmul_add",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 16])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 16])],
        initializer=[w, b])
    return _model(graph)


def valid_small(rng):
    return _matmul_add(rng, relu=True)


def unsupported_op():
    max_boxes = numpy_helper.from_array(np.array([4], dtype=np.int64), "max_boxes")
    iou = numpy_helper.from_array(np.array([0.5], dtype=np.float32), "iou_threshold")
    nodes = [
        helper.make_node("Relu", ["scores"], ["scores_pos"], name="relu0"),
        helper.make_node("NonMaxSuppression", ["boxes", "scores_pos", "max_boxes", "iou_threshold"],
                         ["selected"], name="weird_node"),
    ]
    graph = helper.make_graph(
        nodes, "unsupported_op",
        [helper.make_tensor_value_info("boxes", TensorProto.FLOAT, [1, 8, 4]),
         helper.make_tensor_value_info("scores", TensorProto.FLOAT, [1, 1, 8])],
        [helper.make_tensor_value_info("selected", TensorProto.INT64, ["num_selected", 3])],
        initializer=[max_boxes, iou])
    return _model(graph)


def dynamic_dim():
    graph = helper.make_graph(
        [helper.make_node("Relu", ["x"], ["y"], name="relu0")], "dynamic_dim",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", 8])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["batch", 8])])
    return _model(graph)


def undefined_input():
    graph = helper.make_graph(
        [helper.make_node("Add", ["x", "ghost"], ["y"], name="add0")], "undefined_input",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 4])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 4])])
    return _model(graph)


def _write(path, data):
    with open(path, "wb") as f:
        f.write(data)
    print("%-24s %6d bytes" % (os.path.basename(path), len(data)))


def main(argv):
    if len(argv) != 1:
        sys.stderr.write("usage: gen_bad_inputs.py OUTDIR\n")
        return 1
    out = argv[0]
    os.makedirs(out, exist_ok=True)

    good = valid_small(np.random.default_rng(SEED))
    onnx.checker.check_model(good)
    _write(os.path.join(out, "valid_small.onnx"), good.SerializeToString())

    full = _matmul_add(np.random.default_rng(SEED + 1), relu=False)
    onnx.checker.check_model(full)
    data = full.SerializeToString()
    _write(os.path.join(out, "truncated.onnx"), data[: len(data) // 2])

    _write(os.path.join(out, "random_bytes.onnx"), np.random.default_rng(SEED).bytes(4096))

    unsup = unsupported_op()
    onnx.checker.check_model(unsup)
    _write(os.path.join(out, "unsupported_op.onnx"), unsup.SerializeToString())

    dyn = dynamic_dim()
    onnx.checker.check_model(dyn)
    _write(os.path.join(out, "dynamic_dim.onnx"), dyn.SerializeToString())

    _write(os.path.join(out, "undefined_input.onnx"), undefined_input().SerializeToString())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
