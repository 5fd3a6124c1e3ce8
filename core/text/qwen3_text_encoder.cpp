#include "core/text/qwen3_text_encoder.h"

#include <ATen/ATen.h>

#include <cmath>
#include <set>

#include "core/errors.h"
#include "core/io/checkpoint.h"
#include "core/io/json_file.h"
#include "core/runtime/device.h"
#include "core/runtime/torch_compat.h"
#include "core/text/tokenizer.h"

namespace i4::text {

namespace {

// Query rows per attention chunk on the CPU: [B, H, 256, L] float32 scores stay a few MB.
constexpr int64_t kCpuQueryChunk = 256;

int64_t requireInt(const nlohmann::json& node, const char* field, const std::string& label) {
    if (!node.contains(field) || !node[field].is_number_integer() ||
        node[field].get<int64_t>() <= 0) {
        throw ModelError(label + ": text_config." + field +
                         " is missing or not a positive integer");
    }
    return node[field].get<int64_t>();
}

const nlohmann::json* objectField(const nlohmann::json& node, const char* field) {
    if (node.contains(field) && node[field].is_object()) return &node[field];
    return nullptr;
}

// Qwen3VLTextRMSNorm: normalise in float32, back to the activation dtype, then scale.
at::Tensor rmsNorm(const at::Tensor& x, const at::Tensor& weight, double eps) {
    return runtime::rmsNormalize(x, eps) * weight;
}

// Split-half rotation (NeoX): [x1, x2] -> [-x2, x1] over the last dimension.
at::Tensor rotateHalf(const at::Tensor& x) {
    const int64_t half = x.size(-1) / 2;
    return at::cat({-x.narrow(-1, half, half), x.narrow(-1, 0, half)}, -1);
}

}  // namespace

Qwen3TextConfig Qwen3TextConfig::fromJson(const nlohmann::json& config, const std::string& label,
                                          bool requireTapLayers) {
    const nlohmann::json* textConfig = objectField(config, "text_config");
    const nlohmann::json& tc = textConfig ? *textConfig : config;
    Qwen3TextConfig c;
    c.hiddenSize = requireInt(tc, "hidden_size", label);
    c.numLayers = requireInt(tc, "num_hidden_layers", label);
    c.numHeads = requireInt(tc, "num_attention_heads", label);
    c.numKvHeads = requireInt(tc, "num_key_value_heads", label);
    c.intermediateSize = requireInt(tc, "intermediate_size", label);
    c.vocabSize = requireInt(tc, "vocab_size", label);
    c.headDim =
        tc.contains("head_dim") ? requireInt(tc, "head_dim", label) : c.hiddenSize / c.numHeads;
    if (tc.contains("rms_norm_eps")) c.rmsNormEps = tc["rms_norm_eps"].get<double>();
    if (tc.value("hidden_act", std::string("silu")) != "silu") {
        throw ModelError(label + ": text_config.hidden_act '" +
                         tc["hidden_act"].get<std::string>() +
                         "' is not supported (expected silu)");
    }
    if (c.numHeads % c.numKvHeads != 0) {
        throw ModelError(
            label + ": text_config.num_attention_heads (" + std::to_string(c.numHeads) +
            ") is not a multiple of num_key_value_heads (" + std::to_string(c.numKvHeads) + ")");
    }
    if (c.headDim % 2 != 0) throw ModelError(label + ": text_config.head_dim must be even");
    if (requireTapLayers && c.numLayers <= kTapLayers.back()) {
        throw ModelError(label + ": text_config.num_hidden_layers is " +
                         std::to_string(c.numLayers) + "; Ideogram 4 taps layer " +
                         std::to_string(kTapLayers.back()));
    }

    // transformers 5 writes rope_parameters (with rope_theta inside); 4.57 writes rope_scaling and
    // a separate rope_theta, in text_config or at the top level.
    const nlohmann::json* rope = objectField(tc, "rope_parameters");
    if (!rope) rope = objectField(tc, "rope_scaling");
    if (!rope) rope = objectField(config, "rope_scaling");
    if (rope) {
        const std::string type =
            rope->value("rope_type", rope->value("type", std::string("default")));
        // Text-only, interleaved MRoPE is plain 1-D RoPE (spec A.2); "mrope" is an older name.
        if (type != "default" && type != "mrope") {
            throw ModelError(label + ": rope type '" + type +
                             "' is not supported (expected default)");
        }
    }
    const nlohmann::json* thetaNode = nullptr;
    if (rope && rope->contains("rope_theta")) {
        thetaNode = &(*rope)["rope_theta"];
    } else if (tc.contains("rope_theta")) {
        thetaNode = &tc["rope_theta"];
    } else if (config.contains("rope_theta")) {
        thetaNode = &config["rope_theta"];
    }
    if (!thetaNode || !thetaNode->is_number() || thetaNode->get<double>() <= 0) {
        throw ModelError(label +
                         ": no positive rope_theta in text_config.rope_parameters, "
                         "text_config.rope_theta or rope_theta");
    }
    c.ropeTheta = thetaNode->get<double>();
    return c;
}

Qwen3TextEncoder Qwen3TextEncoder::load(const std::filesystem::path& textEncoderDir,
                                        const TextEncoderOptions& options) {
    const std::string label = "text_encoder (" + textEncoderDir.string() + ")";
    Qwen3TextEncoder enc;
    enc.m_options = options;
    enc.m_config = Qwen3TextConfig::fromJson(
        io::readJsonFile(textEncoderDir / "config.json", "text_encoder config"),
        (textEncoderDir / "config.json").string(), !options.causalLmOnly);
    const Qwen3TextConfig& c = enc.m_config;
    const io::Checkpoint ckpt = io::Checkpoint::openFolder(textEncoderDir, "text_encoder");

    std::string prefix;
    for (const char* candidate : {"language_model.", "model.language_model."}) {
        if (ckpt.contains(std::string(candidate) + "embed_tokens.weight")) prefix = candidate;
    }
    if (prefix.empty()) {
        throw ModelError(label +
                         ": no 'language_model.embed_tokens.weight' nor "
                         "'model.language_model.embed_tokens.weight' (not a Qwen3-VL checkpoint)");
    }

    // Every key under the prefix must be one this loader reads (quantisation companions of a
    // Linear's weight included); anything else means a different architecture.
    std::set<std::string> known{prefix + "embed_tokens.weight", prefix + "norm.weight"};
    std::vector<std::string> linearPrefixes;

    const auto expectShape = [&](const std::string& key, std::vector<int64_t> shape) {
        const at::Tensor t = ckpt.tensor(key);
        if (t.sizes().vec() != shape) {
            ckpt.fail(key, "has shape " + c10::str(t.sizes()) + ", config.json implies " +
                               c10::str(at::IntArrayRef(shape)));
        }
        known.insert(key);
        return t;
    };
    const auto norm = [&](const std::string& key, int64_t size) {
        return expectShape(key, {size}).to(options.device, options.dtype).contiguous();
    };
    const auto linear = [&](const std::string& name, int64_t out, int64_t in) {
        model::Linear layer = model::Linear::load(ckpt, name);
        if (layer.outFeatures() != out || layer.inFeatures() != in) {
            ckpt.fail(name + ".weight", "is [" + std::to_string(layer.outFeatures()) + ", " +
                                            std::to_string(layer.inFeatures()) +
                                            "], config.json implies [" + std::to_string(out) +
                                            ", " + std::to_string(in) + "]");
        }
        // Resident: dequantised once, so the float32 CPU path runs plain GEMMs.
        layer.place(options.placement, options.dtype, options.device);
        linearPrefixes.push_back(name + ".weight");
        return layer;
    };

    enc.m_embed = expectShape(prefix + "embed_tokens.weight", {c.vocabSize, c.hiddenSize});
    if (options.device != at::kCPU && options.placement != model::WeightPlacement::StoredOnHost)
        enc.m_embed = runtime::toDevice(enc.m_embed, options.device);

    const int64_t h = c.hiddenSize;
    enc.m_finalNorm = norm(prefix + "norm.weight", h);
    const int64_t qDim = c.numHeads * c.headDim;
    const int64_t kvDim = c.numKvHeads * c.headDim;
    for (int64_t i = 0; i < c.numLayers; ++i) {
        const std::string p = prefix + "layers." + std::to_string(i) + ".";
        Layer layer;
        layer.inputNorm = norm(p + "input_layernorm.weight", h);
        layer.postNorm = norm(p + "post_attention_layernorm.weight", h);
        layer.qNorm = norm(p + "self_attn.q_norm.weight", c.headDim);
        layer.kNorm = norm(p + "self_attn.k_norm.weight", c.headDim);
        layer.q = linear(p + "self_attn.q_proj", qDim, h);
        layer.k = linear(p + "self_attn.k_proj", kvDim, h);
        layer.v = linear(p + "self_attn.v_proj", kvDim, h);
        layer.o = linear(p + "self_attn.o_proj", h, qDim);
        layer.gate = linear(p + "mlp.gate_proj", c.intermediateSize, h);
        layer.up = linear(p + "mlp.up_proj", c.intermediateSize, h);
        layer.down = linear(p + "mlp.down_proj", h, c.intermediateSize);
        enc.m_layers.push_back(std::move(layer));
    }

    std::vector<std::string> unexpected;
    for (const std::string& key : ckpt.keys()) {
        if (key.compare(0, prefix.size(), prefix) != 0 || known.count(key)) continue;
        const bool ofLinear =
            std::any_of(linearPrefixes.begin(), linearPrefixes.end(),
                        [&](const std::string& lp) { return key.compare(0, lp.size(), lp) == 0; });
        if (!ofLinear) unexpected.push_back(key);
    }
    if (!unexpected.empty()) {
        std::string list;
        for (std::size_t i = 0; i < unexpected.size() && i < 5; ++i) {
            list += (i ? ", " : "") + unexpected[i];
        }
        throw ModelError(label + ": " + std::to_string(unexpected.size()) +
                         " unexpected tensor(s) in the text model, e.g. " + list);
    }
    return enc;
}

TextFeatures Qwen3TextEncoder::encode(const std::vector<std::vector<int64_t>>& ids) const {
    if (ids.empty()) throw InputError("text encoder: no prompts to encode");
    TextFeatures result;
    int64_t maxLen = 0;
    for (std::size_t b = 0; b < ids.size(); ++b) {
        const auto n = static_cast<int64_t>(ids[b].size());
        if (n == 0)
            throw InputError("text encoder: prompt " + std::to_string(b) + " has no tokens");
        if (n > static_cast<int64_t>(kMaxTextTokens)) {
            throw InputError("prompt " + std::to_string(b) + " is " + std::to_string(n) +
                             " tokens long; the text encoder takes at most " +
                             std::to_string(kMaxTextTokens));
        }
        for (int64_t id : ids[b]) {
            if (id < 0 || id >= m_config.vocabSize) {
                throw InputError("text encoder: token id " + std::to_string(id) + " of prompt " +
                                 std::to_string(b) + " is outside the vocabulary (size " +
                                 std::to_string(m_config.vocabSize) + ")");
            }
        }
        result.lengths.push_back(n);
        maxLen = std::max(maxLen, n);
    }
    const auto batch = static_cast<int64_t>(ids.size());
    at::Tensor tokenIds = at::zeros({batch, maxLen}, at::kLong);  // [B, L], 0 at padding
    at::Tensor mask = at::zeros({batch, maxLen}, at::kBool);      // [B, L]
    auto idAccess = tokenIds.accessor<int64_t, 2>();
    auto maskAccess = mask.accessor<bool, 2>();
    for (int64_t b = 0; b < batch; ++b) {
        const int64_t pad = maxLen - result.lengths[b];
        for (int64_t i = 0; i < result.lengths[b]; ++i) {
            idAccess[b][pad + i] = ids[b][i];
            maskAccess[b][pad + i] = true;
        }
    }
    result.features = forward(tokenIds, mask).to(at::kCPU);
    result.mask = mask;
    return result;
}

at::Tensor Qwen3TextEncoder::attention(std::size_t index, const at::Tensor& x,
                                       const at::Tensor& cos, const at::Tensor& sin,
                                       const std::vector<at::Tensor>& masks,
                                       KvCache* cache) const {
    const Qwen3TextConfig& c = m_config;
    const Layer& layer = m_layers[index];
    const int64_t batch = x.size(0);
    const int64_t len = x.size(1);
    // QK-RMSNorm per head, before RoPE; v is not normalised. Norm, rotation and the attention
    // itself in float32 (Note [Text encoder residual stream]): at most 2048 tokens, so the cost
    // is small next to the projections, which run in the compute dtype.
    const at::ScalarType dtype = x.scalar_type();
    at::Tensor q = rmsNorm(layer.q(x).view({batch, len, c.numHeads, c.headDim}).to(at::kFloat),
                           layer.qNorm, c.rmsNormEps)
                       .transpose(1, 2);  // [B, Hq, L, D] f32
    at::Tensor k = rmsNorm(layer.k(x).view({batch, len, c.numKvHeads, c.headDim}).to(at::kFloat),
                           layer.kNorm, c.rmsNormEps)
                       .transpose(1, 2);  // [B, Hkv, L, D] f32
    at::Tensor v = layer.v(x)
                       .view({batch, len, c.numKvHeads, c.headDim})
                       .transpose(1, 2)
                       .to(at::kFloat);  // [B, Hkv, L, D] f32
    q = q * cos + rotateHalf(q) * sin;
    k = k * cos + rotateHalf(k) * sin;
    // Keys before this call's tokens: none without a cache.
    int64_t past = 0;
    if (cache) {
        past = cache->length;
        if (past > 0) {
            k = at::cat({cache->keys[index], k}, 2);  // [B, Hkv, T + L, D]
            v = at::cat({cache->values[index], v}, 2);
        }
        cache->keys[index] = k;
        cache->values[index] = v;
    }
    // GQA: query head j reads kv head j / (Hq / Hkv).
    const int64_t groups = c.numHeads / c.numKvHeads;
    if (groups > 1) {
        k = k.repeat_interleave(groups, 1);
        v = v.repeat_interleave(groups, 1);
    }
    // Query rows in chunks: a chunk only needs the keys up to its end (causal), and the score
    // tensors stay small enough to be reused by the allocator instead of freshly page-faulted.
    const double scale = 1.0 / std::sqrt(double(c.headDim));
    std::vector<at::Tensor> outs;  // each [B, Hq, chunk, D]
    outs.reserve(masks.size());
    int64_t start = 0;
    for (const at::Tensor& chunkMask : masks) {
        const int64_t rows = chunkMask.size(2);
        const int64_t end = start + rows;
        outs.push_back(runtime::attention(q.narrow(2, start, rows), k.narrow(2, 0, past + end),
                                          v.narrow(2, 0, past + end), chunkMask, scale));
        start = end;
    }
    const at::Tensor out = outs.size() == 1 ? outs[0] : at::cat(outs, 2);  // [B, Hq, L, D] f32
    return layer.o(out.transpose(1, 2).reshape({batch, len, c.numHeads * c.headDim}).to(dtype));
}

at::Tensor Qwen3TextEncoder::forward(const at::Tensor& ids, const at::Tensor& mask) const {
    const Qwen3TextConfig& c = m_config;
    const at::Device device = m_options.device;
    if (ids.dim() != 2 || ids.scalar_type() != at::kLong || mask.sizes() != ids.sizes()) {
        throw InputError("text encoder: ids must be int64 [B, L] with a mask of the same shape");
    }
    if (m_options.causalLmOnly) {
        throw InputError("text encoder: this model is a causal LM only (too few layers for the "
                         "conditioning taps)");
    }
    const int64_t batch = ids.size(0);
    const int64_t len = ids.size(1);
    const at::Tensor valid = mask.to(device, at::kBool);  // [B, L]

    // Note [Text encoder residual stream]
    // The residual stream is float32 in every compute dtype; the matmuls and attention run in the
    // compute dtype. A bf16 stream loses about a bf16 step per layer: over 36 layers the taps
    // drifted to 2.6e-2 (nf4: 4.6e-2) from the float32 features, past the 2e-2 the bf16 path is
    // held to; the stream is [B, L, 4096], so float32 costs nothing that matters.
    at::Tensor x = m_embed.index_select(0, ids.to(m_embed.device()).reshape({-1}))
                       .to(device, at::kFloat)
                       .view({batch, len, c.hiddenSize});  // [B, L, hidden] f32

    // Positions 0..n-1 over each prompt's own tokens, whatever the left padding (spec A.4).
    const at::Tensor positions = (valid.to(at::kLong).cumsum(1) - 1).clamp_min(0);  // [B, L]
    // Frequencies and the position product stay in float32 (spec F.4); cos/sin then take the
    // activation dtype.
    const at::TensorOptions longOptions = at::TensorOptions(device).dtype(at::kLong);
    const at::Tensor exponents =
        at::arange(0, c.headDim, 2, longOptions).to(at::kFloat) / double(c.headDim);  // [D/2]
    const at::Tensor invFreq = 1.0 / at::pow(c.ropeTheta, exponents);           // [D/2] float32
    const at::Tensor freqs = positions.to(at::kFloat).unsqueeze(-1) * invFreq;  // [B, L, D/2]
    const at::Tensor emb = at::cat({freqs, freqs}, -1).unsqueeze(1);            // [B, 1, L, D]
    const at::Tensor cos = emb.cos();  // [B, 1, L, D] f32
    const at::Tensor sin = emb.sin();

    // Causal and key-padding masks, one [B, 1, rows, end] per chunk of query rows (see
    // attention()). Each padded query also sees itself, so that no row is fully masked (a NaN
    // there would reach real rows through 0 * NaN in the value matmul).
    const int64_t chunk = device.is_cpu() ? kCpuQueryChunk : len;
    std::vector<at::Tensor> masks;
    for (int64_t start = 0; start < len; start += chunk) {
        const int64_t rows = std::min(chunk, len - start);
        const int64_t end = start + rows;
        const at::Tensor queryPos = at::arange(start, end, longOptions).unsqueeze(1);  // [rows, 1]
        const at::Tensor keyPos = at::arange(0, end, longOptions).unsqueeze(0);        // [1, end]
        const at::Tensor causal = keyPos.le(queryPos);  // [rows, end]
        const at::Tensor self = keyPos.eq(queryPos);
        const at::Tensor keyValid = valid.narrow(1, 0, end).unsqueeze(1);  // [B, 1, end]
        masks.push_back(((causal.unsqueeze(0) & keyValid) | self.unsqueeze(0)).unsqueeze(1));
    }

    std::vector<at::Tensor> taps;
    taps.reserve(kTapLayers.size());
    std::size_t nextTap = 0;
    for (int64_t i = 0; i < c.numLayers; ++i) {
        x = layerForward(static_cast<std::size_t>(i), x, cos, sin, masks, nullptr);
        if (nextTap < kTapLayers.size() && kTapLayers[nextTap] == i) {
            taps.push_back(x);
            ++nextTap;
        }
    }
    // Hidden-major interleave: feature h*13 + tap (spec A.4).
    at::Tensor features = at::stack(taps, -1)
                              .reshape({batch, len, c.hiddenSize * int64_t(kTapLayers.size())})
                              .to(at::kFloat);  // [B, L, 13 * hidden] float32
    return features * valid.unsqueeze(-1).to(at::kFloat);
}

at::Tensor Qwen3TextEncoder::layerForward(std::size_t index, const at::Tensor& x,
                                          const at::Tensor& cos, const at::Tensor& sin,
                                          const std::vector<at::Tensor>& masks,
                                          KvCache* cache) const {
    const Qwen3TextConfig& c = m_config;
    const Layer& layer = m_layers[index];
    const at::ScalarType dtype = m_options.dtype;
    // Note [Text encoder residual stream]: each sublayer's input is normalised in float32.
    const at::Tensor h =
        x + attention(index, rmsNorm(x, layer.inputNorm, c.rmsNormEps).to(dtype), cos, sin, masks,
                      cache);
    const at::Tensor n = rmsNorm(h, layer.postNorm, c.rmsNormEps).to(dtype);
    return h + layer.down(
                   (at::silu(layer.gate(n).to(at::kFloat)) * layer.up(n).to(at::kFloat)).to(dtype));
}

at::Tensor Qwen3TextEncoder::decode(const at::Tensor& ids, KvCache& cache) const {
    const Qwen3TextConfig& c = m_config;
    const at::Device device = m_options.device;
    if (ids.dim() != 2 || ids.scalar_type() != at::kLong || ids.size(1) == 0) {
        throw InputError("causal LM: ids must be int64 [B, n] with n > 0");
    }
    const int64_t batch = ids.size(0);
    const int64_t len = ids.size(1);
    const int64_t past = cache.length;
    if (past == 0) {
        cache.keys.assign(m_layers.size(), at::Tensor());
        cache.values.assign(m_layers.size(), at::Tensor());
    } else if (cache.keys.size() != m_layers.size() || cache.keys[0].size(0) != batch) {
        throw InputError("causal LM: the KV cache belongs to another model or batch");
    }
    const at::Tensor outOfRange = ids.lt(0).logical_or(ids.ge(c.vocabSize)).any();
    if (outOfRange.item<bool>()) {
        throw InputError("causal LM: a token id is outside the vocabulary (size " +
                         std::to_string(c.vocabSize) + ")");
    }
    at::Tensor x = m_embed.index_select(0, ids.to(m_embed.device()).reshape({-1}))
                       .to(device, at::kFloat)
                       .view({batch, len, c.hiddenSize});  // [B, n, hidden] f32

    // RoPE as in forward(), at the absolute positions past .. past + n - 1.
    const at::TensorOptions longOptions = at::TensorOptions(device).dtype(at::kLong);
    const at::Tensor exponents =
        at::arange(0, c.headDim, 2, longOptions).to(at::kFloat) / double(c.headDim);  // [D/2]
    const at::Tensor invFreq = 1.0 / at::pow(c.ropeTheta, exponents);
    const at::Tensor positions = at::arange(past, past + len, longOptions).to(at::kFloat);
    const at::Tensor freqs = positions.unsqueeze(-1) * invFreq;                  // [n, D/2]
    const at::Tensor emb = at::cat({freqs, freqs}, -1).view({1, 1, len, c.headDim});
    const at::Tensor cos = emb.cos();  // [1, 1, n, D] f32
    const at::Tensor sin = emb.sin();

    // Query i (absolute past + i) sees keys 0 .. past + i; one chunk, [1, 1, n, past + n].
    const at::Tensor queryPos = at::arange(past, past + len, longOptions).unsqueeze(1);
    const at::Tensor keyPos = at::arange(0, past + len, longOptions).unsqueeze(0);
    const std::vector<at::Tensor> masks{keyPos.le(queryPos).view({1, 1, len, past + len})};

    for (std::size_t i = 0; i < m_layers.size(); ++i) x = layerForward(i, x, cos, sin, masks, &cache);
    cache.length = past + len;
    return rmsNorm(x, m_finalNorm, c.rmsNormEps).to(at::kFloat);  // [B, n, hidden] f32
}

std::vector<std::pair<std::string, at::Tensor>> Qwen3TextEncoder::namedParameters() const {
    std::vector<std::pair<std::string, at::Tensor>> named;
    auto linear = [&named](const std::string& name, const model::Linear& layer) {
        if (!layer.denseWeight().defined()) {
            throw Error("namedParameters: " + name + " is not stored dense");
        }
        named.emplace_back(name + ".weight", layer.denseWeight());
    };
    named.emplace_back("embed_tokens.weight", m_embed);
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
        const Layer& l = m_layers[i];
        const std::string p = "layers." + std::to_string(i) + ".";
        named.emplace_back(p + "input_layernorm.weight", l.inputNorm);
        named.emplace_back(p + "post_attention_layernorm.weight", l.postNorm);
        named.emplace_back(p + "self_attn.q_norm.weight", l.qNorm);
        named.emplace_back(p + "self_attn.k_norm.weight", l.kNorm);
        linear(p + "self_attn.q_proj", l.q);
        linear(p + "self_attn.k_proj", l.k);
        linear(p + "self_attn.v_proj", l.v);
        linear(p + "self_attn.o_proj", l.o);
        linear(p + "mlp.gate_proj", l.gate);
        linear(p + "mlp.up_proj", l.up);
        linear(p + "mlp.down_proj", l.down);
    }
    named.emplace_back("norm.weight", m_finalNorm);
    return named;
}

}  // namespace i4::text
