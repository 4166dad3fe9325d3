#!/usr/bin/env python3
"""corrupt_bundle.py OUTDIR INPUT.npy: every corruption of OUTDIR/model.tccb
must make `tcc run` exit 1 with a one-line error, never crash or run.

Flips one byte at every offset (xor 0xff) and truncates at a spread of
lengths, each in a fresh copy of OUTDIR; also removes the bundle and the
shared library.
"""
import os
import shutil
import subprocess
import sys
import tempfile

outdir, input_file = sys.argv[1:3]
with open(os.path.join(outdir, "model.tccb"), "rb") as f:
    original = f.read()

def check(label, mutate):
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, "model")
        shutil.copytree(outdir, copy)
        mutate(copy)
        proc = subprocess.run(["tcc", "run", copy, "--input", f"x={input_file}",
                               "--output-dir", os.path.join(tmp, "out")],
                              capture_output=True, timeout=60)
        # A corrupted name may hold any byte; the message quotes it as is.
        lines = proc.stderr.decode(errors="replace").splitlines()
        if proc.returncode != 1 or len(lines) != 1 or not lines[0].startswith("tcc: error: "):
            sys.exit(f"{label}: exit {proc.returncode}, stderr {proc.stderr!r}")
        if os.path.exists(os.path.join(tmp, "out")):
            sys.exit(f"{label}: wrote outputs from a corrupted artifact")

def write_bundle(data):
    def mutate(copy):
        with open(os.path.join(copy, "model.tccb"), "wb") as f:
            f.write(data)
    return mutate

# CI flips a spread of ~120 offsets (the runtime's unit tests already flip
# every byte of a bundle in-process); TCC_FULL_TESTS=1 flips all of them.
stride = 1 if os.environ.get("TCC_FULL_TESTS") == "1" else max(1, len(original) // 120)
for offset in range(0, len(original), stride):
    flipped = bytearray(original)
    flipped[offset] ^= 0xFF
    check(f"flip at {offset}", write_bundle(bytes(flipped)))
for length in sorted(set([0, 1, 4, 7, 8, 16, len(original) // 2, len(original) - 1])):
    check(f"truncated to {length}", write_bundle(original[:length]))
check("bundle removed", lambda c: os.remove(os.path.join(c, "model.tccb")))
check("library removed", lambda c: os.remove(os.path.join(c, "libmodel.so")))
print(f"{len(range(0, len(original), stride))} flips and the truncations refused")
