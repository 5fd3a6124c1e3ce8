#include "ui/widgets/token_count_label.h"

#include <QLocale>

#include "core/sampling/validation.h"

namespace i4::ui {

TokenCountLabel::TokenCountLabel(QWidget* parent) : QLabel(parent) {
    setObjectName(QStringLiteral("tokenCount"));
    setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    setCount(-1);
}

bool TokenCountLabel::isOverLimit() const { return m_count > sampling::kMaxTextTokens; }

void TokenCountLabel::setCount(int tokens) {
    m_count = tokens;
    const QString limit = QLocale().toString(qlonglong(sampling::kMaxTextTokens));
    if (tokens < 0) {
        setText(tr("– / %1 tokens").arg(limit));
        setToolTip(tr("The token count needs a loaded model."));
        setStyleSheet(QString());
        return;
    }
    setText(tr("%1 / %2 tokens").arg(QLocale().toString(tokens), limit));
    if (isOverLimit()) {
        setToolTip(tr("The model reads at most %1 tokens; shorten the caption.").arg(limit));
        // Red on both light and dark palettes; bold so it does not rely on colour alone.
        setStyleSheet(QStringLiteral("QLabel { color: #d32f2f; font-weight: bold; }"));
    } else {
        setToolTip(tr("Tokens in the prompt as the model reads it (after chat framing)."));
        setStyleSheet(QString());
    }
}

}  // namespace i4::ui
