#!/usr/bin/env python3
"""exit_code.py N CMD...: run CMD, pass its output through, succeed iff it exits with N.

lit's `not` only says "nonzero"; tcc's contract distinguishes user errors (1)
from internal errors (2) and crashes, so tests pin the exact code.
"""
import subprocess
import sys

expected = int(sys.argv[1])
proc = subprocess.run(sys.argv[2:])
if proc.returncode != expected:
    sys.stderr.write(f"exit_code.py: expected exit code {expected}, got {proc.returncode}\n")
    sys.exit(1)
