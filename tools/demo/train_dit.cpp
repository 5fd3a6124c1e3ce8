#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <numeric>
#include <random>
#include <string>

#include "core/model/ideogram4_transformer.h"
#include "core/sampling/packing.h"
#include "core/sampling/schedule.h"
#include "core/text/qwen3_text_encoder.h"
#include "core/text/tokenizer.h"
#include "core/vae/flux2_vae.h"
#include "tools/demo/demo_model.h"
#include "tools/demo/optimizer.h"
#include "tools/demo/scene.h"
#include "tools/demo/training.h"
#include "tools/demo/training_record.h"

namespace i4::demo {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int64_t kGrid = kImageSize / sampling::kPixelsPerToken;  // 8 x 8 tokens

double minutesSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count() / 60.0;
}

struct Dataset {
    std::vector<std::vector<int64_t>> ids;  // chat-framed caption tokens
    std::vector<at::Tensor> features;       // per scene [tokens, 13 * hidden] bf16 (frozen encoder)
    at::Tensor latents;                     // [N, 64, 128] normalised tokens
};

// Left-padded [B, L, F] float32 features of the picked scenes (zeros at padding).
at::Tensor batchFeatures(const Dataset& data, const std::vector<int64_t>& picks) {
    int64_t longest = 0;
    for (int64_t i : picks) longest = std::max(longest, data.features[size_t(i)].size(0));
    const int64_t width = data.features[size_t(picks[0])].size(1);
    at::Tensor out = at::zeros({int64_t(picks.size()), longest, width});
    for (size_t b = 0; b < picks.size(); ++b) {
        const at::Tensor& f = data.features[size_t(picks[b])];
        out[int64_t(b)].narrow(0, longest - f.size(0), f.size(0)).copy_(f);
    }
    return out;
}

Dataset encodeDataset(const std::filesystem::path& modelDir, const text::Tokenizer& tokenizer,
                      const text::Qwen3TextEncoder& encoder, int count, const SceneFilter& filter) {
    vae::Flux2VaeOptions options;
    options.log = [](const std::string&) {};
    const vae::Flux2Vae vae = vae::Flux2Vae::load(modelDir / "vae", options);
    Dataset data;
    data.latents = at::empty({count, kGrid * kGrid, 128});
    constexpr int kChunk = 64;
    const std::vector<Scene> scenes = filteredScenes(kTrainSeed, count, filter);
    const auto start = Clock::now();
    for (int first = 0; first < count; first += kChunk) {
        const int n = std::min(kChunk, count - first);
        at::Tensor pixels = at::empty({n, kImageSize, kImageSize, 3}, at::kByte);
        for (int i = 0; i < n; ++i) {
            const Scene& scene = scenes[size_t(first + i)];
            data.ids.push_back(tokenizer.encodeChat(caption(scene)));
            const auto rgb = render(scene, kImageSize);
            std::memcpy(pixels[i].data_ptr<uint8_t>(), rgb.data(), rgb.size());
        }
        data.latents.slice(0, first, first + n).copy_(vae.encodeTokens(vae::fromRgb8(pixels)));
        {
            // The text encoder's ops are too small to gain from threads (measured 2.2 s with
            // two, 0.9 s with one per batch of 32).
            const int threads = at::get_num_threads();
            at::set_num_threads(1);
            c10::InferenceMode guard;
            const std::vector<std::vector<int64_t>> chunkIds(data.ids.end() - n, data.ids.end());
            const text::TextFeatures f = encoder.encode(chunkIds);
            for (int i = 0; i < n; ++i) {
                const int64_t len = f.lengths[size_t(i)];
                data.features.push_back(
                    f.features[i].narrow(0, f.features.size(1) - len, len).to(at::kBFloat16).clone());
            }
            at::set_num_threads(threads);
        }
        if ((first / kChunk) % 40 == 0) {
            std::printf("dataset: %d / %d scenes encoded (%.1f min)\n", first + n, count,
                        minutesSince(start));
            std::fflush(stdout);
        }
    }
    return data;
}

// Appends what this run trains on to the folder's record before any weight changes, so every
// checkpoint it saves carries it (Note [Demo training record]). A bad file stops the run here.
void recordTrainedScenes(const std::filesystem::path& modelDir, const TrainedScenes& stage) {
    writeJson(modelDir / "model_index.json", modelIndexWithStage(modelDir, stage));
}

}  // namespace

void trainTransformers(const DitTraining& o) {
    recordTrainedScenes(o.modelDir, {o.scenes, o.filter});
    const text::Tokenizer tokenizer = text::Tokenizer::fromModelFolder(o.modelDir);
    const text::Qwen3TextEncoder encoder = text::Qwen3TextEncoder::load(o.modelDir / "text_encoder");
    const Dataset data = encodeDataset(o.modelDir, tokenizer, encoder, o.scenes, o.filter);
    std::printf("dataset: latent tokens mean %.3f std %.3f\n", data.latents.mean().item<double>(),
                data.latents.std().item<double>());

    const auto condDir = o.modelDir / "transformer";
    const auto uncondDir = o.modelDir / "unconditional_transformer";
    const auto cond = model::Ideogram4Transformer::loadFolder(condDir, "transformer");
    const auto uncond =
        model::Ideogram4Transformer::loadFolder(uncondDir, "unconditional_transformer");
    const NamedTensors condParams = cond.namedParameters();
    const NamedTensors uncondParams = uncond.namedParameters();
    makeTrainable(condParams);
    if (o.trainUnconditional) makeTrainable(uncondParams);
    Adam condAdam(condParams), uncondAdam(uncondParams);

    // Times come from the sampler's logit-normal family, by default DEFAULT_20's mu and std at
    // the reference resolution, without the shift for small images: shifted, only ~10% of the
    // samples would fall below t = 0.3, where the layout forms; unshifted ~30% do, with
    // --time-mu 1.5 --time-std 1 (the curriculum's stage 5) about 74%, and with --time-mu 2
    // --time-std 1.25 (stages 6 to 10) about 82%.
    const sampling::LogitNormalSchedule schedule(o.timeMu, o.timeStd);
    const sampling::PackedBatch uncondPacked = sampling::packUnconditional(o.batch, kGrid, kGrid);

    std::mt19937_64 rng(kTrainSeed);
    std::vector<int> order(size_t(o.scenes));
    std::iota(order.begin(), order.end(), 0);
    size_t cursor = order.size();
    at::Generator noiseGen = at::detail::createCPUGenerator(kTrainSeed);

    auto save = [&](const char* why) {
        saveBf16(condDir / "diffusion_pytorch_model.safetensors", condAdam.averaged());
        if (o.trainUnconditional) {
            saveBf16(uncondDir / "diffusion_pytorch_model.safetensors", uncondAdam.averaged());
        }
        std::printf("saved (%s)\n", why);
        std::fflush(stdout);
    };

    const auto start = Clock::now();
    const int totalSteps = o.steps;
    double condAverage = 0, uncondAverage = 0;
    auto uncondText = [&] {
        char text[32] = "not trained";
        if (o.trainUnconditional) std::snprintf(text, sizeof text, "%.4f", uncondAverage);
        return std::string(text);
    };
    int step = 0;
    for (; step < totalSteps; ++step) {
        // With a time budget the schedule runs on wall time: the run ends when it is spent.
        const double elapsed = minutesSince(start);
        if (o.minutes > 0 && elapsed >= o.minutes) break;
        std::vector<std::vector<int64_t>> ids;
        std::vector<int64_t> picks;
        for (int b = 0; b < o.batch; ++b) {
            if (cursor == order.size()) {
                std::shuffle(order.begin(), order.end(), rng);
                cursor = 0;
            }
            picks.push_back(order[cursor++]);
            ids.push_back(data.ids[size_t(picks.back())]);
        }
        const at::Tensor x0 = data.latents.index_select(0, at::tensor(picks));
        at::Tensor t = at::empty({o.batch});
        for (int b = 0; b < o.batch; ++b) {
            t[b] = schedule(std::uniform_real_distribution<double>(0, 1)(rng));
        }
        const at::Tensor noise = at::randn(x0.sizes(), noiseGen);
        const at::Tensor tv = t.view({-1, 1, 1});
        const at::Tensor zt = tv * x0 + (1 - tv) * noise;
        const at::Tensor target = x0 - noise;

        const auto t0 = Clock::now();
        const sampling::PackedBatch packed = sampling::packConditional(ids, kGrid, kGrid);
        const at::Tensor features = batchFeatures(data, picks);
        const auto t1 = Clock::now();
        const int64_t textLength = packed.textLength;
        const at::Tensor llm = at::cat(
            {features, at::zeros({o.batch, packed.imageTokens(), features.size(2)})}, 1);
        const at::Tensor x = at::cat({at::zeros({o.batch, textLength, 128}), zt}, 1);
        const at::Tensor condOut = cond.forward(x, t, llm, packed.positionIds, packed.segmentIds,
                                                packed.indicator)
                                       .slice(1, textLength);
        const at::Tensor condLoss = (condOut - target).pow(2).mean();
        at::Tensor uncondLoss = at::zeros({});
        if (o.trainUnconditional) {
            const at::Tensor uncondOut =
                uncond.forward(zt, t, at::Tensor(), uncondPacked.positionIds,
                               uncondPacked.segmentIds, uncondPacked.indicator);
            uncondLoss = (uncondOut - target).pow(2).mean();
        }
        const auto t2 = Clock::now();
        (condLoss + uncondLoss).backward();
        const auto t3 = Clock::now();
        if (std::getenv("I4_DEMO_PROFILE")) {
            auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
            std::printf("text %.0f ms, forward %.0f ms, backward %.0f ms\n", ms(t0, t1), ms(t1, t2), ms(t2, t3));
        }

        const double progress = o.minutes > 0 ? std::min(1.0, elapsed / o.minutes)
                                              : double(step) / std::max(1, totalSteps);
        const double lr = o.lr * (step < 100 ? (step + 1) / 100.0
                                             : 0.05 + 0.95 * 0.5 * (1 + std::cos(3.14159265358979 * progress)));
        condAdam.step(lr, 1.0);
        condAdam.updateAverage(0.998);
        if (o.trainUnconditional) {
            uncondAdam.step(lr, 1.0);
            uncondAdam.updateAverage(0.998);
        }
        condAverage = step == 0 ? condLoss.item<double>() : 0.98 * condAverage + 0.02 * condLoss.item<double>();
        uncondAverage = step == 0 ? uncondLoss.item<double>() : 0.98 * uncondAverage + 0.02 * uncondLoss.item<double>();
        if (step % 20 == 0) {
            std::printf("dit step %5d  cond %.4f  uncond %s (running)  lr %.2e  %.1f min\n",
                        step, condAverage, uncondText().c_str(), lr, minutesSince(start));
            std::fflush(stdout);
        }
        if (o.saveEvery > 0 && step > 0 && step % o.saveEvery == 0) save("checkpoint");
    }
    save("final");
    std::printf("dit: %d steps of %d in %.1f min; final running losses cond %.4f uncond %s\n",
                step, o.batch, minutesSince(start), condAverage, uncondText().c_str());
}

}  // namespace i4::demo
