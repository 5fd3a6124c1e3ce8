#include <gtest/gtest.h>

#include <cmath>

#include "core/sampling/presets.h"
#include "core/sampling/schedule.h"

namespace i4::sampling {
namespace {

TEST(Ndtri, KnownQuantilesAndEnds) {
    EXPECT_EQ(ndtri(0.5), 0.0);
    EXPECT_NEAR(ndtri(0.975), 1.959963984540054, 1e-14);
    EXPECT_NEAR(ndtri(0.025), -1.959963984540054, 1e-14);
    EXPECT_NEAR(ndtri(1e-10), -6.361340902404056, 1e-12);
    EXPECT_NEAR(ndtri(0.8413447460685429), 1.0, 1e-14);
    EXPECT_TRUE(std::isinf(ndtri(0.0)) && ndtri(0.0) < 0);
    EXPECT_TRUE(std::isinf(ndtri(1.0)) && ndtri(1.0) > 0);
    EXPECT_TRUE(std::isnan(ndtri(1.5)));
}

TEST(Ndtri, InvertsTheNormalCdf) {
    // Above x = 5 the p that Phi(x) rounds to no longer pins x down, so stop there.
    for (double x = -8.0; x <= 5.0; x += 0.37) {
        const double p = 0.5 * std::erfc(-x / std::sqrt(2.0));
        EXPECT_NEAR(ndtri(p), x, 1e-9 * std::max(1.0, std::abs(x))) << "x = " << x;
    }
}

TEST(StepIntervals, MatchFloat32Linspace) {
    const std::vector<float> iv = stepIntervals(20);
    ASSERT_EQ(iv.size(), 21u);
    EXPECT_EQ(iv.front(), 0.0f);
    EXPECT_EQ(iv.back(), 1.0f);
    EXPECT_EQ(iv[1], 0.05f);
    EXPECT_EQ(iv[19], 1.0f - 0.05f);
    // 48 steps: index 47 lies in an 8-lane vector of torch's kernel (see Note [float32
    // linspace]) and differs by one ulp from the scalar formula 1 - 1/48.
    const std::vector<float> iv48 = stepIntervals(48);
    EXPECT_EQ(iv48[47], (1.0f - 8 * (1.0f / 48)) + 7 * (1.0f / 48));
    EXPECT_NE(iv48[47], 1.0f - 1.0f / 48);
    EXPECT_EQ(iv48[48], 1.0f);
}

// The spec's own test vector (F.3): V4_DEFAULT_20 at 1024x1024.
TEST(LogitNormalSchedule, Default20At1024) {
    const std::vector<float> expected{
        0.999447227f,  0.8989259f,    0.824851334f,  0.754102051f, 0.685613275f, 0.61944896f,
        0.555903673f,  0.495291054f,  0.437875241f,  0.38384968f,  0.333333343f, 0.286375225f,
        0.242962673f,  0.203030869f,  0.166470915f,  0.133136779f, 0.102846958f, 0.075375475f,
        0.0504089743f, 0.0273411423f, 0.00012339458f};
    const auto schedule = LogitNormalSchedule::forResolution(0.0, 1.75, 1024, 1024);
    const std::vector<float> actual = scheduleAtIntervals(schedule, 20);
    ASSERT_EQ(actual.size(), expected.size());
    for (size_t k = 0; k < expected.size(); ++k) {
        EXPECT_NEAR(actual[k], expected[k], 1e-6 * expected[k]) << "k = " << k;
    }
}

TEST(GuidanceOrder, StepOrderIsTheReverseOfLoopOrder) {
    // Step order: the first (noisiest) step first. The reference's loop runs i = N-1 .. 0 and
    // reads gw[i], so its index 0 is the last, polishing step.
    const std::vector<float> stepOrder{7.0f, 6.0f, 5.0f, 3.0f};
    const std::vector<float> loopOrder = guidanceToLoopOrder(stepOrder);
    EXPECT_EQ(loopOrder, (std::vector<float>{3.0f, 5.0f, 6.0f, 7.0f}));
    EXPECT_EQ(guidanceToStepOrder(loopOrder), stepOrder);
    // The first step of the loop (i = N-1) uses loopOrder[N-1] = stepOrder[0].
    EXPECT_EQ(loopOrder[loopOrder.size() - 1], stepOrder[0]);
}

}  // namespace
}  // namespace i4::sampling

namespace i4::sampling {
namespace {

TEST(GuidanceShape, ResampleKeepsPlateausAndTail) {
    const std::vector<float> twenty = findPreset("V4_DEFAULT_20")->guidanceSchedule;
    EXPECT_EQ(resampleGuidance(twenty, 20), twenty);
    EXPECT_EQ(resampleGuidance(twenty, 12), findPreset("V4_TURBO_12")->guidanceSchedule);
    EXPECT_EQ(resampleGuidance({}, 3), (std::vector<float>{0, 0, 0}));
    EXPECT_TRUE(resampleGuidance(twenty, 0).empty());
    EXPECT_EQ(polishTailLength(twenty), 2);
    EXPECT_EQ(polishTailLength({5, 5, 5}), 0);
    EXPECT_EQ(polishTailLength({7, 6, 5}), 2);
}

}  // namespace
}  // namespace i4::sampling
