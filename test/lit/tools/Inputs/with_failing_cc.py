#!/usr/bin/python3
"""with_failing_cc.py TOOL ARGS...: run TOOL with a `cc` first on PATH that always fails.

tcc links libmodel.so with cc as the last step of writing OUTDIR, after
model.o, the bundle, the header and libmodel.a are written: a failing cc
makes the compile fail as late as it can. Exits with TOOL's exit code.
"""
import os
import shutil
import subprocess
import sys
import tempfile

tool = shutil.which(sys.argv[1]) or sys.argv[1]
with tempfile.TemporaryDirectory() as bin_dir:
    cc = os.path.join(bin_dir, "cc")
    with open(cc, "w") as f:
        f.write("#!/bin/sh\nexit 1\n")
    os.chmod(cc, 0o755)
    env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""))
    sys.exit(subprocess.run([tool] + sys.argv[2:], env=env).returncode)
