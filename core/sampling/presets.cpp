#include "core/sampling/presets.h"

#include <cmath>
#include <fstream>
#include <sstream>

#include "core/errors.h"
#include "core/io/safetensors_writer.h"
#include "core/sampling/builtin_presets_json.h"

namespace i4::sampling {
namespace {

constexpr const char* kFormat = "i4studio-presets";
constexpr int kVersion = 1;

[[noreturn]] void fail(const std::string& source, const std::string& what) {
    throw InputError(source + ": " + what);
}

template <typename T>
T field(const nlohmann::json& json, const char* key, const std::string& where) {
    if (!json.contains(key)) fail(where, std::string("field '") + key + "' is missing");
    try {
        return json.at(key).get<T>();
    } catch (const nlohmann::json::exception&) {
        fail(where, std::string("field '") + key + "' has the wrong type");
    }
}

}  // namespace

bool SamplerPreset::operator==(const SamplerPreset& other) const {
    return name == other.name && description == other.description && steps == other.steps &&
           mu == other.mu && std == other.std && guidanceSchedule == other.guidanceSchedule;
}

nlohmann::json presetToJson(const SamplerPreset& preset) {
    return {{"name", preset.name},   {"description", preset.description},
            {"steps", preset.steps}, {"mu", preset.mu},
            {"std", preset.std},     {"guidance_schedule", preset.guidanceSchedule}};
}

SamplerPreset presetFromJson(const nlohmann::json& json, const std::string& source) {
    if (!json.is_object()) fail(source, "a preset must be a JSON object");
    SamplerPreset p;
    p.name = field<std::string>(json, "name", source);
    const std::string where = source + ", preset '" + p.name + "'";
    if (p.name.empty()) fail(source, "a preset has an empty name");
    p.description = json.value("description", std::string());
    p.steps = field<int>(json, "steps", where);
    p.mu = field<double>(json, "mu", where);
    p.std = field<double>(json, "std", where);
    p.guidanceSchedule = field<std::vector<float>>(json, "guidance_schedule", where);
    if (p.steps < 1) fail(where, "'steps' must be at least 1");
    if (!std::isfinite(p.mu)) fail(where, "'mu' must be a finite number");
    if (!(p.std > 0.0) || !std::isfinite(p.std)) fail(where, "'std' must be positive");
    if (p.guidanceSchedule.size() != static_cast<size_t>(p.steps)) {
        fail(where, "'guidance_schedule' has " + std::to_string(p.guidanceSchedule.size()) +
                        " values for " + std::to_string(p.steps) + " steps");
    }
    for (float g : p.guidanceSchedule) {
        if (!std::isfinite(g)) fail(where, "'guidance_schedule' holds a value that is not finite");
    }
    return p;
}

std::vector<SamplerPreset> presetsFromJson(const nlohmann::json& json, const std::string& source) {
    if (!json.is_object() || json.value("format", std::string()) != kFormat) {
        fail(source, std::string("is not a preset file (\"format\" must be \"") + kFormat + "\")");
    }
    if (json.value("version", 0) != kVersion) {
        fail(source,
             "has an unsupported preset file version (expected " + std::to_string(kVersion) + ")");
    }
    if (!json.contains("presets") || !json.at("presets").is_array()) {
        fail(source, "field 'presets' must be an array");
    }
    std::vector<SamplerPreset> out;
    for (const auto& item : json.at("presets")) {
        SamplerPreset p = presetFromJson(item, source);
        for (const auto& seen : out) {
            if (seen.name == p.name) fail(source, "preset '" + p.name + "' is defined twice");
        }
        out.push_back(std::move(p));
    }
    return out;
}

nlohmann::json presetsToJson(const std::vector<SamplerPreset>& presets) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& p : presets) list.push_back(presetToJson(p));
    return {{"format", kFormat}, {"version", kVersion}, {"presets", list}};
}

const std::vector<SamplerPreset>& builtinPresets() {
    // A malformed built-in file is a build defect; the unit tests parse it.
    static const std::vector<SamplerPreset> kPresets =
        presetsFromJson(nlohmann::json::parse(kBuiltinPresetsJson), "built-in presets");
    return kPresets;
}

std::vector<SamplerPreset> loadPresetFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path.string(), "cannot be opened");
    std::stringstream text;
    text << in.rdbuf();
    nlohmann::json json = nlohmann::json::parse(text.str(), nullptr, false);
    if (json.is_discarded()) fail(path.string(), "is not valid JSON");
    return presetsFromJson(json, path.string());
}

void savePresetFile(const std::filesystem::path& path, const std::vector<SamplerPreset>& presets) {
    io::writeFileAtomically(path, presetsToJson(presets).dump(2) + "\n");
}

std::optional<SamplerPreset> findPreset(const std::string& name,
                                        const std::vector<SamplerPreset>& userPresets) {
    for (const auto& p : userPresets) {
        if (p.name == name) return p;
    }
    for (const auto& p : builtinPresets()) {
        if (p.name == name) return p;
    }
    return std::nullopt;
}

}  // namespace i4::sampling
