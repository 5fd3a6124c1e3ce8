# Third-party packages. Every one comes from Debian (scripts/lib/common.sh installs them),
# except LibTorch, which may also come from a PyTorch install (I4_TORCH_DIR).

if(I4_TORCH_DIR)
    if(NOT EXISTS "${I4_TORCH_DIR}/TorchConfig.cmake")
        message(FATAL_ERROR "I4_TORCH_DIR=${I4_TORCH_DIR} has no TorchConfig.cmake; it should be "
                            "<python -c 'import torch;print(torch.utils.cmake_prefix_path)'>/Torch")
    endif()
    set(Torch_DIR "${I4_TORCH_DIR}" CACHE PATH "" FORCE)
    # TorchConfig looks for Caffe2Config (the imported targets torch, torch_cpu, c10_cuda, ...)
    # with find_package(... PATHS <its Caffe2/>) and for libtorch and libc10 with
    # find_library(... PATHS <its lib/>); both search the system folders first. With Debian's
    # libtorch-dev installed, a build against a PyTorch install would link Debian's 1.13 libraries
    # with PyTorch's headers. Pin both to the install's own folders.
    get_filename_component(_i4_caffe2_dir "${I4_TORCH_DIR}/../Caffe2" ABSOLUTE)
    set(Caffe2_DIR "${_i4_caffe2_dir}" CACHE PATH "" FORCE)
    get_filename_component(_i4_torch_lib "${I4_TORCH_DIR}/../../../lib" ABSOLUTE)
    foreach(_i4_pair TORCH_LIBRARY:torch c10_LIBRARY:c10 C10_CUDA_LIBRARY:c10_cuda)
        string(REPLACE ":" ";" _i4_pair "${_i4_pair}")
        list(GET _i4_pair 0 _i4_var)
        list(GET _i4_pair 1 _i4_name)
        string(FIND "${${_i4_var}}" "${_i4_torch_lib}/" _i4_at)
        if(NOT _i4_at EQUAL 0)  # left over from a configure against another LibTorch
            unset(${_i4_var} CACHE)
        endif()
        find_library(${_i4_var} ${_i4_name} PATHS "${_i4_torch_lib}" NO_DEFAULT_PATH)
    endforeach()
endif()
find_package(Torch REQUIRED)
if(I4_TORCH_DIR)
    # Belt and braces: every library file TorchConfig hands us must come from that install.
    foreach(_i4_lib IN LISTS TORCH_LIBRARIES)
        string(FIND "${_i4_lib}" "${_i4_torch_lib}/" _i4_at)
        if(_i4_lib MATCHES "/lib(torch|c10)[^/]*\\.so" AND NOT _i4_at EQUAL 0)
            message(FATAL_ERROR "LibTorch library ${_i4_lib} is not from ${_i4_torch_lib}: "
                                "two LibTorch installs would be mixed")
        endif()
    endforeach()
endif()
# PyTorch's caffe2::mkl adds ${MKL_ROOT}/lib/intel64 and the like as link folders even when
# there is no MKL (pytorch#73008): /lib/intel64 ended up in every RUNPATH. Keep only real ones.
if(TARGET caffe2::mkl)
    set(_i4_kept)
    if(MKL_ROOT)
        get_target_property(_i4_mkl_dirs caffe2::mkl INTERFACE_LINK_DIRECTORIES)
        foreach(_i4_dir IN LISTS _i4_mkl_dirs)
            if(IS_DIRECTORY "${_i4_dir}")
                list(APPEND _i4_kept "${_i4_dir}")
            endif()
        endforeach()
    endif()
    set_property(TARGET caffe2::mkl PROPERTY INTERFACE_LINK_DIRECTORIES "${_i4_kept}")
endif()
# CUDA-capable LibTorch (PyTorch's CUDA wheels): core/runtime compiles its CUDA code only then.
if(TARGET torch_cuda OR TARGET c10_cuda OR C10_CUDA_LIBRARY)
    set(I4_TORCH_CUDA ON)
else()
    set(I4_TORCH_CUDA OFF)
endif()
# TorchConfig exports a flag list rather than a target with usage requirements; wrap it.
add_library(i4_torch INTERFACE)
# libstdc++ first: PyTorch's wheels build against an old libstdc++ and carry their own copies of
# newer parts (libtorch.so exports 64 std::filesystem symbols). Listed after libtorch, the
# dynamic linker binds our std::filesystem::remove_all to libtorch's copy, which crashes; listed
# first, every std:: symbol comes from the system's libstdc++.
target_link_libraries(i4_torch INTERFACE stdc++ ${TORCH_LIBRARIES})
target_include_directories(i4_torch SYSTEM INTERFACE ${TORCH_INCLUDE_DIRS})
separate_arguments(_i4_torch_flags UNIX_COMMAND "${TORCH_CXX_FLAGS}")
target_compile_options(i4_torch INTERFACE ${_i4_torch_flags})
message(STATUS "i4: LibTorch ${Torch_VERSION} from ${Torch_DIR} (CUDA: ${I4_TORCH_CUDA})")

find_package(nlohmann_json 3.10 REQUIRED)
find_package(PNG REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(PCRE2 REQUIRED IMPORTED_TARGET libpcre2-8)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
find_package(Threads REQUIRED)
# The magic prompt's endpoint back end (core/magic): HTTP(S) to OpenAI-compatible chat APIs.
find_package(CURL REQUIRED)

if(I4_BUILD_GUI)
    find_package(Qt6 6.2 REQUIRED COMPONENTS Core Gui Widgets Sql Concurrent LinguistTools Test)
    # The magic prompt endpoint's API key in the desktop's keychain (ui/magic/api_key_store.h).
    find_package(Qt6Keychain REQUIRED)
endif()
if(I4_BUILD_TESTS)
    find_package(GTest REQUIRED)
    # cpp-httplib's server: the real local chat-completions server the endpoint tests talk to.
    pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
    include(GoogleTest)
endif()
find_package(CLI11 2.1 REQUIRED)
