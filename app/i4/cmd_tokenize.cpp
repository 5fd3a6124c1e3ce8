#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>

#include "app/i4/commands.h"
#include "core/errors.h"
#include "core/text/tokenizer.h"

namespace i4::cli {

namespace {

struct TokenizeOptions {
    std::string modelDir;
    std::string prompt;
    std::string promptFile;
    bool chat = false;
};

std::string readPromptFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError("cannot read the prompt file " + path);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

Command addTokenizeCommand(CLI::App& app) {
    auto* cmd = app.add_subcommand("tokenize", "Print a prompt's token ids as a JSON array");
    auto opts = std::make_shared<TokenizeOptions>();
    cmd->add_option("--model", opts->modelDir, "Model folder (reads tokenizer/tokenizer.json)")
        ->required();
    auto* prompt = cmd->add_option("--prompt", opts->prompt, "Prompt text");
    auto* file = cmd->add_option("--prompt-file", opts->promptFile, "File holding the prompt");
    prompt->excludes(file);
    cmd->add_flag("--chat", opts->chat,
                  "Frame the prompt as the text encoder sees it (one user turn) and check the "
                  "2048-token limit");
    return {cmd, [prompt, file, opts] {
                if (prompt->count() == 0 && file->count() == 0) {
                    throw InputError("tokenize needs --prompt or --prompt-file");
                }
                const std::string text =
                    file->count() ? readPromptFile(opts->promptFile) : opts->prompt;
                const auto tokenizer = text::Tokenizer::fromModelFolder(opts->modelDir);
                const auto ids = opts->chat ? tokenizer.encodeChat(text) : tokenizer.encode(text);
                std::string out = "[";
                for (std::size_t i = 0; i < ids.size(); ++i) {
                    if (i) out += ',';
                    out += std::to_string(ids[i]);
                }
                out += "]\n";
                std::cout << out;
                return kExitOk;
            }};
}

}  // namespace i4::cli
