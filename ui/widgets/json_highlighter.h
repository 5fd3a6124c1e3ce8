#pragma once

#include <QSyntaxHighlighter>

namespace i4::ui {

// Colours JSON by token: keys, string values, numbers, true/false/null. Works line by line
// (JSON strings never span lines), so an unfinished edit colours what it can.
class JsonHighlighter : public QSyntaxHighlighter {
    Q_OBJECT

public:
    explicit JsonHighlighter(QTextDocument* document);

protected:
    void highlightBlock(const QString& text) override;
};

}  // namespace i4::ui
