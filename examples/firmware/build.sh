#!/usr/bin/env bash
# Builds the firmware-style example for one target:
#   examples/firmware/build.sh aarch64   OUT [BUILD]   static AArch64 Linux binary OUT/example
#   examples/firmware/build.sh cortex-m4 OUT [BUILD]   bare-metal image OUT/example.elf
# BUILD is the tcc build directory (default: build): it provides bin/tcc and
# the cross-built runtime (BUILD/aarch64, BUILD/cortex-m4; cmake/CrossTargets.cmake).
# The model is the README's example (test/models/example/tiny_vit.onnx),
# compiled by tcc for the target; its input and reference output are
# compiled into the program (gen_data.py). Run the aarch64 one with
#   qemu-aarch64 OUT/example
set -euo pipefail
target=${1:?usage: build.sh aarch64|cortex-m4 OUT [BUILD]}
out=${2:?usage: build.sh aarch64|cortex-m4 OUT [BUILD]}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "${3:-$root/build}" && pwd)
python=${TCC_PYTHON:-/usr/bin/python3}
model=$root/test/models/example
mkdir -p "$out"

case "$target" in
  aarch64)
    runtime=$build/aarch64
    "$build/bin/tcc" compile "$model/tiny_vit.onnx" --target=aarch64 --mcpu=cortex-a53 -o "$out/model"
    cc=(aarch64-linux-gnu-gcc -O2 -static)
    platform=$here/platform_linux.c
    link=(-lm)
    image=$out/example ;;
  cortex-m4)
    runtime=$build/cortex-m4
    "$build/bin/tcc" compile "$model/tiny_vit.onnx" --target=arm-none-eabi --mcpu=cortex-m4 -o "$out/model"
    cc=(arm-none-eabi-gcc -Os -mthumb -mcpu=cortex-m4 -mfloat-abi=hard -mfpu=fpv4-sp-d16
        -ffreestanding -ffunction-sections -fdata-sections -nostartfiles
        -T "$here/cortex-m4.ld" -Wl,--gc-sections -Wl,-Map="$out/example.map"
        --specs=nano.specs)
    platform=$here/platform_baremetal.c
    # newlib-nano: libm for expf/erff/tanhf, libc for memcpy/memset.
    link=(-lm -lc -lgcc -lnosys)
    image=$out/example.elf ;;
  *) echo "build.sh: unknown target '$target' (aarch64 or cortex-m4)" >&2; exit 1 ;;
esac
for f in "$runtime/libtcc_runtime.a" "$out/model/libmodel.a"; do
  [ -f "$f" ] || { echo "build.sh: $f is missing (build the tcc_runtime_* cross targets)" >&2; exit 1; }
done
"$python" "$here/gen_data.py" "$model/tiny_vit_input.npy" "$model/tiny_vit_output.npy" \
    "$out/input_data.h"
"${cc[@]}" -std=c11 -Wall -Wextra -I "$out/model" -I "$out" -I "$root/runtime/include" \
    "$here/main.c" "$platform" "$out/model/libmodel.a" "$runtime/libtcc_runtime.a" \
    "${link[@]}" -o "$image"
echo "built $image"
