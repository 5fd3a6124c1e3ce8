#pragma once

// The demo model's architecture and its folder in the published layout: config files, seeded
// initial weights and saving trained weights. Same component classes as Ideogram 4, only thinner.

#include <ATen/core/Tensor.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace i4::demo {

using NamedTensors = std::vector<std::pair<std::string, at::Tensor>>;

struct DemoArchitecture {
    // Text encoder (Qwen3-VL text model): 36 layers so all 13 taps exist.
    int64_t textHidden = 32;
    int64_t textLayers = 36;
    int64_t textHeads = 4;
    int64_t textKvHeads = 2;
    int64_t textHeadDim = 8;
    int64_t textIntermediate = 64;
    // DiT (both transformers).
    int64_t ditLayers = 4;
    int64_t ditHeads = 4;
    int64_t ditHeadDim = 32;
    int64_t ditIntermediate = 384;
    int64_t ditAdaln = 32;
    double ditRopeTheta = 256;
    // VAE (FLUX.2 autoencoder, 32 latent channels).
    std::vector<int> vaeChannels{16, 32, 64, 64};
    int vaeLayersPerBlock = 1;
    int vaeGroups = 8;

    int64_t ditHidden() const { return ditHeads * ditHeadDim; }
    int64_t llmFeatures() const { return 13 * textHidden; }
};

// The sampler settings the app, i4 and test_demo_model use for this model (model_index.json
// hints): the preset, and the main guidance weight measured best on the validation
// captions (resources/models/demo/README.md has the sweep).
constexpr const char* kDemoPreset = "V4_TURBO_12";
constexpr double kDemoGuidance = 1.15;

// The caption the app opens with for this model (a held-out scene with three shapes).
std::string exampleCaption();

// Writes `j` to `path` as every JSON file of the model folder is written (two-space indent, keys
// in `j`'s order, a final newline), atomically, creating the folder if needed.
void writeJson(const std::filesystem::path& path, const nlohmann::ordered_json& j);

// model_index.json and every component's config.json; `vocabSize` from the tokenizer.
void writeConfigs(const std::filesystem::path& modelDir, const DemoArchitecture& arch,
                  int64_t vocabSize);

// Seeded initial weights for the text encoder, both transformers and the VAE (bf16 files).
// The DiTs start adaLN-zero (every block an identity, zero output); the text encoder's random
// weights are what the demo ships (it stays frozen: random features keep token identity and
// order, and the DiT learns to read them).
void writeInitialWeights(const std::filesystem::path& modelDir, const DemoArchitecture& arch,
                         int64_t vocabSize, uint64_t seed);

// The VAE's `bn` buffers holding the published latent normalisation constants (Note [Latent
// normalisation]): what the demo VAE's latents are rescaled to. `batches`: num_batches_tracked.
NamedTensors latentConstantBuffers(int64_t batches);

// Writes `tensors` (float) as bf16 safetensors at `path`, atomically; `extra` tensors as they are.
void saveBf16(const std::filesystem::path& path, const NamedTensors& tensors,
              const NamedTensors& extra = {});

}  // namespace i4::demo
