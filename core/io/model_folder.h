#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace i4::io {

class Checkpoint;

// Weight precision of a component, detected from its tensors (never from a file name).
enum class Precision { F32, BF16, F16, FP8, NF4, Mixed };
std::string precisionName(Precision precision);
Precision detectPrecision(const Checkpoint& checkpoint);

// An Ideogram 4 model folder in the published Hugging Face layout: `model_index.json` and the
// component folders transformer/, unconditional_transformer/, text_encoder/, tokenizer/, vae/.
struct ModelFolder {
    std::filesystem::path root;
    nlohmann::json modelIndex;

    std::filesystem::path transformer() const { return root / "transformer"; }
    std::filesystem::path unconditionalTransformer() const {
        return root / "unconditional_transformer";
    }
    std::filesystem::path textEncoder() const { return root / "text_encoder"; }
    std::filesystem::path tokenizer() const { return root / "tokenizer"; }
    std::filesystem::path vae() const { return root / "vae"; }

    // False for a distilled (guidance-1) model: no unconditional_transformer/ folder, or
    // model_index.json lists it as null or [null, null] (diffusers' absent optional component).
    // Such a model runs the conditional transformer alone, one pass per step.
    bool hasUnconditionalTransformer() const;

    // Opens and checks the folder: a missing model_index.json, component folder, config.json or
    // tokenizer.json is a ModelError that names the part and says what a complete folder holds.
    static ModelFolder open(const std::filesystem::path& dir);

    // `<component>/config.json`, parsed.
    nlohmann::json config(const std::string& component) const;
    // A short identity: folder name + hash of every config file (changes when the model changes).
    std::string fingerprint() const;
};

inline const std::vector<std::string>& modelComponents() {
    static const std::vector<std::string> kComponents{"transformer", "unconditional_transformer",
                                                      "text_encoder", "tokenizer", "vae"};
    return kComponents;
}

}  // namespace i4::io
