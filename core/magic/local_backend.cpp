#include "core/magic/local_backend.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>

#include "core/errors.h"
#include "core/magic/magic_prompt.h"
#include "core/text/caption_constraint.h"
#include "core/text/causal_lm.h"
#include "core/text/tokenizer.h"

namespace i4::magic {

namespace fs = std::filesystem;

namespace {

// Note [Local magic prompt folders]
// A model folder with `magic_prompt/config.json` (the demo model) has an LM of its own there:
// its layers, `lm_head.safetensors` and `system_prompt.txt` (the system turn it was trained
// with), read with the model's tokenizer/. Any other folder is an Ideogram 4 model: the LM is
// text_encoder/ plus a head that findLmHead finds (Note [LM head locations]), and the system
// turn is buildSystemPrompt's.
constexpr const char* kOwnLm = "magic_prompt";

// Whole UTF-8 characters of `pending`, leaving an incomplete tail in it.
std::string takeWholeCharacters(std::string& pending) {
    std::size_t end = pending.size();
    // Walk back over at most 3 continuation bytes to the last lead byte.
    std::size_t i = pending.size();
    int back = 0;
    while (i > 0 && back < 4) {
        const auto c = static_cast<unsigned char>(pending[i - 1]);
        if ((c & 0xC0) != 0x80) {
            const int length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
            if (int(pending.size() - (i - 1)) < length) end = i - 1;
            break;
        }
        --i;
        ++back;
    }
    std::string whole = pending.substr(0, end);
    pending.erase(0, end);
    return whole;
}

}  // namespace

struct LocalBackend::Impl {
    std::string label;
    std::optional<text::Tokenizer> tokenizer;
    std::optional<text::CausalLm> lm;
    std::shared_ptr<const std::vector<std::string>> tokenBytes;
    std::string systemPrompt;  // empty: buildSystemPrompt
    int64_t stopId = -1;
    double tokensPerSecond = 0;
    int tokenCount = 0;
};

LocalBackend::LocalBackend(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
LocalBackend::~LocalBackend() = default;

std::unique_ptr<LocalBackend> LocalBackend::load(const LocalBackendOptions& options) {
    auto impl = std::make_unique<Impl>();
    text::TextEncoderOptions encoderOptions;
    if (options.device == "cuda") {
        encoderOptions.device = at::Device(at::kCUDA);
        encoderOptions.dtype = at::kBFloat16;
    } else if (options.device != "cpu") {
        throw InputError("magic prompt: device must be cpu or cuda, not " + options.device);
    }
    const fs::path own = options.modelDir / kOwnLm;
    impl->tokenizer = text::Tokenizer::fromModelFolder(options.modelDir);
    fs::path lmDir;
    if (fs::is_regular_file(own / "config.json")) {
        lmDir = own;
        encoderOptions.causalLmOnly = true;
        std::ifstream in(own / "system_prompt.txt");
        std::ostringstream text;
        text << in.rdbuf();
        impl->systemPrompt = text.str();
        impl->label = "local: " + options.modelDir.filename().string() + " magic prompt LM";
    } else {
        lmDir = options.modelDir / "text_encoder";
        impl->label = "local: Qwen3 (" + options.modelDir.filename().string() + ")";
    }
    const auto head = text::findLmHead(lmDir, options.lmHead);
    if (!head) throw MagicPromptError(text::missingLmHeadMessage(lmDir));
    auto encoder = std::make_shared<const text::Qwen3TextEncoder>(
        text::Qwen3TextEncoder::load(lmDir, encoderOptions));
    impl->lm = text::CausalLm::load(encoder, *head);
    const auto stop = impl->tokenizer->tokenId("<|im_end|>");
    if (!stop) throw ModelError("magic prompt: the tokenizer has no <|im_end|> token");
    impl->stopId = *stop;
    impl->tokenBytes = text::CaptionConstraint::tokenBytes(*impl->tokenizer, impl->lm->vocabSize());
    return std::unique_ptr<LocalBackend>(new LocalBackend(std::move(impl)));
}

std::string LocalBackend::expand(const MagicPromptRequest& request,
                                 const std::function<void(std::string_view)>& onText,
                                 const std::function<bool()>& cancelled) {
    validateRequest(request);
    Impl& d = *m_impl;
    const std::string system =
        d.systemPrompt.empty() ? buildSystemPrompt(request) : d.systemPrompt;
    const std::vector<int64_t> prompt =
        d.tokenizer->encode(text::chatText(system, buildUserMessage(request)));

    text::SamplingOptions sampling;
    sampling.temperature = request.temperature;
    sampling.topP = request.topP;
    sampling.seed = request.seed ? *request.seed : std::random_device{}();
    // The grammar needs room for its shortest caption; a smaller budget would refuse every token.
    sampling.maxTokens =
        std::max<int64_t>(request.maxTokens, text::CaptionConstraint::minimumTokens() + 64);
    sampling.stopId = d.stopId;
    text::CaptionConstraint constraint(d.tokenBytes, d.stopId);

    std::string raw, pending;
    const auto onToken = [&](int64_t id) {
        const std::string& bytes = (*d.tokenBytes)[static_cast<std::size_t>(id)];
        raw += bytes;
        pending += bytes;
        const std::string whole = takeWholeCharacters(pending);
        if (onText && !whole.empty()) onText(whole);
    };
    const text::Generation g = d.lm->generate(prompt, sampling, &constraint, onToken, cancelled);
    if (onText && !pending.empty()) onText(pending);
    d.tokenCount = static_cast<int>(g.ids.size());
    d.tokensPerSecond = g.seconds > 0 ? double(g.ids.size()) / g.seconds : 0;
    if (!g.stopped) {
        // Not reached: the constraint finishes the caption within the budget.
        throw MagicPromptError("the local model did not finish the caption within " +
                               std::to_string(sampling.maxTokens) + " tokens");
    }
    return finishMagicCaption(raw);
}

std::string LocalBackend::name() const { return m_impl->label; }
double LocalBackend::lastTokensPerSecond() const { return m_impl->tokensPerSecond; }
int LocalBackend::lastTokenCount() const { return m_impl->tokenCount; }

}  // namespace i4::magic
