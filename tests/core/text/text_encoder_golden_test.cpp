#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/io/checkpoint.h"
#include "core/io/safetensors_writer.h"
#include "core/text/conditioning_cache.h"
#include "core/text/qwen3_text_encoder.h"
#include "core/text/tokenizer.h"
#include "tests/support/golden.h"

namespace i4::text {
namespace {

constexpr double kTolerance = 1e-4;  // golden README: text features
constexpr int64_t kTextIndicator = 3;

const Qwen3TextEncoder& goldenEncoder(const std::string& precision) {
    static std::map<std::string, Qwen3TextEncoder> encoders;
    static std::mutex mutex;
    std::lock_guard<std::mutex> lock(mutex);
    auto it = encoders.find(precision);
    if (it == encoders.end()) {
        const auto dir = test::goldenDir() / ("tiny-ideogram4-" + precision) / "text_encoder";
        it = encoders.emplace(precision, Qwen3TextEncoder::load(dir)).first;
    }
    return it->second;
}

// Text token ids of each row of a packed sequence ([pad][text][image]): where indicator == 3.
std::vector<std::vector<int64_t>> textIds(const at::Tensor& tokenIds, const at::Tensor& indicator) {
    std::vector<std::vector<int64_t>> ids(static_cast<std::size_t>(tokenIds.size(0)));
    for (int64_t b = 0; b < tokenIds.size(0); ++b) {
        for (int64_t i = 0; i < tokenIds.size(1); ++i) {
            if (indicator[b][i].item<int64_t>() == kTextIndicator) {
                ids[b].push_back(tokenIds[b][i].item<int64_t>());
            }
        }
    }
    return ids;
}

// Compares features against a packed reference [B, Lpacked, F] whose text block (indicator 3)
// ends at the same column for every row, and checks the reference is zero elsewhere.
void expectMatchesPacked(const TextFeatures& ours, const at::Tensor& reference,
                         const at::Tensor& indicator, const std::string& what) {
    const int64_t batch = reference.size(0);
    ASSERT_EQ(ours.features.size(0), batch) << what;
    ASSERT_EQ(ours.features.size(2), reference.size(2)) << what;
    const at::Tensor isText = indicator.eq(kTextIndicator);  // [B, Lpacked]
    // Left padding puts every text block's end at the same column; ours has the same layout.
    const int64_t textEnd = isText.to(at::kLong).cumsum(1).argmax(1)[0].item<int64_t>() + 1;
    const int64_t len = ours.features.size(1);
    ASSERT_GE(textEnd, len) << what;
    const at::Tensor refText = reference.narrow(1, textEnd - len, len);
    EXPECT_TRUE(ours.mask.equal(isText.narrow(1, textEnd - len, len))) << what;
    const double err = test::relativeError(ours.features, refText);
    EXPECT_LE(err, kTolerance) << what;
    // Outside text the reference is zero, and so are our padded rows.
    const at::Tensor outside = isText.logical_not().unsqueeze(-1);
    EXPECT_EQ(reference.masked_select(outside).abs().max().item<float>(), 0.0f) << what;
    const at::Tensor padded = ours.features.masked_select(ours.mask.logical_not().unsqueeze(-1));
    EXPECT_TRUE(padded.numel() == 0 || padded.abs().max().item<float>() == 0.0f) << what;
    std::cout << "[ info ] " << what << ": relative error " << err << "\n";
}

class TextEncoderGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(TextEncoderGolden, IoFeaturesMatchReference) {
    const std::string file = "text_encoder/io.safetensors";
    const at::Tensor tokenIds = test::goldenTensor(file, "in.token_ids");   // [2, 172]
    const at::Tensor indicator = test::goldenTensor(file, "in.indicator");  // [2, 172]
    const std::string name =
        GetParam() == "bf16" ? "out.llm_features" : "out.llm_features_" + GetParam();
    const at::Tensor reference = test::goldenTensor(file, name);  // [2, 172, 208]

    const Qwen3TextEncoder& encoder = goldenEncoder(GetParam());
    EXPECT_EQ(encoder.featureSize(), reference.size(2));
    const auto ids = textIds(tokenIds, indicator);
    const TextFeatures ours = encoder.encode(ids);
    expectMatchesPacked(ours, reference, indicator, GetParam() + " io");
}

// bf16 compute (the GPU's precision, run here on the CPU) stays near the float32 features (Note
// [Text encoder residual stream]). Measured on these tiny random encoders: bf16 1.4e-2, nf4
// 1.7e-2, fp8 2.0e-2 (LibTorch 1.13) and 2.006e-2 (2.11) -- the fp8 one sits on the 2e-2 the
// CUDA test holds it to, so this CPU guard allows 2.5e-2; before the float32 residual stream
// they were 2.6e-2 to 3.6e-2.
TEST_P(TextEncoderGolden, Bfloat16ComputeStaysNearFloat32) {
    const std::string file = "text_encoder/io.safetensors";
    const at::Tensor tokenIds = test::goldenTensor(file, "in.token_ids");
    const at::Tensor indicator = test::goldenTensor(file, "in.indicator");
    const auto ids = textIds(tokenIds, indicator);
    const auto dir = test::goldenDir() / ("tiny-ideogram4-" + GetParam()) / "text_encoder";
    const Qwen3TextEncoder bf16 = Qwen3TextEncoder::load(dir, {at::kBFloat16, at::kCPU});
    const TextFeatures ours = bf16.encode(ids);
    const TextFeatures exact = goldenEncoder(GetParam()).encode(ids);
    const double err = test::relativeError(ours.features, exact.features);
    std::cout << "[ info ] " << GetParam() << " bf16 vs float32: relative error " << err << "\n";
    EXPECT_LE(err, 2.5e-2);
}

TEST_P(TextEncoderGolden, PipelineFeaturesFromPrompts) {
    const Tokenizer tokenizer =
        Tokenizer::fromModelFolder(test::goldenDir() / ("tiny-ideogram4-" + GetParam()));
    const std::string base = "pipeline_" + GetParam();
    std::ifstream in(test::goldenDir() / (base + ".json"));
    const nlohmann::json spec = nlohmann::json::parse(in);
    ASSERT_FALSE(spec.at("cases").empty());
    for (const auto& c : spec["cases"]) {
        const std::string caseName = c.at("name").get<std::string>();
        std::vector<std::vector<int64_t>> ids;
        for (const auto& prompt : c.at("prompts")) {
            ids.push_back(tokenizer.encodeChat(prompt.get<std::string>()));
        }
        const at::Tensor reference =
            test::goldenTensor(base + ".safetensors", caseName + ".llm_features");
        const at::Tensor indicator =
            test::goldenTensor(base + ".safetensors", caseName + ".indicator");
        const TextFeatures ours = goldenEncoder(GetParam()).encode(ids);
        expectMatchesPacked(ours, reference, indicator, base + " " + caseName);
    }
}

TEST_P(TextEncoderGolden, CacheGivesTheEncoderResult) {
    const std::string file = "text_encoder/io.safetensors";
    const auto ids =
        textIds(test::goldenTensor(file, "in.token_ids"), test::goldenTensor(file, "in.indicator"));
    const Qwen3TextEncoder& encoder = goldenEncoder(GetParam());
    const TextFeatures direct = encoder.encode(ids);
    ConditioningCache cache;
    // The second prompt alone first, then the batch: one prompt from the cache, one fresh.
    cache.encode({ids[1]}, encoder);
    const TextFeatures cached = cache.encode(ids, encoder);
    EXPECT_EQ(cache.stats().hits, 1u);
    EXPECT_EQ(cache.stats().misses, 2u);
    EXPECT_TRUE(cached.mask.equal(direct.mask));
    EXPECT_EQ(cached.lengths, direct.lengths);
    // Alone or batched with padding, a prompt's features agree to float32 rounding.
    EXPECT_LE(test::relativeError(cached.features, direct.features), 1e-5);
}

// Prompts longer than one attention chunk of query rows (256 on the CPU), with left padding that
// moves the chunk boundaries: causality means a prefix encodes the same alone, and padding means
// a short prompt encodes the same alone as next to a long one.
TEST(TextEncoderLong, ChunkedAttentionKeepsCausalityAndPadding) {
    const Tokenizer tokenizer =
        Tokenizer::fromModelFolder(test::goldenDir() / "tiny-ideogram4-bf16");
    std::string prompt;
    for (int i = 0; i < 45; ++i) prompt += "a lone sailboat, " + std::to_string(i) + "; ";
    const std::vector<int64_t> longIds = tokenizer.encodeChat(prompt);
    ASSERT_GT(longIds.size(), 320u);
    const std::vector<int64_t> prefix(longIds.begin(), longIds.begin() + 300);
    const std::vector<int64_t> shortIds(longIds.begin(), longIds.begin() + 37);
    const Qwen3TextEncoder& encoder = goldenEncoder("bf16");

    const TextFeatures both = encoder.encode({longIds, shortIds});
    const TextFeatures alone = encoder.encode({prefix});
    const int64_t len = both.features.size(1);
    EXPECT_LE(test::relativeError(both.features[0].narrow(0, 0, 300), alone.features[0]), 1e-5);
    const TextFeatures shortAlone = encoder.encode({shortIds});
    EXPECT_LE(test::relativeError(both.features[1].narrow(0, len - 37, 37), shortAlone.features[0]),
              1e-5);
    EXPECT_EQ(both.features[1].narrow(0, 0, len - 37).abs().max().item<float>(), 0.0f);
    EXPECT_FALSE(at::isnan(both.features).any().item<bool>());
}

// The stock Qwen3-VL-8B-Instruct layout: keys under model.language_model., a vision tower under
// model.visual., an lm_head, and the transformers-4.57 config (rope_scaling + top-level theta).
TEST(TextEncoderLayouts, StockQwenLayoutLoadsToTheSameEncoder) {
    const auto source = test::goldenDir() / "tiny-ideogram4-bf16" / "text_encoder";
    const io::Checkpoint ckpt = io::Checkpoint::openFolder(source, "text_encoder");
    std::vector<std::pair<std::string, at::Tensor>> tensors;
    for (const std::string& key : ckpt.keys()) {
        tensors.emplace_back("model." + key, ckpt.tensor(key));
    }
    tensors.emplace_back("lm_head.weight", at::zeros({4, 16}, at::kBFloat16));

    std::ifstream in(source / "config.json");
    nlohmann::json config = nlohmann::json::parse(in);
    nlohmann::json& tc = config["text_config"];
    config["rope_theta"] = tc["rope_parameters"]["rope_theta"];
    tc["rope_scaling"] = tc["rope_parameters"];
    tc["rope_scaling"].erase("rope_theta");
    tc.erase("rope_parameters");

    const auto dir = test::tempDir("stock-qwen") / "text_encoder";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "config.json") << config.dump(2);
    io::writeSafetensors(dir / "model.safetensors", tensors);

    const std::string file = "text_encoder/io.safetensors";
    const auto ids =
        textIds(test::goldenTensor(file, "in.token_ids"), test::goldenTensor(file, "in.indicator"));
    const Qwen3TextEncoder stock = Qwen3TextEncoder::load(dir);
    EXPECT_DOUBLE_EQ(stock.config().ropeTheta, goldenEncoder("bf16").config().ropeTheta);
    EXPECT_TRUE(stock.encode(ids).features.equal(goldenEncoder("bf16").encode(ids).features));

    // A tensor the text model does not have is reported, not ignored.
    tensors.emplace_back("model.language_model.layers.0.self_attn.extra.weight",
                         at::zeros({2}, at::kBFloat16));
    io::writeSafetensors(dir / "model.safetensors", tensors);
    try {
        Qwen3TextEncoder::load(dir);
        ADD_FAILURE() << "an unexpected tensor was accepted";
    } catch (const ModelError& e) {
        EXPECT_NE(std::string(e.what()).find("self_attn.extra.weight"), std::string::npos)
            << e.what();
    }
}

INSTANTIATE_TEST_SUITE_P(Precisions, TextEncoderGolden, ::testing::Values("bf16", "fp8", "nf4"));

}  // namespace
}  // namespace i4::text
