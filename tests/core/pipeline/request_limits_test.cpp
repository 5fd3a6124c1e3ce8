// Issue 25: hostile numbers in a request (typed, or read back from a PNG or a saved queue) and
// the per-request memory estimate (Note [per-request memory]).
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "core/errors.h"
#include "core/pipeline/generation_request.h"
#include "core/pipeline/memory_check.h"
#include "core/pipeline/model_hints.h"
#include "core/pipeline/request_settings.h"

namespace i4::pipeline {
namespace {

template <typename F>
std::string errorOf(F&& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

bool contains(const std::string& s, const std::string& needle) {
    return s.find(needle) != std::string::npos;
}

GenerationRequest aFox() {
    GenerationRequest r;
    r.prompts = {"a fox"};
    return r;
}

TEST(RequestLimits, ZeroNegativeAndHugeStepCounts) {
    GenerationRequest r = aFox();
    r.steps = 0;
    EXPECT_TRUE(contains(errorOf([&] { validateRequest(r); }), "steps must be at least 1 (got 0)"));
    r.steps = -7;
    EXPECT_TRUE(contains(errorOf([&] { validateRequest(r); }), "at least 1 (got -7)"));
    // Refused before a billion-value schedule is allocated (this would take seconds and 4 GB).
    r.steps = 1'000'000'000;
    const auto start = std::chrono::steady_clock::now();
    EXPECT_TRUE(contains(errorOf([&] { validateRequest(r); }), "at most 1000"));
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
}

TEST(RequestLimits, SizeLimitsHoldWithTheOverride) {
    GenerationRequest r = aFox();
    r.uncheckedSize = true;
    r.width = 100000;
    r.height = 64;
    EXPECT_TRUE(contains(errorOf([&] { validateRequest(r); }), "width 100000 is outside 16..2048"));
    r.width = 64;
    EXPECT_NO_THROW(validateRequest(r));
}

TEST(RequestLimits, ImageCountAndPromptLength) {
    GenerationRequest r = aFox();
    r.prompts.assign(65, "a fox");
    EXPECT_TRUE(contains(errorOf([&] { validateRequest(r); }), "65 prompts"));
    r.prompts.assign(8, "a fox");
    r.batch = 9;
    EXPECT_TRUE(contains(errorOf([&] { validateRequest(r); }), "more than 64 images"));
    r = aFox();
    r.prompts = {std::string(2u << 20, 'a')};
    EXPECT_TRUE(contains(errorOf([&] { validateRequest(r); }), "at most 1024 KiB"));
}

TEST(RequestLimits, JsonNumbersAreCheckedNotTruncated) {
    const auto fromText = [](const std::string& text) {
        return GenerationRequest::fromJson(nlohmann::json::parse(text));
    };
    // 4294967360 truncated to int would be 64, a valid width.
    EXPECT_TRUE(contains(errorOf([&] { fromText(R"({"width": 4294967360})"); }),
                         "'width' is out of range"));
    EXPECT_TRUE(
        contains(errorOf([&] { fromText(R"({"steps": 12.5})"); }), "'steps' must be an integer"));
    EXPECT_TRUE(contains(errorOf([&] { fromText(R"({"seed": -1})"); }), "'seed'"));
    EXPECT_TRUE(contains(errorOf([&] { fromText(R"({"guidance_schedule": [1, 1e300]})"); }),
                         "'guidance_schedule' is out of range"));
    EXPECT_TRUE(
        contains(errorOf([&] { fromText(R"({"guidance_schedule": 3})"); }), "'guidance_schedule'"));
    EXPECT_EQ(fromText(R"({"width": 512, "seed": 18446744073709551615})").width, 512);
}

// Found by fuzz.caption: a number beyond a double's range threw out of the caption verifier
// (std::terminate in the GUI's caption editor) instead of becoming an "invalid JSON" warning.
TEST(RequestLimits, HugeNumberInACaptionIsAWarning) {
    const auto warnings = captionWarnings(R"({"high_level_description": "x", "n": 4E4444})");
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_TRUE(contains(warnings[0], "invalid JSON")) << warnings[0];
}

RequestMemoryModel demoSizes() {
    const auto demo = findDemoModel(currentExecutable());
    if (!demo) throw std::runtime_error("the demo model was not found");
    return RequestMemoryModel::fromFolder(*demo);
}

TEST(RequestMemory, GrowsWithSizeImagesAndText) {
    const RequestMemoryModel m = demoSizes();
    EXPECT_EQ(m.ditHeads, 4);  // read from the folder, not the real model's defaults
    const uint64_t small = estimateRequestBytes(m, 128, 128, 1, 64, 4, "cpu");
    EXPECT_GT(small, 0u);
    EXPECT_GT(estimateRequestBytes(m, 1024, 1024, 1, 64, 4, "cpu"), small);
    EXPECT_GT(estimateRequestBytes(m, 128, 128, 8, 64, 4, "cpu"), small);
    EXPECT_GT(estimateRequestBytes(m, 128, 128, 1, 2048, 4, "cpu"), small);
    // The 100000 x 64 request that once grew past 15 GB: the estimate says so.
    EXPECT_GT(estimateRequestBytes(m, 100000, 64, 1, 64, 4, "cpu"), 15'000'000'000ull);
    // Absurd numbers saturate instead of wrapping round to something small.
    RequestMemoryModel absurd = m;
    absurd.ditHeads = 1ll << 31;
    absurd.ditHeadDim = 1ll << 31;
    EXPECT_EQ(estimateRequestBytes(absurd, 2048, 2048, 64, 2048, 4, "cpu"),
              std::numeric_limits<uint64_t>::max());
}

TEST(RequestMemory, RefusalNamesASizeThatFits) {
    const RequestMemoryModel m = demoSizes();
    GenerationRequest r = aFox();
    r.width = r.height = 2048;
    // Free memory that holds 1024 x 1024 but not 2048 x 2048.
    const int64_t tokens = textTokenBound(r.prompts);
    const uint64_t free = estimateRequestBytes(m, 1024, 1024, 1, tokens, 4, "cpu") * 12 / 10;
    const std::string error = errorOf([&] { checkRequestFits(m, r, "cpu", 4, free); });
    ASSERT_TRUE(contains(error, "2048x2048 needs about")) << error;
    EXPECT_TRUE(contains(error, "GB of CPU memory")) << error;
    // The size it names fits, and 16 pixels more per side does not.
    const auto at = error.find("; ");
    ASSERT_NE(at, std::string::npos) << error;
    const int side = std::stoi(error.substr(at + 2));
    EXPECT_GE(side, 1024);
    EXPECT_LT(side, 2048);
    EXPECT_TRUE(contains(error, std::to_string(side) + "x" + std::to_string(side) + " would fit"))
        << error;
    r.width = r.height = side;
    EXPECT_NO_THROW(checkRequestFits(m, r, "cpu", 4, free));
    r.width = r.height = side + 16;
    EXPECT_THROW(checkRequestFits(m, r, "cpu", 4, free), InputError);
    // Unknown free memory (0) refuses nothing.
    r.width = r.height = 2048;
    EXPECT_NO_THROW(checkRequestFits(m, r, "cpu", 4, 0));
}

TEST(RequestMemory, RefusalNamesABatchThatFits) {
    const RequestMemoryModel m = demoSizes();
    GenerationRequest r = aFox();
    r.width = r.height = 512;
    r.batch = 16;
    const int64_t tokens = textTokenBound(r.prompts);
    const uint64_t free = estimateRequestBytes(m, 512, 512, 4, tokens, 4, "cpu") * 11 / 10;
    const std::string error = errorOf([&] { checkRequestFits(m, r, "cpu", 4, free); });
    EXPECT_TRUE(contains(error, "(16 images at once)")) << error;
    EXPECT_TRUE(contains(error, "images at a time would")) << error;
}

TEST(RequestMemory, TheDemoAtItsOwnSizeFitsInThisMachine) {
    GenerationRequest r = aFox();
    r.width = r.height = 128;
    EXPECT_NO_THROW(checkRequestFits(demoSizes(), r, "cpu", 4, availableMemoryBytes()));
}

}  // namespace
}  // namespace i4::pipeline
