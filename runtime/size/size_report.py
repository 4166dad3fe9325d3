#!/usr/bin/env python3
"""size_report.py: text/data/bss of the runtime core per target, against budgets.

    size_report.py --target NAME=BUILD/core_size_inputs.txt ... --budget budget.json
                   [--check] [--update-readme README.md]

Each core_size_inputs.txt is written by runtime/CMakeLists.txt: the target's
`size` tool, then the core's -Os -ffreestanding objects. The figures are the
sum over the objects (every API function kept; a firmware link with
--gc-sections drops what it does not call). It exits 1 when a target
exceeds its budget; --check (or TCC_SIZE_CHECK_ALL=1) also when a budgeted
target was not measured. --update-readme
rewrites the table between the size-report markers of the given file.
"""
import argparse
import json
import os
import re
import subprocess
import sys

BEGIN, END = "<!-- size-report:begin -->", "<!-- size-report:end -->"


def measure(inputs_file):
    with open(inputs_file) as f:
        lines = [l.strip() for l in f if l.strip()]
    tool, objects = lines[0], lines[1:]
    out = subprocess.run([tool] + objects, capture_output=True, text=True, check=True).stdout
    per_object, total = {}, {"text": 0, "data": 0, "bss": 0}
    for line in out.splitlines()[1:]:
        text, data, bss, _, _, name = line.split(None, 5)
        short = re.sub(r"\.(o|obj)$", "", name.rsplit("/", 1)[-1])
        per_object[short] = int(text)
        for key, value in (("text", text), ("data", data), ("bss", bss)):
            total[key] += int(value)
    return total, per_object


def table(results, budget):
    rows = ["| target | text | data | bss | text budget | largest objects (text) |",
            "|---|---:|---:|---:|---:|---|"]
    for name, (total, per_object) in results.items():
        largest = ", ".join("%s %d" % kv for kv in
                            sorted(per_object.items(), key=lambda kv: -kv[1]))
        rows.append("| %s | %d | %d | %d | %s | %s |" % (
            name, total["text"], total["data"], total["bss"],
            budget.get(name, {}).get("text", "-"), largest))
    return "\n".join(rows)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--target", action="append", default=[], metavar="NAME=FILE")
    p.add_argument("--budget", required=True)
    p.add_argument("--check", action="store_true", help="every budgeted target must be measured")
    p.add_argument("--update-readme", metavar="FILE")
    args = p.parse_args()
    with open(args.budget) as f:
        budget = {k: v for k, v in json.load(f).items() if not k.startswith("_")}
    results = {}
    for spec in args.target:
        name, path = spec.split("=", 1)
        results[name] = measure(path)
    print(table(results, budget))
    failures = []
    for name, (total, _) in results.items():
        for key in ("text", "data", "bss"):
            limit = budget.get(name, {}).get(key)
            if limit is not None and total[key] > limit:
                failures.append("%s: %s %d bytes exceeds the budget of %d" %
                                (name, key, total[key], limit))
    if args.check or os.environ.get("TCC_SIZE_CHECK_ALL"):
        failures += ["%s: budgeted but not measured" % n for n in budget if n not in results]
    if args.update_readme:
        with open(args.update_readme) as f:
            text = f.read()
        if BEGIN not in text or END not in text:
            sys.exit("%s has no %s ... %s markers" % (args.update_readme, BEGIN, END))
        head, rest = text.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        with open(args.update_readme, "w") as f:
            f.write(head + BEGIN + "\n" + table(results, budget) + "\n" + END + tail)
    for line in failures:
        print("FAILED: " + line)
    if failures:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
