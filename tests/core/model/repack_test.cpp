#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "core/errors.h"
#include "core/io/checkpoint.h"
#include "core/io/model_summary.h"
#include "core/io/safetensors_writer.h"
#include "core/pipeline/memory_check.h"
#include "core/pipeline/pipeline.h"
#include "tests/support/golden.h"

// Single-file transformer repacks (ComfyUI: one .safetensors, "model.diffusion_model." before our
// names) and distilled folders without unconditional_transformer/, built from the tiny golden
// model (docs/formats.md).

namespace i4::pipeline {
namespace {

namespace fs = std::filesystem;

fs::path golden() { return test::goldenDir() / "tiny-ideogram4-bf16"; }

GenerationRequest request(std::vector<float> guidance) {
    GenerationRequest r;
    r.prompts = {"a lighthouse at dusk"};
    r.width = 64;
    r.height = 48;
    r.preset = "";
    r.steps = static_cast<int>(guidance.size());
    r.guidanceSchedule = std::move(guidance);
    r.mu = 0.0;
    r.std = 1.5;
    r.seed = 5;
    r.uncheckedSize = true;
    return r;
}

GenerationResult generate(const fs::path& folder, const std::string& tag,
                          const GenerationRequest& r) {
    LoadOptions o;
    o.cacheDir = test::tempDir(tag);
    auto bundle = ModelBundle::load(folder, o);
    GenerationCallbacks callbacks;
    callbacks.keepLatents = true;
    return bundle->generate(r, callbacks);
}

// The golden model's components linked into `dir`, except those named in `skip`.
void linkGolden(const fs::path& dir, const std::vector<std::string>& skip) {
    for (const std::string c :
         {"transformer", "unconditional_transformer", "text_encoder", "tokenizer", "vae"}) {
        if (std::find(skip.begin(), skip.end(), c) == skip.end()) {
            fs::create_directory_symlink(golden() / c, dir / c);
        }
    }
    fs::copy_file(golden() / "model_index.json", dir / "model_index.json");
}

// The golden transformer (two diffusers shards) rewritten as one file with `prefix` before every
// key, the way ComfyUI saves a diffusion model; `drop` leaves one tensor out.
void writeRepack(const fs::path& file, const std::string& prefix, const std::string& drop = "") {
    const io::Checkpoint ckpt = io::Checkpoint::openFolder(golden() / "transformer", "golden");
    std::vector<std::pair<std::string, at::Tensor>> tensors;
    for (const auto& key : ckpt.keys()) {
        if (key != drop) tensors.emplace_back(prefix + key, ckpt.tensor(key).clone());
    }
    io::writeSafetensors(file, tensors);
}

fs::path repackFolder(const std::string& tag, const std::string& prefix,
                      const std::string& drop = "") {
    const fs::path dir = test::tempDir(tag);
    linkGolden(dir, {"transformer"});
    fs::create_directory(dir / "transformer");
    fs::copy_file(golden() / "transformer" / "config.json", dir / "transformer" / "config.json");
    writeRepack(dir / "transformer" / "ideogram4_comfy.safetensors", prefix, drop);
    return dir;
}

TEST(SingleFileRepack, LoadsAndMatchesTheDiffusersFolder) {
    const GenerationRequest r = request({3, 3, 2});
    const GenerationResult expected = generate(golden(), "repack-ref", r);
    for (const std::string prefix : {"model.diffusion_model.", "diffusion_model."}) {
        SCOPED_TRACE(prefix);
        const fs::path dir = repackFolder("repack-" + prefix, prefix);
        const GenerationResult got = generate(dir, "repack-cache-" + prefix, r);
        ASSERT_FALSE(got.zFinal.values.empty());
        EXPECT_EQ(got.zFinal.values, expected.zFinal.values);
        EXPECT_EQ(got.images[0].pixels, expected.images[0].pixels);

        const std::string info = io::formatSummary(io::summarizeModelFolder(dir));
        EXPECT_NE(info.find("single file ideogram4_comfy.safetensors, key prefix '" + prefix + "'"),
                  std::string::npos)
            << info;
    }
    const std::string info = io::formatSummary(io::summarizeModelFolder(golden()));
    EXPECT_NE(info.find("diffusers folder, 2 shards, fused qkv"), std::string::npos) << info;
}

TEST(SingleFileRepack, AMissingTensorIsNamedAsTheFileStoresIt) {
    const fs::path dir =
        repackFolder("repack-missing", "model.diffusion_model.", "layers.1.ffn_norm1.weight");
    LoadOptions o;
    o.cacheDir = test::tempDir("repack-missing-cache");
    try {
        ModelBundle::load(dir, o);
        ADD_FAILURE() << "expected an error";
    } catch (const ModelError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("'model.diffusion_model.layers.1.ffn_norm1.weight' is missing"),
                  std::string::npos)
            << what;
        EXPECT_NE(what.find("transformer"), std::string::npos) << what;
    }
}

TEST(SingleFileRepack, AFolderWithoutTheConfigSaysWhatIsNeeded) {
    const fs::path dir = repackFolder("repack-noconfig", "model.diffusion_model.");
    fs::remove(dir / "transformer" / "config.json");
    try {
        io::summarizeModelFolder(dir);
        ADD_FAILURE() << "expected an error";
    } catch (const ModelError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("transformer/config.json is missing"), std::string::npos) << what;
        EXPECT_NE(what.find("single-file"), std::string::npos) << what;
    }
}

TEST(Checkpoint, StrippingAPrefixThatClashesIsAnError) {
    const fs::path dir = test::tempDir("repack-clash");
    io::writeSafetensors(dir / "x.safetensors",
                         {{"input_proj.weight", at::zeros({2, 2})},
                          {"model.diffusion_model.input_proj.weight", at::zeros({2, 2})}});
    io::Checkpoint ckpt = io::Checkpoint::openFolder(dir, "transformer");
    EXPECT_THROW(ckpt.stripKeyPrefix("model.diffusion_model."), FormatError);
}

TEST(DistilledFolder, WithoutUnconditionalFolderLoadsSummarisesAndGenerates) {
    const fs::path dir = test::tempDir("distilled-nofolder");
    linkGolden(dir, {"unconditional_transformer"});

    const io::ModelSummary summary = io::summarizeModelFolder(dir);
    EXPECT_FALSE(summary.hasUnconditionalTransformer);
    for (const auto& c : summary.components) EXPECT_NE(c.name, "unconditional_transformer");
    EXPECT_NE(io::formatSummary(summary).find("distilled (conditional-only"), std::string::npos);

    // The CPU memory estimate counts the transformers present: one fewer than the full model.
    const uint64_t full = estimateLoadBytes(golden(), 2);
    const uint64_t distilled = estimateLoadBytes(dir, 2);
    const uint64_t unconditional = static_cast<uint64_t>(
        io::summarizeComponent(golden() / "unconditional_transformer", "u").parameterCount);
    EXPECT_EQ(distilled + 2 * unconditional, full);

    const GenerationResult got = generate(dir, "distilled-nofolder-cache", request({4, 2}));
    EXPECT_EQ(got.request.guidanceSchedule, (std::vector<float>{1, 1}));
    EXPECT_EQ(got.zFinal.values,
              generate(golden(), "distilled-nofolder-ref", request({1, 1})).zFinal.values);
}

}  // namespace
}  // namespace i4::pipeline
