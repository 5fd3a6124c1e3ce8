#include "core/text/caption_constraint.h"

#include <algorithm>
#include <cstring>

#include "core/errors.h"

namespace i4::text {

namespace {

// Byte caps per string (Note [Caption grammar]): long enough for a rich caption, short enough
// that a model stuck in one string moves on.
constexpr int kLongString = 600;    // high_level_description
constexpr int kMediumString = 300;  // background, element desc
constexpr int kShortString = 200;   // style fields, element text

// Bytes of a bbox not yet begun, counted as Mode::Number counts them: "0", "0", two numbers of
// at most 4 digits (their lower bounds not known yet), three commas and ']'.
constexpr int kFreshBbox = 1 + 1 + 4 + 4 + 3 + 1;

int decimalDigits(int value) {
    int digits = 1;
    for (; value >= 10; value /= 10) ++digits;
    return digits;
}

int pow10(int m) {
    int p = 1;
    for (int i = 0; i < m; ++i) p *= 10;
    return p;
}

// Can the digits `prefix` (digitCount of them, no leading zero) grow into a number in [low, high]
// of at most 4 digits?
bool reachable(int prefix, int digitCount, int low, int high) {
    for (int m = 0; digitCount + m <= 4; ++m) {
        const int first = prefix * pow10(m);
        const int last = first + pow10(m) - 1;
        if (first <= high && last >= low) return true;
        if (prefix == 0) break;  // "0" takes no more digits
    }
    return false;
}

int lit(const char* text) { return static_cast<int>(std::strlen(text)); }

}  // namespace

void CaptionGrammar::literal(const char* text, Step next) {
    m_mode = Mode::Literal;
    m_literal = text;
    m_literalPos = 0;
    m_step = next;
}

void CaptionGrammar::string(int maxBytes, Step next) {
    m_mode = Mode::String;
    m_stringBytes = 0;
    m_stringMax = static_cast<uint16_t>(maxBytes);
    m_utf8Left = 0;
    m_escape = false;
    m_step = next;
}

void CaptionGrammar::enter(Step step) {
    switch (step) {
        case Step::HighLevel:
            return string(kLongString, Step::AfterHighLevel);
        case Step::AfterHighLevel:
            return literal("\",\"style_description\":{\"aesthetics\":\"", Step::Aesthetics);
        case Step::Aesthetics:
            return string(kShortString, Step::AfterAesthetics);
        case Step::AfterAesthetics:
            return literal("\",\"lighting\":\"", Step::Lighting);
        case Step::Lighting:
            return string(kShortString, Step::AfterLighting);
        case Step::AfterLighting:
            return literal("\",\"", Step::StyleKind);
        case Step::Photo:
            return string(kShortString, Step::AfterPhoto);
        case Step::AfterPhoto:
            return literal("\",\"medium\":\"photograph\"", Step::StylePalette);
        case Step::Medium:
            return string(kShortString, Step::AfterMedium);
        case Step::AfterMedium:
            return literal("\",\"art_style\":\"", Step::ArtStyle);
        case Step::ArtStyle:
            return string(kShortString, Step::AfterArtStyle);
        case Step::AfterArtStyle:
            return literal("\"", Step::StylePalette);
        case Step::AfterStyle:
            return literal(",\"compositional_deconstruction\":{\"background\":\"", Step::Background);
        case Step::Background:
            return string(kMediumString, Step::AfterBackground);
        case Step::AfterBackground:
            return literal("\",\"elements\":[", Step::ElementsFirst);
        case Step::Bbox:
            m_mode = Mode::Number;
            m_step = Step::Bbox;
            m_bboxIndex = 0;
            m_number = 0;
            m_digits = 0;
            return;
        case Step::AfterBbox:
            return m_textElement ? literal(",\"text\":\"", Step::Text)
                                 : literal(",\"desc\":\"", Step::Desc);
        case Step::Text:
            return string(kShortString, Step::AfterText);
        case Step::AfterText:
            return literal("\",\"desc\":\"", Step::Desc);
        case Step::Desc:
            return string(kMediumString, Step::AfterDesc);
        case Step::AfterDesc:
            return literal("\"", Step::ElementPalette);
        case Step::Colour:
            m_mode = Mode::Hex;
            m_step = Step::Colour;
            m_hex = 0;
            return;
        case Step::Done:
            m_mode = Mode::Done;
            m_step = Step::Done;
            return;
        case Step::StyleKind:
        case Step::StylePalette:
        case Step::ElementsFirst:
        case Step::ElementType:
        case Step::ElementPalette:
        case Step::PaletteFirst:
        case Step::PaletteNext:
        case Step::ElementNext:
            m_mode = Mode::Choice;
            m_step = step;
            return;
    }
}

bool CaptionGrammar::feed(const std::string& bytes) {
    for (const char c : bytes) {
        if (!feed(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

bool CaptionGrammar::feed(unsigned char c) {
    switch (m_mode) {
        case Mode::Literal:
            if (c != static_cast<unsigned char>(m_literal[m_literalPos])) return false;
            if (m_literal[++m_literalPos] == '\0') enter(m_step);
            return true;
        case Mode::String:
            return feedString(c);
        case Mode::Choice:
            return feedChoice(c);
        case Mode::Number:
            return feedNumber(c);
        case Mode::Hex:
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) return false;
            if (++m_hex == 6) {
                ++m_palette;
                literal("\"", Step::PaletteNext);
            }
            return true;
        case Mode::Done:
            return false;
    }
    return false;
}

bool CaptionGrammar::feedString(unsigned char c) {
    if (m_escape) {
        // No \u: the verifier wants literal UTF-8 (and \u could spell a lone surrogate).
        if (c == '\0' || !std::strchr("\"\\/bfnrt", c)) return false;
        m_escape = false;
        ++m_stringBytes;
        return true;
    }
    if (m_utf8Left > 0) {
        if (c < m_utf8Low || c > m_utf8High) return false;
        --m_utf8Left;
        m_utf8Low = 0x80;
        m_utf8High = 0xBF;
        ++m_stringBytes;
        return true;
    }
    if (c == '"') {
        // The literal after every string starts with its closing quote.
        if (m_stringBytes == 0) return false;
        enter(m_step);
        return feed(c);
    }
    if (c == '\\') {
        if (m_stringBytes + 2 > m_stringMax) return false;
        m_escape = true;
        ++m_stringBytes;
        return true;
    }
    if (c < 0x20) return false;  // control characters must be escaped in JSON
    if (c < 0x80) {
        if (m_stringBytes + 1 > m_stringMax) return false;
        ++m_stringBytes;
        return true;
    }
    // A UTF-8 lead byte: how many continuation bytes follow and the range of the first one
    // (Unicode table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF).
    uint8_t need = 0;
    uint8_t low = 0x80, high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
    } else if (c == 0xE0) {
        need = 2;
        low = 0xA0;
    } else if (c == 0xED) {
        need = 2;
        high = 0x9F;
    } else if (c >= 0xE1 && c <= 0xEF) {
        need = 2;
    } else if (c == 0xF0) {
        need = 3;
        low = 0x90;
    } else if (c >= 0xF1 && c <= 0xF3) {
        need = 3;
    } else if (c == 0xF4) {
        need = 3;
        high = 0x8F;
    } else {
        return false;
    }
    if (m_stringBytes + 1 + need > m_stringMax) return false;
    m_utf8Left = need;
    m_utf8Low = low;
    m_utf8High = high;
    ++m_stringBytes;
    return true;
}

bool CaptionGrammar::feedChoice(unsigned char c) {
    switch (m_step) {
        case Step::StyleKind:
            if (c == 'p') {
                literal("hoto\":\"", Step::Photo);
                return true;
            }
            if (c == 'm') {
                literal("edium\":\"", Step::Medium);
                return true;
            }
            return false;
        case Step::StylePalette:
        case Step::ElementPalette:
            if (c == ',') {
                m_stylePalette = m_step == Step::StylePalette;
                m_palette = 0;
                literal("\"color_palette\":[", Step::PaletteFirst);
                return true;
            }
            if (c == '}') {
                enter(m_step == Step::StylePalette ? Step::AfterStyle : Step::ElementNext);
                return true;
            }
            return false;
        case Step::PaletteFirst:
        case Step::PaletteNext: {
            const int maximum = m_stylePalette ? 16 : 5;
            if (c == ']') {
                literal("}", m_stylePalette ? Step::AfterStyle : Step::ElementNext);
                return true;
            }
            if (m_step == Step::PaletteFirst && c == '"') {
                literal("#", Step::Colour);
                return true;
            }
            if (m_step == Step::PaletteNext && c == ',' && m_palette < maximum) {
                literal("\"#", Step::Colour);
                return true;
            }
            return false;
        }
        case Step::ElementsFirst:
        case Step::ElementNext: {
            const bool first = m_step == Step::ElementsFirst;
            if (c == (first ? '{' : ',') && m_elements < kMaxElements) {
                ++m_elements;
                literal(first ? "\"type\":\"" : "{\"type\":\"", Step::ElementType);
                return true;
            }
            if (c == ']') {
                literal("}}", Step::Done);
                return true;
            }
            return false;
        }
        case Step::ElementType:
            if (c == 'o') {
                m_textElement = false;
                literal("bj\",\"bbox\":[", Step::Bbox);
                return true;
            }
            if (c == 't') {
                m_textElement = true;
                literal("ext\",\"bbox\":[", Step::Bbox);
                return true;
            }
            return false;
        default:
            return false;
    }
}

int CaptionGrammar::numberLow() const {
    return m_bboxIndex < 2 ? 0 : m_bbox[m_bboxIndex - 2] + 1;
}

int CaptionGrammar::numberHigh() const {
    // A minimum of 1000 would leave no room for its maximum.
    return m_bboxIndex < 2 ? 999 : 1000;
}

bool CaptionGrammar::feedNumber(unsigned char c) {
    const int low = numberLow();
    const int high = numberHigh();
    if (c >= '0' && c <= '9') {
        const int d = c - '0';
        if (m_digits > 0 && m_number == 0) return false;  // no leading zeros
        const int value = m_number * 10 + d;
        if (m_digits + 1 > 4 || !reachable(value, m_digits + 1, low, high)) return false;
        m_number = static_cast<int16_t>(value);
        ++m_digits;
        return true;
    }
    const bool complete = m_digits > 0 && m_number >= low && m_number <= high;
    if (!complete) return false;
    if (c == ',' && m_bboxIndex < 3) {
        m_bbox[m_bboxIndex++] = m_number;
        m_number = 0;
        m_digits = 0;
        return true;
    }
    if (c == ']' && m_bboxIndex == 3) {
        m_bbox[3] = m_number;
        enter(Step::AfterBbox);
        return true;
    }
    return false;
}

int CaptionGrammar::digitsNeeded() const {
    const int low = numberLow();
    const int high = numberHigh();
    if (m_digits == 0) return decimalDigits(low);
    if (m_number >= low && m_number <= high) return 0;
    for (int m = 1; m_digits + m <= 4; ++m) {
        const int first = m_number * pow10(m);
        if (first <= high && first + pow10(m) - 1 >= low) return m;
    }
    return 4;  // not reached: a prefix is only accepted when it can be completed
}

int CaptionGrammar::restFrom(Step step) const {
    switch (step) {
        // A string step: one byte at least; its After literal starts with the closing quote.
        case Step::HighLevel:
            return 1 + restFrom(Step::AfterHighLevel);
        case Step::AfterHighLevel:
            return lit("\",\"style_description\":{\"aesthetics\":\"") + restFrom(Step::Aesthetics);
        case Step::Aesthetics:
            return 1 + restFrom(Step::AfterAesthetics);
        case Step::AfterAesthetics:
            return lit("\",\"lighting\":\"") + restFrom(Step::Lighting);
        case Step::Lighting:
            return 1 + restFrom(Step::AfterLighting);
        case Step::AfterLighting:
            return lit("\",\"") + restFrom(Step::StyleKind);
        case Step::StyleKind:
            return std::min(lit("photo\":\"") + restFrom(Step::Photo),
                            lit("medium\":\"") + restFrom(Step::Medium));
        case Step::Photo:
            return 1 + restFrom(Step::AfterPhoto);
        case Step::AfterPhoto:
            return lit("\",\"medium\":\"photograph\"") + restFrom(Step::StylePalette);
        case Step::Medium:
            return 1 + restFrom(Step::AfterMedium);
        case Step::AfterMedium:
            return lit("\",\"art_style\":\"") + restFrom(Step::ArtStyle);
        case Step::ArtStyle:
            return 1 + restFrom(Step::AfterArtStyle);
        case Step::AfterArtStyle:
            return lit("\"") + restFrom(Step::StylePalette);
        case Step::StylePalette:
            return 1 + restFrom(Step::AfterStyle);  // '}'
        case Step::AfterStyle:
            return lit(",\"compositional_deconstruction\":{\"background\":\"") +
                   restFrom(Step::Background);
        case Step::Background:
            return 1 + restFrom(Step::AfterBackground);
        case Step::AfterBackground:
            return lit("\",\"elements\":[") + restFrom(Step::ElementsFirst);
        case Step::ElementsFirst:
        case Step::ElementNext:
            return 3;  // "]}}"
        case Step::ElementType:
            // "obj" is the shorter: o bj","bbox":[ <bbox> ,"desc":" x " ...
            return 1 + lit("bj\",\"bbox\":[") + kFreshBbox + lit(",\"desc\":\"") +
                   restFrom(Step::Desc);
        case Step::Bbox:
            return kFreshBbox + restFrom(Step::AfterBbox);
        case Step::AfterBbox:
            return m_textElement ? lit(",\"text\":\"") + restFrom(Step::Text)
                                 : lit(",\"desc\":\"") + restFrom(Step::Desc);
        case Step::Text:
            return 1 + restFrom(Step::AfterText);
        case Step::AfterText:
            return lit("\",\"desc\":\"") + restFrom(Step::Desc);
        case Step::Desc:
            return 1 + restFrom(Step::AfterDesc);
        case Step::AfterDesc:
            return lit("\"") + restFrom(Step::ElementPalette);
        case Step::ElementPalette:
            return 1 + restFrom(Step::ElementNext);  // '}'
        case Step::PaletteFirst:
        case Step::PaletteNext:
            return 2 + restFrom(m_stylePalette ? Step::AfterStyle : Step::ElementNext);  // "]}"
        case Step::Colour:
            return 6 + 1 + restFrom(Step::PaletteNext);  // hex digits, closing quote
        case Step::Done:
            return 0;
    }
    return 0;
}

int CaptionGrammar::remaining() const {
    switch (m_mode) {
        case Mode::Literal:
            return lit(m_literal + m_literalPos) + restFrom(m_step);
        case Mode::String:
            // The closing quote starts m_step's literal.
            return (m_escape ? 1 : m_utf8Left) + (m_stringBytes == 0 ? 1 : 0) + restFrom(m_step);
        case Mode::Choice:
            return restFrom(m_step);
        case Mode::Number: {
            int rest = digitsNeeded();
            for (int j = m_bboxIndex + 1; j < 4; ++j) {
                if (j < 2) {
                    rest += 1;
                } else if (j - 2 < m_bboxIndex) {
                    rest += decimalDigits(m_bbox[j - 2] + 1);
                } else {
                    rest += 4;
                }
            }
            return rest + (3 - m_bboxIndex) + 1 + restFrom(Step::AfterBbox);
        }
        case Mode::Hex:
            return (6 - m_hex) + 1 + restFrom(Step::PaletteNext);
        case Mode::Done:
            return 0;
    }
    return 0;
}

CaptionConstraint::CaptionConstraint(const Tokenizer& tokenizer, int64_t vocabSize, int64_t stopId)
    : CaptionConstraint(tokenBytes(tokenizer, vocabSize), stopId) {}

CaptionConstraint::CaptionConstraint(std::shared_ptr<const std::vector<std::string>> bytes,
                                     int64_t stopId)
    : m_bytes(std::move(bytes)), m_stopId(stopId) {
    if (!m_bytes) throw InputError("caption constraint: no token table");
    m_byFirstByte.resize(256);
    for (std::size_t id = 0; id < m_bytes->size(); ++id) {
        const std::string& bytes = (*m_bytes)[id];
        if (!bytes.empty()) {
            m_byFirstByte[static_cast<unsigned char>(bytes[0])].push_back(int64_t(id));
        }
    }
}

bool CaptionConstraint::candidates(std::vector<int64_t>& ids) const {
    ids.clear();
    if (m_grammar.done()) {
        ids.push_back(m_stopId);
        return true;
    }
    for (int c = 0; c < 256; ++c) {
        CaptionGrammar next = m_grammar;
        if (next.feed(static_cast<unsigned char>(c))) {
            ids.insert(ids.end(), m_byFirstByte[std::size_t(c)].begin(),
                       m_byFirstByte[std::size_t(c)].end());
        }
    }
    return true;
}

std::shared_ptr<const std::vector<std::string>> CaptionConstraint::tokenBytes(
    const Tokenizer& tokenizer, int64_t vocabSize) {
    auto table = std::make_shared<std::vector<std::string>>(static_cast<std::size_t>(vocabSize));
    const int64_t known = std::min(vocabSize, tokenizer.idCount());
    for (int64_t id = 0; id < known; ++id) {
        if (tokenizer.isAddedToken(id)) continue;
        try {
            (*table)[static_cast<std::size_t>(id)] = tokenizer.decode({id});
        } catch (const InputError&) {
            // A gap in the vocabulary: never allowed.
        }
    }
    return table;
}

bool CaptionConstraint::allows(int64_t id, int64_t tokensLeft) const {
    if (id == m_stopId) return m_grammar.done();
    if (id < 0 || id >= static_cast<int64_t>(m_bytes->size())) return false;
    const std::string& bytes = (*m_bytes)[static_cast<std::size_t>(id)];
    if (bytes.empty()) return false;
    CaptionGrammar next = m_grammar;
    if (!next.feed(bytes)) return false;
    // What is left after this token, then the stop token, must fit the budget.
    return next.remaining() + 1 <= tokensLeft - 1;
}

void CaptionConstraint::accept(int64_t id) {
    if (id == m_stopId) return;
    if (id < 0 || id >= static_cast<int64_t>(m_bytes->size()) ||
        !m_grammar.feed((*m_bytes)[static_cast<std::size_t>(id)])) {
        throw InputError("caption constraint: token " + std::to_string(id) +
                         " does not continue the caption");
    }
}

int CaptionConstraint::minimumTokens() { return CaptionGrammar().remaining() + 1; }

}  // namespace i4::text
