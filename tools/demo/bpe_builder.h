#pragma once

// Builds a byte-level BPE tokenizer in the Hugging Face `tokenizer.json` format (the kind Qwen3
// ships: NFC, the Qwen2 Split regex, GPT-2 byte-to-unicode, BPE merges, ChatML added tokens)
// from a text corpus, so the demo model runs the real tokenizer code path.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace i4::demo {

// The Qwen2/Qwen3 pre-tokenizer regex (spec B.2).
extern const char* const kQwenSplitRegex;

struct BpeOptions {
    int vocabSize = 1024;  // byte tokens + merges (the added tokens come after)
    int minPairCount = 2;  // stop merging when the most frequent pair is rarer
};

// Splits `text` as the Split pre-tokenizer does (matches are kept, gaps too).
std::vector<std::string> preTokenize(const std::string& text);

// tokenizer.json contents. Ids: 256 byte tokens, then merges in rank order, then
// <|endoftext|>, <|im_start|>, <|im_end|>.
nlohmann::ordered_json buildByteLevelBpe(const std::vector<std::string>& corpus,
                                         const BpeOptions& options);

// tokenizer_config.json for such a tokenizer (pad <|endoftext|>, eos <|im_end|>, no BOS).
nlohmann::ordered_json tokenizerConfig(const nlohmann::ordered_json& tokenizerJson);

// The ChatML template the published repos ship (spec B.1).
extern const char* const kChatTemplate;

}  // namespace i4::demo
