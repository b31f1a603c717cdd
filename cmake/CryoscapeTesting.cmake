# cryoscape_add_test(<name> SOURCES <files...> LIBS <targets...> [DISPLAY]
#                    [LABELS <labels...>] [PROCESSORS n] [TIMEOUT seconds])
# One Qt Test executable per test file, registered with CTest.
# Tests that show an OpenGL view pass DISPLAY: they run under xvfb-run with the xcb
# platform (QT_QPA_PLATFORM=offscreen gives QOpenGLWidget no OpenGL), and get the label
# `display`. The others run with the offscreen platform.
# LABELS (`ctest -L fast`, `-LE slow`): fast (seconds), torch (trains or runs a model), slow
# (end-to-end training or pose search, tens of seconds); torch and slow tests get the app's
# allocator settings (tests/support/ReuseLargeBlocks.cpp). PROCESSORS: the cores the test keeps
# busy, so that `ctest --parallel` does not oversubscribe them (default 1). TIMEOUT: generous
# enough for a machine whose cores another process keeps busy (default 600 s for `slow`
# tests, 300 s for the others).
find_program(XVFB_RUN xvfb-run)
function(cryoscape_add_test name)
  cmake_parse_arguments(T "DISPLAY" "PROCESSORS;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  set_target_properties(${name} PROPERTIES AUTOMOC ON)
  target_link_libraries(${name} PRIVATE Qt6::Test ${T_LIBS})
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
  target_compile_definitions(${name} PRIVATE
    CRYOSCAPE_FIXTURES_DIR="${CMAKE_SOURCE_DIR}/../shared/fixtures/external"
    CRYOSCAPE_BIN_DIR="${CMAKE_BINARY_DIR}/bin"
    CRYOSCAPE_TEST_DATA_DIR="${CMAKE_SOURCE_DIR}/tests/data")
  if(NOT T_PROCESSORS)
    set(T_PROCESSORS 1)
  endif()
  set(labels ${T_LABELS})
  if("torch" IN_LIST labels OR "slow" IN_LIST labels)   # the app's allocator settings
    target_sources(${name} PRIVATE ${CMAKE_SOURCE_DIR}/tests/support/ReuseLargeBlocks.cpp)
  endif()
  if(NOT T_TIMEOUT)
    if("slow" IN_LIST labels)
      set(T_TIMEOUT 600)
    else()
      set(T_TIMEOUT 300)
    endif()
  endif()
  if(T_DISPLAY)
    if(NOT XVFB_RUN)
      message(WARNING "xvfb-run not found: ${name} is not registered")
      return()
    endif()
    add_test(NAME ${name} COMMAND ${XVFB_RUN} -a -s "-screen 0 1600x1000x24"
             $<TARGET_FILE:${name}> -platform xcb)
    list(APPEND labels display)
  else()
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
  endif()
  if(NOT labels)
    message(FATAL_ERROR "${name}: give LABELS (fast, torch, slow) or DISPLAY")
  endif()
  set_tests_properties(${name} PROPERTIES TIMEOUT ${T_TIMEOUT} PROCESSORS ${T_PROCESSORS} LABELS "${labels}")
  # Qt Test stops a single test function after 300 s by default; CTest's TIMEOUT is the guard.
  # OMP_WAIT_POLICY=passive: OpenMP threads that spin while waiting make a loaded machine
  # several times slower.
  set_property(TEST ${name} APPEND PROPERTY ENVIRONMENT
               "QTEST_FUNCTION_TIMEOUT=${T_TIMEOUT}000" "OMP_WAIT_POLICY=passive")
endfunction()
