#include "core/vae/flux2_vae.h"

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

#include <cmath>
#include <iostream>
#include <optional>
#include <set>
#include <vector>

#include "core/errors.h"
#include "core/io/checkpoint.h"
#include "core/io/json_file.h"
#include "core/model/linear.h"
#include "core/runtime/torch_compat.h"

namespace i4::vae {
namespace {

constexpr double kNormEps = 1e-6;          // every GroupNorm of the FLUX.2 VAE
constexpr int64_t kAttentionChunk = 4096;  // query rows per attention chunk (bounds memory)

// Reads tensors by checkpoint name, checks their shapes and remembers what was used, so that the
// loader can report keys the file has but the model does not.
class Loader {
public:
    Loader(const io::Checkpoint& checkpoint, const Flux2VaeOptions& options,
           std::vector<std::pair<std::string, at::Tensor>>& named)
        : m_checkpoint(checkpoint), m_options(options), m_named(named) {}

    at::Tensor take(const std::string& key, const std::vector<int64_t>& shape) {
        if (!m_checkpoint.contains(key)) m_checkpoint.fail(key, "is missing");
        at::Tensor tensor = m_checkpoint.tensor(key);
        if (tensor.sizes() != at::IntArrayRef(shape)) {
            m_checkpoint.fail(
                key, "has shape " + shapeText(tensor.sizes()) + ", expected " + shapeText(shape));
        }
        m_used.insert(key);
        at::Tensor loaded = tensor.to(m_options.device, m_options.dtype, false, true);
        m_named.emplace_back(key, loaded);
        return loaded;
    }

    model::Linear linear(const std::string& prefix, int64_t in, int64_t out) {
        model::Linear layer = model::Linear::load(m_checkpoint, prefix, true);
        if (layer.inFeatures() != in || layer.outFeatures() != out) {
            m_checkpoint.fail(prefix + ".weight",
                              "is not [" + std::to_string(out) + ", " + std::to_string(in) + "]");
        }
        layer.prepare(m_options.dtype, m_options.device);
        m_used.insert(prefix + ".weight");
        m_used.insert(prefix + ".bias");
        m_named.emplace_back(prefix + ".weight", layer.denseWeight());
        m_named.emplace_back(prefix + ".bias", layer.bias());
        return layer;
    }

    void markUsed(const std::string& key) { m_used.insert(key); }

    void checkUnexpected(bool withEncoder) const {
        std::string unexpected;
        int count = 0;
        for (const auto& key : m_checkpoint.keys()) {
            if (m_used.count(key) != 0) continue;
            const bool encoderSide =
                key.rfind("encoder.", 0) == 0 || key.rfind("quant_conv.", 0) == 0;
            if (!withEncoder && encoderSide) continue;
            if (count++ < 5) unexpected += (unexpected.empty() ? "" : ", ") + key;
        }
        if (count > 0) {
            throw ModelError("vae (" + m_checkpoint.dir().string() + "): " + std::to_string(count) +
                             " unexpected tensor(s): " + unexpected + (count > 5 ? ", ..." : ""));
        }
    }

private:
    static std::string shapeText(at::IntArrayRef shape) {
        std::string text = "[";
        for (size_t i = 0; i < shape.size(); ++i) {
            text += (i ? ", " : "") + std::to_string(shape[i]);
        }
        return text + "]";
    }

    const io::Checkpoint& m_checkpoint;
    const Flux2VaeOptions& m_options;
    std::vector<std::pair<std::string, at::Tensor>>& m_named;
    std::set<std::string> m_used;
};

struct Conv {
    at::Tensor weight;  // [out, in, k, k]
    at::Tensor bias;    // [out]
    int64_t stride = 1;
    int64_t padding = 1;

    static Conv load(Loader& loader, const std::string& prefix, int64_t in, int64_t out,
                     int64_t kernel, int64_t stride = 1) {
        Conv conv;
        conv.weight = loader.take(prefix + ".weight", {out, in, kernel, kernel});
        conv.bias = loader.take(prefix + ".bias", {out});
        conv.stride = stride;
        conv.padding = stride == 1 ? kernel / 2 : 0;
        return conv;
    }
    at::Tensor operator()(const at::Tensor& x) const {
        return at::conv2d(x, weight, bias, stride, padding);
    }
};

struct GroupNorm {
    at::Tensor weight;  // [C]
    at::Tensor bias;    // [C]
    int64_t groups = 32;

    static GroupNorm load(Loader& loader, const std::string& prefix, int64_t channels,
                          int64_t groups) {
        return {loader.take(prefix + ".weight", {channels}),
                loader.take(prefix + ".bias", {channels}), groups};
    }
    at::Tensor operator()(const at::Tensor& x) const {
        return at::group_norm(x, groups, weight, bias, kNormEps);
    }
};

struct ResnetBlock {
    GroupNorm norm1, norm2;
    Conv conv1, conv2;
    std::optional<Conv> shortcut;  // 1x1 when the channel count changes

    static ResnetBlock load(Loader& loader, const std::string& prefix, int64_t in, int64_t out,
                            int64_t groups) {
        ResnetBlock block;
        block.norm1 = GroupNorm::load(loader, prefix + ".norm1", in, groups);
        block.conv1 = Conv::load(loader, prefix + ".conv1", in, out, 3);
        block.norm2 = GroupNorm::load(loader, prefix + ".norm2", out, groups);
        block.conv2 = Conv::load(loader, prefix + ".conv2", out, out, 3);
        if (in != out) block.shortcut = Conv::load(loader, prefix + ".conv_shortcut", in, out, 1);
        return block;
    }
    at::Tensor operator()(const at::Tensor& x) const {
        at::Tensor h = conv1(at::silu(norm1(x)));
        h = conv2(at::silu(norm2(h)));
        return (shortcut ? (*shortcut)(x) : x) + h;
    }
};

// Single-head self-attention over all positions (head dim = C), q/k/v/out as 2-D Linears.
struct AttentionBlock {
    GroupNorm norm;
    model::Linear toQ, toK, toV, toOut;

    static AttentionBlock load(Loader& loader, const std::string& prefix, int64_t channels,
                               int64_t groups) {
        AttentionBlock block;
        block.norm = GroupNorm::load(loader, prefix + ".group_norm", channels, groups);
        block.toQ = loader.linear(prefix + ".to_q", channels, channels);
        block.toK = loader.linear(prefix + ".to_k", channels, channels);
        block.toV = loader.linear(prefix + ".to_v", channels, channels);
        block.toOut = loader.linear(prefix + ".to_out.0", channels, channels);
        return block;
    }
    at::Tensor operator()(const at::Tensor& x) const {
        const int64_t batch = x.size(0), channels = x.size(1), height = x.size(2),
                      width = x.size(3);
        // [B, C, H, W] -> [B, 1, HW, C]
        at::Tensor h = norm(x).reshape({batch, channels, height * width}).transpose(1, 2);
        const at::Tensor q = toQ(h).unsqueeze(1);
        const at::Tensor k = toK(h).unsqueeze(1);
        const at::Tensor v = toV(h).unsqueeze(1);
        const double scale = 1.0 / std::sqrt(static_cast<double>(channels));
        const int64_t length = q.size(2);
        at::Tensor attended;
        if (length <= kAttentionChunk) {
            attended = runtime::attention(q, k, v, at::Tensor(), scale);
        } else {
            std::vector<at::Tensor> parts;
            for (int64_t start = 0; start < length; start += kAttentionChunk) {
                const int64_t end = std::min(length, start + kAttentionChunk);
                parts.push_back(
                    runtime::attention(q.slice(2, start, end), k, v, at::Tensor(), scale));
            }
            attended = at::cat(parts, 2);
        }
        h = toOut(attended.squeeze(1));  // [B, HW, C]
        return x + h.transpose(1, 2).reshape({batch, channels, height, width});
    }
};

struct MidBlock {
    ResnetBlock first, second;
    std::optional<AttentionBlock> attention;

    static MidBlock load(Loader& loader, const std::string& prefix, int64_t channels,
                         int64_t groups, bool withAttention) {
        MidBlock block;
        block.first = ResnetBlock::load(loader, prefix + ".resnets.0", channels, channels, groups);
        if (withAttention) {
            block.attention =
                AttentionBlock::load(loader, prefix + ".attentions.0", channels, groups);
        }
        block.second = ResnetBlock::load(loader, prefix + ".resnets.1", channels, channels, groups);
        return block;
    }
    at::Tensor operator()(const at::Tensor& x) const {
        at::Tensor h = first(x);
        if (attention) h = (*attention)(h);
        return second(h);
    }
};

struct Encoder {
    Conv convIn;
    std::vector<std::vector<ResnetBlock>> resnets;  // per level
    std::vector<std::optional<Conv>> downsamplers;  // all levels but the last
    MidBlock mid;
    GroupNorm normOut;
    Conv convOut;
    std::optional<Conv> quantConv;

    static Encoder load(Loader& loader, const Flux2VaeConfig& config) {
        Encoder encoder;
        const auto& channels = config.blockOutChannels;
        const int64_t groups = config.normNumGroups;
        encoder.convIn = Conv::load(loader, "encoder.conv_in", config.inChannels, channels[0], 3);
        int64_t in = channels[0];
        for (size_t level = 0; level < channels.size(); ++level) {
            const std::string prefix = "encoder.down_blocks." + std::to_string(level);
            std::vector<ResnetBlock> blocks;
            for (int i = 0; i < config.layersPerBlock; ++i) {
                blocks.push_back(ResnetBlock::load(loader, prefix + ".resnets." + std::to_string(i),
                                                   in, channels[level], groups));
                in = channels[level];
            }
            encoder.resnets.push_back(std::move(blocks));
            std::optional<Conv> down;
            if (level + 1 < channels.size()) {
                down = Conv::load(loader, prefix + ".downsamplers.0.conv", in, in, 3, 2);
            }
            encoder.downsamplers.push_back(std::move(down));
        }
        encoder.mid =
            MidBlock::load(loader, "encoder.mid_block", in, groups, config.midBlockAddAttention);
        encoder.normOut = GroupNorm::load(loader, "encoder.conv_norm_out", in, groups);
        const int64_t moments = 2 * config.latentChannels;
        encoder.convOut = Conv::load(loader, "encoder.conv_out", in, moments, 3);
        if (config.useQuantConv) {
            encoder.quantConv = Conv::load(loader, "quant_conv", moments, moments, 1);
        }
        return encoder;
    }
    at::Tensor operator()(const at::Tensor& image) const {
        at::Tensor h = convIn(image);
        for (size_t level = 0; level < resnets.size(); ++level) {
            for (const auto& block : resnets[level]) h = block(h);
            if (downsamplers[level]) {
                // Asymmetric padding (right and bottom only), then a stride-2 conv without padding.
                h = (*downsamplers[level])(at::constant_pad_nd(h, {0, 1, 0, 1}, 0));
            }
        }
        h = mid(h);
        h = convOut(at::silu(normOut(h)));
        return quantConv ? (*quantConv)(h) : h;
    }
};

struct Decoder {
    std::optional<Conv> postQuantConv;
    Conv convIn;
    MidBlock mid;
    std::vector<std::vector<ResnetBlock>> resnets;  // per up block, low -> high resolution
    std::vector<std::optional<Conv>> upsamplers;    // all up blocks but the last
    GroupNorm normOut;
    Conv convOut;

    static Decoder load(Loader& loader, const Flux2VaeConfig& config) {
        Decoder decoder;
        const std::vector<int> channels(config.decoderChannels().rbegin(),
                                        config.decoderChannels().rend());
        const int64_t groups = config.normNumGroups;
        const int64_t latent = config.latentChannels;
        if (config.usePostQuantConv) {
            decoder.postQuantConv = Conv::load(loader, "post_quant_conv", latent, latent, 1);
        }
        decoder.convIn = Conv::load(loader, "decoder.conv_in", latent, channels[0], 3);
        decoder.mid = MidBlock::load(loader, "decoder.mid_block", channels[0], groups,
                                     config.midBlockAddAttention);
        int64_t in = channels[0];
        for (size_t level = 0; level < channels.size(); ++level) {
            const std::string prefix = "decoder.up_blocks." + std::to_string(level);
            std::vector<ResnetBlock> blocks;
            for (int i = 0; i < config.layersPerBlock + 1; ++i) {
                blocks.push_back(ResnetBlock::load(loader, prefix + ".resnets." + std::to_string(i),
                                                   in, channels[level], groups));
                in = channels[level];
            }
            decoder.resnets.push_back(std::move(blocks));
            std::optional<Conv> up;
            if (level + 1 < channels.size()) {
                up = Conv::load(loader, prefix + ".upsamplers.0.conv", in, in, 3);
            }
            decoder.upsamplers.push_back(std::move(up));
        }
        decoder.normOut = GroupNorm::load(loader, "decoder.conv_norm_out", in, groups);
        decoder.convOut = Conv::load(loader, "decoder.conv_out", in, config.outChannels, 3);
        return decoder;
    }
    at::Tensor operator()(const at::Tensor& latent) const {
        at::Tensor h = postQuantConv ? (*postQuantConv)(latent) : latent;
        h = mid(convIn(h));
        for (size_t level = 0; level < resnets.size(); ++level) {
            for (const auto& block : resnets[level]) h = block(h);
            if (upsamplers[level]) {
                h = (*upsamplers[level])(at::upsample_nearest2d(h, {2 * h.size(2), 2 * h.size(3)}));
            }
        }
        return convOut(at::silu(normOut(h)));
    }
};

}  // namespace

struct Flux2Vae::Impl {
    Flux2VaeConfig config;
    Flux2VaeOptions options;
    BatchNormComparison batchNorm;
    Decoder decoder;
    std::optional<Encoder> encoder;
    std::vector<std::pair<std::string, at::Tensor>> named;
};

Flux2Vae Flux2Vae::load(const std::filesystem::path& vaeDir, const Flux2VaeOptions& options) {
    if (options.dtype != at::kFloat && options.dtype != at::kBFloat16 &&
        options.dtype != at::kHalf) {
        throw InputError("vae: unsupported compute dtype " +
                         std::string(c10::toString(options.dtype)));
    }
    auto impl = std::make_shared<Impl>();
    impl->options = options;
    const auto configPath = vaeDir / "config.json";
    impl->config =
        Flux2VaeConfig::fromJson(io::readJsonFile(configPath, "vae config"), configPath.string());
    const io::Checkpoint checkpoint = io::Checkpoint::openFolder(vaeDir, "vae");
    Loader loader(checkpoint, impl->options, impl->named);
    impl->decoder = Decoder::load(loader, impl->config);
    if (options.withEncoder) impl->encoder = Encoder::load(loader, impl->config);

    if (checkpoint.contains("bn.running_mean") && checkpoint.contains("bn.running_var")) {
        impl->batchNorm =
            compareWithBatchNorm(checkpoint.tensor("bn.running_mean"),
                                 checkpoint.tensor("bn.running_var"), impl->config.batchNormEps);
    } else {
        impl->batchNorm.summary =
            "the VAE file has no bn statistics; using the published "
            "latent constants";
    }
    for (const char* key : {"bn.running_mean", "bn.running_var", "bn.num_batches_tracked"}) {
        loader.markUsed(key);
    }
    loader.checkUnexpected(options.withEncoder);

    const std::string message = "vae (" + vaeDir.string() + "): " + impl->batchNorm.summary;
    if (options.log) {
        options.log(message);
    } else {
        std::clog << "i4: " << message << '\n';
    }
    Flux2Vae vae;
    vae.m_impl = std::move(impl);
    return vae;
}

const Flux2VaeConfig& Flux2Vae::config() const { return m_impl->config; }
const BatchNormComparison& Flux2Vae::batchNormComparison() const { return m_impl->batchNorm; }
bool Flux2Vae::hasEncoder() const { return m_impl->encoder.has_value(); }
const std::vector<std::pair<std::string, at::Tensor>>& Flux2Vae::namedParameters() const {
    return m_impl->named;
}
at::ScalarType Flux2Vae::dtype() const { return m_impl->options.dtype; }
at::Device Flux2Vae::device() const { return m_impl->options.device; }

at::Tensor Flux2Vae::decode(const at::Tensor& latent) const {
    const auto& config = m_impl->config;
    if (latent.dim() != 4 || latent.size(1) != config.latentChannels) {
        throw InputError("vae decode: expected a latent [B, " +
                         std::to_string(config.latentChannels) + ", h, w]");
    }
    c10::InferenceMode guard(!m_impl->options.autograd);
    const at::Tensor x = latent.to(m_impl->options.device, m_impl->options.dtype);
    return m_impl->decoder(x).to(at::kFloat);
}

at::Tensor Flux2Vae::decodeTokens(const at::Tensor& tokens, int64_t gridH, int64_t gridW) const {
    c10::InferenceMode guard(!m_impl->options.autograd);
    // De-normalise in float32 before any cast to the compute dtype.
    const at::Tensor latent = unpatchify(denormalizeTokens(tokens.to(at::kFloat)), gridH, gridW);
    std::vector<at::Tensor> images;
    for (int64_t i = 0; i < latent.size(0); ++i) {
        images.push_back(decode(latent.slice(0, i, i + 1)).clamp(-1.0, 1.0));
    }
    return at::cat(images, 0);
}

at::Tensor Flux2Vae::encodeMoments(const at::Tensor& image) const {
    if (!m_impl->encoder) throw InputError("vae encode: the VAE was loaded without its encoder");
    const int factor = m_impl->config.downscaleFactor();
    if (image.dim() != 4 || image.size(1) != m_impl->config.inChannels ||
        image.size(2) % factor != 0 || image.size(3) % factor != 0) {
        throw InputError("vae encode: expected an image [B, 3, H, W] with H and W multiples of " +
                         std::to_string(factor));
    }
    c10::InferenceMode guard(!m_impl->options.autograd);
    const at::Tensor x = image.to(m_impl->options.device, m_impl->options.dtype);
    return (*m_impl->encoder)(x).to(at::kFloat);
}

at::Tensor Flux2Vae::encodeTokens(const at::Tensor& image) const {
    const int64_t factor = m_impl->config.downscaleFactor() * kPatch;
    if (image.dim() != 4 || image.size(2) % factor != 0 || image.size(3) % factor != 0) {
        throw InputError("vae encode: image sides must be multiples of " + std::to_string(factor));
    }
    c10::InferenceMode guard(!m_impl->options.autograd);
    // The distribution's mode: the first latentChannels moments are the mean.
    const at::Tensor mean = encodeMoments(image).slice(1, 0, m_impl->config.latentChannels);
    return normalizeTokens(patchify(mean.contiguous()));
}

at::Tensor toRgb8(const at::Tensor& image) {
    if (image.dim() != 4 || image.size(1) != 3) {
        throw InputError("toRgb8: expected an image [B, 3, H, W]");
    }
    const at::Tensor x = image.to(at::kCPU, at::kFloat).clamp(-1.0, 1.0);
    // float32 like the reference; at::round rounds half to even as torch.round does.
    return at::round((x + 1.0f) * 127.5f).to(at::kByte).permute({0, 2, 3, 1}).contiguous();
}

at::Tensor fromRgb8(const at::Tensor& pixels) {
    if (pixels.dim() != 4 || pixels.size(3) != 3 || pixels.scalar_type() != at::kByte) {
        throw InputError("fromRgb8: expected uint8 pixels [B, H, W, 3]");
    }
    return (pixels.to(at::kFloat) / 127.5f - 1.0f).permute({0, 3, 1, 2}).contiguous();
}

}  // namespace i4::vae
