# Tests of the cross targets (cmake/CrossTargets.cmake), included by
# test/CMakeLists.txt. Each is registered only when its cross build exists.
# Bounded for CI (about 5 minutes on 2 cores); TCC_FULL_TESTS=1 widens the
# ONNX node subset to the whole expected list.
set(TCC_LIT_CMD ${TCC_PYTHON} /usr/lib/llvm-19/build/utils/lit/lit.py -sv
    --param tcc_site_config=${CMAKE_CURRENT_BINARY_DIR}/lit/lit.site.cfg.py)

# The runtime core against its size budgets (runtime/size/budget.json), per
# target built here.
set(size_targets x86-64=${PROJECT_BINARY_DIR}/runtime/core_size_inputs.txt)
if(TARGET tcc_runtime_aarch64)
  list(APPEND size_targets aarch64=${TCC_AARCH64_DIR}/core_size_inputs.txt)
endif()
if(TARGET tcc_runtime_cortex_m4)
  list(APPEND size_targets cortex-m4=${TCC_CORTEX_M4_DIR}/core_size_inputs.txt)
endif()
list(TRANSFORM size_targets PREPEND "--target=")
add_test(NAME runtime_core_size
  COMMAND ${TCC_PYTHON} ${PROJECT_SOURCE_DIR}/runtime/size/size_report.py
          ${size_targets} --budget ${PROJECT_SOURCE_DIR}/runtime/size/budget.json)
if(TARGET tcc_runtime_aarch64 AND TARGET tcc_runtime_cortex_m4)
  # Every budgeted target must be measured when all cross builds exist.
  set_property(TEST runtime_core_size APPEND PROPERTY ENVIRONMENT TCC_SIZE_CHECK_ALL=1)
endif()

if(TARGET tcc_runtime_aarch64 AND TCC_QEMU_AARCH64)
  # The runtime's own unit tests (kernels incl. NEON, bundle reader, tensor
  # files) built for aarch64, under qemu-aarch64.
  add_test(NAME aarch64_unit
    COMMAND ${CMAKE_CTEST_COMMAND} --test-dir ${TCC_AARCH64_DIR} -j 2
            --output-on-failure)
  set_tests_properties(aarch64_unit PROPERTIES TIMEOUT 900 PROCESSORS 2)

  # Every generated model compiled for aarch64 and run under qemu.
  add_test(NAME lit_aarch64 COMMAND ${TCC_LIT_CMD} ${CMAKE_CURRENT_SOURCE_DIR}/lit/aarch64)
  set_tests_properties(lit_aarch64 PROPERTIES FIXTURES_REQUIRED models TIMEOUT 900)

  # ONNX node tests for aarch64: every 8th test of the generated x86 pass list
  # (a deterministic subset; all of them with TCC_FULL_TESTS=1).
  add_test(NAME onnx_node_aarch64
    COMMAND ${TCC_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/onnx_node/run_node_tests.py
            --tcc $<TARGET_FILE:tcc> --data-dir ${TCC_ONNX_NODE_DATA} --jobs 2
            --target aarch64 --sample-every 8
            --list ${CMAKE_CURRENT_SOURCE_DIR}/onnx_node/expected_pass.txt
            --check-expected ${CMAKE_CURRENT_SOURCE_DIR}/onnx_node/expected_pass.txt
            --results ${CMAKE_CURRENT_BINARY_DIR}/onnx_node_aarch64_results.json)
  set_tests_properties(onnx_node_aarch64 PROPERTIES TIMEOUT 1800 SKIP_RETURN_CODE 77
    PROCESSORS 2)

  # The firmware-style example as a static aarch64 binary, run under qemu.
  add_test(NAME firmware_example_aarch64
    COMMAND sh -c "'${PROJECT_SOURCE_DIR}/examples/firmware/build.sh' aarch64 '${CMAKE_CURRENT_BINARY_DIR}/firmware-aarch64' '${PROJECT_BINARY_DIR}' && '${TCC_QEMU_AARCH64}' '${CMAKE_CURRENT_BINARY_DIR}/firmware-aarch64/example'")
  set_tests_properties(firmware_example_aarch64 PROPERTIES
    PASS_REGULAR_EXPRESSION "matches the reference"
    FAIL_REGULAR_EXPRESSION "DOES NOT match;error")
endif()

if(TARGET tcc_runtime_cortex_m4)
  # The same example linked into a bare-metal Cortex-M4 image (not run:
  # there is no Cortex-M emulator in the test setup); the image must link
  # within the linker script's flash and RAM.
  add_test(NAME firmware_example_cortex_m4
    COMMAND sh -c "'${PROJECT_SOURCE_DIR}/examples/firmware/build.sh' cortex-m4 '${CMAKE_CURRENT_BINARY_DIR}/firmware-cortex-m4' '${PROJECT_BINARY_DIR}' && arm-none-eabi-size '${CMAKE_CURRENT_BINARY_DIR}/firmware-cortex-m4/example.elf'")
endif()
