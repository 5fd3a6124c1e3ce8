#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <cstdio>

#include "core/errors.h"
#include "core/io/checkpoint.h"
#include "core/io/safetensors_writer.h"
#include "core/model/ideogram4_transformer.h"
#include "tests/support/golden.h"

namespace i4::model {
namespace {

constexpr double kTolerance = 1e-4;
const char* const kIo = "dit/io.safetensors";

at::Tensor in(const std::string& name) { return test::goldenTensor(kIo, "in." + name); }

std::filesystem::path modelDir(const std::string& precision, const std::string& component) {
    return test::goldenDir() / ("tiny-ideogram4-" + precision) / component;
}

at::Tensor conditionalVelocity(const Ideogram4Transformer& model) {
    return model.forward(in("x"), in("t"), in("llm_features"), in("position_ids"),
                         in("segment_ids"), in("indicator"));
}

void expectConditionalMatches(const std::string& precision, const std::string& goldenFile) {
    const auto model =
        Ideogram4Transformer::loadFolder(modelDir(precision, "transformer"), "transformer");
    const at::Tensor out = conditionalVelocity(model);
    const at::Tensor ref = test::goldenTensor(goldenFile, "out.velocity_cond");
    EXPECT_EQ(out.scalar_type(), at::kFloat);
    EXPECT_EQ(out.sizes(), ref.sizes());
    const double error = test::relativeError(out, ref);
    std::printf("velocity_cond %s: relative error %.3g\n", precision.c_str(), error);
    EXPECT_LE(error, kTolerance);
}

TEST(Ideogram4TransformerGolden, ConfigFromFolder) {
    const auto config = Ideogram4Config::fromFolder(modelDir("bf16", "transformer"));
    EXPECT_EQ(config.hiddenSize(), 128);
    EXPECT_EQ(config.numLayers, 3);
    EXPECT_EQ(config.llmFeaturesDim, 208);
    EXPECT_EQ(config.mropeSection, (std::array<int64_t, 3>{8, 6, 6}));
    EXPECT_EQ(config.adalnDim, 32);
}

TEST(Ideogram4TransformerGolden, Intermediates) {
    const auto model =
        Ideogram4Transformer::loadFolder(modelDir("bf16", "transformer"), "transformer");
    const auto [cos, sin] = model.rotaryTables(in("position_ids"));
    EXPECT_LE(test::relativeError(cos, test::goldenTensor(kIo, "act.rope_cos")), 1e-6);
    EXPECT_LE(test::relativeError(sin, test::goldenTensor(kIo, "act.rope_sin")), 1e-6);
    EXPECT_LE(test::relativeError(model.timeEmbedding(in("t")),
                                  test::goldenTensor(kIo, "act.t_embedding")),
              kTolerance);
    EXPECT_LE(
        test::relativeError(model.adalnInput(in("t")), test::goldenTensor(kIo, "act.adaln_input")),
        kTolerance);
}

TEST(Ideogram4TransformerGolden, ConditionalBf16) {
    expectConditionalMatches("bf16", "dit/io.safetensors");
}

TEST(Ideogram4TransformerGolden, ConditionalFp8) {
    expectConditionalMatches("fp8", "dit/io_fp8.safetensors");
}

TEST(Ideogram4TransformerGolden, ConditionalNf4) {
    expectConditionalMatches("nf4", "dit/io_nf4.safetensors");
}

// Padding sits in its own segment: sample 1 of the batch without its 3 padding tokens gives the
// same velocity at its text and image tokens.
TEST(Ideogram4TransformerGolden, PaddingIsInvisible) {
    const auto model =
        Ideogram4Transformer::loadFolder(modelDir("bf16", "transformer"), "transformer");
    const at::Tensor batched = conditionalVelocity(model);  // [2, L, 128]
    const at::Tensor indicator = in("indicator")[1];
    const int64_t pad = (indicator == 0).sum().item<int64_t>();
    ASSERT_GT(pad, 0);
    const int64_t len = indicator.size(0) - pad;
    auto sample = [&](const std::string& name) {
        return in(name).narrow(0, 1, 1).narrow(1, pad, len);
    };
    const at::Tensor alone =
        model.forward(sample("x"), in("t").narrow(0, 1, 1), sample("llm_features"),
                      sample("position_ids"), sample("segment_ids"), sample("indicator"));
    EXPECT_LE(test::relativeError(alone, batched.narrow(0, 1, 1).narrow(1, pad, len)), 1e-6);
}

// The compute dtype option: bf16 weights and activations stay near the float32 reference (this
// is not the reference's bf16 recipe, spec F.4, only a check that the option works).
TEST(Ideogram4TransformerGolden, Bf16ComputeOption) {
    ComputeOptions options;
    options.dtype = at::kBFloat16;
    const auto model =
        Ideogram4Transformer::loadFolder(modelDir("bf16", "transformer"), "transformer", options);
    const at::Tensor out = conditionalVelocity(model);
    EXPECT_EQ(out.scalar_type(), at::kFloat);
    const double error = test::relativeError(out, test::goldenTensor(kIo, "out.velocity_cond"));
    std::printf("velocity_cond with bf16 compute: relative error %.3g\n", error);
    EXPECT_LE(error, 5e-2);
}

// The unconditional pass sees the image tokens only: image positions, one segment, indicator 2
// and zero text features.
TEST(Ideogram4TransformerGolden, UnconditionalBf16) {
    const auto model = Ideogram4Transformer::loadFolder(
        modelDir("bf16", "unconditional_transformer"), "unconditional_transformer");
    const at::Tensor ref = test::goldenTensor(kIo, "out.velocity_uncond");  // [B, N, 128]
    const int64_t batch = ref.size(0);
    const int64_t n = ref.size(1);
    const at::Tensor x = in("x");
    const int64_t textLen = x.size(1) - n;
    const at::Tensor out = model.forward(
        x.narrow(1, textLen, n), in("t"), at::zeros({batch, n, model.config().llmFeaturesDim}),
        in("position_ids").narrow(1, textLen, n), at::ones({batch, n}, at::kLong),
        at::full({batch, n}, 2, at::kLong));
    const double error = test::relativeError(out, ref);
    std::printf("velocity_uncond bf16: relative error %.3g\n", error);
    EXPECT_LE(error, kTolerance);
}

// The split diffusers layout (to_q/to_k/to_v/to_out.0), written from the fused bf16 weights,
// gives the same velocity.
TEST(Ideogram4TransformerGolden, SplitDiffusersLayout) {
    const auto fusedDir = modelDir("bf16", "transformer");
    const auto ckpt = io::Checkpoint::openFolder(fusedDir, "transformer");
    std::vector<std::pair<std::string, at::Tensor>> tensors;
    const std::string qkvSuffix = ".attention.qkv.weight";
    const std::string oSuffix = ".attention.o.weight";
    auto endsWith = [](const std::string& s, const std::string& end) {
        return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
    };
    for (const auto& key : ckpt.keys()) {
        at::Tensor t = ckpt.tensor(key).clone();
        if (endsWith(key, qkvSuffix)) {
            const std::string base = key.substr(0, key.size() - qkvSuffix.size()) + ".attention.";
            auto parts = t.chunk(3, 0);
            tensors.emplace_back(base + "to_q.weight", parts[0].contiguous());
            tensors.emplace_back(base + "to_k.weight", parts[1].contiguous());
            tensors.emplace_back(base + "to_v.weight", parts[2].contiguous());
        } else if (endsWith(key, oSuffix)) {
            tensors.emplace_back(
                key.substr(0, key.size() - oSuffix.size()) + ".attention.to_out.0.weight", t);
        } else {
            tensors.emplace_back(key, t);
        }
    }
    const auto dir = test::tempDir("split-dit");
    io::writeSafetensors(dir / "diffusion_pytorch_model.safetensors", tensors);
    std::filesystem::copy_file(fusedDir / "config.json", dir / "config.json");

    const auto split = Ideogram4Transformer::loadFolder(dir, "transformer");
    const auto fused = Ideogram4Transformer::loadFolder(fusedDir, "transformer");
    const at::Tensor out = conditionalVelocity(split);
    EXPECT_LE(test::relativeError(out, conditionalVelocity(fused)), 1e-6);
    EXPECT_LE(test::relativeError(out, test::goldenTensor(kIo, "out.velocity_cond")), kTolerance);
}

// A config.json that disagrees with the weights is reported, naming the leftover tensors.
TEST(Ideogram4TransformerGolden, ConfigMismatchIsAModelError) {
    const auto dir = modelDir("bf16", "unconditional_transformer");
    const auto ckpt = io::Checkpoint::openFolder(dir, "unconditional_transformer");
    Ideogram4Config config = Ideogram4Config::fromFolder(dir);
    config.numLayers = 2;
    try {
        Ideogram4Transformer::load(ckpt, config);
        ADD_FAILURE() << "no error for a config with too few layers";
    } catch (const ModelError& e) {
        EXPECT_NE(std::string(e.what()).find("unexpected tensors layers.2."), std::string::npos)
            << e.what();
    }
    config = Ideogram4Config::fromFolder(dir);
    config.intermediateSize = 512;
    try {
        Ideogram4Transformer::load(ckpt, config);
        ADD_FAILURE() << "no error for a wrong intermediate_size";
    } catch (const ModelError& e) {
        EXPECT_NE(std::string(e.what()).find("layers.0.feed_forward.w1.weight"), std::string::npos)
            << e.what();
    }
}

}  // namespace
}  // namespace i4::model
