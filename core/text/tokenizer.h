#pragma once

// Torch-free on purpose: the UI counts prompt tokens with this header.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace i4::text {

// The most text tokens (after chat framing) the text encoder accepts (spec A.4).
inline constexpr std::size_t kMaxTextTokens = 2048;

// The Qwen3-VL chat text for one user turn and the generation prompt (spec B.1).
std::string chatText(std::string_view prompt);
// The same with a system turn before the user turn (the magic prompt's chat).
std::string chatText(std::string_view system, std::string_view prompt);

// A byte-level BPE tokenizer read from a Hugging Face `tokenizer.json` (Qwen2/Qwen3 kind):
// added tokens matched on the raw text (leftmost, longest), NFC, the Split pre-tokenizer regex
// from the file, GPT-2 byte-to-unicode mapping and BPE by merge rank.
// Copies share the loaded tables; all member functions are safe to call from several threads.
class Tokenizer {
public:
    // Reads `tokenizer.json`; a missing or malformed file is a ModelError naming the path/field.
    static Tokenizer fromFile(const std::filesystem::path& tokenizerJson);
    // `<modelDir>/tokenizer/tokenizer.json` of a model folder in the published layout.
    static Tokenizer fromModelFolder(const std::filesystem::path& modelDir);

    // Ids of `text` as it is (no framing, no BOS/EOS). Invalid UTF-8 is an InputError that gives
    // the byte offset.
    std::vector<int64_t> encode(std::string_view text) const;
    // Ids of chatText(prompt). InputError when the result exceeds kMaxTextTokens (with the count)
    // or the prompt is not UTF-8; ModelError when the tokenizer lacks the chat tokens.
    std::vector<int64_t> encodeChat(std::string_view prompt) const;
    // Number of tokens encodeChat would give, without the length check (for a UI counter).
    std::size_t countChatTokens(std::string_view prompt) const;
    // Text of `ids`: added tokens verbatim, other tokens through the byte-level decoder. Bytes that
    // do not form complete UTF-8 (a split multi-byte character) are kept as they are.
    std::string decode(const std::vector<int64_t>& ids) const;

    // The id of a vocabulary entry or added token, if any.
    std::optional<int64_t> tokenId(std::string_view token) const;
    // An added token (<|im_end|>, ...): decoded verbatim, never produced by BPE.
    bool isAddedToken(int64_t id) const;
    // One past the largest id (vocabulary and added tokens).
    int64_t idCount() const;
    const std::filesystem::path& path() const;

private:
    struct Impl;
    explicit Tokenizer(std::shared_ptr<Impl> impl);
    std::shared_ptr<Impl> m_impl;
};

}  // namespace i4::text
