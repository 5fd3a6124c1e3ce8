// The staged host->GPU copies of core/runtime/device.h (Note [Staged uploads]).
#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include "core/runtime/device.h"

namespace i4::runtime {
namespace {

class DeviceGpu : public ::testing::Test {
protected:
    void SetUp() override {
        const GpuInfo info = gpuInfo();
        if (info.count == 0) GTEST_SKIP() << "no usable CUDA GPU: " << info.problem;
    }
};

// Sizes around the staging buffers' 64 MB: below the direct-copy limit, several buffers, a
// partial last buffer, more buffers than the ring holds.
TEST_F(DeviceGpu, StagedUploadCopiesEveryByte) {
    for (int64_t bytes :
         {int64_t{1000}, int64_t{3} << 20, (int64_t{64} << 20) + 12345, int64_t{300} << 20}) {
        const at::Tensor host = at::randint(0, 256, {bytes}, at::kByte);
        const at::Tensor device = toDevice(host, at::Device(at::kCUDA, 0));
        ASSERT_TRUE(device.is_cuda());
        EXPECT_TRUE(at::equal(device.cpu(), host)) << bytes << " bytes";
    }
}

TEST_F(DeviceGpu, StagedUploadKeepsDtypeAndShapeOfAView) {
    const at::Tensor base = at::randn({64, 4096 + 8}).to(at::kBFloat16);
    const at::Tensor view = base.narrow(1, 4, 4096);  // not contiguous
    const at::Tensor device = toDevice(view, at::Device(at::kCUDA, 0));
    EXPECT_EQ(device.scalar_type(), at::kBFloat16);
    EXPECT_TRUE(at::equal(device.cpu(), view));
}

TEST_F(DeviceGpu, PeakStatisticsFollowAllocations) {
    cudaReleaseCache();
    cudaResetPeak();
    const uint64_t before = cudaAllocatedBytes();
    {
        at::Tensor big = at::empty({256 << 20}, at::TensorOptions(at::kByte).device(at::kCUDA));
        big.fill_(1);
        EXPECT_GE(cudaAllocatedBytes(), before + (256u << 20));
    }
    EXPECT_GE(cudaPeakAllocatedBytes(), before + (256u << 20));
    EXPECT_LT(cudaAllocatedBytes(), before + (256u << 20));
}

}  // namespace
}  // namespace i4::runtime
