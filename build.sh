#!/usr/bin/env bash
# One entry point for a fresh machine: installs the Debian packages tcc needs,
# configures and builds, then runs what was asked.
#   ./build.sh example   compile the bundled example model and show the result
#   ./build.sh test      run the whole test suite (ctest)
#   ./build.sh sanitize  ASan+UBSan build and tests, bounded fuzzing (build-asan/)
#   ./build.sh           just install and build
set -euo pipefail
cd "$(dirname "$0")"
BUILD_DIR=${TCC_BUILD_DIR:-build}

PACKAGES=(
  cmake ninja-build ccache g++ time
  llvm-19-dev libmlir-19-dev mlir-19-tools llvm-19-tools clang-19
  libprotobuf-dev protobuf-compiler libonnx-dev libonnx-testdata
  libflatbuffers-dev flatbuffers-compiler libgtest-dev libbenchmark-dev
  libclang-rt-19-dev
  python3-torch python3-onnx python3-numpy libopenblas0-pthread
  gcc-aarch64-linux-gnu g++-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user
  gcc-arm-none-eabi libstdc++-arm-none-eabi-newlib libnewlib-arm-none-eabi
)

install_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "== installing: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# ONNX Runtime from npm (its CPU library ships inside the package; the
# install script only fetches GPU add-ons, hence --ignore-scripts): the
# tests' independent oracle and the benchmarks' baseline.
install_onnxruntime() {
  local dir="$BUILD_DIR/ort"
  if ! command -v npm >/dev/null; then
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends nodejs npm
  fi
  if [ ! -f "$dir/node_modules/onnxruntime-node/package.json" ] || ! cmp -s test/ort/package.json "$dir/package.json"; then
    mkdir -p "$dir"
    cp test/ort/package.json "$dir/package.json"
    (cd "$dir" && npm install --ignore-scripts --no-audit --no-fund)
  fi
}

build() {
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    cmake -G Ninja -B "$BUILD_DIR" -S . -DCMAKE_BUILD_TYPE=Release
  fi
  # Two jobs: MLIR translation units need ~1 GB each and CI has 2 cores.
  ninja -C "$BUILD_DIR" -j "${TCC_JOBS:-2}"
}

install_packages
build
install_onnxruntime

case "${1:-}" in
  example)
    model=test/models/example/tiny_vit.onnx
    out="$BUILD_DIR/example/tiny_vit.tcc"
    echo "== tcc compile $model --emit=tfm --elide-weights   (the raised tfm IR)"
    "$BUILD_DIR/bin/tcc" compile "$model" --emit=tfm --elide-weights -o -
    echo "== tcc compile $model -o $out"
    "$BUILD_DIR/bin/tcc" compile "$model" -o "$out"
    echo "== tcc run $out --input pixels=test/models/example/tiny_vit_input.npy --iterations 20"
    "$BUILD_DIR/bin/tcc" run "$out" --input pixels=test/models/example/tiny_vit_input.npy \
        --output-dir "$BUILD_DIR/example/outputs" --iterations 20
    echo "== tcc inspect $out"
    "$BUILD_DIR/bin/tcc" inspect "$out"
    ;;
  test)
    ctest --test-dir "$BUILD_DIR" --output-on-failure -j "${TCC_JOBS:-2}"
    ;;
  sanitize)
    # ASan+UBSan build (clang-19) of the runtime, kernels, tfm dialect and
    # importer with their unit tests, the fuzzers' corpora and a bounded
    # run of each fuzzer (test/fuzz/README.md), in its own build directory.
    asan=${TCC_ASAN_BUILD_DIR:-build-asan}
    if [ ! -f "$asan/build.ninja" ]; then
      CC=clang-19 CXX=clang++-19 cmake -G Ninja -B "$asan" -S . \
        -DCMAKE_BUILD_TYPE=Release -DTCC_FUZZ=ON -DTCC_BUILD_BENCH=OFF
    fi
    ninja -C "$asan" -j "${TCC_JOBS:-2}"
    ctest --test-dir "$asan" --output-on-failure -j "${TCC_JOBS:-2}"
    ;;
  "") ;;
  *) echo "usage: $0 [example|test|sanitize]" >&2; exit 1 ;;
esac
