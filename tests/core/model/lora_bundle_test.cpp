#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "core/errors.h"
#include "core/io/safetensors_writer.h"
#include "core/pipeline/pipeline.h"
#include "tests/support/golden.h"

// Distilled (conditional-only) folders, the guidance-1 shortcut and LoRAs through the whole
// pipeline, on the tiny golden model.

namespace i4::pipeline {
namespace {

namespace fs = std::filesystem;

fs::path golden() { return test::goldenDir() / "tiny-ideogram4-bf16"; }

GenerationRequest request(std::vector<float> guidance) {
    GenerationRequest r;
    r.prompts = {"a red fox in the snow"};
    r.width = 64;
    r.height = 48;
    r.preset = "";
    r.steps = static_cast<int>(guidance.size());
    r.guidanceSchedule = std::move(guidance);
    r.mu = 0.0;
    r.std = 1.5;
    r.seed = 9;
    r.uncheckedSize = true;
    return r;
}

std::vector<float> zFinal(ModelBundle& bundle, const GenerationRequest& r) {
    GenerationCallbacks callbacks;
    callbacks.keepLatents = true;
    return bundle.generate(r, callbacks).zFinal.values;
}

bool allFinite(const std::vector<float>& v) {
    for (float x : v) {
        if (!std::isfinite(x)) return false;
    }
    return true;
}

LoadOptions options(const std::string& tag) {
    LoadOptions o;
    o.cacheDir = test::tempDir(tag);
    return o;
}

// A LoRA that turns the unconditional transformer's output into inf / NaN: any unconditional
// pass that runs leaves its mark on z_final, even at weight 0 in the blend (0 * inf = NaN).
fs::path poisonUnconditional(const fs::path& dir) {
    const fs::path file = dir / "poison.safetensors";
    io::writeSafetensors(
        file, {{"unconditional_transformer.final_layer.linear.lora_A.weight", at::ones({1, 128})},
               {"unconditional_transformer.final_layer.linear.lora_B.weight",
                at::full({128, 1}, std::numeric_limits<float>::infinity())}});
    return file;
}

TEST(GuidanceOne, SkipsTheUnconditionalPassWithTheSameResult) {
    const fs::path dir = test::tempDir("guidance-one");
    auto plain = ModelBundle::load(golden(), options("g1-plain"));
    LoadOptions poisoned = options("g1-poison");
    poisoned.loras = {{poisonUnconditional(dir).string(), 1.0}};
    auto bundle = ModelBundle::load(golden(), poisoned);
    ASSERT_EQ(bundle->loadReport().loras.size(), 1u);
    EXPECT_EQ(bundle->loadReport().loras[0].merged, 1);

    // Guidance 1 throughout: no unconditional pass runs, so the poison never shows and the
    // result is the plain model's to the bit.
    const std::vector<float> a = zFinal(*plain, request({1, 1, 1, 1}));
    const std::vector<float> b = zFinal(*bundle, request({1, 1, 1, 1}));
    EXPECT_TRUE(allFinite(b));
    EXPECT_EQ(a, b);
    // One step at guidance 3: that step's unconditional pass runs, and the poison reaches z.
    EXPECT_FALSE(allFinite(zFinal(*bundle, request({3, 1, 1, 1}))));
    EXPECT_TRUE(allFinite(zFinal(*plain, request({3, 1, 1, 1}))));
}

// The golden folder's components, linked, with model_index.json marking the unconditional
// transformer absent as diffusers writes an optional component.
fs::path distilledFolder(const fs::path& dir) {
    for (const char* c :
         {"transformer", "unconditional_transformer", "text_encoder", "tokenizer", "vae"}) {
        fs::create_directory_symlink(golden() / c, dir / c);
    }
    std::ifstream in(golden() / "model_index.json");
    nlohmann::json index = nlohmann::json::parse(in);
    index["unconditional_transformer"] = {nullptr, nullptr};
    std::ofstream(dir / "model_index.json") << index.dump(2);
    return dir;
}

TEST(Distilled, OneBranchPerStepAndGuidanceOne) {
    const fs::path dir = distilledFolder(test::tempDir("distilled"));
    std::vector<std::string> loaded;
    LoadOptions o = options("distilled-cache");
    o.onProgress = [&](const LoadProgress& p) {
        if (p.done) loaded.push_back(p.component);
        EXPECT_EQ(p.count, 3);
    };
    auto distilled = ModelBundle::load(dir, o);
    EXPECT_TRUE(distilled->loadReport().conditionalOnly);
    EXPECT_EQ(loaded, (std::vector<std::string>{"text_encoder", "transformer", "vae"}));

    // Whatever guidance is asked for, a distilled model runs at 1, and so the full model at
    // guidance 1 gives the same latent.
    GenerationCallbacks callbacks;
    callbacks.keepLatents = true;
    const GenerationResult result = distilled->generate(request({4, 4, 2}), callbacks);
    EXPECT_EQ(result.request.guidanceSchedule, (std::vector<float>{1, 1, 1}));
    auto full = ModelBundle::load(golden(), options("distilled-full"));
    EXPECT_FALSE(full->loadReport().conditionalOnly);
    EXPECT_EQ(result.zFinal.values, zFinal(*full, request({1, 1, 1})));
    EXPECT_NE(result.zFinal.values, zFinal(*full, request({4, 4, 2})));

    // A LoRA for the unconditional transformer cannot load onto it.
    LoadOptions withLora = options("distilled-lora");
    withLora.loras = {{poisonUnconditional(dir).string(), 1.0}};
    try {
        ModelBundle::load(dir, withLora);
        ADD_FAILURE() << "expected an error";
    } catch (const ModelError& e) {
        EXPECT_NE(std::string(e.what()).find("poison.safetensors"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("unconditional"), std::string::npos) << e.what();
    }
}

TEST(LoraBundle, RecordedInTheRequestAndReported) {
    const fs::path dir = test::tempDir("lora-bundle");
    at::manual_seed(3);
    const fs::path file = dir / "style.safetensors";
    io::writeSafetensors(
        file,
        {{"diffusion_model.layers.0.feed_forward.w1.lora_down.weight", at::randn({2, 128})},
         {"diffusion_model.layers.0.feed_forward.w1.lora_up.weight", at::randn({256, 2})},
         {"diffusion_model.layers.0.feed_forward.w1.alpha", at::full({}, 2.0)},
         {"lora_te_text_model_encoder_layers_0_mlp_fc1.lora_down.weight", at::zeros({2, 4})}});
    LoadOptions o = options("lora-bundle-cache");
    o.loras = {{file.string(), 0.75}};
    auto bundle = ModelBundle::load(golden(), o);
    const auto& report = bundle->loadReport().loras;
    ASSERT_EQ(report.size(), 1u);
    EXPECT_EQ(report[0].merged, 1);
    EXPECT_EQ(
        report[0].unknownKeys,
        (std::vector<std::string>{"lora_te_text_model_encoder_layers_0_mlp_fc1.lora_down.weight"}));
    const GenerationResult result = bundle->generate(request({3, 3}), {});
    ASSERT_EQ(result.request.loras.size(), 1u);
    EXPECT_EQ(result.request.loras[0].file, file.string());
    EXPECT_EQ(result.request.loras[0].weight, 0.75);
    // The metadata round trip keeps them (a remix loads the same LoRAs).
    EXPECT_EQ(GenerationRequest::fromJson(result.request.toJson()), result.request);
    auto plain = ModelBundle::load(golden(), options("lora-bundle-plain"));
    EXPECT_NE(plain->generate(request({3, 3}), {}).images[0].pixels, result.images[0].pixels);
}

// A LoRA whose keys name no transformer (what every trainer writes) goes on the conditional one
// unless its target says otherwise. Put on the unconditional one, the poison shows only when an
// unconditional pass runs; on "both", also at guidance 1.
TEST(LoraBundle, TargetPutsAPlainFileOnTheChosenTransformer) {
    const fs::path dir = test::tempDir("lora-target");
    const fs::path file = dir / "plain-poison.safetensors";
    io::writeSafetensors(file, {{"final_layer.linear.lora_A.weight", at::ones({1, 128})},
                                {"final_layer.linear.lora_B.weight",
                                 at::full({128, 1}, std::numeric_limits<float>::infinity())}});
    auto load = [&](const std::string& target, const std::string& tag) {
        LoadOptions o = options(tag);
        o.loras = {{file.string(), 1.0, target}};
        return ModelBundle::load(golden(), o);
    };
    auto automatic = load("", "lt-auto");
    EXPECT_FALSE(allFinite(zFinal(*automatic, request({1, 1}))));

    auto unconditional = load("unconditional_transformer", "lt-uncond");
    EXPECT_EQ(unconditional->loadReport().loras.at(0).merged, 1);
    auto plain = ModelBundle::load(golden(), options("lt-plain"));
    EXPECT_EQ(zFinal(*unconditional, request({1, 1})), zFinal(*plain, request({1, 1})));
    EXPECT_FALSE(allFinite(zFinal(*unconditional, request({3, 1}))));
    const GenerationResult result = unconditional->generate(request({1, 1}), {});
    ASSERT_EQ(result.request.loras.size(), 1u);
    EXPECT_EQ(result.request.loras[0].target, "unconditional_transformer");
    EXPECT_EQ(GenerationRequest::fromJson(result.request.toJson()), result.request);

    auto both = load("both", "lt-both");
    EXPECT_EQ(both->loadReport().loras.at(0).merged, 2);
    EXPECT_FALSE(allFinite(zFinal(*both, request({1, 1}))));

    // A file that names both transformers itself keeps its own placement.
    const fs::path two = dir / "two.safetensors";
    io::writeSafetensors(
        two, {{"transformer.final_layer.linear.lora_A.weight", at::zeros({1, 128})},
              {"transformer.final_layer.linear.lora_B.weight", at::zeros({128, 1})},
              {"unconditional_transformer.final_layer.linear.lora_A.weight", at::zeros({1, 128})},
              {"unconditional_transformer.final_layer.linear.lora_B.weight", at::zeros({128, 1})}});
    LoadOptions o = options("lt-two");
    o.loras = {{two.string(), 1.0, "both"}};
    try {
        ModelBundle::load(golden(), o);
        ADD_FAILURE() << "expected an error";
    } catch (const ModelError& e) {
        EXPECT_NE(std::string(e.what()).find("two.safetensors"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("names both transformers"), std::string::npos)
            << e.what();
    }
}

TEST(LoraBundle, TargetNamesAreReadAsPeopleWriteThem) {
    EXPECT_EQ(loraTargetFromText("uncond"), "unconditional_transformer");
    EXPECT_EQ(loraTargetFromText("cond"), "transformer");
    EXPECT_EQ(loraTargetFromText("auto"), "");
    EXPECT_EQ(loraTargetFromText("both"), "both");
    EXPECT_FALSE(loraTargetFromText("vae").has_value());
    nlohmann::json json = request({1}).toJson();
    json["loras"] = {{{"file", "x.safetensors"}, {"target", "vae"}}};
    EXPECT_THROW(GenerationRequest::fromJson(json), InputError);
}

}  // namespace
}  // namespace i4::pipeline
