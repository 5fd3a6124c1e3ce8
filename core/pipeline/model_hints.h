#pragma once

// Torch-free: the UI reads these before it loads anything.

#include <filesystem>
#include <optional>
#include <string>

namespace i4::pipeline {

// What a model folder says about itself beyond the published layout: the `_i4studio` object of
// its model_index.json (absent in the published repos, present in i4studio's demo model).
struct ModelHints {
    bool demo = false;     // a small model shipped with i4studio
    int nativeWidth = 0;   // the size it was trained at (0: none given, use the published
    int nativeHeight = 0;  // defaults and limits)
    std::string exampleCaption;  // a caption it renders well (may be empty)
    std::string preset;          // the sampler preset it was measured with ("" = none given)
    std::optional<float> guidance;  // its best main guidance weight (the preset's polish tail
                                    // is kept); none given: the preset's own
    bool hasNativeSize() const { return nativeWidth > 0 && nativeHeight > 0; }
};

// Never throws: a folder without model_index.json, without `_i4studio` or with a malformed one
// gives empty hints (the loader reports real problems with the folder).
ModelHints readModelHints(const std::filesystem::path& modelDir);

// The demo model: $I4_DEMO_MODEL when set, else next to the executable
// (`<bin>/../share/i4studio/models/demo`, installed or unpacked), else the source tree's
// `resources/models/demo` (running from a build folder). Only folders with a model_index.json.
std::optional<std::filesystem::path> findDemoModel(const std::filesystem::path& executable);

// This process's executable (/proc/self/exe); empty when it cannot be read.
std::filesystem::path currentExecutable();

}  // namespace i4::pipeline
