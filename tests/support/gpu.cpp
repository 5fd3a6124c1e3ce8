#include "tests/support/gpu.h"

#include <ATen/ATen.h>

#include "core/runtime/device.h"

namespace i4::test {

std::string cudaUnavailableReason() {
    const runtime::GpuInfo info = runtime::gpuInfo();
    if (info.count > 0) return {};
    return info.problem.empty() ? std::string("no usable CUDA device") : info.problem;
}

at::Device cudaDevice() { return at::Device(at::kCUDA, 0); }

at::Tensor onCpu(const at::Tensor& tensor) { return tensor.to(at::kCPU).to(at::kFloat); }

void CudaTest::SetUp() {
    const std::string why = cudaUnavailableReason();
    if (!why.empty()) GTEST_SKIP() << "gpu test skipped: " << why;
}

}  // namespace i4::test
