cmake_minimum_required(VERSION 3.20)

# Fails unless the kernel objects keep their promises at the symbol level.
# Run by ctest (kernels.symbols) with
#   -DNM=<nm> -DAVX2_OBJECTS=<a;b> -DAVX512_OBJECTS=<a;b>
#   -DLIBRARY=<libtcc_kernels.a>
#
# 1. An ISA's objects (compiled with -mavx2 / -mavx512f) define no global or
#    weak symbol but that ISA's own entry points. Any other one -- an inline
#    function or template instantiation with vague linkage -- could be
#    picked by the linker for a caller in a baseline file, and would then
#    execute AVX-512 instructions on a CPU without them.
# 2. The whole library references nothing from the outside world beyond
#    mem* (emitted for copies/clears), the stack protector and libgcc's CPU
#    model (cpu_features.cpp): no heap, no threads, no exceptions, no I/O.

function(symbols out file flags)
  execute_process(COMMAND ${NM} ${flags} --format=just-symbols ${file}
    OUTPUT_VARIABLE s RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${NM} failed on ${file}")
  endif()
  string(REGEX REPLACE "[^\n]*:\n" "" s "${s}") # archive member headers
  string(REPLACE "\n" ";" s "${s}")
  list(REMOVE_ITEM s "")
  set(${out} ${s} PARENT_SCOPE)
endfunction()

set(failures "")
foreach(isa avx2 avx512)
  string(TOUPPER ${isa} ISA)
  foreach(obj ${${ISA}_OBJECTS})
    symbols(defined ${obj} "--defined-only;--extern-only")
    list(REMOVE_ITEM defined tcc_gemm_f32_${isa} tcc_gemm_f32_unpacked_${isa}
         tcc_linear_f32_${isa} tcc_attention_f32_${isa}
         tcc_attention_masked_f32_${isa} tcc_layer_norm_f32_${isa}
         tcc_softmax_f32_${isa} tcc_activation_f32_${isa})
    if(defined)
      string(APPEND failures "  ${obj} exports ${defined}\n")
    endif()
  endforeach()
endforeach()

symbols(undefined ${LIBRARY} "--undefined-only")
symbols(defined ${LIBRARY} "--defined-only")
list(REMOVE_ITEM undefined ${defined})
list(REMOVE_DUPLICATES undefined)
list(FILTER undefined EXCLUDE REGEX "^__(asan|ubsan|sanitizer|tsan|msan)_")
list(REMOVE_ITEM undefined memcpy memset memmove _GLOBAL_OFFSET_TABLE_
     __stack_chk_fail __stack_chk_guard __cpu_model __cpu_features2
     __cpu_indicator_init)
if(undefined)
  string(APPEND failures "  libtcc_kernels.a references ${undefined}\n")
endif()

if(failures)
  message(FATAL_ERROR "kernel symbols:\n${failures}")
endif()
message(STATUS "kernel objects: only their own entry points, no outside calls")
