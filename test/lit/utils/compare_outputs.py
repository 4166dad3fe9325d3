#!/usr/bin/env python3
"""compare_outputs.py REF_DIR OUT_DIR [--tol T]: compare tcc's outputs with a
model's reference outputs.

REF_DIR is a generator's per-model folder (io.json + output_<k>.npy, written
by test/models/generate.py); OUT_DIR holds the NAME.pb files `tcc run`
wrote. The criterion is the issue's: max|tcc - ref| <= tol * max|ref| for
every float output (exact equality for integer and bool outputs).
"""
import argparse
import json
import os
import sys

import numpy as np
import onnx
from onnx import numpy_helper

parser = argparse.ArgumentParser()
parser.add_argument("ref_dir")
parser.add_argument("out_dir")
parser.add_argument("--tol", type=float, default=1e-4)
args = parser.parse_args()

with open(os.path.join(args.ref_dir, "io.json")) as f:
    io = json.load(f)
failed = False
for k, out in enumerate(io["outputs"]):
    ref = np.load(os.path.join(args.ref_dir, out.get("file", f"output_{k}.npy")))
    tensor = onnx.TensorProto()
    with open(os.path.join(args.out_dir, out["name"] + ".pb"), "rb") as f:
        tensor.ParseFromString(f.read())
    got = numpy_helper.to_array(tensor)
    if got.shape != ref.shape:
        print(f"{out['name']}: shape {got.shape} != reference {ref.shape}")
        failed = True
        continue
    if np.issubdtype(ref.dtype, np.floating):
        err = float(np.max(np.abs(got.astype(np.float64) - ref))) if ref.size else 0.0
        scale = float(np.max(np.abs(ref))) if ref.size else 0.0
        ok = err <= args.tol * scale and np.all(np.isfinite(got) == np.isfinite(ref))
        print(f"{out['name']}: max|tcc-ref| = {err:.3g}, max|ref| = {scale:.3g}, "
              f"ratio {err / scale if scale else 0:.3g} (limit {args.tol:g}) {'ok' if ok else 'FAIL'}")
    else:
        ok = np.array_equal(got, ref)
        print(f"{out['name']}: {'equal' if ok else 'DIFFERENT'}")
    failed |= not ok
sys.exit(1 if failed else 0)
