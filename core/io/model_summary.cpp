#include "core/io/model_summary.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <iomanip>
#include <sstream>

#include "core/io/checkpoint.h"
#include "core/io/json_file.h"
#include "core/io/lora_keys.h"
#include "core/io/model_folder.h"

namespace i4::io {
namespace {

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool isQuantAux(const std::string& key) {
    for (const char* suffix : {".absmax", ".quant_map", ".nested_absmax", ".nested_quant_map",
                               ".quant_state.bitsandbytes__nf4", ".weight_scale"}) {
        if (endsWith(key, suffix)) return true;
    }
    return false;
}

ComponentSummary summarizeCheckpoint(const std::string& name, const Checkpoint& ckpt) {
    ComponentSummary s;
    s.name = name;
    s.fileCount = ckpt.files().size();
    for (const auto& key : ckpt.keys()) {
        const TensorInfo& info = ckpt.info(key);
        ++s.tensorCount;
        ++s.dtypes[std::string(dtypeName(info.dtype))];
        s.bytes += info.byteSize();
        if (isQuantAux(key)) continue;
        const std::string statsKey = key + ".quant_state.bitsandbytes__nf4";
        if (ckpt.contains(statsKey)) {
            at::Tensor bytes = ckpt.tensor(statsKey);
            const char* text = static_cast<const char*>(bytes.data_ptr());
            auto state = nlohmann::json::parse(text, text + bytes.numel(), nullptr, false);
            if (!state.is_discarded() && state.contains("shape")) {
                int64_t n = 1;
                for (const auto& d : state["shape"]) n *= d.get<int64_t>();
                s.parameterCount += n;
                continue;
            }
        }
        s.parameterCount += info.numel();
    }
    s.precision = precisionName(detectPrecision(ckpt));
    return s;
}

// Where a transformer's weights come from and which names they use (docs/formats.md).
std::string transformerFormat(const Checkpoint& ckpt) {
    const std::vector<std::string> keys = ckpt.keys();
    const std::string prefix = transformerKeyPrefix(keys);
    std::string format;
    if (ckpt.files().size() == 1) {
        format = "single file " + ckpt.files().front()->path().filename().string();
    } else {
        format = "diffusers folder, " + std::to_string(ckpt.files().size()) + " shards";
    }
    if (!prefix.empty()) {
        format += ", key prefix '" + prefix + "'";
        if (prefix != "transformer.") format += " (ComfyUI repack)";
    }
    const auto has = [&](const std::string& name) {
        return std::binary_search(keys.begin(), keys.end(), prefix + name);
    };
    if (has("layers.0.attention.qkv.weight")) format += ", fused qkv";
    if (has("layers.0.attention.to_q.weight")) format += ", split to_q/to_k/to_v";
    return format;
}

std::string humanCount(int64_t n) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(2);
    if (n >= 1000000000)
        out << n / 1e9 << " B";
    else if (n >= 1000000)
        out << n / 1e6 << " M";
    else if (n >= 1000)
        out << n / 1e3 << " K";
    else
        out << n;
    return out.str();
}

}  // namespace

ComponentSummary summarizeComponent(const std::filesystem::path& dir, const std::string& name) {
    const Checkpoint ckpt = Checkpoint::openFolder(dir, name);
    ComponentSummary s = summarizeCheckpoint(name, ckpt);
    if (name == "transformer" || name == "unconditional_transformer") {
        s.format = transformerFormat(ckpt);
    }
    return s;
}

ModelSummary summarizeModelFolder(const std::filesystem::path& dir) {
    ModelFolder folder = ModelFolder::open(dir);
    ModelSummary summary;
    summary.root = dir;
    summary.fingerprint = folder.fingerprint();
    summary.hasUnconditionalTransformer = folder.hasUnconditionalTransformer();
    for (const auto& component : modelComponents()) {
        if (component == "unconditional_transformer" && !summary.hasUnconditionalTransformer) {
            continue;
        }
        if (component == "tokenizer") {
            ComponentSummary s;
            s.name = component;
            s.precision = "-";
            nlohmann::json tok = readJsonFile(folder.tokenizer() / "tokenizer.json", "tokenizer");
            s.config = {
                {"vocab", tok.contains("model") && tok["model"].contains("vocab")
                              ? tok["model"]["vocab"].size()
                              : 0},
                {"added_tokens", tok.contains("added_tokens") ? tok["added_tokens"].size() : 0}};
            summary.components.push_back(std::move(s));
            continue;
        }
        ComponentSummary s = summarizeComponent(dir / component, component);
        s.config = folder.config(component);
        summary.components.push_back(std::move(s));
    }
    return summary;
}

std::string formatSummary(const ModelSummary& summary) {
    std::ostringstream out;
    out << "model folder: " << summary.root.string() << "\n";
    out << "fingerprint:  " << summary.fingerprint << "\n";
    if (!summary.hasUnconditionalTransformer) {
        out << "model:        distilled (conditional-only: no unconditional transformer; every "
               "step runs one pass at guidance 1)\n";
    }
    for (const auto& c : summary.components) {
        out << "\n[" << c.name << "]\n";
        if (c.name != "tokenizer") {
            out << "  files:      " << c.fileCount << "\n";
            if (!c.format.empty()) out << "  format:     " << c.format << "\n";
            out << "  tensors:    " << c.tensorCount << "  (";
            bool first = true;
            for (const auto& [dtype, count] : c.dtypes) {
                out << (first ? "" : ", ") << dtype << " " << count;
                first = false;
            }
            out << ")\n";
            out << "  parameters: " << humanCount(c.parameterCount) << " (" << c.parameterCount
                << ")\n";
            out << "  size:       " << std::fixed << std::setprecision(1) << c.bytes / 1048576.0
                << " MiB\n";
            out << "  precision:  " << c.precision << "\n";
        }
        if (!c.config.is_null()) {
            nlohmann::json shown = c.config;
            if (shown.is_object()) {
                for (auto it = shown.begin(); it != shown.end();) {
                    if (it.key().rfind("_", 0) == 0)
                        it = shown.erase(it);
                    else
                        ++it;
                }
            }
            out << "  config:     " << shown.dump() << "\n";
        }
    }
    return out.str();
}

}  // namespace i4::io
