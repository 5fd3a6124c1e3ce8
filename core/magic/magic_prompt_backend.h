#pragma once

// Magic prompt: a plain idea becomes a structured Ideogram 4 caption (docs/caption-schema.md).
// Two back ends implement this interface: the local Qwen3 causal LM (core/text, constrained
// decoding) and any OpenAI-compatible chat endpoint (endpoint_backend.h). Torch-free: the GUI and
// the CLI include it. Both back ends build their chat from magic_prompt.h's system prompt and
// hand their raw text to finishMagicCaption(), so the result is the same kind of caption.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/errors.h"

namespace i4::magic {

struct MagicPromptRequest {
    std::string idea;              // the user's plain prompt, any language
    std::string aspect = "1:1";    // "W:H" of the picture the caption is for
    std::optional<uint64_t> seed;  // nullopt: a fresh random seed (endpoint: not sent)
    double temperature = 0.7;      // 0: greedy
    double topP = 0.95;            // nucleus sampling mass, (0, 1]
    int maxTokens = 2048;          // upper bound on generated tokens
};

// The back end failed in a way the user can act on (no server, HTTP 401, a time-out, an answer
// that is not a caption). The message is plain English, one or two sentences, and never contains
// an API key.
class MagicPromptError : public Error {
public:
    using Error::Error;
};

class MagicPromptBackend {
public:
    virtual ~MagicPromptBackend() = default;

    // Expands request.idea into a caption and returns it in canonical form (formatCaption),
    // verified by caption::verifyCaption. onText receives the raw text as it is generated, in
    // pieces (each call appends; the pieces may split UTF-8 sequences only where a back end
    // says so: both back ends here send whole characters). cancelled is polled between pieces;
    // when it returns true expand() throws i4::CancelledError. Throws MagicPromptError on any
    // failure, InputError for a bad request (empty idea, bad aspect). Called from a worker
    // thread; one call at a time per backend object.
    virtual std::string expand(const MagicPromptRequest& request,
                               const std::function<void(std::string_view)>& onText,
                               const std::function<bool()>& cancelled) = 0;

    // Short human-readable name for status lines and logs ("local: Qwen3 (demo)",
    // "endpoint: llama3 at http://localhost:11434/v1").
    virtual std::string name() const = 0;
};

}  // namespace i4::magic
