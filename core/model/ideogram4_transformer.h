#pragma once

#include <ATen/core/Tensor.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/model/ideogram4_config.h"
#include "core/model/linear.h"
#include "core/model/lora.h"

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
    // Where the 34 blocks' Linear weights and llm_cond_proj (all but ~0.1% of the parameters)
    // live; the small layers are always resident.
    WeightPlacement placement = WeightPlacement::Resident;
    // The fast mode: the blocks' attention and feed-forward matmuls in fp8 (Note [fp8 matmuls]);
    // the adaLN modulations and the embedders stay in the compute dtype.
    bool fp8Matmul = false;
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

    // A transformer of `config` with random weights made directly on the compute device, no
    // file involved: for benchmarks at the real size (`i4 bench`). Placement as for loading.
    static Ideogram4Transformer random(const Ideogram4Config& config, const ComputeOptions& options,
                                       uint64_t seed);

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

    // Everything of a forward that depends on neither x nor t: the layout, the projected text
    // features (llm_cond_proj runs here, once per prompt rather than once per step), the RoPE
    // tables and the attention mask. Building it reads results back to the host (which tokens are
    // text, whether there is more than one segment); the forward below never does, so a sampling
    // loop queues its steps on the GPU without waiting.
    struct Conditioning {
        int64_t batch = 0;
        int64_t length = 0;
        at::Tensor imageMask;  // [B, L, 1] compute dtype: 1 at image tokens
        at::Tensor embedding;  // [B, L, D] compute dtype: projected text + image indicator
        at::Tensor cos, sin;   // [B, L, 1, Dh] compute dtype
        at::Tensor mask;       // [B, 1, L, L] bool, or undefined for a single segment
    };
    // Arguments as for `forward`.
    Conditioning prepare(const at::Tensor& llmFeatures, const at::Tensor& positionIds,
                         const at::Tensor& segmentIds, const at::Tensor& indicator) const;
    // x [B, L, in_channels], t [B] (on the compute device, to keep the loop free of copies) ->
    // velocity [B, L, in_channels] float32; equal to the six-argument forward.
    at::Tensor forward(const at::Tensor& x, const at::Tensor& t,
                       const Conditioning& conditioning) const;

    // Adds LoRA adapters (LoraFile::adapters of this transformer's component) with the user's
    // `weight`: merged into resident dense weights unless `mode` is Unfused, on the fly
    // elsewhere (Note [LoRA application]). `source` names the file in messages. Throws
    // ModelError naming the file and key for a module this model lacks or a shape that does not
    // fit. Call before sharing the model between threads.
    LoraApplyReport applyLora(const std::vector<LoraAdapter>& adapters, double weight,
                              LoraMode mode, const std::string& source);

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

    // Puts every Linear where m_options says (resident, stored, fp8) and builds the RoPE
    // frequencies: the last step of loading.
    void placeWeights();
    // The Linear called `module` in the fused naming ("layers.3.attention.qkv"); null if none.
    Linear* linearNamed(const std::string& module);
    at::Tensor runBlock(const Block& block, const at::Tensor& h, const at::Tensor& adaln,
                        const Conditioning& conditioning) const;

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
