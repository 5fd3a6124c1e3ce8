#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "core/text/tokenizer.h"
#include "tests/support/golden.h"

namespace i4::text {
namespace {

const Tokenizer& goldenTokenizer() {
    static const Tokenizer tokenizer =
        Tokenizer::fromModelFolder(test::goldenDir() / "tiny-ideogram4-bf16");
    return tokenizer;
}

nlohmann::json tokensJson() {
    std::ifstream in(test::goldenDir() / "tokens.json");
    return nlohmann::json::parse(in);
}

TEST(TokenizerGolden, ChatCasesMatchReferenceIds) {
    const nlohmann::json tokens = tokensJson();
    ASSERT_FALSE(tokens.at("cases").empty());
    for (const auto& c : tokens["cases"]) {
        const std::string prompt = c.at("prompt").get<std::string>();
        EXPECT_EQ(chatText(prompt), c.at("chat_text").get<std::string>());
        const auto expected = c.at("ids").get<std::vector<int64_t>>();
        EXPECT_EQ(goldenTokenizer().encodeChat(prompt), expected) << prompt;
        EXPECT_EQ(goldenTokenizer().countChatTokens(prompt), expected.size());
        EXPECT_EQ(goldenTokenizer().decode(expected), c["chat_text"].get<std::string>());
    }
}

TEST(TokenizerGolden, RawStringsMatchReferenceIds) {
    const nlohmann::json tokens = tokensJson();
    ASSERT_GE(tokens.at("raw").size(), 30u);
    for (const auto& r : tokens["raw"]) {
        const std::string text = r.at("text").get<std::string>();
        const auto expected = r.at("ids").get<std::vector<int64_t>>();
        EXPECT_EQ(goldenTokenizer().encode(text), expected) << text;
    }
}

TEST(TokenizerGolden, PipelineCasesMatchTheirTokenIds) {
    for (const char* precision : {"bf16", "fp8", "nf4"}) {
        std::ifstream in(test::goldenDir() / ("pipeline_" + std::string(precision) + ".json"));
        const nlohmann::json spec = nlohmann::json::parse(in);
        for (const auto& c : spec.at("cases")) {
            const auto& prompts = c.at("prompts");
            const auto ids = c.at("token_ids").get<std::vector<std::vector<int64_t>>>();
            ASSERT_EQ(prompts.size(), ids.size());
            for (std::size_t i = 0; i < ids.size(); ++i) {
                EXPECT_EQ(goldenTokenizer().encodeChat(prompts[i].get<std::string>()), ids[i])
                    << precision << " " << c.value("name", "");
            }
        }
    }
}

TEST(TokenizerGolden, KnownSpecialIds) {
    // Spec B.2's table of added tokens and useful ids.
    EXPECT_EQ(goldenTokenizer().tokenId("<|im_start|>"), 151644);
    EXPECT_EQ(goldenTokenizer().tokenId("<|im_end|>"), 151645);
    EXPECT_EQ(goldenTokenizer().tokenId("<|image_pad|>"), 151655);
    EXPECT_EQ(goldenTokenizer().encode("user"), std::vector<int64_t>{872});
    EXPECT_EQ(goldenTokenizer().encode("\n\n"), std::vector<int64_t>{271});
    EXPECT_EQ(goldenTokenizer().idCount(), 151669);
}

}  // namespace
}  // namespace i4::text
