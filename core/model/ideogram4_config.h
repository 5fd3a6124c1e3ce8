#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace i4::model {

// Hyper-parameters of the Ideogram 4 DiT, read from a transformer folder's `config.json`
// (diffusers-style names). Defaults are the published model's values and fill absent fields.
struct Ideogram4Config {
    int64_t inChannels = 128;                         // in_channels (latent token width)
    int64_t numLayers = 34;                           // num_layers
    int64_t numHeads = 18;                            // num_attention_heads
    int64_t headDim = 256;                            // attention_head_dim
    int64_t intermediateSize = 12288;                 // intermediate_size (SwiGLU hidden width)
    int64_t adalnDim = 512;                           // adaln_dim
    int64_t llmFeaturesDim = 53248;                   // llm_features_dim (13 taps x 4096)
    std::array<int64_t, 3> mropeSection{24, 20, 20};  // mrope_section (T, H, W)
    double normEps = 1e-5;                            // norm_eps (block and QK RMSNorms)
    double ropeTheta = 5e6;                           // rope_theta

    int64_t hiddenSize() const { return numHeads * headDim; }

    // Throws ModelError naming `source` and the field on a wrong type or an impossible value.
    static Ideogram4Config fromJson(const nlohmann::json& json, const std::string& source);
    // `<dir>/config.json`; a folder without one gets the published defaults.
    static Ideogram4Config fromFolder(const std::filesystem::path& dir);
    nlohmann::json toJson() const;
};

}  // namespace i4::model
