#include "tools/demo/demo_model.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "core/io/safetensors_writer.h"
#include "core/vae/latent_norm.h"
#include "tools/demo/scene.h"
#include "tools/demo/training_record.h"
#include "tools/demo/training.h"

namespace i4::demo {
namespace {

using Json = nlohmann::ordered_json;

at::Tensor normal(at::Generator& gen, std::vector<int64_t> shape, double std) {
    return at::normal(0.0, std, shape, gen);
}

// Linear weight [out, in], scaled so unit inputs give unit outputs.
at::Tensor linear(at::Generator& gen, int64_t out, int64_t in, double gain = 1.0) {
    return normal(gen, {out, in}, gain / std::sqrt(double(in)));
}

at::Tensor conv(at::Generator& gen, int64_t out, int64_t in, int64_t k, double gain = 1.0) {
    return normal(gen, {out, in, k, k}, gain / std::sqrt(double(in * k * k)));
}

NamedTensors textEncoderWeights(at::Generator& gen, const DemoArchitecture& a, int64_t vocab) {
    NamedTensors t;
    const std::string lm = "language_model.";
    t.emplace_back(lm + "embed_tokens.weight", normal(gen, {vocab, a.textHidden}, 1.0));
    const double residualGain = 1.0 / std::sqrt(double(a.textLayers));
    for (int64_t i = 0; i < a.textLayers; ++i) {
        const std::string p = lm + "layers." + std::to_string(i) + ".";
        const int64_t q = a.textHeads * a.textHeadDim, kv = a.textKvHeads * a.textHeadDim;
        t.emplace_back(p + "input_layernorm.weight", at::ones({a.textHidden}));
        t.emplace_back(p + "self_attn.q_proj.weight", linear(gen, q, a.textHidden, 2.0));
        t.emplace_back(p + "self_attn.k_proj.weight", linear(gen, kv, a.textHidden, 2.0));
        t.emplace_back(p + "self_attn.v_proj.weight", linear(gen, kv, a.textHidden));
        t.emplace_back(p + "self_attn.o_proj.weight", linear(gen, a.textHidden, q, residualGain));
        t.emplace_back(p + "self_attn.q_norm.weight", at::ones({a.textHeadDim}));
        t.emplace_back(p + "self_attn.k_norm.weight", at::ones({a.textHeadDim}));
        t.emplace_back(p + "post_attention_layernorm.weight", at::ones({a.textHidden}));
        t.emplace_back(p + "mlp.gate_proj.weight", linear(gen, a.textIntermediate, a.textHidden));
        t.emplace_back(p + "mlp.up_proj.weight", linear(gen, a.textIntermediate, a.textHidden));
        t.emplace_back(p + "mlp.down_proj.weight",
                       linear(gen, a.textHidden, a.textIntermediate, residualGain));
    }
    t.emplace_back(lm + "norm.weight", at::ones({a.textHidden}));
    return t;
}

NamedTensors transformerWeights(at::Generator& gen, const DemoArchitecture& a) {
    NamedTensors t;
    const int64_t d = a.ditHidden(), ad = a.ditAdaln, f = a.llmFeatures();
    auto lin = [&](const std::string& name, int64_t out, int64_t in, bool bias, double gain) {
        t.emplace_back(name + ".weight", gain == 0 ? at::zeros({out, in}) : linear(gen, out, in, gain));
        if (bias) t.emplace_back(name + ".bias", at::zeros({out}));
    };
    lin("input_proj", d, 128, true, 1.0);
    t.emplace_back("llm_cond_norm.weight", at::ones({f}));
    lin("llm_cond_proj", d, f, true, 1.0);
    lin("t_embedding.mlp_in", d, d, true, 1.0);
    lin("t_embedding.mlp_out", d, d, true, 1.0);
    lin("adaln_proj", ad, d, true, 1.0);
    t.emplace_back("embed_image_indicator.weight", normal(gen, {2, d}, 0.02));
    for (int64_t i = 0; i < a.ditLayers; ++i) {
        const std::string p = "layers." + std::to_string(i) + ".";
        lin(p + "attention.qkv", 3 * d, d, false, 1.0);
        lin(p + "attention.o", d, d, false, 1.0);
        t.emplace_back(p + "attention.norm_q.weight", at::ones({a.ditHeadDim}));
        t.emplace_back(p + "attention.norm_k.weight", at::ones({a.ditHeadDim}));
        lin(p + "feed_forward.w1", a.ditIntermediate, d, false, 1.0);
        lin(p + "feed_forward.w2", d, a.ditIntermediate, false, 1.0);
        lin(p + "feed_forward.w3", a.ditIntermediate, d, false, 1.0);
        for (const char* norm : {"attention_norm1", "attention_norm2", "ffn_norm1", "ffn_norm2"}) {
            t.emplace_back(p + norm + ".weight", at::ones({d}));
        }
        lin(p + "adaln_modulation", 4 * d, ad, true, 0.0);  // adaLN-zero: gates start at 0
    }
    lin("final_layer.linear", 128, d, true, 0.0);
    lin("final_layer.adaln_modulation", d, ad, true, 0.0);
    return t;
}

NamedTensors vaeWeights(at::Generator& gen, const DemoArchitecture& a) {
    NamedTensors t;
    auto convLayer = [&](const std::string& name, int64_t out, int64_t in, int64_t k,
                         double gain = 1.0) {
        t.emplace_back(name + ".weight", conv(gen, out, in, k, gain));
        t.emplace_back(name + ".bias", at::zeros({out}));
    };
    auto norm = [&](const std::string& name, int64_t c) {
        t.emplace_back(name + ".weight", at::ones({c}));
        t.emplace_back(name + ".bias", at::zeros({c}));
    };
    auto resnet = [&](const std::string& p, int64_t in, int64_t out) {
        norm(p + ".norm1", in);
        convLayer(p + ".conv1", out, in, 3);
        norm(p + ".norm2", out);
        convLayer(p + ".conv2", out, out, 3, 0.5);
        if (in != out) convLayer(p + ".conv_shortcut", out, in, 1);
    };
    auto mid = [&](const std::string& p, int64_t c) {
        resnet(p + ".resnets.0", c, c);
        norm(p + ".attentions.0.group_norm", c);
        for (const char* proj : {"to_q", "to_k", "to_v", "to_out.0"}) {
            const std::string name = p + ".attentions.0." + proj;
            t.emplace_back(name + ".weight", linear(gen, c, c, std::string(proj) == "to_out.0" ? 0.5 : 1.0));
            t.emplace_back(name + ".bias", at::zeros({c}));
        }
        resnet(p + ".resnets.1", c, c);
    };
    const auto& ch = a.vaeChannels;
    const int64_t latent = 32;
    // Encoder.
    convLayer("encoder.conv_in", ch[0], 3, 3);
    int64_t in = ch[0];
    for (size_t level = 0; level < ch.size(); ++level) {
        const std::string p = "encoder.down_blocks." + std::to_string(level);
        for (int i = 0; i < a.vaeLayersPerBlock; ++i) {
            resnet(p + ".resnets." + std::to_string(i), in, ch[level]);
            in = ch[level];
        }
        if (level + 1 < ch.size()) convLayer(p + ".downsamplers.0.conv", in, in, 3);
    }
    mid("encoder.mid_block", in);
    norm("encoder.conv_norm_out", in);
    convLayer("encoder.conv_out", 2 * latent, in, 3);
    convLayer("quant_conv", 2 * latent, 2 * latent, 1);
    // Decoder.
    convLayer("post_quant_conv", latent, latent, 1);
    const std::vector<int> up(ch.rbegin(), ch.rend());
    convLayer("decoder.conv_in", up[0], latent, 3);
    mid("decoder.mid_block", up[0]);
    in = up[0];
    for (size_t level = 0; level < up.size(); ++level) {
        const std::string p = "decoder.up_blocks." + std::to_string(level);
        for (int i = 0; i < a.vaeLayersPerBlock + 1; ++i) {
            resnet(p + ".resnets." + std::to_string(i), in, up[level]);
            in = up[level];
        }
        if (level + 1 < up.size()) convLayer(p + ".upsamplers.0.conv", in, in, 3);
    }
    norm("decoder.conv_norm_out", in);
    convLayer("decoder.conv_out", 3, in, 3);
    return t;
}

}  // namespace

void writeJson(const std::filesystem::path& path, const Json& j) {
    std::filesystem::create_directories(path.parent_path());
    io::writeFileAtomically(path, j.dump(2) + "\n");
}

std::string exampleCaption() {
    // The first held-out scene past the test set's with three different shapes.
    for (uint64_t i = 1000;; ++i) {
        const Scene scene = sceneAt(kHeldOutSeed, i);
        if (scene.elements.size() == 3 && scene.elements[0].kind != scene.elements[1].kind &&
            scene.elements[1].kind != scene.elements[2].kind &&
            scene.elements[0].kind != scene.elements[2].kind) {
            return caption(scene);
        }
    }
}

void writeConfigs(const std::filesystem::path& dir, const DemoArchitecture& a, int64_t vocab) {
    // Rewritten configs keep the folder's training record (Note [Demo training record]).
    const std::vector<TrainedScenes> trained =
        std::filesystem::exists(dir / "model_index.json") ? readTrainedScenes(dir)
                                                          : std::vector<TrainedScenes>{};
    Json index{{"_class_name", "Ideogram4Pipeline"},
               {"_i4studio", {{"demo", true},
                              {"about", "a small model trained by tools/demo; see README.md"},
                              {"native_size", {kImageSize, kImageSize}},
                              {"example_caption", exampleCaption()},
                              {"preset", kDemoPreset},
                              {"guidance", kDemoGuidance}}},
               {"transformer", {"ideogram4", "Ideogram4Transformer2DModel"}},
               {"unconditional_transformer", {"ideogram4", "Ideogram4Transformer2DModel"}},
               {"text_encoder", {"transformers", "Qwen3VLModel"}},
               {"tokenizer", {"transformers", "Qwen2TokenizerFast"}},
               {"vae", {"diffusers", "AutoencoderKLFlux2"}}};
    index["_i4studio"]["trained_scenes"] = Json::array();
    for (const TrainedScenes& stage : trained) appendTrainedScenes(index, stage);
    writeJson(dir / "model_index.json", index);
    const Json dit{{"_class_name", "Ideogram4Transformer2DModel"},
                   {"adaln_dim", a.ditAdaln},
                   {"attention_head_dim", a.ditHeadDim},
                   {"in_channels", 128},
                   {"intermediate_size", a.ditIntermediate},
                   {"llm_features_dim", a.llmFeatures()},
                   {"mrope_section", {4, 5, 5}},
                   {"norm_eps", 1e-5},
                   {"num_attention_heads", a.ditHeads},
                   {"num_layers", a.ditLayers},
                   {"rope_theta", a.ditRopeTheta}};
    writeJson(dir / "transformer" / "config.json", dit);
    writeJson(dir / "unconditional_transformer" / "config.json", dit);
    writeJson(dir / "text_encoder" / "config.json",
              Json{{"architectures", {"Qwen3VLModel"}},
                   {"model_type", "qwen3_vl"},
                   {"tie_word_embeddings", false},
                   {"text_config",
                    {{"hidden_size", a.textHidden},
                     {"num_attention_heads", a.textHeads},
                     {"num_key_value_heads", a.textKvHeads},
                     {"head_dim", a.textHeadDim},
                     {"intermediate_size", a.textIntermediate},
                     {"num_hidden_layers", a.textLayers},
                     {"rms_norm_eps", 1e-6},
                     {"vocab_size", vocab},
                     {"hidden_act", "silu"},
                     {"attention_bias", false},
                     {"max_position_embeddings", 4096},
                     {"rope_parameters",
                      {{"mrope_interleaved", true},
                       {"mrope_section", {24, 20, 20}},
                       {"rope_theta", 5000000},
                       {"rope_type", "default"}}},
                     {"model_type", "qwen3_vl_text"},
                     {"dtype", "bfloat16"}}}});
    writeJson(dir / "vae" / "config.json",
              Json{{"_class_name", "AutoencoderKLFlux2"},
                   {"act_fn", "silu"},
                   {"in_channels", 3},
                   {"out_channels", 3},
                   {"block_out_channels", a.vaeChannels},
                   {"layers_per_block", a.vaeLayersPerBlock},
                   {"latent_channels", 32},
                   {"norm_num_groups", a.vaeGroups},
                   {"mid_block_add_attention", true},
                   {"sample_size", 128},
                   {"use_quant_conv", true},
                   {"use_post_quant_conv", true},
                   {"patch_size", {2, 2}},
                   {"batch_norm_eps", 1e-4},
                   {"batch_norm_momentum", 0.1}});
}

void saveBf16(const std::filesystem::path& path, const NamedTensors& tensors,
              const NamedTensors& extra) {
    NamedTensors out;
    for (const auto& [name, t] : tensors) {
        out.emplace_back(name, t.detach().to(at::kCPU, at::kBFloat16).contiguous());
    }
    for (const auto& [name, t] : extra) out.emplace_back(name, t.detach().contiguous());
    std::filesystem::create_directories(path.parent_path());
    io::writeSafetensors(path, out, {{"format", "pt"}});
}

void writeInitialWeights(const std::filesystem::path& dir, const DemoArchitecture& a,
                         int64_t vocab, uint64_t seed) {
    // One generator per component, so each is reproducible on its own.
    at::Generator textGen = at::detail::createCPUGenerator(seed);
    at::Generator condGen = at::detail::createCPUGenerator(seed + 1);
    at::Generator uncondGen = at::detail::createCPUGenerator(seed + 2);
    at::Generator vaeGen = at::detail::createCPUGenerator(seed + 3);
    saveBf16(dir / "text_encoder" / "model.safetensors", textEncoderWeights(textGen, a, vocab));
    saveBf16(dir / "transformer" / "diffusion_pytorch_model.safetensors",
             transformerWeights(condGen, a));
    saveBf16(dir / "unconditional_transformer" / "diffusion_pytorch_model.safetensors",
             transformerWeights(uncondGen, a));
    saveBf16(dir / "vae" / "diffusion_pytorch_model.safetensors", vaeWeights(vaeGen, a),
             latentConstantBuffers(0));
}

NamedTensors latentConstantBuffers(int64_t batches) {
    at::Tensor shift = at::empty({128}), scale = at::empty({128});
    for (int i = 0; i < 128; ++i) {
        shift[i] = vae::kLatentShift[size_t(i)];
        scale[i] = vae::kLatentScale[size_t(i)];
    }
    // The loader divides by sqrt(running_var + eps), eps = 1e-4.
    return {{"bn.running_mean", shift},
            {"bn.running_var", scale * scale - 1e-4},
            {"bn.num_batches_tracked", at::full({}, batches, at::kLong)}};
}

}  // namespace i4::demo
