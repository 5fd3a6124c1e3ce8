#include "ui/gallery/gallery_model.h"

#include <QIcon>
#include <algorithm>

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
        case Qt::DisplayRole: {
            const QString title = record.title();
            return title.isEmpty() ? tr("(no caption)") : title;
        }
        case Qt::ToolTipRole:
            return tr("%1 · seed %2").arg(record.sizeText()).arg(record.request.seed) +
                   QLatin1Char('\n') + record.prompt().left(300);
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
        case FavouriteRole:
            return record.favourite;
        case VariationCountRole:
            return record.imageSha256.isEmpty() ? 0
                                                : m_variationCounts.value(record.imageSha256, 0);
        case HasSourceRole:
            return !record.sourceSha256.isEmpty();
        case SourceListedRole:
            return !record.sourceSha256.isEmpty() && m_listedShas.contains(record.sourceSha256);
        case GroupRole:
            return m_groups.value(index.row(), 0);
        case DepthRole:
            return m_depths.value(index.row(), 0);
        default:
            return {};
    }
}

void GalleryModel::setFilter(const GalleryFilter& filter) {
    m_filter = filter;
    reload();
}

void GalleryModel::setGroupVariations(bool on) {
    if (on == m_group) return;
    m_group = on;
    reload();
}

void GalleryModel::reload() {
    beginResetModel();
    m_records = m_store->isOpen() ? m_store->query(m_filter) : QVector<GalleryRecord>{};
    m_variationCounts = m_store->isOpen() ? m_store->variationCounts() : QHash<QString, int>{};
    m_listedShas.clear();
    if (m_store->isOpen() && !m_variationCounts.isEmpty()) {
        // Only sources matter here: look up the few that variations name.
        for (auto it = m_variationCounts.cbegin(); it != m_variationCounts.cend(); ++it) {
            if (m_store->recordBySha256(it.key())) m_listedShas.insert(it.key());
        }
    }
    groupLineage();
    m_rowOfPath.clear();
    for (int row = 0; row < m_records.size(); ++row) {
        m_rowOfPath.insert(m_store->imagePath(m_records[row]), row);
    }
    endResetModel();
}

void GalleryModel::groupLineage() {
    const int n = int(m_records.size());
    m_groups = QVector<int>(n, 0);
    m_depths = QVector<int>(n, 0);
    if (m_variationCounts.isEmpty()) return;  // no lineage anywhere: nothing to do (the usual case)
    // Rows are newest first. A row's parent is the row of its source, when listed.
    QHash<QString, int> rowOfSha;
    for (int row = n - 1; row >= 0; --row) {
        if (!m_records[row].imageSha256.isEmpty()) rowOfSha.insert(m_records[row].imageSha256, row);
    }
    QVector<int> parent(n, -1);
    QVector<QVector<int>> children(n);
    for (int row = 0; row < n; ++row) {
        const int p = rowOfSha.value(m_records[row].sourceSha256, -1);
        if (m_records[row].sourceSha256.isEmpty() || p < 0 || p == row) continue;
        // Guard against a cycle (two files with each other's hash cannot exist, but the index
        // can be edited by hand): follow p upwards and refuse a link back to `row`.
        int up = p;
        while (up >= 0 && up != row) up = parent[up];
        if (up == row) continue;
        parent[row] = p;
    }
    for (int row = n - 1; row >= 0; --row) {  // oldest first among siblings
        if (parent[row] >= 0) children[parent[row]].push_back(row);
    }
    // Roots in their current order (newest first); a group is placed at its newest member.
    QVector<int> order;
    order.reserve(n);
    QVector<int> groups(n, 0), depths(n, 0);
    int groupCount = 0;
    auto newest = [&](int root) {
        int best = root;
        QVector<int> stack{root};
        while (!stack.isEmpty()) {
            const int r = stack.takeLast();
            best = std::min(best, r);  // a smaller row is newer
            for (int c : children[r]) stack.push_back(c);
        }
        return best;
    };
    QVector<QPair<int, int>> roots;  // (newest row, root)
    for (int row = 0; row < n; ++row) {
        if (parent[row] < 0) roots.push_back({m_group ? newest(row) : row, row});
    }
    std::stable_sort(roots.begin(), roots.end());
    for (const auto& [key, root] : roots) {
        Q_UNUSED(key);
        const int group = children[root].isEmpty() ? 0 : ++groupCount;
        QVector<QPair<int, int>> stack{{root, 0}};  // depth-first: source, then its variations
        while (!stack.isEmpty()) {
            const auto [r, depth] = stack.takeLast();
            order.push_back(r);
            groups[r] = group;
            depths[r] = depth;
            for (auto it = children[r].crbegin(); it != children[r].crend(); ++it) {
                stack.push_back({*it, depth + 1});
            }
        }
    }
    if (!m_group) {
        // Grouping off: rows keep their order; GroupRole still tells who belongs together.
        m_groups = groups;
        m_depths = depths;
        return;
    }
    QVector<GalleryRecord> records;
    records.reserve(n);
    for (int row : order) {
        records.push_back(m_records[row]);
        m_groups[records.size() - 1] = groups[row];
        m_depths[records.size() - 1] = depths[row];
    }
    m_records = records;
}

int GalleryModel::rowOfId(qint64 id) const {
    for (int row = 0; row < m_records.size(); ++row) {
        if (m_records[row].id == id) return row;
    }
    return -1;
}

}  // namespace i4::ui
