// The shipped demo model (resources/models/demo) follows held-out captions (label demo).
// Note [Demo semantic check] in tools/demo/scene.h says what "follows" means.

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>

#include "core/caption/caption_verifier.h"
#include "core/image/png_io.h"
#include "core/pipeline/model_hints.h"
#include "core/pipeline/pipeline.h"
#include "core/pipeline/request_settings.h"
#include "core/text/tokenizer.h"
#include "core/vae/flux2_vae.h"
#include "tools/demo/scene.h"
#include "tools/demo/training.h"
#include "tools/demo/training_record.h"

#ifndef I4_DEMO_MODEL_DIR
#error "I4_DEMO_MODEL_DIR must name resources/models/demo"
#endif

namespace i4::demo {
namespace {

constexpr int kHeldOutCaptions = 100;

// The shipped folder, or $I4_DEMO_MODEL (a training run's checkpoint, say) where it is set.
std::string demoModelDir() {
    const char* override = std::getenv("I4_DEMO_MODEL");
    return override && *override ? override : I4_DEMO_MODEL_DIR;
}

// Every caption the folder's transformers trained on, from its record (Note [Demo training
// record]): the held-out set leaves all of them out. Built once (~100,000 scenes).
const std::unordered_set<std::string>& trainingCaptions() {
    static const std::unordered_set<std::string> captions = [] {
        std::unordered_set<std::string> out;
        for (const TrainedScenes& stage : readTrainedScenes(demoModelDir())) {
            for (const Scene& scene : filteredScenes(kTrainSeed, stage.count, stage.filter)) {
                out.insert(caption(scene));
            }
        }
        return out;
    }();
    return captions;
}

// The target: 80% of held-out scenes pass whole. The shipped model gets 81 of 100 at its
// guidance (chosen on the validation set; resources/models/demo/README.md), the same with one
// thread or two, so the margin is one scene: a change to the sampler or the model that costs two
// scenes fails here. The background rate is held too (all 100 pass).
constexpr double kTargetSceneRate = 0.8;
constexpr double kMinBackgroundRate = 0.9;

std::shared_ptr<pipeline::ModelBundle> demoModel() {
    static std::shared_ptr<pipeline::ModelBundle> bundle = [] {
        std::printf("demo model: %s\n", demoModelDir().c_str());
        return pipeline::ModelBundle::load(demoModelDir());
    }();
    return bundle;
}

TEST(DemoModel, DeclaresItselfAndItsSize) {
    const pipeline::ModelHints hints = pipeline::readModelHints(demoModelDir());
    EXPECT_TRUE(hints.demo);
    EXPECT_EQ(hints.nativeWidth, kImageSize);
    EXPECT_EQ(hints.nativeHeight, kImageSize);
    EXPECT_TRUE(caption::verifyCaption(hints.exampleCaption).empty()) << hints.exampleCaption;
    // The test measures the preset the model names (the V4_TURBO_12).
    EXPECT_EQ(hints.preset, "V4_TURBO_12");
}

// The captions are built so that element k's tokens sit at the same text positions in every
// caption (scene.h): the chat-framed length depends on the number of elements only, and the
// i-th bbox digit is at the same position whatever the scene.
TEST(DemoModel, CaptionTokensHaveAFixedLayout) {
    const text::Tokenizer tokenizer = text::Tokenizer::fromModelFolder(demoModelDir());
    std::map<size_t, size_t> lengthByCount;
    std::vector<size_t> digitPositions;  // of the longest caption seen so far
    for (uint64_t i = 0; i < 300; ++i) {
        const Scene scene = sceneAt(kTrainSeed, i);
        const std::string text = caption(scene);
        const std::vector<int64_t> ids = tokenizer.encodeChat(text);
        const auto it = lengthByCount.emplace(scene.elements.size(), ids.size()).first;
        EXPECT_EQ(it->second, ids.size()) << text;
        std::vector<size_t> digits;
        for (size_t k = 0; k < ids.size(); ++k) {
            const std::string piece = tokenizer.decode({ids[k]});
            if (piece.size() == 1 && piece[0] >= '0' && piece[0] <= '9') digits.push_back(k);
        }
        ASSERT_EQ(digits.size(), 12 * scene.elements.size()) << text;  // four 3-digit values each
        const size_t common = std::min(digits.size(), digitPositions.size());
        EXPECT_TRUE(std::equal(digits.begin(), digits.begin() + std::ptrdiff_t(common),
                               digitPositions.begin()))
            << text;
        if (digits.size() > digitPositions.size()) digitPositions = digits;
    }
    ASSERT_EQ(lengthByCount.size(), 3u);
    EXPECT_EQ(lengthByCount[3] - lengthByCount[2], lengthByCount[2] - lengthByCount[1]);
}

// The held-out set: scenes of another seed, leaving out any whose caption the DiT trained on
// (one-shape scenes repeat now and then: the world is small). Each keeps its index in the stream,
// which seeds its noise, so a caption that training takes over changes no other scene's picture.
struct HeldOutScene {
    uint64_t index = 0;
    Scene scene;
};

// $I4_DEMO_SET=validation draws them from the validation stream instead: the set on which to
// choose settings (the main guidance, a checkpoint) before measuring the test set once.
bool validationSet() {
    const char* set = std::getenv("I4_DEMO_SET");
    return set && std::string(set) == "validation";
}

const std::vector<HeldOutScene>& heldOutScenes() {
    static const std::vector<HeldOutScene> scenes = [] {
        const std::unordered_set<std::string>& training = trainingCaptions();
        const uint64_t seed = validationSet() ? kValidationSeed : kHeldOutSeed;
        std::vector<HeldOutScene> out;
        for (uint64_t i = 0; int(out.size()) < kHeldOutCaptions; ++i) {
            Scene scene = sceneAt(seed, i);
            if (!training.count(caption(scene))) out.push_back({i, std::move(scene)});
        }
        return out;
    }();
    return scenes;
}

TEST(DemoModel, HeldOutCaptionsWereNotTrainedOn) {
    // Without its record a folder's held-out set could hold captions it trained on.
    ASSERT_FALSE(readTrainedScenes(demoModelDir()).empty())
        << demoModelDir() << "/model_index.json has no training record";
    const std::unordered_set<std::string>& training = trainingCaptions();
    ASSERT_EQ(heldOutScenes().size(), size_t(kHeldOutCaptions));
    for (const HeldOutScene& held : heldOutScenes()) {
        EXPECT_EQ(training.count(caption(held.scene)), 0u);
    }
}

// The ceiling for the transformers: the held-out scenes' exact renders, through the VAE's
// encoder and decoder, pass the same check. A picture the VAE cannot reproduce from the ideal
// latents is one no transformer can make pass, so the VAE holds the 80% with room.
TEST(DemoModel, VaeKeepsHeldOutScenesRecognisable) {
    vae::Flux2VaeOptions options;
    options.log = [](const std::string&) {};
    const vae::Flux2Vae vae =
        vae::Flux2Vae::load(std::filesystem::path(demoModelDir()) / "vae", options);
    ASSERT_TRUE(vae.hasEncoder());
    c10::InferenceMode guard;
    int passed = 0;
    for (int i = 0; i < kHeldOutCaptions; ++i) {
        const Scene& scene = heldOutScenes()[size_t(i)].scene;
        const std::vector<uint8_t> rgb = render(scene, kImageSize);
        const at::Tensor pixels = at::from_blob(const_cast<uint8_t*>(rgb.data()),
                                                {1, kImageSize, kImageSize, 3}, at::kByte);
        const int64_t grid = kImageSize / 16;
        const at::Tensor tokens = vae.encodeTokens(vae::fromRgb8(pixels));  // [1, 64, 128]
        const at::Tensor decoded = vae::toRgb8(vae.decodeTokens(tokens, grid, grid)).contiguous();
        const SceneCheck check =
            checkImage(scene, decoded.data_ptr<uint8_t>(), kImageSize, kImageSize);
        passed += check.passed;
        if (!check.passed) {
            std::printf("%2d %s: %s\n", i, description(scene).c_str(), check.summary.c_str());
        }
    }
    std::printf("demo VAE: %d / %d held-out renders pass after encoding and decoding\n", passed,
                kHeldOutCaptions);
    EXPECT_GE(passed, kHeldOutCaptions * 95 / 100);
}

TEST(DemoModel, FollowsHeldOutCaptions) {
    auto bundle = demoModel();
    std::optional<float> guidance = pipeline::readModelHints(demoModelDir()).guidance;
    if (const char* g = std::getenv("I4_DEMO_GUIDANCE"); g && *g) guidance = float(std::atof(g));
    std::printf("V4_TURBO_12, main guidance %s, %s set\n",
                guidance ? std::to_string(*guidance).c_str() : "the preset's",
                validationSet() ? "validation" : "test");
    // $I4_DEMO_SAVE_DIR: where to write every picture, for a person to look at.
    std::filesystem::path saveDir;
    if (const char* dir = std::getenv("I4_DEMO_SAVE_DIR"); dir && *dir) {
        saveDir = dir;
        std::filesystem::create_directories(saveDir);
    }
    int passed = 0, backgrounds = 0, elements = 0, elementsPassed = 0;
    double slowest = 0, placement = 0, bboxArea = 0;
    for (int i = 0; i < kHeldOutCaptions; ++i) {
        const HeldOutScene& held = heldOutScenes()[size_t(i)];
        const Scene& scene = held.scene;
        pipeline::GenerationRequest request;
        request.prompts = {caption(scene)};
        request.width = request.height = kImageSize;
        request.preset = "V4_TURBO_12";
        request.seed = held.index;
        request.uncheckedSize = true;
        // The model's own guidance, as the app and i4 use it ($I4_DEMO_GUIDANCE tries another).
        if (guidance) request = pipeline::withMainGuidance(request, *guidance);
        const auto start = std::chrono::steady_clock::now();
        const pipeline::GenerationResult result = bundle->generate(request, {});
        slowest = std::max(
            slowest,
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        ASSERT_EQ(result.images.size(), 1u);
        const pipeline::RgbImage& image = result.images.front();
        const SceneCheck check = checkImage(scene, image.pixels.data(), image.width, image.height);
        passed += check.passed;
        backgrounds += check.backgroundPassed;
        for (const ElementCheck& e : check.elements) {
            ++elements;
            elementsPassed += e.passed;
            placement += e.placement;
            bboxArea += e.bboxArea;
        }
        if (!saveDir.empty()) {
            // To look at: NN-pass.png / NN-FAIL.png, the caption in the `parameters` chunk.
            char name[32];
            std::snprintf(name, sizeof name, "%02d-%s.png", i, check.passed ? "pass" : "FAIL");
            image::PngMetadata metadata;
            metadata.parameters = caption(scene) + "\nseed " + std::to_string(held.index);
            image::writePng(saveDir / name, image, metadata);
        }
        std::printf("%2d %s  %s\n", i, check.passed ? "pass" : "FAIL", description(scene).c_str());
        if (!check.passed) std::printf("     %s\n", check.summary.c_str());
    }
    const double rate = double(passed) / kHeldOutCaptions;
    const double backgroundRate = double(backgrounds) / kHeldOutCaptions;
    std::printf(
        "demo model: %s set: %d / %d held-out captions pass (%.0f%%, target %.0f%%); "
        "backgrounds %d / %d; elements %d / %d; slowest image %.2f s\n",
        validationSet() ? "validation" : "test", passed, kHeldOutCaptions, 100 * rate,
        100 * kTargetSceneRate, backgrounds, kHeldOutCaptions, elementsPassed, elements, slowest);
    // Where the colours go, pass or not (a measure of training progress, not asserted).
    std::printf(
        "demo model: placement %.0f%% of each element's colour inside its bbox on average "
        "(an even spread would give %.0f%%)\n",
        100 * placement / elements, 100 * bboxArea / elements);
    EXPECT_GE(rate, kTargetSceneRate);
    EXPECT_GE(backgroundRate, kMinBackgroundRate);
    // The target: 128 x 128 with V4_TURBO_12 within 10 s on 2 CPU cores.
    EXPECT_LE(slowest, 10.0);
}

}  // namespace
}  // namespace i4::demo
