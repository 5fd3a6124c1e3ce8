#include "ui/generation/demo_model_hints.h"

#include <QEvent>
#include <QFont>
#include <QLabel>
#include <algorithm>

#include "ui/widgets/caption_editor.h"
#include "ui/widgets/layout_canvas.h"

namespace i4::ui {

namespace {

constexpr int kMargin = 6;

QLabel* overlayLabel(QWidget* parent, const QString& name) {
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setAttribute(Qt::WA_TransparentForMouseEvents);
    label->setStyleSheet(QStringLiteral(
        "QLabel { background: rgba(255, 243, 205, 235); color: #5c4400; border: 1px solid "
        "#d9b650; border-radius: 3px; padding: 2px 5px; }"));
    return label;
}

}  // namespace

DemoModelHints::DemoModelHints(CaptionEditor* editor, QObject* parent)
    : QObject(parent), m_editor(editor) {}

const QStringList& DemoModelHints::unreadFields() {
    static const QStringList names{QStringLiteral("styleGroup"), QStringLiteral("globalPalette"),
                                   QStringLiteral("elementPalette"), QStringLiteral("elementText")};
    return names;
}

void DemoModelHints::setActive(bool demo) {
    if (demo == m_active) return;
    m_active = demo;
    if (demo && !m_canvasHint) {
        QWidget* canvas = m_editor->canvas();
        m_canvasHint = overlayLabel(canvas, QStringLiteral("demoCanvasHint"));
        m_canvasHint->setWordWrap(true);
        QFont small = m_canvasHint->font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        m_canvasHint->setFont(small);
        m_canvasHint->setText(tr("Demo model: 1–3 shapes, 6 colours; keep boxes off the edges"));
        m_canvasHint->setToolTip(
            tr("Demo model: 1–3 shapes (circle, square, triangle, star, ring) in 6 colours (red, "
               "green, blue, yellow, orange, purple) on a plain background. Keep boxes away "
               "from the edges."));
        // Its tooltip is the whole story; the band it sits on is where no box should go.
        m_canvasHint->setAttribute(Qt::WA_TransparentForMouseEvents, false);
        canvas->installEventFilter(this);
        for (const QString& name : unreadFields()) {
            QWidget* field = m_editor->findChild<QWidget*>(name);
            if (!field) continue;
            QLabel* badge = overlayLabel(field, QStringLiteral("demoBadge"));
            badge->setText(tr("demo ignores"));
            badge->setToolTip(
                tr("The demo model was not trained on this field; it is sent, "
                   "but does not change its pictures."));
            badge->setAttribute(Qt::WA_TransparentForMouseEvents, false);
            field->installEventFilter(this);
            m_badges.push_back({field, badge});
        }
    }
    if (m_canvasHint) m_canvasHint->setVisible(demo);
    for (const Badge& badge : m_badges) {
        if (badge.label) badge.label->setVisible(demo);
    }
    place();
}

bool DemoModelHints::eventFilter(QObject* watched, QEvent* event) {
    if (m_active && (event->type() == QEvent::Resize || event->type() == QEvent::Show)) place();
    return QObject::eventFilter(watched, event);
}

void DemoModelHints::place() {
    if (!m_active) return;
    if (m_canvasHint) {
        // Below the page when there is room; otherwise over the page's bottom edge band (the
        // demo's boxes keep one grid cell, an eighth of the page, away from every edge).
        const QRect canvas = m_canvasHint->parentWidget()->rect();
        const QRect page = m_editor->canvas()->pageRect().toAlignedRect();
        const int width = std::max(60, std::min(canvas.width() - 2 * kMargin, page.width()));
        m_canvasHint->setFixedWidth(width);
        const int height = m_canvasHint->heightForWidth(width);
        m_canvasHint->setFixedHeight(height > 0 ? height : m_canvasHint->sizeHint().height());
        const int left = std::max(kMargin, page.center().x() - width / 2);
        const int below = page.bottom() + 2;
        const int top = below + m_canvasHint->height() <= canvas.bottom()
                            ? below
                            : page.bottom() - m_canvasHint->height();
        m_canvasHint->move(left, std::max(0, top));
        m_canvasHint->raise();
    }
    for (const Badge& badge : m_badges) {
        if (!badge.field || !badge.label) continue;
        badge.label->adjustSize();
        badge.label->move(std::max(0, badge.field->width() - badge.label->width() - 2), 1);
        badge.label->raise();
    }
}

}  // namespace i4::ui
