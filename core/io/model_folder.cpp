#include "core/io/model_folder.h"

#include <fstream>
#include <iomanip>
#include <set>
#include <sstream>

#include "core/errors.h"
#include "core/io/checkpoint.h"
#include "core/io/json_file.h"

namespace i4::io {
namespace fs = std::filesystem;

nlohmann::json readJsonFile(const fs::path& path, const std::string& label) {
    std::ifstream in(path);
    if (!in) throw ModelError(label + ": " + path.string() + " is missing or unreadable");
    nlohmann::json value = nlohmann::json::parse(in, nullptr, false);
    if (value.is_discarded()) throw ModelError(label + ": " + path.string() + " is not valid JSON");
    return value;
}

std::string precisionName(Precision precision) {
    switch (precision) {
        case Precision::F32:
            return "f32";
        case Precision::BF16:
            return "bf16";
        case Precision::F16:
            return "f16";
        case Precision::FP8:
            return "fp8";
        case Precision::NF4:
            return "nf4";
        case Precision::Mixed:
            return "mixed";
    }
    return "?";
}

Precision detectPrecision(const Checkpoint& checkpoint) {
    bool nf4 = false, fp8 = false;
    std::set<DType> floats;
    for (const auto& key : checkpoint.keys()) {
        const TensorInfo& info = checkpoint.info(key);
        if (key.find(".quant_state.bitsandbytes__nf4") != std::string::npos) nf4 = true;
        if (info.dtype == DType::F8_E4M3) fp8 = true;
        if ((info.dtype == DType::BF16 || info.dtype == DType::F16 || info.dtype == DType::F32) &&
            info.shape.size() == 2) {
            floats.insert(info.dtype);
        }
    }
    if (nf4 && fp8) return Precision::Mixed;
    if (nf4) return Precision::NF4;
    if (fp8) return Precision::FP8;
    if (floats.size() > 1) return Precision::Mixed;
    if (floats.count(DType::F32)) return Precision::F32;
    if (floats.count(DType::F16)) return Precision::F16;
    return Precision::BF16;
}

ModelFolder ModelFolder::open(const fs::path& dir) {
    const std::string hint =
        " (a model folder holds model_index.json and the folders transformer/, "
        "unconditional_transformer/ (not in a distilled model), text_encoder/, tokenizer/ and "
        "vae/)";
    if (!fs::is_directory(dir))
        throw ModelError("model folder " + dir.string() + " does not exist");
    ModelFolder folder;
    folder.root = dir;
    if (!fs::is_regular_file(dir / "model_index.json")) {
        throw ModelError(dir.string() + ": model_index.json is missing" + hint);
    }
    folder.modelIndex = readJsonFile(dir / "model_index.json", "model_index.json");
    for (const auto& component : modelComponents()) {
        if (component == "unconditional_transformer" && !folder.hasUnconditionalTransformer()) {
            continue;
        }
        if (!fs::is_directory(dir / component)) {
            throw ModelError(dir.string() + ": the " + component + "/ folder is missing" + hint);
        }
        const char* required = component == "tokenizer" ? "tokenizer.json" : "config.json";
        if (!fs::is_regular_file(dir / component / required)) {
            // A ComfyUI single file carries no config: the model's published config.json has to
            // sit next to it (the layer sizes cannot all be read back from the shapes).
            const std::string repackHint =
                component.find("transformer") != std::string::npos
                    ? " (a single-file transformer such as a ComfyUI repack needs the model's "
                      "published transformer config.json beside it)"
                    : "";
            throw ModelError(dir.string() + ": " + component + "/" + required + " is missing" +
                             repackHint);
        }
    }
    return folder;
}

bool ModelFolder::hasUnconditionalTransformer() const {
    if (!fs::is_directory(root / "unconditional_transformer")) return false;
    const auto it = modelIndex.find("unconditional_transformer");
    if (it == modelIndex.end()) return true;  // a folder that model_index.json does not list
    if (it->is_null()) return false;
    if (it->is_array()) {
        for (const auto& part : *it) {
            if (!part.is_null()) return true;
        }
        return false;
    }
    return true;
}

nlohmann::json ModelFolder::config(const std::string& component) const {
    return readJsonFile(root / component / "config.json", component);
}

std::string ModelFolder::fingerprint() const {
    // FNV-1a over model_index.json and every component's config: cheap, stable, and it changes
    // when a different model is put in the same folder.
    uint64_t hash = 1469598103934665603ull;
    auto mix = [&hash](const std::string& bytes) {
        for (unsigned char c : bytes) {
            hash ^= c;
            hash *= 1099511628211ull;
        }
    };
    std::vector<fs::path> files{root / "model_index.json"};
    for (const auto& component : modelComponents()) {
        files.push_back(root / component /
                        (component == "tokenizer" ? "tokenizer_config.json" : "config.json"));
    }
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream content;
        content << in.rdbuf();
        mix(file.filename().string());
        mix(content.str());
    }
    std::ostringstream out;
    out << fs::absolute(root).filename().string() << ":" << std::hex << std::setw(16)
        << std::setfill('0') << hash;
    return out.str();
}

}  // namespace i4::io
