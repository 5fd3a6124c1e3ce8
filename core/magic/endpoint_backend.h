#pragma once

// Magic prompt through any OpenAI-compatible chat-completions endpoint: Ollama, llama.cpp's
// server, LM Studio, vLLM or a cloud service. HTTP through libcurl. Torch-free.

#include <string>

#include "core/magic/magic_prompt_backend.h"

namespace i4::magic {

struct EndpointConfig {
    // The API's base ("http://localhost:11434/v1") or the full ".../chat/completions" address.
    std::string url;
    std::string model;
    // Sent as "Authorization: Bearer <key>" when not empty. Never logged, never in a message.
    std::string apiKey;
    bool stream = true;                 // ask for server-sent events (tokens as they come)
    double connectTimeoutSeconds = 10;  // to open the connection
    double idleTimeoutSeconds = 120;    // longest silence before the answer is complete
    double totalTimeoutSeconds = 600;   // the whole answer
};

// The chat-completions address for `url`: unchanged when it already ends in /chat/completions,
// otherwise with "/chat/completions" appended (a trailing '/' dropped first). Throws InputError
// for an empty URL or one that is not http:// or https://.
std::string chatCompletionsUrl(const std::string& url);

class EndpointBackend : public MagicPromptBackend {
public:
    // Throws InputError for a bad URL or an empty model name.
    explicit EndpointBackend(EndpointConfig config);

    std::string expand(const MagicPromptRequest& request,
                       const std::function<void(std::string_view)>& onText,
                       const std::function<bool()>& cancelled) override;
    std::string name() const override;

    // The JSON body expand() posts (tests and the CLI's --verbose look at it; no key in it).
    std::string requestBody(const MagicPromptRequest& request) const;

private:
    EndpointConfig m_config;
    std::string m_endpoint;
};

}  // namespace i4::magic
