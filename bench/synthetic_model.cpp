#include "bench/synthetic_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "core/io/dequantize.h"
#include "core/vae/latent_norm.h"

namespace i4::bench {
namespace {

namespace fs = std::filesystem;

// Random weights: every Linear and embedding ~ N(0, kWeightStd), biases ~ N(0, kBiasStd), norm
// scales ~ N(1, kWeightStd). Magnitudes of a freshly initialised model: a forward pass stays
// finite through 36 + 34 layers, which is all a load or speed benchmark needs.
constexpr float kWeightStd = 0.02f;
constexpr float kBiasStd = 0.01f;
// fp8 codes are drawn so that 4 sigma reaches the e4m3 maximum (448), as a per-row absmax scale
// would place a normal row; the per-row scale then brings the row back to kWeightStd.
constexpr float kFp8CodeSigma = 448.0f / 4.0f;
constexpr int64_t kNf4Blocksize = 64;
constexpr int64_t kNf4NestedBlocksize = 256;
// HF's default max_shard_size; the transformer is always split in at least two shards, as the
// golden folders are, so the index path is exercised.
constexpr uint64_t kShardBytes = 5000000000ull;

constexpr float kNf4Codes[16] = {-1.0f,
                                 -0.6961928009986877f,
                                 -0.5250730514526367f,
                                 -0.39491748809814453f,
                                 -0.28444138169288635f,
                                 -0.18477343022823334f,
                                 -0.09105003625154495f,
                                 0.0f,
                                 0.07958029955625534f,
                                 0.16093020141124725f,
                                 0.24611230194568634f,
                                 0.33791524171829224f,
                                 0.44070982933044434f,
                                 0.5626170039176941f,
                                 0.7229568362236023f,
                                 1.0f};

uint16_t toBf16(float value) {  // round to nearest even
    uint32_t bits;
    std::memcpy(&bits, &value, 4);
    bits += 0x7fff + ((bits >> 16) & 1);
    return static_cast<uint16_t>(bits >> 16);
}

// The 256 quantiles of N(0, 1) at (i + 0.5) / 256, by bisection on the CDF.
const std::vector<double>& normalQuantiles() {
    static const std::vector<double> quantiles = [] {
        std::vector<double> q(256);
        for (int i = 0; i < 256; ++i) {
            const double p = (i + 0.5) / 256.0;
            double lo = -10, hi = 10;
            for (int it = 0; it < 100; ++it) {
                const double mid = 0.5 * (lo + hi);
                (0.5 * std::erfc(-mid / std::sqrt(2.0)) < p ? lo : hi) = mid;
            }
            q[i] = 0.5 * (lo + hi);
        }
        return q;
    }();
    return quantiles;
}

template <typename T>
std::string bytesOf(const std::vector<T>& values) {
    std::string bytes(values.size() * sizeof(T), '\0');
    std::memcpy(bytes.data(), values.data(), bytes.size());
    return bytes;
}

template <typename T>
std::string bytesOf(T value) {
    return bytesOf(std::vector<T>{value});
}

// fp8 e4m3 codes whose values follow N(0, kFp8CodeSigma); never the NaN codes 0x7F / 0xFF.
struct Fp8Table {
    std::vector<uint8_t> codes;
    double rms = 0;  // of the decoded values, for the per-row scale
};

const Fp8Table& fp8Table() {
    static const Fp8Table table = [] {
        Fp8Table t;
        double sumSquares = 0;
        for (double z : normalQuantiles()) {
            const double target = z * kFp8CodeSigma;
            int best = 0;
            for (int code = 0; code < 256; ++code) {
                if ((code & 0x7f) == 0x7f) continue;
                if (std::abs(io::decodeE4M3(code) - target) <
                    std::abs(io::decodeE4M3(best) - target)) {
                    best = code;
                }
            }
            t.codes.push_back(static_cast<uint8_t>(best));
            sumSquares += double(io::decodeE4M3(best)) * io::decodeE4M3(best);
        }
        t.rms = std::sqrt(sumSquares / 256);
        return t;
    }();
    return table;
}

std::string formatFloat(double value) {  // as Python's json.dumps writes a float
    std::ostringstream out;
    out << std::setprecision(17) << value;
    std::string text = out.str();
    if (text.find_first_of(".e") == std::string::npos) text += ".0";
    return text;
}

TensorSpec spec(const std::string& name, const std::string& dtype, std::vector<int64_t> shape) {
    TensorSpec t;
    t.name = name;
    t.dtype = dtype;
    t.shape = std::move(shape);
    return t;
}

std::string dumpJson(const nlohmann::ordered_json& json) { return json.dump(2) + "\n"; }

class Builder {
public:
    Builder(const SyntheticOptions& options, const SyntheticGeometry& g)
        : m_options(options), m_geometry(g) {}

    TensorSpec normal(const std::string& name, std::vector<int64_t> shape, float mean,
                      float std) const {
        TensorSpec t = spec(name, "BF16", std::move(shape));
        t.fill = Fill::Table16;
        for (double z : normalQuantiles()) t.table16.push_back(toBf16(float(mean + std * z)));
        return t;
    }
    TensorSpec weight(const std::string& name, std::vector<int64_t> shape) const {
        return normal(name, std::move(shape), 0.0f, kWeightStd);
    }
    TensorSpec bias(const std::string& name, int64_t size) const {
        return normal(name, {size}, 0.0f, kBiasStd);
    }
    TensorSpec normScale(const std::string& name, int64_t size) const {
        return normal(name, {size}, 1.0f, kWeightStd);
    }
    static TensorSpec exact(const std::string& name, const std::string& dtype,
                            std::vector<int64_t> shape, std::string bytes) {
        TensorSpec t = spec(name, dtype, std::move(shape));
        t.fill = Fill::Exact;
        t.bytes = std::move(bytes);
        return t;
    }
    static TensorSpec repeat(const std::string& name, const std::string& dtype,
                             std::vector<int64_t> shape, std::string element) {
        TensorSpec t = spec(name, dtype, std::move(shape));
        t.fill = Fill::Repeat;
        t.bytes = std::move(element);
        return t;
    }

    // One Linear in the folder's precision; `quantised` false keeps it bf16 (the VAE's).
    // `nested`: double-quantised NF4 absmax, as the NF4 text encoder stores it.
    void linear(std::vector<TensorSpec>& out, const std::string& prefix, int64_t rows, int64_t cols,
                bool withBias, bool quantised, bool nested) const {
        const std::string& precision = m_options.precision;
        const std::string w = prefix + ".weight";
        if (!quantised || precision == "bf16") {
            out.push_back(weight(w, {rows, cols}));
        } else if (precision == "fp8") {
            TensorSpec codes = spec(w, "F8_E4M3", {rows, cols});
            codes.fill = Fill::Table8;
            codes.table8 = fp8Table().codes;
            out.push_back(std::move(codes));
            const float scale = static_cast<float>(kWeightStd / fp8Table().rms);
            out.push_back(repeat(w + "_scale", "F32", {rows}, bytesOf(scale)));
        } else {  // nf4: uniform codes, block absmax chosen so the weight's rms is kWeightStd
            const int64_t n = rows * cols;
            const int64_t blocks = (n + kNf4Blocksize - 1) / kNf4Blocksize;
            double sumSquares = 0;
            for (float c : kNf4Codes) sumSquares += double(c) * c;
            const float absmax = static_cast<float>(kWeightStd / std::sqrt(sumSquares / 16));
            TensorSpec packed = spec(w, "U8", {(n + 1) / 2, 1});
            packed.fill = Fill::RandomBytes;
            out.push_back(std::move(packed));
            std::ostringstream state;
            state << "{\"quant_type\": \"nf4\", \"blocksize\": " << kNf4Blocksize
                  << ", \"dtype\": \"bfloat16\", \"shape\": [" << rows << ", " << cols << "]";
            if (nested) {
                // absmax_j = dynamic_map[code_j] * nested_absmax + offset: random codes give
                // block scales within +-25% of `absmax`.
                TensorSpec codes = spec(w + ".absmax", "U8", {blocks});
                codes.fill = Fill::RandomBytes;
                out.push_back(std::move(codes));
                const int64_t nestedBlocks =
                    (blocks + kNf4NestedBlocksize - 1) / kNf4NestedBlocksize;
                out.push_back(
                    repeat(w + ".nested_absmax", "F32", {nestedBlocks}, bytesOf(0.25f * absmax)));
                out.push_back(exact(w + ".nested_quant_map", "F32", {256},
                                    bytesOf(bitsandbytesDynamicMap())));
                state << ", \"nested_blocksize\": " << kNf4NestedBlocksize
                      << ", \"nested_dtype\": \"float32\", \"nested_offset\": "
                      << formatFloat(absmax);
            } else {
                out.push_back(repeat(w + ".absmax", "F32", {blocks}, bytesOf(absmax)));
            }
            state << "}";
            out.push_back(exact(w + ".quant_map", "F32", {16},
                                bytesOf(std::vector<float>(kNf4Codes, kNf4Codes + 16))));
            const std::string text = state.str();
            out.push_back(exact(w + ".quant_state.bitsandbytes__nf4", "U8",
                                {static_cast<int64_t>(text.size())}, text));
        }
        if (withBias) out.push_back(bias(prefix + ".bias", rows));
    }

    std::vector<TensorSpec> transformer() const {
        const SyntheticGeometry& g = m_geometry;
        const int64_t d = g.ditHidden();
        std::vector<TensorSpec> t;
        linear(t, "input_proj", d, g.ditInChannels, true, true, false);
        t.push_back(normScale("llm_cond_norm.weight", g.llmFeatures()));
        linear(t, "llm_cond_proj", d, g.llmFeatures(), true, true, false);
        linear(t, "t_embedding.mlp_in", d, d, true, true, false);
        linear(t, "t_embedding.mlp_out", d, d, true, true, false);
        linear(t, "adaln_proj", g.ditAdaln, d, true, true, false);
        t.push_back(weight("embed_image_indicator.weight", {2, d}));
        for (int i = 0; i < m_options.ditLayers; ++i) {
            const std::string p = "layers." + std::to_string(i) + ".";
            linear(t, p + "attention.qkv", 3 * d, d, false, true, false);
            linear(t, p + "attention.o", d, d, false, true, false);
            t.push_back(normScale(p + "attention.norm_q.weight", g.ditHeadDim));
            t.push_back(normScale(p + "attention.norm_k.weight", g.ditHeadDim));
            linear(t, p + "feed_forward.w1", g.ditIntermediate, d, false, true, false);
            linear(t, p + "feed_forward.w2", d, g.ditIntermediate, false, true, false);
            linear(t, p + "feed_forward.w3", g.ditIntermediate, d, false, true, false);
            for (const char* norm :
                 {"attention_norm1", "attention_norm2", "ffn_norm1", "ffn_norm2"}) {
                t.push_back(normScale(p + norm + ".weight", d));
            }
            linear(t, p + "adaln_modulation", 4 * d, g.ditAdaln, true, true, false);
        }
        linear(t, "final_layer.linear", g.ditInChannels, d, true, true, false);
        linear(t, "final_layer.adaln_modulation", d, g.ditAdaln, true, true, false);
        return t;
    }

    // The text model only: the vision tower (which the pipeline skips) is left out, so every byte
    // written is a byte the loader must move.
    std::vector<TensorSpec> textEncoder() const {
        const SyntheticGeometry& g = m_geometry;
        const int64_t h = g.teHidden;
        const int64_t q = g.teHeads * g.teHeadDim;
        const int64_t kv = g.teKvHeads * g.teHeadDim;
        std::vector<TensorSpec> t;
        t.push_back(weight("language_model.embed_tokens.weight", {g.teVocab, h}));
        t.push_back(normScale("language_model.norm.weight", h));
        for (int i = 0; i < m_options.teLayers; ++i) {
            const std::string p = "language_model.layers." + std::to_string(i) + ".";
            t.push_back(normScale(p + "input_layernorm.weight", h));
            t.push_back(normScale(p + "post_attention_layernorm.weight", h));
            t.push_back(normScale(p + "self_attn.q_norm.weight", g.teHeadDim));
            t.push_back(normScale(p + "self_attn.k_norm.weight", g.teHeadDim));
            linear(t, p + "self_attn.q_proj", q, h, false, true, true);
            linear(t, p + "self_attn.k_proj", kv, h, false, true, true);
            linear(t, p + "self_attn.v_proj", kv, h, false, true, true);
            linear(t, p + "self_attn.o_proj", h, q, false, true, true);
            linear(t, p + "mlp.gate_proj", g.teIntermediate, h, false, true, true);
            linear(t, p + "mlp.up_proj", g.teIntermediate, h, false, true, true);
            linear(t, p + "mlp.down_proj", h, g.teIntermediate, false, true, true);
        }
        return t;
    }

    // diffusers AutoencoderKLFlux2 key names; the VAE is bf16 in every published precision.
    std::vector<TensorSpec> vae() const {
        const SyntheticGeometry& g = m_geometry;
        std::vector<TensorSpec> t;
        auto conv = [&](const std::string& p, int64_t in, int64_t out, int64_t k) {
            t.push_back(weight(p + ".weight", {out, in, k, k}));
            t.push_back(bias(p + ".bias", out));
        };
        auto groupNorm = [&](const std::string& p, int64_t channels) {
            t.push_back(normScale(p + ".weight", channels));
            t.push_back(bias(p + ".bias", channels));
        };
        auto resnet = [&](const std::string& p, int64_t in, int64_t out) {
            groupNorm(p + ".norm1", in);
            conv(p + ".conv1", in, out, 3);
            groupNorm(p + ".norm2", out);
            conv(p + ".conv2", out, out, 3);
            if (in != out) conv(p + ".conv_shortcut", in, out, 1);
        };
        auto mid = [&](const std::string& p, int64_t c) {
            resnet(p + ".resnets.0", c, c);
            groupNorm(p + ".attentions.0.group_norm", c);
            for (const char* proj : {"to_q", "to_k", "to_v", "to_out.0"}) {
                linear(t, p + ".attentions.0." + proj, c, c, true, false, false);
            }
            resnet(p + ".resnets.1", c, c);
        };
        const auto& ch = g.vaeChannels;
        const int64_t latent = g.vaeLatentChannels;
        // Encoder.
        conv("encoder.conv_in", 3, ch[0], 3);
        int64_t in = ch[0];
        for (size_t level = 0; level < ch.size(); ++level) {
            const std::string p = "encoder.down_blocks." + std::to_string(level);
            for (int64_t i = 0; i < g.vaeLayersPerBlock; ++i) {
                resnet(p + ".resnets." + std::to_string(i), in, ch[level]);
                in = ch[level];
            }
            if (level + 1 < ch.size()) conv(p + ".downsamplers.0.conv", in, in, 3);
        }
        mid("encoder.mid_block", in);
        groupNorm("encoder.conv_norm_out", in);
        conv("encoder.conv_out", in, 2 * latent, 3);
        conv("quant_conv", 2 * latent, 2 * latent, 1);
        // Decoder (levels from the lowest resolution up).
        conv("post_quant_conv", latent, latent, 1);
        in = ch.back();
        conv("decoder.conv_in", latent, in, 3);
        mid("decoder.mid_block", in);
        for (size_t level = 0; level < ch.size(); ++level) {
            const std::string p = "decoder.up_blocks." + std::to_string(level);
            const int64_t out = ch[ch.size() - 1 - level];
            for (int64_t i = 0; i < g.vaeLayersPerBlock + 1; ++i) {
                resnet(p + ".resnets." + std::to_string(i), in, out);
                in = out;
            }
            if (level + 1 < ch.size()) conv(p + ".upsamplers.0.conv", in, in, 3);
        }
        groupNorm("decoder.conv_norm_out", in);
        conv("decoder.conv_out", in, 3, 3);
        // Batch-norm statistics equal to the published latent constants (so the load-time
        // comparison in Flux2Vae agrees, as it would for the real VAE).
        std::vector<uint16_t> mean, var;
        for (int i = 0; i < vae::kTokenChannels; ++i) {
            mean.push_back(toBf16(vae::kLatentShift[i]));
            var.push_back(toBf16(vae::kLatentScale[i] * vae::kLatentScale[i] - 1e-4f));
        }
        t.push_back(exact("bn.running_mean", "BF16", {vae::kTokenChannels}, bytesOf(mean)));
        t.push_back(exact("bn.running_var", "BF16", {vae::kTokenChannels}, bytesOf(var)));
        t.push_back(exact("bn.num_batches_tracked", "I64", {1}, bytesOf(int64_t{0})));
        return t;
    }

    nlohmann::ordered_json transformerConfig() const {
        const SyntheticGeometry& g = m_geometry;
        return {{"_class_name", "Ideogram4Transformer2DModel"},
                {"adaln_dim", g.ditAdaln},
                {"attention_head_dim", g.ditHeadDim},
                {"in_channels", g.ditInChannels},
                {"intermediate_size", g.ditIntermediate},
                {"llm_features_dim", g.llmFeatures()},
                {"mrope_section", g.ditMropeSection},
                {"norm_eps", 1e-5},
                {"num_attention_heads", g.ditHeads},
                {"num_layers", m_options.ditLayers},
                {"rope_theta", 5000000}};
    }

    nlohmann::ordered_json textEncoderConfig() const {
        const SyntheticGeometry& g = m_geometry;
        const bool real = m_options.geometry == "real";
        nlohmann::ordered_json text = {{"hidden_size", g.teHidden},
                                       {"num_attention_heads", g.teHeads},
                                       {"num_key_value_heads", g.teKvHeads},
                                       {"head_dim", g.teHeadDim},
                                       {"intermediate_size", g.teIntermediate},
                                       {"num_hidden_layers", m_options.teLayers},
                                       {"rms_norm_eps", 1e-06},
                                       {"vocab_size", g.teVocab},
                                       {"hidden_act", "silu"},
                                       {"attention_bias", false},
                                       {"max_position_embeddings", 262144},
                                       {"tie_word_embeddings", false},
                                       {"rope_parameters",
                                        {{"mrope_interleaved", true},
                                         {"mrope_section", {24, 20, 20}},
                                         {"rope_theta", 5000000},
                                         {"rope_type", "default"}}},
                                       {"model_type", "qwen3_vl_text"},
                                       {"dtype", "bfloat16"},
                                       {"bos_token_id", 151643},
                                       {"eos_token_id", 151645}};
        nlohmann::ordered_json vision = {{"model_type", "qwen3_vl"},
                                         {"depth", real ? 27 : 1},
                                         {"hidden_size", real ? 1152 : 32},
                                         {"out_hidden_size", g.teHidden}};
        nlohmann::ordered_json config = {{"architectures", {"Qwen3VLModel"}},
                                         {"model_type", "qwen3_vl"},
                                         {"image_token_id", 151655},
                                         {"video_token_id", 151656},
                                         {"vision_start_token_id", 151652},
                                         {"vision_end_token_id", 151653},
                                         {"tie_word_embeddings", false},
                                         {"text_config", text},
                                         {"vision_config", vision}};
        if (m_options.precision == "fp8") config["ideogram_fp8_weight_only"] = true;
        if (m_options.precision == "nf4") {
            config["quantization_config"] = {{"quant_method", "bitsandbytes"},
                                             {"load_in_4bit", true},
                                             {"load_in_8bit", false},
                                             {"bnb_4bit_quant_type", "nf4"},
                                             {"bnb_4bit_use_double_quant", true},
                                             {"bnb_4bit_compute_dtype", "bfloat16"},
                                             {"llm_int8_skip_modules", {"lm_head", "visual"}}};
        }
        return config;
    }

    nlohmann::ordered_json vaeConfig() const {
        const SyntheticGeometry& g = m_geometry;
        return {
            {"_class_name", "AutoencoderKLFlux2"},
            {"act_fn", "silu"},
            {"batch_norm_eps", 0.0001},
            {"batch_norm_momentum", 0.1},
            {"block_out_channels", g.vaeChannels},
            {"down_block_types",
             std::vector<std::string>(g.vaeChannels.size(), "DownEncoderBlock2D")},
            {"up_block_types", std::vector<std::string>(g.vaeChannels.size(), "UpDecoderBlock2D")},
            {"force_upcast", true},
            {"in_channels", 3},
            {"out_channels", 3},
            {"latent_channels", g.vaeLatentChannels},
            {"layers_per_block", g.vaeLayersPerBlock},
            {"mid_block_add_attention", true},
            {"norm_num_groups", g.vaeGroups},
            {"patch_size", {2, 2}},
            {"sample_size", g.vaeSampleSize},
            {"use_quant_conv", true},
            {"use_post_quant_conv", true}};
    }

private:
    const SyntheticOptions& m_options;
    const SyntheticGeometry& m_geometry;
};

// Splits `tensors` (in name order) into at least two shards of at most kShardBytes where possible
// and returns the files plus the index's text.
std::pair<std::vector<FileSpec>, std::string> shard(const fs::path& dir,
                                                    std::vector<TensorSpec> tensors) {
    std::sort(tensors.begin(), tensors.end(),
              [](const TensorSpec& a, const TensorSpec& b) { return a.name < b.name; });
    uint64_t total = 0;
    for (const auto& t : tensors) total += t.byteSize();
    const uint64_t count = std::max<uint64_t>(2, (total + kShardBytes - 1) / kShardBytes);
    const uint64_t target = (total + count - 1) / count;
    std::vector<FileSpec> files(count);
    uint64_t inShard = 0;
    std::size_t index = 0;
    for (auto& t : tensors) {
        if (inShard > 0 && inShard + t.byteSize() > target && index + 1 < count) {
            ++index;
            inShard = 0;
        }
        inShard += t.byteSize();
        files[index].tensors.push_back(std::move(t));
    }
    files.erase(std::remove_if(files.begin(), files.end(),
                               [](const FileSpec& f) { return f.tensors.empty(); }),
                files.end());
    nlohmann::ordered_json map = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < files.size(); ++i) {
        char name[96];
        std::snprintf(name, sizeof name, "diffusion_pytorch_model-%05zu-of-%05zu.safetensors",
                      i + 1, files.size());
        files[i].path = dir / name;
        for (const auto& t : files[i].tensors) map[t.name] = name;
    }
    nlohmann::ordered_json index_json = {{"metadata", {{"total_size", total}}},
                                         {"weight_map", map}};
    return {std::move(files), dumpJson(index_json)};
}

}  // namespace

SyntheticGeometry SyntheticGeometry::real() { return {}; }

SyntheticGeometry SyntheticGeometry::tiny() {
    SyntheticGeometry g;
    g.ditHeads = 2;
    g.ditHeadDim = 64;
    g.ditIntermediate = 256;
    g.ditAdaln = 32;
    g.ditMropeSection = {8, 6, 6};
    g.teHidden = 16;
    g.teHeads = 4;
    g.teKvHeads = 2;
    g.teHeadDim = 8;
    g.teIntermediate = 48;
    g.vaeChannels = {32, 32, 64, 64};
    g.vaeSampleSize = 256;
    return g;
}

std::vector<float> bitsandbytesDynamicMap() {
    // create_dynamic_map(signed=True, max_exponent_bits=7, total_bits=8): for each decade
    // 10^(i-6), i = 0..6, the midpoints of 2^i + 1 points spread over [0.1, 1], both signs; then
    // 0 and 1; sorted.
    std::vector<float> values;
    for (int i = 0; i < 7; ++i) {
        const int points = (1 << i) + 1;
        // torch.linspace(0.1, 1, points) in float32, as ATen computes it: from the start for the
        // first half, from the end for the second.
        const float step = (1.0f - 0.1f) / static_cast<float>(points - 1);
        auto linspace = [&](int k) {
            return k < points / 2 ? 0.1f + step * static_cast<float>(k)
                                  : 1.0f - step * static_cast<float>(points - k - 1);
        };
        for (int k = 0; k + 1 < points; ++k) {
            const float a = linspace(k), b = linspace(k + 1);
            const float mean = (a + b) / 2.0f;
            const float decade = static_cast<float>(std::pow(10.0, i - 6));
            values.push_back(decade * mean);
            values.push_back(-decade * mean);
        }
    }
    values.push_back(0.0f);
    values.push_back(1.0f);
    std::sort(values.begin(), values.end());
    return values;
}

uint64_t SyntheticModel::weightBytes() const {
    uint64_t total = 0;
    for (const auto& file : weights) {
        for (const auto& t : file.tensors) total += t.byteSize();
    }
    return total;
}

SyntheticModel planSyntheticModel(const fs::path& dir, const SyntheticOptions& options) {
    if (options.precision != "fp8" && options.precision != "bf16" && options.precision != "nf4") {
        throw std::invalid_argument("unknown precision '" + options.precision +
                                    "' (fp8, bf16 or nf4)");
    }
    if (options.geometry != "real" && options.geometry != "tiny") {
        throw std::invalid_argument("unknown geometry '" + options.geometry + "' (real or tiny)");
    }
    if (options.ditLayers < 1 || options.teLayers < 1) {
        throw std::invalid_argument("layer counts must be at least 1");
    }
    const SyntheticGeometry geometry =
        options.geometry == "real" ? SyntheticGeometry::real() : SyntheticGeometry::tiny();
    const Builder builder(options, geometry);
    SyntheticModel model;

    auto [shards, index] = shard(dir / "transformer", builder.transformer());
    for (auto& file : shards) model.weights.push_back(std::move(file));
    model.textFiles.emplace_back(
        dir / "transformer" / "diffusion_pytorch_model.safetensors.index.json", index);
    model.weights.push_back(
        {dir / "unconditional_transformer" / "diffusion_pytorch_model.safetensors",
         builder.transformer()});
    model.weights.push_back({dir / "text_encoder" / "model.safetensors", builder.textEncoder()});
    model.weights.push_back({dir / "vae" / "diffusion_pytorch_model.safetensors", builder.vae()});

    const std::string ditConfig = dumpJson(builder.transformerConfig());
    model.textFiles.emplace_back(dir / "transformer" / "config.json", ditConfig);
    model.textFiles.emplace_back(dir / "unconditional_transformer" / "config.json", ditConfig);
    model.textFiles.emplace_back(dir / "text_encoder" / "config.json",
                                 dumpJson(builder.textEncoderConfig()));
    model.textFiles.emplace_back(dir / "vae" / "config.json", dumpJson(builder.vaeConfig()));
    const nlohmann::ordered_json modelIndex = {
        {"_class_name", "Ideogram4Pipeline"},
        {"transformer", {"ideogram4", "Ideogram4Transformer2DModel"}},
        {"unconditional_transformer", {"ideogram4", "Ideogram4Transformer2DModel"}},
        {"text_encoder", {"transformers", "Qwen3VLModel"}},
        {"tokenizer", {"transformers", "Qwen2TokenizerFast"}},
        {"vae", {"diffusers", "AutoencoderKLFlux2"}},
        {"_i4studio",
         {{"synthetic",
           {{"writer", "bench_synthetic_model"},
            {"weights", "random"},
            {"precision", options.precision},
            {"geometry", options.geometry},
            {"seed", options.seed}}}}}};
    model.textFiles.emplace_back(dir / "model_index.json", dumpJson(modelIndex));
    return model;
}

}  // namespace i4::bench
