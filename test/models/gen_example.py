#!/usr/bin/python3
"""Export the tiny ViT used by the README example, with its reference input and output.

Usage:  /usr/bin/python3 test/models/gen_example.py OUT.onnx

Writes OUT.onnx (ViT: 16x16x3 image, patch 4, dim 32, 2 blocks, 2 heads, 10 classes, opset 13,
input `pixels` [1,3,16,16], output `logits` [1,10]) and, next to it, OUT_input.npy and
OUT_output.npy (torch fp32 reference). Seed 7; the output is byte-identical between runs.
"""

import os
import sys

import numpy as np
import torch

sys.dont_write_bytecode = True  # no __pycache__ inside the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate import ViT, _randomize_affine  # noqa: E402

SEED = 7


def main(argv):
    if len(argv) != 1 or not argv[0].endswith(".onnx"):
        sys.stderr.write("usage: gen_example.py OUT.onnx\n")
        return 1
    out = argv[0]
    stem = out[: -len(".onnx")]
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    torch.set_num_threads(1)
    torch.manual_seed(SEED)
    model = ViT(img_size=16, patch=4, dim=32, depth=2, num_heads=2, num_classes=10)
    _randomize_affine(model)
    model.eval()
    gen = torch.Generator().manual_seed(SEED + 1000)
    pixels = torch.randn(1, 3, 16, 16, generator=gen)
    ref = model(pixels).detach().numpy().astype(np.float32)
    torch.onnx.export(model, (pixels,), out, input_names=["pixels"], output_names=["logits"],
                      opset_version=13, do_constant_folding=True, export_params=True,
                      training=torch.onnx.TrainingMode.EVAL)
    np.save(stem + "_input.npy", pixels.numpy())
    np.save(stem + "_output.npy", ref)
    print("%s: %d bytes" % (out, os.path.getsize(out)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
