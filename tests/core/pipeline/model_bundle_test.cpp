#include <gtest/gtest.h>

#include <atomic>

#include "core/errors.h"
#include "core/pipeline/image_output.h"
#include "core/pipeline/memory_check.h"
#include "core/pipeline/pipeline.h"
#include "core/version.h"
#include "tests/support/golden.h"

namespace i4::pipeline {
namespace {

GenerationRequest tinyRequest() {
    GenerationRequest r;
    r.prompts = {"a red fox in the snow"};
    r.width = 64;
    r.height = 48;
    r.preset = "V4_TURBO_12";
    r.seed = 5;
    r.uncheckedSize = true;
    return r;
}

class ModelBundleTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        cacheDir = test::tempDir("bundle-cache");
        LoadOptions options;
        options.cacheDir = cacheDir;
        bundle = ModelBundle::load(test::goldenDir() / "tiny-ideogram4-bf16", options);
    }
    static void TearDownTestSuite() { bundle.reset(); }
    static std::shared_ptr<ModelBundle> bundle;
    static std::filesystem::path cacheDir;
};
std::shared_ptr<ModelBundle> ModelBundleTest::bundle;
std::filesystem::path ModelBundleTest::cacheDir;

TEST_F(ModelBundleTest, PreviewEveryStepFromTheCachedMap) {
    int previews = 0;
    GenerationCallbacks callbacks;
    callbacks.onPreview = [&](const StepInfo& info, const RgbImage& image) {
        ++previews;
        EXPECT_EQ(info.step, previews);
        EXPECT_EQ(image.width, 2 * 64 / 16);  // two preview pixels per token side
        EXPECT_EQ(image.height, 2 * 48 / 16);
        EXPECT_EQ(image.pixels.size(), static_cast<size_t>(image.width * image.height * 3));
    };
    bundle->generate(tinyRequest(), callbacks);
    EXPECT_EQ(previews, 12);
    // The fitted map was kept for the next start.
    bool cached = false;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(cacheDir)) {
        cached = cached || entry.path().extension() == ".json";
    }
    EXPECT_TRUE(cached);
}

TEST_F(ModelBundleTest, StepsAreReportedInOrderAndTheSeedIsDeterministic) {
    std::vector<int> steps;
    GenerationCallbacks callbacks;
    callbacks.onStep = [&](const StepInfo& info) {
        steps.push_back(info.step);
        EXPECT_EQ(info.total, 12);
        EXPECT_GE(info.etaSeconds, 0.0);
    };
    GenerationResult a = bundle->generate(tinyRequest(), callbacks);
    ASSERT_EQ(steps.size(), 12u);
    for (int i = 0; i < 12; ++i) EXPECT_EQ(steps[i], i + 1);
    ASSERT_EQ(a.images.size(), 1u);
    EXPECT_EQ(a.images[0].width, 64);
    EXPECT_EQ(a.images[0].height, 48);
    EXPECT_EQ(a.images[0].pixels.size(), 64u * 48u * 3u);
    EXPECT_EQ(a.request.steps, 12);  // the preset is resolved in the result
    GenerationResult b = bundle->generate(tinyRequest(), {});
    EXPECT_EQ(a.images[0].pixels, b.images[0].pixels);
    GenerationRequest other = tinyRequest();
    other.seed = 6;
    EXPECT_NE(bundle->generate(other, {}).images[0].pixels, a.images[0].pixels);
}

TEST_F(ModelBundleTest, BatchAndPromptsGiveOneImageEach) {
    GenerationRequest r = tinyRequest();
    r.prompts = {"a red fox", "a blue bird in a much longer prompt than the first one"};
    r.batch = 2;
    GenerationResult result = bundle->generate(r, {});
    EXPECT_EQ(result.images.size(), 4u);
}

TEST_F(ModelBundleTest, CancellationMidRunThrowsAndReturnsNothing) {
    std::atomic<bool> cancel{false};
    int seen = 0;
    GenerationCallbacks callbacks;
    callbacks.cancel = &cancel;
    callbacks.onStep = [&](const StepInfo& info) {
        ++seen;
        if (info.step == 3) cancel.store(true);
    };
    EXPECT_THROW(bundle->generate(tinyRequest(), callbacks), CancelledError);
    EXPECT_EQ(seen, 3);  // stopped right after the step that asked
    // The bundle is still usable afterwards.
    EXPECT_EQ(bundle->generate(tinyRequest(), {}).images.size(), 1u);
}

TEST_F(ModelBundleTest, TooManyTokensIsAnInputErrorWithTheCount) {
    GenerationRequest r = tinyRequest();
    std::string prompt;
    for (int i = 0; i < 2100; ++i) prompt += " fox";
    r.prompts = {prompt};
    try {
        bundle->generate(r, {});
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("2048"), std::string::npos) << e.what();
    }
    EXPECT_GT(bundle->countTokens(prompt), 2048);
}

TEST_F(ModelBundleTest, LatentsAndDocument) {
    GenerationCallbacks callbacks;
    callbacks.keepLatents = true;
    GenerationResult result = bundle->generate(tinyRequest(), callbacks);
    EXPECT_EQ(result.zInit.shape, (std::vector<int64_t>{1, 12, 128}));
    EXPECT_EQ(result.zFinal.shape, (std::vector<int64_t>{1, 12, 128}));
    const auto doc = imageDocument(result, 0, *bundle);
    EXPECT_EQ(doc["model"]["fingerprint"], bundle->fingerprint());
    EXPECT_EQ(requestFromDocument(doc), result.request);
    // The same stamp as the GUI's images (image::newImageDocument).
    EXPECT_EQ(doc["format"], "i4studio-image");
    EXPECT_EQ(doc["version"], 1);
    EXPECT_EQ(doc["app"]["name"], kProductName);
    EXPECT_EQ(doc["app"]["version"], kVersion);
}

}  // namespace
}  // namespace i4::pipeline

namespace i4::pipeline {
namespace {

TEST(MemoryCheck, EstimateFromHeadersAndRefusal) {
    const auto folder = test::goldenDir() / "tiny-ideogram4-bf16";
    const uint64_t fp32 = estimateLoadBytes(folder, 4);
    EXPECT_EQ(fp32, 2 * estimateLoadBytes(folder, 2));
    EXPECT_GT(fp32, 4u * 1000 * 1000);  // the tiny model still has millions of weights
    EXPECT_NO_THROW(checkMemoryFits(fp32, 100 * fp32, "fp32"));
    EXPECT_NO_THROW(checkMemoryFits(fp32, 0, "fp32"));  // unknown: allowed
    try {
        checkMemoryFits(100'000'000'000ull, 16'000'000'000ull, "fp32");
        FAIL();
    } catch (const ModelError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("100.0 GB"), std::string::npos) << message;
        EXPECT_NE(message.find("16.0 GB"), std::string::npos) << message;
    }
    EXPECT_GT(availableMemoryBytes(), 0u);
}

}  // namespace
}  // namespace i4::pipeline
