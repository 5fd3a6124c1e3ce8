#pragma once

// The local magic prompt back end: a Qwen3 causal LM on the user's machine (the Ideogram 4 text
// encoder's own layers with an LM head, or the demo model's small LM), decoding constrained by
// the caption grammar (Note [Caption grammar] in core/text/caption_constraint.h), so the answer
// is always a caption. Torch-free: the GUI and the CLI include it.

#include <filesystem>
#include <memory>
#include <string>

#include "core/magic/magic_prompt_backend.h"

namespace i4::magic {

struct LocalBackendOptions {
    // An Ideogram 4 model folder (text_encoder/, tokenizer/) or the demo model (its own LM in
    // magic_prompt/). Note [Local magic prompt folders].
    std::filesystem::path modelDir;
    // Where the user keeps the LM head (a file, or a folder such as a stock
    // Qwen3-VL-8B-Instruct download); empty: look beside the text encoder only.
    std::filesystem::path lmHead;
    // "cpu" (float32) or "cuda" (bf16 weights on the GPU).
    std::string device = "cpu";
};

class LocalBackend : public MagicPromptBackend {
public:
    // Loads the LM (seconds for the demo; the 8B encoder takes as long as a model load). Throws
    // MagicPromptError when no LM head is found, naming what to download; ModelError for a
    // broken folder.
    static std::unique_ptr<LocalBackend> load(const LocalBackendOptions& options);
    ~LocalBackend() override;

    std::string expand(const MagicPromptRequest& request,
                       const std::function<void(std::string_view)>& onText,
                       const std::function<bool()>& cancelled) override;
    std::string name() const override;

    // Tokens per second of the last expand() (generated tokens over decoding time).
    double lastTokensPerSecond() const;
    // Generated tokens of the last expand().
    int lastTokenCount() const;

private:
    struct Impl;
    explicit LocalBackend(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace i4::magic
