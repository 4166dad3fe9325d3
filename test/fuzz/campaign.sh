#!/usr/bin/env bash
# campaign.sh BUILD_DIR SECONDS HARNESS... : the long fuzzing runs (not CI).
#   test/fuzz/campaign.sh build-fuzz 1800 fuzz_bundle fuzz_tensor fuzz_onnx
# One harness after the other, one job each, at the lowest priority (the
# machine is shared); fork mode keeps fuzzing after a crash and collects
# every crashing input in BUILD_DIR/campaign/HARNESS/ (crash-*, timeout-*,
# oom-*). The corpus there grows across campaigns. Log: .../HARNESS/log.
set -uo pipefail
build=$1 seconds=$2
shift 2
src=$(cd "$(dirname "$0")" && pwd)
for harness in "$@"; do
  kind=${harness#fuzz_}
  work=$build/campaign/$harness
  mkdir -p "$work/corpus"
  seeds=("$src/corpus/$kind")
  [ -d "$src/regressions/$kind" ] && seeds+=("$src/regressions/$kind")
  echo "== $harness: $(date -Is), ${seconds}s" | tee -a "$work/log"
  nice -n 19 "$build/bin/$harness" "$work/corpus" "${seeds[@]}" \
    -max_total_time="$seconds" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 \
    -ignore_ooms=1 -timeout=20 -rss_limit_mb=2560 -print_final_stats=1 \
    -artifact_prefix="$work/" >>"$work/log" 2>&1
  echo "== $harness done: $(date -Is), rc=$?" | tee -a "$work/log"
done
