#pragma once

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model/linear.h"
#include "core/text/qwen3_text_encoder.h"

namespace i4::text {

// Decides which tokens may come next (constrained decoding, e.g. CaptionConstraint).
class TokenConstraint {
public:
    virtual ~TokenConstraint() = default;
    // May `id` come next, with `tokensLeft` tokens (this one included) left in the budget?
    // The stop token must be allowed exactly when the text is complete.
    virtual bool allows(int64_t id, int64_t tokensLeft) const = 0;
    // `id` was chosen.
    virtual void accept(int64_t id) = 0;
    // Fills `ids` with a superset of the tokens allows() may take now and returns true, or
    // returns false when the constraint cannot narrow the vocabulary. Lets the decoder find the
    // best allowed token without sorting the whole vocabulary when the likely ones are refused.
    virtual bool candidates(std::vector<int64_t>& ids) const {
        ids.clear();
        return false;
    }
};

struct SamplingOptions {
    double temperature = 0;  // 0: greedy (argmax)
    double topP = 1;         // nucleus mass in (0, 1]
    uint64_t seed = 0;
    int64_t maxTokens = 512;  // generated tokens, the stop token included
    int64_t stopId = -1;      // <|im_end|>; -1: none
};

struct Generation {
    std::vector<int64_t> ids;  // generated, without the stop token
    bool stopped = false;      // ended on the stop token (false: the budget ran out)
    int64_t promptTokens = 0;
    double seconds = 0;  // prompt and generation together
};

// Note [LM head locations]
// The text encoder has no head; the magic prompt needs one ([vocab, hidden], `lm_head.weight`,
// 622M parameters for Qwen3-VL-8B). Looked for, in this order: the file or folder the user
// picked (a `.safetensors` file, or a folder holding `lm_head.safetensors` or a checkpoint with
// `lm_head.weight`), `lm_head.safetensors` beside the text encoder's weights, the text encoder's
// own checkpoint (a stock Qwen3-VL-8B-Instruct folder keeps `lm_head.weight` with the layers),
// and `lm_head.safetensors` in the model folder above it.
struct LmHeadLocation {
    std::filesystem::path source;  // a .safetensors file, an index, or a folder of weights
    std::string prefix;            // "lm_head": the Linear's name in that checkpoint
};
std::optional<LmHeadLocation> findLmHead(const std::filesystem::path& textEncoderDir,
                                         const std::filesystem::path& userPick = {});
// What to tell the user when findLmHead finds nothing: where it looked and what to download.
std::string missingLmHeadMessage(const std::filesystem::path& textEncoderDir);

// A Qwen3 causal LM: the text encoder's layers (Qwen3TextEncoder::decode, final norm included)
// and an LM head, with a KV cache. Immutable after load; one generation at a time per cache, any
// number of caches.
class CausalLm {
public:
    // ModelError when the head's shape does not fit the encoder ([vocab_size, hidden_size]).
    static CausalLm load(std::shared_ptr<const Qwen3TextEncoder> encoder,
                         const LmHeadLocation& head);
    // findLmHead, or a ModelError with missingLmHeadMessage.
    static CausalLm load(std::shared_ptr<const Qwen3TextEncoder> encoder,
                         const std::filesystem::path& textEncoderDir,
                         const std::filesystem::path& userPick = {});

    const Qwen3TextEncoder& encoder() const { return *m_encoder; }
    int64_t vocabSize() const { return m_head.outFeatures(); }

    // Runs `ids` (the prompt, or the next tokens) after what `cache` holds; returns the logits of
    // the token after the last of them, [vocab] float32 on the CPU.
    at::Tensor next(const std::vector<int64_t>& ids, KvCache& cache) const;
    // Logits at every position of `ids` [B, n] after the cache, [B, n, vocab] float32 on the
    // compute device (training and tests).
    at::Tensor logits(const at::Tensor& ids, KvCache& cache) const;

    // Samples up to options.maxTokens tokens after `prompt`. `onToken` receives each chosen id
    // (not the stop token); `cancelled` is polled before each token (true: CancelledError). With
    // a constraint, only tokens it allows are chosen: greedy takes the best allowed token;
    // sampling keeps the allowed tokens of the nucleus (the smallest set of most likely tokens
    // holding topP of the probability), or the most likely allowed token when none is in it.
    // InputError when the constraint allows no token at all.
    Generation generate(const std::vector<int64_t>& prompt, const SamplingOptions& options,
                        TokenConstraint* constraint = nullptr,
                        const std::function<void(int64_t)>& onToken = {},
                        const std::function<bool()>& cancelled = {}) const;

    // The head's tensors by name ("weight"), for the demo LM's trainer (see
    // Qwen3TextEncoder::namedParameters).
    const model::Linear& head() const { return m_head; }

private:
    std::shared_ptr<const Qwen3TextEncoder> m_encoder;
    model::Linear m_head;  // [vocab, hidden]
};

}  // namespace i4::text
