#include "ui/gallery/gallery_delegate.h"

#include <QApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QtMath>

#include "ui/gallery/gallery_model.h"

namespace i4::ui {

namespace {

QPainterPath starPath(const QRectF& box) {
    QPainterPath path;
    const QPointF c = box.center();
    const double outer = box.width() / 2.0, inner = outer * 0.45;
    for (int i = 0; i < 10; ++i) {
        const double r = i % 2 == 0 ? outer : inner;
        const double a = qDegreesToRadians(-90.0 + i * 36.0);
        const QPointF p(c.x() + r * std::cos(a), c.y() + r * std::sin(a));
        if (i == 0)
            path.moveTo(p);
        else
            path.lineTo(p);
    }
    path.closeSubpath();
    return path;
}

}  // namespace

GalleryDelegate::GalleryDelegate(int thumbnailEdge, QObject* parent)
    : QStyledItemDelegate(parent), m_edge(thumbnailEdge) {}

QSize GalleryDelegate::sizeHint(const QStyleOptionViewItem&, const QModelIndex&) const {
    return {m_edge + 20, m_edge + 30};
}

QRect GalleryDelegate::starRect(const QRect& cell) const {
    return QRect(cell.right() - 26, cell.top() + 6, 20, 20);
}

QColor GalleryDelegate::groupColor(int group) {
    // Golden-ratio hues: neighbouring groups get clearly different colours.
    const double hue = std::fmod(0.11 + group * 0.618033988749895, 1.0);
    return QColor::fromHsvF(float(hue), 0.65f, 0.9f);
}

void GalleryDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                            const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect cell = option.rect.adjusted(2, 2, -2, -2);
    const QPalette& pal = option.palette;
    if (option.state & QStyle::State_Selected) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(pal.color(QPalette::Highlight));
        painter->drawRoundedRect(cell, 4, 4);
    } else if (option.state & QStyle::State_MouseOver) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(pal.color(QPalette::Midlight));
        painter->drawRoundedRect(cell, 4, 4);
    }
    const int group = index.data(GalleryModel::GroupRole).toInt();
    const int depth = index.data(GalleryModel::DepthRole).toInt();
    if (group > 0) {
        // The lineage band: one colour per group; variations' band is indented by their depth.
        painter->setPen(Qt::NoPen);
        painter->setBrush(groupColor(group));
        const int inset = std::min(depth, 3) * 3;
        painter->drawRect(QRect(cell.left() + inset, cell.bottom() - 4, cell.width() - inset, 4));
    }
    const QRect thumb(cell.left() + (cell.width() - m_edge) / 2, cell.top() + 2, m_edge, m_edge);
    opt.icon.paint(painter, thumb, Qt::AlignCenter);

    const QString title = index.data(Qt::DisplayRole).toString();
    const QRect text(cell.left() + 4, thumb.bottom() + 2, cell.width() - 8,
                     cell.bottom() - 5 - thumb.bottom());
    painter->setPen(pal.color(option.state & QStyle::State_Selected ? QPalette::HighlightedText
                                                                    : QPalette::Text));
    painter->drawText(text, Qt::AlignHCenter | Qt::AlignVCenter,
                      painter->fontMetrics().elidedText(title, Qt::ElideRight, text.width()));

    auto badge = [&](const QString& label, const QPoint& at, const QColor& colour) {
        QFont font = painter->font();
        font.setPointSizeF(font.pointSizeF() * 0.85);
        font.setBold(true);
        painter->setFont(font);
        const QRect box = painter->fontMetrics().boundingRect(label).adjusted(-5, -2, 5, 2);
        const QRect placed(at, box.size());
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        painter->drawRoundedRect(placed, 6, 6);
        painter->setPen(Qt::black);
        painter->drawText(placed, Qt::AlignCenter, label);
    };
    const int variations = index.data(GalleryModel::VariationCountRole).toInt();
    if (variations > 0) {
        badge(tr("%n variation(s)", nullptr, variations),
              QPoint(thumb.left() + 4, thumb.bottom() - 20),
              group > 0 ? groupColor(group) : QColor(230, 230, 230));
    }
    if (index.data(GalleryModel::HasSourceRole).toBool()) {
        badge(QStringLiteral("\u21B3"), QPoint(thumb.left() + 4, thumb.top() + 4),
              group > 0 ? groupColor(group) : QColor(230, 230, 230));
    }

    const bool favourite = index.data(GalleryModel::FavouriteRole).toBool();
    if (favourite || (option.state & (QStyle::State_MouseOver | QStyle::State_Selected))) {
        const QPainterPath star = starPath(QRectF(starRect(option.rect)).adjusted(2, 2, -2, -2));
        painter->setPen(QPen(favourite ? QColor(150, 100, 0) : QColor(255, 255, 255, 220), 1.5));
        painter->setBrush(favourite ? QColor(255, 196, 0) : QColor(0, 0, 0, 90));
        painter->drawPath(star);
    }
    painter->restore();
}

bool GalleryDelegate::editorEvent(QEvent* event, QAbstractItemModel* model,
                                  const QStyleOptionViewItem& option, const QModelIndex& index) {
    if (event->type() == QEvent::MouseButtonRelease) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        if (mouse->button() == Qt::LeftButton &&
            starRect(option.rect).contains(mouse->position().toPoint())) {
            emit favouriteToggled(index);
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

}  // namespace i4::ui
