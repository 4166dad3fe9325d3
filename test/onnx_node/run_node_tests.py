#!/usr/bin/python3
"""Run the ONNX backend node tests (Debian libonnx-testdata) through tcc.

Every test directory holds model.onnx and test_data_set_N/{input,output}_K.pb. For each test
this compiles the model with `tcc compile`, runs every data set with `tcc run` and compares the
outputs the way the ONNX backend test runner does, then classifies the test:

    pass         every output of every data set matches
    unsupported  tcc refused the model or the inputs: exit 1 with a `tcc: error:` line
    crash        a signal, exit 2, a timeout, exit 1 without the error line, or a missing output
    wrong        it ran and produced a different result -- the worst outcome, because a
                 user gets no warning

Usage:

    /usr/bin/python3 test/onnx_node/run_node_tests.py --tcc build/bin/tcc [--jobs 2]
        [--filter REGEX] [--list FILE] [--results FILE.json]
        [--check-expected FILE] [--write-expected FILE] [--write-readme-table FILE] [-v]
        [--target aarch64] [--sample-every N]

--target compiles for another tcc target (aarch64: `tcc run` executes it under qemu-aarch64 on
an x86 host); --sample-every N keeps every N-th of the selected tests in sorted order, a
deterministic subset (ctest onnx_node_aarch64 runs every 8th test of expected_pass.txt; the
whole list for aarch64 is `--list test/onnx_node/expected_pass.txt --target aarch64`).

--check-expected is the ctest mode: it fails when a listed test does not pass, or when any test
that ran is `wrong` or `crash`. The list and RESULTS.md are generated, never edited; after a
change in tcc regenerate both with REGEN_COMMAND below.
"""

import argparse
import collections
import concurrent.futures
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import numpy as np
import onnx
from onnx import numpy_helper

DEFAULT_DATA = '/usr/share/libonnx-testdata/data/node'
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Written into the generated files instead of the actual command line so that they do not
# depend on where the build directory or the checkout happens to be.
REGEN_COMMAND = ('/usr/bin/python3 test/onnx_node/run_node_tests.py --tcc build/bin/tcc '
                 '--jobs 2 --write-expected test/onnx_node/expected_pass.txt '
                 '--write-readme-table test/onnx_node/RESULTS.md')

# The ONNX backend test runner's defaults (onnx/backend/test/runner); the node tests use them
# for every test.
RTOL = 1e-3
ATOL = 1e-7

# Ranked so that a test with several data sets reports its worst one.
STATUSES = ('pass', 'unsupported', 'crash', 'wrong')
SEVERITY = {s: i for i, s in enumerate(STATUSES)}

# ctest treats this exit code as "skipped" (SKIP_RETURN_CODE in test/CMakeLists.txt).
EXIT_SKIP = 77

# Extra `tcc compile` flags (--target), set once by main().
COMPILE_FLAGS = []


def sanitize(name):
    """The file name tcc run gives an output."""
    return re.sub(r'[^A-Za-z0-9_.-]', '_', name)


def op_name(node):
    # Ops of other domains (ai.onnx.preview.training) are refused as a whole; the domain in
    # the name says why.
    if node.domain in ('', 'ai.onnx'):
        return node.op_type
    return '%s (%s)' % (node.op_type, node.domain)


# ---------------------------------------------------------------------------------------------
# Test discovery and metadata
# ---------------------------------------------------------------------------------------------


class NodeTest:
    """What the runner needs from one test directory, read once from model.onnx."""

    def __init__(self, data_dir, name):
        self.name = name
        self.dir = os.path.join(data_dir, name)
        model = onnx.load(os.path.join(self.dir, 'model.onnx'))
        graph = model.graph
        # The data sets number inputs in graph-input order, without the initializers.
        initializers = {init.name for init in graph.initializer}
        self.inputs = [(v.name, v.type.tensor_type.elem_type) for v in graph.input
                       if v.name not in initializers]
        # (name, 'tensor_type' | 'sequence_type' | ..., declared element type or 0)
        self.outputs = [(v.name, v.type.WhichOneof('value'), v.type.tensor_type.elem_type)
                        for v in graph.output]
        self.ops = []
        for node in graph.node:
            name = op_name(node)
            if name not in self.ops:
                self.ops.append(name)
        self.data_sets = sorted(
            (d for d in os.listdir(self.dir) if d.startswith('test_data_set_')),
            key=lambda d: int(d[len('test_data_set_'):]))

    def single_op(self):
        """The op under test when the graph is one node, Constant feeders aside."""
        ops = [op for op in self.ops if op != 'Constant'] or self.ops
        return ops[0] if len(ops) == 1 else None


def discover(data_dir):
    return sorted(d for d in os.listdir(data_dir)
                  if d.startswith('test_') and os.path.isfile(os.path.join(data_dir, d, 'model.onnx')))


def read_list(path):
    """A test list: one name a line; blank lines and '#' comments are ignored."""
    names = []
    with open(path) as f:
        for line in f:
            line = line.split('#', 1)[0].strip()
            if line:
                names.append(line)
    return names


def families(tests):
    """Map each test to the op its README row counts it under.

    An `_expanded` test is the op's function body spelled out in primitive ops; it belongs to
    the op of its unexpanded twin, which is always a single-node test.
    """
    out = {}
    for name, t in tests.items():
        op = t.single_op()
        if op is None and name.endswith('_expanded') and name[:-len('_expanded')] in tests:
            op = tests[name[:-len('_expanded')]].single_op()
        if op is None:
            op = name[len('test_'):].replace('_expanded', '')
        out[name] = op
    return out


# ---------------------------------------------------------------------------------------------
# Running tcc
# ---------------------------------------------------------------------------------------------


def run_tool(cmd, timeout):
    """Run cmd; return (returncode or None on timeout, stderr text).

    tcc compile starts a linker; a new session lets a timeout kill the whole group instead of
    leaving the linker behind on a shared machine.
    """
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return None, ''
    return proc.returncode, err.decode('utf-8', 'replace')


def classify_exit(stage, rc, stderr, timeout):
    """Status and message for a failed tcc invocation (rc != 0)."""
    if rc is None:
        return 'crash', '%s: timed out after %d s' % (stage, timeout)
    if rc < 0:
        try:
            sig = signal.Signals(-rc).name
        except ValueError:
            sig = 'signal %d' % -rc
        return 'crash', '%s: killed by %s' % (stage, sig)
    lines = [l for l in stderr.splitlines() if l.strip()]
    errors = [l for l in lines if l.startswith('tcc: error:')]
    if rc == 1 and errors:
        return 'unsupported', errors[0][len('tcc: error:'):].strip()
    last = errors[0] if errors else (lines[-1] if lines else '(no stderr)')
    return 'crash', '%s: exit %d: %s' % (stage, rc, last[:300])


def load_reference(path, kind):
    """A reference output as numpy: an array, or a list (sequence) / None (empty optional)."""
    with open(path, 'rb') as f:
        data = f.read()
    if kind == 'sequence_type':
        proto = onnx.SequenceProto()
        proto.ParseFromString(data)
        return numpy_helper.to_list(proto)
    if kind == 'optional_type':
        proto = onnx.OptionalProto()
        proto.ParseFromString(data)
        return numpy_helper.to_optional(proto)
    proto = onnx.TensorProto()
    proto.ParseFromString(data)
    return numpy_helper.to_array(proto)


def bfloat16_bits_to_float32(bits):
    return (bits.astype(np.uint32) << 16).view(np.float32)


def input_file(path, declared, work):
    """The file to pass tcc for one data-set input.

    NumPy has no bfloat16, so the ONNX test generators store bfloat16 data as its raw bits in a
    UINT16 tensor (the backend runner hands backends those uint16 arrays). tcc rightly refuses
    a UINT16 file for a BFLOAT16 input; retagging the same bits is what the data means.
    """
    if declared != onnx.TensorProto.BFLOAT16:
        return path
    tensor = onnx.load_tensor(path)
    if tensor.data_type != onnx.TensorProto.UINT16:
        return path
    bits = numpy_helper.to_array(tensor)
    retagged = onnx.helper.make_tensor(tensor.name, onnx.TensorProto.BFLOAT16, bits.shape,
                                       bits.tobytes(), raw=True)
    out = os.path.join(work, 'bf16_' + os.path.basename(os.path.dirname(path)) + '_'
                       + os.path.basename(path))
    onnx.save_tensor(retagged, out)
    return out


def fmt(value):
    # float32 values printed through float64 repr grow noise digits; 9 are enough to tell
    # any two float32 apart.
    if np.asarray(value).dtype.kind == 'f':
        return '%.9g' % value
    return repr(value.item() if isinstance(value, np.generic) else value)


def describe_mismatch(got, ref):
    """A one-line account of where got and ref differ, for the results file."""
    if ref.dtype.kind in 'fc':
        close = np.isclose(got, ref, rtol=RTOL, atol=ATOL, equal_nan=True)
    else:
        close = got == ref
    bad = np.argwhere(~np.asarray(close))
    msg = '%d of %d elements differ' % (len(bad), ref.size)
    if len(bad):
        idx = tuple(bad[0])
        msg += '; first at %s: got %s, expected %s' % (list(idx), fmt(got[idx]), fmt(ref[idx]))
    if ref.dtype.kind in 'fc' and ref.size:
        with np.errstate(invalid='ignore'):
            diff = np.abs(got.astype(np.float64) - ref.astype(np.float64))
        finite = diff[np.isfinite(diff)]
        if finite.size:
            msg += '; max abs diff %.3g' % finite.max()
    return msg


def compare(got, ref):
    """None when got matches ref as the ONNX runner requires, else why it does not.

    The runner's assert_allclose broadcasts a 0-d array and is lenient on ints; tcc writes the
    declared dtype and shape, so both must match exactly and ints/bools must be equal.
    """
    if got.dtype != ref.dtype:
        return 'dtype %s, expected %s' % (got.dtype, ref.dtype)
    if got.shape != ref.shape:
        return 'shape %s, expected %s' % (list(got.shape), list(ref.shape))
    try:
        if ref.dtype.kind in 'fc':
            np.testing.assert_allclose(got, ref, rtol=RTOL, atol=ATOL, equal_nan=True)
        else:
            np.testing.assert_array_equal(got, ref)
    except AssertionError:
        return describe_mismatch(got, ref)
    return None


def run_data_set(test, tcc, model_dir, work, data_set, run_timeout, frozen=()):
    """(status, message) for one data set of a compiled test; inputs named in
    `frozen` were compiled in as constants and are not passed."""
    ds_dir = os.path.join(test.dir, data_set)
    out_dir = os.path.join(work, 'out_' + data_set)
    cmd = [tcc, 'run', model_dir, '--output-dir', out_dir]
    k = 0
    while os.path.exists(os.path.join(ds_dir, 'input_%d.pb' % k)):
        if k >= len(test.inputs):
            return 'crash', 'harness: %s has more inputs than the graph' % data_set
        name, declared = test.inputs[k]
        if name not in frozen:
            path = input_file(os.path.join(ds_dir, 'input_%d.pb' % k), declared, work)
            cmd += ['--input', '%s=%s' % (name, path)]
        k += 1
    rc, err = run_tool(cmd, run_timeout)
    if rc != 0:
        return classify_exit('run', rc, err, run_timeout)
    for k, (name, kind, declared) in enumerate(test.outputs):
        ref_path = os.path.join(ds_dir, 'output_%d.pb' % k)
        if not os.path.exists(ref_path):
            continue
        got_path = os.path.join(out_dir, sanitize(name) + '.pb')
        if not os.path.exists(got_path):
            return 'crash', 'run: exit 0 but no output file %s.pb' % sanitize(name)
        ref = load_reference(ref_path, kind)
        if not isinstance(ref, np.ndarray):
            return 'wrong', "output '%s' is a %s; tcc wrote a tensor" % (name, kind)
        try:
            got_proto = onnx.load_tensor(got_path)
            got = numpy_helper.to_array(got_proto)
        except Exception as e:  # a truncated or malformed file is tcc's fault, not the test's
            return 'crash', "run: unreadable output '%s': %s" % (name, str(e).splitlines()[0])
        if declared and got_proto.data_type != declared:
            return 'wrong', "output '%s': element type %s, the model declares %s" % (
                name, onnx.TensorProto.DataType.Name(got_proto.data_type),
                onnx.TensorProto.DataType.Name(declared))
        if declared == onnx.TensorProto.BFLOAT16 and ref.dtype == np.uint16:
            # Bits stored as UINT16 (see input_file); numpy_helper reads tcc's BFLOAT16 file
            # as float32, so compare values.
            ref = bfloat16_bits_to_float32(ref)
        why = compare(got, ref)
        if why:
            return 'wrong', "output '%s': %s" % (name, why)
    return 'pass', ''


# An ahead-of-time compiler needs shape-type operands (a Reshape's shape,
# Slice bounds, Pad pads, Tile repeats...) at compile time; many node tests
# feed them as graph inputs. Such a test is compiled once per data set with
# exactly the inputs tcc names as needed frozen to that data set's values
# (what a user does with a model whose shapes are fixed), then run on the
# remaining inputs, and its outputs compared as usual.
NEEDS_CONSTANT = re.compile(r"\(input '([^']+)'\) must be known at import time, but it is a graph input")


def freeze_and_compile(test, tcc, work, data_set, first, compile_timeout):
    """Compile `test` with graph inputs frozen to `data_set`'s values, starting
    with `first` and adding each further input tcc names. Returns (rc, stderr,
    model_dir, frozen names)."""
    ds_dir = os.path.join(test.dir, data_set)
    values = {}
    for k, (name, _) in enumerate(test.inputs):
        path = os.path.join(ds_dir, 'input_%d.pb' % k)
        if os.path.exists(path):
            values[name] = onnx.load_tensor(path)
    frozen = [first]
    while True:
        model = onnx.load(os.path.join(test.dir, 'model.onnx'))
        for name in frozen:
            if name not in values:
                return 1, 'tcc: error: input %s has no data to freeze' % name, None, frozen
            tensor = onnx.TensorProto()
            tensor.CopyFrom(values[name])
            tensor.name = name
            model.graph.initializer.append(tensor)
        kept = [v for v in model.graph.input if v.name not in frozen]
        del model.graph.input[:]
        model.graph.input.extend(kept)
        tag = '%s.frozen%d' % (data_set, len(frozen))
        path = os.path.join(work, tag + '.onnx')
        onnx.save(model, path)
        model_dir = os.path.join(work, tag)
        rc, err = run_tool([tcc, 'compile', path, '-o', model_dir] + COMPILE_FLAGS,
                           compile_timeout)
        more = NEEDS_CONSTANT.search(err) if rc != 0 else None
        if not more or more.group(1) in frozen or len(frozen) >= len(test.inputs):
            return rc, err, model_dir, frozen
        frozen.append(more.group(1))


def run_test(test, tcc, compile_timeout, run_timeout, tmp_root):
    """Compile and run one test; returns its result record."""
    start = time.monotonic()
    result = {'status': 'pass', 'stage': '', 'message': '', 'ops': test.ops}
    work = tempfile.mkdtemp(prefix=test.name + '.', dir=tmp_root)
    try:
        model_dir = os.path.join(work, 'model')
        rc, err = run_tool([tcc, 'compile', os.path.join(test.dir, 'model.onnx'), '-o', model_dir]
                           + COMPILE_FLAGS, compile_timeout)
        needs_constant = NEEDS_CONSTANT.search(err) if rc != 0 else None
        if needs_constant:
            for data_set in test.data_sets:
                rc, err, frozen_dir, frozen = freeze_and_compile(
                    test, tcc, work, data_set, needs_constant.group(1), compile_timeout)
                if rc != 0:
                    status, message = classify_exit('compile', rc, err, compile_timeout)
                    stage = 'compile'
                else:
                    status, message = run_data_set(test, tcc, frozen_dir, work, data_set,
                                                   run_timeout, frozen)
                    stage = 'run'
                result['frozen'] = sorted(set(result.get('frozen', [])) | set(frozen))
                if SEVERITY[status] > SEVERITY[result['status']]:
                    result.update(status=status, stage=stage, message=message)
        elif rc != 0:
            result['status'], result['message'] = classify_exit('compile', rc, err, compile_timeout)
            result['stage'] = 'compile'
        else:
            for data_set in test.data_sets:
                status, message = run_data_set(test, tcc, model_dir, work, data_set, run_timeout)
                if SEVERITY[status] > SEVERITY[result['status']]:
                    result.update(status=status, stage='run', message=message)
                    if len(test.data_sets) > 1:
                        result['message'] = '%s: %s' % (data_set, message)
    except Exception as e:  # the harness must report, not die, on one odd test
        result.update(status='crash', stage='harness', message='%s: %s' % (type(e).__name__, e))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    # Temporary paths in messages would make RESULTS.md differ from run to run.
    result['message'] = result['message'].replace(work, '$TMP')
    result['seconds'] = round(time.monotonic() - start, 2)
    return result


# ---------------------------------------------------------------------------------------------
# Reports
# ---------------------------------------------------------------------------------------------


def counts(results):
    c = collections.Counter(r['status'] for r in results.values())
    return {s: c.get(s, 0) for s in STATUSES}


def summary_line(results):
    c = counts(results)
    total = len(results)
    rate = 100.0 * c['pass'] / total if total else 0.0
    return 'onnx node tests: %d run, %d pass (%.1f%%), %d unsupported, %d wrong, %d crash' % (
        total, c['pass'], rate, c['unsupported'], c['wrong'], c['crash'])


def normalize_message(msg):
    """Group messages that differ only in node, tensor or file names, paths or opset.

    Op type names stay: the point of the grouping is which op would add the most passes.
    """
    msg = re.sub(r"\b(node|input|output|from|load) '[^']*'", r"\1 '…'", msg)
    msg = re.sub(r'/[^\s:\']+', '…', msg)
    msg = re.sub(r'\bopset \d+\b', 'opset N', msg)
    return msg


def write_expected(path, results):
    passing = sorted(t for t, r in results.items() if r['status'] == 'pass')
    with open(path, 'w') as f:
        f.write('# ONNX backend node tests that tcc passes; ctest onnx_node_x86 fails when one\n')
        f.write('# of them stops passing. Generated, do not edit; regenerate with\n')
        f.write('#   %s\n' % REGEN_COMMAND)
        for t in passing:
            f.write(t + '\n')


def write_readme_table(path, results, family):
    rows = collections.defaultdict(collections.Counter)
    for t, r in results.items():
        rows[family[t]][r['status']] += 1
    c = counts(results)
    lines = [
        '# ONNX backend node tests',
        '',
        'Generated from Debian libonnx-testdata (`%s`), do not edit; regenerate with' % DEFAULT_DATA,
        '',
        '```sh',
        REGEN_COMMAND,
        '```',
        '',
        '%s.' % summary_line(results),
        '',
        'A test counts under the op of its single node; an `_expanded` test (the op\'s function',
        'body in primitive ops) under the op of its twin. `wrong` = ran with a wrong result,',
        '`crash` = signal, internal error or timeout.',
        '',
        '| Op | Pass / total | Unsupported | Wrong | Crash |',
        '|----|-------------:|------------:|------:|------:|',
    ]
    for op in sorted(rows, key=lambda o: (o.lower(), o)):
        n = rows[op]
        lines.append('| %s | %d / %d | %d | %d | %d |' % (
            op, n['pass'], sum(n.values()), n['unsupported'], n['wrong'], n['crash']))
    lines.append('| **all** | **%d / %d** | %d | %d | %d |' % (
        c['pass'], len(results), c['unsupported'], c['wrong'], c['crash']))

    bad = sorted(t for t, r in results.items() if r['status'] in ('wrong', 'crash'))
    if bad:
        lines += ['', '## Wrong results and crashes', '']
        for t in bad:
            r = results[t]
            lines.append('- `%s` (%s, %s): %s' % (t, ', '.join(r['ops']), r['status'], r['message']))

    reasons = collections.Counter(normalize_message(r['message'])
                                  for r in results.values() if r['status'] == 'unsupported')
    if reasons:
        lines += ['', '## Unsupported: the most frequent reasons', '',
                  '| Tests | Message (names elided) |', '|------:|----|']
        for msg, n in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))[:30]:
            lines.append('| %d | %s |' % (n, msg.replace('|', '\\|')))
    with open(path, 'w') as f:
        f.write('\n'.join(lines) + '\n')


def check_expected(path, results, all_tests):
    """Failures of the ctest gate, as printable lines (empty when it passes)."""
    failures = []
    expected = read_list(path)
    for t in expected:
        if t not in all_tests:
            failures.append('%s: listed in %s but not in the test data' % (t, path))
        elif t in results and results[t]['status'] != 'pass':
            r = results[t]
            failures.append('%s: expected to pass, got %s: %s' % (t, r['status'], r['message']))
    for t, r in sorted(results.items()):
        if r['status'] in ('wrong', 'crash') and t not in expected:
            failures.append('%s: %s (%s): %s' % (t, r['status'], ', '.join(r['ops']), r['message']))
    new = sorted(set(t for t, r in results.items() if r['status'] == 'pass') - set(expected))
    if new:
        print('%d test(s) pass but are not in %s; regenerate it with\n  %s\n  new: %s' % (
            len(new), path, REGEN_COMMAND, ' '.join(new)))
    return failures


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    p.add_argument('--tcc', default=os.path.join(REPO_ROOT, 'build', 'bin', 'tcc'),
                   help='the tcc binary (default: build/bin/tcc of this checkout)')
    p.add_argument('--data-dir', default=DEFAULT_DATA, help='node test directory (default: %(default)s)')
    p.add_argument('--jobs', '-j', type=int, default=2, help='tests run in parallel (default: 2)')
    p.add_argument('--filter', help='run only tests whose name matches this regex (re.search)')
    p.add_argument('--list', help='run only the tests named in this file')
    p.add_argument('--compile-timeout', type=int, default=120, help='seconds (default: 120)')
    p.add_argument('--run-timeout', type=int, default=60, help='seconds per data set (default: 60)')
    p.add_argument('--results', default='onnx_node_results.json',
                   help='JSON results file (default: %(default)s)')
    p.add_argument('--check-expected', metavar='FILE',
                   help='fail unless every listed test passes and no test is wrong or crashes')
    p.add_argument('--write-expected', metavar='FILE', help='write the sorted passing tests')
    p.add_argument('--write-readme-table', metavar='FILE', help='write the per-op markdown table')
    p.add_argument('--verbose', '-v', action='store_true', help='print every test, not just failures')
    p.add_argument('--target', default='x86-64', help='tcc compile --target (default: %(default)s)')
    p.add_argument('--sample-every', type=int, default=1, metavar='N',
                   help='run every N-th selected test in sorted order (default: all)')
    args = p.parse_args()
    if (args.filter or args.list or args.sample_every != 1 or args.target != 'x86-64') and (args.write_expected or args.write_readme_table):
        # Both files describe the whole suite; a subset would silently shrink them.
        p.error('--write-expected/--write-readme-table need the whole x86-64 suite '
                '(no --filter/--list/--sample-every/--target)')
    if args.sample_every < 1:
        p.error('--sample-every must be at least 1')
    if args.jobs < 1:
        p.error('--jobs must be at least 1')
    return args


def main():
    args = parse_args()
    if not os.path.isdir(args.data_dir):
        print('onnx node tests: no test data at %s (Debian package libonnx-testdata); skipped'
              % args.data_dir)
        return EXIT_SKIP
    if not os.access(args.tcc, os.X_OK):
        print('onnx node tests: tcc binary %s not found' % args.tcc, file=sys.stderr)
        return 2
    tcc = os.path.abspath(args.tcc)

    all_names = discover(args.data_dir)
    names = all_names
    if args.list:
        wanted = read_list(args.list)
        unknown = sorted(set(wanted) - set(all_names))
        if unknown:
            print('onnx node tests: not in the test data: %s' % ' '.join(unknown), file=sys.stderr)
            return 2
        names = sorted(set(wanted))
    if args.filter:
        names = [n for n in names if re.search(args.filter, n)]
    if os.environ.get('TCC_FULL_TESTS'):
        args.sample_every = 1  # the full (slow) variant of a bounded subset
    names = sorted(names)[::args.sample_every]
    if args.target != 'x86-64':
        COMPILE_FLAGS.append('--target=' + args.target)

    tests = {n: NodeTest(args.data_dir, n) for n in names}
    results = {}
    tmp_root = tempfile.mkdtemp(prefix='tcc_onnx_node.')
    start = time.monotonic()
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            futures = {pool.submit(run_test, tests[n], tcc, args.compile_timeout,
                                   args.run_timeout, tmp_root): n for n in names}
            for fut in concurrent.futures.as_completed(futures):
                name = futures[fut]
                r = results[name] = fut.result()
                if args.verbose or r['status'] in ('wrong', 'crash'):
                    print('%-11s %s (%s) %s' % (r['status'], name, ', '.join(r['ops']),
                                                r['message']), flush=True)
    finally:
        shutil.rmtree(tmp_root, ignore_errors=True)
    elapsed = time.monotonic() - start

    results = dict(sorted(results.items()))
    family = families(tests)
    with open(args.results, 'w') as f:
        json.dump({'tcc': tcc, 'data_dir': args.data_dir, 'summary': counts(results),
                   'seconds': round(elapsed, 1),
                   'tests': {t: dict(r, op=family[t]) for t, r in results.items()}},
                  f, indent=1, sort_keys=True)
        f.write('\n')
    if args.write_expected:
        write_expected(args.write_expected, results)
    if args.write_readme_table:
        write_readme_table(args.write_readme_table, results, family)

    print('%s in %.0f s (results: %s)' % (summary_line(results), elapsed, args.results))
    if args.check_expected:
        failures = check_expected(args.check_expected, results, set(all_names))
        if failures:
            print('FAILED: %d problem(s):' % len(failures))
            for line in failures:
                print('  ' + line)
            return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
