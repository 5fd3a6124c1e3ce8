#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QIcon>
#include <QVector>

#include "ui/gallery/gallery_record.h"

namespace i4::ui {

class GalleryStore;
class ThumbnailCache;

// The filtered gallery for the thumbnail grid. DecorationRole is the thumbnail, loaded off the
// UI thread; RecordRole the whole GalleryRecord.
class GalleryModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role { RecordRole = Qt::UserRole, RecordIdRole };

    GalleryModel(GalleryStore* store, ThumbnailCache* thumbnails, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    void setFilter(const GalleryFilter& filter);
    GalleryFilter filter() const { return m_filter; }
    void reload();
    int rowOfId(qint64 id) const;

private:
    GalleryStore* m_store;
    ThumbnailCache* m_thumbnails;
    GalleryFilter m_filter;
    QVector<GalleryRecord> m_records;
    QHash<QString, int> m_rowOfPath;
    QIcon m_placeholder;
};

}  // namespace i4::ui
