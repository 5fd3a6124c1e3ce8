#include "ui/gallery/zoom_image_view.h"

#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace i4::ui {

bool ZoomImageView::State::operator==(const State& other) const {
    if (fit != other.fit) return false;
    if (fit) return true;
    return qFuzzyCompare(zoom, other.zoom) && qFuzzyCompare(centre.x() + 1, other.centre.x() + 1) &&
           qFuzzyCompare(centre.y() + 1, other.centre.y() + 1);
}

ZoomImageView::ZoomImageView(QWidget* parent) : QWidget(parent) {
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(120, 120);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setCursor(Qt::OpenHandCursor);
}

void ZoomImageView::setImage(const QImage& image) {
    m_image = image;
    update();
}

double ZoomImageView::fitZoom() const {
    if (m_image.isNull() || width() <= 0 || height() <= 0) return 1.0;
    return std::min(double(width()) / m_image.width(), double(height()) / m_image.height());
}

double ZoomImageView::effectiveZoom() const { return m_state.fit ? fitZoom() : m_state.zoom; }

QPointF ZoomImageView::effectiveCentre() const {
    return m_state.fit ? QPointF(0.5, 0.5) : m_state.centre;
}

void ZoomImageView::setState(const State& state) {
    State next = state;
    next.zoom = std::clamp(next.zoom, kMinZoom, kMaxZoom);
    next.centre =
        QPointF(std::clamp(next.centre.x(), 0.0, 1.0), std::clamp(next.centre.y(), 0.0, 1.0));
    if (next == m_state) return;
    m_state = next;
    update();
    emit viewChanged(m_state);
}

void ZoomImageView::fit() { setState(State{}); }

void ZoomImageView::actualSize() { setState(State{false, 1.0, effectiveCentre()}); }

QPointF ZoomImageView::mapFromImage(QPointF p) const {
    const double z = effectiveZoom();
    const QPointF c = effectiveCentre();
    return QPointF((p.x() - c.x() * m_image.width()) * z + width() / 2.0,
                   (p.y() - c.y() * m_image.height()) * z + height() / 2.0);
}

QPointF ZoomImageView::mapToImage(QPointF w) const {
    const double z = effectiveZoom();
    const QPointF c = effectiveCentre();
    return QPointF((w.x() - width() / 2.0) / z + c.x() * m_image.width(),
                   (w.y() - height() / 2.0) / z + c.y() * m_image.height());
}

void ZoomImageView::zoomBy(double factor, QPointF anchor) {
    if (m_image.isNull()) return;
    if (anchor.x() < 0) anchor = QPointF(width() / 2.0, height() / 2.0);
    const QPointF under = mapToImage(anchor);
    const double zoom = std::clamp(effectiveZoom() * factor, kMinZoom, kMaxZoom);
    // Keep `under` at `anchor`: centre = under - (anchor - middle) / zoom.
    const QPointF centre((under.x() - (anchor.x() - width() / 2.0) / zoom) / m_image.width(),
                         (under.y() - (anchor.y() - height() / 2.0) / zoom) / m_image.height());
    setState(State{false, zoom, centre});
}

void ZoomImageView::panBy(QPointF delta) {
    if (m_image.isNull()) return;
    const double zoom = effectiveZoom();
    const QPointF c = effectiveCentre();
    setState(State{false, zoom,
                   QPointF(c.x() - delta.x() / zoom / m_image.width(),
                           c.y() - delta.y() / zoom / m_image.height())});
}

void ZoomImageView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Dark));
    if (m_image.isNull()) return;
    const double zoom = effectiveZoom();
    // Smooth when shrinking; sharp pixels when looking closely.
    p.setRenderHint(QPainter::SmoothPixmapTransform, zoom < 2.0);
    const QRectF target(mapFromImage(QPointF(0, 0)),
                        mapFromImage(QPointF(m_image.width(), m_image.height())));
    p.drawImage(target, m_image);
    const QString text = QLocale().toString(zoom * 100.0, 'f', 0) + QStringLiteral(" %");
    const QRect box = p.fontMetrics().boundingRect(text).adjusted(-6, -3, 6, 3);
    const QRect badge(width() - box.width() - 6, height() - box.height() - 6, box.width(),
                      box.height());
    p.fillRect(badge, QColor(0, 0, 0, 140));
    p.setPen(Qt::white);
    p.drawText(badge, Qt::AlignCenter, text);
}

void ZoomImageView::wheelEvent(QWheelEvent* event) {
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) return;
    zoomBy(std::pow(1.25, steps), event->position());
    event->accept();
}

void ZoomImageView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return QWidget::mousePressEvent(event);
    m_dragging = true;
    m_lastDrag = event->position();
    setCursor(Qt::ClosedHandCursor);
}

void ZoomImageView::mouseMoveEvent(QMouseEvent* event) {
    if (!m_dragging) return;
    panBy(event->position() - m_lastDrag);
    m_lastDrag = event->position();
}

void ZoomImageView::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return QWidget::mouseReleaseEvent(event);
    m_dragging = false;
    setCursor(Qt::OpenHandCursor);
}

void ZoomImageView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (m_image.isNull()) return;
    if (!m_state.fit) {
        fit();
        return;
    }
    const QPointF under = mapToImage(event->position());
    setState(State{false, 1.0, QPointF(under.x() / m_image.width(), under.y() / m_image.height())});
}

void ZoomImageView::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            zoomBy(1.25);
            break;
        case Qt::Key_Minus:
            zoomBy(0.8);
            break;
        case Qt::Key_0:
            fit();
            break;
        case Qt::Key_1:
            actualSize();
            break;
        default:
            QWidget::keyPressEvent(event);
    }
}

}  // namespace i4::ui
