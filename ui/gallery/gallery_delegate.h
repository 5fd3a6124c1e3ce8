#pragma once

#include <QStyledItemDelegate>

namespace i4::ui {

// Draws a gallery cell: the thumbnail, its caption's title (elided) below it, a star in the
// corner (filled for favourites; a click on it toggles), and the lineage: a band in the group's
// colour, "N variations" on a source and an arrow on an image made from another.
class GalleryDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    GalleryDelegate(int thumbnailEdge, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;
    // The star's rectangle in a cell (for clicks, and tests).
    QRect starRect(const QRect& cell) const;
    static QColor groupColor(int group);

signals:
    void favouriteToggled(const QModelIndex& index);

private:
    int m_edge;
};

}  // namespace i4::ui
