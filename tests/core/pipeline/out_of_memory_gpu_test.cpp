// A CUDA out-of-memory during a generation is a message that names a lighter memory mode, and
// the loaded model keeps working afterwards (issue 23, part 5).
#include <gtest/gtest.h>

#include "core/errors.h"
#include "core/pipeline/pipeline.h"
#include "core/runtime/device.h"
#include "tests/support/golden.h"

namespace i4::pipeline {
namespace {

TEST(OutOfMemoryGpu, GenerationRunsOutWithAMessageAndTheModelStaysUsable) {
    const runtime::GpuInfo gpu = runtime::gpuInfo();
    if (gpu.count == 0) GTEST_SKIP() << "no usable CUDA GPU: " << gpu.problem;
    LoadOptions options;
    options.device = "cuda";
    options.dtype = "bf16";
    options.memory = "resident";
    options.cacheDir = test::tempDir("oom-cache");
    const auto bundle = ModelBundle::load(test::goldenDir() / "tiny-ideogram4-fp8", options);

    GenerationRequest request;
    request.prompts = {"a red fox in the snow"};
    request.preset = "V4_TURBO_12";
    request.steps = 2;
    request.seed = 5;
    request.uncheckedSize = true;
    // 4096 x 4096 pixels: 65536 image tokens, whose attention and VAE decode take tens of GB,
    // against an allocator capped at what is allocated now plus 64 MB.
    request.width = 4096;
    request.height = 4096;
    const double cap = (static_cast<double>(runtime::cudaAllocatedBytes()) + (64 << 20)) /
                       static_cast<double>(gpu.totalBytes);
    runtime::cudaSetMemoryFraction(cap);
    try {
        bundle->generate(request, {});
        runtime::cudaSetMemoryFraction(1.0);
        FAIL() << "a 4096 x 4096 generation fit in 64 MB of GPU memory";
    } catch (const Error& e) {
        runtime::cudaSetMemoryFraction(1.0);
        const std::string message = e.what();
        EXPECT_NE(message.find("out of GPU memory"), std::string::npos) << message;
        EXPECT_NE(message.find("memory mode offload-encoder"), std::string::npos) << message;
        EXPECT_NE(message.find("4096x4096"), std::string::npos) << message;
    }

    // The same bundle then generates normally.
    request.width = 64;
    request.height = 48;
    const GenerationResult result = bundle->generate(request, {});
    ASSERT_EQ(result.images.size(), 1u);
    EXPECT_EQ(result.images[0].width, 64);
}

}  // namespace
}  // namespace i4::pipeline
