#!/usr/bin/env bash
# Instruction counts of the NEON GEMM microkernel's inner loop (4 k steps of
# the 6 x 8 tile), from llvm-mca on the code aarch64-linux-gnu-g++ generates
# with the kernel library's flags. Counts, not times: it needs no AArch64
# machine. Prints the loop's instruction mix, instructions per multiply-
# accumulate, and llvm-mca's cycles per iteration for a few cores.
#   bench/neon_gemm_mca.sh [OUT_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$(mktemp -d)}
mkdir -p "$out"
aarch64-linux-gnu-g++ -O3 -std=gnu++17 -fno-exceptions -fno-rtti \
  -I "$root/runtime/kernels/include" -I "$root/runtime/kernels" \
  -S -o "$out/gemm_neon.s" "$root/runtime/kernels/neon/gemm_neon.cpp"
# The inner loop: the shortest basic block holding the tile's 48 FMAs
# (6 rows x 2 vectors x 4 k steps).
/usr/bin/python3 - "$out/gemm_neon.s" "$out/loop.s" <<'PY'
import collections, re, sys
blocks, cur = [], None
for line in open(sys.argv[1]).read().splitlines():
    if re.match(r'^\.?L\w+:|^_Z\w+.*:', line):
        cur = []; blocks.append(cur)
    elif cur is not None and line.startswith('\t') and not line.startswith('\t.'):
        cur.append(line)
loops = sorted((b for b in blocks if sum(i.split()[0] == 'fmla' for i in b) == 48), key=len)
if not loops:
    sys.exit('no block with 48 fmla: has the tile changed?')
loop = loops[0]
open(sys.argv[2], 'w').write('\n'.join(loop) + '\n')
mix = collections.Counter(i.split()[0] for i in loop)
macs = 48 * 4
print('inner loop: %d instructions for %d multiply-accumulates (48 fmla .4s): '
      '%.3f instructions per MAC' % (len(loop), macs, len(loop) / macs))
print('mix: ' + ', '.join('%s %d' % kv for kv in sorted(mix.items(), key=lambda kv: -kv[1])))
PY
for cpu in cortex-a53 cortex-a72 neoverse-n1; do
  /usr/lib/llvm-19/bin/llvm-mca -mtriple=aarch64-linux-gnu -mcpu=$cpu -iterations=100 \
      "$out/loop.s" > "$out/mca-$cpu.txt"
  awk -v cpu=$cpu '/^Total Cycles:/ {printf "llvm-mca %s: %.1f cycles per iteration, %.2f MACs per cycle\n", cpu, $3 / 100, 192 * 100 / $3}' "$out/mca-$cpu.txt"
done
