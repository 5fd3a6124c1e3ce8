#include "core/runtime/device.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "core/pipeline/devices.h"

namespace i4::runtime {
namespace {

TEST(Device, ReportSaysWhyThereIsNoGpu) {
    const GpuInfo info = gpuInfo();
    if (info.count > 0) {
        EXPECT_TRUE(info.buildHasCuda);
        EXPECT_FALSE(info.name.empty());
        EXPECT_GT(info.totalBytes, 0u);
        return;
    }
    EXPECT_FALSE(info.problem.empty());
    const pipeline::DeviceReport report = pipeline::deviceReport();
    EXPECT_FALSE(report.gpuAvailable);
    EXPECT_FALSE(report.torchVersion.empty());
    if (!report.buildHasCuda) {
        // A CPU-only build says how to get one that can use the GPU.
        EXPECT_NE(report.problem.find("scripts/run --gpu"), std::string::npos) << report.problem;
    }
}

TEST(Device, AutoResolvesToWhatIsThere) {
    const bool gpu = gpuInfo().count > 0;
    EXPECT_EQ(pipeline::resolveDevice("auto"), gpu ? "cuda" : "cpu");
    EXPECT_EQ(pipeline::resolveDevice("cpu"), "cpu");
    if (!gpu) EXPECT_THROW(pipeline::resolveDevice("cuda"), InputError);
    EXPECT_THROW(pipeline::resolveDevice("tpu"), InputError);
    EXPECT_EQ(pipeline::resolveDtype("auto", "cuda"), "bf16");
    EXPECT_EQ(pipeline::resolveDtype("auto", "cpu"), "fp32");
    EXPECT_EQ(pipeline::resolveDtype("fp32", "cuda"), "fp32");
    EXPECT_THROW(pipeline::resolveDtype("fp16", "cpu"), InputError);
}

TEST(Device, ToDeviceOnTheCpuKeepsTheValues) {
    const at::Tensor host = at::randn({3, 5});
    EXPECT_TRUE(at::equal(toDevice(host, at::kCPU), host));
}

}  // namespace
}  // namespace i4::runtime
