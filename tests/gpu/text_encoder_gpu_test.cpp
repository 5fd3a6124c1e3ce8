// The text encoder on CUDA: float32 against the golden features, bf16 against the CPU float32
// features of the same prompts, for the bf16, fp8 and nf4 encoders.
#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <cstdio>

#include "core/text/qwen3_text_encoder.h"
#include "core/text/tokenizer.h"
#include "tests/support/golden.h"
#include "tests/support/golden_cases.h"
#include "tests/support/gpu.h"

namespace i4::text {
namespace {

constexpr double kTolerance = 1e-4;  // golden README: text features
const char* const kIo = "text_encoder/io.safetensors";

Qwen3TextEncoder loadEncoder(const std::string& precision, at::ScalarType dtype,
                             at::Device device) {
    const auto dir = test::goldenDir() / ("tiny-ideogram4-" + precision) / "text_encoder";
    return Qwen3TextEncoder::load(dir, {dtype, device});
}

// Prompts of text_encoder/io.safetensors, with its packed reference features [B, L, F].
struct IoCase {
    std::vector<std::vector<int64_t>> ids;
    at::Tensor indicator;  // [B, L] int64
    at::Tensor reference;  // [B, L, 13 * hidden] float32, zero outside text
};

IoCase ioCase(const std::string& precision) {
    const at::Tensor indicator = test::goldenTensor(kIo, "in.indicator");
    const std::string name =
        precision == "bf16" ? "out.llm_features" : "out.llm_features_" + precision;
    return {test::textIdsOfPacked(test::goldenTensor(kIo, "in.token_ids"), indicator), indicator,
            test::goldenTensor(kIo, name)};
}

// Compares features [B, len, F] (any device) and their mask with a packed reference.
void expectMatchesGolden(const at::Tensor& features, const at::Tensor& mask,
                         const at::Tensor& reference, const at::Tensor& indicator,
                         const std::string& what) {
    const at::Tensor ours = test::onCpu(features);
    ASSERT_EQ(ours.size(0), reference.size(0)) << what;
    ASSERT_EQ(ours.size(2), reference.size(2)) << what;
    const int64_t len = ours.size(1);
    const at::Tensor expectedMask = test::textBlockOfPacked(indicator.eq(3), indicator, len);
    EXPECT_TRUE(mask.to(at::kCPU).equal(expectedMask)) << what;
    const double error =
        test::relativeError(ours, test::textBlockOfPacked(reference, indicator, len));
    std::printf("%s on CUDA float32: relative error %.3g\n", what.c_str(), error);
    EXPECT_LE(error, kTolerance) << what;
}

class TextEncoderGpu : public test::CudaTestWithParam<std::string> {};

TEST_P(TextEncoderGpu, Float32MatchesGolden) {
    const std::string precision = GetParam();
    const Qwen3TextEncoder encoder = loadEncoder(precision, at::kFloat, test::cudaDevice());
    ASSERT_TRUE(encoder.options().device.is_cuda());

    // The raw forward, inputs moved to the GPU explicitly: its output stays there.
    const IoCase io = ioCase(precision);
    const at::Tensor isText = io.indicator.eq(3);  // [B, L]
    const int64_t len = isText.sum(1).max().item<int64_t>();
    const at::Tensor mask = test::textBlockOfPacked(isText, io.indicator, len);  // [B, len] bool
    const at::Tensor ids =
        test::textBlockOfPacked(test::goldenTensor(kIo, "in.token_ids"), io.indicator, len) *
        mask;  // [B, len] int64, 0 at padding
    const at::Tensor features =
        encoder.forward(ids.to(test::cudaDevice()), mask.to(test::cudaDevice()));
    EXPECT_TRUE(features.is_cuda());
    expectMatchesGolden(features, mask, io.reference, io.indicator, precision + " io forward");
    const TextFeatures encoded = encoder.encode(io.ids);
    expectMatchesGolden(encoded.features, encoded.mask, io.reference, io.indicator,
                        precision + " io encode");

    // The pipeline cases' prompts, through the tokenizer, as a generation encodes them.
    const Tokenizer tokenizer =
        Tokenizer::fromModelFolder(test::goldenDir() / ("tiny-ideogram4-" + precision));
    const std::string tensors = "pipeline_" + precision + ".safetensors";
    for (const auto& c : test::goldenPipeline(precision).at("cases")) {
        const std::string name = c.at("name").get<std::string>();
        std::vector<std::vector<int64_t>> promptIds;
        for (const auto& prompt : c.at("prompts")) {
            promptIds.push_back(tokenizer.encodeChat(prompt.get<std::string>()));
        }
        const TextFeatures fromPrompts = encoder.encode(promptIds);
        expectMatchesGolden(fromPrompts.features, fromPrompts.mask,
                            test::goldenTensor(tensors, name + ".llm_features"),
                            test::goldenTensor(tensors, name + ".indicator"),
                            precision + " pipeline " + name);
    }
}

TEST_P(TextEncoderGpu, Bfloat16NearCpuFloat32) {
    const std::string precision = GetParam();
    const IoCase io = ioCase(precision);
    const TextFeatures cpu = loadEncoder(precision, at::kFloat, at::kCPU).encode(io.ids);
    const Qwen3TextEncoder encoder = loadEncoder(precision, at::kBFloat16, test::cudaDevice());
    ASSERT_TRUE(encoder.options().device.is_cuda());
    const TextFeatures gpu = encoder.encode(io.ids);
    EXPECT_EQ(gpu.features.scalar_type(), at::kFloat);  // the features leave in float32
    EXPECT_EQ(gpu.lengths, cpu.lengths);
    EXPECT_TRUE(gpu.mask.to(at::kCPU).equal(cpu.mask));
    const at::Tensor features = test::onCpu(gpu.features);
    const double error = test::relativeError(features, cpu.features);
    std::printf("%s text features, CUDA bf16 vs CPU float32: relative error %.3g\n",
                precision.c_str(), error);
    EXPECT_LE(error, test::kBf16Tolerance);
    // Padding stays exactly zero.
    const at::Tensor padded = features.masked_select(cpu.mask.logical_not().unsqueeze(-1));
    EXPECT_TRUE(padded.numel() == 0 || padded.abs().max().item<float>() == 0.0f);
}

INSTANTIATE_TEST_SUITE_P(Precisions, TextEncoderGpu, ::testing::Values("bf16", "fp8", "nf4"));

}  // namespace
}  // namespace i4::text
