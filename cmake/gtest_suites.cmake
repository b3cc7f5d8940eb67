# storyloom_gtest_suites(<target> PREFIX <prefix> [COST <n>] [SUITE_COSTS <Suite>=<n>...]
#                        [LABELS <label>...])
# One ctest test per GoogleTest suite of <target>, named <prefix><Suite>: the suite's tests run in
# one process (`--gtest_filter=<Suite>.*`). A process per test paid the sanitizers' start-up and
# the suite's shared fixture (a whole server in the integration tests) once per test; a suite is
# still small enough for two cores to share the work out. The suites are listed after every
# build of <target> (`--gtest_list_tests`), like gtest_discover_tests does for single tests, so a
# new suite needs no CMake change. gtest's output in the log names every test.
# COST orders the first run on a fresh machine (ctest has no timings yet): SUITE_COSTS gives the
# known slow suites theirs so they start first; the others get COST (default 0). A suite whose
# tests all skip themselves (GTEST_SKIP) passes; its log says SKIPPED.
set(STORYLOOM_GTEST_SUITES_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/gtest_suites_list.cmake)
# Every gtest process writes its report here (`--gtest_output`); scripts/run-tests empties the
# folder before a run and counts the test cases that ran from it afterwards.
set(STORYLOOM_GTEST_REPORTS ${CMAKE_BINARY_DIR}/gtest-reports)

function(storyloom_gtest_suites target)
  cmake_parse_arguments(ARG "" "PREFIX;COST" "SUITE_COSTS;LABELS" ${ARGN})
  if(NOT ARG_COST)
    set(ARG_COST 0)
  endif()
  set(ctest_file ${CMAKE_CURRENT_BINARY_DIR}/${target}_suites.cmake)
  string(REPLACE ";" "," suite_costs "${ARG_SUITE_COSTS}")
  string(REPLACE ";" "," labels "${ARG_LABELS}")
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${CMAKE_COMMAND} -D exe=$<TARGET_FILE:${target}> -D prefix=${ARG_PREFIX}
            -D reports=${STORYLOOM_GTEST_REPORTS} -D cost=${ARG_COST} -D suite_costs=${suite_costs} -D labels=${labels}
            -D out=${ctest_file} -P ${STORYLOOM_GTEST_SUITES_SCRIPT}
    BYPRODUCTS ${ctest_file}
    VERBATIM)
  # A change to the listing script links the executable again, which lists the suites again.
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS ${STORYLOOM_GTEST_SUITES_SCRIPT})
  # Until the first build has listed the suites, ctest finds no tests of <target>.
  set(include_file ${CMAKE_CURRENT_BINARY_DIR}/${target}_suites_include.cmake)
  file(WRITE ${include_file} "if(EXISTS [=[${ctest_file}]=])\n  include([=[${ctest_file}]=])\nendif()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${include_file})
endfunction()
