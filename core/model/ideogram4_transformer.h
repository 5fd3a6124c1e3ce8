#pragma once

#include <ATen/core/Tensor.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/model/ideogram4_config.h"
#include "core/model/linear.h"

namespace i4::io {
class Checkpoint;
}

namespace i4::model {

// Where and in which dtype the DiT computes. Float32 on the CPU is the reference path (the golden
// data is float32). Other dtypes run the same graph with the weights and activations in `dtype`
// (norms, RoPE angles and the output stay float32); they do not reproduce the reference's bf16
// casts (spec F.4).
struct ComputeOptions {
    at::ScalarType dtype = at::kFloat;
    at::Device device = at::kCPU;
};

// The Ideogram 4 diffusion transformer (spec F.1), used for both `transformer/` (conditional) and
// `unconditional_transformer/`. Parameters carry their checkpoint names; the fused
// `attention.qkv` / `attention.o` layout and the split diffusers layout (`attention.to_q/to_k/
// to_v`, `attention.to_out.0`) both load. Immutable after loading; `forward` is const.
class Ideogram4Transformer {
public:
    // Loads `<dir>/config.json` and the weights of the component folder `dir`; `label` names it in
    // messages ("transformer", "unconditional_transformer").
    static Ideogram4Transformer loadFolder(const std::filesystem::path& dir,
                                           const std::string& label,
                                           const ComputeOptions& options = {});
    // Throws ModelError for missing, unexpected or mis-shaped tensors.
    static Ideogram4Transformer load(const io::Checkpoint& checkpoint,
                                     const Ideogram4Config& config,
                                     const ComputeOptions& options = {});

    const Ideogram4Config& config() const { return m_config; }
    const ComputeOptions& options() const { return m_options; }

    // x [B, L, in_channels] (read at image tokens only), t [B] (0 = noise, 1 = clean),
    // llmFeatures [B, L, llm_features_dim] (read at text tokens only; may be undefined when
    // there are none, as in the unconditional pass), positionIds [B, L, 3]
    // int64 (T, H, W), segmentIds [B, L] int64 (attention stays within a segment), indicator
    // [B, L] int64 (0 padding, 2 image, 3 text) -> velocity [B, L, in_channels] float32.
    at::Tensor forward(const at::Tensor& x, const at::Tensor& t, const at::Tensor& llmFeatures,
                       const at::Tensor& positionIds, const at::Tensor& segmentIds,
                       const at::Tensor& indicator) const;

    // Every weight with its checkpoint name (fused `attention.qkv` layout), as handles onto the
    // model's own tensors, in load order. For training tools: the model must have been loaded
    // with dense weights, and in-place updates of these tensors change the model.
    std::vector<std::pair<std::string, at::Tensor>> namedParameters() const;

    // Pieces of `forward`, public for tests and debugging.
    // RoPE tables for positionIds [B, L, 3]: {cos, sin}, each [B, L, head_dim] float32.
    std::pair<at::Tensor, at::Tensor> rotaryTables(const at::Tensor& positionIds) const;
    // The time conditioning t_embedding(t) for t [B]: [B, hidden] in the compute dtype.
    at::Tensor timeEmbedding(const at::Tensor& t) const;
    // silu(adaln_proj(timeEmbedding(t))): [B, 1, adaln_dim].
    at::Tensor adalnInput(const at::Tensor& t) const;

private:
    struct Block {
        Linear qkv;         // [3 * hidden, hidden]: q | k | v rows, each head-major
        Linear out;         // attention.o
        at::Tensor normQ;   // [head_dim]
        at::Tensor normK;   // [head_dim]
        Linear w1, w2, w3;  // SwiGLU
        at::Tensor attentionNorm1, attentionNorm2, ffnNorm1, ffnNorm2;  // [hidden]
        Linear adalnModulation;                                         // [4 * hidden, adaln_dim]
    };

    at::Tensor runBlock(const Block& block, const at::Tensor& h, const at::Tensor& adaln,
                        const at::Tensor& cos, const at::Tensor& sin, const at::Tensor& mask) const;

    Ideogram4Config m_config;
    ComputeOptions m_options;
    Linear m_inputProj;
    at::Tensor m_llmCondNorm;  // [llm_features_dim]
    Linear m_llmCondProj;
    Linear m_timeMlpIn, m_timeMlpOut;
    Linear m_adalnProj;
    at::Tensor m_imageIndicator;  // [2, hidden]: row 0 text and padding, row 1 image
    std::vector<Block> m_blocks;
    Linear m_finalLinear;
    Linear m_finalModulation;
    at::Tensor m_invFreq;  // [head_dim / 2] float32
};

}  // namespace i4::model
