# Third-party packages. Every one comes from Debian (scripts/lib/deps.sh installs them),
# except LibTorch, which may also come from a PyTorch install (I4_TORCH_DIR).

if(I4_TORCH_DIR)
    set(Torch_DIR "${I4_TORCH_DIR}")
endif()
find_package(Torch REQUIRED)
# TorchConfig exports a flag list rather than a target with usage requirements; wrap it.
add_library(i4_torch INTERFACE)
target_link_libraries(i4_torch INTERFACE ${TORCH_LIBRARIES})
target_include_directories(i4_torch SYSTEM INTERFACE ${TORCH_INCLUDE_DIRS})
separate_arguments(_i4_torch_flags UNIX_COMMAND "${TORCH_CXX_FLAGS}")
target_compile_options(i4_torch INTERFACE ${_i4_torch_flags})
message(STATUS "i4: LibTorch ${Torch_VERSION} from ${Torch_DIR}")

find_package(nlohmann_json 3.10 REQUIRED)
find_package(PNG REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(PCRE2 REQUIRED IMPORTED_TARGET libpcre2-8)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
find_package(Threads REQUIRED)

if(I4_BUILD_GUI)
    find_package(Qt6 6.2 REQUIRED COMPONENTS Core Gui Widgets Sql Concurrent LinguistTools Test)
endif()
if(I4_BUILD_TESTS)
    find_package(GTest REQUIRED)
    include(GoogleTest)
endif()
find_package(CLI11 2.1 REQUIRED)
