#!/usr/bin/python3
"""Corrupt-input corpus: mutated models and bundles through the real `tcc`.

Usage: corrupt_corpus.py --tcc BUILD/bin/tcc --work DIR [--models N] [--bundles N]
                         [--seed S] [--jobs J]

Mutations are generated deterministically from --seed (same seed, same
corpus) from three base models: test/models/bad/valid_small.onnx, the
committed example test/models/example/tiny_vit.onnx and a small model written
here that uses other op families (Conv, Softmax, LayerNorm, Gather, Reshape,
Transpose, Concat). Kinds:
  models   byte flips, truncations, appended garbage, and field mutations
           through the onnx API (dims, dtypes, op types, attributes, opset,
           node order and cycles, subgraphs, external data, raw_data size,
           huge declared shapes, duplicate names, removed nodes).
  bundles  byte flips, truncations, appended bytes, zeroed ranges, and
           field mutations via `flatc` JSON (dims, dtypes, names, arena
           size/alignment, schema version, I/O lists), applied to
           model.tccb of a compiled OUTDIR.
Contract checked for every case (a breach fails the test and is listed):
  - exit code 0 or 1, never >= 2 or a signal, within a timeout;
  - exit 1: exactly one stderr line starting `tcc: error:`; for compile the
    OUTDIR does not exist afterwards and no staging directory is left;
  - a model accepted by compile: `tcc run` on generated inputs exits 0 or 1
    (one line), its OUTDIR holds every artifact file;
  - a bundle: `tcc inspect` and `tcc run` exit 0 or 1; when run exits 0 the
    outputs are byte-identical to the unmutated bundle's; when it exits 1 it
    wrote no output file.
"""
import argparse
import concurrent.futures
import json
import os
import random
import shutil
import subprocess
import sys
import time

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCHEMA = os.path.join(ROOT, "runtime", "schema", "bundle.fbs")
TIMEOUT = 120  # seconds per command; a hang counts as a failure
ARTIFACT_FILES = ["model.o", "libmodel.a", "libmodel.so", "model.h", "model.tccb", "report.json"]


def op_mix_model():
    """Conv -> Reshape -> Transpose -> LayerNorm -> MatMul -> Softmax, plus Gather and Concat."""
    rng = np.random.default_rng(7)
    init = [numpy_helper.from_array(a.astype(np.float32), n) for n, a in [
        ("cw", rng.standard_normal((4, 2, 3, 3)) * 0.3), ("cb", rng.standard_normal(4) * 0.1),
        ("g", np.ones(4)), ("b", np.zeros(4)), ("w", rng.standard_normal((4, 4)) * 0.5)]]
    init += [numpy_helper.from_array(np.array([1, 4, 16], np.int64), "shape"),
             numpy_helper.from_array(np.array([0, 2], np.int64), "idx")]
    nodes = [
        helper.make_node("Conv", ["x", "cw", "cb"], ["c"], name="conv", pads=[1, 1, 1, 1]),
        helper.make_node("Reshape", ["c", "shape"], ["r"], name="reshape"),
        helper.make_node("Transpose", ["r"], ["t"], name="transpose", perm=[0, 2, 1]),
        helper.make_node("LayerNormalization", ["t", "g", "b"], ["n"], name="ln", axis=-1),
        helper.make_node("MatMul", ["n", "w"], ["m"], name="matmul"),
        helper.make_node("Softmax", ["m"], ["s"], name="softmax", axis=-1),
        helper.make_node("Gather", ["s", "idx"], ["ga"], name="gather", axis=1),
        helper.make_node("Concat", ["ga", "s"], ["y"], name="concat", axis=1),
    ]
    graph = helper.make_graph(nodes, "op_mix", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 2, 4, 4])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 18, 4])], init)
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="tcc-corpus")
    m.ir_version = 8
    onnx.checker.check_model(m)
    return m.SerializeToString()


# --- byte-level mutations (models and bundles) --------------------------------

def byte_mutation(data, rng):
    data = bytearray(data)
    kind = rng.choice(["flip", "flip", "set", "truncate", "append", "zero", "dup"])
    if kind == "flip":
        for _ in range(rng.randint(1, 4)):
            i = rng.randrange(len(data))
            data[i] ^= 1 << rng.randrange(8)
    elif kind == "set":
        for _ in range(rng.randint(1, 3)):
            data[rng.randrange(len(data))] = rng.choice([0, 0xff, 0x7f, 0x80, rng.randrange(256)])
    elif kind == "truncate":
        del data[rng.randrange(len(data)):]
    elif kind == "append":
        data += bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    elif kind == "zero":
        i = rng.randrange(len(data))
        data[i:i + rng.randint(1, 16)] = bytes(len(data[i:i + rng.randint(1, 16)]))
    else:
        i, j = sorted(rng.randrange(len(data)) for _ in range(2))
        data[j:j] = data[i:i + 32]
    return bytes(data), "bytes:" + kind


# --- ONNX field mutations -------------------------------------------------------

HUGE = [0, -1, -7, 2**31, 2**40, 2**62, 1 << 20, 65536]


def field_mutation(model_bytes, rng):
    m = onnx.ModelProto()
    m.ParseFromString(model_bytes)
    g = m.graph
    kinds = ["input_dim", "init_dims", "dtype", "op_type", "attr", "opset", "ir_version",
             "reverse_nodes", "cycle", "subgraph", "external", "raw_data", "drop_node",
             "dup_output", "output_name", "swap_inputs", "huge_constant", "nested"]
    kind = rng.choice(kinds)
    nodes = list(g.node)
    if kind == "input_dim" and g.input:
        t = g.input[rng.randrange(len(g.input))].type.tensor_type
        if t.shape.dim:
            t.shape.dim[rng.randrange(len(t.shape.dim))].dim_value = rng.choice(HUGE)
    elif kind == "init_dims" and g.initializer:
        t = g.initializer[rng.randrange(len(g.initializer))]
        if t.dims:
            t.dims[rng.randrange(len(t.dims))] = rng.choice(HUGE)
        else:
            t.dims.append(rng.choice(HUGE))
    elif kind == "dtype":
        target = rng.choice([x for x in list(g.initializer) + list(g.input)])
        if isinstance(target, onnx.TensorProto):
            target.data_type = rng.randrange(0, 25)
        else:
            target.type.tensor_type.elem_type = rng.randrange(0, 25)
    elif kind == "op_type" and nodes:
        nodes[rng.randrange(len(nodes))].op_type = rng.choice(
            ["Relu", "Softmax", "MatMul", "Add", "Reshape", "Conv", "Transpose", "Gather", "Bogus", "If"])
    elif kind == "attr" and nodes:
        n = nodes[rng.randrange(len(nodes))]
        name = rng.choice(["axis", "perm", "pads", "strides", "kernel_shape", "epsilon", "group", "dilations"])
        for a in list(n.attribute):
            if a.name == name:
                n.attribute.remove(a)
        value = rng.choice([rng.choice(HUGE), [rng.choice(HUGE)] * rng.randint(1, 5), 1e30, -3])
        n.attribute.append(helper.make_attribute(name, value))
    elif kind == "opset":
        m.opset_import[0].version = rng.choice([1, 5, 8, 9, 12, 18, 1000, -1])
    elif kind == "ir_version":
        m.ir_version = rng.choice([0, 1, 3, 100, -5])
    elif kind == "reverse_nodes" and len(nodes) > 1:
        del g.node[:]
        g.node.extend(reversed(nodes))
    elif kind == "cycle" and len(nodes) > 1:
        # The first node reads what the last node writes.
        nodes[0].input[0] = nodes[-1].output[0]
        del g.node[:]
        g.node.extend(nodes)
    elif kind == "subgraph" and nodes:
        sub = helper.make_graph([], "sub", [], [])
        nodes[rng.randrange(len(nodes))].attribute.append(helper.make_attribute("body", sub))
    elif kind == "nested" and nodes:
        sub = helper.make_graph([helper.make_node("Relu", ["a"], ["b"])], "s", [], [])
        for _ in range(rng.choice([5, 40, 120])):
            node = helper.make_node("Relu", ["a"], ["b"])
            node.attribute.append(helper.make_attribute("body", sub))
            sub = helper.make_graph([node], "s", [], [])
        nodes[0].attribute.append(helper.make_attribute("body", sub))
    elif kind == "external" and g.initializer:
        t = g.initializer[rng.randrange(len(g.initializer))]
        t.data_location = TensorProto.EXTERNAL
        t.ClearField("raw_data")
        e = t.external_data.add()
        e.key, e.value = "location", rng.choice(["missing.bin", "../../etc/passwd", "/etc/passwd", ""])
    elif kind == "raw_data" and g.initializer:
        t = g.initializer[rng.randrange(len(g.initializer))]
        if t.raw_data:
            t.raw_data = t.raw_data[:rng.randrange(len(t.raw_data))]
    elif kind == "drop_node" and nodes:
        del g.node[rng.randrange(len(nodes))]
    elif kind == "dup_output" and len(nodes) > 1:
        nodes[rng.randrange(len(nodes))].output[0] = nodes[0].output[0]
        del g.node[:]
        g.node.extend(nodes)
    elif kind == "output_name":
        g.output[0].name = rng.choice(["", "nothing", g.input[0].name])
    elif kind == "swap_inputs" and nodes:
        n = nodes[rng.randrange(len(nodes))]
        if len(n.input) > 1:
            n.input[0], n.input[1] = n.input[1], n.input[0]
    elif kind == "huge_constant":
        # Declares a huge shape and holds no data: must be refused from the
        # declaration, before anything of that size is allocated.
        t = TensorProto(name="huge", data_type=TensorProto.FLOAT,
                        dims=[rng.choice([2**20, 2**28, 2**33])])
        g.node.insert(0, helper.make_node("Constant", [], ["huge_c"], value=t))
    return m.SerializeToString(), "onnx:" + kind


# --- bundle field mutations (flatc JSON) ------------------------------------------

def bundle_field_mutation(bundle, rng, tmp):
    src = os.path.join(tmp, "in.tccb")
    open(src, "wb").write(bundle)
    subprocess.run(["flatc", "--json", "--strict-json", "--raw-binary", "-o", tmp, SCHEMA, "--", src],
                   check=True, capture_output=True)
    doc = json.load(open(os.path.join(tmp, "in.json")))
    kind = rng.choice(["dim", "dtype", "name", "arena_size", "arena_alignment", "schema_version",
                       "drop_io", "dup_io", "rank", "weights_size", "strings"])
    io = doc.get(rng.choice(["inputs", "outputs"])) or doc.get("inputs")
    t = io[rng.randrange(len(io))]
    if kind == "dim" and t.get("shape"):
        t["shape"][rng.randrange(len(t["shape"]))] = rng.choice(HUGE + [3, 2])
    elif kind == "dtype":
        t["dtype"] = rng.choice(["float16", "int64", "bool", "uint8", "float64"])
    elif kind == "name":
        t["name"] = rng.choice(["", "other", t["name"] + "x"])
    elif kind == "arena_size":
        doc["arena_size"] = rng.choice([0, 1, 2**40, 2**63, doc.get("arena_size", 0) // 2])
    elif kind == "arena_alignment":
        doc["arena_alignment"] = rng.choice([0, 3, 1 << 31, 4096])
    elif kind == "schema_version":
        doc["schema_version"] = rng.choice([0, 2, 99])
    elif kind == "drop_io":
        io.remove(t)
    elif kind == "dup_io":
        io.append(dict(t))
    elif kind == "rank":
        t["shape"] = (t.get("shape") or []) + [1] * rng.choice([1, 5, 9])
    elif kind == "weights_size":
        doc["weights_size"] = rng.choice([0, 2**62])
    else:
        doc["report_json"] = "x" * rng.choice([0, 100000])
        doc["model_name"] = ""
    out = os.path.join(tmp, "out.json")
    json.dump(doc, open(out, "w"))
    subprocess.run(["flatc", "--binary", "-o", tmp, SCHEMA, out], check=True, capture_output=True)
    return open(os.path.join(tmp, "out.tccb"), "rb").read(), "fields:" + kind


# --- running tcc ---------------------------------------------------------------

def run(cmd):
    start = time.time()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, errors="replace", timeout=TIMEOUT)
        return p.returncode, p.stderr, time.time() - start
    except subprocess.TimeoutExpired:
        return "timeout", "", time.time() - start


def clean_refusal(rc, stderr):
    lines = stderr.splitlines()
    return rc == 1 and len(lines) == 1 and lines[0].startswith("tcc: error:")


def make_inputs(tcc, outdir, dest):
    """Random inputs (fixed seed) matching the signature `tcc inspect --json` reports."""
    p = subprocess.run([tcc, "inspect", outdir, "--json"], capture_output=True, text=True, timeout=TIMEOUT)
    if p.returncode != 0:
        return None
    rng = np.random.default_rng(0)
    args = []
    for i, t in enumerate(json.loads(p.stdout)["inputs"]):
        dtype = {"float32": np.float32, "int64": np.int64, "int32": np.int32, "bool": np.bool_}.get(t["dtype"])
        if dtype is None or int(np.prod(t["shape"])) > 1 << 24:
            return None
        a = (rng.standard_normal(t["shape"]) if dtype == np.float32 else rng.integers(0, 2, t["shape"]))
        path = os.path.join(dest, "in%d.npy" % i)
        np.save(path, np.asarray(a).astype(dtype))
        args += ["--input", t["name"] + "=" + path]
    return args


def check_model_case(tcc, work, index, data, kind):
    case = os.path.join(work, "model_%03d" % index)
    os.makedirs(case)
    model = os.path.join(case, "m.onnx")
    open(model, "wb").write(data)
    outdir = os.path.join(case, "out")
    rc, err, secs = run([tcc, "compile", model, "-o", outdir])
    leftovers = [f for f in os.listdir(case) if f.startswith(".out.tmp")]
    if leftovers:
        return "fail", "staging directory left behind: %s" % leftovers, secs
    if rc == 1:
        if not clean_refusal(rc, err):
            return "fail", "compile exit 1 without exactly one 'tcc: error:' line: %r" % err[:300], secs
        if os.path.exists(outdir):
            return "fail", "refused compile left OUTDIR behind", secs
        shutil.rmtree(case)
        return "refused", err.strip(), secs
    if rc != 0:
        return "fail", "compile exit %s: %s" % (rc, err.strip()[-300:]), secs
    missing = [f for f in ARTIFACT_FILES if not os.path.exists(os.path.join(outdir, f))]
    if missing:
        return "fail", "accepted compile lacks %s" % missing, secs
    inputs = make_inputs(tcc, outdir, case)
    if inputs is None:
        return "fail", "accepted model's OUTDIR cannot be inspected or has unusable inputs", secs
    rc, err, run_secs = run([tcc, "run", outdir, "--output-dir", os.path.join(case, "o")] + inputs)
    secs += run_secs
    if rc == 0 or clean_refusal(rc, err):
        shutil.rmtree(case)
        return "accepted-ran" if rc == 0 else "accepted-run-refused", err.strip(), secs
    return "fail", "tcc run of an accepted model: exit %s: %s" % (rc, err.strip()[-300:]), secs


def check_bundle_case(tcc, work, index, base_outdir, inputs, reference, data, kind):
    case = os.path.join(work, "bundle_%03d" % index)
    outdir = os.path.join(case, "out")
    shutil.copytree(base_outdir, outdir)
    open(os.path.join(outdir, "model.tccb"), "wb").write(data)
    rc, err, secs = run([tcc, "inspect", outdir])
    if not (rc == 0 or clean_refusal(rc, err)):
        return "fail", "inspect exit %s: %s" % (rc, err.strip()[-300:]), secs
    inspect_ok = rc == 0
    outputs = os.path.join(case, "o")
    rc, err, run_secs = run([tcc, "run", outdir, "--output-dir", outputs] + inputs)
    secs += run_secs
    written = sorted(os.listdir(outputs)) if os.path.isdir(outputs) else []
    if rc == 1:
        if not clean_refusal(rc, err):
            return "fail", "run exit 1 without exactly one 'tcc: error:' line: %r" % err[:300], secs
        if written:
            return "fail", "refused run wrote %s" % written, secs
        shutil.rmtree(case)
        return ("verified-but-refused" if inspect_ok else "refused"), err.strip(), secs
    if rc != 0:
        return "fail", "run exit %s: %s" % (rc, err.strip()[-300:]), secs
    got = {f: open(os.path.join(outputs, f), "rb").read() for f in written}
    if got != reference:
        return "fail", "accepted bundle gave different outputs", secs
    shutil.rmtree(case)
    return "accepted-same-output", "", secs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tcc", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--models", type=int, default=200)
    ap.add_argument("--bundles", type=int, default=200)
    ap.add_argument("--seed", type=int, default=20251123)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    tcc = os.path.abspath(args.tcc)
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    work = os.path.abspath(args.work)
    started = time.time()

    bases = {"valid_small": open(os.path.join(ROOT, "test/models/bad/valid_small.onnx"), "rb").read(),
             "tiny_vit": open(os.path.join(ROOT, "test/models/example/tiny_vit.onnx"), "rb").read(),
             "op_mix": op_mix_model()}
    rng = random.Random(args.seed)
    model_cases = []
    for i in range(args.models):
        # tiny_vit takes seconds to compile: one case in ten.
        name = "tiny_vit" if i % 10 == 9 else ("op_mix" if i % 2 else "valid_small")
        data, kind = (byte_mutation if rng.random() < 0.45 else field_mutation)(bases[name], rng)
        model_cases.append((i, data, name + "/" + kind))

    # Bundles: mutate model.tccb of each base model's OUTDIR.
    base_dirs = {}
    for name in ["valid_small", "op_mix"]:
        path = os.path.join(work, name + ".onnx")
        open(path, "wb").write(bases[name])
        outdir = os.path.join(work, name + ".tcc")
        subprocess.run([tcc, "compile", path, "-o", outdir], check=True, capture_output=True, timeout=TIMEOUT)
        os.makedirs(os.path.join(work, name + ".inputs"))
        inputs = make_inputs(tcc, outdir, os.path.join(work, name + ".inputs"))
        ref = os.path.join(work, name + ".ref")
        subprocess.run([tcc, "run", outdir, "--output-dir", ref] + inputs, check=True, capture_output=True,
                       timeout=TIMEOUT)
        reference = {f: open(os.path.join(ref, f), "rb").read() for f in sorted(os.listdir(ref))}
        base_dirs[name] = (outdir, inputs, reference,
                           open(os.path.join(outdir, "model.tccb"), "rb").read())
    bundle_cases = []
    tmp = os.path.join(work, "flatc")
    os.makedirs(tmp)
    for i in range(args.bundles):
        name = "op_mix" if i % 2 else "valid_small"
        outdir, inputs, reference, bundle = base_dirs[name]
        if rng.random() < 0.35 and shutil.which("flatc"):
            data, kind = bundle_field_mutation(bundle, rng, tmp)
        else:
            data, kind = byte_mutation(bundle, rng)
        bundle_cases.append((i, outdir, inputs, reference, data, name + "/" + kind))

    results = []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futures = [(("model", i, kind), pool.submit(check_model_case, tcc, work, i, data, kind))
                   for i, data, kind in model_cases]
        futures += [(("bundle", i, kind), pool.submit(check_bundle_case, tcc, work, i, o, inp, ref, data, kind))
                    for i, o, inp, ref, data, kind in bundle_cases]
        for (what, i, kind), f in futures:
            verdict, detail, secs = f.result()
            results.append((what, i, kind, verdict, detail, secs))

    failures = [r for r in results if r[3] == "fail"]
    for what in ["model", "bundle"]:
        rows = [r for r in results if r[0] == what]
        counts = {}
        for r in rows:
            counts[r[3]] = counts.get(r[3], 0) + 1
        print("%d mutated %ss: %s; slowest case %.1f s" % (
            len(rows), what, ", ".join("%s %d" % kv for kv in sorted(counts.items())),
            max(r[5] for r in rows)))
    for what, i, kind, verdict, detail, secs in failures:
        print("FAIL %s %03d (%s): %s  [kept in %s/%s_%03d]" % (what, i, kind, detail, work, what, i))
    print("total %.0f s" % (time.time() - started))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
