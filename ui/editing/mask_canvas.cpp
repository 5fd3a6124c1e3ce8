#include "ui/editing/mask_canvas.h"

#include <QMouseEvent>
#include <QPainter>
#include <QRadialGradient>
#include <cmath>

namespace i4::ui {

MaskCanvas::MaskCanvas(QWidget* parent) : QWidget(parent) {
    setMouseTracking(false);
    setMinimumSize(160, 120);
    setCursor(Qt::CrossCursor);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void MaskCanvas::setImage(const QImage& image) {
    m_image = image.convertToFormat(QImage::Format_RGB32);
    m_mask = QImage(m_image.size(), QImage::Format_Grayscale8);
    m_mask.fill(0);
    m_history.clear();
    refreshOverlay();
    update();
    emit maskChanged();
}

void MaskCanvas::setMask(const QImage& mask) {
    if (m_image.isNull()) return;
    QImage grey = mask.convertToFormat(QImage::Format_Grayscale8);
    if (grey.size() != m_image.size())
        grey = grey.scaled(m_image.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    m_mask = grey;
    m_history.clear();
    refreshOverlay();
    update();
    emit maskChanged();
}

bool MaskCanvas::hasMask() const {
    for (int y = 0; y < m_mask.height(); ++y) {
        const uchar* row = m_mask.constScanLine(y);
        for (int x = 0; x < m_mask.width(); ++x)
            if (row[x] > 0) return true;
    }
    return false;
}

void MaskCanvas::remember() {
    m_history.append(m_mask.copy());
    while (m_history.size() > kUndoDepth) m_history.removeFirst();
}

void MaskCanvas::undo() {
    if (m_history.isEmpty()) return;
    m_mask = m_history.takeLast();
    refreshOverlay();
    update();
    emit maskChanged();
}

void MaskCanvas::clearMask() {
    if (m_mask.isNull()) return;
    remember();
    m_mask.fill(0);
    refreshOverlay();
    update();
    emit maskChanged();
}

void MaskCanvas::invertMask() {
    if (m_mask.isNull()) return;
    remember();
    m_mask.invertPixels();
    refreshOverlay();
    update();
    emit maskChanged();
}

void MaskCanvas::setExtension(const QMargins& extension) {
    m_extension = extension;
    update();
}

double MaskCanvas::scale() const {
    if (m_image.isNull()) return 1.0;
    const double w = m_image.width() + m_extension.left() + m_extension.right();
    const double h = m_image.height() + m_extension.top() + m_extension.bottom();
    return std::min((width() - 8) / w, (height() - 8) / h);
}

QPointF MaskCanvas::origin() const {
    const double s = scale();
    const double w = (m_image.width() + m_extension.left() + m_extension.right()) * s;
    const double h = (m_image.height() + m_extension.top() + m_extension.bottom()) * s;
    return {(width() - w) / 2.0, (height() - h) / 2.0};
}

QPointF MaskCanvas::toImage(const QPointF& p) const {
    const double s = scale();
    return (p - origin()) / s - QPointF(m_extension.left(), m_extension.top());
}

QPointF MaskCanvas::toWidget(const QPointF& p) const {
    return origin() + (p + QPointF(m_extension.left(), m_extension.top())) * scale();
}

void MaskCanvas::refreshOverlay() {
    if (m_mask.isNull()) {
        m_overlay = QImage();
        return;
    }
    m_overlay = QImage(m_mask.size(), QImage::Format_ARGB32_Premultiplied);
    for (int y = 0; y < m_mask.height(); ++y) {
        const uchar* in = m_mask.constScanLine(y);
        auto* out = reinterpret_cast<QRgb*>(m_overlay.scanLine(y));
        for (int x = 0; x < m_mask.width(); ++x) {
            const int a = in[x] * 150 / 255;  // at most ~60% over the picture
            out[x] = qRgba(255 * a / 255, 40 * a / 255, 60 * a / 255, a);
        }
    }
}

void MaskCanvas::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Window).darker(115));
    if (m_image.isNull()) {
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("Drop an image here (or on the window), or choose one"));
        return;
    }
    const double s = scale();
    const QPointF o = origin();
    const QRectF canvas(o, QSizeF((m_image.width() + m_extension.left() + m_extension.right()) * s,
                                  (m_image.height() + m_extension.top() + m_extension.bottom()) * s));
    const QRectF picture(toWidget(QPointF(0, 0)), QSizeF(m_image.width() * s, m_image.height() * s));
    if (canvas != picture) {
        // The extension: repainted whatever the mask says.
        p.fillRect(canvas, QColor(255, 40, 60, 70));
        p.fillRect(canvas, QBrush(QColor(255, 255, 255, 90), Qt::BDiagPattern));
        p.setPen(QPen(QColor(255, 40, 60), 1, Qt::DashLine));
        p.drawRect(canvas.adjusted(0, 0, -1, -1));
    }
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(picture, m_image);
    if (!m_overlay.isNull()) p.drawImage(picture, m_overlay);
    if (!m_rubberBand.isNull()) {
        p.setPen(QPen(Qt::white, 1, Qt::DashLine));
        p.setBrush(QColor(255, 40, 60, 80));
        p.drawRect(QRectF(toWidget(m_rubberBand.topLeft()), toWidget(m_rubberBand.bottomRight())));
    }
}

void MaskCanvas::dab(const QPointF& at) {
    QPainter p(&m_mask);
    p.setRenderHint(QPainter::Antialiasing);
    const double radius = m_brushSize / 2.0;
    const QColor colour = m_tool == Tool::Eraser ? Qt::black : Qt::white;
    QColor clear = colour;
    clear.setAlpha(0);
    QRadialGradient gradient(at, radius);
    gradient.setColorAt(0.0, colour);
    gradient.setColorAt(std::max(0.0, 1.0 - m_softness) * 0.999, colour);
    gradient.setColorAt(1.0, clear);
    p.setPen(Qt::NoPen);
    p.setBrush(gradient);
    p.drawEllipse(at, radius, radius);
}

void MaskCanvas::strokeTo(const QPointF& to) {
    const QPointF delta = to - m_last;
    const double length = std::hypot(delta.x(), delta.y());
    const double spacing = std::max(1.0, m_brushSize / 6.0);
    const int dabs = std::max(1, static_cast<int>(length / spacing));
    for (int i = 1; i <= dabs; ++i) dab(m_last + delta * (double(i) / dabs));
    m_last = to;
}

void MaskCanvas::mousePressEvent(QMouseEvent* event) {
    if (m_image.isNull() || event->button() != Qt::LeftButton) return;
    const QPointF at = toImage(event->position());
    m_painting = true;
    remember();
    if (m_tool == Tool::Rectangle) {
        m_rectStart = at;
        m_rubberBand = QRectF(at, at);
    } else {
        m_last = at;
        dab(at);
        refreshOverlay();
    }
    update();
}

void MaskCanvas::mouseMoveEvent(QMouseEvent* event) {
    if (!m_painting) return;
    const QPointF at = toImage(event->position());
    if (m_tool == Tool::Rectangle) {
        m_rubberBand = QRectF(m_rectStart, at).normalized();
    } else {
        strokeTo(at);
        refreshOverlay();
    }
    update();
}

void MaskCanvas::mouseReleaseEvent(QMouseEvent* event) {
    if (!m_painting || event->button() != Qt::LeftButton) return;
    m_painting = false;
    if (m_tool == Tool::Rectangle) {
        const QRect box = QRectF(m_rectStart, toImage(event->position()))
                              .normalized()
                              .toAlignedRect()
                              .intersected(m_mask.rect());
        m_rubberBand = QRectF();
        if (!box.isEmpty()) {
            QPainter p(&m_mask);
            p.fillRect(box, Qt::white);
        }
    } else {
        strokeTo(toImage(event->position()));
    }
    refreshOverlay();
    update();
    emit maskChanged();
}

}  // namespace i4::ui
