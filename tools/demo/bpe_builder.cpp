#include "tools/demo/bpe_builder.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <utility>

namespace i4::demo {

const char* const kQwenSplitRegex =
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";

const char* const kChatTemplate =
    "{%- for message in messages -%}\n"
    "{{- '<|im_start|>' + message['role'] + '\\n' -}}\n"
    "{%- if message['content'] is string -%}{{- message['content'] -}}\n"
    "{%- else -%}{%- for item in message['content'] -%}{%- if item['type'] == 'text' -%}"
    "{{- item['text'] -}}{%- endif -%}{%- endfor -%}{%- endif -%}\n"
    "{{- '<|im_end|>\\n' -}}\n"
    "{%- endfor -%}\n"
    "{%- if add_generation_prompt -%}{{- '<|im_start|>assistant\\n' -}}{%- endif -%}\n";

namespace {

const std::vector<std::string> kAddedTokens{"<|endoftext|>", "<|im_start|>", "<|im_end|>"};

std::string utf8(uint32_t cp) {
    std::string s;
    if (cp < 0x80) {
        s += char(cp);
    } else if (cp < 0x800) {
        s += char(0xC0 | (cp >> 6));
        s += char(0x80 | (cp & 0x3F));
    } else {
        s += char(0xE0 | (cp >> 12));
        s += char(0x80 | ((cp >> 6) & 0x3F));
        s += char(0x80 | (cp & 0x3F));
    }
    return s;
}

// GPT-2 bytes_to_unicode: printable bytes map to themselves, the others to U+0100 onwards.
const std::vector<std::string>& byteSymbols() {
    static const std::vector<std::string> symbols = [] {
        std::vector<std::string> out(256);
        uint32_t next = 256;
        for (uint32_t b = 0; b < 256; ++b) {
            const bool printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || b >= 0xAE;
            out[b] = utf8(printable ? b : next++);
        }
        return out;
    }();
    return symbols;
}

struct Regex {
    pcre2_code* code = nullptr;
    Regex() {
        int error = 0;
        PCRE2_SIZE offset = 0;
        code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(kQwenSplitRegex), PCRE2_ZERO_TERMINATED,
                             PCRE2_UTF | PCRE2_UCP, &error, &offset, nullptr);
        if (!code) throw std::runtime_error("bpe: the split regex does not compile");
    }
    ~Regex() { pcre2_code_free(code); }
};

}  // namespace

std::vector<std::string> preTokenize(const std::string& text) {
    static const Regex regex;
    std::unique_ptr<pcre2_match_data, decltype(&pcre2_match_data_free)> data(
        pcre2_match_data_create_from_pattern(regex.code, nullptr), &pcre2_match_data_free);
    std::vector<std::string> pieces;
    size_t offset = 0;
    const auto* subject = reinterpret_cast<PCRE2_SPTR>(text.data());
    while (offset < text.size()) {
        const int rc = pcre2_match(regex.code, subject, text.size(), offset, 0, data.get(), nullptr);
        if (rc < 0) break;
        const PCRE2_SIZE* span = pcre2_get_ovector_pointer(data.get());
        if (span[0] > offset) pieces.push_back(text.substr(offset, span[0] - offset));
        if (span[1] == span[0]) break;
        pieces.push_back(text.substr(span[0], span[1] - span[0]));
        offset = span[1];
    }
    if (offset < text.size()) pieces.push_back(text.substr(offset));
    return pieces;
}

nlohmann::ordered_json buildByteLevelBpe(const std::vector<std::string>& corpus,
                                         const BpeOptions& options) {
    // Word frequencies, each word a sequence of byte-level symbols.
    std::map<std::vector<std::string>, long> words;
    for (const std::string& text : corpus) {
        for (const std::string& piece : preTokenize(text)) {
            std::vector<std::string> symbols;
            for (unsigned char byte : piece) symbols.push_back(byteSymbols()[byte]);
            ++words[symbols];
        }
    }

    nlohmann::ordered_json vocab = nlohmann::ordered_json::object();
    for (int b = 0; b < 256; ++b) vocab[byteSymbols()[size_t(b)]] = b;
    nlohmann::ordered_json merges = nlohmann::ordered_json::array();
    int nextId = 256;
    while (nextId < options.vocabSize) {
        std::map<std::pair<std::string, std::string>, long> pairs;
        for (const auto& [symbols, count] : words) {
            for (size_t i = 0; i + 1 < symbols.size(); ++i) pairs[{symbols[i], symbols[i + 1]}] += count;
        }
        // The most frequent pair; ties go to the first in sort order (deterministic).
        const std::pair<std::string, std::string>* best = nullptr;
        long bestCount = 0;
        for (const auto& [pair, count] : pairs) {
            if (count > bestCount) {
                best = &pair;
                bestCount = count;
            }
        }
        if (!best || bestCount < options.minPairCount) break;
        const std::string merged = best->first + best->second;
        if (!vocab.contains(merged)) vocab[merged] = nextId++;
        merges.push_back(nlohmann::ordered_json::array({best->first, best->second}));
        std::map<std::vector<std::string>, long> next;
        for (const auto& [symbols, count] : words) {
            std::vector<std::string> out;
            for (size_t i = 0; i < symbols.size(); ++i) {
                if (i + 1 < symbols.size() && symbols[i] == best->first &&
                    symbols[i + 1] == best->second) {
                    out.push_back(merged);
                    ++i;
                } else {
                    out.push_back(symbols[i]);
                }
            }
            next[out] += count;
        }
        words = std::move(next);
    }

    nlohmann::ordered_json added = nlohmann::ordered_json::array();
    for (const std::string& token : kAddedTokens) {
        added.push_back({{"id", nextId++},
                         {"content", token},
                         {"single_word", false},
                         {"lstrip", false},
                         {"rstrip", false},
                         {"normalized", false},
                         {"special", true}});
    }
    const nlohmann::ordered_json byteLevel = {{"type", "ByteLevel"},
                                              {"add_prefix_space", false},
                                              {"trim_offsets", false},
                                              {"use_regex", false}};
    nlohmann::ordered_json j;
    j["version"] = "1.0";
    j["truncation"] = nullptr;
    j["padding"] = nullptr;
    j["added_tokens"] = added;
    j["normalizer"] = {{"type", "NFC"}};
    j["pre_tokenizer"] = {
        {"type", "Sequence"},
        {"pretokenizers",
         nlohmann::ordered_json::array(
             {{{"type", "Split"},
               {"pattern", {{"Regex", kQwenSplitRegex}}},
               {"behavior", "Isolated"},
               {"invert", false}},
              byteLevel})}};
    j["post_processor"] = byteLevel;
    j["decoder"] = byteLevel;
    j["model"] = {{"type", "BPE"},
                  {"dropout", nullptr},
                  {"unk_token", nullptr},
                  {"continuing_subword_prefix", ""},
                  {"end_of_word_suffix", ""},
                  {"fuse_unk", false},
                  {"byte_fallback", false},
                  {"ignore_merges", false},
                  {"vocab", vocab},
                  {"merges", merges}};
    return j;
}

nlohmann::ordered_json tokenizerConfig(const nlohmann::ordered_json& tokenizerJson) {
    nlohmann::ordered_json decoder = nlohmann::ordered_json::object();
    for (const auto& token : tokenizerJson.at("added_tokens")) {
        decoder[std::to_string(token.at("id").get<int>())] = {
            {"content", token.at("content")}, {"lstrip", false},  {"normalized", false},
            {"rstrip", false},                {"single_word", false}, {"special", true}};
    }
    return {{"add_bos_token", false},
            {"add_prefix_space", false},
            {"added_tokens_decoder", decoder},
            {"bos_token", nullptr},
            {"clean_up_tokenization_spaces", false},
            {"eos_token", "<|im_end|>"},
            {"errors", "replace"},
            {"model_max_length", 2048},
            {"pad_token", "<|endoftext|>"},
            {"split_special_tokens", false},
            {"tokenizer_class", "Qwen2Tokenizer"},
            {"unk_token", nullptr}};
}

}  // namespace i4::demo
