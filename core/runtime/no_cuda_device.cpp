// CPU-only half of core/runtime/device.h (Note [One home for GPU code]): this LibTorch has no
// CUDA, so there is never a GPU to report.
#include "core/runtime/device.h"

#include <ATen/ATen.h>

#include "core/runtime/torch_compat.h"

namespace i4::runtime {

GpuInfo gpuInfo() {
    GpuInfo info;
    info.problem = "this build of i4studio uses a LibTorch without CUDA (" + torchVersion() +
                   ", CPU only), so it cannot use a GPU";
    return info;
}

uint64_t cudaAllocatedBytes() { return 0; }
uint64_t cudaPeakAllocatedBytes() { return 0; }
uint64_t cudaCachedFreeBytes() { return 0; }
void cudaResetPeak() {}
void cudaReleaseCache() {}
void cudaSynchronize() {}
void cudaSetMemoryFraction(double) {}
void* currentCudaStream() { return nullptr; }

at::Tensor toDevice(const at::Tensor& host, at::Device device) { return host.to(device); }

}  // namespace i4::runtime
