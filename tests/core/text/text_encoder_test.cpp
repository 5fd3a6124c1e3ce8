#include <gtest/gtest.h>

#include "core/errors.h"
#include "core/text/qwen3_text_encoder.h"

namespace i4::text {
namespace {

nlohmann::json textConfig() {
    return {{"hidden_size", 64},    {"num_attention_heads", 4}, {"num_key_value_heads", 2},
            {"head_dim", 16},       {"intermediate_size", 96},  {"num_hidden_layers", 36},
            {"rms_norm_eps", 1e-5}, {"vocab_size", 1000},       {"hidden_act", "silu"}};
}

TEST(Qwen3TextConfig, ReadsTransformers5RopeParameters) {
    nlohmann::json tc = textConfig();
    tc["rope_parameters"] = {{"rope_type", "default"},
                             {"rope_theta", 5000000},
                             {"mrope_section", {24, 20, 20}},
                             {"mrope_interleaved", true}};
    const Qwen3TextConfig c = Qwen3TextConfig::fromJson({{"text_config", tc}}, "config.json");
    EXPECT_EQ(c.hiddenSize, 64);
    EXPECT_EQ(c.numHeads, 4);
    EXPECT_EQ(c.numKvHeads, 2);
    EXPECT_EQ(c.headDim, 16);
    EXPECT_EQ(c.intermediateSize, 96);
    EXPECT_EQ(c.vocabSize, 1000);
    EXPECT_DOUBLE_EQ(c.rmsNormEps, 1e-5);
    EXPECT_DOUBLE_EQ(c.ropeTheta, 5e6);
}

TEST(Qwen3TextConfig, ReadsRopeScalingWithThetaInTextConfigOrAtTopLevel) {
    nlohmann::json tc = textConfig();
    tc["rope_scaling"] = {{"rope_type", "default"}, {"mrope_section", {24, 20, 20}}};
    tc["rope_theta"] = 1000000;
    EXPECT_DOUBLE_EQ(Qwen3TextConfig::fromJson({{"text_config", tc}}, "c").ropeTheta, 1e6);
    tc.erase("rope_theta");
    const nlohmann::json top{{"text_config", tc}, {"rope_theta", 250000}};
    EXPECT_DOUBLE_EQ(Qwen3TextConfig::fromJson(top, "c").ropeTheta, 250000);
}

TEST(Qwen3TextConfig, RejectsWhatItCannotRun) {
    nlohmann::json tc = textConfig();
    EXPECT_THROW(Qwen3TextConfig::fromJson({{"text_config", tc}}, "c"), ModelError);  // no theta
    tc["rope_theta"] = 1e6;
    nlohmann::json shallow = tc;
    shallow["num_hidden_layers"] = 12;  // Ideogram taps layer 35
    EXPECT_THROW(Qwen3TextConfig::fromJson({{"text_config", shallow}}, "c"), ModelError);
    nlohmann::json gqa = tc;
    gqa["num_key_value_heads"] = 3;
    EXPECT_THROW(Qwen3TextConfig::fromJson({{"text_config", gqa}}, "c"), ModelError);
    nlohmann::json yarn = tc;
    yarn["rope_scaling"] = {{"rope_type", "yarn"}, {"factor", 4.0}};
    EXPECT_THROW(Qwen3TextConfig::fromJson({{"text_config", yarn}}, "c"), ModelError);
    nlohmann::json missing = tc;
    missing.erase("hidden_size");
    EXPECT_THROW(Qwen3TextConfig::fromJson({{"text_config", missing}}, "c"), ModelError);
}

TEST(Qwen3TextEncoder, MissingFolderIsAModelError) {
    EXPECT_THROW(Qwen3TextEncoder::load("/nonexistent/text_encoder"), ModelError);
}

}  // namespace
}  // namespace i4::text
