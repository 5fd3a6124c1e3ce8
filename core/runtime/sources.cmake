target_sources(i4core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/torch_compat.cpp
    ${CMAKE_CURRENT_LIST_DIR}/fused_ops.cpp
    ${CMAKE_CURRENT_LIST_DIR}/log.cpp
    ${CMAKE_CURRENT_LIST_DIR}/profiler.cpp
)
# Note [One home for GPU code]: the CUDA half only where the LibTorch has CUDA. The kernels are a
# library of their own, compiled by nvcc without Torch headers (and without i4core's
# precompiled header); the top-level CMakeLists.txt enables CUDA and names the architectures.
if(I4_TORCH_CUDA)
    add_library(i4_cuda_kernels STATIC ${CMAKE_CURRENT_LIST_DIR}/cuda/fused_kernels.cu)
    set_target_properties(i4_cuda_kernels PROPERTIES CUDA_STANDARD 17 POSITION_INDEPENDENT_CODE ON)
    target_include_directories(i4_cuda_kernels PRIVATE ${PROJECT_SOURCE_DIR})
    target_sources(i4core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/cuda_device.cpp)
    target_link_libraries(i4core PRIVATE i4_cuda_kernels)
else()
    target_sources(i4core PRIVATE
        ${CMAKE_CURRENT_LIST_DIR}/no_cuda_device.cpp
        ${CMAKE_CURRENT_LIST_DIR}/cuda/fused_kernels_none.cpp)
endif()
