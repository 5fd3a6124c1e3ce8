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

struct LoadProgress {
    std::string component;  // "text_encoder", "transformer", "unconditional_transformer", "vae"
    int index = 0;          // 0-based, of `count`
    int count = 0;
    bool done = false;   // false: starting; true: finished
    uint64_t bytes = 0;  // bytes of the component's files (when done)
    double seconds = 0;  // time it took (when done)
};

// Note [Memory modes]
// Where the weights live while a model is loaded on a GPU:
// - "resident": every component on the GPU in the compute dtype (the real model in bf16: ~53 GB).
// - "offload-encoder": the text encoder's weights stay in CPU memory in their stored form (the
//   mapped files) and stream to the GPU one layer at a time while a prompt is encoded (the
//   conditioning cache means a new seed needs no encoding); the transformers and the VAE are
//   resident.
// - "low-vram": as offload-encoder, and the transformers keep their stored fp8 / nf4 weights on
//   the GPU, dequantised one layer at a time as they run (the real fp8 model: under 24 GB).
// "auto" picks the first of these whose estimate fits the GPU's free memory. On the CPU the mode
// is always "resident".
struct LoadOptions {
    std::string device = "cpu";   // "cpu", "cuda" or "auto" (pipeline/devices.h)
    std::string dtype = "fp32";   // compute dtype: "fp32", "bf16" or "auto"
    std::string memory = "auto";  // "auto", "resident", "offload-encoder", "low-vram"
    // The fast mode: the transformers' block matmuls in fp8 on GPUs that have fp8 tensor cores
    // (Note [fp8 matmuls] in core/runtime/torch_compat.cpp); off = the reference's numerics.
    bool fp8Matmul = false;
    // LoRA files put on the transformers, each with its weight (docs/formats.md): keys under
    // "unconditional_transformer." go to that transformer, all others to the conditional one.
    // Merged into resident dense weights, applied on the fly to fp8 / nf4 / stored weights.
    std::vector<LoraChoice> loras;
    // Called as each component starts and finishes loading (on the loading thread).
    std::function<void(const LoadProgress&)> onProgress;
    // Where per-model derived data is kept (the fitted preview map); empty:
    // $XDG_CACHE_HOME/i4studio.
    std::filesystem::path cacheDir;
};

// What a load did, for the settings, the status bar and benchmarks.
struct LoadReport {
    std::string device;      // "cpu" or "cuda"
    std::string dtype;       // "fp32" or "bf16"
    std::string memory;      // the mode in use (never "auto")
    bool fp8Matmul = false;  // the fast mode is on
    struct Component {
        std::string name;
        uint64_t bytes = 0;  // on disk
        double seconds = 0;
    };
    std::vector<Component> components;
    // What each LoRA did, in load order.
    struct Lora {
        std::string file;
        std::string layout;                    // the key layout found (docs/formats.md)
        int merged = 0;                        // adapters merged into weights
        int onTheFly = 0;                      // adapters applied low-rank on every call
        std::vector<std::string> unknownKeys;  // tensors that adapt nothing of ours
    };
    std::vector<Lora> loras;
    // The folder has no unconditional transformer (a distilled model): one pass per step,
    // guidance 1.
    bool conditionalOnly = false;
    double seconds = 0;              // the whole load
    uint64_t gpuBytesAfterLoad = 0;  // allocated on the GPU once loaded (0 on the CPU)
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
    uint64_t peakGpuBytes = 0;  // the GPU allocator's peak during this run (0 on the CPU)
    FloatTensor zInit;          // [B, tokens, 128] seeded noise, when keepLatents
    FloatTensor zFinal;         // [B, tokens, 128] final latent, when keepLatents
};

// Everything loaded once from a model folder: tokenizer, text encoder, both transformers, VAE.
// Immutable after load; `generate` may be called repeatedly (and caches text conditioning).
class ModelBundle {
public:
    static std::shared_ptr<ModelBundle> load(const std::filesystem::path& folder,
                                             const LoadOptions& options = {});
    virtual ~ModelBundle() = default;

    virtual const std::filesystem::path& folder() const = 0;
    virtual const LoadReport& loadReport() const = 0;
    virtual std::string fingerprint() const = 0;
    // Token count of a prompt after chat framing (for counters in the UI; cheap).
    virtual int countTokens(const std::string& prompt) const = 0;
    // Runs text -> denoise -> decode. Throws InputError (bad request), ModelError, CancelledError.
    virtual GenerationResult generate(const GenerationRequest& request,
                                      const GenerationCallbacks& callbacks) = 0;
};

}  // namespace i4::pipeline
