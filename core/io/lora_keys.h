#pragma once

#include <optional>
#include <string>
#include <vector>

namespace i4::io {

// Note [LoRA key layouts]
// LoRA files for Ideogram 4 name the same adapted Linear in several ways (docs/formats.md):
//   prefix:  "transformer.", "diffusion_model.", "model.diffusion_model.",
//            "conditional_transformer.", "unconditional_transformer.", "base_model.model."
//            (peft), "lora_unet_" (kohya: the module's dots written as underscores), or none;
//   module:  our fused names (attention.qkv / attention.o) or diffusers' split ones
//            (attention.to_q / to_k / to_v / to_out.0), feed_forward.w1/w2/w3, adaln_modulation,
//            the embedders and the final layer;
//   suffix:  ".lora_A.weight" / ".lora_B.weight" (peft, also with an adapter name such as
//            ".lora_A.default.weight"), ".lora_down.weight" / ".lora_up.weight",
//            ".lora.down.weight" / ".lora.up.weight", ".alpha".
// parseLoraKey maps any combination onto one description; nothing here knows the model's size.

enum class LoraPart { Down, Up, Alpha };

struct LoraKey {
    // "transformer" or "unconditional_transformer" (only the "unconditional_transformer."
    // prefix selects the latter).
    std::string component;
    // The module in our dotted naming, split or fused as the file has it, e.g.
    // "layers.0.attention.to_q" or "layers.0.attention.qkv".
    std::string module;
    LoraPart part = LoraPart::Down;
    std::string layout;  // "peft" (lora_A/B), "kohya" (lora_down/up), "kohya-flat" (lora_unet_)
};

// nullopt for a key that is not a LoRA tensor of an Ideogram 4 transformer Linear.
std::optional<LoraKey> parseLoraKey(const std::string& key);

// For a split attention module ("attention.to_q/to_k/to_v"): its rows in the fused qkv layer
// (0, 1, 2) and sets `fused` to the fused name; -1 (and `fused` = module) otherwise.
// "attention.to_out.0" becomes "attention.o".
int fusedModule(const std::string& module, std::string& fused);

// The prefix a single-file transformer checkpoint puts before our names (ComfyUI:
// "model.diffusion_model.", also "diffusion_model." and "transformer."), recognised when every
// key carries it and a known transformer tensor follows; "" when the keys are already ours.
std::string transformerKeyPrefix(const std::vector<std::string>& keys);

}  // namespace i4::io
