#include "core/pipeline/memory_check.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <sstream>

#include "core/errors.h"
#include "core/io/json_file.h"
#include "core/io/model_folder.h"
#include "core/io/model_summary.h"
#include "core/runtime/device.h"
#include "core/sampling/packing.h"
#include "core/sampling/validation.h"
#include "core/vae/flux2_vae_config.h"

namespace i4::pipeline {

uint64_t availableMemoryBytes() {
    std::ifstream meminfo("/proc/meminfo");
    std::string key;
    uint64_t kb = 0;
    std::string unit;
    while (meminfo >> key >> kb >> unit) {
        if (key == "MemAvailable:") return kb * 1024;
    }
    return 0;
}

uint64_t estimateLoadBytes(const std::filesystem::path& folder, int bytesPerParameter) {
    uint64_t parameters = 0;
    const bool unconditional = io::ModelFolder::open(folder).hasUnconditionalTransformer();
    for (const auto& component : io::modelComponents()) {
        if (component == "tokenizer") continue;
        if (component == "unconditional_transformer" && !unconditional) continue;  // distilled
        parameters += static_cast<uint64_t>(
            io::summarizeComponent(folder / component, component).parameterCount);
    }
    return parameters * static_cast<uint64_t>(bytesPerParameter);
}

void checkMemoryFits(uint64_t needed, uint64_t available, const std::string& dtypeName) {
    // 10% headroom for activations and the rest of the program.
    if (available == 0 || static_cast<double>(needed) <= 0.9 * static_cast<double>(available))
        return;
    char message[256];
    std::snprintf(message, sizeof message,
                  "the model needs about %.1f GB of memory on the CPU in %s but only %.1f GB is "
                  "available; use a GPU (--device cuda) or bf16 (--dtype bf16)",
                  needed / 1e9, dtypeName.c_str(), available / 1e9);
    throw ModelError(message);
}

namespace {

double gb(uint64_t bytes) { return static_cast<double>(bytes) / 1e9; }

// Non-negative integer field of a config, or `fallback` when absent; a ModelError naming the
// file for anything else (configs come from downloaded folders).
int64_t configInt(const nlohmann::json& json, const char* key, int64_t fallback,
                  const std::string& source) {
    auto it = json.find(key);
    if (it == json.end() || it->is_null()) return fallback;
    if (!it->is_number_integer() || it->get<int64_t>() < 0 || it->get<int64_t>() > (1ll << 31)) {
        throw ModelError(source + ": field '" + key + "' must be a non-negative integer");
    }
    return it->get<int64_t>();
}

// Saturating arithmetic: absurd configs or sizes give "too big", never a wrapped small number.
uint64_t mul(uint64_t a, uint64_t b) {
    if (a != 0 && b > std::numeric_limits<uint64_t>::max() / a)
        return std::numeric_limits<uint64_t>::max();
    return a * b;
}
uint64_t mul(std::initializer_list<uint64_t> factors) {
    uint64_t r = 1;
    for (uint64_t f : factors) r = mul(r, f);
    return r;
}
uint64_t add(uint64_t a, uint64_t b) {
    return a > std::numeric_limits<uint64_t>::max() - b ? std::numeric_limits<uint64_t>::max()
                                                        : a + b;
}

constexpr int64_t kChatFramingBytes = 48;     // <|im_start|>user\n ... <|im_end|>\n<|im_start|>...
constexpr int64_t kVaeAttentionChunk = 4096;  // query rows per chunk (core/vae/flux2_vae.cpp)
constexpr double kUsableShare = 0.9;          // room for the rest of the program

}  // namespace

RequestMemoryModel RequestMemoryModel::fromFolder(const std::filesystem::path& folder) {
    RequestMemoryModel m;
    {
        const auto path = folder / "transformer" / "config.json";
        const nlohmann::json c = io::readJsonFile(path, path.string());
        const std::string src = path.string();
        m.ditHeads = configInt(c, "num_attention_heads", 18, src);
        m.ditHeadDim = configInt(c, "attention_head_dim", 256, src);
        m.ditIntermediate = configInt(c, "intermediate_size", 12288, src);
        m.llmFeatures = configInt(c, "llm_features_dim", 53248, src);
    }
    {
        const auto path = folder / "text_encoder" / "config.json";
        const nlohmann::json c = io::readJsonFile(path, path.string());
        const nlohmann::json text = c.contains("text_config") ? c.at("text_config") : c;
        if (!text.is_object()) throw ModelError(path.string() + ": 'text_config' is not an object");
        const std::string src = path.string();
        m.textHidden = configInt(text, "hidden_size", 4096, src);
        m.textHeads = configInt(text, "num_attention_heads", 32, src);
        m.textIntermediate = configInt(text, "intermediate_size", 12288, src);
    }
    {
        const auto path = folder / "vae" / "config.json";
        const vae::Flux2VaeConfig c =
            vae::Flux2VaeConfig::fromJson(io::readJsonFile(path, path.string()), path.string());
        m.vaeDecoderChannels = c.decoderChannels();
        m.vaeMidAttention = c.midBlockAddAttention;
        m.vaeDownscale = c.downscaleFactor();
    }
    return m;
}

int64_t textTokenBound(const std::vector<std::string>& prompts) {
    int64_t longest = 0;
    for (const auto& p : prompts) longest = std::max<int64_t>(longest, int64_t(p.size()));
    return std::min<int64_t>(sampling::kMaxTextTokens, longest + kChatFramingBytes);
}

uint64_t estimateRequestBytes(const RequestMemoryModel& m, int width, int height, int64_t images,
                              int64_t textTokens, int bytesPerElement, const std::string& device) {
    const bool cpu = device != "cuda";
    const uint64_t b = static_cast<uint64_t>(bytesPerElement);
    const uint64_t B = static_cast<uint64_t>(std::max<int64_t>(images, 1));
    const uint64_t T = static_cast<uint64_t>(std::max<int64_t>(textTokens, 1));
    const uint64_t N = mul(static_cast<uint64_t>(std::max(width, 0) / sampling::kPixelsPerToken),
                           static_cast<uint64_t>(std::max(height, 0) / sampling::kPixelsPerToken));
    const uint64_t L = add(T, N);
    const uint64_t D = mul(uint64_t(m.ditHeads), uint64_t(m.ditHeadDim));

    // Text: one prompt's encoder pass (hidden states x ~6, the MLP, the scores on the CPU), and
    // the float32 features of every image.
    uint64_t text = mul({T, uint64_t(m.textHidden), 6, b});
    text = add(text, mul({T, uint64_t(m.textIntermediate), 3, b}));
    if (cpu) text = add(text, mul({uint64_t(m.textHeads), T, T, 2, b}));
    text = add(text, mul({B, T, uint64_t(m.llmFeatures), 4}));

    // Denoising: the conditioning input for the whole loop, one block's working set at L.
    const uint64_t llm = mul({B, L, uint64_t(m.llmFeatures), 4});
    uint64_t block = mul({B, L, D, 10, b});  // hidden, norms, qkv, attention out, residuals
    block = add(block, mul({B, L, uint64_t(m.ditIntermediate), 3, b}));  // SwiGLU
    if (cpu) {
        block = add(block, mul({B, uint64_t(m.ditHeads), L, L, 2, b}));  // scores + softmax
    } else {
        block = add(block, mul({B, uint64_t(m.ditHeads), L, 128, 4}));  // fused attention tiles
    }
    const uint64_t denoise = add(add(llm, block), mul({B, N, 128, 4, 4}));  // latents, velocity

    // Decoding, one image at a time: the widest full-resolution maps (~4 alive at once), the
    // mid-block attention at the latent resolution in row chunks.
    const uint64_t pixels = mul(uint64_t(std::max(width, 0)), uint64_t(std::max(height, 0)));
    uint64_t widest = 0;
    for (size_t level = 0; level < m.vaeDecoderChannels.size(); ++level) {
        const uint64_t scale = uint64_t(1) << std::min<size_t>(level, 62);
        widest = std::max(widest, mul(uint64_t(std::max(m.vaeDecoderChannels[level], 0)),
                                      pixels / mul(scale, scale)));
    }
    uint64_t decode = mul({widest, 4, b});
    if (m.vaeMidAttention && m.vaeDownscale > 0) {
        const uint64_t latent = pixels / mul(uint64_t(m.vaeDownscale), uint64_t(m.vaeDownscale));
        decode = add(decode, mul({std::min<uint64_t>(latent, kVaeAttentionChunk), latent, 2, b}));
    }
    decode = add(decode, mul({B, pixels, 3, 4}));  // the images kept so far

    return std::max({text, denoise, decode});
}

void checkRequestFits(const RequestMemoryModel& model, const GenerationRequest& request,
                      const std::string& device, int bytesPerElement, uint64_t availableBytes,
                      uint64_t weightsBytes) {
    if (availableBytes == 0) return;
    const int64_t images = int64_t(request.prompts.size()) * std::max(request.batch, 1);
    const int64_t tokens = textTokenBound(request.prompts);
    const auto needed = [&](int w, int h, int64_t n) {
        return add(weightsBytes,
                   estimateRequestBytes(model, w, h, n, tokens, bytesPerElement, device));
    };
    const double usable = kUsableShare * static_cast<double>(availableBytes);
    const uint64_t need = needed(request.width, request.height, images);
    if (static_cast<double>(need) <= usable) return;

    std::ostringstream msg;
    msg.setf(std::ios::fixed);
    msg.precision(1);
    msg << request.width << "x" << request.height;
    if (images > 1) msg << " (" << images << " images at once)";
    msg << " needs about " << gb(need) << " GB of " << (device == "cuda" ? "GPU" : "CPU")
        << " memory to generate but " << gb(availableBytes) << " GB is free";
    // The largest size of the same aspect ratio that fits, in steps of 16 pixels on the longer
    // side, for the same number of images; then the most images at the size asked.
    const double aspect = double(request.width) / double(request.height);
    const int longer = std::max(request.width, request.height);
    std::string fits;
    for (int side = (longer / 16) * 16; side >= 16; side -= 16) {
        int w = aspect >= 1 ? side : int(std::lround(side * aspect / 16.0)) * 16;
        int h = aspect >= 1 ? int(std::lround(side / aspect / 16.0)) * 16 : side;
        w = std::max(w, 16);
        h = std::max(h, 16);
        if (static_cast<double>(needed(w, h, images)) <= usable) {
            fits = std::to_string(w) + "x" + std::to_string(h);
            break;
        }
    }
    if (!fits.empty()) msg << "; " << fits << " would fit";
    if (images > 1) {
        int64_t most = 0;
        for (int64_t n = images - 1; n >= 1; --n) {
            if (static_cast<double>(needed(request.width, request.height, n)) <= usable) {
                most = n;
                break;
            }
        }
        if (most > 0) msg << (fits.empty() ? "; " : ", or ") << most << " images at a time would";
    }
    if (fits.empty() && images <= 1) msg << "; no size of this shape fits";
    throw InputError(msg.str());
}

uint64_t freeBytesFor(const std::string& device) {
    if (device != "cuda") return availableMemoryBytes();
    // What the driver has free plus what LibTorch's cache holds unused: emptying the cache to
    // read it would make every run allocate its buffers afresh.
    return runtime::gpuInfo().freeBytes + runtime::cudaCachedFreeBytes();
}

void checkRequestMemory(const std::filesystem::path& folder, const GenerationRequest& request,
                        const std::string& device, const std::string& dtype) {
    checkRequestFits(RequestMemoryModel::fromFolder(folder), request, device,
                     dtype == "fp32" ? 4 : 2, freeBytesFor(device));
}

}  // namespace i4::pipeline
