#include <gtest/gtest.h>

#include <random>
#include <string>

#include "core/caption/caption_verifier.h"

namespace i4::caption {
namespace {

using Json = nlohmann::ordered_json;

const char* kValidPhoto =
    R"({"high_level_description":"A lone sailboat on calm water at sunset.",)"
    R"("style_description":{"aesthetics":"serene, warm","lighting":"golden hour backlighting",)"
    R"("photo":"wide angle, f/8","medium":"photograph","color_palette":["#FF6B35","#004E89"]},)"
    R"("compositional_deconstruction":{"background":"A calm ocean.","elements":[)"
    R"({"type":"obj","bbox":[300,420,720,610],"desc":"A sailboat.","color_palette":["#FFFFFF"]},)"
    R"({"type":"text","bbox":[40,80,180,920],"text":"Café «Zürich» — 日本語",)"
    R"("desc":"Neon sign, upper left.","color_palette":[]}]}})";

const char* kValidArt =
    R"({"high_level_description":"A poster.","style_description":{"aesthetics":"bold",)"
    R"("lighting":"flat","medium":"digital illustration","art_style":"flat vector"},)"
    R"("compositional_deconstruction":{"background":"Plain cream.","elements":[]}})";

Json valid() { return Json::parse(kValidPhoto); }

std::string describe(const std::vector<CaptionWarning>& warnings) {
    std::string text;
    for (const auto& w : warnings) {
        text += std::string(codeName(w.code)) + " at " + w.jsonPath + ": " + w.message + "\n";
    }
    return text;
}

// The warnings of `caption` are exactly one, with `code` at `path`.
void expectOnly(const Json& caption, WarningCode code, const std::string& path) {
    const auto warnings = verifyCaption(caption.dump());
    ASSERT_EQ(warnings.size(), 1u) << describe(warnings);
    EXPECT_EQ(warnings[0].code, code) << describe(warnings);
    EXPECT_EQ(warnings[0].jsonPath, path) << describe(warnings);
    EXPECT_FALSE(warnings[0].message.empty());
}

bool has(const std::vector<CaptionWarning>& warnings, WarningCode code, const std::string& path) {
    for (const auto& w : warnings) {
        if (w.code == code && w.jsonPath == path) return true;
    }
    return false;
}

Json& composition(Json& caption) { return caption["compositional_deconstruction"]; }
Json& element(Json& caption, size_t i) { return composition(caption)["elements"][i]; }

TEST(CaptionVerifier, ValidCaptionsHaveNoWarnings) {
    EXPECT_TRUE(verifyCaption(kValidPhoto).empty()) << describe(verifyCaption(kValidPhoto));
    EXPECT_TRUE(verifyCaption(kValidArt).empty()) << describe(verifyCaption(kValidArt));
    // Optional parts absent: no style, element without bbox or palette.
    const char* minimal = R"({"high_level_description":"x","compositional_deconstruction":)"
                          R"({"background":"y","elements":[{"type":"obj","desc":"z"}]}})";
    EXPECT_TRUE(verifyCaption(minimal).empty()) << describe(verifyCaption(minimal));
}

TEST(CaptionVerifier, InvalidJsonIsAWarningWithPosition) {
    const std::string text = R"({"high_level_description": "x",, "a": 1})";
    const auto warnings = verifyCaption(text);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0].code, WarningCode::InvalidJson);
    EXPECT_EQ(warnings[0].offset, text.find(",,") + 1);
    EXPECT_NE(warnings[0].message.find("column"), std::string::npos) << warnings[0].message;
    EXPECT_EQ(verifyCaption("").at(0).code, WarningCode::InvalidJson);
    EXPECT_EQ(verifyCaption("{\"a\":\"\xFF\"}").at(0).code, WarningCode::InvalidJson);
}

TEST(CaptionVerifier, RootMustBeAnObject) {
    expectOnly(Json::array({1, 2}), WarningCode::NotAnObject, "$");
    expectOnly(Json("a plain prompt"), WarningCode::NotAnObject, "$");
}

TEST(CaptionVerifier, UnknownKeysAreFlagged) {
    Json caption = valid();
    caption["canvas"] = "off-distribution";
    expectOnly(caption, WarningCode::UnknownKey, "$.canvas");
    caption = valid();
    composition(caption)["layout"] = "grid";
    expectOnly(caption, WarningCode::UnknownKey, "$.compositional_deconstruction.layout");
    caption = valid();
    caption["style_description"]["mood"] = "calm";
    expectOnly(caption, WarningCode::UnknownKey, "$.style_description.mood");
    caption = valid();
    element(caption, 0)["size"] = "big";
    expectOnly(caption, WarningCode::UnknownKey, "$.compositional_deconstruction.elements[0].size");
}

TEST(CaptionVerifier, CompositionalDeconstructionIsRequired) {
    Json caption = valid();
    caption.erase("compositional_deconstruction");
    expectOnly(caption, WarningCode::MissingKey, "$");
}

TEST(CaptionVerifier, BackgroundAndElementsAreRequired) {
    Json caption = valid();
    composition(caption).erase("background");
    expectOnly(caption, WarningCode::MissingKey, "$.compositional_deconstruction");
    caption = valid();
    composition(caption).erase("elements");
    expectOnly(caption, WarningCode::MissingKey, "$.compositional_deconstruction");
}

TEST(CaptionVerifier, HighLevelDescriptionIsRecommended) {
    Json caption = valid();
    caption.erase("high_level_description");
    expectOnly(caption, WarningCode::MissingKey, "$");
}

TEST(CaptionVerifier, TopLevelKeyOrder) {
    const Json caption =
        Json::parse(R"({"compositional_deconstruction":{"background":"b","elements":[]},)"
                    R"("high_level_description":"h"})");
    expectOnly(caption, WarningCode::KeyOrder, "$");
}

TEST(CaptionVerifier, CompositionKeyOrder) {
    const Json caption =
        Json::parse(R"({"high_level_description":"h",)"
                    R"("compositional_deconstruction":{"elements":[],"background":"b"}})");
    expectOnly(caption, WarningCode::KeyOrder, "$.compositional_deconstruction");
}

TEST(CaptionVerifier, StyleKeyOrderDependsOnKind) {
    // The art order (medium before art_style) is wrong for a photo caption and vice versa.
    Json caption = Json::parse(
        R"({"high_level_description":"h","style_description":{"aesthetics":"a","lighting":"l",)"
        R"("medium":"photograph","photo":"p"},)"
        R"("compositional_deconstruction":{"background":"b","elements":[]}})");
    expectOnly(caption, WarningCode::KeyOrder, "$.style_description");
    caption = Json::parse(
        R"({"high_level_description":"h","style_description":{"aesthetics":"a","lighting":"l",)"
        R"("art_style":"s","medium":"oil"},)"
        R"("compositional_deconstruction":{"background":"b","elements":[]}})");
    expectOnly(caption, WarningCode::KeyOrder, "$.style_description");
}

TEST(CaptionVerifier, StyleNeedsExactlyOneOfPhotoAndArtStyle) {
    Json caption = valid();
    caption["style_description"].erase("photo");
    expectOnly(caption, WarningCode::StyleKind, "$.style_description");
    caption = Json::parse(kValidArt);
    caption["style_description"]["photo"] = "35mm";
    EXPECT_TRUE(has(verifyCaptionJson(caption), WarningCode::StyleKind, "$.style_description"));
}

TEST(CaptionVerifier, StyleRequiresAestheticsLightingMedium) {
    for (const char* key : {"aesthetics", "lighting", "medium"}) {
        Json caption = Json::parse(kValidArt);
        caption["style_description"].erase(key);
        expectOnly(caption, WarningCode::MissingKey, "$.style_description");
    }
}

TEST(CaptionVerifier, PhotoNeedsPhotographMedium) {
    Json caption = valid();
    caption["style_description"]["medium"] = "oil painting";
    expectOnly(caption, WarningCode::PhotoMedium, "$.style_description.medium");
}

TEST(CaptionVerifier, ElementTypeIsObjOrText) {
    Json caption = valid();
    element(caption, 0)["type"] = "shape";
    expectOnly(caption, WarningCode::ElementType,
               "$.compositional_deconstruction.elements[0].type");
    caption = valid();
    element(caption, 0).erase("type");
    expectOnly(caption, WarningCode::MissingKey, "$.compositional_deconstruction.elements[0]");
}

TEST(CaptionVerifier, ElementKeyOrder) {
    Json caption = valid();
    Json& obj = element(caption, 0);
    obj = Json::parse(R"({"type":"obj","desc":"d","bbox":[1,2,3,4]})");
    expectOnly(caption, WarningCode::KeyOrder, "$.compositional_deconstruction.elements[0]");
    caption = valid();
    element(caption, 1) =
        Json::parse(R"({"type":"text","bbox":[1,2,3,4],"desc":"d","text":"SALE"})");
    expectOnly(caption, WarningCode::KeyOrder, "$.compositional_deconstruction.elements[1]");
}

TEST(CaptionVerifier, TextOnlyOnTextElements) {
    Json caption = valid();
    element(caption, 0) = Json::parse(R"({"type":"obj","bbox":[1,2,3,4],"text":"A","desc":"d"})");
    expectOnly(caption, WarningCode::TextOnObject,
               "$.compositional_deconstruction.elements[0].text");
    caption = valid();
    element(caption, 1).erase("text");
    expectOnly(caption, WarningCode::MissingKey, "$.compositional_deconstruction.elements[1]");
}

TEST(CaptionVerifier, ElementDescIsRequired) {
    Json caption = valid();
    element(caption, 0).erase("desc");
    expectOnly(caption, WarningCode::MissingKey, "$.compositional_deconstruction.elements[0]");
}

TEST(CaptionVerifier, ElementTypesOfValues) {
    Json caption = valid();
    composition(caption)["elements"] = "a boat";
    expectOnly(caption, WarningCode::WrongType, "$.compositional_deconstruction.elements");
    caption = valid();
    element(caption, 0)["desc"] = 5;
    expectOnly(caption, WarningCode::WrongType, "$.compositional_deconstruction.elements[0].desc");
    caption = valid();
    caption["style_description"]["color_palette"] = "#FFFFFF";
    expectOnly(caption, WarningCode::WrongType, "$.style_description.color_palette");
    caption = valid();
    caption["style_description"] = "warm";
    expectOnly(caption, WarningCode::WrongType, "$.style_description");
    caption = valid();
    composition(caption)["elements"].push_back("loose string");
    expectOnly(caption, WarningCode::WrongType, "$.compositional_deconstruction.elements[2]");
}

TEST(CaptionVerifier, BboxHasFourValues) {
    Json caption = valid();
    element(caption, 0)["bbox"] = Json::array({1, 2, 3});
    expectOnly(caption, WarningCode::BboxShape, "$.compositional_deconstruction.elements[0].bbox");
}

TEST(CaptionVerifier, BboxValuesAreIntegers) {
    Json caption = valid();
    element(caption, 0)["bbox"] = Json::parse("[300, 420.5, 720, 610]");
    expectOnly(caption, WarningCode::BboxNotInteger,
               "$.compositional_deconstruction.elements[0].bbox[1]");
}

TEST(CaptionVerifier, BboxRange) {
    Json caption = valid();
    element(caption, 0)["bbox"] = Json::array({-5, 420, 1001, 610});
    const auto warnings = verifyCaptionJson(caption);
    EXPECT_EQ(warnings.size(), 2u) << describe(warnings);
    EXPECT_TRUE(has(warnings, WarningCode::BboxRange,
                    "$.compositional_deconstruction.elements[0].bbox[0]"));
    EXPECT_TRUE(has(warnings, WarningCode::BboxRange,
                    "$.compositional_deconstruction.elements[0].bbox[2]"));
}

TEST(CaptionVerifier, BboxOrderIsYxYx) {
    Json caption = valid();
    // [x_min, y_min, x_max, y_max] mistakes show up as max < min.
    element(caption, 0)["bbox"] = Json::array({720, 420, 300, 610});
    expectOnly(caption, WarningCode::BboxOrder, "$.compositional_deconstruction.elements[0].bbox");
    element(caption, 0)["bbox"] = Json::array({300, 610, 720, 610});
    expectOnly(caption, WarningCode::BboxOrder, "$.compositional_deconstruction.elements[0].bbox");
}

TEST(CaptionVerifier, ColoursAreUppercaseHex) {
    for (const char* bad : {"#ff6b35", "#FFF", "FF6B35", "#GG0000", "#FF6B355"}) {
        Json caption = valid();
        caption["style_description"]["color_palette"][1] = bad;
        expectOnly(caption, WarningCode::ColorFormat, "$.style_description.color_palette[1]");
    }
}

TEST(CaptionVerifier, PaletteSizes) {
    Json caption = valid();
    caption["style_description"]["color_palette"] = Json::array();
    for (int i = 0; i < 16; ++i) caption["style_description"]["color_palette"].push_back("#123456");
    EXPECT_TRUE(verifyCaptionJson(caption).empty());
    caption["style_description"]["color_palette"].push_back("#123456");
    expectOnly(caption, WarningCode::PaletteSize, "$.style_description.color_palette");
    caption = valid();
    element(caption, 0)["color_palette"] =
        Json::array({"#000000", "#111111", "#222222", "#333333", "#444444"});
    EXPECT_TRUE(verifyCaptionJson(caption).empty());
    element(caption, 0)["color_palette"].push_back("#555555");
    expectOnly(caption, WarningCode::PaletteSize,
               "$.compositional_deconstruction.elements[0].color_palette");
}

TEST(CaptionVerifier, AsciiEscapedNonAsciiIsFlagged) {
    // Python's default json.dumps (ensure_ascii=True) output.
    const std::string escaped =
        R"({"high_level_description":"Caf\u00e9","compositional_deconstruction":)"
        R"({"background":"b","elements":[]}})";
    const auto warnings = verifyCaption(escaped);
    ASSERT_EQ(warnings.size(), 1u) << describe(warnings);
    EXPECT_EQ(warnings[0].code, WarningCode::AsciiEscapes);
    // Literal UTF-8 next to an escape: not the sign of an ASCII-only serialiser.
    std::string mixed = escaped;
    mixed.replace(mixed.find("\"b\""), 3, "\"ü\"");
    EXPECT_TRUE(verifyCaption(mixed).empty()) << describe(verifyCaption(mixed));
    // An escaped backslash followed by "u00e9" is text, and an ASCII escape is harmless.
    const std::string backslash =
        R"({"high_level_description":"C:\\u00e9 \u0041","compositional_deconstruction":)"
        R"({"background":"b","elements":[]}})";
    EXPECT_TRUE(verifyCaption(backslash).empty()) << describe(verifyCaption(backslash));
}

TEST(CaptionVerifier, GarbageNeverCrashes) {
    std::mt19937 random(1234);
    const std::string valid = kValidPhoto;
    for (int round = 0; round < 2000; ++round) {
        std::string text = valid;
        const int edits = 1 + static_cast<int>(random() % 8);
        for (int e = 0; e < edits; ++e) {
            const size_t at = random() % text.size();
            switch (random() % 3) {
                case 0:
                    text[at] = static_cast<char>(random() % 256);
                    break;
                case 1:
                    text.erase(at, 1 + random() % 10);
                    break;
                default:
                    text.insert(at, 1, "{}[]\",:\\u"[random() % 10]);
                    break;
            }
            if (text.empty()) text = "{";
        }
        EXPECT_NO_THROW(verifyCaption(text));
    }
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    EXPECT_EQ(verifyCaption(deep).at(0).code, WarningCode::NotAnObject);
}

TEST(CaptionVerifier, CodeNamesAreStable) {
    EXPECT_STREQ(codeName(WarningCode::KeyOrder), "key_order");
    EXPECT_STREQ(codeName(WarningCode::AsciiEscapes), "ascii_escapes");
    EXPECT_STREQ(codeName(WarningCode::InvalidJson), "invalid_json");
}

}  // namespace
}  // namespace i4::caption
