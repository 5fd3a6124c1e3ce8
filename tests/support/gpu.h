#pragma once

// Helpers for the `gpu` tests (tests/gpu): they run only where LibTorch has a usable CUDA device
// and skip, with the reason, everywhere else. CTest counts a skipped test as "not run", never as
// passed (gtest_discover_tests sets SKIP_REGULAR_EXPRESSION on "[  SKIPPED ]").

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>
#include <gtest/gtest.h>

#include <string>

namespace i4::test {

// Relative error allowed for a CUDA bf16 result against the CPU float32 result of the same
// computation (issue 23; the golden README: "typically 1e-2" for a bf16 pipeline).
inline constexpr double kBf16Tolerance = 2e-2;

// Empty when CUDA device 0 is usable; otherwise why not, in words (runtime::gpuInfo().problem).
std::string cudaUnavailableReason();

// cuda:0, where every gpu test runs.
at::Device cudaDevice();

// A float32 CPU copy, for comparing a device result with a CPU one (synchronises the device).
at::Tensor onCpu(const at::Tensor& tensor);

// Fixture of every gpu test: SetUp skips the test (the body never runs) without a usable device.
class CudaTest : public ::testing::Test {
protected:
    void SetUp() override;
};

template <class Param>
class CudaTestWithParam : public CudaTest, public ::testing::WithParamInterface<Param> {};

}  // namespace i4::test
