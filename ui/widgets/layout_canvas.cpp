#include "ui/widgets/layout_canvas.h"

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <cmath>

namespace i4::ui {

namespace {

constexpr double kMargin = 8.0;
constexpr double kHandleRadius = 6.0;
constexpr double kMinBoxPixels = 6.0;  // smaller drags are clicks, not boxes

QColor elementColor(const CaptionElement& element) {
    return element.kind == CaptionElement::Kind::Text ? QColor(0xE0, 0x8A, 0x1E)
                                                      : QColor(0x2F, 0x7D, 0xD1);
}

}  // namespace

LayoutCanvas::LayoutCanvas(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);  // Delete acts on the selected box
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void LayoutCanvas::setAspect(int width, int height) {
    if (width <= 0 || height <= 0) return;
    m_aspectWidth = width;
    m_aspectHeight = height;
    update();
}

void LayoutCanvas::setElements(const QVector<CaptionElement>& elements) {
    m_elements = elements;
    if (m_selected >= m_elements.size()) m_selected = -1;
    update();
}

void LayoutCanvas::setSelected(int index) {
    m_selected = index >= 0 && index < m_elements.size() ? index : -1;
    update();
}

QRectF LayoutCanvas::pageRect() const {
    const QRectF area = QRectF(rect()).adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const double aspect = double(m_aspectWidth) / double(m_aspectHeight);
    double w = area.width();
    double h = w / aspect;
    if (h > area.height()) {
        h = area.height();
        w = h * aspect;
    }
    return {area.center().x() - w / 2, area.center().y() - h / 2, w, h};
}

BBox LayoutCanvas::toBBox(const QRectF& widgetRect) const {
    const QRectF page = pageRect();
    const QRectF r = clampToPage(widgetRect.normalized());
    auto scaled = [](double offset, double extent) {
        return std::clamp(int(std::lround(offset / extent * 1000.0)), 0, 1000);
    };
    BBox box;
    box.v = {scaled(r.top() - page.top(), page.height()),
             scaled(r.left() - page.left(), page.width()),
             scaled(r.bottom() - page.top(), page.height()),
             scaled(r.right() - page.left(), page.width())};
    return box;
}

QRectF LayoutCanvas::toWidgetRect(const BBox& box) const {
    const QRectF page = pageRect();
    return QRectF(QPointF(page.left() + box.xMin() * page.width() / 1000.0,
                          page.top() + box.yMin() * page.height() / 1000.0),
                  QPointF(page.left() + box.xMax() * page.width() / 1000.0,
                          page.top() + box.yMax() * page.height() / 1000.0));
}

QRectF LayoutCanvas::clampToPage(const QRectF& rect) const { return rect.intersected(pageRect()); }

int LayoutCanvas::elementAt(const QPointF& pos) const {
    // Topmost first: later elements are painted over earlier ones.
    for (int i = int(m_elements.size()) - 1; i >= 0; --i) {
        if (m_elements[i].bbox && toWidgetRect(*m_elements[i].bbox).contains(pos)) return i;
    }
    return -1;
}

std::pair<int, int> LayoutCanvas::handleAt(const QPointF& pos) const {
    auto cornerOf = [this, &pos](int index) {
        if (index < 0 || !m_elements[index].bbox) return -1;
        const QRectF r = toWidgetRect(*m_elements[index].bbox);
        const QPointF corners[4] = {r.topLeft(), r.topRight(), r.bottomRight(), r.bottomLeft()};
        for (int i = 0; i < 4; ++i) {
            if (QLineF(pos, corners[i]).length() <= kHandleRadius + 2) return i;
        }
        return -1;
    };
    if (const int corner = cornerOf(m_selected); corner >= 0) return {m_selected, corner};
    for (int i = int(m_elements.size()) - 1; i >= 0; --i) {
        if (const int corner = cornerOf(i); corner >= 0) return {i, corner};
    }
    return {-1, -1};
}

void LayoutCanvas::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF page = pageRect();
    p.fillRect(rect(), palette().window());
    p.fillRect(page, palette().base());
    p.setPen(QPen(palette().mid().color(), 1, Qt::DotLine));
    for (int i = 1; i < 4; ++i) {
        const double x = page.left() + page.width() * i / 4;
        const double y = page.top() + page.height() * i / 4;
        p.drawLine(QPointF(x, page.top()), QPointF(x, page.bottom()));
        p.drawLine(QPointF(page.left(), y), QPointF(page.right(), y));
    }
    p.setPen(QPen(palette().dark().color(), 1));
    p.drawRect(page);

    for (int i = 0; i < m_elements.size(); ++i) {
        const CaptionElement& element = m_elements[i];
        if (!element.bbox) continue;
        const QRectF r = toWidgetRect(*element.bbox);
        QColor fill = elementColor(element);
        fill.setAlpha(i == m_selected ? 70 : 40);
        p.fillRect(r, fill);
        p.setPen(QPen(elementColor(element), i == m_selected ? 2.5 : 1.5));
        p.drawRect(r);
        const QString label = element.kind == CaptionElement::Kind::Text
                                  ? QStringLiteral("%1 “%2”").arg(i + 1).arg(element.text)
                                  : QStringLiteral("%1 %2").arg(i + 1).arg(element.desc);
        p.setPen(palette().text().color());
        p.drawText(r.adjusted(4, 2, -4, -2), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                   label.left(60));
        if (i == m_selected) {
            p.setBrush(elementColor(element));
            for (const QPointF& c : {r.topLeft(), r.topRight(), r.bottomRight(), r.bottomLeft()}) {
                p.drawEllipse(c, kHandleRadius / 1.5, kHandleRadius / 1.5);
            }
            p.setBrush(Qt::NoBrush);
        }
    }
    if (m_drag == Drag::Draw) {
        p.setPen(QPen(palette().highlight().color(), 1.5, Qt::DashLine));
        p.drawRect(clampToPage(m_drawRect.normalized()));
    }
}

void LayoutCanvas::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return;
    const QPointF pos = event->position();
    m_pressPos = pos;
    m_dragChanged = false;
    const auto [element, corner] = handleAt(pos);
    m_handle = corner;
    if (element >= 0) {
        // A corner of any box resizes it (and selects it), never starts a new box.
        m_drag = Drag::Resize;
        if (element != m_selected) {
            m_selected = element;
            emit elementSelected(element);
        }
        m_pressRect = toWidgetRect(*m_elements[m_selected].bbox);
        update();
        return;
    }
    const int hit = elementAt(pos);
    if (hit >= 0) {
        m_drag = Drag::Move;
        m_selected = hit;
        m_pressRect = toWidgetRect(*m_elements[hit].bbox);
        emit elementSelected(hit);
    } else if (pageRect().contains(pos)) {
        m_drag = Drag::Draw;
        m_drawRect = QRectF(pos, pos);
    }
    update();
}

void LayoutCanvas::mouseMoveEvent(QMouseEvent* event) {
    const QPointF pos = event->position();
    if (m_drag == Drag::None) {
        const int handle = handleAt(pos).second;
        setCursor(handle == 0 || handle == 2   ? Qt::SizeFDiagCursor
                  : handle == 1 || handle == 3 ? Qt::SizeBDiagCursor
                  : elementAt(pos) >= 0        ? Qt::SizeAllCursor
                                               : Qt::CrossCursor);
        return;
    }
    if (m_drag == Drag::Draw) {
        m_drawRect.setBottomRight(pos);
        update();
        return;
    }
    QRectF r = m_pressRect;
    const QPointF delta = pos - m_pressPos;
    if (m_drag == Drag::Move) {
        // Keep the box whole: clamp the translation rather than the rectangle.
        const QRectF page = pageRect();
        const double dx = std::clamp(delta.x(), page.left() - r.left(), page.right() - r.right());
        const double dy = std::clamp(delta.y(), page.top() - r.top(), page.bottom() - r.bottom());
        r.translate(dx, dy);
    } else {
        switch (m_handle) {
            case 0:
                r.setTopLeft(r.topLeft() + delta);
                break;
            case 1:
                r.setTopRight(r.topRight() + delta);
                break;
            case 2:
                r.setBottomRight(r.bottomRight() + delta);
                break;
            default:
                r.setBottomLeft(r.bottomLeft() + delta);
                break;
        }
    }
    BBox box = toBBox(r);
    if (!box.isValid() || box == m_elements[m_selected].bbox) return;
    m_dragChanged = true;
    m_elements[m_selected].bbox = box;
    emit elementBoxChanged(m_selected, box);
    update();
}

void LayoutCanvas::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return;
    const Drag drag = m_drag;
    m_drag = Drag::None;
    if (drag == Drag::Draw) {
        m_drawRect.setBottomRight(event->position());
        const QRectF r = m_drawRect.normalized();
        if (r.width() >= kMinBoxPixels && r.height() >= kMinBoxPixels) {
            const BBox box = toBBox(r);
            if (box.isValid()) emit boxDrawn(box);
        } else if (m_selected >= 0) {
            m_selected = -1;
            emit elementSelected(-1);
        }
    } else if (drag != Drag::None && m_dragChanged) {
        emit dragFinished();
    }
    update();
}

void LayoutCanvas::keyPressEvent(QKeyEvent* event) {
    if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) && m_selected >= 0 &&
        m_drag == Drag::None) {
        emit deleteRequested(m_selected);
        return;
    }
    QWidget::keyPressEvent(event);
}

void LayoutCanvas::contextMenuEvent(QContextMenuEvent* event) {
    if (m_drag != Drag::None) return;
    const QPointF pos = event->pos();
    const int hit = elementAt(pos);
    QMenu menu(this);
    if (hit >= 0) {
        if (hit != m_selected) {
            m_selected = hit;
            emit elementSelected(hit);
            update();
        }
        menu.addAction(tr("Delete element"), this, [this, hit] { emit deleteRequested(hit); })
            ->setShortcut(QKeySequence::Delete);
        QAction* forward =
            menu.addAction(tr("Bring forward"), this, [this, hit] { emit moveRequested(hit, 1); });
        forward->setEnabled(hit + 1 < m_elements.size());
        QAction* backward =
            menu.addAction(tr("Send backward"), this, [this, hit] { emit moveRequested(hit, -1); });
        backward->setEnabled(hit > 0);
    } else if (pageRect().contains(pos)) {
        // A quarter-page box centred on the click, kept inside the page.
        const QRectF page = pageRect();
        QRectF r(0, 0, page.width() / 4, page.height() / 4);
        r.moveCenter(pos);
        r.translate(std::clamp(0.0, page.left() - r.left(), page.right() - r.right()),
                    std::clamp(0.0, page.top() - r.top(), page.bottom() - r.bottom()));
        const BBox box = toBBox(r);
        menu.addAction(tr("Add object here"), this, [this, box] { emit addRequested(false, box); });
        menu.addAction(tr("Add text here"), this, [this, box] { emit addRequested(true, box); });
    } else {
        return;
    }
    menu.exec(event->globalPos());
}

}  // namespace i4::ui
