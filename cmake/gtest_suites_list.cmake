# Run by storyloom_gtest_suites (gtest_suites.cmake) after a test executable is built: lists its
# suites and writes one add_test per suite into `out`, which ctest includes.
# Inputs (-D): exe, prefix, reports (folder for gtest's JSON reports), cost,
# suite_costs ("Suite=n,..."), labels ("a,b"), out.
execute_process(COMMAND ${exe} --gtest_list_tests
                OUTPUT_VARIABLE listing RESULT_VARIABLE rc ERROR_VARIABLE errors TIMEOUT 120)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${exe} --gtest_list_tests failed (${rc}):\n${errors}")
endif()
string(REPLACE "," ";" suite_costs "${suite_costs}")
string(REPLACE "," ";" labels "${labels}")
string(REPLACE "\n" ";" lines "${listing}")
set(script "")
foreach(line IN LISTS lines)
  # Suite lines start in column one and end with a dot ("Suite." or "Prefix/Suite.  # TypeParam").
  if(line MATCHES "^([A-Za-z0-9_/]+)\\.")
    set(suite ${CMAKE_MATCH_1})
    string(REPLACE "/" "_" report ${prefix}${suite})  # "Prefix/Suite" of a parameterized suite
    set(suite_cost ${cost})
    foreach(pair IN LISTS suite_costs)
      if(pair MATCHES "^${suite}=([0-9]+)$")
        set(suite_cost ${CMAKE_MATCH_1})
      endif()
    endforeach()
    string(APPEND script
      "add_test([=[${prefix}${suite}]=] [=[${exe}]=] [=[--gtest_filter=${suite}.*]=]"
      " [=[--gtest_output=json:${reports}/${report}.json]=])\n"
      "set_tests_properties([=[${prefix}${suite}]=] PROPERTIES LABELS [=[${labels}]=] COST ${suite_cost})\n")
  endif()
endforeach()
file(WRITE ${out} "${script}")
