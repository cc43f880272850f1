# bw_add_test(<name> SOURCES <files...> [LABELS <labels...>] [LIBS <targets...>] [GUI] [TIMEOUT <s>])
#
# One Qt Test executable per test class, registered with CTest. GUI tests run on the offscreen
# platform; every test runs with a fixed C locale and a private home, config and data folder so that
# nothing a developer has on the machine leaks in.
function(bw_add_test name)
    cmake_parse_arguments(arg "GUI" "TIMEOUT" "SOURCES;LABELS;LIBS" ${ARGN})
    add_executable(${name} ${arg_SOURCES})
    target_link_libraries(${name} PRIVATE bw::core Qt6::Test ${arg_LIBS})
    if(arg_GUI)
        target_link_libraries(${name} PRIVATE bw::ui)
    endif()
    target_compile_definitions(${name} PRIVATE BW_TEST_DATA_DIR="${CMAKE_CURRENT_SOURCE_DIR}")
    # Shared test helpers: #include "support/..." (tests/support).
    target_include_directories(${name} PRIVATE "${PROJECT_SOURCE_DIR}/tests")
    add_test(NAME ${name} COMMAND ${name})
    set(home "${CMAKE_CURRENT_BINARY_DIR}/${name}.home")
    set(env
        "LC_ALL=C.UTF-8"
        "HOME=${home}"
        "XDG_CONFIG_HOME=${home}/config"
        "XDG_DATA_HOME=${home}/data"
        "XDG_CACHE_HOME=${home}/cache"
        "XDG_RUNTIME_DIR=${home}/runtime"
        "QT_LOGGING_RULES=bw.*.debug=false")
    if(arg_GUI)
        list(APPEND env "QT_QPA_PLATFORM=offscreen")
    endif()
    set(labels ${arg_LABELS})
    if(NOT labels)
        set(labels unit)
    endif()
    if(arg_GUI)
        list(APPEND labels gui)
    endif()
    set(timeout 300)
    if(arg_TIMEOUT)
        set(timeout ${arg_TIMEOUT})
    endif()
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}" LABELS "${labels}" TIMEOUT ${timeout})
    file(MAKE_DIRECTORY "${home}/runtime")
    file(CHMOD "${home}/runtime" DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
endfunction()
