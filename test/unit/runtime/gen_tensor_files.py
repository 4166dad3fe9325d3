#!/usr/bin/python3
"""Writes the reference tensor files the runtime's tensor-file tests read.

numpy (np.save, np.lib.format.write_array) and onnx (numpy_helper.from_array,
helper.make_tensor) are the independent writers the C++ readers are checked
against. Run at build time by test/unit/runtime/CMakeLists.txt:

    gen_tensor_files.py --out DIR [--onnx-node-data /usr/share/libonnx-testdata/data/node]

DIR/files/...             the tensor files
DIR/manifest.tsv          one line per file in DIR/files:
    path  ok     dtype  shape  crc32  exact  name
    path  error  substring-of-the-expected-message
  dtype is tcc's name, shape is comma-separated ("" for a scalar), crc32 is
  zlib.crc32 of the expected dense little-endian bytes, exact is 1 when
  tcc's writer for that format must reproduce the file byte for byte.
DIR/onnx_node_manifest.tsv  the same columns for every TensorProto file of
  the ONNX backend node tests (absolute paths), with the onnx package's
  reading as the expectation.
"""
import argparse
import os
import sys
import zlib

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

# tcc dtype name -> (numpy dtype or None for bfloat16, ONNX data type)
DTYPES = {
    "float32": (np.float32, TensorProto.FLOAT),
    "float16": (np.float16, TensorProto.FLOAT16),
    "bfloat16": (None, TensorProto.BFLOAT16),
    "float64": (np.float64, TensorProto.DOUBLE),
    "int8": (np.int8, TensorProto.INT8),
    "uint8": (np.uint8, TensorProto.UINT8),
    "int16": (np.int16, TensorProto.INT16),
    "int32": (np.int32, TensorProto.INT32),
    "int64": (np.int64, TensorProto.INT64),
    "bool": (np.bool_, TensorProto.BOOL),
    "uint16": (np.uint16, TensorProto.UINT16),
    "uint32": (np.uint32, TensorProto.UINT32),
    "uint64": (np.uint64, TensorProto.UINT64),
}
ONNX_TO_TCC = {onnx_type: name for name, (_, onnx_type) in DTYPES.items()}


def values(name, shape, rng):
    """Deterministic test values covering each type's extremes."""
    np_type = DTYPES[name][0]
    count = int(np.prod(shape)) if shape else 1
    if name == "bool":
        a = rng.integers(0, 2, count).astype(np.bool_)
    elif name in ("float32", "float16", "float64"):
        a = (rng.standard_normal(count) * 100).astype(np_type)
        if count >= 3:
            a[0], a[1], a[2] = np.inf, -0.0, np.finfo(np_type).max
    else:
        info = np.iinfo(np_type)
        a = rng.integers(info.min, info.max, count, dtype=np_type, endpoint=True)
        if count >= 2:
            a[0], a[1] = info.min, info.max
    return a.reshape(shape)


def line(path, name, shape, data, exact, tensor_name=""):
    return "\t".join([path, "ok", name, ",".join(str(d) for d in shape),
                      "%08x" % zlib.crc32(data), "1" if exact else "0",
                      tensor_name])


def write(out_dir, rel, payload):
    with open(os.path.join(out_dir, rel), "wb") as f:
        f.write(payload)


def reference_files(out_dir):
    files = os.path.join(out_dir, "files")
    os.makedirs(files, exist_ok=True)
    rng = np.random.default_rng(20240229)
    lines = []
    for name, (np_type, onnx_type) in DTYPES.items():
        shape = (2, 3, 4)
        if np_type is None:  # bfloat16: the top half of float32 bits
            f32 = values("float32", shape, rng)
            bits = (f32.view(np.uint32) >> 16).astype(np.uint16)
            raw = bits.tobytes()
            t = helper.make_tensor("x_bf16", onnx_type, shape, raw, raw=True)
            write(files, "bfloat16_raw.pb", t.SerializeToString())
            lines.append(line("bfloat16_raw.pb", name, shape, raw, True, "x_bf16"))
            t = helper.make_tensor("y", onnx_type, shape, f32.flatten().tolist())
            typed = np.array(t.int32_data, dtype=np.uint16).tobytes()
            write(files, "bfloat16_typed.pb", t.SerializeToString())
            lines.append(line("bfloat16_typed.pb", name, shape, typed, False, "y"))
            continue
        a = values(name, shape, rng)
        raw = a.tobytes()
        np.save(os.path.join(files, name + ".npy"), a)
        lines.append(line(name + ".npy", name, shape, raw, True))
        t = numpy_helper.from_array(a, "x_" + name)
        write(files, name + "_raw.pb", t.SerializeToString())
        lines.append(line(name + "_raw.pb", name, shape, raw, True, "x_" + name))
        # Typed fields (float_data, int32_data, ...), as make_tensor stores
        # values when not raw; float16 goes to int32_data as bits.
        t = helper.make_tensor("y", onnx_type, shape, a.flatten().tolist())
        expect = numpy_helper.to_array(t)
        assert expect.dtype == a.dtype and expect.tobytes() == raw, name
        write(files, name + "_typed.pb", t.SerializeToString())
        lines.append(line(name + "_typed.pb", name, shape, raw, False, "y"))
        # NumPy's other header versions.
        for version in ((2, 0), (3, 0)):
            rel = "%s_v%d.npy" % (name, version[0])
            with open(os.path.join(files, rel), "wb") as f:
                np.lib.format.write_array(f, a, version=version)
            lines.append(line(rel, name, shape, raw, False))

    # Shapes: scalar, 1-d, empty, rank 8, a long first axis.
    for rel, a in [
        ("scalar_f32", np.array(3.5, dtype=np.float32)),
        ("vector_i64", np.arange(5, dtype=np.int64)),
        ("empty_f32", np.zeros((0, 3), dtype=np.float32)),
        ("rank8_u8", np.arange(256, dtype=np.uint8).reshape((2,) * 8)),
        ("long_i8", (np.arange(123457) % 256 - 128).astype(np.int8)),
    ]:
        name = ONNX_TO_TCC[numpy_helper.from_array(a).data_type]
        np.save(os.path.join(files, rel + ".npy"), a)
        lines.append(line(rel + ".npy", name, a.shape, a.tobytes(), True))
        write(files, rel + ".pb", numpy_helper.from_array(a).SerializeToString())
        lines.append(line(rel + ".pb", name, a.shape, a.tobytes(), True))

    # Files numpy writes that tcc must refuse, with the reason it must give.
    a = np.arange(6, dtype=np.float32).reshape(2, 3)
    np.save(os.path.join(files, "fortran.npy"), np.asfortranarray(a))
    lines.append("fortran.npy\terror\tfortran_order=True")
    np.save(os.path.join(files, "big_endian.npy"), a.astype(">f4"))
    lines.append("big_endian.npy\terror\tbig-endian dtype '>f4'")
    np.save(os.path.join(files, "complex.npy"), a.astype(np.complex64))
    lines.append("complex.npy\terror\tunsupported dtype '<c8'")
    np.save(os.path.join(files, "structured.npy"),
            np.zeros(2, dtype=[("a", "<f4"), ("b", "<i4")]))
    lines.append("structured.npy\terror\tstructured dtypes are not supported")
    write(files, "string.pb", helper.make_tensor(
        "s", TensorProto.STRING, [2], [b"ab", b"c"]).SerializeToString())
    lines.append("string.pb\terror\tunsupported data type STRING (8)")
    write(files, "complex.pb", helper.make_tensor(
        "c", TensorProto.COMPLEX64, [1], [1 + 2j]).SerializeToString())
    lines.append("complex.pb\terror\tunsupported data type COMPLEX64 (14)")
    ext = TensorProto()
    ext.name, ext.data_type = "w", TensorProto.FLOAT
    ext.dims.extend([4])
    ext.data_location = TensorProto.EXTERNAL
    entry = ext.external_data.add()
    entry.key, entry.value = "location", "weights.bin"
    write(files, "external.pb", ext.SerializeToString())
    lines.append("external.pb\terror\tdata_location=EXTERNAL")

    with open(os.path.join(out_dir, "manifest.tsv"), "w") as f:
        f.write("\n".join(lines) + "\n")


def node_manifest(out_dir, node_dir):
    """Every input_N.pb / output_N.pb whose graph value is a tensor."""
    lines = []
    for test in sorted(os.listdir(node_dir)):
        try:
            graph = onnx.load(os.path.join(node_dir, test, "model.onnx")).graph
        except Exception:  # a model this onnx cannot load: nothing to compare
            continue
        for data_set in sorted(os.listdir(os.path.join(node_dir, test))):
            ds = os.path.join(node_dir, test, data_set)
            if not data_set.startswith("test_data_set") or not os.path.isdir(ds):
                continue
            for kind, values_ in (("input", graph.input), ("output", graph.output)):
                for i, value in enumerate(values_):
                    path = os.path.join(ds, "%s_%d.pb" % (kind, i))
                    if (not os.path.exists(path) or
                            value.type.WhichOneof("value") != "tensor_type"):
                        continue
                    t = TensorProto()
                    with open(path, "rb") as f:
                        t.ParseFromString(f.read())
                    name = ONNX_TO_TCC.get(t.data_type)
                    if name is None:
                        lines.append("%s\terror\tunsupported data type" % path)
                        continue
                    if name == "bfloat16":
                        data = (t.raw_data if t.HasField("raw_data") else
                                np.array(t.int32_data, dtype=np.uint16).tobytes())
                    else:
                        data = np.ascontiguousarray(numpy_helper.to_array(t)).tobytes()
                    lines.append(line(path, name, list(t.dims), data, False, t.name))
    with open(os.path.join(out_dir, "onnx_node_manifest.tsv"), "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", required=True)
    p.add_argument("--onnx-node-data")
    args = p.parse_args()
    os.makedirs(args.out, exist_ok=True)
    reference_files(args.out)
    if args.onnx_node_data:
        node_manifest(args.out, args.onnx_node_data)
    else:
        open(os.path.join(args.out, "onnx_node_manifest.tsv"), "w").close()


if __name__ == "__main__":
    sys.exit(main())
