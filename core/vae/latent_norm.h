#pragma once

#include <ATen/core/Tensor.h>

#include <array>
#include <cstdint>
#include <string>

namespace i4::vae {

// Note [Latent normalisation]
// The DiT works on 2x2-patchified latents: token t = gh * gridW + gw holds 128 channels in the
// order (ph, pw, c), index ph*64 + pw*32 + c = latent[c, 2gh+ph, 2gw+pw]. Those tokens are
// normalised per channel; decoding undoes it with `z * kLatentScale + kLatentShift` in token order
// and then unpatchifies (spec D.3).
//
// Which statistics: the upstream decoder uses hard-coded constants (`latent_norm.py`), not the
// VAE's `bn.running_mean/var`. The golden data settles what the reference ran: fitting
// `latent_unpatched = a * z_final + b` per token channel over all 40 tokens of the bf16 pipeline
// cases gives a[0] = 1.63933697, a[127] = 1.68533460, b[0] = 0.01984375, b[127] = -0.01760587
// (residual <= 2.2e-6), and the fit agrees with the published 128-value tables below (peers.md
// §4.3, first/last values as in spec D.3) to 2.4e-7 on every channel; the fp8 and nf4 cases give
// the same. The golden tiny VAE's bn buffers are random (mean[0] = -0.2314, var[0] = 1.25;
// max |shift - mean| = 0.56, max |scale - sqrt(var + 1e-4)| = 0.92), so using them would not
// reproduce the reference. We therefore always use the constants, and only compare them with the
// file's bn statistics at load time and log the result (a real Ideogram VAE is expected to agree;
// diffusers decodes with the bn stats instead).
inline constexpr int kLatentChannels = 32;  // VAE latent channels
inline constexpr int kPatch = 2;            // 2x2 patches per token
inline constexpr int kTokenChannels = 128;  // kPatch * kPatch * kLatentChannels
extern const std::array<float, kTokenChannels> kLatentShift;
extern const std::array<float, kTokenChannels> kLatentScale;

// [B, L, 128] normalised tokens -> VAE-space tokens (float32 maths, result in the input dtype).
at::Tensor denormalizeTokens(const at::Tensor& tokens);
// The inverse: VAE-space tokens -> normalised tokens.
at::Tensor normalizeTokens(const at::Tensor& tokens);
// [B, gridH * gridW, 128] (ph, pw, c) -> [B, 32, 2 * gridH, 2 * gridW].
at::Tensor unpatchify(const at::Tensor& tokens, int64_t gridH, int64_t gridW);
// [B, 32, H, W] (H, W even) -> [B, (H / 2) * (W / 2), 128] in (ph, pw, c) order.
at::Tensor patchify(const at::Tensor& latent);

// How the constants compare with a VAE file's `bn.running_mean` / `bn.running_var` [128].
struct BatchNormComparison {
    double maxShiftDiff = 0;  // max |kLatentShift - running_mean|
    double maxScaleDiff = 0;  // max |kLatentScale - sqrt(running_var + eps)|
    bool agrees = false;      // both within kBatchNormTolerance
    std::string summary;      // one line for the log
};
inline constexpr double kBatchNormTolerance = 1e-2;  // bf16 storage of the bn buffers
BatchNormComparison compareWithBatchNorm(const at::Tensor& runningMean,
                                         const at::Tensor& runningVar, double eps);

}  // namespace i4::vae
