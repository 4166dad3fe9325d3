# Compile flags of the TCC_SANITIZE / TCC_FUZZ builds, included from the top
# level before any target exists so every tcc library gets them.
if(TCC_FUZZ)
  set(TCC_SANITIZE ON CACHE BOOL "" FORCE)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "TCC_FUZZ needs clang (libFuzzer): configure with "
                        "-DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19")
  endif()
  # Coverage feedback for libFuzzer in every tcc library; only the fuzz
  # executables link libFuzzer's main (-fsanitize=fuzzer).
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
if(TCC_SANITIZE)
  # vptr is left out: LLVM/MLIR are built without RTTI, so its type info
  # does not exist to check against. Every UBSan finding aborts (no
  # recover) so a test fails instead of printing and passing.
  set(TCC_SANITIZE_FLAGS -fsanitize=address,undefined -fno-sanitize=vptr
      -fno-sanitize-recover=all -fno-omit-frame-pointer -g1)
  add_compile_options(${TCC_SANITIZE_FLAGS})
  add_link_options(-fsanitize=address,undefined -fno-sanitize=vptr)
endif()
if(TCC_SANITIZE)
  # ctest reads this file from the top build directory. Left out of the
  # sanitizer run, and why:
  #  - runtime.core_symbols, kernels.symbols check the objects' undefined and
  #    exported symbols, which ASan and coverage instrumentation add to;
  #  - kernels.Pack.PanelWidths, kernels.Pack.SizeIsPanelsTimesK and
  #    kernels.HostSupport.GenericAlwaysAndUnknownNever pass
  #    static_cast<tcc_isa>(7), outside the enum's range: undefined behaviour
  #    in the test itself, which UBSan reports (-fsanitize=enum).
  file(WRITE ${CMAKE_BINARY_DIR}/CTestCustom.cmake
    "set(CTEST_CUSTOM_TESTS_IGNORE runtime.core_symbols kernels.symbols\n"
    "  kernels.Pack.PanelWidths kernels.Pack.SizeIsPanelsTimesK\n"
    "  kernels.HostSupport.GenericAlwaysAndUnknownNever)\n")
endif()
