#pragma once

#include <QHash>
#include <QImage>
#include <QString>
#include <QStringList>
#include <QVector>
#include <optional>

#include "ui/gallery/gallery_record.h"

namespace i4::ui {

// Lower-case hex sha256 of a file's bytes ("" if it cannot be read): how lineage names an image.
QString fileSha256(const QString& path);

// The gallery on disk: PNGs (each carrying its request, Note [gallery PNG metadata]) in
// `<folder>/images`, indexed in `<folder>/gallery.sqlite3`. The PNGs are the truth; the index is
// rebuilt from them when it is missing, unreadable or of another schema version. Used from the
// UI thread only (SQLite answers these queries in well under a millisecond).
class GalleryStore {
public:
    explicit GalleryStore(const QString& folder);
    ~GalleryStore();
    GalleryStore(const GalleryStore&) = delete;
    GalleryStore& operator=(const GalleryStore&) = delete;

    // Opens (or rebuilds) the index. False with `error` set if the folder cannot be used.
    bool open(QString* error = nullptr);
    bool isOpen() const { return m_open; }
    QString folder() const { return m_folder; }
    QString imagePath(const GalleryRecord& record) const;
    bool rebuiltOnOpen() const { return m_rebuilt; }
    // The index was of an older schema and was brought up to date in place (favourites kept).
    bool migratedOnOpen() const { return m_migrated; }

    // add() = prepare() + writeImage() + index(). The app runs writeImage() (PNG encoding,
    // the slow part) on a worker thread; prepare() and index() touch the database.
    std::optional<GalleryRecord> add(const QImage& image,
                                     const pipeline::GenerationRequest& request,
                                     const QString& modelId, QString* error = nullptr);
    // Not const: it takes up a variation expected for this request (expectVariation()).
    GalleryRecord prepare(const pipeline::GenerationRequest& request, const QString& modelId);
    // Thread-safe: touches only the file system.
    bool writeImage(const GalleryRecord& record, const QImage& image,
                    QString* error = nullptr) const;
    bool index(GalleryRecord& record, QString* error = nullptr);
    // Many records in one transaction (imports): one commit instead of one per image. All or
    // nothing; fills each record's id.
    bool indexAll(QVector<GalleryRecord>& records, QString* error = nullptr);
    QVector<GalleryRecord> query(const GalleryFilter& filter = {}) const;
    std::optional<GalleryRecord> record(qint64 id) const;
    bool setFavourite(qint64 id, bool favourite);
    // Note [gallery lineage]: the (oldest) image with this sha256; how many images name each
    // sha256 as their source.
    std::optional<GalleryRecord> recordBySha256(const QString& sha256) const;
    QHash<QString, int> variationCounts() const;
    // The next image saved with this request's seed and caption, and no input image, was made
    // from `sourceSha256` ("same caption, new seed"); prepare() takes the expectation up.
    void expectVariation(const pipeline::GenerationRequest& request, const QString& sourceSha256);
    // Images indexed from the folder carry no hash until one is needed: true when some image
    // names a source that no hashed image matches while unhashed images remain. Hash the paths
    // of imagesWithoutHash() (on any thread) and hand them to setImageHashes() (UI thread), or
    // do both here with fillMissingHashes().
    bool needsHashes() const;
    QVector<QPair<qint64, QString>> imagesWithoutHash() const;           // (id, PNG path)
    bool setImageHashes(const QVector<QPair<qint64, QString>>& hashes);  // (id, sha256)
    int fillMissingHashes();
    int count() const;
    // Copies the PNGs (metadata included) into `folder`, created if needed, never overwriting:
    // a taken name gets a number. Returns how many were written; `written` lists their paths.
    int exportTo(const QVector<qint64>& ids, const QString& folder, QStringList* written = nullptr,
                 QString* error = nullptr) const;
    // Moves the PNG to the system trash (deleting it where there is none) and unindexes it.
    bool remove(qint64 id, QString* error = nullptr);
    // Drops the index and re-reads every PNG's metadata. Returns the number of images indexed.
    int rebuildIndex();
    // Copies every PNG under `source` (recursively) that carries i4studio metadata — made by the
    // app or by `i4 generate` — into the gallery and indexes it, the same way a rebuild does.
    // Other files are left alone and counted in `skipped`. Returns the number imported.
    int importFolder(const QString& source, int* skipped = nullptr, QString* error = nullptr);
    // Distinct values of a filterable column ("preset", "size", "model"), sorted.
    QStringList distinctValues(const QString& column) const;

private:
    bool createSchema();
    bool indexIsHealthy() const;
    bool isVersion1() const;
    bool migrateFromVersion1();
    bool createIndexes();
    // Note [interrupted saves]: temporary files removed, unindexed PNGs indexed, rows of
    // vanished PNGs dropped.
    void reconcileWithFolder();
    bool insert(GalleryRecord& record);

    QString m_folder;
    QString m_connectionName;
    bool m_open = false;
    bool m_rebuilt = false;
    bool m_migrated = false;
    QHash<QString, QString> m_expected;  // seed + caption -> source sha256
};

}  // namespace i4::ui
