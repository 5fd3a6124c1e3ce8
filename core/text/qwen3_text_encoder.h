#pragma once

#include <ATen/core/Tensor.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/model/linear.h"

namespace i4::text {

// `text_config` of `text_encoder/config.json` (spec A.1). Both the transformers-5 form
// (`rope_parameters.rope_theta`) and the 4.57 form (`rope_scaling` + `rope_theta` in
// `text_config` or at the top level) are accepted.
struct Qwen3TextConfig {
    int64_t hiddenSize = 0;
    int64_t numLayers = 0;
    int64_t numHeads = 0;
    int64_t numKvHeads = 0;
    int64_t headDim = 0;
    int64_t intermediateSize = 0;
    int64_t vocabSize = 0;
    double rmsNormEps = 1e-6;
    double ropeTheta = 0;

    // `label` names the file in errors; a missing or inconsistent field is a ModelError.
    // `requireTapLayers`: the model must have every layer in kTapLayers (a text encoder); a
    // causal LM of its own (the demo's magic prompt) may be shallower.
    static Qwen3TextConfig fromJson(const nlohmann::json& config, const std::string& label,
                                    bool requireTapLayers = true);
};

// Decoder layers whose outputs become the conditioning features (spec A.4); 35 is the last layer's
// output before the final norm.
inline constexpr std::array<int64_t, 13> kTapLayers{0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 35};

struct TextEncoderOptions {
    // Compute dtype and device. float32 on CPU is the reference path (golden tolerance 1e-4).
    at::ScalarType dtype = at::kFloat;
    at::Device device = at::kCPU;
    // Where the layers' Linear weights live. StoredOnHost also keeps the token embedding in CPU
    // memory (rows are looked up there and only the prompt's rows move to the device).
    model::WeightPlacement placement = model::WeightPlacement::Resident;
    // A decoder-only model used only through `decode` (core/text/causal_lm.h): fewer layers
    // than kTapLayers needs are allowed, and `forward` is refused.
    bool causalLmOnly = false;
};

// Keys and values of the tokens decoded so far, per layer, for `Qwen3TextEncoder::decode`.
struct KvCache {
    std::vector<at::Tensor> keys;    // per layer [B, Hkv, T, D] float32, after QK-norm and RoPE
    std::vector<at::Tensor> values;  // per layer [B, Hkv, T, D] float32
    int64_t length = 0;              // T
};

// Features of a left-padded batch.
struct TextFeatures {
    at::Tensor features;           // [B, L, 13 * hidden] float32, zero at padding
    at::Tensor mask;               // [B, L] bool, true on text tokens (padding on the left)
    std::vector<int64_t> lengths;  // tokens per prompt; L = max(lengths)
};

// The text model of Qwen3-VL (no vision tower) as Ideogram 4 uses it: all decoder layers run over
// the text tokens and the outputs of kTapLayers are interleaved hidden-major (feature h*13 + tap).
// Immutable after load; `encode` may be called from several threads.
class Qwen3TextEncoder {
public:
    // Loads `config.json` and the weights of a `text_encoder/` folder. Keys may sit under
    // `language_model.` (published Ideogram layout) or `model.language_model.` (stock
    // Qwen3-VL-8B-Instruct); `visual.*`, `model.visual.*` and `lm_head.*` are skipped.
    static Qwen3TextEncoder load(const std::filesystem::path& textEncoderDir,
                                 const TextEncoderOptions& options = {});

    const Qwen3TextConfig& config() const { return m_config; }
    const TextEncoderOptions& options() const { return m_options; }
    // 13 * hidden_size.
    int64_t featureSize() const { return m_config.hiddenSize * int64_t(kTapLayers.size()); }

    // Token ids per prompt (each 1..kMaxTextTokens ids below vocab_size, else InputError) ->
    // left-padded features.
    TextFeatures encode(const std::vector<std::vector<int64_t>>& ids) const;

    // The raw forward: `ids` [B, L] int64 and `mask` [B, L] bool (true = token, padding on the
    // left) -> [B, L, 13 * hidden] float32 on the compute device, zero where mask is false.
    at::Tensor forward(const at::Tensor& ids, const at::Tensor& mask) const;

    // Causal-LM use (core/text/causal_lm.h): `ids` [B, n] int64 at positions cache.length ..
    // cache.length + n - 1 (no padding), attending to the cache and themselves; their keys and
    // values are appended to `cache`. Returns the last layer's output after the final `norm`,
    // [B, n, hidden] float32. Differentiable when the weights are (the demo LM's trainer).
    at::Tensor decode(const at::Tensor& ids, KvCache& cache) const;

    // The model's own tensors by checkpoint name (without the `language_model.` prefix), for
    // training tools: the model must have been loaded with dense float32 Resident weights, and
    // in-place updates of these tensors change the model.
    std::vector<std::pair<std::string, at::Tensor>> namedParameters() const;

private:
    struct Layer {
        at::Tensor inputNorm;  // [hidden] compute dtype
        at::Tensor postNorm;   // [hidden]
        at::Tensor qNorm;      // [head_dim]
        at::Tensor kNorm;      // [head_dim]
        model::Linear q, k, v, o;
        model::Linear gate, up, down;
    };

    // One decoder layer on the float32 residual stream `x` [B, L, hidden]. With `cache`, the
    // layer's keys and values are appended to it (its index `index`) and the queries attend to
    // the cached keys before their own; `masks` then cover those keys as well.
    at::Tensor layerForward(std::size_t index, const at::Tensor& x, const at::Tensor& cos,
                            const at::Tensor& sin, const std::vector<at::Tensor>& masks,
                            KvCache* cache) const;
    at::Tensor attention(std::size_t index, const at::Tensor& x, const at::Tensor& cos,
                         const at::Tensor& sin, const std::vector<at::Tensor>& masks,
                         KvCache* cache) const;

    Qwen3TextConfig m_config;
    TextEncoderOptions m_options;
    at::Tensor m_embed;  // [vocab, hidden] in the stored dtype, on the device or in CPU memory
    std::vector<Layer> m_layers;
    at::Tensor m_finalNorm;  // [hidden] compute dtype; only `decode` applies it
};

}  // namespace i4::text
