#include <gtest/gtest.h>

#include <string>

#include "core/caption/caption_format.h"
#include "core/caption/caption_verifier.h"

namespace i4::caption {
namespace {

using Json = nlohmann::ordered_json;

// Canonical text of the golden pipeline's first prompt (pipeline_bf16.json, case "single").
const char* kCanonical =
    R"({"high_level_description":"A lone sailboat on calm water at sunset.",)"
    R"("style_description":{"aesthetics":"serene, warm, golden hour",)"
    R"("lighting":"golden hour backlighting","photo":"wide angle, f/8","medium":"photograph",)"
    R"("color_palette":["#FF6B35","#F7C59F","#004E89"]},)"
    R"("compositional_deconstruction":{"background":"A calm ocean stretching to a low horizon.",)"
    R"("elements":[{"type":"obj","bbox":[300,420,720,610],)"
    R"("desc":"A single sailboat with a white sail."},)"
    R"({"type":"text","text":"Café «Zürich» — 日本語","desc":"Neon sign, upper left."}]}})";

TEST(CaptionFormat, CanonicalTextIsAFixedPoint) {
    EXPECT_EQ(formatCaption(Json::parse(kCanonical)), kCanonical);
    EXPECT_TRUE(verifyCaption(kCanonical).empty());
}

TEST(CaptionFormat, ReordersKeysToTheTrainedOrder) {
    const Json shuffled = Json::parse(
        R"({"compositional_deconstruction":{"elements":[)"
        R"({"desc":"d","color_palette":["#000000"],"bbox":[1,2,3,4],"type":"obj"},)"
        R"({"desc":"d2","text":"HI","type":"text","bbox":[5,6,7,8]}],"background":"b"},)"
        R"("style_description":{"art_style":"flat","medium":"ink","lighting":"l",)"
        R"("aesthetics":"a"},"extra":1,"high_level_description":"h"})");
    EXPECT_EQ(formatCaption(shuffled),
              R"({"high_level_description":"h","style_description":{"aesthetics":"a",)"
              R"("lighting":"l","medium":"ink","art_style":"flat"},)"
              R"("compositional_deconstruction":{"background":"b","elements":[)"
              R"({"type":"obj","bbox":[1,2,3,4],"desc":"d","color_palette":["#000000"]},)"
              R"({"type":"text","bbox":[5,6,7,8],"text":"HI","desc":"d2"}]},"extra":1})");
    const Json photo =
        Json::parse(R"({"style_description":{"medium":"photograph","photo":"35mm","lighting":"l",)"
                    R"("color_palette":[],"aesthetics":"a"}})");
    EXPECT_EQ(formatCaption(photo),
              R"({"style_description":{"aesthetics":"a","lighting":"l","photo":"35mm",)"
              R"("medium":"photograph","color_palette":[]}})");
}

TEST(CaptionFormat, EscapesOnlyWhatJsonRequires) {
    Json caption = Json::object();
    caption["high_level_description"] =
        "quote \" backslash \\ slash / tab\t newline\n "
        "bell\x07 é 日本 😀";
    EXPECT_EQ(formatCaption(caption),
              "{\"high_level_description\":\"quote \\\" backslash \\\\ slash / tab\\t "
              "newline\\n bell\\u0007 é 日本 😀\"}");
    // Invalid UTF-8 never makes it into the prompt.
    caption["high_level_description"] = std::string("bad \xFF byte");
    EXPECT_EQ(formatCaption(caption), "{\"high_level_description\":\"bad \xEF\xBF\xBD byte\"}");
}

TEST(CaptionFormat, IntegralBboxFloatsBecomeIntegers) {
    const Json caption =
        Json::parse(R"({"compositional_deconstruction":{"background":"b","elements":[)"
                    R"({"type":"obj","bbox":[200.0,300,800.0,900.5],"desc":"d"}]}})");
    EXPECT_NE(formatCaption(caption).find("[200,300,800,900.5]"), std::string::npos)
        << formatCaption(caption);
}

TEST(CaptionFormat, ImportIsTolerant) {
    const std::string pretty = Json::parse(kCanonical).dump(4, ' ', true);  // ASCII-escaped
    EXPECT_EQ(canonicalCaption(pretty), std::string(kCanonical));
    const std::string doubleEncoded = Json(std::string(kCanonical)).dump();
    EXPECT_EQ(canonicalCaption(doubleEncoded), std::string(kCanonical));
    const std::string wrapped = "{\"prompt\":" + std::string(kCanonical) + ",\"seed\":3}";
    EXPECT_EQ(canonicalCaption(wrapped), std::string(kCanonical));
    const std::string single = "{\"anything\":" + doubleEncoded + "}";
    EXPECT_EQ(canonicalCaption(single), std::string(kCanonical));
    EXPECT_FALSE(canonicalCaption("a red fox in the snow").has_value());
    EXPECT_FALSE(canonicalCaption("{\"width\":1024,\"height\":768}").has_value());
    EXPECT_FALSE(canonicalCaption("[1,2]").has_value());
}

}  // namespace
}  // namespace i4::caption
