#pragma once

#include <ATen/core/Tensor.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace i4::model {

// How a LoRA reaches a layer (Note [LoRA application] in lora.cpp).
enum class LoraMode {
    Auto,     // merged into resident dense weights, on the fly everywhere else
    Fused,    // as Auto (a layer that cannot be merged still runs on the fly)
    Unfused,  // always on the fly: x A^T B^T added to the layer's output
};

// One adapted Linear of a LoRA file, in our naming. `rowSlot` >= 0 when the file adapts one of
// diffusers' split q/k/v projections: the adapter then updates that third of the fused
// attention.qkv rows.
struct LoraAdapter {
    std::string key;     // the file's key of the down matrix (for messages)
    std::string module;  // our fused name: "layers.0.attention.qkv", "llm_cond_proj", ...
    int rowSlot = -1;
    at::Tensor down;  // [r, in] float32
    at::Tensor up;    // [rows, r] float32, alpha / r already folded in (not the user's weight)
};

// A LoRA safetensors file read into adapters per transformer, every key accounted for.
struct LoraFile {
    std::filesystem::path path;
    std::string layout;  // what the keys looked like, e.g. "peft (lora_A/lora_B)"
    // "transformer" / "unconditional_transformer" -> adapters
    std::map<std::string, std::vector<LoraAdapter>> adapters;
    std::vector<std::string> unknownKeys;  // tensors that adapt nothing we know, by name

    // Throws ModelError naming the file and the key for a down without an up (or the reverse),
    // mismatched ranks, a non-scalar alpha, or a file in which no key is a LoRA of ours.
    static LoraFile read(const std::filesystem::path& path);
    int adapterCount() const;
};

// What applying a file did to one transformer.
struct LoraApplyReport {
    int merged = 0;    // adapters merged into dense weights
    int onTheFly = 0;  // adapters kept low-rank
};

}  // namespace i4::model
