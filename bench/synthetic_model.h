#pragma once

// A model folder in the published Hugging Face layout (the layout of ../shared/golden/tiny-
// ideogram4-*), filled with random weights, at the real Ideogram 4 sizes: for load and memory
// benchmarks on a machine that has no copy of the real weights.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "bench/streaming_safetensors.h"

namespace i4::bench {

// Sizes of every component. `real()` is the published model (spec E.2, A.1, D.1); `tiny()` is the
// golden tiny models' shape, for checking the writer end to end on a CPU in seconds.
struct SyntheticGeometry {
    // Ideogram 4 transformer
    int64_t ditHeads = 18;
    int64_t ditHeadDim = 256;
    int64_t ditIntermediate = 12288;
    int64_t ditAdaln = 512;
    int64_t ditInChannels = 128;
    std::vector<int64_t> ditMropeSection{24, 20, 20};
    // Qwen3-VL text model
    int64_t teHidden = 4096;
    int64_t teHeads = 32;
    int64_t teKvHeads = 8;
    int64_t teHeadDim = 128;
    int64_t teIntermediate = 12288;
    int64_t teVocab = 151936;
    // FLUX.2 VAE
    std::vector<int64_t> vaeChannels{128, 256, 512, 512};
    int64_t vaeLatentChannels = 32;
    int64_t vaeLayersPerBlock = 2;
    int64_t vaeGroups = 32;
    int64_t vaeSampleSize = 1024;

    int64_t ditHidden() const { return ditHeads * ditHeadDim; }
    // 13 tapped text-encoder layers, interleaved hidden-major (spec A.4).
    int64_t llmFeatures() const { return 13 * teHidden; }

    static SyntheticGeometry real();
    static SyntheticGeometry tiny();
};

struct SyntheticOptions {
    std::string precision = "fp8";  // "fp8", "bf16" or "nf4" (every Linear of both transformers
                                    // and the text model's layers; the VAE is always bf16)
    std::string geometry = "real";  // "real" or "tiny"
    int ditLayers = 34;             // per transformer
    int teLayers = 36;              // the pipeline needs all 36 (it taps layer 35)
    uint64_t seed = 1;
};

// Everything one folder holds: the weight files and the small text files (configs, index files,
// model_index.json), by path.
struct SyntheticModel {
    std::vector<FileSpec> weights;
    std::vector<std::pair<std::filesystem::path, std::string>> textFiles;  // model_index last

    uint64_t weightBytes() const;
};

// The folder's plan. Throws std::invalid_argument on an unknown precision or geometry.
SyntheticModel planSyntheticModel(const std::filesystem::path& dir,
                                  const SyntheticOptions& options);

// bitsandbytes' signed dynamic 8-bit code table (create_dynamic_map(signed=True)): the nested
// absmax codes of NF4 text-encoder weights index it.
std::vector<float> bitsandbytesDynamicMap();

}  // namespace i4::bench
