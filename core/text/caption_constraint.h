#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/text/causal_lm.h"
#include "core/text/tokenizer.h"

namespace i4::text {

// Note [Caption grammar]
// The magic prompt's output follows this grammar byte by byte, so whatever the model prefers,
// the text is a caption that parses and passes caption::verifyCaption (docs/caption-schema.md):
//   {"high_level_description":S,"style_description":{"aesthetics":S,"lighting":S,
//    ( "photo":S,"medium":"photograph" | "medium":S,"art_style":S ) [,"color_palette":[C,...]]},
//    "compositional_deconstruction":{"background":S,"elements":[E,...]}}
//   E = {"type":"obj","bbox":B,"desc":S[,"color_palette":[C,...]]}
//     | {"type":"text","bbox":B,"text":S,"desc":S[,"color_palette":[C,...]]}
// in the compact canonical form (no whitespace between tokens, keys in the trained order). S is
// a non-empty JSON string of well-formed UTF-8 (literal, no \u escapes; other escapes allowed)
// with a length cap; C is "#RRGGBB" in uppercase hex, at most 16 in the style palette and 5 per
// element; B is [y_min,x_min,y_max,x_max], integers without leading zeros, 0 <= min < max <=
// 1000; at most kMaxElements elements.
// Termination: remaining() is the length of one shortest way to finish from here, and each of
// its bytes lowers it by one, so a constraint that only admits tokens after which
// remaining() + 1 (the stop token) fits the token budget always finishes in time: every byte
// is a token of a byte-level BPE.
class CaptionGrammar {
public:
    static constexpr int kMaxElements = 32;

    // Feeds one byte; false (and no change) when the text would stop being a prefix of a caption.
    bool feed(unsigned char c);
    // Feeds a whole string; false when some byte is refused (the state is then unspecified).
    bool feed(const std::string& bytes);
    // The text is a complete caption.
    bool done() const { return m_mode == Mode::Done; }
    // Bytes of a shortest completion (0 when done).
    int remaining() const;

private:
    enum class Mode : uint8_t { Literal, String, Choice, Number, Hex, Done };
    // Where the grammar goes next: literal texts, strings, choices between alternatives.
    // A string step is followed by its After step, a literal that starts with the closing quote.
    enum class Step : uint8_t {
        HighLevel, AfterHighLevel, Aesthetics, AfterAesthetics, Lighting, AfterLighting,
        StyleKind, Photo, AfterPhoto, Medium, AfterMedium, ArtStyle, AfterArtStyle, StylePalette,
        AfterStyle, Background, AfterBackground, ElementsFirst, ElementType, Bbox, AfterBbox,
        Text, AfterText, Desc, AfterDesc, ElementPalette, PaletteFirst, Colour, PaletteNext,
        ElementNext, Done
    };

    void enter(Step step);
    void literal(const char* text, Step next);
    void string(int maxBytes, Step next);
    bool feedString(unsigned char c);
    bool feedChoice(unsigned char c);
    bool feedNumber(unsigned char c);
    // Bytes of a shortest completion from entering `step` (the grammar's fixed parts; numbers
    // not yet begun counted at their longest, 4 digits).
    int restFrom(Step step) const;
    int numberLow() const;
    int numberHigh() const;
    // Digits still needed to make the current number valid (0 when it can end here).
    int digitsNeeded() const;

    Mode m_mode = Mode::Literal;
    Step m_step = Step::HighLevel;  // Choice: which choice; Literal/String: what follows
    const char* m_literal = "{\"high_level_description\":\"";
    uint16_t m_literalPos = 0;
    // String state.
    uint16_t m_stringBytes = 0;
    uint16_t m_stringMax = 0;
    uint8_t m_utf8Left = 0;           // continuation bytes still owed
    uint8_t m_utf8Low = 0x80, m_utf8High = 0xBF;  // range of the next continuation byte
    bool m_escape = false;
    // Containers.
    uint8_t m_elements = 0;
    uint8_t m_palette = 0;
    bool m_stylePalette = false;
    bool m_textElement = false;
    // bbox: index of the number being written, the finished values, the digits so far.
    uint8_t m_bboxIndex = 0;
    int16_t m_bbox[4] = {0, 0, 0, 0};
    int16_t m_number = 0;
    uint8_t m_digits = 0;
    uint8_t m_hex = 0;
};

// A TokenConstraint that keeps the generated text inside CaptionGrammar and allows the stop
// token only once the caption is complete. Token bytes come from the tokenizer; added tokens
// (other than the stop token) and ids the tokenizer lacks are never allowed.
class CaptionConstraint : public TokenConstraint {
public:
    // `vocabSize`: the model's (may exceed the tokenizer's); `stopId`: <|im_end|>.
    CaptionConstraint(const Tokenizer& tokenizer, int64_t vocabSize, int64_t stopId);
    // The same with a table from tokenBytes (build it once per model: 150k decodes).
    CaptionConstraint(std::shared_ptr<const std::vector<std::string>> bytes, int64_t stopId);
    // Each id's bytes; empty for added tokens, gaps and ids past the tokenizer.
    static std::shared_ptr<const std::vector<std::string>> tokenBytes(const Tokenizer& tokenizer,
                                                                      int64_t vocabSize);

    bool allows(int64_t id, int64_t tokensLeft) const override;
    void accept(int64_t id) override;
    // The tokens whose first byte the grammar takes now (and the stop token once done).
    bool candidates(std::vector<int64_t>& ids) const override;

    const CaptionGrammar& grammar() const { return m_grammar; }
    // The bytes the shortest caption needs: a budget below this plus one cannot finish.
    static int minimumTokens();

private:
    std::shared_ptr<const std::vector<std::string>> m_bytes;  // per id; empty: never allowed
    std::vector<std::vector<int64_t>> m_byFirstByte;  // [256] ids by their first byte
    int64_t m_stopId;
    CaptionGrammar m_grammar;
};

}  // namespace i4::text
