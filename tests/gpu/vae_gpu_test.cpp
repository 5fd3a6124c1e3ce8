// The FLUX.2 VAE on CUDA: decoder and encoder in float32 against the golden outputs, in bf16
// against the CPU float32 outputs, and the decode of every golden pipeline case's z_final.
#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <cstdio>

#include "core/vae/flux2_vae.h"
#include "tests/support/golden.h"
#include "tests/support/golden_cases.h"
#include "tests/support/gpu.h"

namespace i4::vae {
namespace {

constexpr double kModuleTolerance = 1e-4;    // golden README: VAE outputs
constexpr double kPipelineTolerance = 1e-3;  // golden README: pipeline decoded images
const char* const kIo = "vae/io.safetensors";

Flux2Vae loadVae(const std::string& folder, at::ScalarType dtype, at::Device device) {
    Flux2VaeOptions options;
    options.dtype = dtype;
    options.device = device;
    options.log = [](const std::string&) {};
    return Flux2Vae::load(test::goldenDir() / folder / "vae", options);
}

enum class Direction { Decode, Encode };

// The golden module input through the decoder or the encoder, as a CPU float32 tensor.
at::Tensor run(const Flux2Vae& vae, Direction direction) {
    if (direction == Direction::Decode) {
        const at::Tensor latent = test::goldenTensor(kIo, "in.latent");  // [1, 32, 6, 8]
        return test::onCpu(vae.decode(latent.to(vae.device())));         // [1, 3, 48, 64]
    }
    const at::Tensor image = test::goldenTensor(kIo, "in.image");   // [1, 3, 48, 64]
    return test::onCpu(vae.encodeMoments(image.to(vae.device())));  // [1, 64, 6, 8]
}

const char* what(Direction direction) {
    return direction == Direction::Decode ? "decoder" : "encoder";
}

void PrintTo(Direction direction, std::ostream* out) { *out << what(direction); }

class VaeGpu : public test::CudaTestWithParam<Direction> {};

TEST_P(VaeGpu, Float32MatchesGolden) {
    const Flux2Vae vae = loadVae("tiny-ideogram4-bf16", at::kFloat, test::cudaDevice());
    ASSERT_TRUE(vae.device().is_cuda());
    const at::Tensor out = run(vae, GetParam());
    const at::Tensor expected = test::goldenTensor(
        kIo, GetParam() == Direction::Decode ? "out.decoded" : "out.encoder_moments");
    ASSERT_EQ(out.sizes(), expected.sizes());
    EXPECT_FALSE(out.isnan().any().item<bool>());
    const double error = test::relativeError(out, expected);
    std::printf("VAE %s on CUDA float32: relative error %.3g\n", what(GetParam()), error);
    EXPECT_LE(error, kModuleTolerance);
}

TEST_P(VaeGpu, Bfloat16NearCpuFloat32) {
    const at::Tensor cpu = run(loadVae("tiny-ideogram4-bf16", at::kFloat, at::kCPU), GetParam());
    const Flux2Vae vae = loadVae("tiny-ideogram4-bf16", at::kBFloat16, test::cudaDevice());
    ASSERT_TRUE(vae.device().is_cuda());
    EXPECT_EQ(vae.dtype(), at::kBFloat16);
    const at::Tensor gpu = run(vae, GetParam());
    ASSERT_EQ(gpu.sizes(), cpu.sizes());
    const double error = test::relativeError(gpu, cpu);
    std::printf("VAE %s, CUDA bf16 vs CPU float32: relative error %.3g\n", what(GetParam()), error);
    EXPECT_LE(error, test::kBf16Tolerance);
}

INSTANTIATE_TEST_SUITE_P(Directions, VaeGpu,
                         ::testing::Values(Direction::Decode, Direction::Encode),
                         [](const auto& info) { return std::string(what(info.param)); });

// Every golden pipeline case's z_final decoded on the GPU: float32 against the reference's
// decoded image and uint8 picture, bf16 against the CPU float32 decode.
class VaePipelineDecodeGpu : public test::CudaTestWithParam<std::string> {};

TEST_P(VaePipelineDecodeGpu, Float32MatchesGoldenAndBfloat16NearCpu) {
    const std::string precision = GetParam();
    const nlohmann::json golden = test::goldenPipeline(precision);
    const std::string folder = golden.at("model_dir").get<std::string>();
    const std::string tensors = "pipeline_" + precision + ".safetensors";
    const Flux2Vae cpu = loadVae(folder, at::kFloat, at::kCPU);
    const Flux2Vae gpu32 = loadVae(folder, at::kFloat, test::cudaDevice());
    const Flux2Vae gpu16 = loadVae(folder, at::kBFloat16, test::cudaDevice());
    ASSERT_FALSE(golden.at("cases").empty());
    for (const auto& c : golden.at("cases")) {
        const std::string name = c.at("name").get<std::string>();
        SCOPED_TRACE(precision + "/" + name);
        const int64_t gridH = c.at("height").get<int64_t>() / 16;
        const int64_t gridW = c.at("width").get<int64_t>() / 16;
        const at::Tensor zFinal = test::goldenTensor(tensors, name + ".z_final");  // [B, N, 128]

        const at::Tensor decoded =
            test::onCpu(gpu32.decodeTokens(zFinal.to(test::cudaDevice()), gridH, gridW));
        const at::Tensor expected = test::goldenTensor(tensors, name + ".decoded");
        ASSERT_EQ(decoded.sizes(), expected.sizes());
        const double error = test::relativeError(decoded, expected);
        EXPECT_LE(error, kPipelineTolerance);
        const test::ImageDiff diff =
            test::compareImages(toRgb8(decoded), test::goldenTensor(tensors, name + ".image"));
        EXPECT_LE(diff.maxAbs, 2);
        EXPECT_GE(diff.identical, 0.99);

        const at::Tensor reference = cpu.decodeTokens(zFinal, gridH, gridW);
        const at::Tensor half =
            test::onCpu(gpu16.decodeTokens(zFinal.to(test::cudaDevice()), gridH, gridW));
        const double halfError = test::relativeError(half, reference);
        EXPECT_LE(halfError, test::kBf16Tolerance);
        std::printf("%s/%s decode: CUDA float32 vs golden %.3g, CUDA bf16 vs CPU %.3g\n",
                    precision.c_str(), name.c_str(), error, halfError);
    }
}

INSTANTIATE_TEST_SUITE_P(Precisions, VaePipelineDecodeGpu, ::testing::Values("bf16", "fp8", "nf4"));

}  // namespace
}  // namespace i4::vae
