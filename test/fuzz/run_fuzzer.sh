#!/usr/bin/env bash
# run_fuzzer.sh FUZZER WORKDIR SECONDS INPUT... : one bounded libFuzzer run.
# WORKDIR/corpus receives new inputs (and a copy of each INPUT that is a
# file: libFuzzer reads only directories), WORKDIR/crash-* any crash; the
# INPUT directories (committed seeds and regressions) are only read. One
# process at low priority: CI machines have 2 cores. Exits non-zero on a
# crash, leak, timeout (20 s per input) or out-of-memory (2.5 GB).
set -euo pipefail
fuzzer=$1 work=$2 seconds=$3
shift 3
rm -rf "$work" && mkdir -p "$work/corpus"
dirs=()
for input in "$@"; do
  if [ -d "$input" ]; then dirs+=("$input"); else cp "$input" "$work/corpus/"; fi
done
exec nice -n 19 "$fuzzer" "$work/corpus" "${dirs[@]}" \
  -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 \
  -print_final_stats=1 -artifact_prefix="$work/"
