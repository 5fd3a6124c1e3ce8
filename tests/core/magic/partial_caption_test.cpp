#include "core/magic/partial_caption.h"

#include <gtest/gtest.h>

#include <string>

namespace i4::magic {
namespace {

const std::string kCaption =
    R"({"high_level_description":"Zwei Kreise – grün und rot.",)"
    R"("style_description":{"aesthetics":"flat","lighting":"even","medium":"vector art",)"
    R"("art_style":"minimal","color_palette":["#F5F5DC","#D22B2B"]},)"
    R"("compositional_deconstruction":{"background":"plain beige","elements":[)"
    R"({"type":"obj","bbox":[300,120,700,480],"desc":"a \"green\" circle\\n",)"
    R"("color_palette":["#22AA44"]},{"type":"text","bbox":[50,100,150,900],"text":"HI",)"
    R"("desc":"red letters","color_palette":[]}],"flag":true,"none":null,"x":-1.5e2}})";

// Every prefix either gives nothing or an object, and a longer prefix never shows fewer elements.
TEST(PartialCaption, EveryPrefixParsesMonotonically) {
    std::size_t lastElements = 0;
    std::size_t lastDescLength = 0;
    for (std::size_t n = 0; n <= kCaption.size(); ++n) {
        const auto value = parsePartialCaption(std::string_view(kCaption).substr(0, n));
        if (n == 0) {
            EXPECT_FALSE(value.has_value());
            continue;
        }
        ASSERT_TRUE(value.has_value()) << "prefix of " << n << ": " << kCaption.substr(0, n);
        ASSERT_TRUE(value->is_object());
        const auto* comp = value->contains("compositional_deconstruction")
                               ? &value->at("compositional_deconstruction")
                               : nullptr;
        if (comp && comp->contains("elements")) {
            const auto& elements = comp->at("elements");
            EXPECT_GE(elements.size(), lastElements);
            lastElements = elements.size();
            for (const auto& element : elements) {
                // A bbox is never shown with a half-written number.
                if (element.contains("bbox")) {
                    for (const auto& v : element.at("bbox")) {
                        EXPECT_TRUE(v == 300 || v == 120 || v == 700 || v == 480 || v == 50 ||
                                    v == 100 || v == 150 || v == 900)
                            << v;
                    }
                }
            }
        }
        if (value->contains("high_level_description")) {
            const auto desc = value->at("high_level_description").get<std::string>();
            EXPECT_GE(desc.size(), lastDescLength);
            lastDescLength = desc.size();
        }
    }
    EXPECT_EQ(*parsePartialCaption(kCaption), nlohmann::ordered_json::parse(kCaption));
}

TEST(PartialCaption, StringValuesGrowKeysDoNot) {
    auto v = parsePartialCaption(R"({"high_level_description":"A red ri)");
    ASSERT_TRUE(v);
    EXPECT_EQ(v->at("high_level_description"), "A red ri");
    v = parsePartialCaption(R"({"high_level_description":"A","style_desc)");
    ASSERT_TRUE(v);
    EXPECT_EQ(v->size(), 1u);
    v = parsePartialCaption(R"({"a":"x\)");  // half an escape is dropped
    ASSERT_TRUE(v);
    EXPECT_EQ(v->at("a"), "x");
    v = parsePartialCaption(R"({"a":"x\u00e)");
    ASSERT_TRUE(v);
    EXPECT_EQ(v->at("a"), "x");
    v = parsePartialCaption("{\"a\":\"gr\xC3");  // half a UTF-8 character is dropped
    ASSERT_TRUE(v);
    EXPECT_EQ(v->at("a"), "gr");
}

TEST(PartialCaption, SkipsPreambleAndSurvivesGarbage) {
    auto v = parsePartialCaption("```json\n{\"a\":[1,2");
    ASSERT_TRUE(v);
    EXPECT_EQ(v->at("a"), nlohmann::ordered_json::parse("[1]"));
    v = parsePartialCaption(R"({"a":"b","c":]]] "d":"e")");
    ASSERT_TRUE(v);
    EXPECT_EQ(*v, nlohmann::ordered_json::parse(R"({"a":"b"})"));
    EXPECT_FALSE(parsePartialCaption("<think>maybe {\"a\": 1} or"));  // still thinking
    v = parsePartialCaption("<think>maybe {\"a\": 1}</think>\n{\"b\":\"c");
    ASSERT_TRUE(v);
    EXPECT_EQ(*v, nlohmann::ordered_json::parse(R"({"b":"c"})"));
    EXPECT_FALSE(parsePartialCaption("no json here"));
    EXPECT_FALSE(parsePartialCaption("[1,2,3]"));
}

}  // namespace
}  // namespace i4::magic
