#!/usr/bin/python3
"""Writes the numerical tests test/lit/targets/tfm-to-linalg-run-*.mlir.

Each case is a function `@<case>` holding tfm ops on its arguments (so the
conversion cannot constant-fold them away); `main` calls it with constant
inputs and prints every result with printMemref*. The expected values are
computed here with numpy/torch in float64 from the float32 inputs, then
rounded to float32 and formatted like the runner prints them (C++ ostream,
6 significant digits). Cases marked approximate accept any 6-digit string
within a few ulps (libm vs numpy, summation order); exact cases must print
exactly the reference. Run with /usr/bin/python3 (numpy, torch) from
anywhere: `python3 test/lit/targets/Inputs/gen_run_tests.py`.
"""
import math
import os

import numpy as np
import torch

OUT_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
F32, F16, I64, I32, B = np.float32, np.float16, np.int64, np.int32, np.bool_
NAN, INF = float("nan"), float("inf")

# ---------------------------------------------------------------------------
# Formatting
# ---------------------------------------------------------------------------

ELEM = {np.dtype(F32): "f32", np.dtype(F16): "f16", np.dtype(I64): "i64",
        np.dtype(I32): "i32", np.dtype(B): "i1"}


def ttype(a):
    shape = "x".join(str(d) for d in a.shape)
    return f"tensor<{shape + 'x' if shape else ''}{ELEM[a.dtype]}>"


def literal(a):
    def one(x):
        if a.dtype == np.dtype(B):
            return "true" if x else "false"
        if a.dtype.kind == "i":
            return str(int(x))
        bits = {np.dtype(F32): ("<u4", 8), np.dtype(F16): ("<u2", 4)}[a.dtype]
        if not np.isfinite(x):
            return "0x%0*X" % (bits[1], np.array(x, a.dtype).view(bits[0]))
        return np.format_float_positional(x, unique=True, trim="0")

    def nest(x):
        if x.ndim == 0:
            return one(x[()])
        return "[" + ", ".join(nest(s) for s in x) + "]"

    if a.size == 0:
        return f"dense<> : {ttype(a)}"
    return f"dense<{nest(a)}> : {ttype(a)}"


TINY = "{{-?([0-9.]+e-(0[6-9]|[1-9][0-9])|0)}}"


def fmt_float(v, tol, half=False):
    if half:
        # An f16 result printed through f32: accept the neighbouring f16
        # values (one rounding step either way), nothing in between.
        h = np.float16(v)
        if not np.isfinite(h):
            return "{{-?nan}}" if np.isnan(h) else ("inf" if h > 0 else "-inf")
        near = {"%g" % float(x) for x in (np.nextafter(h, F16(-INF)), h,
                                          np.nextafter(h, F16(INF)))}
        if len(near) == 1:
            return near.pop()
        return "{{(" + "|".join(c.replace(".", "\\.").replace("+", "\\+")
                                for c in sorted(near)) + ")}}"
    v = float(np.float32(v))
    if math.isnan(v):
        return "{{-?nan}}"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    if tol and abs(v) < 1e-5:
        return TINY
    cands = sorted({"%g" % float(np.float32(v * (1 + t)))
                    for t in np.linspace(-tol, tol, 41)} | {"%g" % v})
    if len(cands) == 1:
        return cands[0]
    # llvm::Regex is POSIX ERE: only '.' and '+' need escaping here.
    esc = [c.replace(".", "\\.").replace("+", "\\+") for c in cands]
    return "{{(" + "|".join(esc) + ")}}"


def check_lines(a, tol, half=False):
    flat = np.asarray(a).reshape(-1)
    sizes = "[]" if np.ndim(a) == 0 else f"[{flat.size}]"
    strides = "[]" if np.ndim(a) == 0 else "[1]"
    if flat.dtype.kind == "f":
        vals = [fmt_float(x, tol, half) for x in flat]
    else:
        vals = [str(int(x)) for x in flat]
    return [f"// CHECK: rank = {0 if np.ndim(a) == 0 else 1} offset = 0 "
            f"sizes = {sizes} strides = {strides} data =",
            "// CHECK-NEXT: [" + ", ".join(vals) + "]"]


# ---------------------------------------------------------------------------
# Cases
# ---------------------------------------------------------------------------

class Case:
    def __init__(self, name, inputs, body, outputs, tol=0.0, comment=""):
        self.name, self.inputs, self.body = name, inputs, body
        self.outputs, self.tol, self.comment = outputs, tol, comment


def arr(x, dtype=F32):
    return np.array(x, dtype=dtype)


def quarters(shape, seed, lo=-2.0, hi=2.0):
    """Multiples of 1/4: products and sums of a few of them are exact in
    float32, so contractions have one right answer whatever the summation
    order and their checks can be exact."""
    r = np.random.default_rng(seed)
    return (np.round(r.uniform(lo, hi, size=shape) * 4) / 4).astype(F32)


def rnd(shape, seed, lo=-2.0, hi=2.0):
    """Reproducible inputs with two decimals (short, exact-ish literals)."""
    r = np.random.default_rng(seed)
    return np.round(r.uniform(lo, hi, size=shape), 2).astype(F32)


def op(name, ins, out, attrs="", result="%r0"):
    args = ", ".join(f"%arg{i}" for i in range(len(ins)))
    types = ", ".join(ttype(a) for a in ins)
    attrs = f" {attrs}" if attrs else ""
    return f"{result} = tfm.{name} {args}{attrs} : ({types}) -> {ttype(out)}"


def simple(name, ins, expected, attrs="", tol=0.0, case=None, comment=""):
    """One tfm op on all inputs, one result."""
    return Case(case or name, ins, [op(name, ins, expected, attrs)], [expected],
                tol, comment)


def f64(a):
    return np.asarray(a, dtype=np.float64)


def to32(a):
    return np.asarray(a).astype(F32)


def write_file(fname, summary, cases, trailer=""):
    lines = [f"// {summary}",
             "// Generated by Inputs/gen_run_tests.py (numpy/torch references); "
             "edit the generator, not this file.",
             "//",
             "// RUN: tcc-opt %s --convert-tfm-to-linalg | %linalg-to-llvm "
             "| %mlir-run | FileCheck %s",
             ""]
    printers = {"f32": "printMemrefF32", "i64": "printMemrefI64",
                "i32": "printMemrefI32"}
    lines.append("// The runner's printers only read their argument; declaring it lets "
                 "one-shot-bufferize pass")
    lines.append("// read-only (constant) buffers to them instead of demanding a copy, "
                 "which an unranked")
    lines.append("// tensor.cast cannot provide.")
    for elem, fn in printers.items():
        lines.append(f"func.func private @{fn}(tensor<*x{elem}> "
                     "{bufferization.access = \"read\"})")
    lines.append("")
    main = ["func.func @main() {"]
    checks = []
    counter = [0]

    def fresh():
        counter[0] += 1
        return f"%v{counter[0]}"

    for c in cases:
        sig = ", ".join(f"%arg{i}: {ttype(a)}" for i, a in enumerate(c.inputs))
        # Results print as f32, i64 or i32: bool and f16 results are cast in
        # the case function.
        printed, rets, rtypes, body = [], [], [], list(c.body)
        for i, e in enumerate(c.outputs):
            name = f"%r{i}"
            if e.dtype in (np.dtype(B), np.dtype(F16)):
                tgt = e.astype(I32 if e.dtype == np.dtype(B) else F32)
                body.append(f"%p{i} = tfm.cast {name} : ({ttype(e)}) -> {ttype(tgt)}")
                name, e = f"%p{i}", tgt
            printed.append((e, c.outputs[i].dtype == np.dtype(F16)))
            rets.append(name)
            rtypes.append(ttype(e))
        if c.comment:
            lines.append(f"// {c.comment}")
        lines.append(f"func.func @{c.name}({sig}) -> ({', '.join(rtypes)}) {{")
        lines += ["  " + l for l in body]
        lines.append(f"  return {', '.join(rets)} : {', '.join(rtypes)}")
        lines.append("}")
        lines.append("")

        args = []
        for a in c.inputs:
            v = fresh()
            main.append(f"  {v} = arith.constant {literal(a)}")
            args.append(v)
        res = [fresh() for _ in printed]
        in_types = ", ".join(ttype(a) for a in c.inputs)
        main.append(f"  {', '.join(res)} = func.call @{c.name}({', '.join(args)}) : "
                    f"({in_types}) -> ({', '.join(rtypes)})")
        for v, (e, half) in zip(res, printed):
            t = ttype(e)
            cur = v
            if e.ndim > 1:
                flat = np.asarray(e).reshape(-1)
                reassoc = "[[" + ", ".join(str(d) for d in range(e.ndim)) + "]]"
                nv = fresh()
                main.append(f"  {nv} = tensor.collapse_shape {cur} {reassoc} : "
                            f"{t} into {ttype(flat)}")
                cur, t = nv, ttype(flat)
            elem = ELEM[e.dtype]
            u = fresh()
            main.append(f"  {u} = tensor.cast {cur} : {t} to tensor<*x{elem}>")
            main.append(f"  func.call @{printers[elem]}({u}) : (tensor<*x{elem}>) -> ()")
            checks.append(f"// {c.name}")
            checks += check_lines(e, c.tol, half and c.tol > 0)
    main.append("  return")
    main.append("}")
    lines += main
    lines.append("")
    lines += checks
    if trailer:
        lines += ["", trailer.rstrip()]
    with open(os.path.join(OUT_DIR, fname), "w") as f:
        f.write("\n".join(lines) + "\n")


# ---------------------------------------------------------------------------
# Elementwise
# ---------------------------------------------------------------------------

def trunc_div(a, b):
    """ONNX integer Div (truncating); 0 for a zero divisor (tcc's choice),
    wrap-around for INT_MIN / -1."""
    bits = np.iinfo(a.dtype).bits
    out = []
    for x, y in zip(np.broadcast_arrays(a, b)[0].reshape(-1),
                    np.broadcast_arrays(a, b)[1].reshape(-1)):
        x, y = int(x), int(y)
        if y == 0:
            q = 0
        else:
            q = abs(x) // abs(y) * (1 if (x >= 0) == (y >= 0) else -1)
        q = (q + 2 ** (bits - 1)) % 2 ** bits - 2 ** (bits - 1)
        out.append(q)
    return np.array(out, dtype=a.dtype).reshape(np.broadcast(a, b).shape)


def elementwise_cases():
    cs = []
    a23, b3 = rnd((2, 3), 1), rnd((3,), 2)
    c413 = rnd((4, 1, 3), 3)
    s = arr(1.5)
    t234 = rnd((2, 3, 4), 4)
    cs.append(simple("add", [a23, b3], to32(f64(a23) + f64(b3)),
                     case="add_broadcast_rank1",
                     comment="numpy broadcasting: [2,3] + [3]"))
    cs.append(simple("add", [s, t234], to32(f64(s) + f64(t234)),
                     case="add_rank0_rank3"))
    cs.append(simple("sub", [c413, a23], to32(f64(c413) - f64(a23)),
                     case="sub_broadcast_both",
                     comment="both operands stretch: [4,1,3] - [2,3] -> [4,2,3]"))
    i21, j5 = arr([[3], [-4]], I64), arr([1, -2, 3, 0, 5], I64)
    cs.append(simple("mul", [i21, j5], i21 * j5, case="mul_i64_broadcast"))
    cs.append(simple("div", [a23, b3], to32(f64(a23) / f64(b3)), case="div_f32"))
    na = arr([7, -7, 7, -7, 5, 9, -9223372036854775808, 6], I64)
    nb = arr([2, 2, -2, -2, 0, 3, -1, -1], I64)
    cs.append(simple("div", [na, nb], trunc_div(na, nb), case="div_i64_trunc",
                     comment="integer division truncates toward zero; x/0 = 0, "
                             "INT64_MIN/-1 wraps"))
    ia, ib = arr([[7], [-7]], I32), arr([2, -3, 0], I32)
    cs.append(simple("div", [ia, ib], trunc_div(ia, ib), case="div_i32_broadcast"))
    pa, pb = arr([2, -2, 0.5, 4, 9, 0]), arr([3, 3, 2, 0.5, -0.5, 0])
    cs.append(simple("pow", [pa, pb], to32(np.power(f64(pa), f64(pb))),
                     tol=3e-6, case="pow"))
    ma, mb = arr([1, NAN, 3, -1, NAN]), arr([2, 2, NAN, -3, NAN])
    cs.append(simple("max", [ma, mb], np.maximum(ma, mb), case="max_nan",
                     comment="max/min propagate NaN like numpy and torch"))
    cs.append(simple("min", [ma, mb], np.minimum(ma, mb), case="min_nan"))
    za, zb = arr([0.0, -0.0]), arr([-0.0, 0.0])
    cs.append(simple("max", [za, zb], arr([0.0, 0.0]), case="max_signed_zero",
                     comment="signed zeros order as IEEE-754 maximum/minimum: -0 < +0 "
                             "(numpy returns either, torch differs between max and min)"))
    cs.append(simple("min", [za, zb], arr([-0.0, -0.0]), case="min_signed_zero"))
    mi, mj = arr([[1, -5, 3]], I32), arr([[0], [4]], I32)
    cs.append(simple("max", [mi, mj], np.maximum(mi, mj), case="max_i32"))
    cs.append(simple("min", [mi, mj], np.minimum(mi, mj), case="min_i32"))
    p23 = arr([[True, False, True], [False, False, True]], B)
    q3 = arr([True, False, False], B)
    cs.append(simple("and", [p23, q3], p23 & q3, case="and_broadcast"))
    cs.append(simple("or", [p23, q3], p23 | q3, case="or_broadcast"))
    cs.append(simple("xor", [p23, q3], p23 ^ q3, case="xor_broadcast"))
    cs.append(simple("not", [p23], ~p23, case="not"))
    ca = arr([[1, NAN, 3, -1], [2, 2, -INF, 0]])
    cb = arr([1, 1, NAN, -1])
    for name, fn in [("equal", np.equal), ("less", np.less),
                     ("less_equal", np.less_equal), ("greater", np.greater),
                     ("greater_equal", np.greater_equal)]:
        cs.append(simple(name, [ca, cb], fn(ca, cb), case=f"{name}_f32_nan",
                         comment="ordered compares: NaN compares false"
                         if name == "equal" else ""))
    ci, cj = arr([[1, 5, -3]], I32), arr([[1], [-3]], I32)
    cs.append(simple("less", [ci, cj], np.less(ci, cj), case="less_i32_broadcast"))
    cs.append(simple("greater_equal", [ci, cj], np.greater_equal(ci, cj),
                     case="greater_equal_i32_broadcast"))
    cond = arr([[True, False, True], [False, True, False]], B)
    cs.append(simple("select", [cond, a23, s], np.where(cond, a23, s),
                     case="select_scalar_false"))
    c3 = arr([True, False, True], B)
    x21, y23 = arr([[10], [20]], I32), arr([[1, 2, 3], [4, 5, 6]], I32)
    cs.append(simple("select", [c3, x21, y23], np.where(c3, x21, y23),
                     case="select_i32_broadcast_all",
                     comment="condition, on_true and on_false all broadcast"))

    u = arr([-2.5, -1.0, -0.3, 0.0, 0.4, 1.0, 2.7, 6.5])
    pos = arr([0.01, 0.3, 1.0, 2.5, 4.0, 10.0, 100.0, 1e-3])
    x64 = f64(u)
    cs.append(simple("neg", [u], -u))
    cs.append(simple("neg", [arr([3, -4, 0], I32)], arr([-3, 4, 0], I32), case="neg_i32"))
    cs.append(simple("abs", [u], np.abs(u)))
    cs.append(simple("abs", [arr([3, -4, 0], I32)], arr([3, 4, 0], I32), case="abs_i32"))
    cs.append(simple("exp", [u], to32(np.exp(x64)), tol=3e-6))
    cs.append(simple("log", [pos], to32(np.log(f64(pos))), tol=3e-6))
    cs.append(simple("sqrt", [pos], to32(np.sqrt(f64(pos)))))
    cs.append(simple("rsqrt", [pos], to32(1 / np.sqrt(f64(pos))), tol=3e-6))
    cs.append(simple("reciprocal", [pos], to32(1 / f64(pos))))
    cs.append(simple("tanh", [u], to32(np.tanh(x64)), tol=3e-6))
    cs.append(simple("erf", [u], to32([math.erf(v) for v in x64]), tol=3e-6))
    uh = u.astype(F16)
    cs.append(simple("erf", [uh], np.array([math.erf(v) for v in f64(uh)]).astype(F16),
                     tol=1e-3, case="erf_f16",
                     comment="16-bit floats evaluate transcendental functions in f32"))
    cs.append(simple("exp", [uh], np.exp(f64(uh)).astype(F16), tol=1e-3, case="exp_f16"))
    cs.append(simple("add", [uh, uh], (uh + uh), case="add_f16"))
    sg = arr([-100, -2.5, 0, 0.4, 3, 100])
    cs.append(simple("sigmoid", [sg], to32(1 / (1 + np.exp(-f64(sg)))), tol=3e-6,
                     comment="saturates to exactly 0 / 1 without NaN"))
    rl = arr([-1.5, -0.0, 0.0, 2.5, NAN])
    cs.append(simple("relu", [rl], np.maximum(rl, F32(0)), comment="relu(NaN) = NaN"))
    cs.append(simple("relu", [arr([-3, 0, 4], I32)], arr([0, 0, 4], I32), case="relu_i32"))
    cs.append(simple("sin", [u], to32(np.sin(x64)), tol=3e-6))
    cs.append(simple("cos", [u], to32(np.cos(x64)), tol=3e-6))
    fl = arr([-2.5, -1.0, -0.3, 0.3, 1.0, 2.7])
    cs.append(simple("floor", [fl], np.floor(fl)))
    cs.append(simple("ceil", [fl], np.ceil(fl)))
    rd = arr([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4, 2.6, -2.6, 3.5])
    cs.append(simple("round", [rd], np.round(rd), comment="half to even"))
    sn = arr([-2.0, -0.0, 0.0, 3.0, NAN, -INF])
    cs.append(simple("sign", [sn], np.sign(sn), comment="sign(0) = sign(-0) = 0"))
    cs.append(simple("sign", [arr([-7, 0, 9], I32)], arr([-1, 0, 1], I32), case="sign_i32"))
    cl = arr([-3, -1, 0, 0.5, 6, 7, NAN])
    cs.append(simple("clamp", [cl], np.minimum(np.maximum(cl, F32(0)), F32(6)),
                     "{max = 6.0 : f32, min = 0.0 : f32}"))
    lr = arr([-3, -0.5, 0, 2, NAN])
    cs.append(simple("leaky_relu", [lr], to32(np.where(f64(lr) >= 0, f64(lr), 0.1 * f64(lr))),
                     "{alpha = 0.1 : f32}", tol=3e-6))
    hs = arr([-4, -1, 0, 1, 2.5, 4])
    cs.append(simple("hard_sigmoid", [hs],
                     to32(np.clip(0.2 * f64(hs) + 0.5, 0, 1)),
                     "{alpha = 0.2 : f32, beta = 0.5 : f32}", tol=3e-6))
    return cs


# ---------------------------------------------------------------------------
# Normalization
# ---------------------------------------------------------------------------

def layer_norm_ref(x, axis, eps, scale=None, bias=None):
    x = f64(x)
    axes = tuple(range(axis, x.ndim))
    mean = x.mean(axis=axes, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=axes, keepdims=True)
    y = (x - mean) / np.sqrt(var + eps)
    if scale is not None:
        y = y * f64(scale)
    if bias is not None:
        y = y + f64(bias)
    return to32(y)


def softmax_ref(x, axis):
    t = torch.from_numpy(f64(x))
    return to32(torch.softmax(t, dim=axis).numpy())


def normalization_cases():
    cs = []
    x = rnd((2, 3, 4), 10)
    g, b = rnd((3, 4), 11), rnd((3, 4), 12)
    ln = "tfm.layer_norm %arg0"
    cs.append(Case("layer_norm_scale_bias", [x, g, b],
                   [f"%r0 = {ln} scale %arg1 bias %arg2 {{axis = 1 : i64, epsilon = 1.0e-5 : f32}}"
                    f" : ({ttype(x)}, {ttype(g)}, {ttype(b)}) -> {ttype(x)}"],
                   [layer_norm_ref(x, 1, 1e-5, g, b)], tol=3e-6,
                   comment="statistics over dims [1, 3)"))
    cs.append(Case("layer_norm_last_axis", [x],
                   [f"%r0 = {ln} {{axis = 2 : i64, epsilon = 0.0 : f32}} : ({ttype(x)}) -> {ttype(x)}"],
                   [layer_norm_ref(x, 2, 0.0)], tol=3e-6))
    g4 = rnd((4,), 13)
    cs.append(Case("layer_norm_scale_only", [x, g4],
                   [f"%r0 = {ln} scale %arg1 {{axis = 2 : i64, epsilon = 1.0e-3 : f32}}"
                    f" : ({ttype(x)}, {ttype(g4)}) -> {ttype(x)}"],
                   [layer_norm_ref(x, 2, 1e-3, g4)], tol=3e-6))
    big = (arr([[1000.0, 1000.5, 999.5, 1000.25]]) + arr([[0.0], [3000.0]]))
    cs.append(Case("layer_norm_large_offset", [big],
                   [f"%r0 = {ln} {{axis = 1 : i64, epsilon = 1.0e-5 : f32}} : ({ttype(big)}) -> {ttype(big)}"],
                   [layer_norm_ref(big, 1, 1e-5)], tol=3e-6,
                   comment="two-pass variance: a large mean does not cancel the spread"))
    # Quarter inputs: x - mean is exact, so no cancellation blurs the check.
    xb = quarters((2, 3, 2, 2), 14)
    sc, bi, mu = rnd((3,), 15), rnd((3,), 16), quarters((3,), 17)
    var = rnd((3,), 18, 0.1, 2.0)
    eps = 1e-3
    ref = ((f64(xb) - f64(mu)[None, :, None, None])
           / np.sqrt(f64(var)[None, :, None, None] + eps)
           * f64(sc)[None, :, None, None] + f64(bi)[None, :, None, None])
    cs.append(simple("batch_norm", [xb, sc, bi, mu, var], to32(ref),
                     "{epsilon = 1.0e-3 : f32}", tol=3e-6))
    sm = arr([[1.0, 2.0, 3.0, 4.0], [0.5, -INF, 2.0, -INF], [100.0, 101.0, 99.0, 0.0]])
    cs.append(simple("softmax", [sm], softmax_ref(sm, 1), "{axis = 1 : i64}", tol=3e-6,
                     case="softmax_masked",
                     comment="-inf scores give exactly 0; large logits stay finite"))
    cs.append(simple("softmax", [sm], softmax_ref(sm, 0), "{axis = 0 : i64}", tol=3e-6,
                     case="softmax_axis0"))
    full = arr([[-INF, -INF, -INF], [0.0, 1.0, 2.0]])
    cs.append(simple("softmax", [full], softmax_ref(full, 1), "{axis = 1 : i64}", tol=3e-6,
                     case="softmax_all_masked_row",
                     comment="a fully -inf row is NaN, as in torch"))
    xh = rnd((2, 4), 19).astype(F16)
    cs.append(Case("layer_norm_f16", [xh],
                   [f"%r0 = {ln} {{axis = 1 : i64, epsilon = 1.0e-5 : f32}} : ({ttype(xh)}) -> {ttype(xh)}"],
                   [layer_norm_ref(xh, 1, 1e-5).astype(F16)], tol=1e-3,
                   comment="f16 input: statistics in f32, one rounding to f16 at the end"))
    cs.append(simple("softmax", [xh], softmax_ref(xh, 1).astype(F16), "{axis = 1 : i64}",
                     tol=1e-3, case="softmax_f16"))
    gx = arr([-5.0, -2.5, -1.0, -0.3, 0.0, 0.4, 1.0, 2.5, 5.0])
    exact = to32([0.5 * v * (1 + math.erf(v / math.sqrt(2))) for v in f64(gx)])
    tanh = to32([0.5 * v * (1 + math.tanh(math.sqrt(2 / math.pi) * (v + 0.044715 * v ** 3)))
                 for v in f64(gx)])
    assert np.allclose(exact, torch.nn.functional.gelu(torch.from_numpy(gx)).numpy(), rtol=1e-6, atol=1e-7)
    assert np.allclose(tanh, torch.nn.functional.gelu(torch.from_numpy(gx), approximate="tanh").numpy(),
                       rtol=1e-6, atol=1e-7)
    cs.append(simple("gelu", [gx], exact, "{approximate = #tfm.gelu_approx<none>}", tol=3e-6,
                     case="gelu_erf"))
    cs.append(simple("gelu", [gx], tanh, "{approximate = #tfm.gelu_approx<tanh>}", tol=3e-6,
                     case="gelu_tanh"))
    return cs


# ---------------------------------------------------------------------------
# Contraction
# ---------------------------------------------------------------------------

def conv_ref(x, w, b, strides, pads, dil, groups):
    t = torch.from_numpy(f64(x))
    t = torch.nn.functional.pad(t, (pads[1], pads[3], pads[0], pads[2]))
    y = torch.nn.functional.conv2d(t, torch.from_numpy(f64(w)),
                                   None if b is None else torch.from_numpy(f64(b)),
                                   stride=strides, dilation=dil, groups=groups)
    return to32(y.numpy())


def contraction_cases():
    cs = []
    x, w, b = quarters((2, 3, 4), 20), quarters((4, 5), 21), quarters((5,), 22)
    cs.append(simple("linear", [x, w, b], to32(f64(x) @ f64(w) + f64(b)),
                     case="linear_bias"))
    v = quarters((4,), 23)
    cs.append(simple("linear", [v, w], to32(f64(v) @ f64(w)),
                     case="linear_rank1_no_bias"))
    m34, m45 = quarters((3, 4), 24), quarters((4, 5), 25)
    cs.append(simple("matmul", [m34, m45], to32(f64(m34) @ f64(m45)), case="matmul_2d"))
    b234, b245 = quarters((2, 3, 4), 26), quarters((2, 4, 5), 27)
    cs.append(simple("matmul", [b234, b245], to32(f64(b234) @ f64(b245)),
                     case="matmul_batch"))
    cs.append(simple("matmul", [b234, m45], to32(f64(b234) @ f64(m45)),
                     case="matmul_lhs_batch"))
    l = quarters((2, 1, 2, 3), 28)
    r = quarters((3, 3, 2), 29)
    cs.append(simple("matmul", [l, r], to32(f64(l) @ f64(r)),
                     case="matmul_batch_broadcast",
                     comment="numpy batch broadcasting: [2,1,2,3] x [3,3,2] -> [2,3,2,2]"))
    cs.append(simple("matmul", [m34, b245], to32(f64(m34) @ f64(b245)),
                     case="matmul_rhs_batch",
                     comment="only the rhs has batch dims: the lhs broadcasts"))
    vk = quarters((4,), 31)
    cs.append(simple("matmul", [vk, b245], to32(f64(vk) @ f64(b245)),
                     case="matmul_vec_batch"))
    cs.append(simple("matmul", [m34, vk], to32(f64(m34) @ f64(vk)),
                     case="matmul_mat_vec"))
    cs.append(simple("matmul", [vk, vk], to32(f64(vk) @ f64(vk)),
                     case="matmul_vec_vec"))
    ia, ib = arr([[1, -2, 3], [4, 5, -6]], I32), arr([[7, 8], [-9, 10], [11, 12]], I32)
    cs.append(simple("matmul", [ia, ib], ia @ ib, case="matmul_i32"))

    xc, wc, bc = quarters((1, 2, 5, 5), 40), quarters((3, 2, 3, 3), 41), quarters((3,), 42)
    cs.append(simple("conv2d", [xc, wc, bc], conv_ref(xc, wc, bc, (1, 1), (0, 0, 0, 0), (1, 1), 1),
                     "{dilations = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, "
                     "strides = array<i64: 1, 1>}", case="conv2d_bias"))
    xs = quarters((2, 2, 7, 6), 43)
    out = conv_ref(xs, wc, None, (2, 1), (1, 2, 0, 1), (2, 1), 1)
    cs.append(simple("conv2d", [xs, wc], out,
                     "{dilations = array<i64: 2, 1>, padding = array<i64: 1, 2, 0, 1>, "
                     "strides = array<i64: 2, 1>}",
                     case="conv2d_strided_padded_dilated",
                     comment="asymmetric padding [top, left, bottom, right]"))
    xg, wg, bg = quarters((1, 4, 4, 4), 44), quarters((6, 2, 3, 3), 45), quarters((6,), 46)
    cs.append(simple("conv2d", [xg, wg, bg], conv_ref(xg, wg, bg, (1, 1), (1, 1, 1, 1), (1, 1), 2),
                     "{dilations = array<i64: 1, 1>, groups = 2 : i64, padding = array<i64: 1, 1, 1, 1>, "
                     "strides = array<i64: 1, 1>}", case="conv2d_grouped"))
    xd, wd = quarters((1, 3, 4, 4), 47), quarters((6, 1, 2, 2), 48)
    cs.append(simple("conv2d", [xd, wd], conv_ref(xd, wd, None, (2, 2), (0, 0, 1, 1), (1, 1), 3),
                     "{dilations = array<i64: 1, 1>, groups = 3 : i64, padding = array<i64: 0, 0, 1, 1>, "
                     "strides = array<i64: 2, 2>}", case="conv2d_depthwise",
                     comment="depthwise with channel multiplier 2"))
    return cs


# ---------------------------------------------------------------------------
# Attention
# ---------------------------------------------------------------------------

def attention_ref(q, k, v, heads, scale, mask=None):
    q, k, v = f64(q), f64(k), f64(v)
    *batch, sq, hdk = q.shape
    skv, hdv = k.shape[-2], v.shape[-1]
    dk, dv = hdk // heads, hdv // heads
    qh = q.reshape(*batch, sq, heads, dk).swapaxes(-2, -3)   # [B.., H, Sq, Dk]
    kh = k.reshape(*batch, skv, heads, dk).swapaxes(-2, -3)
    vh = v.reshape(*batch, skv, heads, dv).swapaxes(-2, -3)
    s = scale * (qh @ kh.swapaxes(-1, -2))
    if mask is not None:
        s = s + f64(mask)
    p = torch.softmax(torch.from_numpy(s), dim=-1).numpy()
    o = (p @ vh).swapaxes(-2, -3).reshape(*batch, sq, hdv)
    return to32(o)


def attention_cases():
    cs = []
    q, k, v = rnd((2, 3, 4), 50), rnd((2, 5, 4), 51), rnd((2, 5, 6), 52)
    mask = np.zeros((2, 2, 3, 5), F32)
    mask[0, 1, :, 3:] = -INF
    mask[1, 0, 2, 0] = -INF
    mask[1, 1] = rnd((3, 5), 53)
    attrs = "{num_heads = 2 : i64, scale = 0.707106769 : f32}"
    cs.append(simple("attention", [q, k, v, mask],
                     attention_ref(q, k, v, 2, float(F32(0.707106769)), mask), attrs, tol=3e-6,
                     case="attention_full_mask",
                     comment="2 heads (Dk = 2, Dv = 3), -inf and finite additive mask"))
    bm = arr([[0.0, -INF, 0.0, 0.5, -1.0]])
    cs.append(simple("attention", [q, k, v, bm],
                     attention_ref(q, k, v, 2, 0.5, bm),
                     "{num_heads = 2 : i64, scale = 5.000000e-01 : f32}", tol=3e-6,
                     case="attention_broadcast_mask"))
    q2 = rnd((4, 6), 54)
    cs.append(simple("attention", [q2, q2, q2], attention_ref(q2, q2, q2, 3, 1.0),
                     "{num_heads = 3 : i64, scale = 1.0 : f32}", tol=3e-6,
                     case="attention_no_batch_no_mask"))
    q4, k4, v4 = rnd((2, 2, 3, 4), 55), rnd((2, 2, 2, 4), 56), rnd((2, 2, 2, 2), 57)
    m4 = rnd((2, 1, 1, 1, 2), 58)
    cs.append(simple("attention", [q4, k4, v4, m4], attention_ref(q4, k4, v4, 2, 0.25, m4),
                     "{num_heads = 2 : i64, scale = 2.500000e-01 : f32}", tol=3e-6,
                     case="attention_two_batch_dims",
                     comment="mask broadcasts over the second batch dim, heads and queries"))
    return cs


# ---------------------------------------------------------------------------
# Reduction
# ---------------------------------------------------------------------------

def argext(x, axis, keep, last, fn):
    """numpy arg{max,min} (first NaN wins); select_last_index as ONNX's
    reference: arg of the reversed axis."""
    if last:
        r = np.flip(x, axis)
        idx = x.shape[axis] - 1 - fn(r, axis=axis)
    else:
        idx = fn(x, axis=axis)
    idx = idx.astype(I64)
    return np.expand_dims(idx, axis) if keep else idx


def reduction_cases():
    cs = []
    x = rnd((2, 3, 4), 60)
    xd = f64(x)
    cs.append(simple("reduce_sum", [x], to32(xd.sum(axis=(1, 2), keepdims=True)),
                     "{axes = array<i64: 1, 2>}", tol=3e-6, case="reduce_sum_keep"))
    cs.append(simple("reduce_mean", [x], to32(xd.mean(axis=(0, 2))),
                     "{axes = array<i64: 0, 2>, keep_dims = false}", tol=3e-6,
                     case="reduce_mean_no_keep"))
    xn = x.copy()
    xn[1, 2, 3] = NAN
    cs.append(simple("reduce_max", [xn], np.max(xn, axis=2, keepdims=True),
                     "{axes = array<i64: 2>}", case="reduce_max_nan",
                     comment="NaN in a reduced row gives NaN"))
    cs.append(simple("reduce_min", [x], np.min(x, axis=(0,)),
                     "{axes = array<i64: 0>, keep_dims = false}", case="reduce_min"))
    neg = arr([[-INF, -INF], [-3.0, -INF]])
    cs.append(simple("reduce_max", [neg], np.max(neg, axis=1),
                     "{axes = array<i64: 1>, keep_dims = false}", case="reduce_max_all_neg_inf",
                     comment="the -inf init is the identity, not a value that wins"))
    pr = rnd((2, 3), 61, 0.5, 1.5)
    cs.append(simple("reduce_prod", [pr], to32(np.prod(f64(pr))),
                     "{axes = array<i64: 0, 1>, keep_dims = false}", tol=3e-6,
                     case="reduce_prod_all_rank0"))
    xi = arr([[3, -7, 2], [9, 0, -1]], I32)
    cs.append(simple("reduce_max", [xi], np.max(xi, axis=1, keepdims=True),
                     "{axes = array<i64: 1>}", case="reduce_max_i32"))
    cs.append(simple("reduce_min", [xi], np.min(xi, axis=0, keepdims=True),
                     "{axes = array<i64: 0>}", case="reduce_min_i32"))
    cs.append(simple("reduce_sum", [xi], np.sum(xi, axis=1).astype(I32),
                     "{axes = array<i64: 1>, keep_dims = false}", case="reduce_sum_i32"))
    cs.append(simple("reduce_prod", [xi], np.prod(xi, axis=0).astype(I32),
                     "{axes = array<i64: 0>, keep_dims = false}", case="reduce_prod_i32"))
    cs.append(simple("reduce_mean", [xi], trunc_div(xi.sum(axis=1).astype(I32), arr(3, I32)),
                     "{axes = array<i64: 1>, keep_dims = false}", case="reduce_mean_i32",
                     comment="integer mean truncates toward zero"))
    cs.append(simple("reduce_sum", [x], x, "{axes = array<i64>}", case="reduce_sum_no_axes",
                     comment="empty axes: identity"))
    a = arr([[1.0, 3.0, 3.0, 2.0], [5.0, 5.0, -1.0, 5.0], [NAN, 1.0, NAN, 0.0]])
    for last in (False, True):
        sfx = "_last" if last else ""
        attr = "select_last_index = true, " if last else ""
        cs.append(simple("argmax", [a], argext(a, 1, True, last, np.argmax),
                         f"{{axis = 1 : i64, {attr}keep_dims = true}}", case=f"argmax_ties_nan{sfx}",
                         comment="ties: first (last) index; NaN is the maximum"
                         if not last else ""))
        cs.append(simple("argmin", [a], argext(a, 1, False, last, np.argmin),
                         f"{{axis = 1 : i64, {attr}keep_dims = false}}", case=f"argmin_ties_nan{sfx}"))
    ninf = arr([[-INF, -INF, -INF], [INF, INF, 1.0]])
    cs.append(simple("argmax", [ninf], argext(ninf, 1, False, False, np.argmax),
                     "{axis = 1 : i64, keep_dims = false}", case="argmax_all_neg_inf"))
    cs.append(simple("argmax", [ninf], argext(ninf, 1, False, True, np.argmax),
                     "{axis = 1 : i64, keep_dims = false, select_last_index = true}",
                     case="argmax_all_neg_inf_last"))
    cs.append(simple("argmin", [ninf], argext(ninf, 0, False, False, np.argmin),
                     "{axis = 0 : i64, keep_dims = false}", case="argmin_axis0"))
    ai = arr([[4, 9, 9], [-2, -8, -8]], I32)
    cs.append(simple("argmax", [ai], argext(ai, 1, False, False, np.argmax),
                     "{axis = 1 : i64, keep_dims = false}", case="argmax_i32"))
    cs.append(simple("argmin", [ai], argext(ai, 1, True, True, np.argmin),
                     "{axis = 1 : i64, select_last_index = true}", case="argmin_i32_last"))
    return cs


# ---------------------------------------------------------------------------
# Data movement
# ---------------------------------------------------------------------------

def gather_ref(data, idx, axis):
    n = data.shape[axis]
    i = np.where(idx < 0, idx + n, idx)
    i = np.clip(i, 0, n - 1)
    return np.take(data, i, axis=axis)


def pad_ref(x, low, high, mode, value=0.0):
    width = list(zip(low, high))
    if mode == "constant":
        return np.pad(x, width, mode="constant", constant_values=value).astype(x.dtype)
    return np.pad(x, width, mode={"reflect": "reflect", "edge": "edge"}[mode])


def data_movement_cases():
    cs = []
    x = np.arange(24, dtype=F32).reshape(2, 3, 4) * F32(0.5) - F32(3)
    cs.append(simple("reshape", [x], x.reshape(6, 4), case="reshape_collapse"))
    cs.append(simple("reshape", [x], x.reshape(4, 3, 2), case="reshape_through_1d",
                     comment="no single reassociation: collapse to 1-D, expand"))
    cs.append(simple("reshape", [arr(2.5)], arr([[2.5]]), case="reshape_rank0_to_1x1"))
    cs.append(simple("reshape", [arr([[2.5]])], arr(2.5), case="reshape_1x1_to_rank0"))
    v4 = arr([1, 2, 3, 4], I64)
    cs.append(simple("reshape", [v4], v4.reshape(2, 1, 2), case="reshape_expand_i64"))
    cs.append(simple("transpose", [x], np.transpose(x, (2, 0, 1)), "{perm = array<i64: 2, 0, 1>}"))
    cs.append(simple("slice", [x], x[1:2, 0:3:2, 1:4:2],
                     "{offsets = array<i64: 1, 0, 1>, sizes = array<i64: 1, 2, 2>, "
                     "strides = array<i64: 1, 2, 2>}", case="slice_positive_strides"))
    cs.append(simple("slice", [x], x[1:2, 0:3:2, 3::-2],
                     "{offsets = array<i64: 1, 0, 3>, sizes = array<i64: 1, 2, 2>, "
                     "strides = array<i64: 1, 2, -2>}", case="slice_negative_stride"))
    cs.append(simple("slice", [x], x[::-1, ::-1, ::-1],
                     "{offsets = array<i64: 1, 2, 3>, sizes = array<i64: 2, 3, 4>, "
                     "strides = array<i64: -1, -1, -1>}", case="slice_reverse_all"))
    a, b, c = rnd((2, 1), 70), rnd((2, 3), 71), rnd((2, 2), 72)
    cs.append(simple("concat", [a, b, c], np.concatenate([a, b, c], axis=1),
                     "{axis = 1 : i64}", case="concat_three"))
    e = np.zeros((0, 3), F32)
    cs.append(simple("concat", [b, e, b], np.concatenate([b, e, b], axis=0),
                     "{axis = 0 : i64}", case="concat_with_empty"))
    data = np.arange(12, dtype=F32).reshape(3, 4) + F32(0.25)
    idx = arr([0, -1, 2, 5, -4], I64)
    cs.append(simple("gather", [data, idx], gather_ref(data, idx, 0), "{axis = 0 : i64}",
                     case="gather_wrap_clamp",
                     comment="-1 wraps to 2; 5 and -4 are out of range and clamp to 2 and 0"))
    idx2 = arr([[3, 0], [-2, 1]], I32)
    cs.append(simple("gather", [data, idx2], gather_ref(data, idx2, 1), "{axis = 1 : i64}",
                     case="gather_axis1_2d_indices"))
    cs.append(simple("gather", [data, arr(-1, I64)], gather_ref(data, arr(-1, I64), 1),
                     "{axis = 1 : i64}", case="gather_rank0_index"))
    p = rnd((2, 3), 73)
    cs.append(simple("pad", [p], pad_ref(p, (0, 2), (1, 2), "constant", -1.5),
                     "{high = array<i64: 1, 2>, low = array<i64: 0, 2>, mode = #tfm.pad_mode<constant>, "
                     "value = -1.5 : f64}", case="pad_constant"))
    cs.append(simple("pad", [p], pad_ref(p, (1, 2), (1, 2), "reflect"),
                     "{high = array<i64: 1, 2>, low = array<i64: 1, 2>, mode = #tfm.pad_mode<reflect>}",
                     case="pad_reflect"))
    cs.append(simple("pad", [p], pad_ref(p, (1, 0), (0, 4), "edge"),
                     "{high = array<i64: 0, 4>, low = array<i64: 1, 0>, mode = #tfm.pad_mode<edge>}",
                     case="pad_edge"))
    pi = arr([1, -2, 3], I32)
    cs.append(simple("pad", [pi], pad_ref(pi, (2,), (1,), "constant", 7),
                     "{high = array<i64: 1>, low = array<i64: 2>, mode = #tfm.pad_mode<constant>, "
                     "value = 7.0 : f64}", case="pad_constant_i32"))
    s31 = arr([[1], [2], [3]], I32)
    cs.append(simple("broadcast_to", [s31], np.broadcast_to(s31, (2, 3, 4)).copy(),
                     case="broadcast_to_stretch"))
    v4f = arr([1.5, -2, 3, 4])
    cs.append(simple("broadcast_to", [v4f], np.broadcast_to(v4f, (2, 3, 4)).copy(),
                     case="broadcast_to_leading"))
    cs.append(simple("broadcast_to", [arr(7.0)], np.full((2, 2), 7.0, F32),
                     case="broadcast_to_rank0"))
    cf = arr([-2.7, -0.5, 0.0, 0.5, 2.7, 100.9])
    cs.append(simple("cast", [cf], np.trunc(cf).astype(I32), case="cast_f32_to_i32",
                     comment="float -> int truncates toward zero"))
    cb = arr([0.0, -0.0, NAN, 0.5, -3.0])
    cs.append(simple("cast", [cb], cb != 0, case="cast_f32_to_i1",
                     comment="anything -> bool is != 0 (NaN is true)"))
    bb = arr([True, False, True], B)
    cs.append(simple("cast", [bb], bb.astype(F32), case="cast_i1_to_f32"))
    cs.append(simple("cast", [bb], bb.astype(I64), case="cast_i1_to_i64"))
    ii = arr([-5, 0, 2147483647], I32)
    cs.append(simple("cast", [ii], ii.astype(I64), case="cast_i32_to_i64"))
    cs.append(simple("cast", [ii], ii.astype(F32), case="cast_i32_to_f32"))
    il = arr([-5, 4294967297, 3], I64)
    cs.append(simple("cast", [il], il.astype(I32), case="cast_i64_to_i32_wraps"))
    cs.append(simple("cast", [arr([3, 0, -2], I32)], arr([True, False, True], B),
                     case="cast_i32_to_i1"))
    h = arr([1.0, 0.1, 65504.0, 70000.0, -3.3])
    with np.errstate(over="ignore"):
        h16 = h.astype(F16)
    cs.append(simple("cast", [h], h16, case="cast_f32_to_f16",
                     comment="rounds to nearest f16; beyond the range is inf"))
    return cs


# ---------------------------------------------------------------------------
# Pooling
# ---------------------------------------------------------------------------

def out_size(n, k, s, d, lo, hi, ceil):
    span = d * (k - 1) + 1
    o = (n + lo + hi - span) // s + 1
    if ceil and (n + lo + hi - span) % s:
        o += 1
        if (o - 1) * s >= n + lo:
            o -= 1
    return o


def pool_ref(x, kind, k, s, pads, dil=(1, 1), ceil=False, include_pad=False):
    """ONNX MaxPool / AveragePool on NCHW, written out loop by loop."""
    n, c, h, w = x.shape
    oh = out_size(h, k[0], s[0], dil[0], pads[0], pads[2], ceil)
    ow = out_size(w, k[1], s[1], dil[1], pads[1], pads[3], ceil)
    y = np.zeros((n, c, oh, ow))
    xd = f64(x)
    for i in range(oh):
        for j in range(ow):
            hs, ws = i * s[0] - pads[0], j * s[1] - pads[1]
            vals = []
            for a in range(k[0]):
                for b_ in range(k[1]):
                    r, q = hs + a * dil[0], ws + b_ * dil[1]
                    if 0 <= r < h and 0 <= q < w:
                        vals.append(xd[:, :, r, q])
            if kind == "max":
                y[:, :, i, j] = np.max(np.stack(vals), axis=0)
            else:
                if include_pad:
                    he = min(hs + k[0], h + pads[2])
                    we = min(ws + k[1], w + pads[3])
                    cnt = (he - hs) * (we - ws)
                else:
                    cnt = len(vals)
                y[:, :, i, j] = np.sum(np.stack(vals), axis=0) / cnt
    return to32(y)


def pool_attrs(kind, k, s, pads, dil=None, ceil=False, include_pad=False):
    parts = []
    if ceil:
        parts.append("ceil_mode = true")
    if include_pad:
        parts.append("count_include_pad = true")
    if dil is not None:
        parts.append(f"dilations = array<i64: {dil[0]}, {dil[1]}>")
    parts.append(f"kernel = array<i64: {k[0]}, {k[1]}>")
    parts.append("padding = array<i64: " + ", ".join(map(str, pads)) + ">")
    parts.append(f"strides = array<i64: {s[0]}, {s[1]}>")
    return "{" + ", ".join(parts) + "}"


def torch_check(x, ref, kind, k, s, p, ceil=False, include_pad=True, dil=(1, 1)):
    t = torch.from_numpy(f64(x))
    if kind == "max":
        y = torch.nn.functional.max_pool2d(t, k, s, p, dil, ceil_mode=ceil)
    else:
        y = torch.nn.functional.avg_pool2d(t, k, s, p, ceil_mode=ceil,
                                           count_include_pad=include_pad)
    assert np.allclose(y.numpy(), ref, rtol=1e-6), (kind, y.numpy(), ref)


def pooling_cases():
    cs = []
    x = rnd((1, 2, 5, 5), 80)
    neg = -np.abs(rnd((1, 1, 4, 4), 81)) - F32(1)
    specs = [
        ("max_pool2d", "max", x, (3, 3), (2, 2), (0, 0, 0, 0), (1, 1), False, False, "max_pool_plain", ""),
        ("max_pool2d", "max", neg, (3, 3), (1, 1), (1, 1, 1, 1), (1, 1), False, False, "max_pool_padded_negative",
         "padding is -inf: all-negative windows at the border keep their maximum"),
        ("max_pool2d", "max", x, (2, 2), (2, 2), (0, 0, 0, 0), (1, 1), True, False, "max_pool_ceil", ""),
        ("max_pool2d", "max", x, (2, 2), (1, 2), (1, 0, 0, 1), (2, 2), False, False, "max_pool_dilated_asymmetric", ""),
        ("avg_pool2d", "avg", x, (3, 3), (2, 2), (1, 1, 1, 1), None, False, False, "avg_pool_exclude_pad",
         "count_include_pad = false divides by the in-bounds elements of each window"),
        ("avg_pool2d", "avg", x, (3, 3), (2, 2), (1, 1, 1, 1), None, False, True, "avg_pool_include_pad", ""),
        ("avg_pool2d", "avg", x, (2, 2), (2, 2), (0, 0, 0, 0), None, True, False, "avg_pool_ceil_exclude", ""),
        ("avg_pool2d", "avg", x, (3, 3), (3, 3), (1, 1, 1, 1), None, True, True, "avg_pool_ceil_include_pad",
         "ceil_mode with count_include_pad: windows clip at the padded border (torch)"),
        ("avg_pool2d", "avg", x, (2, 3), (1, 2), (0, 1, 1, 0), None, False, False, "avg_pool_asymmetric", ""),
    ]
    for name, kind, xin, k, s, pads, dil, ceil, inc, case, comment in specs:
        ref = pool_ref(xin, kind, k, s, pads, dil or (1, 1), ceil, inc)
        if pads[0] == pads[2] and pads[1] == pads[3]:
            torch_check(xin, ref, kind, k, s, (pads[0], pads[1]), ceil, inc, dil or (1, 1))
        cs.append(simple(name, [xin], ref, pool_attrs(kind, k, s, pads, dil, ceil, inc),
                         tol=3e-6, case=case, comment=comment))
    return cs


# ---------------------------------------------------------------------------
# Constants
# ---------------------------------------------------------------------------

def constant_cases():
    w = arr([1.0, 2.0, 3.0, 4.0])
    dense = arr([[0.5, -1.25], [3.0, 8.0]])
    body = [f"%r0 = tfm.constant dense_resource<weights> : {ttype(w)}",
            f"%r1 = tfm.constant {literal(dense)}",
            f"%r2 = tfm.constant {literal(arr([7, -7], I64))}",
            f"%r3 = tfm.constant {literal(arr(True, B))}"]
    return [Case("constants", [], body, [w, dense, arr([7, -7], I64), arr(True, B)],
                 comment="dense_resource blobs and dense constants")]


CONSTANT_TRAILER = """{-#
  dialect_resources: {
    builtin: {
      weights: "0x040000000000803F000000400000404000008040"
    }
  }
#-}"""


def main():
    write_file("tfm-to-linalg-run-elementwise.mlir",
               "Numerical test: every elementwise, compare and select op, run on the CPU.",
               elementwise_cases())
    write_file("tfm-to-linalg-run-normalization.mlir",
               "Numerical test: layer_norm, batch_norm, softmax, gelu, run on the CPU.",
               normalization_cases())
    write_file("tfm-to-linalg-run-contraction.mlir",
               "Numerical test: linear, matmul, conv2d, run on the CPU.",
               contraction_cases())
    write_file("tfm-to-linalg-run-attention.mlir",
               "Numerical test: attention, run on the CPU.", attention_cases())
    write_file("tfm-to-linalg-run-reduction.mlir",
               "Numerical test: reductions and arg reductions, run on the CPU.",
               reduction_cases())
    write_file("tfm-to-linalg-run-data-movement.mlir",
               "Numerical test: reshape, transpose, slice, concat, gather, pad, "
               "broadcast_to, cast, run on the CPU.", data_movement_cases())
    write_file("tfm-to-linalg-run-pooling.mlir",
               "Numerical test: max_pool2d, avg_pool2d, run on the CPU.", pooling_cases())
    write_file("tfm-to-linalg-run-constant.mlir",
               "Numerical test: constants (dense and dense_resource), run on the CPU.",
               constant_cases(), CONSTANT_TRAILER)


if __name__ == "__main__":
    main()
