#include "ui/caption/caption.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/caption/caption_format.h"

namespace i4::ui {

namespace {

// ordered_json keeps insertion order, which is how the trained key order is produced.
using Json = nlohmann::ordered_json;

std::string utf8(const QString& s) { return s.toStdString(); }

QString qstr(const Json& j) {
    return j.is_string() ? QString::fromStdString(j.get<std::string>()) : QString();
}

Json paletteJson(const QStringList& palette) {
    Json out = Json::array();
    for (const QString& c : palette) out.push_back(utf8(c));
    return out;
}

QStringList readPalette(const Json& j, const QString& path, int limit, QStringList* warnings) {
    QStringList out;
    if (!j.is_array()) return out;
    for (const Json& c : j) {
        const QString color = normalizeHexColor(qstr(c));
        if (color.isEmpty()) {
            if (warnings) {
                *warnings << QCoreApplication::translate("i4::ui::Caption",
                                                         "%1: \"%2\" is not a #RRGGBB colour")
                                 .arg(path, qstr(c));
            }
            continue;
        }
        if (out.size() == limit) {
            if (warnings) {
                *warnings << QCoreApplication::translate("i4::ui::Caption",
                                                         "%1: more than %2 colours")
                                 .arg(path)
                                 .arg(limit);
            }
            break;
        }
        out << color;
    }
    return out;
}

void warnUnknownKeys(const Json& object, std::initializer_list<const char*> known,
                     const QString& path, QStringList* warnings) {
    if (!warnings) return;
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool isKnown = false;
        for (const char* key : known) isKnown = isKnown || it.key() == key;
        if (!isKnown) {
            *warnings << QCoreApplication::translate("i4::ui::Caption",
                                                     "%1: unknown key \"%2\" dropped")
                             .arg(path, QString::fromStdString(it.key()));
        }
    }
}

std::optional<BBox> readBBox(const Json& j) {
    if (!j.is_array() || j.size() != 4) return std::nullopt;
    BBox box;
    for (size_t i = 0; i < 4; ++i) {
        if (!j[i].is_number()) return std::nullopt;
        box.v[i] = std::clamp(int(std::lround(j[i].get<double>())), 0, 1000);
    }
    return box;
}

bool looksLikeCaption(const Json& j) {
    return j.is_object() &&
           (j.contains("compositional_deconstruction") || j.contains("high_level_description") ||
            j.contains("style_description"));
}

}  // namespace

bool BBox::isValid() const {
    for (int value : v) {
        if (value < 0 || value > 1000) return false;
    }
    return yMin() < yMax() && xMin() < xMax();
}

bool CaptionElement::operator==(const CaptionElement& o) const {
    return kind == o.kind && bbox == o.bbox && text == o.text && desc == o.desc &&
           palette == o.palette;
}

bool CaptionStyle::operator==(const CaptionStyle& o) const {
    return photo == o.photo && aesthetics == o.aesthetics && lighting == o.lighting &&
           photoOrArtStyle == o.photoOrArtStyle && medium == o.medium && palette == o.palette;
}

bool Caption::operator==(const Caption& o) const {
    return highLevelDescription == o.highLevelDescription && style == o.style &&
           background == o.background && elements == o.elements;
}

QString normalizeHexColor(const QString& color) {
    static const QRegularExpression pattern(QStringLiteral("^#?([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$"));
    const QRegularExpressionMatch match = pattern.match(color.trimmed());
    if (!match.hasMatch()) return {};
    QString hex = match.captured(1).toUpper();
    if (hex.size() == 3) hex = QString(hex[0]) + hex[0] + hex[1] + hex[1] + hex[2] + hex[2];
    return QLatin1Char('#') + hex;
}

QString Caption::toJson() const {
    Json root = Json::object();
    if (!highLevelDescription.isEmpty())
        root["high_level_description"] = utf8(highLevelDescription);
    if (style) {
        Json s = Json::object();
        s["aesthetics"] = utf8(style->aesthetics);
        s["lighting"] = utf8(style->lighting);
        if (style->photo) {
            s["photo"] = utf8(style->photoOrArtStyle);
            s["medium"] = utf8(style->medium);
        } else {
            s["medium"] = utf8(style->medium);
            s["art_style"] = utf8(style->photoOrArtStyle);
        }
        if (!style->palette.isEmpty()) s["color_palette"] = paletteJson(style->palette);
        root["style_description"] = s;
    }
    Json elementsJson = Json::array();
    for (const CaptionElement& e : elements) {
        Json ej = Json::object();
        ej["type"] = e.kind == CaptionElement::Kind::Text ? "text" : "obj";
        if (e.bbox) ej["bbox"] = e.bbox->v;
        if (e.kind == CaptionElement::Kind::Text) ej["text"] = utf8(e.text);
        ej["desc"] = utf8(e.desc);
        if (!e.palette.isEmpty()) ej["color_palette"] = paletteJson(e.palette);
        elementsJson.push_back(ej);
    }
    Json composition = Json::object();
    composition["background"] = utf8(background);
    composition["elements"] = elementsJson;
    root["compositional_deconstruction"] = composition;
    // The one canonical serialiser, shared with the CLI: byte-identical prompts everywhere.
    return QString::fromStdString(caption::formatCaption(root));
}

std::optional<Caption> Caption::fromJson(const QString& text, QString* error, QStringList* warnings,
                                         int* errorPosition) {
    // Parsed here for the error position; importCaption() does the tolerant reading.
    Json parsed;
    const std::string bytes = text.toStdString();
    try {
        parsed = Json::parse(bytes);
    } catch (const Json::parse_error& e) {
        // e.byte counts UTF-8 bytes up to and including the one that failed; people count
        // characters on lines.
        const size_t read = std::min(size_t(e.byte), bytes.size());
        const int position =
            std::max(0, int(QString::fromUtf8(bytes.data(), qsizetype(read)).size()) -
                            (e.byte <= bytes.size() ? 1 : 0));
        const int lineStart = int(text.lastIndexOf(QLatin1Char('\n'), position - 1)) + 1;
        const int line = int(text.left(position).count(QLatin1Char('\n'))) + 1;
        if (error) {
            *error =
                QCoreApplication::translate("i4::ui::Caption", "Invalid JSON at line %1, column %2")
                    .arg(line)
                    .arg(position - lineStart + 1);
        }
        if (errorPosition) *errorPosition = position;
        return std::nullopt;
    }
    const std::optional<Json> found = parsed.is_object() || parsed.is_string()
                                          ? caption::importCaption(text.toStdString())
                                          : std::nullopt;
    if (!found || !looksLikeCaption(*found)) {
        if (error) {
            *error = QCoreApplication::translate(
                "i4::ui::Caption", "Not a caption: no compositional_deconstruction found");
        }
        return std::nullopt;
    }
    const Json& root = *found;
    warnUnknownKeys(root,
                    {"high_level_description", "style_description", "compositional_deconstruction"},
                    QStringLiteral("$"), warnings);
    Caption caption;
    if (root.contains("high_level_description")) {
        caption.highLevelDescription = qstr(root["high_level_description"]);
    }
    if (root.contains("style_description") && root["style_description"].is_object()) {
        const Json& s = root["style_description"];
        warnUnknownKeys(s,
                        {"aesthetics", "lighting", "photo", "medium", "art_style", "color_palette"},
                        QStringLiteral("$.style_description"), warnings);
        CaptionStyle style;
        style.photo = !s.contains("art_style");
        style.aesthetics = s.contains("aesthetics") ? qstr(s["aesthetics"]) : QString();
        style.lighting = s.contains("lighting") ? qstr(s["lighting"]) : QString();
        style.medium = s.contains("medium") ? qstr(s["medium"]) : QString();
        const char* kindKey = style.photo ? "photo" : "art_style";
        style.photoOrArtStyle = s.contains(kindKey) ? qstr(s[kindKey]) : QString();
        if (s.contains("color_palette")) {
            style.palette =
                readPalette(s["color_palette"], QStringLiteral("$.style_description.color_palette"),
                            kMaxGlobalColors, warnings);
        }
        caption.style = style;
    }
    if (root.contains("compositional_deconstruction") &&
        root["compositional_deconstruction"].is_object()) {
        const Json& c = root["compositional_deconstruction"];
        warnUnknownKeys(c, {"background", "elements"},
                        QStringLiteral("$.compositional_deconstruction"), warnings);
        if (c.contains("background")) caption.background = qstr(c["background"]);
        const Json elements = c.contains("elements") ? c["elements"] : Json::array();
        for (size_t i = 0; elements.is_array() && i < elements.size(); ++i) {
            const Json& ej = elements[i];
            if (!ej.is_object()) continue;
            const QString path =
                QStringLiteral("$.compositional_deconstruction.elements[%1]").arg(i);
            warnUnknownKeys(ej, {"type", "bbox", "text", "desc", "color_palette"}, path, warnings);
            CaptionElement element;
            const bool isText = (ej.contains("type") && qstr(ej["type"]) == "text") ||
                                (!ej.contains("type") && ej.contains("text"));
            element.kind = isText ? CaptionElement::Kind::Text : CaptionElement::Kind::Object;
            if (ej.contains("bbox")) element.bbox = readBBox(ej["bbox"]);
            if (isText && ej.contains("text")) element.text = qstr(ej["text"]);
            if (ej.contains("desc")) element.desc = qstr(ej["desc"]);
            if (ej.contains("color_palette")) {
                element.palette = readPalette(ej["color_palette"], path + ".color_palette",
                                              kMaxElementColors, warnings);
            }
            caption.elements.push_back(element);
        }
    }
    return caption;
}

QString prettyJson(const QString& text) {
    const std::string in = text.toStdString();
    if (!Json::accept(in)) return text;
    // Whitespace outside strings goes; the layout is then rebuilt around the brackets.
    std::string compact;
    bool inString = false;
    for (size_t i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (inString) {
            compact += c;
            if (c == '\\' && i + 1 < in.size()) {
                compact += in[++i];
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
            compact += c;
        } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
            compact += c;
        }
    }
    // The closing bracket of each opening one, to see whether a container fits on a line.
    std::vector<size_t> closing(compact.size(), 0);
    std::vector<size_t> open;
    inString = false;
    for (size_t i = 0; i < compact.size(); ++i) {
        const char c = compact[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            open.push_back(i);
        } else if (c == '}' || c == ']') {
            closing[open.back()] = i;
            open.pop_back();
        }
    }
    constexpr size_t kInlineWidth = 60;
    std::string out;
    int depth = 0;
    auto newline = [&out, &depth] { out += '\n' + std::string(size_t(depth) * 2, ' '); };
    for (size_t i = 0; i < compact.size(); ++i) {
        const char c = compact[i];
        if (c == '"') {
            const size_t start = i;
            for (++i; i < compact.size() && compact[i] != '"'; ++i) {
                if (compact[i] == '\\') ++i;
            }
            out.append(compact, start, i - start + 1);
        } else if (c == '{' || c == '[') {
            const size_t end = closing[i];
            const std::string inner = compact.substr(i + 1, end - i - 1);
            if (inner.empty() || (c == '[' && inner.find_first_of("{[:") == std::string::npos &&
                                  inner.size() <= kInlineWidth)) {
                // Short arrays of plain values stay on one line, ", " between items.
                out += c;
                bool quoted = false;
                for (size_t k = 0; k < inner.size(); ++k) {
                    out += inner[k];
                    if (quoted && inner[k] == '\\' && k + 1 < inner.size()) {
                        out += inner[++k];
                    } else if (inner[k] == '"') {
                        quoted = !quoted;
                    } else if (!quoted && inner[k] == ',') {
                        out += ' ';
                    }
                }
                out += compact[end];
                i = end;
            } else {
                out += c;
                ++depth;
                newline();
            }
        } else if (c == '}' || c == ']') {
            --depth;
            newline();
            out += c;
        } else if (c == ',') {
            out += c;
            newline();
        } else if (c == ':') {
            out += ": ";
        } else {
            out += c;
        }
    }
    return QString::fromStdString(out);
}

}  // namespace i4::ui
