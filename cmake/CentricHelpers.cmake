# Shared flags and the two helpers every target goes through, so warnings and sanitizers are
# set in one place.

add_library(centric_options INTERFACE)
target_compile_options(centric_options INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
target_include_directories(centric_options INTERFACE ${PROJECT_SOURCE_DIR}/src)
if(CENTRIC_SANITIZE)
  target_compile_options(centric_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(centric_options INTERFACE -fsanitize=address,undefined)
endif()

# centric_add_library(NAME SOURCES ... DEPS ...)
function(centric_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_link_libraries(${name} PUBLIC centric_options ${ARG_DEPS})
endfunction()

# centric_add_test(NAME SOURCES ... DEPS ... [LABELS ...] [LOCKS ...])
# LOCKS names shared resources (e.g. postgres: one scratch database) whose tests must not run
# at the same time under ctest -j.
function(centric_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS;LOCKS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE centric_options ${ARG_DEPS} GTest::gmock GTest::gtest_main)
  set(labels ${ARG_LABELS})
  if(NOT labels)
    set(labels unit)
  endif()
  set(properties LABELS "${labels}")
  if(ARG_LOCKS)
    list(APPEND properties RESOURCE_LOCK "${ARG_LOCKS}")
  endif()
  gtest_discover_tests(${name} PROPERTIES ${properties} DISCOVERY_TIMEOUT 60)
endfunction()
