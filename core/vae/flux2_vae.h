#pragma once

#include <ATen/core/Tensor.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/vae/flux2_vae_config.h"
#include "core/vae/latent_norm.h"

namespace i4::vae {

struct Flux2VaeOptions {
    at::ScalarType dtype = at::kFloat;  // compute dtype of the convolutions (float32 or bf16)
    at::Device device = at::kCPU;
    bool withEncoder = true;  // the encoder is only needed for image-to-image
    // Record autograd graphs (training tools); by default encode/decode run in inference mode.
    bool autograd = false;
    // Receives the load-time report (bn statistics vs. the latent constants); empty: std::clog.
    std::function<void(const std::string&)> log;
};

// The FLUX.2 autoencoder (diffusers AutoencoderKLFlux2 weights) as Ideogram 4 uses it: decode the
// DiT's normalised tokens to an image, and (for image-to-image) encode an image to such tokens.
// Immutable after load; copies share the weights and may be used from several threads.
class Flux2Vae {
public:
    // Loads `vaeDir` (config.json + safetensors, diffusers key names). Missing, misshapen or
    // unexpected tensors are a ModelError naming the key.
    static Flux2Vae load(const std::filesystem::path& vaeDir, const Flux2VaeOptions& options = {});

    const Flux2VaeConfig& config() const;
    const BatchNormComparison& batchNormComparison() const;
    bool hasEncoder() const;
    at::ScalarType dtype() const;
    at::Device device() const;

    // Decoder: latent [B, 32, h, w] -> image [B, 3, 8h, 8w] float32 on the VAE device, unclamped.
    at::Tensor decode(const at::Tensor& latent) const;
    // Normalised DiT tokens [B, gridH * gridW, 128] -> image [B, 3, 16 gridH, 16 gridW] float32
    // clamped to [-1, 1] (de-normalise, unpatchify, decode one image at a time).
    at::Tensor decodeTokens(const at::Tensor& tokens, int64_t gridH, int64_t gridW) const;

    // Encoder: image [B, 3, H, W] in [-1, 1] (H, W multiples of 8) -> moments [B, 64, H/8, W/8]
    // (after quant_conv; the first 32 channels are the mean).
    at::Tensor encodeMoments(const at::Tensor& image) const;
    // Image [B, 3, H, W] in [-1, 1] (H, W multiples of 16) -> normalised tokens
    // [B, (H/16) * (W/16), 128] float32 (spec D.4: mean of the moments, patchify, normalise).
    at::Tensor encodeTokens(const at::Tensor& image) const;

    // Every loaded weight with its checkpoint name, as handles onto the model's own tensors (for
    // training tools; in-place updates change the model). The bn buffers are not included.
    const std::vector<std::pair<std::string, at::Tensor>>& namedParameters() const;

private:
    struct Impl;
    std::shared_ptr<const Impl> m_impl;
};

// Image [B, 3, H, W] float in [-1, 1] -> [B, H, W, 3] uint8 on the CPU, as the reference does it:
// clamp, then round-half-even((x + 1) * 127.5) in float32.
at::Tensor toRgb8(const at::Tensor& image);
// [B, H, W, 3] uint8 -> [B, 3, H, W] float32 in [-1, 1] (x / 127.5 - 1).
at::Tensor fromRgb8(const at::Tensor& pixels);

}  // namespace i4::vae
