#pragma once

// The engine's public face: Torch-free, so the UI and the CLI can include it.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/pipeline/generation_request.h"

namespace i4::pipeline {

struct LoadOptions {
    std::string device = "cpu";  // "cpu" or "cuda"
    std::string dtype = "fp32";  // compute dtype: "fp32" or "bf16"
    // Where per-model derived data is kept (the fitted preview map); empty:
    // $XDG_CACHE_HOME/i4studio.
    std::filesystem::path cacheDir;
};

// An 8-bit RGB image, row-major, 3 bytes per pixel.
struct RgbImage {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> pixels;
};

struct StepInfo {
    int step = 0;  // 1-based, in step order
    int total = 0;
    double t = 0;  // model time at the start of the step (0 = noise, 1 = clean)
    double elapsedSeconds = 0;
    double etaSeconds = 0;
};

// Progress, preview and cancellation travel with each call (no globals).
struct GenerationCallbacks {
    std::function<void(const StepInfo&)> onStep;
    // Called after a step with a cheap RGB preview of the current x0 estimate (first image).
    std::function<void(const StepInfo&, const RgbImage&)> onPreview;
    const std::atomic<bool>* cancel = nullptr;  // checked between steps and between the passes
    bool keepLatents = false;                   // fill GenerationResult::zInit / zFinal
};

// A float32 tensor handed across the Torch-free boundary.
struct FloatTensor {
    std::vector<int64_t> shape;
    std::vector<float> values;
};

struct GenerationResult {
    GenerationRequest request;     // as run (preset resolved into steps/schedule/mu/std)
    std::vector<RgbImage> images;  // prompts x batch, in order
    double textSeconds = 0;
    double denoiseSeconds = 0;
    double decodeSeconds = 0;
    FloatTensor zInit;   // [B, tokens, 128] seeded noise, when keepLatents
    FloatTensor zFinal;  // [B, tokens, 128] final latent, when keepLatents
};

// Everything loaded once from a model folder: tokenizer, text encoder, both transformers, VAE.
// Immutable after load; `generate` may be called repeatedly (and caches text conditioning).
class ModelBundle {
public:
    static std::shared_ptr<ModelBundle> load(const std::filesystem::path& folder,
                                             const LoadOptions& options = {});
    virtual ~ModelBundle() = default;

    virtual const std::filesystem::path& folder() const = 0;
    virtual std::string fingerprint() const = 0;
    // Token count of a prompt after chat framing (for counters in the UI; cheap).
    virtual int countTokens(const std::string& prompt) const = 0;
    // Runs text -> denoise -> decode. Throws InputError (bad request), ModelError, CancelledError.
    virtual GenerationResult generate(const GenerationRequest& request,
                                      const GenerationCallbacks& callbacks) = 0;
};

}  // namespace i4::pipeline
