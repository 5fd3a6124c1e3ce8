#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

#include <chrono>
#include <cstdlib>
#include <mutex>
#include <optional>

#include "core/errors.h"
#include "core/io/model_folder.h"
#include "core/model/ideogram4_transformer.h"
#include "core/pipeline/memory_check.h"
#include "core/pipeline/pipeline.h"
#include "core/pipeline/request_settings.h"
#include "core/runtime/torch_compat.h"
#include "core/sampling/packing.h"
#include "core/sampling/sampler.h"
#include "core/sampling/transformer_velocity.h"
#include "core/sampling/validation.h"
#include "core/text/conditioning_cache.h"
#include "core/text/qwen3_text_encoder.h"
#include "core/text/tokenizer.h"
#include "core/vae/flux2_vae.h"
#include "core/vae/latent_preview.h"

namespace i4::pipeline {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::filesystem::path defaultCacheDir() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
        return std::filesystem::path(xdg) / "i4studio";
    }
    if (const char* home = std::getenv("HOME"); home && *home) {
        return std::filesystem::path(home) / ".cache" / "i4studio";
    }
    return std::filesystem::temp_directory_path() / "i4studio-cache";
}

at::ScalarType computeDtype(const std::string& name) {
    if (name == "fp32") return at::kFloat;
    if (name == "bf16") return at::kBFloat16;
    throw InputError("unknown dtype '" + name + "' (fp32 or bf16)");
}

at::Device computeDevice(const std::string& name) {
    if (name == "cpu") return at::kCPU;
    if (name == "cuda") {
        if (!runtime::cudaAvailable()) {
            throw InputError("--device cuda: this build's LibTorch (" + runtime::torchVersion() +
                             ") has no usable CUDA device");
        }
        return at::kCUDA;
    }
    throw InputError("unknown device '" + name + "' (cpu or cuda)");
}

FloatTensor toFloatTensor(const at::Tensor& t) {
    at::Tensor c = t.to(at::kCPU, at::kFloat).contiguous();
    FloatTensor out;
    out.shape = c.sizes().vec();
    out.values.assign(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
    return out;
}

RgbImage toRgbImage(const at::Tensor& pixels) {  // [H, W, 3] uint8
    at::Tensor c = pixels.to(at::kCPU).contiguous();
    RgbImage image;
    image.height = static_cast<int>(c.size(0));
    image.width = static_cast<int>(c.size(1));
    image.pixels.assign(c.data_ptr<uint8_t>(), c.data_ptr<uint8_t>() + c.numel());
    return image;
}

class LoadedBundle final : public ModelBundle {
public:
    LoadedBundle(const std::filesystem::path& folder, const LoadOptions& options)
        : m_folder(folder),
          m_identity(io::ModelFolder::open(folder)),
          m_tokenizer(text::Tokenizer::fromModelFolder(folder)) {
        c10::InferenceMode guard;
        const at::ScalarType dtype = computeDtype(options.dtype);
        const at::Device device = computeDevice(options.device);
        if (device.is_cpu()) {
            checkMemoryFits(estimateLoadBytes(folder, dtype == at::kFloat ? 4 : 2),
                            availableMemoryBytes(), options.dtype);
        }
        m_encoder.emplace(text::Qwen3TextEncoder::load(m_identity.textEncoder(), {dtype, device}));
        model::ComputeOptions dit{dtype, device};
        m_conditional.emplace(
            model::Ideogram4Transformer::loadFolder(m_identity.transformer(), "transformer", dit));
        m_unconditional.emplace(model::Ideogram4Transformer::loadFolder(
            m_identity.unconditionalTransformer(), "unconditional_transformer", dit));
        vae::Flux2VaeOptions vaeOptions;
        vaeOptions.dtype = dtype;
        vaeOptions.device = device;
        vaeOptions.withEncoder = false;
        m_vae.emplace(vae::Flux2Vae::load(m_identity.vae(), vaeOptions));
        if (m_encoder->featureSize() != m_conditional->config().llmFeaturesDim) {
            throw ModelError("text_encoder gives " + std::to_string(m_encoder->featureSize()) +
                             " features per token but the transformer expects " +
                             std::to_string(m_conditional->config().llmFeaturesDim));
        }
        m_fingerprint = m_identity.fingerprint();
        m_cacheDir = options.cacheDir.empty() ? defaultCacheDir() : options.cacheDir;
    }

    const std::filesystem::path& folder() const override { return m_folder; }
    std::string fingerprint() const override { return m_fingerprint; }
    int countTokens(const std::string& prompt) const override {
        return static_cast<int>(m_tokenizer.countChatTokens(prompt));
    }

    GenerationResult generate(const GenerationRequest& request,
                              const GenerationCallbacks& callbacks) override;

private:
    GenerationResult run(const GenerationRequest& request, const GenerationCallbacks& callbacks);
    // The latent->RGB map, fitted (or read from the cache) on first use only: runs that show no
    // preview (the CLI) never pay for it.
    const vae::LatentPreview& preview();

    std::filesystem::path m_folder;
    io::ModelFolder m_identity;
    std::string m_fingerprint;
    text::Tokenizer m_tokenizer;
    std::optional<text::Qwen3TextEncoder> m_encoder;
    std::optional<model::Ideogram4Transformer> m_conditional;
    std::optional<model::Ideogram4Transformer> m_unconditional;
    std::optional<vae::Flux2Vae> m_vae;
    text::ConditioningCache m_cache;
    std::filesystem::path m_cacheDir;
    std::once_flag m_previewOnce;
    std::optional<vae::LatentPreview> m_preview;
};

const vae::LatentPreview& LoadedBundle::preview() {
    std::call_once(m_previewOnce, [this] {
        m_preview.emplace(
            vae::LatentPreview::fitOrLoad(*m_vae, m_fingerprint, m_cacheDir / "preview"));
    });
    return *m_preview;
}

void checkCancel(const GenerationCallbacks& callbacks) {
    if (callbacks.cancel && callbacks.cancel->load()) throw CancelledError();
}

bool isOutOfMemory(const std::string& message) {
    return message.find("out of memory") != std::string::npos ||
           message.find("can't allocate memory") != std::string::npos ||
           message.find("not enough memory") != std::string::npos;
}

GenerationResult LoadedBundle::generate(const GenerationRequest& request,
                                        const GenerationCallbacks& callbacks) {
    // Out of memory is a message, not a crash; everything allocated for the run is freed by the
    // time the exception leaves, so the bundle stays usable.
    const std::string size = std::to_string(request.width) + "x" + std::to_string(request.height);
    const std::string advice = ": try a smaller size, a smaller batch or fewer prompts";
    try {
        return run(request, callbacks);
    } catch (const std::bad_alloc&) {
        throw Error("out of memory while generating " + size + advice);
    } catch (const c10::Error& e) {
        if (isOutOfMemory(e.what())) throw Error("out of memory while generating " + size + advice);
        throw Error(std::string("engine error: ") + e.what_without_backtrace());
    }
}

GenerationResult LoadedBundle::run(const GenerationRequest& request,
                                   const GenerationCallbacks& callbacks) {
    c10::InferenceMode guard;
    validateRequest(request);
    GenerationResult result;
    result.request = resolvedRequest(request);
    const GenerationRequest& resolved = result.request;  // explicit steps / schedule / mu / std
    const int64_t gridH = request.height / sampling::kPixelsPerToken;
    const int64_t gridW = request.width / sampling::kPixelsPerToken;

    // Text: prompt-major order, each prompt repeated `batch` times.
    auto start = Clock::now();
    std::vector<std::vector<int64_t>> ids;
    for (const auto& prompt : request.prompts) {
        std::vector<int64_t> promptIds = m_tokenizer.encodeChat(prompt);
        sampling::validateTextLength(static_cast<int64_t>(promptIds.size()), request.uncheckedSize);
        for (int b = 0; b < request.batch; ++b) ids.push_back(promptIds);
    }
    checkCancel(callbacks);
    text::TextFeatures text = m_cache.encode(ids, *m_encoder);
    result.textSeconds = secondsSince(start);
    checkCancel(callbacks);

    // Denoise.
    start = Clock::now();
    const auto batch = static_cast<int64_t>(ids.size());
    const sampling::PackedBatch cond = sampling::packConditional(ids, gridH, gridW);
    const sampling::PackedBatch uncond = sampling::packUnconditional(batch, gridH, gridW);
    const at::Device device = m_conditional->options().device;
    // [B, L, 13 * hidden] f32: the text features in the text slots, zero at the image slots.
    at::Tensor llm = at::zeros({batch, cond.length(), m_encoder->featureSize()}, at::kFloat);
    llm.narrow(1, 0, cond.textLength).copy_(text.features.to(at::kCPU, at::kFloat));
    llm = llm.to(device);
    const auto plan =
        sampling::makeSamplingPlan(*resolved.steps, *resolved.mu, *resolved.std,
                                   resolved.guidanceSchedule, request.height, request.width);
    at::Tensor zInit = sampling::initialNoise(batch, gridH * gridW, 128, request.seed);
    sampling::SamplerCallbacks samplerCallbacks;
    samplerCallbacks.cancel = callbacks.cancel;
    samplerCallbacks.onStep = [&](const sampling::StepState& state) {
        StepInfo info;
        info.step = state.step + 1;
        info.total = state.total;
        info.t = state.t;
        info.elapsedSeconds = secondsSince(start);
        info.etaSeconds = info.elapsedSeconds / info.step * (info.total - info.step);
        if (callbacks.onStep) callbacks.onStep(info);
        if (callbacks.onPreview) {
            callbacks.onPreview(info, preview().previewImage(state.x0, gridH, gridW));
        }
    };
    at::Tensor zFinal = sampling::sampleEuler(
        zInit.to(device), plan, sampling::conditionalVelocity(*m_conditional, cond, llm),
        sampling::unconditionalVelocity(*m_unconditional, uncond), samplerCallbacks);
    result.denoiseSeconds = secondsSince(start);
    checkCancel(callbacks);

    // Decode, one image at a time to bound memory.
    start = Clock::now();
    for (int64_t i = 0; i < batch; ++i) {
        at::Tensor image = m_vae->decodeTokens(zFinal.narrow(0, i, 1), gridH, gridW);
        result.images.push_back(toRgbImage(vae::toRgb8(image)[0]));
        checkCancel(callbacks);
    }
    result.decodeSeconds = secondsSince(start);
    if (callbacks.keepLatents) {
        result.zInit = toFloatTensor(zInit);
        result.zFinal = toFloatTensor(zFinal);
    }
    return result;
}

}  // namespace

std::shared_ptr<ModelBundle> ModelBundle::load(const std::filesystem::path& folder,
                                               const LoadOptions& options) {
    return std::make_shared<LoadedBundle>(folder, options);
}

}  // namespace i4::pipeline
