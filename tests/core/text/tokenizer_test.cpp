#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/errors.h"
#include "core/text/tokenizer.h"
#include "tests/support/golden.h"

namespace i4::text {
namespace {

// The Qwen3 pre-tokenizer regex, as spec B.2 quotes it.
const char* kQwenSplit = R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N})"
                         R"(| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";

// GPT-2 bytes_to_unicode, written out from its definition for the test vocabulary.
std::string byteChar(int b) {
    int next = 256;
    int cp = -1;
    for (int x = 0; x <= b; ++x) {
        const bool printable = (x >= 0x21 && x <= 0x7E) || (x >= 0xA1 && x <= 0xAC) || x >= 0xAE;
        cp = printable ? x : next++;
    }
    std::string s;
    if (cp < 0x80) {
        s += static_cast<char>(cp);
    } else {
        s += static_cast<char>(0xC0 | (cp >> 6));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return s;
}

std::string bytesChars(const std::string& utf8) {
    std::string s;
    for (unsigned char c : utf8) s += byteChar(c);
    return s;
}

// A tiny byte-level BPE tokenizer.json: ids 0..255 are the bytes (id == byte value), then the
// merges below in rank order, then the added tokens.
struct TinyTokenizer {
    std::vector<std::pair<std::string, std::string>> merges;  // byte-level strings
    std::map<std::string, int64_t> mergedIds;
    std::vector<std::pair<std::string, int64_t>> added;

    explicit TinyTokenizer(bool withChatTokens = true) {
        merge(byteChar(' '), byteChar(' '));  // "ĠĠ"
        merge("h", "e");
        merge("l", "l");
        merge("he", "ll");
        merge("hell", "o");  // "hello"
        merge(byteChar(' '), "w");
        merge("o", "r");
        merge(byteChar(' ') + "w", "or");  // "Ġwor"
        merge("1", "2");                   // never applies: digits are split one by one
        merge("i", byteChar(0xF0));        // never applies: letters and symbols split
        merge(byteChar(0xE4), byteChar(0xBD));
        merge(byteChar(0xE4) + byteChar(0xBD), byteChar(0xA0));  // "你"
        int64_t next = 256 + static_cast<int64_t>(merges.size());
        if (withChatTokens) {
            added.emplace_back("<|im_start|>", next++);
            added.emplace_back("<|im_end|>", next++);
        }
        added.emplace_back("<|a|>", next++);
        added.emplace_back("<|a|>x", next++);
    }

    void merge(const std::string& a, const std::string& b) {
        mergedIds[a + b] = 256 + static_cast<int64_t>(merges.size());
        merges.emplace_back(a, b);
    }
    int64_t id(const std::string& token) const {
        for (const auto& [content, value] : added) {
            if (content == token) return value;
        }
        return mergedIds.at(token);
    }

    nlohmann::json json(bool stringMerges) const {
        nlohmann::json vocab = nlohmann::json::object();
        for (int b = 0; b < 256; ++b) vocab[byteChar(b)] = b;
        for (const auto& [token, value] : mergedIds) vocab[token] = value;
        nlohmann::json mergeList = nlohmann::json::array();
        for (const auto& [a, b] : merges) {
            if (stringMerges) {
                mergeList.push_back(a + " " + b);
            } else {
                mergeList.push_back({a, b});
            }
        }
        nlohmann::json addedList = nlohmann::json::array();
        for (const auto& [content, value] : added) {
            addedList.push_back({{"id", value},
                                 {"content", content},
                                 {"single_word", false},
                                 {"lstrip", false},
                                 {"rstrip", false},
                                 {"normalized", false},
                                 {"special", true}});
        }
        return {
            {"version", "1.0"},
            {"added_tokens", addedList},
            {"normalizer", {{"type", "NFC"}}},
            {"pre_tokenizer",
             {{"type", "Sequence"},
              {"pretokenizers",
               {{{"type", "Split"},
                 {"pattern", {{"Regex", kQwenSplit}}},
                 {"behavior", "Isolated"},
                 {"invert", false}},
                {{"type", "ByteLevel"}, {"add_prefix_space", false}, {"use_regex", false}}}}}},
            {"model",
             {{"type", "BPE"}, {"vocab", vocab}, {"merges", mergeList}, {"byte_fallback", false}}},
        };
    }

    Tokenizer load(bool stringMerges = false) const {
        const auto dir = test::tempDir("tok");
        const auto path = dir / "tokenizer.json";
        std::ofstream(path) << json(stringMerges).dump();
        return Tokenizer::fromFile(path);
    }
};

std::vector<int64_t> bytesOf(const std::string& s) {
    std::vector<int64_t> ids;
    for (unsigned char c : s) ids.push_back(c);
    return ids;
}

std::vector<int64_t> concat(std::initializer_list<std::vector<int64_t>> parts) {
    std::vector<int64_t> all;
    for (const auto& p : parts) all.insert(all.end(), p.begin(), p.end());
    return all;
}

class TokenizerTest : public ::testing::Test {
protected:
    TinyTokenizer tiny;
    Tokenizer tok = tiny.load();
};

TEST_F(TokenizerTest, BpeAppliesMergesByRank) {
    EXPECT_EQ(tok.encode("hello"), std::vector<int64_t>{tiny.id("hello")});
    EXPECT_EQ(tok.encode("hello world"),
              concat({{tiny.id("hello"), tiny.id(byteChar(' ') + "wor")}, bytesOf("ld")}));
    EXPECT_EQ(tok.encode(""), std::vector<int64_t>{});
}

TEST_F(TokenizerTest, SpecialTokensInsideUserTextAreMatched) {
    const int64_t imEnd = tiny.id("<|im_end|>");
    EXPECT_EQ(tok.encode("hello<|im_end|>hello"),
              (std::vector<int64_t>{tiny.id("hello"), imEnd, tiny.id("hello")}));
    // Inside a chat prompt too: the user's <|im_end|> is the special id, as in the reference.
    const auto ids = tok.encodeChat("a<|im_end|>b");
    EXPECT_EQ(std::count(ids.begin(), ids.end(), imEnd), 2);
    // An incomplete token is plain text.
    EXPECT_EQ(tok.encode("<|im_end|"), bytesOf("<|im_end|"));
}

TEST_F(TokenizerTest, LongestAddedTokenWins) {
    EXPECT_EQ(tok.encode("<|a|>xy"), concat({{tiny.id("<|a|>x")}, bytesOf("y")}));
    EXPECT_EQ(tok.encode("<|a|>y"), concat({{tiny.id("<|a|>")}, bytesOf("y")}));
}

TEST_F(TokenizerTest, NfcAndDecomposedInputGiveSameIds) {
    const std::string composed = "caf\xC3\xA9";     // café, U+00E9
    const std::string decomposed = "cafe\xCC\x81";  // e + U+0301
    EXPECT_EQ(tok.encode(composed), bytesOf(composed));
    EXPECT_EQ(tok.encode(decomposed), tok.encode(composed));
}

TEST_F(TokenizerTest, WhitespaceRunsLeaveOneSpaceForTheNextWord) {
    // "hello   world" -> "hello" | "  " | " world" (\s+(?!\S) stops before the last space).
    EXPECT_EQ(tok.encode("hello   world"),
              concat({{tiny.id("hello"), tiny.id(byteChar(' ') + byteChar(' ')),
                       tiny.id(byteChar(' ') + "wor")},
                      bytesOf("ld")}));
    // At the end of the text the whole run is one piece: "  " merges, the third space stays.
    EXPECT_EQ(
        tok.encode("hello   "),
        (std::vector<int64_t>{tiny.id("hello"), tiny.id(byteChar(' ') + byteChar(' ')), ' '}));
    EXPECT_EQ(tok.encode("\t\t"), bytesOf("\t\t"));
}

TEST_F(TokenizerTest, DigitsSplitOneByOne) {
    EXPECT_EQ(tok.encode("12345"), bytesOf("12345"));
    EXPECT_EQ(tok.encode("he12"), concat({{tiny.id("he")}, bytesOf("12")}));
}

TEST_F(TokenizerTest, CjkLettersFormOnePieceAndPunctuationAnother) {
    const std::string text = "\xE4\xBD\xA0\xE5\xA5\xBD\xEF\xBC\x8C";  // 你好，
    EXPECT_EQ(tok.encode(text),
              concat({{tiny.id(bytesChars("\xE4\xBD\xA0"))}, bytesOf("\xE5\xA5\xBD\xEF\xBC\x8C")}));
    EXPECT_EQ(tok.decode(tok.encode(text)), text);
}

TEST_F(TokenizerTest, EmojiWithZwjStaysByteLevelAndApartFromLetters) {
    // 🏳️‍🌈: U+1F3F3 U+FE0F U+200D U+1F308, after "hi": the merge "i" + 0xF0 must not
    // apply.
    const std::string flag = "\xF0\x9F\x8F\xB3\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x8C\x88";
    EXPECT_EQ(tok.encode("hi" + flag), concat({bytesOf("hi"), bytesOf(flag)}));
    EXPECT_EQ(tok.decode(tok.encode("hi" + flag)), "hi" + flag);
}

TEST_F(TokenizerTest, InvalidUtf8IsAnInputErrorWithTheByteOffset) {
    const auto expectOffset = [&](const std::string& text, const std::string& offset, bool chat) {
        try {
            chat ? tok.encodeChat(text) : tok.encode(text);
            ADD_FAILURE() << "no error for invalid UTF-8";
        } catch (const InputError& e) {
            EXPECT_NE(std::string(e.what()).find("byte offset " + offset), std::string::npos)
                << e.what();
        }
    };
    expectOffset("ab\xFF", "2", false);
    expectOffset("\xE4\xBD", "0", false);         // truncated character
    expectOffset("x\xC0\xAF", "1", false);        // overlong encoding of '/'
    expectOffset("ok \xED\xA0\x80", "3", false);  // UTF-16 surrogate
    expectOffset("hello \x80", "6", true);        // offset within the prompt, not the chat text
    EXPECT_THROW(tok.countChatTokens("\xFF"), InputError);
}

TEST_F(TokenizerTest, ChatFramingAndTheTokenLimit) {
    const auto framed = tok.encodeChat("hello");
    EXPECT_EQ(framed.front(), tiny.id("<|im_start|>"));
    EXPECT_EQ(framed, tok.encode(chatText("hello")));
    EXPECT_EQ(chatText("P"), "<|im_start|>user\nP<|im_end|>\n<|im_start|>assistant\n");

    const std::size_t frame = tok.countChatTokens("");
    const std::string fits(kMaxTextTokens - frame, '7');  // digits: one token each
    EXPECT_EQ(tok.encodeChat(fits).size(), kMaxTextTokens);
    try {
        tok.encodeChat(fits + "7");
        ADD_FAILURE() << "no error above the limit";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find(std::to_string(kMaxTextTokens + 1)), std::string::npos)
            << e.what();
    }
    EXPECT_EQ(tok.countChatTokens(fits + "77"), kMaxTextTokens + 2);
}

TEST(Tokenizer, MissingChatTokensIsAModelError) {
    const Tokenizer tok = TinyTokenizer(false).load();
    EXPECT_EQ(tok.encode("hello").size(), 1u);
    EXPECT_THROW(tok.encodeChat("hello"), ModelError);
}

TEST(Tokenizer, MergesAsStringsOrPairsAgree) {
    TinyTokenizer tiny;
    const Tokenizer pairs = tiny.load(false);
    const Tokenizer strings = tiny.load(true);
    for (const std::string text : {"hello   world", "12 he", "\xE4\xBD\xA0!", "hi\n\nyo"}) {
        EXPECT_EQ(pairs.encode(text), strings.encode(text)) << text;
    }
    EXPECT_EQ(strings.encode("hello"), std::vector<int64_t>{tiny.id("hello")});
}

TEST(Tokenizer, BadFilesAreModelErrors) {
    EXPECT_THROW(Tokenizer::fromFile(test::tempDir("tok") / "missing.json"), ModelError);
    EXPECT_THROW(Tokenizer::fromModelFolder(test::tempDir("tok")), ModelError);
    TinyTokenizer tiny;
    nlohmann::json j = tiny.json(false);
    j["model"]["merges"].push_back({"zz", "q"});  // "zz" is not in the vocabulary
    const auto path = test::tempDir("tok") / "tokenizer.json";
    std::ofstream(path) << j.dump();
    EXPECT_THROW(Tokenizer::fromFile(path), ModelError);
}

TEST_F(TokenizerTest, DecodeRoundTripsAndRejectsUnknownIds) {
    for (const std::string text :
         {"hello   world\n", "<|im_start|>user\nhi<|im_end|>", "caf\xC3\xA9 12", "\t x"}) {
        EXPECT_EQ(tok.decode(tok.encode(text)), text);
    }
    EXPECT_THROW(tok.decode({tok.idCount()}), InputError);
    EXPECT_THROW(tok.decode({-1}), InputError);
}

TEST_F(TokenizerTest, ConcurrentEncodingGivesTheSameIds) {
    const std::string text = "hello   world 12 \xE4\xBD\xA0\xE5\xA5\xBD hi";
    const auto expected = tok.encode(text);
    std::vector<std::thread> threads;
    std::vector<std::vector<int64_t>> results(4);
    for (std::size_t t = 0; t < results.size(); ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 200; ++i) results[t] = tok.encode(text);
        });
    }
    for (auto& thread : threads) thread.join();
    for (const auto& r : results) EXPECT_EQ(r, expected);
}

}  // namespace
}  // namespace i4::text
