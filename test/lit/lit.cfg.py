# lit configuration for tcc: tcc-opt pass tests, tfm dialect tests, and
# importer/driver tests that run `tcc` on ONNX files.
import os
import lit.formats

config.name = "tcc"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".mlir", ".test"]
config.excludes = ["lit.cfg.py", "lit.site.cfg.py.in", "utils", "Inputs"]

site = lit_config.params.get("tcc_site_config")
if not site:
    lit_config.fatal("run through ctest, or pass --param tcc_site_config=BUILD/test/lit/lit.site.cfg.py")
lit_config.load_config(config, site)

config.test_source_root = os.path.dirname(__file__)
# Output/ directories go to the build tree (set by the site config).
config.environment["PATH"] = os.pathsep.join(
    [config.tcc_bin_dir, config.llvm_bin_dir, config.environment.get("PATH", "")])

utils = os.path.join(config.test_source_root, "utils")
# Full (slow) variants of bounded tests: TCC_FULL_TESTS=1 ctest ...
if "TCC_FULL_TESTS" in os.environ:
    config.environment["TCC_FULL_TESTS"] = os.environ["TCC_FULL_TESTS"]
config.substitutions.append(("%models", config.tcc_models_dir))
config.substitutions.append(("%testmodels", os.path.join(config.tcc_src_dir, "test", "models")))
config.substitutions.append(("%python", config.python))
# `%run-ref REF_DIR OUTDIR OUT_DIR`: tcc run on a generator's reference inputs;
# `%compare REF_DIR OUT_DIR`: max|tcc - ref| <= 1e-4 * max|ref| per output.
config.substitutions.append(("%run-ref", config.python + " " + os.path.join(utils, "run_reference.py")))
config.substitutions.append(("%compare", config.python + " " + os.path.join(utils, "compare_outputs.py")))
# `%ort-run MODEL REF_DIR OUT_DIR`: ONNX Runtime (npm onnxruntime-node,
# installed by build.sh into BUILD/ort) on the same inputs, as the oracle.
config.environment["TCC_ORT_DIR"] = config.tcc_ort_dir
config.substitutions.append(("%ort-run", "node " + os.path.join(config.tcc_src_dir, "test", "ort", "ort_run.js")))
# `%exit 1 CMD...` runs CMD and succeeds only when it exits with that code.
config.substitutions.append(("%exit", config.python + " " + os.path.join(utils, "exit_code.py")))

# targets/: lower linalg-on-tensors (the output of convert-tfm-to-linalg) to
# the LLVM dialect with upstream passes, and JIT-run `main` with the runner
# libraries that provide printMemref*. Identity layouts at function
# boundaries, as the CPU backend bufferizes.
_llvm_lib = os.path.join(os.path.dirname(config.llvm_bin_dir), "lib")
config.substitutions.append(("%linalg-to-llvm", " ".join([
    "mlir-opt",
    "--one-shot-bufferize='bufferize-function-boundaries function-boundary-type-conversion=identity-layout-map'",
    "--convert-linalg-to-loops", "--expand-strided-metadata",
    "--lower-affine", "--convert-scf-to-cf",
    # math-to-llvm first: math-to-libm rejects the ops it has no libm call
    # for (absi, rsqrt, ...); it then takes what LLVM has no intrinsic for
    # (erf, tanh).
    "--convert-math-to-llvm", "--convert-math-to-libm",
    "--finalize-memref-to-llvm", "--convert-func-to-llvm", "--convert-arith-to-llvm",
    "--convert-cf-to-llvm", "--convert-index-to-llvm",
    "--reconcile-unrealized-casts"])))
config.substitutions.append(("%mlir-run", " ".join([
    "mlir-cpu-runner", "-e", "main", "-entry-point-result=void",
    "-shared-libs=" + ",".join(os.path.join(_llvm_lib, l) for l in
                               ["libmlir_runner_utils.so", "libmlir_c_runner_utils.so"])])))

# `REQUIRES: aarch64`: tests that compile for aarch64 and run the result under
# qemu-aarch64 need the cross-built runtime and qemu-user.
import shutil
if getattr(config, "tcc_aarch64_runner", "") and os.path.exists(config.tcc_aarch64_runner) \
        and shutil.which("qemu-aarch64"):
    config.available_features.add("aarch64")
