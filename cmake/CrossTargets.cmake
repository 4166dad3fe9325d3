# Cross builds of the runtime (runtime/ is a standalone CMake project) for the
# targets tcc generates code for but cannot run natively:
#   build/aarch64      AArch64 Linux: kernels (NEON), core, tcc-runner and the
#                      unit tests (run under qemu-aarch64 by ctest).
#   build/cortex-m4    arm-none-eabi Cortex-M4: core and kernels, -Os (sizes,
#                      firmware example).
# Each is an ExternalProject with its own toolchain file, built as part of
# the main build when its cross compiler is installed (build.sh installs
# them); without one, `tcc compile --target=aarch64` says what is missing.
include(ExternalProject)

set(TCC_CROSS_ARGS
  -DCMAKE_BUILD_TYPE=Release -DTCC_BUILD_BENCH=OFF -DTCC_PYTHON=${TCC_PYTHON})
if(CCACHE_PROGRAM)
  list(APPEND TCC_CROSS_ARGS -DCMAKE_C_COMPILER_LAUNCHER=${CCACHE_PROGRAM}
       -DCMAKE_CXX_COMPILER_LAUNCHER=${CCACHE_PROGRAM})
endif()

find_program(TCC_AARCH64_CXX aarch64-linux-gnu-g++)
find_program(TCC_AARCH64_CC aarch64-linux-gnu-gcc)
find_program(TCC_QEMU_AARCH64 qemu-aarch64)
set(TCC_AARCH64_SYSROOT /usr/aarch64-linux-gnu)
if(TCC_AARCH64_CXX AND TCC_AARCH64_CC AND EXISTS ${TCC_AARCH64_SYSROOT}/include/stdio.h)
  set(TCC_AARCH64_DIR ${PROJECT_BINARY_DIR}/aarch64)
  set(TCC_AARCH64_KERNELS_ARCHIVE ${TCC_AARCH64_DIR}/kernels/libtcc_kernels.a)
  set(TCC_AARCH64_RUNTIME_ARCHIVE ${TCC_AARCH64_DIR}/libtcc_runtime.a)
  set(TCC_AARCH64_RUNNER ${TCC_AARCH64_DIR}/tcc-runner)
  ExternalProject_Add(tcc_runtime_aarch64
    SOURCE_DIR ${PROJECT_SOURCE_DIR}/runtime
    BINARY_DIR ${TCC_AARCH64_DIR}
    CMAKE_GENERATOR Ninja
    CMAKE_ARGS ${TCC_CROSS_ARGS}
      -DCMAKE_TOOLCHAIN_FILE=${PROJECT_SOURCE_DIR}/cmake/toolchains/aarch64-linux-gnu.cmake
    # Two jobs, like the main build (CI has two cores).
    BUILD_COMMAND ${CMAKE_COMMAND} --build <BINARY_DIR> -j 2
    BUILD_ALWAYS ON
    INSTALL_COMMAND ""
    BUILD_BYPRODUCTS ${TCC_AARCH64_KERNELS_ARCHIVE} ${TCC_AARCH64_RUNTIME_ARCHIVE}
                     ${TCC_AARCH64_RUNNER})
else()
  message(STATUS "aarch64 cross toolchain not found (gcc-aarch64-linux-gnu, "
                 "g++-aarch64-linux-gnu, libc6-dev-arm64-cross): no aarch64 code generation")
endif()

find_program(TCC_ARM_NONE_EABI_CXX arm-none-eabi-g++)
if(TCC_ARM_NONE_EABI_CXX)
  set(TCC_CORTEX_M4_DIR ${PROJECT_BINARY_DIR}/cortex-m4)
  set(TCC_CORTEX_M4_KERNELS_ARCHIVE ${TCC_CORTEX_M4_DIR}/kernels/libtcc_kernels.a)
  ExternalProject_Add(tcc_runtime_cortex_m4
    SOURCE_DIR ${PROJECT_SOURCE_DIR}/runtime
    BINARY_DIR ${TCC_CORTEX_M4_DIR}
    CMAKE_GENERATOR Ninja
    CMAKE_ARGS ${TCC_CROSS_ARGS} -DCMAKE_BUILD_TYPE=MinSizeRel
      -DCMAKE_TOOLCHAIN_FILE=${PROJECT_SOURCE_DIR}/cmake/toolchains/arm-none-eabi-cortex-m4.cmake
    BUILD_COMMAND ${CMAKE_COMMAND} --build <BINARY_DIR> -j 2
    BUILD_ALWAYS ON
    INSTALL_COMMAND ""
    BUILD_BYPRODUCTS ${TCC_CORTEX_M4_KERNELS_ARCHIVE}
                     ${TCC_CORTEX_M4_DIR}/libtcc_runtime.a)
else()
  message(STATUS "arm-none-eabi-g++ not found (gcc-arm-none-eabi, "
                 "libstdc++-arm-none-eabi-newlib): no Cortex-M4 runtime build")
endif()
