#include "core/pipeline/model_hints.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <system_error>
#include <vector>

namespace i4::pipeline {

ModelHints readModelHints(const std::filesystem::path& modelDir) {
    ModelHints hints;
    std::ifstream in(modelDir / "model_index.json");
    if (!in) return hints;
    const nlohmann::json index = nlohmann::json::parse(in, nullptr, false);
    if (!index.is_object() || !index.contains("_i4studio") || !index["_i4studio"].is_object()) {
        return hints;
    }
    const nlohmann::json& own = index["_i4studio"];
    if (own.contains("demo") && own["demo"].is_boolean()) hints.demo = own["demo"].get<bool>();
    if (own.contains("native_size") && own["native_size"].is_array() &&
        own["native_size"].size() == 2 && own["native_size"][0].is_number_integer() &&
        own["native_size"][1].is_number_integer()) {
        const int width = own["native_size"][0].get<int>();
        const int height = own["native_size"][1].get<int>();
        if (width > 0 && height > 0 && width % 16 == 0 && height % 16 == 0) {
            hints.nativeWidth = width;
            hints.nativeHeight = height;
        }
    }
    if (own.contains("example_caption") && own["example_caption"].is_string()) {
        hints.exampleCaption = own["example_caption"].get<std::string>();
    }
    if (own.contains("preset") && own["preset"].is_string()) {
        hints.preset = own["preset"].get<std::string>();
    }
    if (own.contains("guidance") && own["guidance"].is_number()) {
        const double weight = own["guidance"].get<double>();
        if (weight >= 0 && weight <= 100) hints.guidance = float(weight);
    }
    return hints;
}

std::optional<std::filesystem::path> findDemoModel(const std::filesystem::path& executable) {
    std::vector<std::filesystem::path> candidates;
    if (const char* env = std::getenv("I4_DEMO_MODEL"); env && *env) candidates.emplace_back(env);
    if (!executable.empty()) {
        candidates.push_back(executable.parent_path().parent_path() / "share" / "i4studio" /
                             "models" / "demo");
    }
#ifdef I4_SOURCE_DEMO_MODEL
    candidates.emplace_back(I4_SOURCE_DEMO_MODEL);
#endif
    for (const auto& dir : candidates) {
        std::error_code error;
        if (std::filesystem::is_regular_file(dir / "model_index.json", error)) {
            return std::filesystem::weakly_canonical(dir, error);
        }
    }
    return std::nullopt;
}

std::filesystem::path currentExecutable() {
    std::error_code error;
    std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    return error ? std::filesystem::path() : self;
}

}  // namespace i4::pipeline
