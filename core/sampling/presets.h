#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace i4::sampling {

// A named set of sampler settings. The guidance schedule is in step order (first step first),
// one value per step.
struct SamplerPreset {
    std::string name;
    std::string description;
    int steps = 0;
    double mu = 0.0;
    double std = 1.0;
    std::vector<float> guidanceSchedule;

    bool operator==(const SamplerPreset& other) const;
};

// One preset <-> its JSON object ({"name", "description", "steps", "mu", "std",
// "guidance_schedule"}). `fromJson` throws InputError naming `source` and the field, and checks
// that the schedule has `steps` values.
nlohmann::json presetToJson(const SamplerPreset& preset);
SamplerPreset presetFromJson(const nlohmann::json& json, const std::string& source);

// The presets compiled into the binary from resources/presets/builtin.json (V4_QUALITY_48,
// V4_DEFAULT_20, V4_TURBO_12).
const std::vector<SamplerPreset>& builtinPresets();

// A preset file: {"format": "i4studio-presets", "version": 1, "presets": [...]}. Loading throws
// InputError naming the file; saving writes atomically and throws Error on failure.
std::vector<SamplerPreset> loadPresetFile(const std::filesystem::path& path);
void savePresetFile(const std::filesystem::path& path, const std::vector<SamplerPreset>& presets);
std::vector<SamplerPreset> presetsFromJson(const nlohmann::json& json, const std::string& source);
nlohmann::json presetsToJson(const std::vector<SamplerPreset>& presets);

// Looks `name` up among the user presets first, then the built-in ones.
std::optional<SamplerPreset> findPreset(const std::string& name,
                                        const std::vector<SamplerPreset>& userPresets = {});

}  // namespace i4::sampling
