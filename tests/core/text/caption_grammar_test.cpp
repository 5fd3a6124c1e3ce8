// CaptionGrammar on its own (Note [Caption grammar]): known captions pass, near misses are
// refused at the first wrong byte, and random walks through the grammar under a byte budget
// always end in a caption that the verifier accepts.

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "core/caption/caption_verifier.h"
#include "core/text/caption_constraint.h"

namespace i4::text {
namespace {

const std::string kArt =
    R"({"high_level_description":"Flat shapes on a white background.","style_description":{"aesthetics":"flat, simple","lighting":"even","medium":"digital illustration","art_style":"flat shapes"},"compositional_deconstruction":{"background":"plain white","elements":[{"type":"obj","bbox":[125,250,500,625],"desc":"a red circle"}]}})";
const std::string kPhoto =
    R"({"high_level_description":"Zwei Katzen auf einem Dach – Nacht 🐈","style_description":{"aesthetics":"moody","lighting":"neon \"glow\"\n","photo":"35mm","medium":"photograph","color_palette":["#F5C542","#87CEEB"]},"compositional_deconstruction":{"background":"a roof","elements":[{"type":"text","bbox":[0,0,1,1000],"text":"Café 24h","desc":"sign","color_palette":[]},{"type":"obj","bbox":[999,998,1000,999],"desc":"cat","color_palette":["#000000","#FFFFFF","#123ABC","#0A0B0C","#DDDDDD"]}]}})";

bool accepts(const std::string& text) {
    CaptionGrammar g;
    return g.feed(text) && g.done();
}

// The byte at which `text` is first refused, or -1.
int refusedAt(const std::string& text) {
    CaptionGrammar g;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!g.feed(static_cast<unsigned char>(text[i]))) return int(i);
    }
    return -1;
}

TEST(CaptionGrammar, AcceptsCanonicalCaptions) {
    EXPECT_TRUE(accepts(kArt));
    EXPECT_TRUE(accepts(kPhoto));
    EXPECT_TRUE(caption::verifyCaption(kPhoto).empty());
    EXPECT_TRUE(accepts(
        R"({"high_level_description":"x","style_description":{"aesthetics":"x","lighting":"x","medium":"x","art_style":"x"},"compositional_deconstruction":{"background":"x","elements":[]}})"));
}

TEST(CaptionGrammar, RefusesNearMissesAtTheWrongByte) {
    const auto at = [](const std::string& from, const std::string& to) {
        std::string text = kArt;
        const std::size_t pos = text.find(from);
        text.replace(pos, from.size(), to);
        return std::make_pair(refusedAt(text), int(pos));
    };
    // Whitespace between tokens, an empty string, a lowercase colour, a bbox out of order or out
    // of range, a leading zero, an unknown element type, \u escapes, a raw control character.
    for (const auto& [from, to, offset] : std::vector<std::tuple<std::string, std::string, int>>{
             {"\"style_description\":{", "\"style_description\": {", 20},
             {"plain white", "", 0},
             {"[125,250,500,625]", "[125,250,100,625]", 12},  // "100" could still grow to 1000
             {"[125,250,500,625]", "[125,250,120,625]", 11},
             {"[125,250,500,625]", "[125,250,500,1001]", 16},
             {"[125,250,500,625]", "[1000,250,1001,625]", 4},
             {"[125,250,500,625]", "[0125,250,500,625]", 2},
             {"\"type\":\"obj\"", "\"type\":\"shape\"", 8},
             {"a red circle", "a red \\u00e9 circle", 7},
             {"a red circle", "a red\x01 circle", 5},
         }) {
        const auto [refused, pos] = at(from, to);
        EXPECT_EQ(refused, pos + offset) << to;
    }
    EXPECT_NE(refusedAt(R"({"high_level_description":"x","style_description":{"aesthetics":"x","lighting":"x","photo":"x","medium":"film")"), -1);
    EXPECT_EQ(refusedAt(std::string("{\"high_level_description\":\"\xC3\x28")), 28);  // bad UTF-8
    EXPECT_EQ(refusedAt(std::string("{\"high_level_description\":\"\xED\xA0\x80")), 28);  // surrogate
    const std::string lower =
        R"({"high_level_description":"x","style_description":{"aesthetics":"x","lighting":"x","medium":"x","art_style":"x","color_palette":["#abcdef"]})";
    EXPECT_EQ(refusedAt(lower), int(lower.find("abcdef")));
}

TEST(CaptionGrammar, PaletteAndElementLimits) {
    std::string palette = R"({"high_level_description":"x","style_description":{"aesthetics":"x","lighting":"x","medium":"x","art_style":"x","color_palette":[)";
    for (int i = 0; i < 16; ++i) palette += std::string(i ? "," : "") + "\"#00000" + char('0' + i % 10) + "\"";
    CaptionGrammar g;
    ASSERT_TRUE(g.feed(palette));
    EXPECT_FALSE(CaptionGrammar(g).feed(','));  // a 17th colour
    EXPECT_TRUE(g.feed("]}"));
}

// Random walks: at each byte pick uniformly among the bytes the grammar takes and that leave a
// completion within the budget; every walk must finish within the budget and verify.
TEST(CaptionGrammar, RandomWalksUnderABudgetAlwaysVerify) {
    const int minimum = CaptionGrammar().remaining();
    EXPECT_GT(minimum, 100);
    for (uint64_t seed = 0; seed < 300; ++seed) {
        std::mt19937_64 rng(seed);
        const int budget = minimum + int(rng() % 600);
        CaptionGrammar g;
        std::string text;
        for (int left = budget; !g.done(); --left) {
            ASSERT_GT(left, 0) << text;
            ASSERT_LE(g.remaining(), left) << text;
            std::vector<unsigned char> options;
            for (int c = 0; c < 256; ++c) {
                CaptionGrammar next = g;
                if (next.feed(static_cast<unsigned char>(c)) && next.remaining() <= left - 1) {
                    options.push_back(static_cast<unsigned char>(c));
                }
            }
            ASSERT_FALSE(options.empty()) << text;
            // Favour closing bytes half of the time, so walks also reach lists and palettes.
            unsigned char c = options[rng() % options.size()];
            if (rng() % 2) {
                for (unsigned char o : options) {
                    if (o == '"' || o == ',' || o == ']' || o == '#') c = o;
                }
            }
            ASSERT_TRUE(g.feed(c));
            text += char(c);
        }
        EXPECT_LE(int(text.size()), budget);
        const auto warnings = caption::verifyCaption(text);
        for (const auto& w : warnings) ADD_FAILURE() << text << "\n" << w.jsonPath << ": " << w.message;
    }
}

}  // namespace
}  // namespace i4::text
