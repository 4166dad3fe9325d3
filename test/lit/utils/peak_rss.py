#!/usr/bin/env python3
"""peak_rss.py --file F --max-ratio R -- CMD...: run CMD and fail unless its
peak resident set size stays below R times the size of F.

Memory is a correctness property for tcc (an importer that copies weights
twice cannot compile large models on small CI machines); the figure is
printed so the issue notes can quote it.
"""
import argparse
import os
import resource
import subprocess
import sys

parser = argparse.ArgumentParser()
parser.add_argument("--file", required=True)
parser.add_argument("--max-ratio", type=float, required=True)
parser.add_argument("cmd", nargs=argparse.REMAINDER)
args = parser.parse_args()
cmd = args.cmd[1:] if args.cmd and args.cmd[0] == "--" else args.cmd

proc = subprocess.run(cmd)
if proc.returncode != 0:
    sys.exit(f"peak_rss.py: command failed with exit code {proc.returncode}")
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
size = os.path.getsize(args.file)
ratio = peak / size
print(f"peak RSS {peak / 2**20:.1f} MiB for a {size / 2**20:.1f} MiB model: {ratio:.2f}x")
if ratio >= args.max_ratio:
    sys.exit(f"peak_rss.py: {ratio:.2f}x is not below {args.max_ratio}x")
