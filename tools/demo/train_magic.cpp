#include <ATen/ATen.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <numeric>
#include <random>

#include "core/io/safetensors_writer.h"
#include "core/text/causal_lm.h"
#include "core/text/tokenizer.h"
#include "tools/demo/demo_model.h"
#include "tools/demo/magic_scene.h"
#include "tools/demo/optimizer.h"
#include "tools/demo/training.h"

namespace i4::demo {

namespace {

using Clock = std::chrono::steady_clock;

double minutesSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count() / 60;
}

NamedTensors initialWeights(const MagicTraining& o, int64_t vocab) {
    at::Generator gen = at::detail::createCPUGenerator(o.seed);
    const int64_t h = o.hidden, headDim = o.hidden / o.heads;
    const auto normal = [&](std::vector<int64_t> shape, double std) {
        return at::normal(0.0, std, shape, gen);
    };
    const auto linear = [&](int64_t out, int64_t in, double gain) {
        return normal({out, in}, gain / std::sqrt(double(in)));
    };
    // Residual branches start small (1 / sqrt(2 layers)) so the deep sum stays near unit scale.
    const double residual = 1.0 / std::sqrt(2.0 * o.layers);
    NamedTensors t;
    const std::string lm = "language_model.";
    t.emplace_back(lm + "embed_tokens.weight", normal({vocab, h}, 1.0));
    for (int i = 0; i < o.layers; ++i) {
        const std::string p = lm + "layers." + std::to_string(i) + ".";
        t.emplace_back(p + "input_layernorm.weight", at::ones({h}));
        t.emplace_back(p + "self_attn.q_proj.weight", linear(o.heads * headDim, h, 1.0));
        t.emplace_back(p + "self_attn.k_proj.weight", linear(o.kvHeads * headDim, h, 1.0));
        t.emplace_back(p + "self_attn.v_proj.weight", linear(o.kvHeads * headDim, h, 1.0));
        t.emplace_back(p + "self_attn.o_proj.weight", linear(h, o.heads * headDim, residual));
        t.emplace_back(p + "self_attn.q_norm.weight", at::ones({headDim}));
        t.emplace_back(p + "self_attn.k_norm.weight", at::ones({headDim}));
        t.emplace_back(p + "post_attention_layernorm.weight", at::ones({h}));
        t.emplace_back(p + "mlp.gate_proj.weight", linear(o.intermediate, h, 1.0));
        t.emplace_back(p + "mlp.up_proj.weight", linear(o.intermediate, h, 1.0));
        t.emplace_back(p + "mlp.down_proj.weight", linear(h, o.intermediate, residual));
    }
    t.emplace_back(lm + "norm.weight", at::ones({h}));
    return t;
}

void writeConfig(const MagicTraining& o, int64_t vocab) {
    nlohmann::ordered_json text{{"hidden_size", o.hidden},
                                {"num_attention_heads", o.heads},
                                {"num_key_value_heads", o.kvHeads},
                                {"head_dim", o.hidden / o.heads},
                                {"intermediate_size", o.intermediate},
                                {"num_hidden_layers", o.layers},
                                {"rms_norm_eps", 1e-6},
                                {"vocab_size", vocab},
                                {"hidden_act", "silu"},
                                {"attention_bias", false},
                                {"max_position_embeddings", 4096},
                                {"rope_parameters", {{"rope_theta", 10000}, {"rope_type", "default"}}},
                                {"model_type", "qwen3_vl_text"},
                                {"dtype", "bfloat16"}};
    writeJson(o.modelDir / "magic_prompt" / "config.json",
              nlohmann::ordered_json{{"architectures", {"Qwen3VLForConditionalGeneration"}},
                                     {"model_type", "qwen3_vl"},
                                     {"tie_word_embeddings", false},
                                     {"text_config", text}});
}

struct Example {
    std::vector<int64_t> ids;  // prompt, caption, <|im_end|>
    int64_t promptLength = 0;
};

}  // namespace

void trainMagicPrompt(const MagicTraining& o) {
    const auto dir = o.modelDir / "magic_prompt";
    const text::Tokenizer tokenizer = text::Tokenizer::fromModelFolder(o.modelDir);
    const int64_t vocab = tokenizer.idCount();
    const int64_t imEnd = *tokenizer.tokenId("<|im_end|>");
    const int64_t pad = *tokenizer.tokenId("<|endoftext|>");

    writeConfig(o, vocab);
    {
        std::ofstream(dir / "system_prompt.txt") << kMagicSystemPrompt;
    }
    NamedTensors weights = initialWeights(o, vocab);
    saveBf16(dir / "model.safetensors", weights);
    at::Generator headGen = at::detail::createCPUGenerator(o.seed + 1);
    saveBf16(dir / "lm_head.safetensors",
             {{"lm_head.weight", at::normal(0.0, 0.02, {vocab, int64_t(o.hidden)}, headGen)}});

    text::TextEncoderOptions loadOptions;
    loadOptions.causalLmOnly = true;
    auto encoder = std::make_shared<const text::Qwen3TextEncoder>(
        text::Qwen3TextEncoder::load(dir, loadOptions));
    const text::CausalLm lm = text::CausalLm::load(encoder, dir);
    NamedTensors params = encoder->namedParameters();
    params.emplace_back("lm_head.weight", lm.head().denseWeight());
    makeTrainable(params);
    Adam adam(params);

    // The data: kMagicTrainScenes scenes, each with a description drawn once.
    std::mt19937_64 phrasing(o.seed);
    std::vector<Example> data;
    int64_t longest = 0, totalTokens = 0;
    for (int i = 0; i < kMagicTrainScenes; ++i) {
        const Scene scene = sceneAt(kMagicTrainSeed, uint64_t(i));
        Example e;
        e.ids = tokenizer.encode(text::chatText(kMagicSystemPrompt, magicDescription(scene, phrasing)));
        e.promptLength = int64_t(e.ids.size());
        const auto answer = tokenizer.encode(caption(scene));
        e.ids.insert(e.ids.end(), answer.begin(), answer.end());
        e.ids.push_back(imEnd);
        longest = std::max(longest, int64_t(e.ids.size()));
        totalTokens += int64_t(e.ids.size());
        data.push_back(std::move(e));
    }
    std::printf("magic: %d examples, %.0f tokens on average, longest %lld; %zu tensors\n",
                kMagicTrainScenes, double(totalTokens) / kMagicTrainScenes,
                static_cast<long long>(longest), params.size());

    std::mt19937_64 rng(o.seed);
    std::vector<int> order(data.size());
    std::iota(order.begin(), order.end(), 0);
    std::size_t cursor = order.size();
    const auto start = Clock::now();
    double average = 0;
    int step = 0;
    for (; step < o.steps; ++step) {
        const double elapsed = minutesSince(start);
        if (o.minutes > 0 && elapsed >= o.minutes) break;
        std::vector<const Example*> batch;
        int64_t length = 0;
        for (int b = 0; b < o.batch; ++b) {
            if (cursor == order.size()) {
                std::shuffle(order.begin(), order.end(), rng);
                cursor = 0;
            }
            batch.push_back(&data[size_t(order[cursor++])]);
            length = std::max(length, int64_t(batch.back()->ids.size()));
        }
        // Right padding: causal attention keeps it out of the real positions.
        at::Tensor ids = at::full({o.batch, length}, pad, at::kLong);       // [B, L]
        at::Tensor weight = at::zeros({o.batch, length - 1}, at::kFloat);  // targets to learn
        for (int b = 0; b < o.batch; ++b) {
            const Example& e = *batch[size_t(b)];
            const int64_t n = int64_t(e.ids.size());
            ids[b].narrow(0, 0, n).copy_(at::tensor(e.ids, at::kLong));
            // Position p predicts token p + 1: learn the answer and the stop token.
            weight[b].narrow(0, e.promptLength - 1, n - e.promptLength).fill_(1);
        }
        const auto t0 = Clock::now();
        text::KvCache cache;
        const at::Tensor logits = lm.logits(ids.narrow(1, 0, length - 1), cache);  // [B, L-1, V]
        const at::Tensor logp = at::log_softmax(logits, -1);
        const at::Tensor target = ids.narrow(1, 1, length - 1).unsqueeze(-1);
        const at::Tensor nll = -logp.gather(-1, target).squeeze(-1);  // [B, L-1]
        const at::Tensor loss = (nll * weight).sum() / weight.sum();
        const auto t1 = Clock::now();
        loss.backward();
        const auto t2 = Clock::now();

        const double progress = o.minutes > 0 ? std::min(1.0, elapsed / o.minutes)
                                              : double(step) / std::max(1, o.steps);
        const double lr = o.lr * (step < 100 ? (step + 1) / 100.0
                                             : 0.02 + 0.98 * 0.5 * (1 + std::cos(M_PI * progress)));
        adam.step(lr, 1.0);
        adam.updateAverage(0.995);
        if (std::getenv("I4_DEMO_PROFILE")) {
            const auto ms = [](auto a, auto b) {
                return std::chrono::duration<double, std::milli>(b - a).count();
            };
            std::printf("forward %.0f ms, backward %.0f ms, update %.0f ms\n", ms(t0, t1),
                        ms(t1, t2), ms(t2, Clock::now()));
        }
        average = step == 0 ? loss.item<double>() : 0.98 * average + 0.02 * loss.item<double>();
        if (step % 50 == 0) {
            std::printf("magic step %5d  loss %.4f (running)  lr %.2e  %.1f min\n", step, average, lr,
                        minutesSince(start));
            std::fflush(stdout);
        }
        if (step > 0 && step % 500 == 0) {
            NamedTensors averaged = adam.averaged();
            const at::Tensor head = averaged.back().second;
            averaged.pop_back();
            NamedTensors prefixed;
            for (auto& [name, t] : averaged) prefixed.emplace_back("language_model." + name, t);
            saveBf16(dir / "model.safetensors", prefixed);
            saveBf16(dir / "lm_head.safetensors", {{"lm_head.weight", head}});
        }
    }
    NamedTensors averaged = adam.averaged();
    const at::Tensor head = averaged.back().second;
    averaged.pop_back();
    NamedTensors prefixed;
    for (auto& [name, t] : averaged) prefixed.emplace_back("language_model." + name, t);
    saveBf16(dir / "model.safetensors", prefixed);
    saveBf16(dir / "lm_head.safetensors", {{"lm_head.weight", head}});
    std::printf("magic: %d steps of %d in %.1f min; final running loss %.4f\n", step, o.batch,
                minutesSince(start), average);
}

}  // namespace i4::demo
