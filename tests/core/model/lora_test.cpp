#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>

#include "core/errors.h"
#include "core/io/checkpoint.h"
#include "core/io/safetensors_writer.h"
#include "core/model/ideogram4_transformer.h"
#include "core/model/lora.h"
#include "tests/support/golden.h"

// LoRA files in each common key layout, written here with real key names and the tiny golden
// model's shapes; every one must give the output of merged weights computed independently below
// (W + weight * alpha / r * B A, by hand, saved as an ordinary checkpoint and loaded as such).

namespace i4::model {
namespace {

namespace fs = std::filesystem;
const char* const kIo = "dit/io.safetensors";
constexpr int64_t kRank = 2;
constexpr double kAlpha = 4.0;  // scale alpha / r = 2

at::Tensor in(const std::string& name) { return test::goldenTensor(kIo, "in." + name); }

fs::path baseDir() { return test::goldenDir() / "tiny-ideogram4-bf16" / "transformer"; }

at::Tensor velocity(const Ideogram4Transformer& model) {
    return model.forward(in("x"), in("t"), in("llm_features"), in("position_ids"),
                         in("segment_ids"), in("indicator"));
}

// One adapter in our fused naming: down [r, in], up [out, r] (unscaled, as a trainer saves it).
struct Adapter {
    std::string module;
    at::Tensor down, up;
};

// Adapters on every kind of layer the tiny model has, seeded.
std::vector<Adapter> makeAdapters(const io::Checkpoint& base, uint64_t seed) {
    at::manual_seed(seed);
    std::vector<Adapter> out;
    for (const char* module :
         {"layers.0.attention.qkv", "layers.1.attention.qkv", "layers.0.attention.o",
          "layers.2.feed_forward.w2", "layers.1.feed_forward.w1", "layers.2.adaln_modulation",
          "llm_cond_proj", "adaln_proj", "final_layer.linear", "t_embedding.mlp_in"}) {
        const auto& shape = base.info(std::string(module) + ".weight").shape;
        out.push_back(
            {module, at::randn({kRank, shape[1]}) * 0.05, at::randn({shape[0], kRank}) * 0.05});
    }
    return out;
}

enum class Layout { Comfy, Diffusers, KohyaFlat, OneTrainer };

std::string flat(std::string module) {
    for (char& c : module) {
        if (c == '.') c = '_';
    }
    return module;
}

// Writes the adapters as `layout` would: diffusers and OneTrainer split the fused qkv into
// to_q/to_k/to_v (each with the shared down matrix and a third of the up rows) and call the
// output projection to_out.0; diffusers has no alpha, so it folds alpha / r into up.
fs::path writeLora(const fs::path& dir, const std::string& name, Layout layout,
                   const std::vector<Adapter>& adapters, bool extraUnknown = false) {
    std::vector<std::pair<std::string, at::Tensor>> tensors;
    const auto add = [&](std::string module, const at::Tensor& down, const at::Tensor& up) {
        const at::Tensor alpha = at::full({}, kAlpha, at::kFloat);
        switch (layout) {
            case Layout::Comfy:
                tensors.emplace_back("diffusion_model." + module + ".lora_down.weight", down);
                tensors.emplace_back("diffusion_model." + module + ".lora_up.weight",
                                     up.to(at::kBFloat16));
                tensors.emplace_back("diffusion_model." + module + ".alpha", alpha);
                break;
            case Layout::Diffusers:
                tensors.emplace_back("transformer." + module + ".lora_A.weight", down);
                tensors.emplace_back("transformer." + module + ".lora_B.weight",
                                     up * (kAlpha / kRank));
                break;
            case Layout::KohyaFlat:
                tensors.emplace_back("lora_unet_" + flat(module) + ".lora_down.weight", down);
                tensors.emplace_back("lora_unet_" + flat(module) + ".lora_up.weight", up);
                tensors.emplace_back("lora_unet_" + flat(module) + ".alpha", alpha);
                break;
            case Layout::OneTrainer:
                tensors.emplace_back("transformer." + module + ".lora_down.weight", down);
                tensors.emplace_back("transformer." + module + ".lora_up.weight", up);
                tensors.emplace_back("transformer." + module + ".alpha", alpha);
                break;
        }
    };
    const bool split = layout == Layout::Diffusers || layout == Layout::OneTrainer;
    for (const Adapter& a : adapters) {
        const auto qkv = a.module.find("attention.qkv");
        if (split && qkv != std::string::npos) {
            const std::string p = a.module.substr(0, qkv) + "attention.";
            const auto rows = a.up.chunk(3, 0);
            add(p + "to_q", a.down, rows[0]);
            add(p + "to_k", a.down, rows[1]);
            add(p + "to_v", a.down, rows[2]);
        } else if (split && a.module.find("attention.o") != std::string::npos) {
            add(a.module.substr(0, a.module.size() - 1) + "to_out.0", a.down, a.up);
        } else {
            add(a.module, a.down, a.up);
        }
    }
    if (extraUnknown) {
        tensors.emplace_back("lora_te_text_model_encoder_layers_0_mlp_fc1.lora_down.weight",
                             at::zeros({kRank, 4}));
    }
    const fs::path file = dir / (name + ".safetensors");
    io::writeSafetensors(file, tensors);
    return file;
}

// The reference: the base weights with every LoRA merged by hand, saved as a checkpoint folder.
fs::path writeMerged(const fs::path& dir,
                     const std::vector<std::pair<std::vector<Adapter>, double>>& loras) {
    const io::Checkpoint base = io::Checkpoint::openFolder(baseDir(), "transformer");
    std::map<std::string, at::Tensor> weights;
    for (const auto& key : base.keys()) weights[key] = base.tensor(key).to(at::kFloat);
    for (const auto& [adapters, weight] : loras) {
        for (const Adapter& a : adapters) {
            at::Tensor& w = weights.at(a.module + ".weight");
            w = w + weight * (kAlpha / kRank) * at::mm(a.up, a.down);
        }
    }
    fs::create_directories(dir);
    std::vector<std::pair<std::string, at::Tensor>> tensors(weights.begin(), weights.end());
    io::writeSafetensors(dir / "diffusion_pytorch_model.safetensors", tensors);
    fs::copy_file(baseDir() / "config.json", dir / "config.json");
    return dir;
}

Ideogram4Transformer loadBase() {
    return Ideogram4Transformer::loadFolder(baseDir(), "transformer");
}

void apply(Ideogram4Transformer& model, const fs::path& file, double weight, LoraMode mode) {
    const LoraFile lora = LoraFile::read(file);
    const auto report =
        model.applyLora(lora.adapters.at("transformer"), weight, mode, file.string());
    if (mode == LoraMode::Unfused) {
        EXPECT_EQ(report.merged, 0);
    } else {
        EXPECT_EQ(report.onTheFly, 0);  // the tiny model's weights are all resident on the CPU
    }
}

TEST(LoraGolden, EveryLayoutFusedAndUnfusedMatchesMergedWeights) {
    const fs::path dir = test::tempDir("lora-layouts");
    const io::Checkpoint base = io::Checkpoint::openFolder(baseDir(), "transformer");
    const std::vector<Adapter> adapters = makeAdapters(base, 7);
    const double weight = 0.8;
    const at::Tensor expected = velocity(Ideogram4Transformer::loadFolder(
        writeMerged(dir / "merged", {{adapters, weight}}), "transformer"));
    const at::Tensor plain = velocity(loadBase());
    // The LoRA must matter, or equality below would prove nothing.
    EXPECT_GT(test::relativeError(plain, expected), 1e-3);

    const std::pair<Layout, const char*> layouts[] = {{Layout::Comfy, "comfy"},
                                                      {Layout::Diffusers, "diffusers"},
                                                      {Layout::KohyaFlat, "kohya"},
                                                      {Layout::OneTrainer, "onetrainer"}};
    for (const auto& [layout, name] : layouts) {
        // Comfy's up matrices are bf16 in the file; the reference uses the same rounded values.
        std::vector<Adapter> stored = adapters;
        if (layout == Layout::Comfy) {
            for (Adapter& a : stored) a.up = a.up.to(at::kBFloat16).to(at::kFloat);
        }
        const at::Tensor reference =
            layout == Layout::Comfy
                ? velocity(Ideogram4Transformer::loadFolder(
                      writeMerged(dir / (std::string("merged-") + name), {{stored, weight}}),
                      "transformer"))
                : expected;
        const fs::path file = writeLora(dir, name, layout, adapters);
        for (const LoraMode mode : {LoraMode::Auto, LoraMode::Unfused}) {
            Ideogram4Transformer model = loadBase();
            apply(model, file, weight, mode);
            const double error = test::relativeError(velocity(model), reference);
            std::printf("%s %s: relative error %.3g\n", name,
                        mode == LoraMode::Auto ? "fused" : "unfused", error);
            EXPECT_LE(error, 1e-5) << name;
        }
    }
}

TEST(LoraGolden, SeveralLorasStackWithTheirOwnWeights) {
    const fs::path dir = test::tempDir("lora-stack");
    const io::Checkpoint base = io::Checkpoint::openFolder(baseDir(), "transformer");
    const std::vector<Adapter> first = makeAdapters(base, 11);
    const std::vector<Adapter> second = makeAdapters(base, 12);
    const at::Tensor expected = velocity(Ideogram4Transformer::loadFolder(
        writeMerged(dir / "merged", {{first, 0.5}, {second, -1.25}}), "transformer"));
    const fs::path a = writeLora(dir, "a", Layout::KohyaFlat, first);
    const fs::path b = writeLora(dir, "b", Layout::Diffusers, second);
    for (const LoraMode mode : {LoraMode::Auto, LoraMode::Unfused}) {
        Ideogram4Transformer model = loadBase();
        apply(model, a, 0.5, mode);
        apply(model, b, -1.25, mode);
        EXPECT_LE(test::relativeError(velocity(model), expected), 1e-5);
    }
}

TEST(LoraGolden, UnknownKeysAreListedByName) {
    const fs::path dir = test::tempDir("lora-unknown");
    const io::Checkpoint base = io::Checkpoint::openFolder(baseDir(), "transformer");
    const fs::path file = writeLora(dir, "te", Layout::Comfy, makeAdapters(base, 3), true);
    const LoraFile lora = LoraFile::read(file);
    ASSERT_EQ(lora.unknownKeys.size(), 1u);
    EXPECT_EQ(lora.unknownKeys[0], "lora_te_text_model_encoder_layers_0_mlp_fc1.lora_down.weight");
    EXPECT_EQ(lora.adapterCount(), 10);
    EXPECT_NE(lora.layout.find("lora_down"), std::string::npos) << lora.layout;
}

std::string errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

TEST(LoraGolden, BrokenFilesNameTheFileAndWhatIsWrong) {
    const fs::path dir = test::tempDir("lora-broken");
    // Only text-encoder keys: nothing for the transformer.
    const fs::path none = dir / "none.safetensors";
    io::writeSafetensors(none, {{"lora_te_text_model_encoder_layers_0_mlp_fc1.lora_down.weight",
                                 at::zeros({2, 4})}});
    std::string message = errorOf([&] { LoraFile::read(none); });
    EXPECT_NE(message.find("none.safetensors"), std::string::npos) << message;
    EXPECT_NE(message.find("lora_te_text_model_encoder_layers_0_mlp_fc1"), std::string::npos)
        << message;

    // A down matrix without its up matrix.
    const fs::path half = dir / "half.safetensors";
    io::writeSafetensors(
        half, {{"diffusion_model.layers.0.attention.o.lora_down.weight", at::zeros({2, 128})}});
    message = errorOf([&] { LoraFile::read(half); });
    EXPECT_NE(message.find("half.safetensors"), std::string::npos) << message;
    EXPECT_NE(message.find("layers.0.attention.o.lora_down.weight"), std::string::npos) << message;
    EXPECT_NE(message.find("up"), std::string::npos) << message;

    // A layer the 3-layer model does not have.
    const fs::path deep = dir / "deep.safetensors";
    io::writeSafetensors(
        deep, {{"transformer.layers.7.feed_forward.w1.lora_A.weight", at::zeros({2, 128})},
               {"transformer.layers.7.feed_forward.w1.lora_B.weight", at::zeros({256, 2})}});
    Ideogram4Transformer model = loadBase();
    message = errorOf([&] {
        const LoraFile lora = LoraFile::read(deep);
        model.applyLora(lora.adapters.at("transformer"), 1.0, LoraMode::Auto, deep.string());
    });
    EXPECT_NE(message.find("deep.safetensors"), std::string::npos) << message;
    EXPECT_NE(message.find("layers.7.feed_forward.w1"), std::string::npos) << message;

    // Trained for another width.
    const fs::path wide = dir / "wide.safetensors";
    io::writeSafetensors(
        wide, {{"transformer.layers.0.feed_forward.w1.lora_A.weight", at::zeros({2, 4608})},
               {"transformer.layers.0.feed_forward.w1.lora_B.weight", at::zeros({256, 2})}});
    message = errorOf([&] {
        const LoraFile lora = LoraFile::read(wide);
        model.applyLora(lora.adapters.at("transformer"), 1.0, LoraMode::Auto, wide.string());
    });
    EXPECT_NE(message.find("wide.safetensors"), std::string::npos) << message;
    EXPECT_NE(message.find("4608"), std::string::npos) << message;
}

}  // namespace
}  // namespace i4::model
