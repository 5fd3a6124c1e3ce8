#include "core/text/causal_lm.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>

#include "core/errors.h"
#include "core/io/checkpoint.h"

namespace i4::text {

namespace fs = std::filesystem;

namespace {

constexpr const char* kHeadPrefix = "lm_head";
// Greedy looks at this many best tokens before searching all the allowed ones.
constexpr int64_t kGreedyFirstLook = 64;
// Sampling examines at most this many tokens of the nucleus (a flat distribution over 150k
// tokens would otherwise be walked in full at every step).
constexpr std::size_t kMaxNucleus = 4096;

io::Checkpoint openSource(const fs::path& source) {
    return fs::is_directory(source) ? io::Checkpoint::openFolder(source, "lm_head")
                                    : io::Checkpoint::openFile(source, "lm_head");
}

// The source if it opens and holds lm_head.weight; a broken file is not an LM head.
std::optional<LmHeadLocation> headIn(const fs::path& source) {
    std::error_code ec;
    if (!fs::exists(source, ec)) return std::nullopt;
    try {
        if (openSource(source).contains(std::string(kHeadPrefix) + ".weight")) {
            return LmHeadLocation{source, kHeadPrefix};
        }
    } catch (const Error&) {
    }
    return std::nullopt;
}

// A uniform double in [0, 1) from 53 random bits (the same on every standard library).
double uniform(std::mt19937_64& rng) { return double(rng() >> 11) * (1.0 / 9007199254740992.0); }

}  // namespace

std::optional<LmHeadLocation> findLmHead(const fs::path& textEncoderDir, const fs::path& userPick) {
    std::vector<fs::path> candidates;
    if (!userPick.empty()) {
        candidates.push_back(userPick / "lm_head.safetensors");
        candidates.push_back(userPick);
    }
    candidates.push_back(textEncoderDir / "lm_head.safetensors");
    candidates.push_back(textEncoderDir);
    candidates.push_back(textEncoderDir.parent_path() / "lm_head.safetensors");
    for (const fs::path& candidate : candidates) {
        if (auto found = headIn(candidate)) return found;
    }
    return std::nullopt;
}

std::string missingLmHeadMessage(const fs::path& textEncoderDir) {
    return "The magic prompt needs the language model's output layer (lm_head.weight), which "
           "the Ideogram 4 text encoder does not ship. Looked beside the text encoder (" +
           textEncoderDir.string() +
           "/lm_head.safetensors), in its own weights and in the model folder. Download "
           "Qwen/Qwen3-VL-8B-Instruct from Hugging Face and pick its folder, or save its "
           "lm_head.weight as lm_head.safetensors beside the text encoder.";
}

CausalLm CausalLm::load(std::shared_ptr<const Qwen3TextEncoder> encoder,
                        const LmHeadLocation& head) {
    if (!encoder) throw ModelError("causal LM: no text encoder");
    const io::Checkpoint ckpt = openSource(head.source);
    CausalLm lm;
    lm.m_head = model::Linear::load(ckpt, head.prefix);
    const Qwen3TextConfig& c = encoder->config();
    if (lm.m_head.outFeatures() != c.vocabSize || lm.m_head.inFeatures() != c.hiddenSize) {
        ckpt.fail(head.prefix + ".weight",
                  "is [" + std::to_string(lm.m_head.outFeatures()) + ", " +
                      std::to_string(lm.m_head.inFeatures()) + "], the text encoder needs [" +
                      std::to_string(c.vocabSize) + ", " + std::to_string(c.hiddenSize) + "]");
    }
    const TextEncoderOptions& o = encoder->options();
    lm.m_head.place(o.placement, o.dtype, o.device);
    lm.m_encoder = std::move(encoder);
    return lm;
}

CausalLm CausalLm::load(std::shared_ptr<const Qwen3TextEncoder> encoder,
                        const fs::path& textEncoderDir, const fs::path& userPick) {
    const auto head = findLmHead(textEncoderDir, userPick);
    if (!head) throw ModelError(missingLmHeadMessage(textEncoderDir));
    return load(std::move(encoder), *head);
}

at::Tensor CausalLm::logits(const at::Tensor& ids, KvCache& cache) const {
    const at::Tensor hidden = m_encoder->decode(ids, cache);  // [B, n, hidden] f32
    return m_head(hidden.to(m_encoder->options().dtype)).to(at::kFloat);  // [B, n, vocab]
}

at::Tensor CausalLm::next(const std::vector<int64_t>& ids, KvCache& cache) const {
    if (ids.empty()) throw InputError("causal LM: no tokens to run");
    const at::Tensor input =
        at::tensor(ids, at::kLong).view({1, -1}).to(m_encoder->options().device);
    const at::Tensor hidden = m_encoder->decode(input, cache);  // [1, n, hidden] f32
    // Only the last position needs the head ([vocab, hidden] is the largest matmul here).
    const at::Tensor last = hidden.select(1, hidden.size(1) - 1);
    return m_head(last.to(m_encoder->options().dtype)).to(at::kFloat).reshape({-1}).cpu();
}

Generation CausalLm::generate(const std::vector<int64_t>& prompt, const SamplingOptions& options,
                              TokenConstraint* constraint,
                              const std::function<void(int64_t)>& onToken,
                              const std::function<bool()>& cancelled) const {
    if (prompt.empty()) throw InputError("causal LM: the prompt has no tokens");
    if (options.maxTokens <= 0) throw InputError("causal LM: maxTokens must be positive");
    if (options.temperature < 0 || !(options.topP > 0 && options.topP <= 1)) {
        throw InputError("causal LM: temperature must be >= 0 and top-p in (0, 1]");
    }
    const auto start = std::chrono::steady_clock::now();
    std::mt19937_64 rng(options.seed);
    Generation result;
    result.promptTokens = static_cast<int64_t>(prompt.size());
    KvCache cache;
    at::Tensor logits = next(prompt, cache);  // [vocab] f32

    const auto allowed = [&](int64_t id, int64_t left) {
        return !constraint || constraint->allows(id, left);
    };
    // The allowed token with the largest logit (-1: none): among the constraint's candidates
    // where it names them, else down the sorted vocabulary.
    std::vector<int64_t> candidates;
    const auto bestAllowed = [&](int64_t left) -> int64_t {
        const float* l = logits.data_ptr<float>();
        if (constraint && constraint->candidates(candidates)) {
            int64_t best = -1;
            for (const int64_t id : candidates) {
                if (id < logits.size(0) && (best < 0 || l[id] > l[best]) && allowed(id, left)) {
                    best = id;
                }
            }
            return best;
        }
        const at::Tensor order = std::get<1>(logits.sort(0, /*descending=*/true));
        const int64_t* o = order.data_ptr<int64_t>();
        for (int64_t i = 0; i < logits.size(0); ++i) {
            if (allowed(o[i], left)) return o[i];
        }
        return -1;
    };
    for (int64_t step = 0; step < options.maxTokens; ++step) {
        if (cancelled && cancelled()) throw CancelledError();
        const int64_t left = options.maxTokens - step;
        const int64_t vocab = logits.size(0);
        int64_t chosen = -1;
        if (options.temperature == 0) {
            // Greedy: the best allowed token, looking at a few best ones before sorting them all.
            const at::Tensor top = std::get<1>(logits.topk(std::min(kGreedyFirstLook, vocab)));
            for (int64_t i = 0; i < top.size(0) && chosen < 0; ++i) {
                if (allowed(top[i].item<int64_t>(), left)) chosen = top[i].item<int64_t>();
            }
            if (chosen < 0 && vocab > kGreedyFirstLook) chosen = bestAllowed(left);
        } else {
            const at::Tensor probs = at::softmax(logits / options.temperature, 0);  // [vocab]
            // The nucleus lies within the best kMaxNucleus tokens (a partial sort).
            const auto best = probs.topk(std::min<int64_t>(int64_t(kMaxNucleus), vocab));
            const float* p = std::get<0>(best).data_ptr<float>();
            const int64_t* o = std::get<1>(best).data_ptr<int64_t>();
            const int64_t count = std::get<0>(best).size(0);
            std::vector<int64_t> ids;
            std::vector<double> weights;
            double mass = 0;
            int64_t i = 0;
            for (; i < count && mass < options.topP; ++i) {
                mass += p[i];
                if (allowed(o[i], left)) {
                    ids.push_back(o[i]);
                    weights.push_back(p[i]);
                }
            }
            if (ids.empty()) {
                chosen = bestAllowed(left);  // none in the nucleus: the most likely allowed one
            } else {
                double total = 0;
                for (double w : weights) total += w;
                double r = uniform(rng) * total;
                chosen = ids.back();
                for (std::size_t k = 0; k < ids.size(); ++k) {
                    r -= weights[k];
                    if (r < 0) {
                        chosen = ids[k];
                        break;
                    }
                }
            }
        }
        if (chosen < 0) {
            throw InputError("causal LM: the constraint allows no token after " +
                             std::to_string(result.ids.size()) + " generated tokens");
        }
        if (constraint) constraint->accept(chosen);
        if (chosen == options.stopId) {
            result.stopped = true;
            break;
        }
        result.ids.push_back(chosen);
        if (onToken) onToken(chosen);
        if (step + 1 < options.maxTokens) logits = next({chosen}, cache);
    }
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

}  // namespace i4::text
