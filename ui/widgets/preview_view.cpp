#include "ui/widgets/preview_view.h"

#include <QPainter>
#include <cmath>

namespace i4::ui {

PreviewView::PreviewView(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setMinimumSize(200, 200);
}

void PreviewView::setImage(const QImage& image) {
    m_image = image;
    update();
}

void PreviewView::setProgress(int step, int total, double etaSeconds) {
    m_step = step;
    m_total = total;
    m_eta = etaSeconds;
    update();
}

void PreviewView::setMessage(const QString& message) {
    m_message = message;
    update();
}

void PreviewView::clearProgress() {
    m_step = 0;
    m_total = 0;
    update();
}

void PreviewView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().dark());
    if (!m_image.isNull()) {
        const QSize fitted = m_image.size().scaled(size(), Qt::KeepAspectRatio);
        const QRect target(QPoint((width() - fitted.width()) / 2, (height() - fitted.height()) / 2),
                           fitted);
        // Latent-size previews are tiny; smooth scaling keeps them from looking like mosaics.
        p.setRenderHint(QPainter::SmoothPixmapTransform);
        p.drawImage(target, m_image);
    } else {
        p.setPen(palette().brightText().color());
        p.drawText(
            rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap,
            m_message.isEmpty() ? tr("The image appears here while it is generated.") : m_message);
    }
    if (m_total <= 0) return;
    const QRect bar(12, height() - 34, width() - 24, 22);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0, 0, 0, 150));
    p.drawRoundedRect(bar, 6, 6);
    QRect filled = bar;
    filled.setWidth(bar.width() * m_step / m_total);
    p.setBrush(palette().highlight());
    p.drawRoundedRect(filled, 6, 6);
    p.setPen(Qt::white);
    const QString text =
        tr("Step %1 of %2 — about %3 s left").arg(m_step).arg(m_total).arg(int(std::ceil(m_eta)));
    p.drawText(bar, Qt::AlignCenter, text);
}

}  // namespace i4::ui
