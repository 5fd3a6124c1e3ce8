#pragma once

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "core/pipeline/pipeline.h"

namespace i4::vae {

class Flux2Vae;

// Note [Latent preview]
// A live preview must cost far less than a VAE decode. The published FLUX.2 latent->RGB factors
// (ComfyUI, stable-diffusion.cpp; peers.md §4.2) disagree by 3-5x and were fitted for another
// VAE in another space, so we fit our own 32->3 affine map for the loaded VAE: decode a few smooth
// random latents once, average-pool the decoded images to latent resolution and solve the
// least-squares problem rgb = latent * M + b per latent pixel. The map acts on the de-normalised,
// unpatchified latent (VAE space), where one map fits all four patch positions exactly; the
// published factors act on the normalised latent. The fit is cached per model fingerprint.
struct PreviewFitOptions {
    int samples = 8;    // latents decoded for the fit
    int64_t gridH = 8;  // token grid of each (the image is 16x larger per side)
    int64_t gridW = 8;
    uint64_t seed = 20260;  // fixed: the same VAE always gives the same map
};

// The normalised tokens [samples, gridH * gridW, 128] the fit decodes (deterministic per seed);
// also what a test holds out with another seed.
at::Tensor previewFitTokens(const PreviewFitOptions& options);

class LatentPreview {
public:
    LatentPreview() = default;
    // matrix [32, 3] float32 (row = latent channel), bias [3] float32.
    LatentPreview(at::Tensor matrix, at::Tensor bias);

    static LatentPreview fit(const Flux2Vae& vae, const PreviewFitOptions& options = {});
    // The cached map for `fingerprint` in `cacheDir` when present and readable, else a fresh
    // fit that is then written there (atomically; a failed cache write is not an error).
    static LatentPreview fitOrLoad(const Flux2Vae& vae, const std::string& fingerprint,
                                   const std::filesystem::path& cacheDir,
                                   const PreviewFitOptions& options = {});
    // `cacheDir/latent_preview-<fingerprint>.json` (unsafe characters replaced).
    static std::filesystem::path cacheFile(const std::filesystem::path& cacheDir,
                                           const std::string& fingerprint);
    // nullopt when the file is missing, damaged or for another fingerprint.
    static std::optional<LatentPreview> load(const std::filesystem::path& file,
                                             const std::string& fingerprint);
    void save(const std::filesystem::path& file, const std::string& fingerprint) const;

    bool valid() const { return m_matrix.defined(); }
    const at::Tensor& matrix() const { return m_matrix; }
    const at::Tensor& bias() const { return m_bias; }

    // VAE-space latent [B, 32, H, W] -> RGB [B, 3, H, W] float32 in [-1, 1].
    at::Tensor applyToLatent(const at::Tensor& latent) const;
    // Normalised DiT tokens [B, gridH * gridW, 128] -> RGB [B, 3, 2 gridH, 2 gridW] in [-1, 1].
    at::Tensor apply(const at::Tensor& tokens, int64_t gridH, int64_t gridW) const;
    // Image `index` of the batch as 8-bit RGB at 2x grid resolution (image size / 8).
    pipeline::RgbImage previewImage(const at::Tensor& tokens, int64_t gridH, int64_t gridW,
                                    int64_t index = 0) const;

private:
    at::Tensor m_matrix;  // [32, 3] float32, CPU
    at::Tensor m_bias;    // [3] float32, CPU
};

}  // namespace i4::vae
