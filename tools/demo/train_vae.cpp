#include <ATen/ATen.h>
#include <ATen/core/grad_mode.h>  // at::NoGradGuard: ATen.h no longer brings it in LibTorch 2.x

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>

#include "core/vae/flux2_vae.h"
#include "core/vae/latent_norm.h"
#include "tools/demo/demo_model.h"
#include "tools/demo/optimizer.h"
#include "tools/demo/scene.h"
#include "tools/demo/training.h"

namespace i4::demo {
namespace {

using Clock = std::chrono::steady_clock;

// Renders scenes first..first+count-1 of `seed` as [count, 3, S, S] in [-1, 1].
at::Tensor renderBatch(uint64_t seed, uint64_t first, int count) {
    at::Tensor pixels = at::empty({count, kImageSize, kImageSize, 3}, at::kByte);
    for (int i = 0; i < count; ++i) {
        const auto rgb = render(sceneAt(seed, first + uint64_t(i)), kImageSize);
        std::memcpy(pixels[i].data_ptr<uint8_t>(), rgb.data(), rgb.size());
    }
    return vae::fromRgb8(pixels);
}

double psnr(const at::Tensor& a, const at::Tensor& b) {
    const double mse = (a.clamp(-1, 1) - b).pow(2).mean().item<double>() / 4.0;  // [0,1] scale
    return 10 * std::log10(1.0 / std::max(mse, 1e-12));
}

}  // namespace

void trainVae(const VaeTraining& o) {
    const auto vaeDir = o.modelDir / "vae";
    vae::Flux2VaeOptions loadOptions;
    loadOptions.autograd = true;
    loadOptions.log = [](const std::string&) {};
    const vae::Flux2Vae model = vae::Flux2Vae::load(vaeDir, loadOptions);
    NamedTensors params = model.namedParameters();
    makeTrainable(params);
    Adam adam(params);

    const at::Tensor heldOut = renderBatch(kHeldOutSeed, 0, 16);
    std::mt19937 rng(1234);
    const auto start = Clock::now();
    int step = 0;
    for (; step < o.steps; ++step) {
        const double minutes =
            std::chrono::duration<double>(Clock::now() - start).count() / 60.0;
        if (o.minutes > 0 && minutes > o.minutes) break;
        at::Tensor images = renderBatch(kTrainSeed, uint64_t(step) * o.batch, o.batch);
        const int y = std::uniform_int_distribution<int>(0, kImageSize - o.crop)(rng) & ~7;
        const int x = std::uniform_int_distribution<int>(0, kImageSize - o.crop)(rng) & ~7;
        images = images.slice(2, y, y + o.crop).slice(3, x, x + o.crop).contiguous();

        const at::Tensor mean = model.encodeMoments(images).slice(1, 0, 32);
        // A little latent noise makes the decoder forgiving of the DiT's small errors; the
        // penalty keeps the latent scale bounded (it is renormalised after training).
        const at::Tensor latent = mean + 0.05 * at::randn_like(mean);
        const at::Tensor decoded = model.decode(latent);
        const at::Tensor reconstruction = (decoded - images).abs().mean() +
                                          (decoded - images).pow(2).mean();
        const at::Tensor loss = reconstruction + 1e-4 * mean.pow(2).mean();
        loss.backward();
        const double progress = o.minutes > 0 ? std::min(1.0, minutes / o.minutes)
                                              : double(step) / o.steps;
        const double lr = o.lr * (step < 100 ? (step + 1) / 100.0
                                             : 0.1 + 0.9 * 0.5 * (1 + std::cos(3.14159265358979 * progress)));
        adam.step(lr, 1.0);
        adam.updateAverage(0.995);
        if (step % 50 == 0) {
            std::printf("vae step %5d  loss %.5f  lr %.2e  %.1f min\n", step,
                        loss.item<double>(), lr, minutes);
            std::fflush(stdout);
        }
    }

    // Use the averaged weights from here on.
    {
        at::NoGradGuard noGrad;
        const NamedTensors averaged = adam.averaged();
        for (size_t i = 0; i < params.size(); ++i) params[i].second.copy_(averaged[i].second);
    }
    at::NoGradGuard noGrad;
    // Rescale the latent space: per latent channel c, l' = a_c l + b_c with the published
    // normalisation constants as the target mean / scale (averaged over the 2 x 2 patch slots).
    std::vector<at::Tensor> means;
    for (int i = 0; i < 8; ++i) {
        means.push_back(model.encodeMoments(renderBatch(kTrainSeed, 900000 + uint64_t(i) * 32, 32))
                            .slice(1, 0, 32));
    }
    const at::Tensor all = at::cat(means, 0).transpose(0, 1).reshape({32, -1});  // [32, N]
    const at::Tensor mu = all.mean(1), sigma = all.std(1);
    at::Tensor targetShift = at::zeros({32}), targetScale = at::zeros({32});
    for (int c = 0; c < 32; ++c) {
        for (int slot = 0; slot < 4; ++slot) {
            targetShift[c] += vae::kLatentShift[size_t(slot * 32 + c)] / 4.0f;
            targetScale[c] += vae::kLatentScale[size_t(slot * 32 + c)] / 4.0f;
        }
    }
    const at::Tensor a = targetScale / sigma.clamp_min(1e-6), b = targetShift - a * mu;
    auto find = [&params](const std::string& name) {
        for (auto& [n, t] : params) {
            if (n == name) return t;
        }
        throw std::runtime_error("vae: no tensor " + name);
    };
    at::Tensor qw = find("quant_conv.weight"), qb = find("quant_conv.bias");
    at::Tensor pw = find("post_quant_conv.weight"), pb = find("post_quant_conv.bias");
    qw.slice(0, 0, 32).mul_(a.view({32, 1, 1, 1}));
    qb.slice(0, 0, 32).mul_(a).add_(b);
    // post_quant_conv(l) = W l + c = W (l' - b) / a + c
    pb.sub_((pw.squeeze(-1).squeeze(-1) * (b / a).view({1, 32})).sum(1));
    pw.div_(a.view({1, 32, 1, 1}));

    const at::Tensor check = model.encodeMoments(renderBatch(kTrainSeed, 900000, 32)).slice(1, 0, 32);
    const at::Tensor tokens = vae::normalizeTokens(vae::patchify(check.contiguous()));
    std::printf("vae: %d steps in %.1f min; normalised tokens mean %.3f std %.3f\n", step,
                std::chrono::duration<double>(Clock::now() - start).count() / 60.0,
                tokens.mean().item<double>(), tokens.std().item<double>());

    saveBf16(vaeDir / "diffusion_pytorch_model.safetensors", params, latentConstantBuffers(step));

    // What ships is bf16: measure the round trip through the saved file.
    const vae::Flux2Vae saved = vae::Flux2Vae::load(vaeDir, {});
    const at::Tensor roundTrip = saved.decodeTokens(saved.encodeTokens(heldOut), 8, 8);
    std::printf("vae: held-out reconstruction PSNR %.2f dB (saved bf16 weights, tokens path)\n",
                psnr(roundTrip, heldOut));
}

}  // namespace i4::demo
