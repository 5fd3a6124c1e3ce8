#include "core/runtime/profiler.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "core/runtime/torch_compat.h"

#if I4_TORCH_AT_LEAST(2, 1)
#include <torch/csrc/autograd/profiler_kineto.h>
#endif

namespace i4::runtime {

namespace {

bool has(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }

}  // namespace

std::string KernelProfile::classify(const std::string& kernelName) {
    std::string n = kernelName;
    std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::tolower(c); });
    if (has(n, "memcpy") || has(n, "memset")) return "copy";
    if (has(n, "i4::runtime::cuda")) return "fused";
    // cuDNN's and FlashAttention's SDPA kernels, PyTorch's memory-efficient one.
    if (has(n, "sdpa") || has(n, "fmha") || has(n, "flash") || has(n, "attention") ||
        has(n, "cudnn_generated"))
        return "attention";
    // cuBLAS / cuBLASLt (nvjet on Hopper), CUTLASS, fp8 scaled GEMMs.
    if (has(n, "gemm") || has(n, "nvjet") || has(n, "cutlass") || has(n, "xmma") ||
        has(n, "cublas") || has(n, "scaled_mm") || has(n, "matmul"))
        return "matmul";
    if (has(n, "elementwise") || has(n, "vectorized") || has(n, "reduce") || has(n, "unrolled") ||
        has(n, "at::native") || has(n, "cat") || has(n, "index") || has(n, "norm"))
        return "elementwise";
    return "other";
}

#if I4_TORCH_AT_LEAST(2, 1)

bool KernelProfile::available() { return cudaAvailable(); }

namespace {

namespace prof = torch::profiler::impl;

prof::ProfilerConfig config() { return prof::ProfilerConfig(prof::ProfilerState::KINETO); }

const std::set<prof::ActivityType>& activities() {
    static const std::set<prof::ActivityType> set{prof::ActivityType::CPU,
                                                  prof::ActivityType::CUDA};
    return set;
}

}  // namespace

void KernelProfile::start() {
    torch::autograd::profiler::prepareProfiler(config(), activities());
    torch::autograd::profiler::enableProfiler(config(), activities());
}

std::map<std::string, double> KernelProfile::stop(const std::string& tracePath) {
    auto result = torch::autograd::profiler::disableProfiler();
    std::map<std::string, double> ms;
    for (const auto& event : result->events()) {
        if (event.deviceType() != c10::DeviceType::CUDA) continue;
        ms[classify(event.name())] += static_cast<double>(event.durationNs()) / 1e6;
    }
    if (!tracePath.empty()) result->save(tracePath);
    return ms;
}

#else

bool KernelProfile::available() { return false; }

void KernelProfile::start() {
    throw std::runtime_error("the kernel profile needs LibTorch 2.x with CUDA");
}

std::map<std::string, double> KernelProfile::stop(const std::string&) { return {}; }

#endif

}  // namespace i4::runtime
