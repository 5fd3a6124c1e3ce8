#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <optional>

#include "core/errors.h"
#include "core/io/model_folder.h"
#include "core/io/model_summary.h"
#include "core/model/ideogram4_transformer.h"
#include "core/model/lora.h"
#include "core/pipeline/devices.h"
#include "core/pipeline/image_input.h"
#include "core/pipeline/memory_check.h"
#include "core/pipeline/pipeline.h"
#include "core/pipeline/request_settings.h"
#include "core/runtime/device.h"
#include "core/runtime/torch_compat.h"
#include "core/sampling/image_to_image.h"
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

struct ComponentSizes {
    io::ComponentSummary textEncoder, transformer, unconditional, vae;
};

ComponentSizes componentSizes(const io::ModelFolder& folder) {
    return {
        io::summarizeComponent(folder.textEncoder(), "text_encoder"),
        io::summarizeComponent(folder.transformer(), "transformer"),
        folder.hasUnconditionalTransformer()
            ? io::summarizeComponent(folder.unconditionalTransformer(), "unconditional_transformer")
            : io::ComponentSummary{},
        io::summarizeComponent(folder.vae(), "vae")};
}

// Puts the LoRA files on the loaded transformers (Note [LoRA application]).
std::vector<LoadReport::Lora> applyLoras(const std::vector<LoraChoice>& loras,
                                         model::Ideogram4Transformer& conditional,
                                         model::Ideogram4Transformer* unconditional) {
    std::vector<LoadReport::Lora> reports;
    for (const LoraChoice& choice : loras) {
        const model::LoraFile file = model::LoraFile::read(choice.file);
        LoadReport::Lora report;
        report.file = choice.file;
        report.layout = file.layout;
        report.unknownKeys = file.unknownKeys;
        // (component, adapters) pairs: as the file's keys say, or all of them on the chosen
        // transformer(s).
        std::vector<std::pair<std::string, const std::vector<model::LoraAdapter>*>> placements;
        if (choice.target.empty()) {
            for (const auto& [component, adapters] : file.adapters)
                placements.emplace_back(component, &adapters);
        } else {
            if (file.adapters.size() != 1) {
                throw ModelError("LoRA " + choice.file +
                                 " names both transformers in its keys, so it cannot be put on '" +
                                 choice.target + "': leave its target on auto");
            }
            const std::vector<model::LoraAdapter>& adapters = file.adapters.begin()->second;
            if (choice.target != "unconditional_transformer")
                placements.emplace_back("transformer", &adapters);
            if (choice.target != "transformer")
                placements.emplace_back("unconditional_transformer", &adapters);
        }
        for (const auto& [component, adapters] : placements) {
            model::Ideogram4Transformer* target =
                component == "transformer" ? &conditional : unconditional;
            if (!target) {
                throw ModelError("LoRA " + choice.file +
                                 " adapts the unconditional transformer, "
                                 "which this model (a distilled one) does not have");
            }
            const model::LoraApplyReport applied =
                target->applyLora(*adapters, choice.weight, model::LoraMode::Auto, choice.file);
            report.merged += applied.merged;
            report.onTheFly += applied.onTheFly;
        }
        reports.push_back(std::move(report));
    }
    return reports;
}

std::string gigabytes(uint64_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f GB", static_cast<double>(bytes) / 1e9);
    return text;
}

// Room for activations, the attention and the VAE decode at 1024x1024, and the per-call
// dequantised weights of low-vram (the widest, llm_cond_proj, is 4608 x 53248).
constexpr uint64_t kGpuHeadroomBytes = 4ull << 30;

// GPU bytes the weights take in a memory mode (Note [Memory modes]), from the headers alone.
uint64_t modeBytes(const std::string& mode, const ComponentSizes& s, int bytesPerParameter) {
    const auto dense = [&](const io::ComponentSummary& c) {
        return static_cast<uint64_t>(c.parameterCount) * static_cast<uint64_t>(bytesPerParameter);
    };
    const uint64_t vae = dense(s.vae);
    if (mode == "resident")
        return dense(s.textEncoder) + dense(s.transformer) + dense(s.unconditional) + vae;
    if (mode == "offload-encoder") return dense(s.transformer) + dense(s.unconditional) + vae;
    return s.transformer.bytes + s.unconditional.bytes + vae;  // low-vram: as stored
}

const std::vector<std::string>& memoryModes() {
    static const std::vector<std::string> modes{"resident", "offload-encoder", "low-vram"};
    return modes;
}

// The next mode down that needs less GPU memory; empty for the last.
std::string lighterMode(const std::string& mode) {
    const auto& modes = memoryModes();
    for (size_t i = 0; i + 1 < modes.size(); ++i) {
        if (modes[i] == mode) return modes[i + 1];
    }
    return {};
}

std::string chooseMemoryMode(const std::string& requested, const ComponentSizes& sizes,
                             int bytesPerParameter) {
    const auto& modes = memoryModes();
    if (requested != "auto") {
        if (std::find(modes.begin(), modes.end(), requested) == modes.end()) {
            throw InputError("unknown memory mode '" + requested +
                             "' (auto, resident, offload-encoder or low-vram)");
        }
        return requested;
    }
    const uint64_t freeBytes = runtime::gpuInfo().freeBytes;
    for (const std::string& mode : modes) {
        if (modeBytes(mode, sizes, bytesPerParameter) + kGpuHeadroomBytes <= freeBytes) return mode;
    }
    return modes.back();
}

class LoadedBundle final : public ModelBundle {
public:
    LoadedBundle(const std::filesystem::path& folder, const LoadOptions& options)
        : m_folder(folder),
          m_identity(io::ModelFolder::open(folder)),
          m_tokenizer(text::Tokenizer::fromModelFolder(folder)) {
        c10::InferenceMode guard;
        const auto loadStart = Clock::now();
        const std::string deviceName = resolveDevice(options.device);
        const std::string dtypeName = resolveDtype(options.dtype, deviceName);
        const at::ScalarType dtype = computeDtype(dtypeName);
        const at::Device device = computeDevice(deviceName);
        const ComponentSizes sizes = componentSizes(m_identity);
        m_report.device = deviceName;
        m_report.dtype = dtypeName;
        // On the CPU everything is resident whatever was asked (Note [Memory modes]).
        m_report.memory = chooseMemoryMode(options.memory, sizes, dtype == at::kFloat ? 4 : 2);
        if (device.is_cpu()) m_report.memory = "resident";
        if (device.is_cpu()) {
            checkMemoryFits(estimateLoadBytes(folder, dtype == at::kFloat ? 4 : 2),
                            availableMemoryBytes(), dtypeName);
        }
        const bool offloadEncoder = m_report.memory != "resident";
        const bool lowVram = m_report.memory == "low-vram";
        using model::WeightPlacement;

        model::ComputeOptions dit{dtype, device};
        dit.placement = lowVram ? WeightPlacement::StoredOnDevice : WeightPlacement::Resident;
        if (options.fp8Matmul) {
            if (device.is_cpu() || dtype != at::kBFloat16 || !runtime::fp8MatmulSupported()) {
                throw InputError(
                    "the fast mode (fp8 matmuls) needs bf16 on an NVIDIA GPU with fp8 tensor "
                    "cores (compute capability 8.9 or newer: RTX 40xx, L4/L40, H100, H200 and "
                    "later) and LibTorch 2.4 or newer");
            }
            dit.fp8Matmul = true;
            m_report.fp8Matmul = true;
        }
        int index = 0;
        const auto component = [&](const std::string& name, uint64_t bytes, auto&& load) {
            LoadProgress progress;
            progress.component = name;
            progress.index = index++;
            progress.count = m_identity.hasUnconditionalTransformer() ? 4 : 3;
            if (options.onProgress) options.onProgress(progress);
            const auto start = Clock::now();
            load();
            runtime::cudaSynchronize();  // uploads are asynchronous: time them to the end
            progress.done = true;
            progress.bytes = bytes;
            progress.seconds = secondsSince(start);
            m_report.components.push_back({name, bytes, progress.seconds});
            if (options.onProgress) options.onProgress(progress);
        };
        component("text_encoder", sizes.textEncoder.bytes, [&] {
            text::TextEncoderOptions te{dtype, device};
            te.placement =
                offloadEncoder ? WeightPlacement::StoredOnHost : WeightPlacement::Resident;
            m_encoder.emplace(text::Qwen3TextEncoder::load(m_identity.textEncoder(), te));
        });
        component("transformer", sizes.transformer.bytes, [&] {
            m_conditional.emplace(model::Ideogram4Transformer::loadFolder(m_identity.transformer(),
                                                                          "transformer", dit));
        });
        if (m_identity.hasUnconditionalTransformer()) {
            component("unconditional_transformer", sizes.unconditional.bytes, [&] {
                m_unconditional.emplace(model::Ideogram4Transformer::loadFolder(
                    m_identity.unconditionalTransformer(), "unconditional_transformer", dit));
            });
        }
        m_report.conditionalOnly = !m_unconditional;
        m_report.loras = applyLoras(options.loras, *m_conditional,
                                    m_unconditional ? &*m_unconditional : nullptr);
        m_loras = options.loras;
        component("vae", sizes.vae.bytes, [&] {
            vae::Flux2VaeOptions vaeOptions;
            vaeOptions.dtype = dtype;
            vaeOptions.device = device;
            vaeOptions.withEncoder = false;
            m_vae.emplace(vae::Flux2Vae::load(m_identity.vae(), vaeOptions));
            m_vaeOptions = vaeOptions;
        });
        if (m_encoder->featureSize() != m_conditional->config().llmFeaturesDim) {
            throw ModelError("text_encoder gives " + std::to_string(m_encoder->featureSize()) +
                             " features per token but the transformer expects " +
                             std::to_string(m_conditional->config().llmFeaturesDim));
        }
        m_sizes = sizes;
        m_report.seconds = secondsSince(loadStart);
        m_report.gpuBytesAfterLoad = runtime::cudaAllocatedBytes();
        m_fingerprint = m_identity.fingerprint();
        m_cacheDir = options.cacheDir.empty() ? defaultCacheDir() : options.cacheDir;
    }

    const std::filesystem::path& folder() const override { return m_folder; }
    const LoadReport& loadReport() const override { return m_report; }
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
    // The VAE with its encoder, loaded on the first request that works from an image (Note
    // [image-to-image] in core/sampling/image_to_image.h); text-to-image never pays for it.
    const vae::Flux2Vae& encoder();

    std::filesystem::path m_folder;
    io::ModelFolder m_identity;
    LoadReport m_report;
    ComponentSizes m_sizes;
    std::string m_fingerprint;
    text::Tokenizer m_tokenizer;
    std::optional<text::Qwen3TextEncoder> m_encoder;
    std::optional<model::Ideogram4Transformer> m_conditional;
    std::optional<model::Ideogram4Transformer> m_unconditional;
    std::optional<vae::Flux2Vae> m_vae;
    std::vector<LoraChoice> m_loras;  // as loaded, recorded in every result
    text::ConditioningCache m_cache;
    std::filesystem::path m_cacheDir;
    std::once_flag m_previewOnce;
    std::optional<vae::LatentPreview> m_preview;
    vae::Flux2VaeOptions m_vaeOptions;
    std::mutex m_encoderMutex;
    std::optional<vae::Flux2Vae> m_encoderVae;
};

const vae::Flux2Vae& LoadedBundle::encoder() {
    std::lock_guard<std::mutex> lock(m_encoderMutex);
    if (!m_encoderVae) {
        vae::Flux2VaeOptions options = m_vaeOptions;
        options.withEncoder = true;
        options.log = [](const std::string&) {};  // said once at load already
        m_encoderVae.emplace(vae::Flux2Vae::load(m_identity.vae(), options));
    }
    return *m_encoderVae;
}

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
    // time the exception leaves (and the GPU's cached blocks are handed back), so the bundle
    // stays usable.
    const std::string size = std::to_string(request.width) + "x" + std::to_string(request.height);
    const std::string advice = ": try a smaller size, a smaller batch or fewer prompts";
    try {
        return run(request, callbacks);
    } catch (const std::bad_alloc&) {
        throw Error("out of memory while generating " + size + advice);
    } catch (const c10::Error& e) {
        if (!isOutOfMemory(e.what())) {
            throw Error(std::string("engine error: ") + e.what_without_backtrace());
        }
        if (m_report.device != "cuda")
            throw Error("out of memory while generating " + size + advice);
        runtime::cudaReleaseCache();
        std::string message = "out of GPU memory while generating " + size + " in memory mode " +
                              m_report.memory + advice;
        const std::string lighter = lighterMode(m_report.memory);
        if (!lighter.empty()) {
            message +=
                ", or load the model in memory mode " + lighter + " (its weights take about " +
                gigabytes(modeBytes(lighter, m_sizes, m_report.dtype == "fp32" ? 4 : 2)) +
                " instead of " +
                gigabytes(modeBytes(m_report.memory, m_sizes, m_report.dtype == "fp32" ? 4 : 2)) +
                ")";
        }
        throw Error(message);
    }
}

GenerationResult LoadedBundle::run(const GenerationRequest& request,
                                   const GenerationCallbacks& callbacks) {
    c10::InferenceMode guard;
    validateRequest(request);
    checkRequestMemory(m_folder, request, m_report.device, m_report.dtype);
    runtime::cudaResetPeak();
    GenerationResult result;
    result.request = resolvedRequest(request);
    result.request.loras = m_loras;
    if (!m_unconditional) {
        // A distilled model has no unconditional branch to guide against: guidance is 1.
        result.request.guidanceSchedule.assign(result.request.guidanceSchedule.size(), 1.0f);
    }
    const GenerationRequest& resolved = result.request;  // explicit steps / schedule / mu / std
    const int64_t gridH = request.height / sampling::kPixelsPerToken;
    const int64_t gridW = request.width / sampling::kPixelsPerToken;
    // Working from an image: read, fit and mask it before anything heavy runs, so that a missing
    // or changed file is said at once.
    std::optional<PreparedInput> input;
    if (request.input) {
        input = prepareInput(*request.input, request.width, request.height);
        result.request.input->imageSha256 = input->imageSha256;
        result.request.input->maskSha256 = input->maskSha256;
    }

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
    at::Tensor llm = at::zeros({batch, cond.length(), m_encoder->featureSize()},
                               at::TensorOptions(at::kFloat).device(device));
    llm.narrow(1, 0, cond.textLength)
        .copy_(runtime::toDevice(text.features.to(at::kFloat), device));
    auto plan =
        sampling::makeSamplingPlan(*resolved.steps, *resolved.mu, *resolved.std,
                                   resolved.guidanceSchedule, request.height, request.width);
    at::Tensor zInit = sampling::initialNoise(batch, gridH * gridW, 128, request.seed);
    at::Tensor zStart = zInit.to(device);
    std::optional<sampling::KnownRegion> known;
    if (input) {
        // Note [image-to-image]: the input's latent noised to the start of the steps that run.
        const at::Tensor pixels =
            at::from_blob(input->image.pixels.data(), {1, request.height, request.width, 3},
                          at::TensorOptions(at::kByte))
                .clone();
        const at::Tensor x0 = encoder()
                                  .encodeTokens(vae::fromRgb8(pixels))
                                  .to(device, at::kFloat)
                                  .expand({batch, gridH * gridW, 128})
                                  .contiguous();
        checkCancel(callbacks);
        int skipped = 0;
        plan = sampling::tailOfPlan(plan, request.input->strength, &skipped);
        if (skipped > 0) zStart = sampling::noisedLatent(x0, zStart, plan.times.front());
        if (!input->mask.empty()) {
            known = sampling::KnownRegion{
                x0, zInit.to(device),
                sampling::tokenMask(input->mask, request.width, request.height,
                                    sampling::kPixelsPerToken)
                    .to(device)};
            zStart = known->blend(zStart, plan.times.front());
        }
    }
    sampling::SamplerCallbacks samplerCallbacks;
    samplerCallbacks.cancel = callbacks.cancel;
    if (known) {
        samplerCallbacks.constrain = [&known](const at::Tensor& z, float s) {
            return known->blend(z, s);
        };
    }
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
    // Note [Guidance 1]: a step with guidance 1 blends g v_c + (1 - g) v_u = v_c, so the
    // unconditional pass is skipped and zeros stand in for v_u (vc * 1 + 0 * 0 is v_c to the
    // bit, as vc * 1 + v_u * 0 is for any finite v_u). A distilled model always runs so.
    std::map<float, float> guidanceAt;  // step start time -> guidance
    for (int k = 0; k < plan.steps(); ++k) guidanceAt[plan.times[k]] = plan.guidance[k];
    sampling::VelocityFn unconditional;
    if (m_unconditional) unconditional = sampling::unconditionalVelocity(*m_unconditional, uncond);
    const sampling::VelocityFn guided = [&](const at::Tensor& z, float t) {
        const auto it = guidanceAt.find(t);
        if (!unconditional || (it != guidanceAt.end() && it->second == 1.0f)) {
            return at::zeros_like(z);
        }
        return unconditional(z, t);
    };
    at::Tensor zFinal = sampling::sampleEuler(
        zStart, plan, sampling::conditionalVelocity(*m_conditional, cond, llm), guided,
        samplerCallbacks);
    result.denoiseSeconds = secondsSince(start);
    checkCancel(callbacks);

    // Decode, one image at a time to bound memory.
    start = Clock::now();
    for (int64_t i = 0; i < batch; ++i) {
        at::Tensor image = m_vae->decodeTokens(zFinal.narrow(0, i, 1), gridH, gridW);
        RgbImage rgb = toRgbImage(vae::toRgb8(image)[0]);
        // Inpainting's last word: the kept pixels are the input's (soft mask at the edge).
        if (input && !input->mask.empty()) rgb = compositeWithMask(rgb, input->image, input->mask);
        result.images.push_back(std::move(rgb));
        checkCancel(callbacks);
    }
    result.decodeSeconds = secondsSince(start);
    result.peakGpuBytes = runtime::cudaPeakAllocatedBytes();
    if (callbacks.keepLatents) {
        result.zInit = toFloatTensor(zInit);
        result.zFinal = toFloatTensor(zFinal);
    }
    return result;
}

}  // namespace

std::shared_ptr<ModelBundle> ModelBundle::load(const std::filesystem::path& folder,
                                               const LoadOptions& options) {
    try {
        return std::make_shared<LoadedBundle>(folder, options);
    } catch (const c10::Error& e) {
        if (!isOutOfMemory(e.what())) {
            throw ModelError("loading " + folder.string() + ": " + e.what_without_backtrace());
        }
        runtime::cudaReleaseCache();
        const std::string mode = options.memory == "auto" ? "the automatic mode" : options.memory;
        std::string message = "not enough GPU memory to load " + folder.string() + " in " + mode;
        const std::string lighter =
            lighterMode(options.memory == "auto" ? "offload-encoder" : options.memory);
        if (!lighter.empty()) message += "; try memory mode " + lighter;
        throw ModelError(message + " (" + gigabytes(runtime::gpuInfo().freeBytes) + " free now)");
    }
}

}  // namespace i4::pipeline
