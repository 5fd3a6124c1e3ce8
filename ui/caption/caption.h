#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>
#include <array>
#include <optional>

namespace i4::ui {

// [y_min, x_min, y_max, x_max] on a 0..1000 grid, origin top-left (the trained convention).
struct BBox {
    std::array<int, 4> v{0, 0, 1000, 1000};

    int yMin() const { return v[0]; }
    int xMin() const { return v[1]; }
    int yMax() const { return v[2]; }
    int xMax() const { return v[3]; }
    bool isValid() const;
    bool operator==(const BBox& other) const { return v == other.v; }
    bool operator!=(const BBox& other) const { return v != other.v; }
};

struct CaptionElement {
    enum class Kind { Object, Text };

    Kind kind = Kind::Object;
    std::optional<BBox> bbox;
    QString text;  // text elements only
    QString desc;
    QStringList palette;  // uppercase #RRGGBB, at most kMaxElementColors

    bool operator==(const CaptionElement& other) const;
};

struct CaptionStyle {
    bool photo = true;  // photo captions carry `photo`, others `art_style`
    QString aesthetics;
    QString lighting;
    QString photoOrArtStyle;
    QString medium = QStringLiteral("photograph");
    QStringList palette;  // at most kMaxGlobalColors

    bool operator==(const CaptionStyle& other) const;
};

// The structured caption Ideogram 4 was trained on (docs: caption-schema.md). The form edits
// this; the raw JSON view shows toJson().
struct Caption {
    static constexpr int kMaxGlobalColors = 16;
    static constexpr int kMaxElementColors = 5;

    QString highLevelDescription;
    std::optional<CaptionStyle> style;
    QString background;
    QVector<CaptionElement> elements;

    // Canonical form: trained key order, compact separators, literal UTF-8.
    QString toJson() const;
    // Tolerant import: other key orders, pretty-printed text, a caption wrapped in an outer
    // object or double-encoded as a string. Returns nothing and sets `error` when the text is
    // not a caption at all (a syntax error by line and column, with its character index in
    // `errorPosition`); unknown keys are dropped and listed in `warnings`.
    static std::optional<Caption> fromJson(const QString& text, QString* error = nullptr,
                                           QStringList* warnings = nullptr,
                                           int* errorPosition = nullptr);

    bool operator==(const Caption& other) const;
};

// JSON laid out for reading: two-space indents, one key per line, short arrays of plain values
// (a bbox, a palette) kept on one line; key order and literal UTF-8 kept. Text that is not valid
// JSON comes back unchanged.
QString prettyJson(const QString& text);

// "#abc" / "aabbcc" / "#AaBbCc" -> "#AABBCC"; empty string if it is not a colour.
QString normalizeHexColor(const QString& color);

}  // namespace i4::ui

Q_DECLARE_METATYPE(i4::ui::BBox)
