#include <gtest/gtest.h>

#include "core/errors.h"
#include "core/pipeline/generation_request.h"
#include "core/pipeline/request_settings.h"
#include "core/sampling/presets.h"
#include "core/sampling/schedule.h"

namespace i4::pipeline {
namespace {

TEST(GenerationRequest, JsonRoundTrip) {
    GenerationRequest r;
    r.prompts = {"{\"high_level_description\":\"Zürich 日本語\"}", "a fox"};
    r.width = 1344;
    r.height = 768;
    r.preset = "V4_TURBO_12";
    r.steps = 14;
    r.guidanceSchedule = {7, 6.5f, 3};
    r.mu = 0.25;
    r.std = 1.5;
    r.seed = 18446744073709551615ull;
    r.batch = 3;
    r.uncheckedSize = true;
    EXPECT_EQ(GenerationRequest::fromJson(nlohmann::json::parse(r.toJson().dump())), r);
    GenerationRequest defaults;
    EXPECT_EQ(GenerationRequest::fromJson(defaults.toJson()), defaults);
}

TEST(GenerationRequest, MagicPromptIdeaRoundTrip) {
    GenerationRequest r;
    r.prompts = {"{\"high_level_description\":\"A green star.\"}"};
    EXPECT_FALSE(r.toJson().contains("magic_prompt_idea"));  // none: not written
    r.magicIdea = "a green star über einem roten Ring";
    const nlohmann::json j = r.toJson();
    EXPECT_EQ(j.at("magic_prompt_idea"), r.magicIdea);
    const GenerationRequest back = GenerationRequest::fromJson(nlohmann::json::parse(j.dump()));
    EXPECT_EQ(back.magicIdea, r.magicIdea);
    EXPECT_EQ(back, r);
    GenerationRequest other = r;
    other.magicIdea.clear();
    EXPECT_FALSE(other == r);
    EXPECT_THROW(GenerationRequest::fromJson({{"magic_prompt_idea", 3}}), InputError);
}

TEST(GenerationRequest, MalformedFieldsNameTheField) {
    try {
        GenerationRequest::fromJson({{"width", "wide"}});
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("'width'"), std::string::npos) << e.what();
    }
    EXPECT_THROW(GenerationRequest::fromJson(nlohmann::json::array()), InputError);
}

TEST(GenerationRequest, ImageInputRoundTrip) {
    GenerationRequest r;
    r.prompts = {"a fox"};
    ImageInput in;
    in.image = "/tmp/Zürich input.png";
    in.imageSha256 = std::string(64, 'a');
    in.strength = 0.35;
    in.mask = "mask.png";
    in.maskSha256 = std::string(63, '0') + "f";
    in.fit = InputFit::Stretch;
    in.extend = {16, 0, 32, 8};
    in.feather = 12;
    r.input = in;
    const nlohmann::json j = r.toJson();
    EXPECT_EQ(j.at("input").at("strength"), 0.35);
    EXPECT_EQ(j.at("input").at("fit"), "stretch");
    EXPECT_EQ(GenerationRequest::fromJson(nlohmann::json::parse(j.dump())), r);
    // A minimal input: defaults for everything but the image.
    GenerationRequest minimal;
    minimal.input = ImageInput{};
    minimal.input->image = "in.png";
    EXPECT_EQ(GenerationRequest::fromJson(minimal.toJson()), minimal);
    EXPECT_FALSE(minimal == GenerationRequest());
    // Lineage-relevant fields take part in equality.
    GenerationRequest other = r;
    other.input->imageSha256 = std::string(64, 'b');
    EXPECT_FALSE(other == r);
    EXPECT_GT(kVarySubtleStrength, 0.0);
    EXPECT_LT(kVarySubtleStrength, kVaryStrongStrength);
    EXPECT_LE(kVaryStrongStrength, 1.0);
}

TEST(GenerationRequest, BadImageInputNamesTheField) {
    const auto fieldOf = [](nlohmann::json input) {
        try {
            GenerationRequest::fromJson({{"prompts", {"a fox"}}, {"input", input}});
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("(accepted)");
    };
    const nlohmann::json ok = {{"image", "in.png"}, {"strength", 0.5}};
    EXPECT_EQ(fieldOf(ok), "(accepted)");
    auto with = [&ok](const char* key, nlohmann::json value) {
        nlohmann::json j = ok;
        j[key] = std::move(value);
        return j;
    };
    EXPECT_NE(fieldOf(with("strength", 0.0)).find("'input.strength'"), std::string::npos);
    EXPECT_NE(fieldOf(with("strength", 1.5)).find("(0, 1]"), std::string::npos);
    EXPECT_NE(fieldOf(with("strength", -0.2)).find("'input.strength'"), std::string::npos);
    EXPECT_NE(fieldOf(with("strength", "half")).find("'input.strength'"), std::string::npos);
    EXPECT_EQ(fieldOf(with("strength", 1.0)), "(accepted)");
    EXPECT_NE(fieldOf(with("image", "")).find("'input.image'"), std::string::npos);
    EXPECT_NE(fieldOf(with("image", 7)).find("'input.image'"), std::string::npos);
    EXPECT_NE(fieldOf({{"strength", 0.5}}).find("'input.image'"), std::string::npos);
    EXPECT_NE(fieldOf(with("image_sha256", "abc")).find("'input.image_sha256'"),
              std::string::npos);
    EXPECT_NE(fieldOf(with("mask_sha256", std::string(64, 'G'))).find("'input.mask_sha256'"),
              std::string::npos);
    EXPECT_NE(fieldOf(with("mask", 3)).find("'input.mask'"), std::string::npos);
    EXPECT_NE(fieldOf(with("fit", "zoom")).find("'input.fit'"), std::string::npos);
    EXPECT_NE(fieldOf(with("extend", {1, 2, 3})).find("'input.extend'"), std::string::npos);
    EXPECT_NE(fieldOf(with("extend", {1, 2, 3, -4})).find("'input.extend'"), std::string::npos);
    EXPECT_NE(fieldOf(with("extend", {1, 2, 3, 1e6})).find("'input.extend'"), std::string::npos);
    EXPECT_NE(fieldOf(with("feather", 1000)).find("'input.feather'"), std::string::npos);
    EXPECT_NE(fieldOf("in.png").find("'input'"), std::string::npos);
}

TEST(RequestSettings, PresetResolution) {
    GenerationRequest r;
    r.prompts = {"a fox"};
    r.preset = "V4_DEFAULT_20";
    const auto preset = *sampling::findPreset("V4_DEFAULT_20");
    SamplerSettings s = resolveSampler(r);
    EXPECT_EQ(s.steps, preset.steps);
    EXPECT_EQ(s.guidanceSchedule, preset.guidanceSchedule);
    EXPECT_EQ(s.mu, preset.mu);
    EXPECT_EQ(s.std, preset.std);
    // Explicit values win.
    r.mu = 1.25;
    EXPECT_EQ(resolveSampler(r).mu, 1.25);
    r.preset = "nope";
    EXPECT_THROW(resolveSampler(r), InputError);
}

TEST(RequestSettings, NewStepCountKeepsThePresetShape) {
    GenerationRequest r;
    r.prompts = {"a fox"};
    r.preset = "V4_DEFAULT_20";  // 18 x main, then a polish tail of 2 x 3.0
    r.steps = 12;
    // Stretched like the GUI's editor: DEFAULT_20 at 12 steps is exactly TURBO_12's schedule.
    EXPECT_EQ(resolveSampler(r).guidanceSchedule,
              sampling::findPreset("V4_TURBO_12")->guidanceSchedule);
    r.steps = 40;
    const auto s = resolveSampler(r).guidanceSchedule;
    ASSERT_EQ(s.size(), 40u);
    EXPECT_EQ(sampling::polishTailLength(s), 4);  // the tail keeps its 10% share
    EXPECT_EQ(s.front(), 7.0f);
    EXPECT_EQ(s.back(), 3.0f);
}

TEST(RequestSettings, MainGuidanceKeepsTheTail) {
    GenerationRequest r;
    r.prompts = {"a fox"};
    r.preset = "V4_DEFAULT_20";
    const auto schedule = withMainGuidance(r, 5.0f).guidanceSchedule;
    const auto preset = *sampling::findPreset("V4_DEFAULT_20");
    ASSERT_EQ(schedule.size(), preset.guidanceSchedule.size());
    EXPECT_EQ(schedule.front(), 5.0f);
    EXPECT_EQ(schedule.back(), preset.guidanceSchedule.back());
    EXPECT_NE(schedule.back(), 5.0f);
}

TEST(RequestSettings, ResolvedRequestIsExplicit) {
    GenerationRequest r;
    r.prompts = {"a fox"};
    r.preset = "V4_TURBO_12";
    GenerationRequest resolved = resolvedRequest(r);
    EXPECT_EQ(resolved.steps, 12);
    EXPECT_EQ(resolved.guidanceSchedule.size(), 12u);
    ASSERT_TRUE(resolved.mu.has_value());
    // Resolving again changes nothing.
    EXPECT_EQ(resolvedRequest(resolved), resolved);
}

TEST(RequestSettings, Validation) {
    GenerationRequest r;
    r.prompts = {"a fox"};
    EXPECT_NO_THROW(validateRequest(r));
    r.prompts = {"  "};
    EXPECT_THROW(validateRequest(r), InputError);
    r.prompts = {};
    EXPECT_THROW(validateRequest(r), InputError);
    r.prompts = {"a fox"};
    r.batch = 0;
    EXPECT_THROW(validateRequest(r), InputError);
    r.batch = 1;
    r.width = 1000;
    EXPECT_THROW(validateRequest(r), InputError);
    r.width = 64;
    r.height = 48;
    EXPECT_THROW(validateRequest(r), InputError);
    r.uncheckedSize = true;
    EXPECT_NO_THROW(validateRequest(r));
}

TEST(RequestSettings, CaptionWarningsOnlyForJsonPrompts) {
    EXPECT_TRUE(captionWarnings("a red fox in the snow").empty());
    EXPECT_FALSE(captionWarnings(R"({"style_description": {"photo": "x"}})").empty());
}

}  // namespace
}  // namespace i4::pipeline
