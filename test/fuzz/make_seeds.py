#!/usr/bin/python3
"""Write the committed seed corpus of the fuzzers (run once; output is committed).

Usage: /usr/bin/python3 test/fuzz/make_seeds.py --tcc build/bin/tcc

  corpus/onnx/    one small model per op type tcc imports, taken from the ONNX
                  backend node tests it passes (Debian libonnx-testdata), the
                  first test of each op, files up to 4 KB; plus valid_small
  corpus/bundle/  model.tccb of test/models/bad/valid_small.onnx and of
                  test/models/example/tiny_vit.onnx, compiled by `--tcc`
  corpus/tensor/  .pb and .npy files of every dtype the readers accept, a
                  scalar, an empty tensor, a named TensorProto, a .npy v2
                  header and a big-endian .npy (all numpy/onnx-written)

Deterministic: fixed values, no randomness.
"""
import argparse
import os
import shutil
import subprocess
import tempfile

import numpy as np
import onnx
from onnx import numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
NODE_DATA = "/usr/share/libonnx-testdata/data/node"


def onnx_seeds(out):
    passing = [l.strip() for l in open(os.path.join(ROOT, "test/onnx_node/expected_pass.txt"))
               if l.strip() and not l.startswith("#")]
    seen = set()
    for test in sorted(passing):
        path = os.path.join(NODE_DATA, test, "model.onnx")
        if not os.path.exists(path) or os.path.getsize(path) > 4096:
            continue
        ops = tuple(sorted({n.op_type for n in onnx.load(path).graph.node}))
        if ops in seen:
            continue
        seen.add(ops)
        shutil.copy(path, os.path.join(out, test + ".onnx"))
    shutil.copy(os.path.join(ROOT, "test/models/bad/valid_small.onnx"), out)


def bundle_seeds(out, tcc):
    with tempfile.TemporaryDirectory() as tmp:
        for model in ["test/models/bad/valid_small.onnx", "test/models/example/tiny_vit.onnx"]:
            name = os.path.splitext(os.path.basename(model))[0]
            subprocess.run([tcc, "compile", os.path.join(ROOT, model), "-o",
                            os.path.join(tmp, name)], check=True, stdout=subprocess.DEVNULL)
            shutil.copy(os.path.join(tmp, name, "model.tccb"), os.path.join(out, name + ".tccb"))


def tensor_seeds(out):
    arrays = {
        "f32": np.arange(6, dtype=np.float32).reshape(2, 3) / 4,
        "f16": np.array([1.5, -2, 0], dtype=np.float16),
        "f64": np.array([[3.25]], dtype=np.float64),
        "i8": np.array([-1, 2, -3], dtype=np.int8),
        "u8": np.array([1, 255], dtype=np.uint8),
        "i16": np.array([-300, 7], dtype=np.int16),
        "i32": np.arange(4, dtype=np.int32).reshape(1, 2, 2),
        "i64": np.array([1, -2, 3, 2**40], dtype=np.int64),
        "bool": np.array([True, False, True]),
        "u16": np.array([65535], dtype=np.uint16),
        "u32": np.array([7, 8], dtype=np.uint32),
        "u64": np.array([2**63], dtype=np.uint64),
        "scalar": np.array(2.5, dtype=np.float32),
        "empty": np.zeros((0, 3), dtype=np.float32),
    }
    for name, a in arrays.items():
        np.save(os.path.join(out, name + ".npy"), a)
        with open(os.path.join(out, name + ".pb"), "wb") as f:
            f.write(numpy_helper.from_array(a, name if name == "f32" else None).SerializeToString())
    # Typed-field (not raw_data) encodings, as older exporters write them.
    t = onnx.helper.make_tensor("typed_f32", onnx.TensorProto.FLOAT, [2, 2], [1.0, 2.0, 3.0, 4.0])
    open(os.path.join(out, "typed_f32.pb"), "wb").write(t.SerializeToString())
    t = onnx.helper.make_tensor("typed_i64", onnx.TensorProto.INT64, [3], [1, -1, 5])
    open(os.path.join(out, "typed_i64.pb"), "wb").write(t.SerializeToString())
    np.save(os.path.join(out, "big_endian.npy"), np.array([1, 2], dtype=">i4"))
    np.save(os.path.join(out, "fortran.npy"), np.asfortranarray(np.ones((2, 3), np.float32)))
    with open(os.path.join(out, "v2.npy"), "wb") as f:
        a = np.arange(3, dtype=np.float32)
        np.lib.format.write_array(f, a, version=(2, 0))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tcc", required=True)
    args = ap.parse_args()
    for kind, make in [("onnx", onnx_seeds), ("bundle", lambda d: bundle_seeds(d, args.tcc)),
                       ("tensor", tensor_seeds)]:
        d = os.path.join(HERE, "corpus", kind)
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        make(d)
        print(kind, len(os.listdir(d)), "files",
              sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d)), "bytes")


if __name__ == "__main__":
    main()
