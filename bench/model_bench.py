#!/usr/bin/env python3
"""model_bench.py [--models a,b] [--rounds R] [--iterations N] [--threads T]

tcc versus ONNX Runtime on the generated test models, per DESIGN.md's
benchmark protocol: the same model, input, thread count and machine, in one
run, alternating tcc and ORT rounds (each round warms up before timing N
iterations), reporting medians and the ratio tcc/ORT. A program that prints
numbers, not a test.

Needs a build (`./build.sh`) and the generated models
(`/usr/bin/python3 test/models/generate.py --out build/test/models`).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
parser = argparse.ArgumentParser()
parser.add_argument("--build", default=os.path.join(ROOT, "build"))
parser.add_argument("--models", default="vit_tiny,bert_encoder,gpt_decoder,hybrid,mha")
parser.add_argument("--rounds", type=int, default=5)
parser.add_argument("--iterations", type=int, default=20)
parser.add_argument("--threads", type=int, default=1)
parser.add_argument("--mcpu", default="native",
                    help="tcc --mcpu (ORT picks the host's best kernels at run time)")
parser.add_argument("--disable-fusion", default="",
                    help="passed to tcc compile, to measure what a fusion gains")
args = parser.parse_args()

tcc = os.path.join(args.build, "bin", "tcc")
models_dir = os.path.join(args.build, "test", "models")
ort_run = os.path.join(ROOT, "test", "ort", "ort_run.js")
env = dict(os.environ, TCC_ORT_DIR=os.path.join(args.build, "ort"))

print(f"machine: {os.uname().machine}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}; "
      f"threads {args.threads}, {args.rounds} rounds x {args.iterations} iterations")
print(f"{'model':<14} {'tcc ms':>10} {'ORT ms':>10} {'tcc/ORT':>8} {'compile s':>10} {'compile MB':>11}")
with tempfile.TemporaryDirectory() as tmp:
    for name in args.models.split(","):
        ref = os.path.join(models_dir, name)
        outdir = os.path.join(tmp, name)
        cmd = [tcc, "compile", os.path.join(models_dir, name + ".onnx"), "-o", outdir]
        if args.mcpu:
            cmd.append(f"--mcpu={args.mcpu}")
        if args.disable_fusion:
            cmd.append(f"--disable-fusion={args.disable_fusion}")
        # Compile time and peak resident memory of the compiler, by GNU time.
        timing = os.path.join(tmp, "time.txt")
        subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", timing, *cmd], check=True,
                       stdout=subprocess.DEVNULL)
        with open(timing) as f:
            compile_s, compile_kb = f.read().split()[-2:]
        with open(os.path.join(ref, "io.json")) as f:
            io = json.load(f)
        inputs = []
        for k, inp in enumerate(io["inputs"]):
            inputs += ["--input", f"{inp['name']}={os.path.join(ref, inp.get('file', f'input_{k}.npy'))}"]
        tcc_times, ort_times = [], []
        for _ in range(args.rounds):
            report = os.path.join(tmp, "report.json")
            subprocess.run([tcc, "run", outdir, *inputs, "--output-dir", os.path.join(tmp, "out"),
                            "--iterations", str(args.iterations), "--threads", str(args.threads),
                            "--report", report], check=True, stdout=subprocess.DEVNULL)
            with open(report) as f:
                tcc_times.append(json.load(f)["median_ms"])
            out = subprocess.run(["node", ort_run, os.path.join(models_dir, name + ".onnx"), ref,
                                  os.path.join(tmp, "ort"), "--iterations", str(args.iterations),
                                  "--threads", str(args.threads)],
                                 check=True, capture_output=True, text=True, env=env).stdout
            ort_times.append(json.loads(out.strip().splitlines()[-1])["median_ms"])
        t, o = statistics.median(tcc_times), statistics.median(ort_times)
        print(f"{name:<14} {t:>10.3f} {o:>10.3f} {t / o:>8.2f} {float(compile_s):>10.2f} "
              f"{int(compile_kb) / 1024:>11.0f}")
        sys.stdout.flush()
