#pragma once

// Note [One home for GPU code]
// Everything that touches CUDA directly (device queries, the caching allocator's statistics,
// pinned staging buffers, streams) lives in core/runtime. With a CUDA LibTorch, CMake compiles
// cuda_device.cpp; with a CPU-only LibTorch (Debian's 1.13), no_cuda_device.cpp, whose functions
// report "no GPU" and say why. Model code never includes a CUDA header.

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <string>

namespace i4::runtime {

struct GpuInfo {
    bool buildHasCuda = false;  // this LibTorch was built with CUDA
    int count = 0;              // usable CUDA devices (0 when none or no CUDA build)
    std::string name;           // device 0, e.g. "NVIDIA H200"
    uint64_t totalBytes = 0;    // device 0 memory
    uint64_t freeBytes = 0;     // device 0 memory free now (cudaMemGetInfo)
    int major = 0;              // compute capability
    int minor = 0;
    std::string problem;  // when count == 0: why, in words a user can act on
};

GpuInfo gpuInfo();

// LibTorch's CUDA caching allocator on device 0; all return 0 / do nothing without CUDA.
uint64_t cudaAllocatedBytes();
uint64_t cudaPeakAllocatedBytes();  // since the last cudaResetPeak()
// Held by the allocator's cache but not in use: free for LibTorch, not for cudaMemGetInfo.
uint64_t cudaCachedFreeBytes();
void cudaResetPeak();
void cudaReleaseCache();  // hands cached, unused blocks back to the driver
void cudaSynchronize();
// Caps what LibTorch's allocator may take on device 0 to `fraction` of its memory (1 = no cap):
// for tests of the out-of-memory path.
void cudaSetMemoryFraction(double fraction);
// The current CUDA stream of device 0 as a cudaStream_t (for the kernels in core/runtime/cuda);
// nullptr without CUDA.
void* currentCudaStream();

// Copies a CPU tensor (typically a zero-copy view of a mapped safetensors file) to `device`,
// keeping its dtype, through pinned staging buffers filled by several threads while the previous
// buffer is in flight. Returns a contiguous tensor on `device`. A CPU `device` returns `host`.
at::Tensor toDevice(const at::Tensor& host, at::Device device);

}  // namespace i4::runtime
