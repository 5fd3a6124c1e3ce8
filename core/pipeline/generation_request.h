#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace i4::pipeline {

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

    nlohmann::json toJson() const;
    // Throws InputError naming the field on a malformed value.
    static GenerationRequest fromJson(const nlohmann::json& json);
    bool operator==(const GenerationRequest& other) const;
};

}  // namespace i4::pipeline
