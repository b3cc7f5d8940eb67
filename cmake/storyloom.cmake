# Shared build conventions: one static library per module in src/<module>/, globbed sources,
# warnings, sanitizers and a common precompiled header.

find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(fmt REQUIRED)
find_package(spdlog REQUIRED)
find_package(OpenSSL REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)

add_library(storyloom_options INTERFACE)
# g++ 12 reports false positives from inlined std::string copies at -O2 (GCC bugs 105329,
# 105651, 106199); those diagnostics are off so -Werror stays meaningful.
target_compile_options(storyloom_options INTERFACE -Wall -Wextra -Wno-missing-field-initializers
                       -Wno-array-bounds -Wno-stringop-overflow -Wno-stringop-overread -Wno-restrict)
# In a unity build every .cpp is "included" from a generated file, so GCC takes anonymous-
# namespace types in them (test fixtures, coroutine frames) for header types (-Wsubobject-linkage).
if(CMAKE_UNITY_BUILD)
  target_compile_options(storyloom_options INTERFACE -Wno-subobject-linkage)
endif()
if(STORYLOOM_WERROR)
  target_compile_options(storyloom_options INTERFACE -Werror)
endif()
if(STORYLOOM_SANITIZE)
  # The code under test gets ASan and UBSan, without UBSan's null and alignment checks: they
  # are one check at every pointer use and made a sanitized file 25-40 % slower to compile
  # (commerce 28.9 -> 17.9 CPU-s). A null dereference still stops the run (ASan reports the SEGV
  # with its stack); x86-64 loads any alignment, and our byte parsing copies with memcpy.
  # Test code (targets with STORYLOOM_TEST_CODE set, tests/CMakeLists.txt) gets ASan without its
  # use-after-scope checks, and no UBSan: UBSan made test files 60 % slower to compile,
  # use-after-scope another 45 % (every GoogleTest assertion is a scope full of temporaries).
  set(is_test_code "$<BOOL:$<TARGET_PROPERTY:STORYLOOM_TEST_CODE>>")
  target_compile_options(storyloom_options INTERFACE
    "$<${is_test_code}:-fsanitize=address;-fno-sanitize-address-use-after-scope>"
    "$<$<NOT:${is_test_code}>:-fsanitize=address$<COMMA>undefined;-fno-sanitize=null$<COMMA>alignment>"
    -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  # Not a position-independent executable: UBSan's check data holds millions of pointers, and in
  # a PIE each is a relocation the loader applies at every start (2 million, 0.17 s a process,
  # in every test). Linked at fixed addresses they are resolved once, by the linker.
  target_link_options(storyloom_options INTERFACE -fsanitize=address,undefined -no-pie)
endif()
# mold links a sanitized executable in a quarter of the CPU time of GNU ld (storyloom: 4.6 -> 1.2
# CPU-s), and the build links ~20 of them; GNU ld when mold is not installed.
find_program(STORYLOOM_MOLD mold)
if(STORYLOOM_MOLD)
  target_link_options(storyloom_options INTERFACE -fuse-ld=mold)
endif()
target_include_directories(storyloom_options INTERFACE ${PROJECT_SOURCE_DIR}/src)
target_compile_definitions(storyloom_options INTERFACE
  STORYLOOM_VERSION="${PROJECT_VERSION}"
  SPDLOG_FMT_EXTERNAL)

# storyloom_module(<name> [PIXEL_WORK] [DEPS targets...])
# Builds every .cpp in the current directory (recursively) into storyloom_<name>.
# Put translation units that include Beast, Asio or dlib in as few files as possible.
# PIXEL_WORK: the module loops over pixels (face detection, drawing, encoding). In the sanitizer
# tree it is still instrumented but built at -O1, where -O0 made every book in the tests take
# several times longer; being optimized, it cannot share the -O0 precompiled header.
function(storyloom_module name)
  cmake_parse_arguments(ARG "PIXEL_WORK" "" "DEPS" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  add_library(storyloom_${name} STATIC ${sources})
  target_link_libraries(storyloom_${name} PUBLIC storyloom_options ${ARG_DEPS})
  if(ARG_PIXEL_WORK AND STORYLOOM_SANITIZE)
    target_compile_options(storyloom_${name} PRIVATE -O1)
  else()
    target_precompile_headers(storyloom_${name} REUSE_FROM storyloom_pch)
  endif()
endfunction()

# A tiny library whose only job is to own the shared precompiled header.
file(WRITE ${CMAKE_BINARY_DIR}/pch_anchor.cpp "// owns the precompiled header\n")
add_library(storyloom_pch STATIC ${CMAKE_BINARY_DIR}/pch_anchor.cpp)
target_link_libraries(storyloom_pch PUBLIC storyloom_options nlohmann_json::nlohmann_json fmt::fmt)
target_precompile_headers(storyloom_pch PRIVATE
  <string> <string_view> <vector> <map> <unordered_map> <optional> <expected> <memory>
  <functional> <chrono> <span> <mutex> <cstdint> <algorithm>
  <nlohmann/json.hpp> <fmt/format.h>)
