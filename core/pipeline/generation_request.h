#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace i4::pipeline {

// A LoRA applied to a transformer (docs/formats.md): given at load time (LoadOptions::loras) and
// recorded with each image so a remix loads the same ones.
struct LoraChoice {
    std::string file;  // the .safetensors path as given
    double weight = 1.0;
    bool operator==(const LoraChoice& other) const {
        return file == other.file && weight == other.weight;
    }
};

// What the user asks for. Plain data: the CLI, the GUI's queue and the PNG metadata all carry it
// as JSON. Explicit values override the preset's; the guidance schedule is in step order (first
// step first), as the user sees it.
struct GenerationRequest {
    std::vector<std::string> prompts;  // one image per prompt (x batch), generated together
    int width = 1024;
    int height = 1024;
    std::string preset = "V4_DEFAULT_20";  // a built-in or user preset name; "" = explicit only
    std::optional<int> steps;
    std::vector<float> guidanceSchedule;  // step order; empty = the preset's
    std::optional<double> mu;
    std::optional<double> std;
    uint64_t seed = 0;
    int batch = 1;               // images per prompt
    bool uncheckedSize = false;  // lift the published size limits (test models)
    // The LoRAs of the model that ran it (filled in by the bundle; a remix loads them).
    std::vector<LoraChoice> loras;

    nlohmann::json toJson() const;
    // Throws InputError naming the field on a malformed value.
    static GenerationRequest fromJson(const nlohmann::json& json);
    bool operator==(const GenerationRequest& other) const;
};

}  // namespace i4::pipeline
