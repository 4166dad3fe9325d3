#!/usr/bin/env python3
"""exit_code.py N [--one-line] CMD...: run CMD, pass its output through, and
succeed only if it exits with code N (and, with --one-line, wrote exactly one
line to stderr).

lit's `not` only says "nonzero"; tcc's contract distinguishes user errors (1)
from internal errors (2) and crashes, and promises one-line error messages.
"""
import subprocess
import sys

expected = int(sys.argv[1])
args = sys.argv[2:]
one_line = False
if args and args[0] == "--one-line":
    one_line = True
    args = args[1:]
proc = subprocess.run(args, stderr=subprocess.PIPE, timeout=600)
sys.stderr.write(proc.stderr.decode(errors="replace"))
if proc.returncode != expected:
    sys.stderr.write(f"exit_code.py: expected exit code {expected}, got {proc.returncode}\n")
    sys.exit(1)
lines = proc.stderr.decode(errors="replace").splitlines()
if one_line and len(lines) != 1:
    sys.stderr.write(f"exit_code.py: expected one line on stderr, got {len(lines)}\n")
    sys.exit(1)
