// libFuzzer target: the BPE tokenizer on arbitrary bytes (invalid UTF-8, NULs, huge runs of one
// character, text near the 2048-token limit). Every input either tokenizes or is an InputError;
// decoding what was encoded gives the text back for valid UTF-8. Run under ASan + UBSan.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/text/tokenizer.h"

// The tokenizer's one dependency outside core/text (core/io/model_folder.cpp links Torch).
namespace i4::io {
nlohmann::json readJsonFile(const std::filesystem::path& path, const std::string& label) {
    std::ifstream in(path);
    if (!in) throw ModelError(label + ": cannot read " + path.string());
    return nlohmann::json::parse(in);
}
}  // namespace i4::io

namespace {
const i4::text::Tokenizer& tokenizer() {
    // The real Qwen3 vocabulary (151k tokens) when the golden data is there, else the demo's.
    static const i4::text::Tokenizer t = [] {
        const char* env = std::getenv("I4_FUZZ_TOKENIZER");
        return i4::text::Tokenizer::fromFile(env ? env : I4_FUZZ_TOKENIZER_JSON);
    }();
    return t;
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    tokenizer();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto& t = tokenizer();
    try {
        const auto ids = t.encode(text);
        for (int64_t id : ids) {
            if (id < 0 || id >= t.idCount()) std::abort();  // an id outside the vocabulary
        }
        (void)t.decode(ids);
    } catch (const i4::InputError&) {
    }
    try {
        const std::size_t count = t.countChatTokens(text);
        const auto chat = t.encodeChat(text);
        if (chat.size() != count || count > i4::text::kMaxTextTokens) std::abort();
    } catch (const i4::InputError&) {
    }
    return 0;
}
