#include "core/vae/flux2_vae_config.h"

#include "core/errors.h"

namespace i4::vae {
namespace {

[[noreturn]] void fail(const std::string& source, const std::string& field,
                       const std::string& what) {
    throw ModelError(source + ": field '" + field + "' " + what);
}

int readInt(const nlohmann::json& json, const std::string& source, const char* field, int value,
            int minimum) {
    if (!json.contains(field)) return value;
    const auto& node = json.at(field);
    if (!node.is_number_integer()) fail(source, field, "must be an integer");
    const auto read = node.get<int64_t>();
    if (read < minimum || read > (1 << 20)) fail(source, field, "is out of range");
    return static_cast<int>(read);
}

std::vector<int> readChannels(const nlohmann::json& json, const std::string& source,
                              const char* field, std::vector<int> value) {
    if (!json.contains(field) || json.at(field).is_null()) return value;
    const auto& node = json.at(field);
    if (!node.is_array() || node.empty()) fail(source, field, "must be a non-empty list");
    value.clear();
    for (const auto& item : node) {
        if (!item.is_number_integer() || item.get<int64_t>() <= 0 || item.get<int64_t>() > 65536) {
            fail(source, field, "must hold positive integers");
        }
        value.push_back(item.get<int>());
    }
    return value;
}

bool readBool(const nlohmann::json& json, const std::string& source, const char* field,
              bool value) {
    if (!json.contains(field)) return value;
    if (!json.at(field).is_boolean()) fail(source, field, "must be true or false");
    return json.at(field).get<bool>();
}

}  // namespace

Flux2VaeConfig Flux2VaeConfig::fromJson(const nlohmann::json& json, const std::string& source) {
    if (!json.is_object()) throw ModelError(source + ": expected a JSON object");
    Flux2VaeConfig config;
    config.inChannels = readInt(json, source, "in_channels", config.inChannels, 1);
    config.outChannels = readInt(json, source, "out_channels", config.outChannels, 1);
    config.latentChannels = readInt(json, source, "latent_channels", config.latentChannels, 1);
    config.layersPerBlock = readInt(json, source, "layers_per_block", config.layersPerBlock, 1);
    config.normNumGroups = readInt(json, source, "norm_num_groups", config.normNumGroups, 1);
    config.blockOutChannels =
        readChannels(json, source, "block_out_channels", config.blockOutChannels);
    config.decoderBlockOutChannels = readChannels(json, source, "decoder_block_out_channels", {});
    config.useQuantConv = readBool(json, source, "use_quant_conv", config.useQuantConv);
    config.usePostQuantConv =
        readBool(json, source, "use_post_quant_conv", config.usePostQuantConv);
    config.midBlockAddAttention =
        readBool(json, source, "mid_block_add_attention", config.midBlockAddAttention);
    if (json.contains("act_fn") && json.at("act_fn") != "silu") {
        fail(source, "act_fn", "must be \"silu\" (the only activation FLUX.2 uses)");
    }
    if (json.contains("patch_size")) {
        const auto& patch = json.at("patch_size");
        const bool square = patch.is_array() && patch.size() == 2 && patch[0] == patch[1] &&
                            patch[0].is_number_integer();
        if (!square && !patch.is_number_integer()) fail(source, "patch_size", "must be [p, p]");
        config.patchSize = square ? patch[0].get<int>() : patch.get<int>();
        if (config.patchSize != 2) fail(source, "patch_size", "must be 2 (Ideogram 4 tokens)");
    }
    if (json.contains("batch_norm_eps")) {
        if (!json.at("batch_norm_eps").is_number()) {
            fail(source, "batch_norm_eps", "must be a number");
        }
        config.batchNormEps = json.at("batch_norm_eps").get<double>();
    }
    if (config.decoderChannels().size() != config.blockOutChannels.size()) {
        fail(source, "decoder_block_out_channels",
             "must have as many levels as block_out_channels");
    }
    for (const auto* list : {&config.blockOutChannels, &config.decoderBlockOutChannels}) {
        for (int channels : *list) {
            if (channels % config.normNumGroups != 0) {
                fail(source, "block_out_channels",
                     "has " + std::to_string(channels) +
                         " channels, not a multiple of "
                         "norm_num_groups (" +
                         std::to_string(config.normNumGroups) + ")");
            }
        }
    }
    return config;
}

}  // namespace i4::vae
