# cryoscape_add_test(<name> SOURCES <files...> LIBS <targets...> [DISPLAY])
# One Qt Test executable per test file, registered with CTest.
# Tests that show an OpenGL view pass DISPLAY: they run under xvfb-run with the xcb
# platform (QT_QPA_PLATFORM=offscreen gives QOpenGLWidget no OpenGL). The others run
# with the offscreen platform.
find_program(XVFB_RUN xvfb-run)
function(cryoscape_add_test name)
  cmake_parse_arguments(T "DISPLAY" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  set_target_properties(${name} PROPERTIES AUTOMOC ON)
  target_link_libraries(${name} PRIVATE Qt6::Test ${T_LIBS})
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
  target_compile_definitions(${name} PRIVATE
    CRYOSCAPE_FIXTURES_DIR="${CMAKE_SOURCE_DIR}/../shared/fixtures/external"
    CRYOSCAPE_BIN_DIR="${CMAKE_BINARY_DIR}/bin"
    CRYOSCAPE_TEST_DATA_DIR="${CMAKE_SOURCE_DIR}/tests/data")
  if(T_DISPLAY)
    if(NOT XVFB_RUN)
      message(WARNING "xvfb-run not found: ${name} is not registered")
      return()
    endif()
    add_test(NAME ${name} COMMAND ${XVFB_RUN} -a -s "-screen 0 1600x1000x24"
             $<TARGET_FILE:${name}> -platform xcb)
  else()
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
  endif()
  set_tests_properties(${name} PROPERTIES TIMEOUT 600)
  # Qt Test stops a single test function after 300 s; on a loaded 2-core machine the ab
  # initio tests can come near that. CTest's 600 s for the whole executable is the guard.
  set_property(TEST ${name} APPEND PROPERTY ENVIRONMENT "QTEST_FUNCTION_TIMEOUT=600000")
endfunction()
