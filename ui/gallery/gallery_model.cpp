#include "ui/gallery/gallery_model.h"

#include <QIcon>

#include "ui/gallery/gallery_store.h"
#include "ui/gallery/thumbnail_cache.h"

namespace i4::ui {

GalleryModel::GalleryModel(GalleryStore* store, ThumbnailCache* thumbnails, QObject* parent)
    : QAbstractListModel(parent), m_store(store), m_thumbnails(thumbnails) {
    // A placeholder of the final size keeps the grid from jumping as thumbnails arrive.
    QPixmap empty(m_thumbnails->edge(), m_thumbnails->edge());
    empty.fill(Qt::transparent);
    m_placeholder = QIcon(empty);
    connect(m_thumbnails, &ThumbnailCache::thumbnailReady, this, [this](const QString& path) {
        const auto it = m_rowOfPath.constFind(path);
        if (it == m_rowOfPath.constEnd()) return;
        const QModelIndex changed = index(*it);
        emit dataChanged(changed, changed, {Qt::DecorationRole});
    });
}

int GalleryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_records.size());
}

QVariant GalleryModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_records.size()) return {};
    const GalleryRecord& record = m_records[index.row()];
    switch (role) {
        case Qt::DisplayRole:
            return QStringLiteral("%1 · %2").arg(record.sizeText()).arg(record.request.seed);
        case Qt::ToolTipRole:
            return record.prompt().left(300);
        case Qt::DecorationRole: {
            const std::optional<QPixmap> thumbnail =
                m_thumbnails->thumbnail(m_store->imagePath(record));
            if (thumbnail) return QIcon(*thumbnail);
            return m_placeholder;
        }
        case RecordRole:
            return QVariant::fromValue(record);
        case RecordIdRole:
            return record.id;
        default:
            return {};
    }
}

void GalleryModel::setFilter(const GalleryFilter& filter) {
    m_filter = filter;
    reload();
}

void GalleryModel::reload() {
    beginResetModel();
    m_records = m_store->isOpen() ? m_store->query(m_filter) : QVector<GalleryRecord>{};
    m_rowOfPath.clear();
    for (int row = 0; row < m_records.size(); ++row) {
        m_rowOfPath.insert(m_store->imagePath(m_records[row]), row);
    }
    endResetModel();
}

int GalleryModel::rowOfId(qint64 id) const {
    for (int row = 0; row < m_records.size(); ++row) {
        if (m_records[row].id == id) return row;
    }
    return -1;
}

}  // namespace i4::ui
