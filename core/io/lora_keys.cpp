#include "core/io/lora_keys.h"

#include <regex>

namespace i4::io {
namespace {

bool startsWith(const std::string& s, const std::string& prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Our module names, with '.' or '_' between the parts so the kohya spelling
// ("layers_0_attention_to_out_0") matches as well as the dotted one.
const std::regex& moduleRegex() {
    static const std::regex kModule(
        "(input_proj|llm_cond_proj|t_embedding[._]mlp_in|t_embedding[._]mlp_out|adaln_proj|"
        "final_layer[._]linear|final_layer[._]adaln_modulation|"
        "layers[._]([0-9]+)[._](attention[._](qkv|o|to_q|to_k|to_v|to_out[._]0)|"
        "feed_forward[._](w1|w2|w3)|adaln_modulation))");
    return kModule;
}

// The dotted name of a module matched by moduleRegex().
std::string dotted(const std::smatch& m) {
    if (m[2].matched) {
        std::string rest = m[3].str();
        std::string out = "layers." + m[2].str() + ".";
        if (startsWith(rest, "attention")) {
            std::string sub = m[4].str();
            if (startsWith(sub, "to_out")) sub = "to_out.0";
            return out + "attention." + sub;
        }
        if (startsWith(rest, "feed_forward")) return out + "feed_forward." + m[5].str();
        return out + "adaln_modulation";
    }
    std::string name = m[1].str();
    static const std::vector<std::pair<std::string, std::string>> kTwoPart{
        {"t_embedding_mlp_in", "t_embedding.mlp_in"},
        {"t_embedding_mlp_out", "t_embedding.mlp_out"},
        {"final_layer_linear", "final_layer.linear"},
        {"final_layer_adaln_modulation", "final_layer.adaln_modulation"}};
    for (const auto& [flat, dot] : kTwoPart) {
        if (name == flat) return dot;
    }
    return name;
}

}  // namespace

std::optional<LoraKey> parseLoraKey(const std::string& key) {
    LoraKey out;
    std::string body = key;
    // Suffix first: it decides the part and, with the prefix, the layout.
    struct Suffix {
        const char* text;
        LoraPart part;
        const char* layout;
    };
    static const Suffix kSuffixes[] = {
        {".lora_A.weight", LoraPart::Down, "peft"},     {".lora_B.weight", LoraPart::Up, "peft"},
        {".lora_down.weight", LoraPart::Down, "kohya"}, {".lora_up.weight", LoraPart::Up, "kohya"},
        {".lora.down.weight", LoraPart::Down, "kohya"}, {".lora.up.weight", LoraPart::Up, "kohya"},
        {".alpha", LoraPart::Alpha, "kohya"},
    };
    bool found = false;
    for (const Suffix& s : kSuffixes) {
        if (endsWith(body, s.text)) {
            body.resize(body.size() - std::char_traits<char>::length(s.text));
            out.part = s.part;
            out.layout = s.layout;
            found = true;
            break;
        }
    }
    if (!found) {
        // peft with a named adapter: "<module>.lora_A.<adapter>.weight".
        static const std::regex kNamedAdapter(R"((.*)\.lora_([AB])\.[A-Za-z0-9_\-]+\.weight)");
        std::smatch m;
        if (!std::regex_match(key, m, kNamedAdapter)) return std::nullopt;
        body = m[1].str();
        out.part = m[2].str() == "A" ? LoraPart::Down : LoraPart::Up;
        out.layout = "peft";
    }
    out.component = "transformer";
    bool flat = false;
    // Prefixes, outermost first; peft's "base_model.model." may follow a pipeline prefix.
    static const char* const kPrefixes[] = {"model.diffusion_model.", "diffusion_model.",
                                            "conditional_transformer.", "transformer.", "unet."};
    if (startsWith(body, "unconditional_transformer.")) {
        out.component = "unconditional_transformer";
        body = body.substr(std::char_traits<char>::length("unconditional_transformer."));
    } else if (startsWith(body, "lora_unet_")) {
        body = body.substr(std::char_traits<char>::length("lora_unet_"));
        flat = true;
    } else if (startsWith(body, "lora_transformer_")) {
        body = body.substr(std::char_traits<char>::length("lora_transformer_"));
        flat = true;
    } else {
        for (const char* prefix : kPrefixes) {
            if (startsWith(body, prefix)) {
                body = body.substr(std::char_traits<char>::length(prefix));
                break;
            }
        }
    }
    if (startsWith(body, "base_model.model.")) {
        body = body.substr(std::char_traits<char>::length("base_model.model."));
    }
    std::smatch m;
    if (!std::regex_match(body, m, moduleRegex())) return std::nullopt;
    // A dotted key must use dots throughout: "layers_0.attention.qkv" is a typo, not a layout.
    if (!flat && body.find('.') == std::string::npos && body.find("layers") == 0) {
        return std::nullopt;
    }
    out.module = dotted(m);
    if (flat) out.layout = "kohya-flat";
    return out;
}

int fusedModule(const std::string& module, std::string& fused) {
    static const std::regex kSplit(R"((layers\.[0-9]+\.attention\.)(to_q|to_k|to_v|to_out\.0))");
    std::smatch m;
    if (!std::regex_match(module, m, kSplit)) {
        fused = module;
        return -1;
    }
    const std::string which = m[2].str();
    if (which == "to_out.0") {
        fused = m[1].str() + "o";
        return -1;
    }
    fused = m[1].str() + "qkv";
    return which == "to_q" ? 0 : which == "to_k" ? 1 : 2;
}

std::string transformerKeyPrefix(const std::vector<std::string>& keys) {
    if (keys.empty()) return "";
    static const char* const kPrefixes[] = {"model.diffusion_model.", "diffusion_model.",
                                            "transformer."};
    for (const char* prefix : kPrefixes) {
        bool all = true;
        bool known = false;
        for (const auto& key : keys) {
            if (!startsWith(key, prefix)) {
                all = false;
                break;
            }
            known = known || key == std::string(prefix) + "input_proj.weight";
        }
        if (all && known) return prefix;
    }
    return "";
}

}  // namespace i4::io
