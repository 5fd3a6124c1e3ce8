#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/sampling/presets.h"
#include "core/sampling/schedule.h"
#include "tests/support/golden.h"

namespace i4::sampling {
namespace {

nlohmann::json readJson(const std::filesystem::path& path) {
    std::ifstream in(path);
    EXPECT_TRUE(in.good()) << path;
    return nlohmann::json::parse(in);
}

// Every preset x resolution of golden/schedule.json, with the preset's settings taken from the
// built-in presets (so the data file is checked too).
TEST(ScheduleGolden, EveryPresetAndResolution) {
    const nlohmann::json golden = readJson(test::goldenDir() / "schedule.json");
    ASSERT_GE(golden.size(), 18u);
    for (const auto& [key, c] : golden.items()) {
        SCOPED_TRACE(key);
        const auto preset = findPreset(c.at("preset").get<std::string>());
        ASSERT_TRUE(preset.has_value());
        EXPECT_EQ(preset->steps, c.at("num_steps").get<int>());
        EXPECT_EQ(preset->mu, c.at("mu").get<double>());
        EXPECT_EQ(preset->std, c.at("std").get<double>());
        EXPECT_EQ(guidanceToLoopOrder(preset->guidanceSchedule),
                  c.at("guidance_schedule_loop_order").get<std::vector<float>>());

        const int height = c.at("height").get<int>();
        const int width = c.at("width").get<int>();
        const auto schedule =
            LogitNormalSchedule::forResolution(preset->mu, preset->std, height, width);
        EXPECT_NEAR(schedule.mean(), c.at("mean_adjusted").get<double>(), 1e-12);

        const auto expected = c.at("schedule_at_intervals").get<std::vector<double>>();
        const std::vector<float> actual = scheduleAtIntervals(schedule, preset->steps);
        ASSERT_EQ(actual.size(), expected.size());
        for (size_t k = 0; k < expected.size(); ++k) {
            EXPECT_LE(std::abs(actual[k] - expected[k]), 1e-6 * std::abs(expected[k]))
                << "k = " << k << ": " << actual[k] << " vs " << expected[k];
        }
    }
}

}  // namespace
}  // namespace i4::sampling
