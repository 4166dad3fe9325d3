#!/usr/bin/env python3
"""run_reference.py REF_DIR OUTDIR OUT_DIR [tcc run flags...]: run a compiled
model on a generator's reference inputs.

Reads REF_DIR/io.json (written by test/models/generate.py) to pass every
input as --input NAME=FILE to `tcc run OUTDIR`, writing outputs to OUT_DIR.
"""
import json
import os
import subprocess
import sys

ref_dir, outdir, out_dir = sys.argv[1:4]
with open(os.path.join(ref_dir, "io.json")) as f:
    io = json.load(f)
cmd = ["tcc", "run", outdir, "--output-dir", out_dir] + sys.argv[4:]
for k, inp in enumerate(io["inputs"]):
    cmd += ["--input", f"{inp['name']}={os.path.join(ref_dir, inp.get('file', f'input_{k}.npy'))}"]
sys.exit(subprocess.run(cmd).returncode)
