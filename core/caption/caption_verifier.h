#pragma once

// Checks a structured Ideogram 4 caption against the rules of docs/caption-schema.md (the official
// prompting guide's schema). Torch-free: the UI's caption editor includes it.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace i4::caption {

enum class WarningCode {
    InvalidJson,     // the text does not parse (position in `offset`)
    NotAnObject,     // the root is not a JSON object
    UnknownKey,      // a key the schema does not know at this place
    MissingKey,      // a required (or, for high_level_description, recommended) key
    KeyOrder,        // known keys out of the trained order
    WrongType,       // a value of the wrong JSON type
    StyleKind,       // style_description needs exactly one of `photo` / `art_style`
    PhotoMedium,     // a photo caption whose medium is not "photograph"
    ElementType,     // element `type` is neither "obj" nor "text"
    TextOnObject,    // `text` on an "obj" element
    BboxShape,       // bbox is not a list of four values
    BboxNotInteger,  // bbox values must be integers
    BboxRange,       // bbox values must lie in 0..1000
    BboxOrder,       // y_min < y_max and x_min < x_max
    ColorFormat,     // colours must be uppercase #RRGGBB
    PaletteSize,     // more than 16 (style) or 5 (element) colours
    AsciiEscapes,    // non-ASCII written only as \uXXXX escapes (an ASCII-only serialiser)
};

// A stable identifier for logs, tests and translation tables ("key_order", ...).
const char* codeName(WarningCode code);

struct CaptionWarning {
    std::string jsonPath;  // "$", "$.style_description.color_palette[2]", ...
    WarningCode code;
    std::string message;     // English, one sentence
    std::size_t offset = 0;  // byte offset into the text (InvalidJson only)
};

// Verifies caption text: parse errors, encoding and every structural rule. Never throws for bad
// input; an empty result means the caption follows the schema.
std::vector<CaptionWarning> verifyCaption(const std::string& text);

// The structural rules only, on an already parsed caption (key order is the object's order).
std::vector<CaptionWarning> verifyCaptionJson(const nlohmann::ordered_json& caption);

}  // namespace i4::caption
