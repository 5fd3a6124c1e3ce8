#pragma once

// The demo model's training stages (resources/models/demo/README.md has the commands and
// the reasons).

#include <cstdint>
#include <filesystem>

#include "tools/demo/scene.h"

namespace i4::demo {

// Scene streams: training draws from kTrainSeed, the held-out test set from kHeldOutSeed, and
// settings such as the main guidance are chosen on kValidationSeed's scenes, so the test set's
// figures are not tuned to it.
inline constexpr uint64_t kTrainSeed = 20261125;
inline constexpr uint64_t kHeldOutSeed = 777000777;
inline constexpr uint64_t kValidationSeed = 31415926;
inline constexpr int kImageSize = 128;

struct VaeTraining {
    std::filesystem::path modelDir;
    int steps = 1500;
    int batch = 12;
    int crop = 64;  // random crops of the 128 x 128 renders (the VAE is convolutional)
    double lr = 1e-3;
    double minutes = 0;  // stop early after this much wall time (0: no limit)
};
// Trains the VAE in `modelDir/vae` in place, then rescales its latent space (quant_conv /
// post_quant_conv, exactly) so normalised DiT tokens have zero mean and unit variance.
void trainVae(const VaeTraining& options);

struct DitTraining {
    std::filesystem::path modelDir;
    int scenes = 8000;  // dataset size (latents and text features computed once)
    int steps = 3000;
    int batch = 32;
    double lr = 6e-4;
    double minutes = 0;  // wall-time budget; the LR schedule is fitted to it after 10 steps
    int saveEvery = 200;
    // Which of the stream's scenes to train on. Positions only (every shape a red square on
    // white) is a curriculum's first stage: the transformer learns to place things before it
    // learns what they look like.
    SceneFilter filter;
    // Times t = 1 - sigmoid(mu + std * N(0, 1)) (t = 0 noise). The defaults are the sampler's
    // DEFAULT_20 family; a larger mu trains the noisy times, where the layout forms, more often.
    double timeMu = 0.0;
    double timeStd = 1.75;
    // False: only `transformer/` is trained and saved (the unconditional model is left as it
    // is). At guidance 1 the unconditional model only enters the last step's polish (at the
    // shipped 1.5 it enters every step); leaving it out gives the conditional model about 17%
    // more steps (measured at batch 48 on 2 cores: 1.93 s a step against 2.26 s).
    bool trainUnconditional = true;
};
// Trains `transformer/` (text + image tokens) and, unless told not to, `unconditional_transformer/`
// (image tokens) with flow matching: z_t = t x0 + (1 - t) eps, target x0 - eps, t from the
// sampler's logit-normal family (timeMu, timeStd). Saves the weights' moving averages.
void trainTransformers(const DitTraining& options);

// The demo's magic prompt LM (magic_prompt/ in the model folder): a small Qwen3 causal LM of the
// text encoder's architecture, trained from seeded weights on (description, caption) chats of
// magic_scene.h, loss on the assistant's tokens. Writes config.json, model.safetensors,
// lm_head.safetensors and system_prompt.txt.
struct MagicTraining {
    std::filesystem::path modelDir;
    int hidden = 64;
    int layers = 4;
    int heads = 4;
    int kvHeads = 2;
    int intermediate = 192;
    int steps = 4000;
    int batch = 16;
    double lr = 3e-3;
    double minutes = 0;  // wall-time budget (0: none); the LR schedule follows it
    uint64_t seed = 11;
};
void trainMagicPrompt(const MagicTraining& options);

}  // namespace i4::demo
