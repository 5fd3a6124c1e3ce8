#include "core/caption/caption_verifier.h"

#include <algorithm>
#include <cctype>

#include "core/caption/caption_schema.h"

namespace i4::caption {
namespace {

using Json = nlohmann::ordered_json;

const char* typeName(const Json& value) { return value.type_name(); }

class Verifier {
public:
    std::vector<CaptionWarning> take() { return std::move(m_warnings); }

    void root(const Json& caption) {
        if (!caption.is_object()) {
            add("$", WarningCode::NotAnObject,
                std::string("the caption must be a JSON object, not ") + typeName(caption));
            return;
        }
        keys(caption, "$", schema::rootKeys());
        if (!caption.contains("high_level_description")) {
            add("$", WarningCode::MissingKey,
                "'high_level_description' is missing (optional, but strongly recommended)");
        } else {
            string(caption, "high_level_description", "$");
        }
        if (caption.contains("style_description")) style(caption.at("style_description"));
        if (!caption.contains("compositional_deconstruction")) {
            add("$", WarningCode::MissingKey, "'compositional_deconstruction' is required");
        } else {
            composition(caption.at("compositional_deconstruction"));
        }
    }

private:
    void add(std::string path, WarningCode code, std::string message) {
        m_warnings.push_back({std::move(path), code, std::move(message), 0});
    }

    // Unknown keys, and the known keys' relative order.
    void keys(const Json& object, const std::string& path, const std::vector<std::string>& order) {
        std::vector<std::string> known;
        for (const auto& item : object.items()) {
            if (std::find(order.begin(), order.end(), item.key()) == order.end()) {
                add(path + "." + item.key(), WarningCode::UnknownKey,
                    "unknown key '" + item.key() + "'");
            } else {
                known.push_back(item.key());
            }
        }
        std::vector<std::string> expected;
        for (const auto& key : order) {
            if (object.contains(key)) expected.push_back(key);
        }
        if (known != expected) {
            std::string text;
            for (const auto& key : expected) text += (text.empty() ? "" : ", ") + key;
            add(path, WarningCode::KeyOrder, "keys are out of the trained order (" + text + ")");
        }
    }

    bool string(const Json& object, const std::string& key, const std::string& path) {
        if (object.at(key).is_string()) return true;
        add(path + "." + key, WarningCode::WrongType,
            "'" + key + "' must be a string, not " + typeName(object.at(key)));
        return false;
    }

    void require(const Json& object, const std::string& key, const std::string& path,
                 const std::string& why) {
        if (!object.contains(key)) {
            add(path, WarningCode::MissingKey, "'" + key + "' is required" + why);
        } else {
            string(object, key, path);
        }
    }

    void style(const Json& style) {
        const std::string path = "$.style_description";
        if (!style.is_object()) {
            add(path, WarningCode::WrongType,
                std::string("'style_description' must be an object, not ") + typeName(style));
            return;
        }
        const bool photo = style.contains("photo");
        const bool art = style.contains("art_style");
        if (photo == art) {
            add(path, WarningCode::StyleKind,
                photo ? "use exactly one of 'photo' and 'art_style', not both"
                      : "exactly one of 'photo' (photographs) or 'art_style' is required");
        }
        keys(style, path, photo ? schema::photoStyleKeys() : schema::artStyleKeys());
        for (const char* key : {"aesthetics", "lighting", "medium"}) require(style, key, path, "");
        if (photo) string(style, "photo", path);
        if (art) string(style, "art_style", path);
        if (photo && !art && style.contains("medium") && style.at("medium").is_string() &&
            style.at("medium") != "photograph") {
            add(path + ".medium", WarningCode::PhotoMedium,
                "a photographic caption ('photo') needs \"medium\": \"photograph\"");
        }
        if (style.contains("color_palette")) {
            palette(style.at("color_palette"), path + ".color_palette", schema::kMaxStylePalette);
        }
    }

    void composition(const Json& composition) {
        const std::string path = "$.compositional_deconstruction";
        if (!composition.is_object()) {
            add(path, WarningCode::WrongType,
                std::string("'compositional_deconstruction' must be an object, not ") +
                    typeName(composition));
            return;
        }
        keys(composition, path, schema::compositionKeys());
        require(composition, "background", path, "");
        if (!composition.contains("elements")) {
            add(path, WarningCode::MissingKey, "'elements' is required (a list, may be empty)");
            return;
        }
        const Json& elements = composition.at("elements");
        if (!elements.is_array()) {
            add(path + ".elements", WarningCode::WrongType,
                std::string("'elements' must be a list, not ") + typeName(elements));
            return;
        }
        for (size_t i = 0; i < elements.size(); ++i) {
            element(elements[i], path + ".elements[" + std::to_string(i) + "]");
        }
    }

    void element(const Json& element, const std::string& path) {
        if (!element.is_object()) {
            add(path, WarningCode::WrongType,
                std::string("an element must be an object, not ") + typeName(element));
            return;
        }
        bool isText = false;
        if (!element.contains("type")) {
            add(path, WarningCode::MissingKey, "'type' (\"obj\" or \"text\") is required");
        } else if (element.at("type") == "text") {
            isText = true;
        } else if (element.at("type") != "obj") {
            add(path + ".type", WarningCode::ElementType,
                "'type' must be \"obj\" or \"text\", not " + element.at("type").dump());
        }
        if (!isText && element.contains("text")) {
            add(path + ".text", WarningCode::TextOnObject, "'text' belongs on text elements only");
        }
        const auto& order = isText ? schema::textElementKeys() : schema::objectElementKeys();
        // `text` on an obj element is reported above, not again as unknown.
        Json checked = element;
        if (!isText) checked.erase("text");
        keys(checked, path, order);
        if (isText) require(element, "text", path, " on text elements");
        require(element, "desc", path, "");
        if (element.contains("bbox")) bbox(element.at("bbox"), path + ".bbox");
        if (element.contains("color_palette")) {
            palette(element.at("color_palette"), path + ".color_palette",
                    schema::kMaxElementPalette);
        }
    }

    void bbox(const Json& box, const std::string& path) {
        if (!box.is_array() || box.size() != 4) {
            add(path, WarningCode::BboxShape,
                "'bbox' must be a list of four integers [y_min, x_min, y_max, x_max]");
            return;
        }
        double values[4];
        for (size_t i = 0; i < 4; ++i) {
            const Json& value = box[i];
            const std::string at = path + "[" + std::to_string(i) + "]";
            if (!value.is_number()) {
                add(at, WarningCode::BboxShape,
                    std::string("bbox values must be integers, not ") + typeName(value));
                return;
            }
            if (!value.is_number_integer()) {
                add(at, WarningCode::BboxNotInteger,
                    "bbox values must be integers, not " + value.dump());
            }
            values[i] = value.get<double>();
            if (values[i] < 0 || values[i] > schema::kBboxMax) {
                add(at, WarningCode::BboxRange,
                    "bbox values must lie in 0..1000, not " + value.dump());
            }
        }
        if (!(values[0] < values[2])) {
            add(path, WarningCode::BboxOrder, "y_min (bbox[0]) must be less than y_max (bbox[2])");
        }
        if (!(values[1] < values[3])) {
            add(path, WarningCode::BboxOrder, "x_min (bbox[1]) must be less than x_max (bbox[3])");
        }
    }

    void palette(const Json& colors, const std::string& path, size_t maximum) {
        if (!colors.is_array()) {
            add(path, WarningCode::WrongType,
                std::string("'color_palette' must be a list, not ") + typeName(colors));
            return;
        }
        if (colors.size() > maximum) {
            add(path, WarningCode::PaletteSize,
                std::to_string(colors.size()) + " colours; at most " + std::to_string(maximum) +
                    " are allowed here");
        }
        for (size_t i = 0; i < colors.size(); ++i) {
            if (!isColor(colors[i])) {
                add(path + "[" + std::to_string(i) + "]", WarningCode::ColorFormat,
                    "colours must be uppercase #RRGGBB, not " + colors[i].dump());
            }
        }
    }

    static bool isColor(const Json& value) {
        if (!value.is_string()) return false;
        const auto& text = value.get_ref<const std::string&>();
        if (text.size() != 7 || text[0] != '#') return false;
        return std::all_of(text.begin() + 1, text.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c)) || (c >= 'A' && c <= 'F');
        });
    }

    std::vector<CaptionWarning> m_warnings;
};

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// True when the text escapes some non-ASCII character as \uXXXX and holds no literal one.
bool onlyEscapedNonAscii(const std::string& text) {
    bool escaped = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x80) return false;
        if (text[i] != '\\' || i + 1 >= text.size()) continue;
        if (text[i + 1] == 'u' && i + 5 < text.size()) {
            int value = 0;
            for (size_t k = i + 2; k < i + 6; ++k) {
                value = value * 16 + std::max(0, hexValue(text[k]));
            }
            escaped |= value >= 0x80;
            i += 5;
        } else {
            ++i;  // `\"`, `\\`, ...: the escaped character is not the start of an escape
        }
    }
    return escaped;
}

}  // namespace

const char* codeName(WarningCode code) {
    switch (code) {
        case WarningCode::InvalidJson:
            return "invalid_json";
        case WarningCode::NotAnObject:
            return "not_an_object";
        case WarningCode::UnknownKey:
            return "unknown_key";
        case WarningCode::MissingKey:
            return "missing_key";
        case WarningCode::KeyOrder:
            return "key_order";
        case WarningCode::WrongType:
            return "wrong_type";
        case WarningCode::StyleKind:
            return "style_kind";
        case WarningCode::PhotoMedium:
            return "photo_medium";
        case WarningCode::ElementType:
            return "element_type";
        case WarningCode::TextOnObject:
            return "text_on_object";
        case WarningCode::BboxShape:
            return "bbox_shape";
        case WarningCode::BboxNotInteger:
            return "bbox_not_integer";
        case WarningCode::BboxRange:
            return "bbox_range";
        case WarningCode::BboxOrder:
            return "bbox_order";
        case WarningCode::ColorFormat:
            return "color_format";
        case WarningCode::PaletteSize:
            return "palette_size";
        case WarningCode::AsciiEscapes:
            return "ascii_escapes";
    }
    return "unknown";
}

std::vector<CaptionWarning> verifyCaptionJson(const nlohmann::ordered_json& caption) {
    Verifier verifier;
    verifier.root(caption);
    return verifier.take();
}

std::vector<CaptionWarning> verifyCaption(const std::string& text) {
    Json caption;
    try {
        caption = Json::parse(text);
    } catch (const Json::parse_error& error) {
        return {{"$", WarningCode::InvalidJson, std::string("invalid JSON: ") + error.what(),
                 error.byte > 0 ? static_cast<std::size_t>(error.byte - 1) : 0}};
    } catch (const Json::exception& error) {
        // Found by fuzz.caption: a number too large for a double ("4E444") is an out_of_range,
        // not a parse_error, and escaped to the caller (a terminate in the GUI's editor).
        return {{"$", WarningCode::InvalidJson, std::string("invalid JSON: ") + error.what(), 0}};
    }
    std::vector<CaptionWarning> warnings;
    if (onlyEscapedNonAscii(text)) {
        warnings.push_back({"$", WarningCode::AsciiEscapes,
                            "non-ASCII characters are written as \\uXXXX escapes; Ideogram 4 was "
                            "trained on literal UTF-8",
                            0});
    }
    auto structural = verifyCaptionJson(caption);
    warnings.insert(warnings.end(), structural.begin(), structural.end());
    return warnings;
}

}  // namespace i4::caption
