#include "core/model/ideogram4_transformer.h"

#include <ATen/ATen.h>

#include <cmath>
#include <set>

#include "core/errors.h"
#include "core/io/checkpoint.h"
#include "core/io/lora_keys.h"
#include "core/runtime/fused_ops.h"
#include "core/runtime/torch_compat.h"

namespace i4::model {
namespace {

constexpr int64_t kIndicatorImage = 2;
constexpr int64_t kIndicatorText = 3;
constexpr double kLlmNormEps = 1e-6;
constexpr double kFinalNormEps = 1e-6;
constexpr double kTimeScale = 1e4;

// Maps checkpoint tensors onto the modules, checking shapes and remembering which keys were
// used, so leftovers can be reported as unexpected.
class Loader {
public:
    Loader(const io::Checkpoint& ckpt, const ComputeOptions& options)
        : m_ckpt(ckpt), m_options(options) {}

    bool has(const std::string& prefix) const { return m_ckpt.contains(prefix + ".weight"); }

    Linear linear(const std::string& prefix, int64_t out, int64_t in, bool bias) {
        if (!m_ckpt.contains(prefix + ".weight")) m_ckpt.fail(prefix + ".weight", "is missing");
        Linear layer = Linear::load(m_ckpt, prefix, bias);
        checkLinear(layer, prefix, out, in);
        m_usedPrefixes.insert(prefix + ".");
        return layer;
    }

    // Split diffusers projections stacked into one layer (rows q | k | v).
    Linear fused(const std::vector<std::string>& prefixes, const std::string& name, int64_t out,
                 int64_t in) {
        std::vector<Linear> parts;
        for (const auto& p : prefixes) parts.push_back(linear(p, out / 3, in, false));
        Linear layer = Linear::concatRows(parts);
        checkLinear(layer, name, out, in);
        return layer;
    }

    at::Tensor vector(const std::string& key, int64_t size) {
        if (!m_ckpt.contains(key)) m_ckpt.fail(key, "is missing");
        at::Tensor v = m_ckpt.tensor(key);
        if (v.dim() != 1 || v.size(0) != size) {
            m_ckpt.fail(key,
                        "has shape " + shapeText(v) + ", expected [" + std::to_string(size) + "]");
        }
        m_usedKeys.insert(key);
        return v.to(m_options.device, at::kFloat).contiguous();
    }

    at::Tensor matrix(const std::string& key, int64_t rows, int64_t cols) {
        if (!m_ckpt.contains(key)) m_ckpt.fail(key, "is missing");
        at::Tensor v = m_ckpt.tensor(key);
        if (v.dim() != 2 || v.size(0) != rows || v.size(1) != cols) {
            m_ckpt.fail(key, "has shape " + shapeText(v) + ", expected [" + std::to_string(rows) +
                                 ", " + std::to_string(cols) + "]");
        }
        m_usedKeys.insert(key);
        return v.to(m_options.device, m_options.dtype).contiguous();
    }

    // Every tensor of the file must belong to a module; a leftover usually means config.json
    // disagrees with the weights (e.g. num_layers).
    void checkNothingLeft() const {
        std::vector<std::string> left;
        for (const auto& key : m_ckpt.keys()) {
            if (m_usedKeys.count(key)) continue;
            bool used = false;
            for (const auto& prefix : m_usedPrefixes) {
                if (key.compare(0, prefix.size(), prefix) == 0) {
                    used = true;
                    break;
                }
            }
            if (!used) left.push_back(key);
        }
        if (left.empty()) return;
        std::string list;
        for (size_t i = 0; i < left.size() && i < 5; ++i) list += (i ? ", " : "") + left[i];
        if (left.size() > 5) list += " and " + std::to_string(left.size() - 5) + " more";
        throw ModelError(m_ckpt.label() + " (" + m_ckpt.dir().string() + "): unexpected tensors " +
                         list + " (does config.json match the weights?)");
    }

private:
    static std::string shapeText(const at::Tensor& t) {
        std::string s = "[";
        for (int64_t i = 0; i < t.dim(); ++i) s += (i ? ", " : "") + std::to_string(t.size(i));
        return s + "]";
    }

    void checkLinear(const Linear& layer, const std::string& prefix, int64_t out, int64_t in) {
        if (layer.outFeatures() != out || layer.inFeatures() != in) {
            m_ckpt.fail(prefix + ".weight", "is [" + std::to_string(layer.outFeatures()) + ", " +
                                                std::to_string(layer.inFeatures()) +
                                                "], expected [" + std::to_string(out) + ", " +
                                                std::to_string(in) + "] from config.json");
        }
    }

    const io::Checkpoint& m_ckpt;
    ComputeOptions m_options;
    std::set<std::string> m_usedKeys;
    std::set<std::string> m_usedPrefixes;
};

at::Tensor rmsNorm(const at::Tensor& x, const at::Tensor& weight, double eps) {
    return runtime::rmsNormalize(x, eps) * weight.to(x.scalar_type());
}

void checkShape(const at::Tensor& t, const char* name, std::vector<int64_t> expected) {
    bool ok = t.defined() && t.dim() == static_cast<int64_t>(expected.size());
    for (size_t i = 0; ok && i < expected.size(); ++i) ok = t.size(i) == expected[i];
    if (!ok) {
        std::string want = "[";
        for (size_t i = 0; i < expected.size(); ++i) {
            want += (i ? ", " : "") + std::to_string(expected[i]);
        }
        std::string got = t.defined() ? "[" : "undefined";
        for (int64_t i = 0; t.defined() && i < t.dim(); ++i) {
            got += (i ? ", " : "") + std::to_string(t.size(i));
        }
        if (t.defined()) got += "]";
        throw InputError(std::string("Ideogram4Transformer::forward: ") + name + " is " + got +
                         ", expected " + want + "]");
    }
}

}  // namespace

Ideogram4Transformer Ideogram4Transformer::loadFolder(const std::filesystem::path& dir,
                                                      const std::string& label,
                                                      const ComputeOptions& options) {
    const Ideogram4Config config = Ideogram4Config::fromFolder(dir);
    io::Checkpoint ckpt = io::Checkpoint::openFolder(dir, label);
    // Single-file repacks (ComfyUI) put "model.diffusion_model." or similar before our names.
    ckpt.stripKeyPrefix(io::transformerKeyPrefix(ckpt.keys()));
    return load(ckpt, config, options);
}

Ideogram4Transformer Ideogram4Transformer::load(const io::Checkpoint& ckpt,
                                                const Ideogram4Config& config,
                                                const ComputeOptions& options) {
    Ideogram4Transformer m;
    m.m_config = config;
    m.m_options = options;
    const int64_t d = config.hiddenSize();
    const int64_t a = config.adalnDim;
    Loader loader(ckpt, options);

    m.m_inputProj = loader.linear("input_proj", d, config.inChannels, true);
    m.m_llmCondNorm = loader.vector("llm_cond_norm.weight", config.llmFeaturesDim);
    m.m_llmCondProj = loader.linear("llm_cond_proj", d, config.llmFeaturesDim, true);
    m.m_timeMlpIn = loader.linear("t_embedding.mlp_in", d, d, true);
    m.m_timeMlpOut = loader.linear("t_embedding.mlp_out", d, d, true);
    m.m_adalnProj = loader.linear("adaln_proj", a, d, true);
    m.m_imageIndicator = loader.matrix("embed_image_indicator.weight", 2, d);

    for (int64_t i = 0; i < config.numLayers; ++i) {
        const std::string p = "layers." + std::to_string(i) + ".";
        Block b;
        if (loader.has(p + "attention.qkv")) {
            b.qkv = loader.linear(p + "attention.qkv", 3 * d, d, false);
            b.out = loader.linear(p + "attention.o", d, d, false);
        } else if (loader.has(p + "attention.to_q")) {
            b.qkv = loader.fused({p + "attention.to_q", p + "attention.to_k", p + "attention.to_v"},
                                 p + "attention.qkv", 3 * d, d);
            b.out = loader.linear(p + "attention.to_out.0", d, d, false);
        } else {
            ckpt.fail(p + "attention.qkv.weight",
                      "is missing (nor is the split layout's attention.to_q.weight there)");
        }
        b.normQ = loader.vector(p + "attention.norm_q.weight", config.headDim);
        b.normK = loader.vector(p + "attention.norm_k.weight", config.headDim);
        b.w1 = loader.linear(p + "feed_forward.w1", config.intermediateSize, d, false);
        b.w2 = loader.linear(p + "feed_forward.w2", d, config.intermediateSize, false);
        b.w3 = loader.linear(p + "feed_forward.w3", config.intermediateSize, d, false);
        b.attentionNorm1 = loader.vector(p + "attention_norm1.weight", d);
        b.attentionNorm2 = loader.vector(p + "attention_norm2.weight", d);
        b.ffnNorm1 = loader.vector(p + "ffn_norm1.weight", d);
        b.ffnNorm2 = loader.vector(p + "ffn_norm2.weight", d);
        b.adalnModulation = loader.linear(p + "adaln_modulation", 4 * d, a, true);
        m.m_blocks.push_back(std::move(b));
    }
    m.m_finalLinear = loader.linear("final_layer.linear", config.inChannels, d, true);
    m.m_finalModulation = loader.linear("final_layer.adaln_modulation", d, a, true);
    loader.checkNothingLeft();

    m.placeWeights();
    return m;
}

void Ideogram4Transformer::placeWeights() {
    // Resident weights are dequantised once (on the compute device): the forward then runs plain
    // matmuls in the compute dtype.
    for (Linear* l : {&m_inputProj, &m_timeMlpIn, &m_timeMlpOut, &m_adalnProj, &m_finalLinear,
                      &m_finalModulation}) {
        l->prepare(m_options.dtype, m_options.device);
    }
    m_llmCondProj.place(m_options.placement, m_options.dtype, m_options.device);
    const WeightPlacement matmuls =
        m_options.fp8Matmul ? WeightPlacement::Fp8Matmul : m_options.placement;
    for (Block& b : m_blocks) {
        for (Linear* l : {&b.qkv, &b.out, &b.w1, &b.w2, &b.w3}) {
            l->place(matmuls, m_options.dtype, m_options.device);
        }
        b.adalnModulation.place(m_options.placement, m_options.dtype, m_options.device);
    }

    // inv_freq = 1 / theta^(2i / head_dim) in float32, built with the same ATen ops as the
    // reference so the values agree to the bit (they multiply positions up to 65536 + grid).
    at::Tensor exponents = at::arange(0, m_config.headDim, 2, at::kLong).to(at::kFloat) /
                           static_cast<double>(m_config.headDim);  // [Dh/2] f32
    m_invFreq = at::reciprocal(at::pow(m_config.ropeTheta, exponents)).to(m_options.device);
}

Ideogram4Transformer Ideogram4Transformer::random(const Ideogram4Config& config,
                                                  const ComputeOptions& options, uint64_t seed) {
    Ideogram4Transformer m;
    m.m_config = config;
    m.m_options = options;
    at::manual_seed(seed);
    const auto f32 = at::TensorOptions(at::kFloat).device(options.device);
    const int64_t d = config.hiddenSize();
    const int64_t a = config.adalnDim;
    // Small weights keep every activation finite through 34 blocks, as trained weights do.
    const auto linear = [&](const std::string& name, int64_t out, int64_t in, bool bias) {
        at::Tensor w =
            (at::randn({out, in}, f32) * (1.0 / std::sqrt(double(in)))).to(options.dtype);
        return Linear::fromDense(name, w,
                                 bias ? at::zeros({out}, f32).to(options.dtype) : at::Tensor());
    };
    const auto ones = [&](int64_t n) { return at::ones({n}, f32); };
    m.m_inputProj = linear("input_proj", d, config.inChannels, true);
    m.m_llmCondNorm = ones(config.llmFeaturesDim);
    m.m_llmCondProj = linear("llm_cond_proj", d, config.llmFeaturesDim, true);
    m.m_timeMlpIn = linear("t_embedding.mlp_in", d, d, true);
    m.m_timeMlpOut = linear("t_embedding.mlp_out", d, d, true);
    m.m_adalnProj = linear("adaln_proj", a, d, true);
    m.m_imageIndicator = (at::randn({2, d}, f32) * 0.02).to(options.dtype);
    for (int64_t i = 0; i < config.numLayers; ++i) {
        const std::string p = "layers." + std::to_string(i) + ".";
        Block b;
        b.qkv = linear(p + "attention.qkv", 3 * d, d, false);
        b.out = linear(p + "attention.o", d, d, false);
        b.normQ = ones(config.headDim);
        b.normK = ones(config.headDim);
        b.w1 = linear(p + "feed_forward.w1", config.intermediateSize, d, false);
        b.w2 = linear(p + "feed_forward.w2", d, config.intermediateSize, false);
        b.w3 = linear(p + "feed_forward.w3", config.intermediateSize, d, false);
        b.attentionNorm1 = ones(d);
        b.attentionNorm2 = ones(d);
        b.ffnNorm1 = ones(d);
        b.ffnNorm2 = ones(d);
        b.adalnModulation = linear(p + "adaln_modulation", 4 * d, a, true);
        m.m_blocks.push_back(std::move(b));
    }
    m.m_finalLinear = linear("final_layer.linear", config.inChannels, d, true);
    m.m_finalModulation = linear("final_layer.adaln_modulation", d, a, true);
    m.placeWeights();
    return m;
}

Linear* Ideogram4Transformer::linearNamed(const std::string& module) {
    static const std::pair<const char*, Linear Ideogram4Transformer::*> kTop[] = {
        {"input_proj", &Ideogram4Transformer::m_inputProj},
        {"llm_cond_proj", &Ideogram4Transformer::m_llmCondProj},
        {"t_embedding.mlp_in", &Ideogram4Transformer::m_timeMlpIn},
        {"t_embedding.mlp_out", &Ideogram4Transformer::m_timeMlpOut},
        {"adaln_proj", &Ideogram4Transformer::m_adalnProj},
        {"final_layer.linear", &Ideogram4Transformer::m_finalLinear},
        {"final_layer.adaln_modulation", &Ideogram4Transformer::m_finalModulation}};
    for (const auto& [name, member] : kTop) {
        if (module == name) return &(this->*member);
    }
    if (module.compare(0, 7, "layers.") != 0) return nullptr;
    const size_t dot = module.find('.', 7);
    if (dot == std::string::npos) return nullptr;
    size_t index = 0;
    try {
        index = std::stoul(module.substr(7, dot - 7));
    } catch (const std::exception&) {
        return nullptr;
    }
    if (index >= m_blocks.size()) return nullptr;
    Block& b = m_blocks[index];
    const std::string rest = module.substr(dot + 1);
    if (rest == "attention.qkv") return &b.qkv;
    if (rest == "attention.o") return &b.out;
    if (rest == "feed_forward.w1") return &b.w1;
    if (rest == "feed_forward.w2") return &b.w2;
    if (rest == "feed_forward.w3") return &b.w3;
    if (rest == "adaln_modulation") return &b.adalnModulation;
    return nullptr;
}

LoraApplyReport Ideogram4Transformer::applyLora(const std::vector<LoraAdapter>& adapters,
                                                double weight, LoraMode mode,
                                                const std::string& source) {
    LoraApplyReport report;
    for (const LoraAdapter& a : adapters) {
        Linear* layer = linearNamed(a.module);
        if (!layer) {
            throw ModelError("LoRA " + source + ": '" + a.key + "' adapts " + a.module +
                             ", which this transformer (" + std::to_string(m_blocks.size()) +
                             " layers) does not have");
        }
        at::Tensor up = a.up * weight;  // [rows, r] f32
        if (a.rowSlot >= 0) {
            // A split q/k/v adapter updates its third of the fused rows; the others stay zero.
            const int64_t rows = layer->outFeatures() / 3;
            if (up.size(0) != rows) {
                throw ModelError("LoRA " + source + ": '" + a.key + "' has " +
                                 std::to_string(up.size(0)) + " output rows, expected " +
                                 std::to_string(rows));
            }
            at::Tensor full = at::zeros({layer->outFeatures(), up.size(1)}, up.options());
            full.narrow(0, a.rowSlot * rows, rows).copy_(up);
            up = full;
        }
        if (up.size(0) != layer->outFeatures() || a.down.size(1) != layer->inFeatures()) {
            throw ModelError("LoRA " + source + ": '" + a.key + "' is for a layer of [" +
                             std::to_string(up.size(0)) + ", " + std::to_string(a.down.size(1)) +
                             "] but " + a.module + " is [" + std::to_string(layer->outFeatures()) +
                             ", " + std::to_string(layer->inFeatures()) + "]");
        }
        const bool merged = layer->addLowRank(a.down, up, mode != LoraMode::Unfused,
                                              m_options.dtype, m_options.device);
        ++(merged ? report.merged : report.onTheFly);
    }
    return report;
}

std::vector<std::pair<std::string, at::Tensor>> Ideogram4Transformer::namedParameters() const {
    std::vector<std::pair<std::string, at::Tensor>> named;
    auto linear = [&named](const std::string& prefix, const Linear& layer) {
        if (!layer.denseWeight().defined()) {
            throw Error("namedParameters: " + prefix + " is not stored dense");
        }
        named.emplace_back(prefix + ".weight", layer.denseWeight());
        if (layer.hasBias()) named.emplace_back(prefix + ".bias", layer.bias());
    };
    linear("input_proj", m_inputProj);
    named.emplace_back("llm_cond_norm.weight", m_llmCondNorm);
    linear("llm_cond_proj", m_llmCondProj);
    linear("t_embedding.mlp_in", m_timeMlpIn);
    linear("t_embedding.mlp_out", m_timeMlpOut);
    linear("adaln_proj", m_adalnProj);
    named.emplace_back("embed_image_indicator.weight", m_imageIndicator);
    for (size_t i = 0; i < m_blocks.size(); ++i) {
        const std::string p = "layers." + std::to_string(i) + ".";
        const Block& b = m_blocks[i];
        linear(p + "attention.qkv", b.qkv);
        linear(p + "attention.o", b.out);
        named.emplace_back(p + "attention.norm_q.weight", b.normQ);
        named.emplace_back(p + "attention.norm_k.weight", b.normK);
        linear(p + "feed_forward.w1", b.w1);
        linear(p + "feed_forward.w2", b.w2);
        linear(p + "feed_forward.w3", b.w3);
        named.emplace_back(p + "attention_norm1.weight", b.attentionNorm1);
        named.emplace_back(p + "attention_norm2.weight", b.attentionNorm2);
        named.emplace_back(p + "ffn_norm1.weight", b.ffnNorm1);
        named.emplace_back(p + "ffn_norm2.weight", b.ffnNorm2);
        linear(p + "adaln_modulation", b.adalnModulation);
    }
    linear("final_layer.linear", m_finalLinear);
    linear("final_layer.adaln_modulation", m_finalModulation);
    return named;
}

// Note [DiT MRoPE]
// Each position is (T, H, W). The head_dim / 2 rotary frequencies are assigned to axes
// interleaved: slots 1, 4, 7, ... below 3 * mrope_section[1] take H, slots 2, 5, 8, ... below
// 3 * mrope_section[2] take W, all others (including every slot past the interleaved range) take
// T. The angle position * inv_freq is formed in float32: image positions start at 65536, where a
// bf16 product would collapse whole blocks of positions onto one angle (spec F.4).
std::pair<at::Tensor, at::Tensor> Ideogram4Transformer::rotaryTables(
    const at::Tensor& positionIds) const {
    at::Tensor pos = positionIds.to(m_options.device, at::kFloat);  // [B, L, 3] f32 (exact)
    at::Tensor freqs = pos.unsqueeze(-1) * m_invFreq;               // [B, L, 3, Dh/2] f32
    at::Tensor angles = freqs.select(2, 0).clone();                 // [B, L, Dh/2] T axis
    const int64_t slots = m_invFreq.size(0);
    for (int64_t axis = 1; axis <= 2; ++axis) {
        const int64_t end = std::min<int64_t>(3 * m_config.mropeSection[axis], slots);
        if (end <= axis) continue;
        at::Tensor index =
            at::arange(axis, end, 3, at::TensorOptions(at::kLong).device(m_options.device));
        angles.index_copy_(-1, index, freqs.select(2, axis).index_select(-1, index));
    }
    at::Tensor emb = at::cat({angles, angles}, -1);  // [B, L, Dh] f32
    return {emb.cos(), emb.sin()};
}

// Sinusoidal embedding of the time scaled by 1e4: sin before cos, frequencies
// exp(-i * ln(1e4) / (half - 1)) (spec F.1).
at::Tensor Ideogram4Transformer::timeEmbedding(const at::Tensor& t) const {
    const int64_t half = m_config.hiddenSize() / 2;
    const auto f32 = at::TensorOptions(at::kFloat).device(m_options.device);
    at::Tensor scaled = t.to(m_options.device, at::kFloat) * kTimeScale;  // [B] f32
    at::Tensor freqs =
        at::exp(at::arange(half, f32) * (-std::log(10000.0) / static_cast<double>(half - 1)));
    at::Tensor args = scaled.unsqueeze(1) * freqs.unsqueeze(0);                  // [B, half] f32
    at::Tensor emb = at::cat({args.sin(), args.cos()}, -1).to(m_options.dtype);  // [B, hidden]
    return m_timeMlpOut(at::silu(m_timeMlpIn(emb)));
}

at::Tensor Ideogram4Transformer::adalnInput(const at::Tensor& t) const {
    return at::silu(m_adalnProj(timeEmbedding(t))).unsqueeze(1);  // [B, 1, A]
}

at::Tensor Ideogram4Transformer::runBlock(const Block& b, const at::Tensor& h,
                                          const at::Tensor& adaln,
                                          const Conditioning& conditioning) const {
    const int64_t batch = h.size(0);
    const int64_t len = h.size(1);
    const int64_t heads = m_config.numHeads;
    const int64_t headDim = m_config.headDim;
    const double eps = m_config.normEps;

    std::vector<at::Tensor> mod = b.adalnModulation(adaln).chunk(4, -1);  // 4 x [B, 1, D]
    at::Tensor scaleMsa = mod[0] + 1.0;
    at::Tensor gateMsa = mod[1].tanh();
    at::Tensor scaleMlp = mod[2] + 1.0;
    at::Tensor gateMlp = mod[3].tanh();

    // Note [Fused block kernels]: each runtime:: op below is one pass on a GPU.
    at::Tensor a = runtime::rmsNormModulate(h, b.attentionNorm1, scaleMsa, eps);  // [B, L, D]
    at::Tensor qkv = b.qkv(a).view({batch, len, 3, heads, headDim});  // [B, L, 3, H, Dh]
    auto [q, k] = runtime::qkNormRope(qkv, b.normQ, b.normK, conditioning.cos, conditioning.sin,
                                      eps);  // [B, L, H, Dh]
    at::Tensor v = qkv.select(2, 2);
    at::Tensor attn = runtime::attention(q.transpose(1, 2), k.transpose(1, 2), v.transpose(1, 2),
                                         conditioning.mask,
                                         1.0 / std::sqrt(double(headDim)));  // [B, H, L, Dh]
    attn = attn.transpose(1, 2).reshape({batch, len, heads * headDim});      // [B, L, D]
    at::Tensor out = runtime::gatedResidualRmsNorm(h, b.out(attn), b.attentionNorm2, gateMsa, eps);

    at::Tensor u = runtime::rmsNormModulate(out, b.ffnNorm1, scaleMlp, eps);
    at::Tensor ff = b.w2(runtime::swiglu(b.w1(u), b.w3(u)));
    return runtime::gatedResidualRmsNorm(out, ff, b.ffnNorm2, gateMlp, eps);
}

at::Tensor Ideogram4Transformer::forward(const at::Tensor& x, const at::Tensor& t,
                                         const at::Tensor& llmFeatures,
                                         const at::Tensor& positionIds,
                                         const at::Tensor& segmentIds,
                                         const at::Tensor& indicator) const {
    if (!x.defined() || x.dim() != 3) {
        throw InputError("Ideogram4Transformer::forward: x must be [B, L, C]");
    }
    checkShape(t, "t", {x.size(0)});
    return forward(x, t.to(m_options.device),
                   prepare(llmFeatures, positionIds, segmentIds, indicator));
}

Ideogram4Transformer::Conditioning Ideogram4Transformer::prepare(
    const at::Tensor& llmFeatures, const at::Tensor& positionIds, const at::Tensor& segmentIds,
    const at::Tensor& indicator) const {
    if (!indicator.defined() || indicator.dim() != 2) {
        throw InputError("Ideogram4Transformer::forward: indicator must be [B, L]");
    }
    Conditioning c;
    c.batch = indicator.size(0);
    c.length = indicator.size(1);
    const int64_t batch = c.batch;
    const int64_t len = c.length;
    if (llmFeatures.defined()) {
        checkShape(llmFeatures, "llmFeatures", {batch, len, m_config.llmFeaturesDim});
    }
    checkShape(positionIds, "positionIds", {batch, len, 3});
    checkShape(segmentIds, "segmentIds", {batch, len});

    const auto dtype = m_options.dtype;
    const auto device = m_options.device;
    at::Tensor ind = indicator.to(device, at::kLong);
    at::Tensor imageTokens = ind == kIndicatorImage;    // [B, L] bool
    c.imageMask = imageTokens.unsqueeze(-1).to(dtype);  // [B, L, 1]

    // The reference projects llm * text_mask for every token and masks the result again, so only
    // text tokens contribute; projecting just those rows gives the same values at a fraction of
    // the cost (the projection is 53248 wide). The forward adds this to input_proj's output,
    // which is exactly zero at text tokens, so the sum is the reference's to the bit.
    at::Tensor embedding =
        at::zeros({batch * len, m_config.hiddenSize()}, at::TensorOptions(dtype).device(device));
    at::Tensor textRows = (ind == kIndicatorText).flatten().nonzero().squeeze(1);  // [T] i64
    if (textRows.numel() > 0) {
        if (!llmFeatures.defined()) {
            throw InputError("Ideogram4Transformer::forward: text tokens but no llmFeatures");
        }
        at::Tensor llm = llmFeatures.reshape({batch * len, m_config.llmFeaturesDim})
                             .index_select(0, textRows.to(llmFeatures.device()))
                             .to(device, dtype);                        // [T, Dllm]
        llm = m_llmCondProj(rmsNorm(llm, m_llmCondNorm, kLlmNormEps));  // [T, D]
        embedding = embedding.index_add(0, textRows, llm);
    }
    c.embedding = embedding.view({batch, len, -1}) +
                  at::embedding(m_imageIndicator, imageTokens.to(at::kLong));  // [B, L, D]

    auto [cos, sin] = rotaryTables(positionIds);  // [B, L, Dh] f32
    c.cos = cos.unsqueeze(2).to(dtype);           // [B, L, 1, Dh]
    c.sin = sin.unsqueeze(2).to(dtype);

    // A boolean [B, 1, L, L] mask only when tokens of different segments (padding) share the
    // batch; with a single segment the mask is all-true and is left out.
    at::Tensor seg = segmentIds.to(device, at::kLong);
    if (!(seg == seg.flatten()[0]).all().item<bool>()) {
        c.mask = (seg.unsqueeze(2) == seg.unsqueeze(1)).unsqueeze(1);
    }
    return c;
}

at::Tensor Ideogram4Transformer::forward(const at::Tensor& x, const at::Tensor& t,
                                         const Conditioning& conditioning) const {
    checkShape(x, "x", {conditioning.batch, conditioning.length, m_config.inChannels});
    checkShape(t, "t", {conditioning.batch});
    const auto dtype = m_options.dtype;
    at::Tensor h = m_inputProj(x.to(m_options.device, dtype) * conditioning.imageMask) *
                   conditioning.imageMask;  // [B, L, D]
    h = h + conditioning.embedding;

    at::Tensor adaln = adalnInput(t);  // [B, 1, A]
    for (const Block& b : m_blocks) h = runBlock(b, h, adaln, conditioning);

    // The final layer applies silu to the already-silu'd adaLN input (spec F.5 item 4).
    at::Tensor scale = m_finalModulation(at::silu(adaln)) + 1.0;  // [B, 1, D]
    at::Tensor normed = at::layer_norm(h.to(at::kFloat), {h.size(-1)}, {}, {}, kFinalNormEps);
    return m_finalLinear(normed.to(dtype) * scale).to(at::kFloat);  // [B, L, C] f32
}

}  // namespace i4::model
