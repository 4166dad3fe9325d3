# Fails unless the runtime core's object code references only the symbols
# firmware can provide. Run by ctest (runtime.core_symbols) with
#   -DNM=<nm> -DOBJECTS=<a;b;c> (the -Os -ffreestanding objects)
#   -DLIBRARY=<libtcc_runtime.a> (the host build, any configuration)

# memcpy/memset may be emitted by the compiler for struct copies/clears even
# where the source calls neither; strlen is allowed by the design.
set(allowed memcpy memset memmove strlen _GLOBAL_OFFSET_TABLE_
    __stack_chk_fail __stack_chk_guard)
# FlatBuffers' FLATBUFFERS_ASSERT is assert() unless NDEBUG: a host Debug
# build of the library references it, the firmware build (NDEBUG) does not.
set(allowed_in_library __assert_fail)

function(undefined_symbols out)
  set(undefined)
  set(defined)
  foreach(file ${ARGN})
    execute_process(COMMAND ${NM} --undefined-only --format=just-symbols ${file}
      OUTPUT_VARIABLE u RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "${NM} failed on ${file}")
    endif()
    execute_process(COMMAND ${NM} --defined-only --format=just-symbols ${file}
      OUTPUT_VARIABLE d)
    string(REGEX REPLACE "[^\n]*:\n" "" u "${u}") # archive member headers
    string(REGEX REPLACE "[^\n]*:\n" "" d "${d}")
    string(REPLACE "\n" ";" u "${u}")
    string(REPLACE "\n" ";" d "${d}")
    list(APPEND undefined ${u})
    list(APPEND defined ${d})
  endforeach()
  list(REMOVE_ITEM undefined "" ${defined})
  list(REMOVE_DUPLICATES undefined)
  set(${out} ${undefined} PARENT_SCOPE)
endfunction()

undefined_symbols(objects_undefined ${OBJECTS})
undefined_symbols(library_undefined ${LIBRARY})
# A sanitizer build (-fsanitize=... in CMAKE_CXX_FLAGS) instruments the core
# too; its hooks are not part of what the core itself asks of the platform.
list(FILTER objects_undefined EXCLUDE REGEX "^__(asan|ubsan|sanitizer|tsan|msan)_")
list(FILTER library_undefined EXCLUDE REGEX "^__(asan|ubsan|sanitizer|tsan|msan)_")
list(REMOVE_ITEM objects_undefined ${allowed})
list(REMOVE_ITEM library_undefined ${allowed} ${allowed_in_library})
if(objects_undefined OR library_undefined)
  message(FATAL_ERROR "runtime core references symbols outside its allowance:\n"
    "  freestanding objects: ${objects_undefined}\n"
    "  libtcc_runtime.a: ${library_undefined}")
endif()
message(STATUS "runtime core: only allowed external symbols")
