#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace i4::vae {

// `vae/config.json` of an AutoencoderKLFlux2 (diffusers). Defaults are the published FLUX.2 values
// (spec D.1); a field present in the file overrides its default.
struct Flux2VaeConfig {
    int inChannels = 3;
    int outChannels = 3;
    int latentChannels = 32;
    int layersPerBlock = 2;
    int normNumGroups = 32;
    std::vector<int> blockOutChannels{128, 256, 512, 512};
    // The "small decoder" variant (diffusers PR #13428); empty means blockOutChannels.
    std::vector<int> decoderBlockOutChannels;
    bool useQuantConv = true;
    bool usePostQuantConv = true;
    bool midBlockAddAttention = true;
    int patchSize = 2;  // square 2x2 patches; the token layout depends on it
    double batchNormEps = 1e-4;

    const std::vector<int>& decoderChannels() const {
        return decoderBlockOutChannels.empty() ? blockOutChannels : decoderBlockOutChannels;
    }
    // Pixels per latent position (2^(levels-1)).
    int downscaleFactor() const { return 1 << (static_cast<int>(blockOutChannels.size()) - 1); }

    // Throws ModelError naming `source` and the field when a value is malformed or unsupported.
    static Flux2VaeConfig fromJson(const nlohmann::json& json, const std::string& source);
};

}  // namespace i4::vae
