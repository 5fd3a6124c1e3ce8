#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/model/ideogram4_transformer.h"
#include "core/sampling/packing.h"
#include "core/sampling/sampler.h"
#include "core/sampling/schedule.h"
#include "core/sampling/transformer_velocity.h"
#include "core/sampling/validation.h"
#include "tests/support/golden.h"

namespace i4::sampling {
namespace {

// The sampler end to end without the text encoder: each pipeline case's stored text features
// drive both transformers from the seeded noise to z_final.
class PipelineSamplerGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(PipelineSamplerGolden, AllCases) {
    const std::string precision = GetParam();
    const std::string tensors = "pipeline_" + precision + ".safetensors";
    std::ifstream in(test::goldenDir() / ("pipeline_" + precision + ".json"));
    ASSERT_TRUE(in.good());
    const nlohmann::json golden = nlohmann::json::parse(in);
    const auto modelDir = test::goldenDir() / golden.at("model_dir").get<std::string>();
    const auto cond =
        model::Ideogram4Transformer::loadFolder(modelDir / "transformer", "transformer");
    const auto uncond = model::Ideogram4Transformer::loadFolder(
        modelDir / "unconditional_transformer", "unconditional_transformer");

    ASSERT_EQ(golden.at("cases").size(), 3u);
    for (const auto& c : golden.at("cases")) {
        const std::string name = c.at("name").get<std::string>();
        SCOPED_TRACE(precision + " / " + name);
        auto stored = [&](const std::string& key) {
            return test::goldenTensor(tensors, name + "." + key);
        };
        const int height = c.at("height").get<int>();
        const int width = c.at("width").get<int>();
        const int steps = c.at("num_steps").get<int>();
        const double mu = c.at("mu").get<double>();
        const double std = c.at("std").get<double>();
        const auto tokenIds = c.at("token_ids").get<std::vector<std::vector<int64_t>>>();
        // The golden JSON keeps the reference's loop order; requests carry step order.
        const std::vector<float> guidance =
            guidanceToStepOrder(c.at("guidance_schedule_loop_order").get<std::vector<float>>());

        // Tiny sizes: valid only with the test-model override.
        EXPECT_THROW(validateGeneration(width, height, steps, guidance, mu, std, false),
                     InputError);
        validateGeneration(width, height, steps, guidance, mu, std, true);

        const int64_t gridH = height / kPixelsPerToken;
        const int64_t gridW = width / kPixelsPerToken;
        const PackedBatch packed = packConditional(tokenIds, gridH, gridW);
        EXPECT_TRUE(at::equal(packed.positionIds, stored("position_ids")));
        EXPECT_TRUE(at::equal(packed.segmentIds, stored("segment_ids")));
        EXPECT_TRUE(at::equal(packed.indicator, stored("indicator")));

        const int64_t batch = packed.batch();
        const at::Tensor zInit =
            initialNoise(batch, gridH * gridW, 128, c.at("seed").get<uint64_t>());
        EXPECT_TRUE(at::equal(zInit, stored("z_init")));

        const SamplingPlan plan = makeSamplingPlan(steps, mu, std, guidance, height, width);
        const auto& stepTimes = c.at("steps");
        ASSERT_EQ(stepTimes.size(), static_cast<size_t>(steps));
        for (int k = 0; k < steps; ++k) {
            EXPECT_NEAR(plan.times[k], stepTimes[k].at("t").get<double>(),
                        1e-6 * stepTimes[k].at("t").get<double>());
            EXPECT_NEAR(plan.times[k + 1], stepTimes[k].at("s").get<double>(),
                        1e-6 * stepTimes[k].at("s").get<double>());
        }

        at::Tensor firstCond, firstUncond;
        const VelocityFn condFn = conditionalVelocity(cond, packed, stored("llm_features"));
        const VelocityFn uncondFn =
            unconditionalVelocity(uncond, packUnconditional(batch, gridH, gridW));
        auto recordCond = [&](const at::Tensor& z, float t) {
            at::Tensor v = condFn(z, t);
            if (!firstCond.defined()) firstCond = v;
            return v;
        };
        auto recordUncond = [&](const at::Tensor& z, float t) {
            at::Tensor v = uncondFn(z, t);
            if (!firstUncond.defined()) firstUncond = v;
            return v;
        };
        const at::Tensor zFinal = sampleEuler(zInit, plan, recordCond, recordUncond);
        const double condError = test::relativeError(firstCond, stored("first_pos_v"));
        const double uncondError = test::relativeError(firstUncond, stored("first_neg_v"));
        const double finalError = test::relativeError(zFinal, stored("z_final"));
        std::printf("%s/%s: first_pos_v %.3g, first_neg_v %.3g, z_final %.3g\n", precision.c_str(),
                    name.c_str(), condError, uncondError, finalError);
        EXPECT_LE(condError, 1e-4);
        EXPECT_LE(uncondError, 1e-4);
        EXPECT_LE(finalError, 1e-3);
    }
}

INSTANTIATE_TEST_SUITE_P(Precisions, PipelineSamplerGolden,
                         ::testing::Values("bf16", "fp8", "nf4"));

}  // namespace
}  // namespace i4::sampling
