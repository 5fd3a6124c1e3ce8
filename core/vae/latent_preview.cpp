#include "core/vae/latent_preview.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <c10/core/InferenceMode.h>

#include <fstream>
#include <iterator>

#include "core/errors.h"
#include "core/io/safetensors_writer.h"
#include "core/vae/flux2_vae.h"
#include "core/vae/latent_norm.h"

namespace i4::vae {
namespace {

constexpr int kCacheVersion = 1;

// Normalised tokens [1, gh*gw, 128] for one fitting sample: a smooth unit-variance field plus
// some detail. Previews show x0 estimates, which are image-like (large smooth structures); on
// i.i.d. noise latents a linear map explains little of a decode, and mixing them in hurt the fit.
at::Tensor sampleTokens(int64_t gridH, int64_t gridW, at::Generator& generator) {
    const int64_t height = 2 * gridH, width = 2 * gridW;
    const at::Tensor coarse = at::randn(
        {1, kLatentChannels, std::max<int64_t>(1, height / 4), std::max<int64_t>(1, width / 4)},
        generator);
    const at::Tensor smooth = at::upsample_bilinear2d(coarse, {height, width}, false);
    const at::Tensor detail = 0.3 * at::randn({1, kLatentChannels, height, width}, generator);
    return patchify(smooth + detail);
}

std::string safeName(const std::string& fingerprint) {
    std::string name;
    for (char c : fingerprint) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        name.push_back(plain ? c : '_');
    }
    return name.empty() ? "default" : name;
}

}  // namespace

at::Tensor previewFitTokens(const PreviewFitOptions& options) {
    if (options.samples < 1 || options.gridH < 1 || options.gridW < 1) {
        throw InputError("latent preview: the fit needs at least one sample and grid cell");
    }
    at::Generator generator = at::detail::createCPUGenerator(options.seed);
    std::vector<at::Tensor> samples;
    for (int i = 0; i < options.samples; ++i) {
        samples.push_back(sampleTokens(options.gridH, options.gridW, generator));
    }
    return at::cat(samples);
}

LatentPreview::LatentPreview(at::Tensor matrix, at::Tensor bias)
    : m_matrix(matrix.to(at::kCPU, at::kFloat).contiguous()),
      m_bias(bias.to(at::kCPU, at::kFloat).contiguous()) {
    if (m_matrix.sizes() != at::IntArrayRef({kLatentChannels, 3}) ||
        m_bias.sizes() != at::IntArrayRef({3})) {
        throw InputError("latent preview: expected a [32, 3] matrix and a [3] bias");
    }
}

LatentPreview LatentPreview::fit(const Flux2Vae& vae, const PreviewFitOptions& options) {
    c10::InferenceMode guard;
    const at::Tensor samples = previewFitTokens(options);  // [S, gh*gw, 128]
    std::vector<at::Tensor> inputs, targets;
    for (int64_t i = 0; i < samples.size(0); ++i) {
        const at::Tensor tokens = samples.slice(0, i, i + 1);
        // [1, 32, 2gh, 2gw] VAE space
        const at::Tensor latent =
            unpatchify(denormalizeTokens(tokens), options.gridH, options.gridW);
        const at::Tensor image = vae.decode(latent).to(at::kCPU).clamp(-1.0, 1.0);
        // [1, 3, 2gh, 2gw]: the mean colour of the pixels each latent position decodes to
        const at::Tensor pooled = at::adaptive_avg_pool2d(image, {latent.size(2), latent.size(3)});
        inputs.push_back(latent.permute({0, 2, 3, 1}).reshape({-1, kLatentChannels}));
        targets.push_back(pooled.permute({0, 2, 3, 1}).reshape({-1, 3}));
    }
    const at::Tensor x = at::cat(inputs).to(at::kDouble);                              // [N, 32]
    const at::Tensor y = at::cat(targets).to(at::kDouble);                             // [N, 3]
    const at::Tensor design = at::cat({x, at::ones({x.size(0), 1}, x.options())}, 1);  // [N, 33]
    const at::Tensor solution = std::get<0>(at::linalg_lstsq(design, y));              // [33, 3]
    return LatentPreview(solution.slice(0, 0, kLatentChannels), solution[kLatentChannels]);
}

std::filesystem::path LatentPreview::cacheFile(const std::filesystem::path& cacheDir,
                                               const std::string& fingerprint) {
    return cacheDir / ("latent_preview-" + safeName(fingerprint) + ".json");
}

std::optional<LatentPreview> LatentPreview::load(const std::filesystem::path& file,
                                                 const std::string& fingerprint) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
    try {
        if (json.is_discarded() || json.value("version", 0) != kCacheVersion ||
            json.value("fingerprint", "") != fingerprint) {
            return std::nullopt;
        }
        const auto rows = json.at("matrix").get<std::vector<std::vector<float>>>();
        const auto bias = json.at("bias").get<std::vector<float>>();
        if (rows.size() != kLatentChannels || bias.size() != 3) return std::nullopt;
        at::Tensor matrix = at::empty({kLatentChannels, 3}, at::kFloat);
        for (int64_t c = 0; c < kLatentChannels; ++c) {
            if (rows[c].size() != 3) return std::nullopt;
            for (int64_t k = 0; k < 3; ++k) matrix[c][k] = rows[c][k];
        }
        return LatentPreview(matrix, at::tensor(bias, at::kFloat));
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;  // a damaged cache is refitted, never fatal
    }
}

void LatentPreview::save(const std::filesystem::path& file, const std::string& fingerprint) const {
    if (!valid()) throw InputError("latent preview: nothing to save");
    nlohmann::json rows = nlohmann::json::array();
    for (int64_t c = 0; c < kLatentChannels; ++c) {
        rows.push_back({m_matrix[c][0].item<float>(), m_matrix[c][1].item<float>(),
                        m_matrix[c][2].item<float>()});
    }
    const nlohmann::json json{
        {"version", kCacheVersion},
        {"fingerprint", fingerprint},
        {"space", "vae latent (de-normalised, unpatchified) -> rgb [-1, 1]"},
        {"matrix", rows},
        {"bias", {m_bias[0].item<float>(), m_bias[1].item<float>(), m_bias[2].item<float>()}}};
    io::writeFileAtomically(file, json.dump(1));
}

LatentPreview LatentPreview::fitOrLoad(const Flux2Vae& vae, const std::string& fingerprint,
                                       const std::filesystem::path& cacheDir,
                                       const PreviewFitOptions& options) {
    const auto file = cacheFile(cacheDir, fingerprint);
    if (auto cached = load(file, fingerprint)) return *cached;
    LatentPreview preview = fit(vae, options);
    try {
        std::filesystem::create_directories(cacheDir);
        preview.save(file, fingerprint);
    } catch (const std::exception&) {
        // An unwritable cache only costs a refit next time.
    }
    return preview;
}

at::Tensor LatentPreview::applyToLatent(const at::Tensor& latent) const {
    if (!valid()) throw InputError("latent preview: no map fitted");
    if (latent.dim() != 4 || latent.size(1) != kLatentChannels) {
        throw InputError("latent preview: expected a latent [B, 32, H, W]");
    }
    const at::Tensor x = latent.to(at::kCPU, at::kFloat).permute({0, 2, 3, 1});  // [B, H, W, 32]
    return (at::matmul(x, m_matrix) + m_bias).permute({0, 3, 1, 2}).clamp(-1.0, 1.0);
}

at::Tensor LatentPreview::apply(const at::Tensor& tokens, int64_t gridH, int64_t gridW) const {
    c10::InferenceMode guard;
    const at::Tensor z = tokens.to(at::kCPU, at::kFloat);
    return applyToLatent(unpatchify(denormalizeTokens(z), gridH, gridW));
}

pipeline::RgbImage LatentPreview::previewImage(const at::Tensor& tokens, int64_t gridH,
                                               int64_t gridW, int64_t index) const {
    c10::InferenceMode guard;
    if (index < 0 || index >= tokens.size(0)) {
        throw InputError("latent preview: image " + std::to_string(index) + " is not in the batch");
    }
    const at::Tensor rgb = apply(tokens.slice(0, index, index + 1), gridH, gridW);
    const at::Tensor pixels = toRgb8(rgb);  // [1, 2gh, 2gw, 3] uint8
    pipeline::RgbImage image;
    image.width = static_cast<int>(pixels.size(2));
    image.height = static_cast<int>(pixels.size(1));
    const auto* data = pixels.data_ptr<uint8_t>();
    image.pixels.assign(data, data + pixels.numel());
    return image;
}

}  // namespace i4::vae
