// Note [model-aware defaults]: the one rule the GUI's generation panel and `i4 generate` share.
#include <gtest/gtest.h>

#include "core/pipeline/request_settings.h"
#include "core/sampling/presets.h"

namespace i4::pipeline {
namespace {

ModelHints demoLike() {
    ModelHints hints;
    hints.demo = true;
    hints.nativeWidth = 128;
    hints.nativeHeight = 128;
    hints.preset = "V4_TURBO_12";
    hints.guidance = 1.15f;
    return hints;
}

TEST(ModelDefaults, NothingChosenGivesTheModelsPresetAndGuidance) {
    const GenerationRequest r = withModelDefaults(GenerationRequest{}, demoLike(), false);
    EXPECT_EQ(r.preset, "V4_TURBO_12");
    const auto turbo = *sampling::findPreset("V4_TURBO_12");
    ASSERT_EQ(r.guidanceSchedule.size(), turbo.guidanceSchedule.size());
    EXPECT_EQ(r.guidanceSchedule.front(), 1.15f);
    EXPECT_EQ(r.guidanceSchedule.back(), turbo.guidanceSchedule.back());  // the polish tail
    // No hints: the published default, its own schedule (nothing explicit).
    const GenerationRequest plain = withModelDefaults(GenerationRequest{}, ModelHints{}, false);
    EXPECT_EQ(plain.preset, kDefaultPreset);
    EXPECT_TRUE(plain.guidanceSchedule.empty());
}

TEST(ModelDefaults, AChosenPresetKeepsTheModelsMainGuidance) {
    for (const auto& preset : sampling::builtinPresets()) {
        SCOPED_TRACE(preset.name);
        GenerationRequest chosen;
        chosen.preset = preset.name;
        const GenerationRequest r = withModelDefaults(chosen, demoLike(), true);
        EXPECT_EQ(r.preset, preset.name);
        ASSERT_EQ(r.guidanceSchedule.size(), size_t(preset.steps));  // the preset's steps
        EXPECT_EQ(r.guidanceSchedule.front(), 1.15f);                // the model's weight
        EXPECT_EQ(r.guidanceSchedule.back(), preset.guidanceSchedule.back());
        EXPECT_NE(r.guidanceSchedule.front(), preset.guidanceSchedule.front());
    }
    // An explicit schedule wins.
    GenerationRequest explicitSchedule;
    explicitSchedule.preset = "V4_DEFAULT_20";
    explicitSchedule.guidanceSchedule = {5, 5, 2};
    EXPECT_EQ(withModelDefaults(explicitSchedule, demoLike(), true).guidanceSchedule,
              explicitSchedule.guidanceSchedule);
    // Steps without a schedule: the preset's shape stretched, then the model's weight.
    GenerationRequest steps;
    steps.preset = "V4_DEFAULT_20";
    steps.steps = 30;
    const GenerationRequest stretched = withModelDefaults(steps, demoLike(), true);
    ASSERT_EQ(stretched.guidanceSchedule.size(), 30u);
    EXPECT_EQ(stretched.guidanceSchedule.front(), 1.15f);
}

TEST(ModelDefaults, AnUnknownModelPresetFallsBackToTheDefault) {
    ModelHints future;
    future.preset = "V5_SOMEDAY";
    EXPECT_EQ(defaultPreset(future), kDefaultPreset);
    EXPECT_EQ(defaultPreset(demoLike()), "V4_TURBO_12");
}

TEST(ModelDefaults, AspectsKeepTheNativePixelCount) {
    const ModelHints demo = demoLike();
    const ImageSize square = sizeForAspect(1, 1, demo);
    EXPECT_EQ(square.width, 128);
    EXPECT_EQ(square.height, 128);
    const ImageSize wide = sizeForAspect(16, 9, demo);
    EXPECT_GT(wide.width, wide.height);
    EXPECT_EQ(wide.width % 16, 0);
    EXPECT_EQ(wide.height % 16, 0);
    EXPECT_FALSE(sizeAdvice(wide.width, wide.height, demo).farFromNative);
    const ImageSize tall = sizeForAspect(9, 16, demo);
    EXPECT_EQ(tall.width, wide.height);
    EXPECT_EQ(tall.height, wide.width);
    // Without a native size: about a megapixel, as the published model.
    const ImageSize published = sizeForAspect(1, 1, ModelHints{});
    EXPECT_EQ(published.width, 1024);
    EXPECT_EQ(published.height, 1024);
}

TEST(ModelDefaults, SizesFarFromNativeAreFlagged) {
    const ModelHints demo = demoLike();
    EXPECT_FALSE(sizeAdvice(128, 128, demo).farFromNative);
    const SizeAdvice big = sizeAdvice(1360, 768, demo);
    EXPECT_TRUE(big.farFromNative);
    EXPECT_NEAR(big.pixelRatio, 1360.0 * 768 / (128.0 * 128), 1e-9);
    EXPECT_EQ(big.nativeWidth, 128);
    EXPECT_TRUE(sizeAdvice(64, 64, demo).farFromNative);
    // A model without a stated size (the published one) is not held to 1024x1024.
    EXPECT_FALSE(sizeAdvice(1360, 768, ModelHints{}).farFromNative);
    EXPECT_FALSE(sizeAdvice(2048, 2048, ModelHints{}).farFromNative);
    EXPECT_NEAR(sizeAdvice(2048, 2048, ModelHints{}).pixelRatio, 4.0, 1e-9);
}

}  // namespace
}  // namespace i4::pipeline
