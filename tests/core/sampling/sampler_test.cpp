#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "core/errors.h"
#include "core/sampling/sampler.h"
#include "core/sampling/schedule.h"

namespace i4::sampling {
namespace {

SamplingPlan simplePlan(std::vector<float> guidance) {
    SamplingPlan plan;
    const size_t n = guidance.size();
    for (size_t k = 0; k <= n; ++k) plan.times.push_back(static_cast<float>(k) / n);
    plan.guidance = std::move(guidance);
    return plan;
}

// cond = 1 and uncond = 0 everywhere, so v = g and each step adds g * (s - t).
TEST(Sampler, GuidanceIsAppliedInStepOrder) {
    const SamplingPlan plan = simplePlan({7.0f, 5.0f, 3.0f});
    std::vector<float> seen;
    std::vector<float> seenT;
    SamplerCallbacks callbacks;
    callbacks.onStep = [&](const StepState& s) {
        seen.push_back(s.guidance);
        seenT.push_back(s.t);
        EXPECT_EQ(s.total, 3);
        // x0 = z_t + (1 - t) * v with v = g
        EXPECT_TRUE(
            at::allclose(s.x0, s.latent - s.guidance * (s.s - s.t) + s.guidance * (1.0f - s.t)));
    };
    auto one = [](const at::Tensor& z, float) { return at::ones_like(z); };
    auto zero = [](const at::Tensor& z, float) { return at::zeros_like(z); };
    const at::Tensor z = sampleEuler(at::zeros({1, 2, 4}), plan, one, zero, callbacks);
    EXPECT_EQ(seen, (std::vector<float>{7.0f, 5.0f, 3.0f}));
    EXPECT_EQ(seenT, (std::vector<float>{0.0f, 1.0f / 3, 2.0f / 3}));
    EXPECT_NEAR(z[0][0][0].item<float>(), (7.0 + 5.0 + 3.0) / 3, 1e-5);
}

TEST(Sampler, PlanTimesRunFromNoiseToTMaxInStepOrder) {
    // Guidance given in step order; the plan keeps it as is.
    const SamplingPlan plan = makeSamplingPlan(4, 0.0, 1.5, {7, 7, 7, 3}, 1024, 1024);
    ASSERT_EQ(plan.times.size(), 5u);
    EXPECT_FLOAT_EQ(plan.times.front(), static_cast<float>(kScheduleTMin));
    EXPECT_FLOAT_EQ(plan.times.back(), static_cast<float>(kScheduleTMax));
    for (size_t k = 0; k + 1 < plan.times.size(); ++k) EXPECT_LT(plan.times[k], plan.times[k + 1]);
    EXPECT_EQ(plan.guidance, (std::vector<float>{7, 7, 7, 3}));
    EXPECT_THROW(makeSamplingPlan(4, 0.0, 1.5, {7, 3}, 1024, 1024), InputError);
}

TEST(Sampler, NoiseIsSeeded) {
    const at::Tensor a = initialNoise(1, 12, 128, 42);
    EXPECT_TRUE(at::equal(a, initialNoise(1, 12, 128, 42)));
    EXPECT_FALSE(at::equal(a, initialNoise(1, 12, 128, 43)));
    EXPECT_EQ(a.scalar_type(), at::kFloat);
}

// The flag is raised inside the conditional pass of the second step: the unconditional pass of
// that step never runs and no result comes back.
TEST(Sampler, CancelBetweenThePasses) {
    std::atomic<bool> cancel{false};
    int condCalls = 0;
    int uncondCalls = 0;
    int stepsReported = 0;
    auto cond = [&](const at::Tensor& z, float) {
        if (++condCalls == 2) cancel = true;
        return at::ones_like(z);
    };
    auto uncond = [&](const at::Tensor& z, float) {
        ++uncondCalls;
        return at::zeros_like(z);
    };
    SamplerCallbacks callbacks;
    callbacks.cancel = &cancel;
    callbacks.onStep = [&](const StepState&) { ++stepsReported; };
    EXPECT_THROW(
        sampleEuler(at::zeros({1, 2, 4}), simplePlan({1, 1, 1, 1, 1}), cond, uncond, callbacks),
        CancelledError);
    EXPECT_EQ(condCalls, 2);
    EXPECT_EQ(uncondCalls, 1);
    EXPECT_EQ(stepsReported, 1);
}

// Cancelled from another thread in the middle of a long run: the sampler stops within a pass.
TEST(Sampler, CancelMidRunReturnsPromptly) {
    std::atomic<bool> cancel{false};
    std::atomic<int> calls{0};
    auto slow = [&](const at::Tensor& z, float) {
        ++calls;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        return at::zeros_like(z);
    };
    SamplerCallbacks callbacks;
    callbacks.cancel = &cancel;
    const auto start = std::chrono::steady_clock::now();
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        cancel = true;
    });
    EXPECT_THROW(sampleEuler(at::zeros({1, 2, 4}), simplePlan(std::vector<float>(1000, 1.0f)), slow,
                             slow, callbacks),
                 CancelledError);
    canceller.join();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 2.0);  // the whole run would take 20 s
    EXPECT_LT(calls.load(), 200);
}

TEST(Sampler, CancelledBeforeStartRunsNothing) {
    std::atomic<bool> cancel{true};
    int calls = 0;
    auto count = [&](const at::Tensor& z, float) {
        ++calls;
        return at::zeros_like(z);
    };
    SamplerCallbacks callbacks;
    callbacks.cancel = &cancel;
    EXPECT_THROW(sampleEuler(at::zeros({1, 1, 1}), simplePlan({1}), count, count, callbacks),
                 CancelledError);
    EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace i4::sampling
