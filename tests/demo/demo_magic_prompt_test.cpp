// The demo model's magic prompt (issue 28, label demo): its small LM (resources/models/demo/
// magic_prompt, trained by i4-demo-train magic) turns held-out plain descriptions into captions
// that say the same scene, and the demo model draws those captions so that the scene check
// passes. Note [Demo descriptions] in tools/demo/magic_scene.h says what the descriptions are.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <unordered_set>

#include "core/caption/caption_verifier.h"
#include "core/magic/local_backend.h"
#include "core/pipeline/model_hints.h"
#include "core/pipeline/pipeline.h"
#include "core/pipeline/request_settings.h"
#include "tools/demo/magic_scene.h"
#include "tools/demo/scene.h"
#include "tools/demo/training.h"

#ifndef I4_DEMO_MODEL_DIR
#error "I4_DEMO_MODEL_DIR must name resources/models/demo"
#endif

namespace i4::demo {
namespace {

constexpr int kHeldOut = 100;
// The targets.
constexpr double kMinCaptionRate = 0.9;
constexpr double kMinSceneRate = 0.75;

std::string demoModelDir() {
    const char* override = std::getenv("I4_DEMO_MODEL");
    return override && *override ? override : I4_DEMO_MODEL_DIR;
}

TEST(DemoMagicPrompt, HeldOutDescriptionsBecomeCaptionsTheModelDraws) {
    // The scenes the LM trained on (their descriptions follow from the scene and a phrasing).
    std::unordered_set<std::string> trained;
    for (int i = 0; i < kMagicTrainScenes; ++i) trained.insert(caption(sceneAt(kMagicTrainSeed, uint64_t(i))));

    auto backend = magic::LocalBackend::load({demoModelDir(), {}, "cpu"});
    auto bundle = pipeline::ModelBundle::load(demoModelDir());
    const std::optional<float> guidance = pipeline::readModelHints(demoModelDir()).guidance;

    std::mt19937_64 phrasing(kMagicHeldOutSeed);
    int captionsMatch = 0, scenesPass = 0, skipped = 0, relationalCount = 0;
    double tokens = 0, seconds = 0;
    uint64_t index = 0;
    for (int n = 0; n < kHeldOut; ++index) {
        const Scene scene = sceneAt(kMagicHeldOutSeed, index);
        if (trained.count(caption(scene))) {
            ++skipped;
            continue;
        }
        bool relational = false;
        const std::string idea = magicDescription(scene, phrasing, &relational);
        relationalCount += relational;
        magic::MagicPromptRequest request;
        request.idea = idea;
        request.temperature = 0;  // greedy: the figures do not depend on a seed
        request.seed = 0;
        const auto start = std::chrono::steady_clock::now();
        const std::string text = backend->expand(request, {}, {});
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        tokens += backend->lastTokenCount();
        ASSERT_TRUE(caption::verifyCaption(text).empty()) << text;

        std::string why;
        const bool matches = captionMatches(scene, text, &why, relational);
        captionsMatch += matches;

        // The picture of the LM's caption, checked against the scene that caption describes.
        bool ok = false;
        const Scene described = sceneFromCaption(text, &ok);
        bool pass = false;
        if (ok) {
            pipeline::GenerationRequest g;
            g.prompts = {text};
            g.width = g.height = kImageSize;
            g.preset = "V4_TURBO_12";
            g.seed = index;
            g.uncheckedSize = true;
            if (guidance) g = pipeline::withMainGuidance(g, *guidance);
            const pipeline::GenerationResult result = bundle->generate(g, {});
            const pipeline::RgbImage& image = result.images.front();
            const SceneCheck check =
                checkImage(described, image.pixels.data(), image.width, image.height);
            pass = check.passed;
            if (!pass) why += "; picture: " + check.summary;
        }
        scenesPass += pass;
        std::printf("%2d %s %s  %s\n", n, matches ? "caption" : "CAPTION", pass ? "pass" : "FAIL",
                    idea.c_str());
        if (!matches || !pass) std::printf("     %s\n     %s\n", why.c_str(), text.c_str());
        ++n;
    }
    std::printf("demo magic prompt: %d / %d captions match their description, %d / %d pictures "
                "pass the scene check (%d trained scenes skipped; %d descriptions by relation); "
                "%.0f tokens/s\n",
                captionsMatch, kHeldOut, scenesPass, kHeldOut, skipped, relationalCount,
                tokens / seconds);
    EXPECT_GE(captionsMatch, int(kMinCaptionRate * kHeldOut));
    EXPECT_GE(scenesPass, int(kMinSceneRate * kHeldOut));
}

}  // namespace
}  // namespace i4::demo
