# Project-wide compile settings, linked by every target through bw_project_options.
add_library(bw_project_options INTERFACE)
add_library(bw::project_options ALIAS bw_project_options)

target_compile_features(bw_project_options INTERFACE cxx_std_20)
target_compile_definitions(bw_project_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)
target_compile_options(bw_project_options INTERFACE
    -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual)
if(BW_WERROR)
    target_compile_options(bw_project_options INTERFACE -Werror)
endif()

if(BW_SANITIZE)
    string(REPLACE ";" "," bw_sanitizers "${BW_SANITIZE}")
    target_compile_options(bw_project_options INTERFACE -fsanitize=${bw_sanitizers} -fno-omit-frame-pointer
                                                        -fno-sanitize-recover=undefined)
    target_link_options(bw_project_options INTERFACE -fsanitize=${bw_sanitizers})
endif()

find_program(BW_CCACHE ccache)
if(BW_CCACHE)
    set(CMAKE_CXX_COMPILER_LAUNCHER "${BW_CCACHE}")
endif()
