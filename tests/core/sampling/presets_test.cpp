#include <gtest/gtest.h>

#include <fstream>

#include "core/errors.h"
#include "core/sampling/presets.h"
#include "tests/support/golden.h"

namespace i4::sampling {
namespace {

TEST(Presets, BuiltinsComeFromTheEmbeddedJson) {
    const auto& presets = builtinPresets();
    ASSERT_EQ(presets.size(), 3u);
    const auto quality = findPreset("V4_QUALITY_48");
    ASSERT_TRUE(quality.has_value());
    EXPECT_EQ(quality->steps, 48);
    EXPECT_EQ(quality->mu, 0.0);
    EXPECT_EQ(quality->std, 1.5);
    ASSERT_EQ(quality->guidanceSchedule.size(), 48u);
    // Step order: 7 for the first 45 steps, 3 for the last 3 (polish) steps.
    EXPECT_EQ(quality->guidanceSchedule.front(), 7.0f);
    EXPECT_EQ(quality->guidanceSchedule[44], 7.0f);
    EXPECT_EQ(quality->guidanceSchedule[45], 3.0f);
    EXPECT_EQ(quality->guidanceSchedule.back(), 3.0f);

    const auto turbo = findPreset("V4_TURBO_12");
    ASSERT_TRUE(turbo.has_value());
    EXPECT_EQ(turbo->mu, 0.5);
    EXPECT_EQ(turbo->std, 1.75);
    EXPECT_EQ(turbo->guidanceSchedule[10], 7.0f);
    EXPECT_EQ(turbo->guidanceSchedule[11], 3.0f);

    const auto def = findPreset("V4_DEFAULT_20");
    ASSERT_TRUE(def.has_value());
    EXPECT_EQ(def->std, 1.75);
    EXPECT_EQ(def->guidanceSchedule[17], 7.0f);
    EXPECT_EQ(def->guidanceSchedule[18], 3.0f);
    EXPECT_FALSE(findPreset("V4_NOPE").has_value());
}

TEST(Presets, UserPresetsRoundTripAndShadowBuiltins) {
    SamplerPreset mine{"V4_TURBO_12", "my turbo", 3, 0.25, 1.25, {5.0f, 4.0f, 2.5f}};
    SamplerPreset other{"sketch", "", 2, -0.5, 2.0, {6.0f, 1.0f}};
    const auto path = test::tempDir("presets") / "user.json";
    savePresetFile(path, {mine, other});
    const auto loaded = loadPresetFile(path);
    ASSERT_EQ(loaded.size(), 2u);
    EXPECT_EQ(loaded[0], mine);
    EXPECT_EQ(loaded[1], other);
    EXPECT_EQ(findPreset("V4_TURBO_12", loaded)->description, "my turbo");
    EXPECT_EQ(findPreset("V4_QUALITY_48", loaded)->steps, 48);
}

TEST(Presets, MalformedFilesNameTheProblem) {
    const auto dir = test::tempDir("badpresets");
    auto expectError = [&](const std::string& text, const std::string& needle) {
        const auto path = dir / "p.json";
        std::ofstream(path) << text;
        try {
            loadPresetFile(path);
            ADD_FAILURE() << "no error for " << text;
        } catch (const InputError& e) {
            EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
        }
    };
    expectError("{", "not valid JSON");
    expectError(R"({"format":"other","version":1,"presets":[]})", "not a preset file");
    expectError(R"({"format":"i4studio-presets","version":1,"presets":[{"name":"a","steps":2,
        "mu":0,"std":1,"guidance_schedule":[1]}]})",
                "1 values for 2 steps");
    expectError(R"({"format":"i4studio-presets","version":1,"presets":[{"name":"a","steps":1,
        "mu":0,"guidance_schedule":[1]}]})",
                "'std' is missing");
    expectError(R"({"format":"i4studio-presets","version":1,"presets":[{"name":"a","steps":1,
        "mu":0,"std":0,"guidance_schedule":[1]}]})",
                "'std' must be positive");
    EXPECT_THROW(loadPresetFile(dir / "missing.json"), InputError);
}

}  // namespace
}  // namespace i4::sampling
