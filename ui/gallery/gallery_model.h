#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QIcon>
#include <QSet>
#include <QVector>

#include "ui/gallery/gallery_record.h"

namespace i4::ui {

class GalleryStore;
class ThumbnailCache;

// The filtered gallery for the thumbnail grid. DecorationRole is the thumbnail, loaded off the
// UI thread; DisplayRole the caption's title; RecordRole the whole GalleryRecord. With grouping
// on (the default), an image's variations follow it (Note [gallery lineage]): each group sits
// where its newest member would, the source first, then what was made from it, oldest first.
class GalleryModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        RecordRole = Qt::UserRole,
        RecordIdRole,
        FavouriteRole,       // bool
        VariationCountRole,  // int: images made directly from this one
        HasSourceRole,       // bool: made from another gallery image
        SourceListedRole,    // bool: ...and that image is in the gallery
        GroupRole,           // int: > 0 shared by the members of a lineage group of 2 or more
        DepthRole,           // int: 0 for a source, 1 for its variations, ...
    };

    GalleryModel(GalleryStore* store, ThumbnailCache* thumbnails, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    void setFilter(const GalleryFilter& filter);
    GalleryFilter filter() const { return m_filter; }
    void reload();
    int rowOfId(qint64 id) const;
    void setGroupVariations(bool on);
    bool groupVariations() const { return m_group; }

private:
    GalleryStore* m_store;
    ThumbnailCache* m_thumbnails;
    GalleryFilter m_filter;
    void groupLineage();

    QVector<GalleryRecord> m_records;
    QVector<int> m_groups;  // per row, see GroupRole
    QVector<int> m_depths;
    QHash<QString, int> m_variationCounts;
    QSet<QString> m_listedShas;  // of every image in the gallery, for SourceListedRole
    bool m_group = true;
    QHash<QString, int> m_rowOfPath;
    QIcon m_placeholder;
};

}  // namespace i4::ui
