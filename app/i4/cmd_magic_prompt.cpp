#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "app/i4/commands.h"
#include "core/errors.h"
#include "core/magic/endpoint_backend.h"
#include "core/magic/local_backend.h"
#include "core/magic/magic_prompt.h"
#include "core/pipeline/model_hints.h"

namespace i4::cli {
namespace {

struct MagicOptions {
    std::string idea;
    std::string model;
    std::string lmHead;
    std::string aspect = "1:1";
    std::optional<uint64_t> seed;
    double temperature = 0.7;
    double topP = 0.95;
    int maxTokens = 2048;
    std::string device = "cpu";
    bool quiet = false;
    std::string endpoint;       // an OpenAI-compatible chat API instead of a local LM
    std::string endpointModel;  // the model name the endpoint serves
    bool noStream = false;
};

// The endpoint's API key comes from the environment, never from the command line (which other
// users can read in the process list).
constexpr const char* kApiKeyVariable = "I4_MAGIC_PROMPT_API_KEY";

std::unique_ptr<magic::MagicPromptBackend> endpointBackend(const MagicOptions& o) {
    if (o.endpointModel.empty()) {
        throw InputError("--endpoint needs --endpoint-model (the model name the server serves)");
    }
    magic::EndpointConfig config;
    config.url = o.endpoint;
    config.model = o.endpointModel;
    if (const char* key = std::getenv(kApiKeyVariable)) config.apiKey = key;
    config.stream = !o.noStream;
    return std::make_unique<magic::EndpointBackend>(config);
}

int runMagicPrompt(MagicOptions o) {
    magic::MagicPromptRequest request;
    request.idea = o.idea;
    request.aspect = o.aspect;
    request.seed = o.seed;
    request.temperature = o.temperature;
    request.topP = o.topP;
    request.maxTokens = o.maxTokens;
    magic::validateRequest(request);  // before the (slow) load

    // The raw text streams to stderr as it comes; the finished caption goes to stdout.
    const auto onText = [&](std::string_view piece) {
        if (!o.quiet) std::cerr << piece << std::flush;
    };
    if (!o.endpoint.empty()) {
        const auto backend = endpointBackend(o);
        const std::string caption = backend->expand(request, onText, [] { return false; });
        if (!o.quiet) std::cerr << "\n" << backend->name() << "\n";
        std::cout << caption << "\n";
        return kExitOk;
    }
    if (o.model.empty()) {
        const auto demo = pipeline::findDemoModel(pipeline::currentExecutable());
        if (!demo) throw InputError("no --model given and the demo model was not found");
        o.model = demo->string();
        std::cerr << "no --model given: using the demo model (" << o.model << ")\n";
    }
    auto backend = [&] {
        try {
            return magic::LocalBackend::load({o.model, o.lmHead, o.device});
        } catch (const magic::MagicPromptError& e) {
            throw ModelError(e.what());
        }
    }();
    const std::string caption = backend->expand(request, onText, {});
    if (!o.quiet) {
        std::cerr << "\n"
                  << backend->name() << ": " << backend->lastTokenCount() << " tokens, "
                  << backend->lastTokensPerSecond() << " tokens/s\n";
    }
    std::cout << caption << "\n";
    return kExitOk;
}

}  // namespace

Command addMagicPromptCommand(CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "magic-prompt",
        "Expand a plain idea into a JSON caption with a local language model or an "
        "OpenAI-compatible chat endpoint");
    auto o = std::make_shared<MagicOptions>();
    cmd->add_option("IDEA", o->idea, "The idea, in any language")->required();
    cmd->add_option("--model", o->model,
                    "Model folder (default: the demo model, which has a small LM of its own)");
    cmd->add_option("--lm-head", o->lmHead,
                    "LM head: a .safetensors file or a folder (e.g. Qwen3-VL-8B-Instruct)");
    cmd->add_option("--aspect", o->aspect, "Aspect ratio W:H of the picture (default 1:1)");
    cmd->add_option_function<uint64_t>(
        "--seed", [o](const uint64_t& seed) { o->seed = seed; }, "Sampling seed (default: random)");
    cmd->add_option("--temperature", o->temperature, "0 = greedy, up to 2 (default 0.7)");
    cmd->add_option("--top-p", o->topP, "Nucleus sampling mass in (0, 1] (default 0.95)");
    cmd->add_option("--max-tokens", o->maxTokens, "Most tokens to generate (default 2048)");
    cmd->add_option("--device", o->device, "cpu (float32) or cuda (bf16)");
    cmd->add_flag("--quiet", o->quiet, "Do not stream the tokens to stderr");
    cmd->add_option("--endpoint", o->endpoint,
                    "An OpenAI-compatible chat API instead of a local LM, e.g. "
                    "http://localhost:11434/v1 (Ollama); the API key, if it needs one, from "
                    "the environment variable I4_MAGIC_PROMPT_API_KEY");
    cmd->add_option("--endpoint-model", o->endpointModel,
                    "With --endpoint: the model name the server serves");
    cmd->add_flag("--no-stream", o->noStream,
                  "With --endpoint: ask for the whole answer at once instead of streamed pieces");
    return {cmd, [o] { return runMagicPrompt(*o); }};
}

}  // namespace i4::cli
