#include "core/model/ideogram4_config.h"

#include <array>
#include <type_traits>

#include "core/errors.h"
#include "core/io/json_file.h"

namespace i4::model {
namespace {

// True when every number in `value` fits the integral field it is read into: nlohmann converts a
// float such as 6e23 to int64 by a cast, which is undefined behaviour (found by fuzz.model_json).
// (Other kinds, such as a string, are left to get<T>(), which reports the wrong type.)
bool integralWhereExpected(const nlohmann::json& value, bool integral) {
    if (!integral) return true;
    if (value.is_array()) {
        for (const auto& item : value) {
            if (item.is_number_float()) return false;
        }
        return true;
    }
    return !value.is_number_float();
}

template <typename T>
void readField(const nlohmann::json& json, const char* key, T& out, const std::string& source) {
    if (!json.contains(key) || json.at(key).is_null()) return;
    constexpr bool kIntegral =
        std::is_integral_v<T> || std::is_same_v<T, std::array<int64_t, 3>>;
    if (!integralWhereExpected(json.at(key), kIntegral)) {
        throw ModelError(source + ": field '" + key + "' must be a whole number");
    }
    try {
        out = json.at(key).get<T>();
    } catch (const nlohmann::json::exception&) {
        throw ModelError(source + ": field '" + key + "' has the wrong type");
    }
}

void requirePositive(int64_t value, const char* key, const std::string& source) {
    if (value <= 0) throw ModelError(source + ": field '" + key + "' must be positive");
}

}  // namespace

Ideogram4Config Ideogram4Config::fromJson(const nlohmann::json& json, const std::string& source) {
    if (!json.is_object()) throw ModelError(source + ": not a JSON object");
    Ideogram4Config c;
    readField(json, "in_channels", c.inChannels, source);
    readField(json, "num_layers", c.numLayers, source);
    readField(json, "num_attention_heads", c.numHeads, source);
    readField(json, "attention_head_dim", c.headDim, source);
    readField(json, "intermediate_size", c.intermediateSize, source);
    readField(json, "adaln_dim", c.adalnDim, source);
    readField(json, "llm_features_dim", c.llmFeaturesDim, source);
    readField(json, "mrope_section", c.mropeSection, source);
    readField(json, "norm_eps", c.normEps, source);
    readField(json, "rope_theta", c.ropeTheta, source);

    requirePositive(c.inChannels, "in_channels", source);
    requirePositive(c.numLayers, "num_layers", source);
    requirePositive(c.numHeads, "num_attention_heads", source);
    requirePositive(c.intermediateSize, "intermediate_size", source);
    requirePositive(c.adalnDim, "adaln_dim", source);
    requirePositive(c.llmFeaturesDim, "llm_features_dim", source);
    if (c.headDim <= 0 || c.headDim % 2 != 0) {
        throw ModelError(source + ": field 'attention_head_dim' must be positive and even");
    }
    // Interleaved MRoPE fills slots [0, 3 * max(H, W) sections) of the head_dim / 2 frequencies.
    int64_t sectionSum = 0;
    for (int64_t s : c.mropeSection) {
        if (s < 0) throw ModelError(source + ": field 'mrope_section' holds a negative value");
        sectionSum += s;
    }
    if (sectionSum > c.headDim / 2 ||
        3 * std::max(c.mropeSection[1], c.mropeSection[2]) > c.headDim / 2) {
        throw ModelError(source + ": field 'mrope_section' does not fit attention_head_dim / 2 = " +
                         std::to_string(c.headDim / 2) + " frequencies");
    }
    if (!(c.normEps > 0.0)) throw ModelError(source + ": field 'norm_eps' must be positive");
    if (!(c.ropeTheta > 0.0)) throw ModelError(source + ": field 'rope_theta' must be positive");
    return c;
}

Ideogram4Config Ideogram4Config::fromFolder(const std::filesystem::path& dir) {
    const std::filesystem::path file = dir / "config.json";
    if (!std::filesystem::exists(file)) return {};
    return fromJson(io::readJsonFile(file, "transformer config"), file.string());
}

nlohmann::json Ideogram4Config::toJson() const {
    return {{"_class_name", "Ideogram4Transformer2DModel"},
            {"in_channels", inChannels},
            {"num_layers", numLayers},
            {"num_attention_heads", numHeads},
            {"attention_head_dim", headDim},
            {"intermediate_size", intermediateSize},
            {"adaln_dim", adalnDim},
            {"llm_features_dim", llmFeaturesDim},
            {"mrope_section", mropeSection},
            {"norm_eps", normEps},
            {"rope_theta", ropeTheta}};
}

}  // namespace i4::model
