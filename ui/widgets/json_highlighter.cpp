#include "ui/widgets/json_highlighter.h"

#include <QGuiApplication>
#include <QPalette>
#include <QRegularExpression>

namespace i4::ui {

namespace {

// Readable on light and dark palettes: mid-saturation hues, darker on light backgrounds.
QTextCharFormat colored(const QColor& onLight, const QColor& onDark, bool bold = false) {
    const bool dark = QGuiApplication::palette().base().color().lightness() < 128;
    QTextCharFormat format;
    format.setForeground(dark ? onDark : onLight);
    if (bold) format.setFontWeight(QFont::DemiBold);
    return format;
}

}  // namespace

JsonHighlighter::JsonHighlighter(QTextDocument* document) : QSyntaxHighlighter(document) {}

void JsonHighlighter::highlightBlock(const QString& text) {
    static const QRegularExpression token(QStringLiteral(
        R"("(?:[^"\\]|\\.)*"?|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\b(?:true|false|null)\b)"));
    static const QRegularExpression keyTail(QStringLiteral(R"(^\s*:)"));
    const QTextCharFormat key = colored(QColor(0x1F, 0x4E, 0x9A), QColor(0x8C, 0xB4, 0xF0), true);
    const QTextCharFormat string = colored(QColor(0x2E, 0x7D, 0x32), QColor(0x9C, 0xD6, 0x8A));
    const QTextCharFormat number = colored(QColor(0xB0, 0x4A, 0x00), QColor(0xF0, 0xA8, 0x6A));
    const QTextCharFormat literal = colored(QColor(0x7B, 0x1F, 0xA2), QColor(0xD0, 0x9A, 0xF0));
    for (auto it = token.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QChar first = m.captured().front();
        const QTextCharFormat* format = &literal;
        if (first == QLatin1Char('"')) {
            const qsizetype end = m.capturedEnd();
            format = keyTail.match(text.mid(end)).hasMatch() ? &key : &string;
        } else if (first == QLatin1Char('-') || first.isDigit()) {
            format = &number;
        }
        setFormat(int(m.capturedStart()), int(m.capturedLength()), *format);
    }
}

}  // namespace i4::ui
