#!/usr/bin/env bash
# run_fuzzer.sh FUZZER WORKDIR SECONDS INPUT... : one bounded libFuzzer run.
# WORKDIR/corpus receives new inputs, WORKDIR/crash-* any crash; the inputs
# (committed seeds and regressions) are read only. One job, low priority: CI
# machines have 2 cores. Exits non-zero on a crash, leak, timeout or OOM.
set -euo pipefail
fuzzer=$1 work=$2 seconds=$3
shift 3
rm -rf "$work" && mkdir -p "$work/corpus"
# A protobuf message nests at most 100 deep and the importer checks every
# input before allocating, so 2.5 GB and 20 s per input are generous.
exec nice -n 19 "$fuzzer" "$work/corpus" "$@" \
  -max_total_time="$seconds" -jobs=1 -workers=1 -timeout=20 -rss_limit_mb=2560 \
  -print_final_stats=1 -artifact_prefix="$work/"
