#!/usr/bin/python3
"""Write a valid ONNX model with about 100 MB of float32 weights (for size/stress tests).

Usage:  /usr/bin/python3 test/models/gen_big_weights.py OUT.onnx

Model (opset 13): input x [1,2500] -> 4 x (MatMul with a 2500x2500 initializer) -> output y
[1,2500]; 4 * 2500 * 2500 * 4 B = 100,000,000 bytes of weights, stored as raw_data.
Weights: numpy.random.default_rng(99), standard normal scaled by 1/sqrt(2500) (keeps y O(1)).
Byte-identical between runs; takes about a second.
"""

import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

SEED = 99
N = 2500
LAYERS = 4


def main(argv):
    if len(argv) != 1:
        sys.stderr.write("usage: gen_big_weights.py OUT.onnx\n")
        return 1
    rng = np.random.default_rng(SEED)
    inits, nodes = [], []
    prev = "x"
    for i in range(LAYERS):
        w = rng.standard_normal((N, N), dtype=np.float32)
        w *= np.float32(1.0 / np.sqrt(N))
        inits.append(numpy_helper.from_array(w, "w%d" % i))  # raw_data, no python lists
        out = "y" if i == LAYERS - 1 else "h%d" % i
        nodes.append(helper.make_node("MatMul", [prev, "w%d" % i], [out], name="matmul%d" % i))
        prev = out
    graph = helper.make_graph(nodes, "big_weights",
                              [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, N])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, N])],
                              initializer=inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="tcc-test-gen")
    model.ir_version = 7
    onnx.checker.check_model(model)  # < 2 GB, so the in-memory checker is fine
    os.makedirs(os.path.dirname(os.path.abspath(argv[0])), exist_ok=True)
    with open(argv[0], "wb") as f:
        f.write(model.SerializeToString())
    print("%s: %d bytes" % (argv[0], os.path.getsize(argv[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
