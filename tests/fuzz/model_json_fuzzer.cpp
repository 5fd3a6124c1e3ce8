// libFuzzer target: a model folder's JSON files (model_index.json's `_i4studio` hints, the
// transformer and VAE configs) with absurd values: a billion layers, zero or negative widths,
// wrong types, huge arrays. Parsing either gives a config or a ModelError naming the field; the
// per-request memory estimate over whatever parsed saturates instead of overflowing.
#include <unistd.h>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/errors.h"
#include "core/model/ideogram4_config.h"
#include "core/pipeline/memory_check.h"
#include "core/pipeline/model_hints.h"
#include "core/vae/flux2_vae_config.h"

namespace i4::io {
nlohmann::json readJsonFile(const std::filesystem::path& path, const std::string& label) {
    std::ifstream in(path);
    if (!in) throw ModelError(label + ": cannot read " + path.string());
    return nlohmann::json::parse(in);
}
}  // namespace i4::io

namespace {
// A folder of this process's own for model_index.json, in the working folder (the build tree):
// libFuzzer's ends do not all run atexit handlers, so one under /tmp could be left behind.
std::filesystem::path hintsFolder() {
    return std::filesystem::current_path() / ("model_json_hints-" + std::to_string(::getpid()));
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    // Earlier runs' folders (this one's is made fresh).
    std::error_code ignored;
    for (const auto& entry : std::filesystem::directory_iterator(".", ignored)) {
        if (entry.path().filename().string().rfind("model_json_hints-", 0) == 0)
            std::filesystem::remove_all(entry.path(), ignored);
    }
    std::filesystem::create_directories(hintsFolder());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded()) return 0;
    i4::pipeline::RequestMemoryModel sizes;
    try {
            const auto dit = i4::model::Ideogram4Config::fromJson(json, "config.json");
            sizes.ditHeads = dit.numHeads;
            sizes.ditHeadDim = dit.headDim;
            sizes.ditIntermediate = dit.intermediateSize;
            sizes.llmFeatures = dit.llmFeaturesDim;
        } catch (const i4::ModelError&) {
        }
    try {
        const auto vae = i4::vae::Flux2VaeConfig::fromJson(json, "config.json");
        sizes.vaeDecoderChannels = vae.decoderChannels();
        sizes.vaeDownscale = vae.downscaleFactor();
    } catch (const i4::ModelError&) {
    }
    (void)i4::pipeline::estimateRequestBytes(sizes, 2048, 2048, 64, 2048, 4, "cpu");
    (void)i4::pipeline::estimateRequestBytes(sizes, 16, 96, 1, 1, 2, "cuda");
    // model_index.json through the reader the app uses (it never throws).
    { std::ofstream(hintsFolder() / "model_index.json", std::ios::binary) << text; }
    (void)i4::pipeline::readModelHints(hintsFolder());
    return 0;
}

// memory_check.cpp's Torch-linked neighbours, never reached by the estimate itself.
#include "core/io/model_folder.h"
#include "core/io/model_summary.h"
#include "core/runtime/device.h"
namespace i4::io {
ComponentSummary summarizeComponent(const std::filesystem::path&, const std::string&) {
    std::abort();
}
ModelFolder ModelFolder::open(const std::filesystem::path&) { std::abort(); }
bool ModelFolder::hasUnconditionalTransformer() const { std::abort(); }
}  // namespace i4::io
namespace i4::runtime {
GpuInfo gpuInfo() { std::abort(); }
void cudaReleaseCache() { std::abort(); }
uint64_t cudaCachedFreeBytes() { std::abort(); }
}  // namespace i4::runtime
