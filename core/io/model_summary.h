#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace i4::io {

struct ComponentSummary {
    std::string name;  // "transformer", ...
    std::size_t tensorCount = 0;
    std::map<std::string, std::size_t> dtypes;  // dtype name -> tensors
    int64_t parameterCount = 0;                 // logical weights (NF4/fp8 counted unpacked)
    uint64_t bytes = 0;                         // bytes on disk (tensor data)
    std::string precision;                      // bf16 / fp8 / nf4 / ...
    std::size_t fileCount = 0;
    // Transformers only: how the weights are laid out, e.g. "diffusers folder, fused qkv" or
    // "single file x.safetensors, key prefix 'model.diffusion_model.' (ComfyUI repack)".
    std::string format;
    nlohmann::json config;  // the config values parsed (null for the tokenizer)
};

struct ModelSummary {
    std::filesystem::path root;
    std::string fingerprint;
    // False for a distilled (guidance-1) model: no unconditional transformer to summarise.
    bool hasUnconditionalTransformer = true;
    std::vector<ComponentSummary> components;
};

// Opens every component of the model folder (a distilled model's absent unconditional
// transformer is skipped) (headers only; no weight is read) and summarises it.
// Throws ModelError on the first problem, naming the part.
ModelSummary summarizeModelFolder(const std::filesystem::path& dir);

// One weight component folder (transformer/, text_encoder/, vae/, ...), headers only.
ComponentSummary summarizeComponent(const std::filesystem::path& dir, const std::string& name);

// Human-readable report, as `i4 info` prints it.
std::string formatSummary(const ModelSummary& summary);

}  // namespace i4::io
