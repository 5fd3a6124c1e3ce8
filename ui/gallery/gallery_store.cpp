#include "ui/gallery/gallery_store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include "ui/gallery/png_metadata.h"

namespace i4::ui {

namespace {

// 1: the first index; 2: + sha256, source_sha256 (lineage), migrated in place.
constexpr int kSchemaVersion = 2;
const QString kDatabaseName = QStringLiteral("gallery.sqlite3");
const QString kImageFolder = QStringLiteral("images");

const char* const kColumns = "id, file, request, model, created, favourite, sha256, source_sha256";
const char* const kColumnsV1 = "id, file, request, model, created, favourite";

QString sourceOf(const pipeline::GenerationRequest& request) {
    return request.input ? QString::fromStdString(request.input->imageSha256) : QString();
}

GalleryRecord readRecord(const QSqlQuery& q) {
    GalleryRecord r;
    r.id = q.value(0).toLongLong();
    r.fileName = q.value(1).toString();
    try {
        r.request = pipeline::GenerationRequest::fromJson(
            nlohmann::json::parse(q.value(2).toString().toStdString()));
    } catch (const std::exception&) {
        // Unreadable rows still list (with a default request) so they can be deleted.
    }
    r.modelId = q.value(3).toString();
    r.created = QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs);
    r.favourite = q.value(5).toBool();
    r.imageSha256 = q.value(6).toString();
    r.sourceSha256 = q.value(7).toString();
    return r;
}

}  // namespace

QString fileSha256(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file)) return {};
    return QString::fromLatin1(hash.result().toHex());
}

GalleryStore::GalleryStore(const QString& folder)
    : m_folder(folder),
      m_connectionName(QStringLiteral("i4gallery-") + QUuid::createUuid().toString()) {}

GalleryStore::~GalleryStore() {
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isValid()) db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString GalleryStore::imagePath(const GalleryRecord& record) const {
    return QDir(m_folder).filePath(kImageFolder + QLatin1Char('/') + record.fileName);
}

bool GalleryStore::open(QString* error) {
    if (!QDir().mkpath(QDir(m_folder).filePath(kImageFolder))) {
        if (error) *error = QObject::tr("Cannot create the gallery folder %1").arg(m_folder);
        return false;
    }
    const QString dbPath = QDir(m_folder).filePath(kDatabaseName);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(dbPath);
    m_rebuilt = false;
    m_migrated = false;
    bool healthy = db.open() && indexIsHealthy();
    if (!healthy && db.isOpen() && isVersion1()) healthy = m_migrated = migrateFromVersion1();
    if (!healthy) {
        // A damaged or foreign file: start over from the PNGs.
        db.close();
        QFile::remove(dbPath);
        if (!db.open()) {
            if (error) *error = db.lastError().text();
            return false;
        }
        m_open = createSchema();
        if (m_open) {
            rebuildIndex();
            m_rebuilt = true;
        }
    } else {
        m_open = true;
        reconcileWithFolder();
    }
    if (!m_open && error) *error = db.lastError().text();
    return m_open;
}

// Note [interrupted saves]
// A save is a PNG written to a temporary file, renamed into place, then indexed. A crash, a
// kill -9 or a power cut can stop it between any two of those: a temporary file is left behind
// (never a partial PNG under its real name), or a complete PNG is not yet indexed. On open, the
// leftovers are removed and such PNGs indexed; index rows whose PNG has gone (deleted outside
// the app) are dropped. Reading the folder's names costs a few milliseconds for 10,000 images.
void GalleryStore::reconcileWithFolder() {
    const QDir images(QDir(m_folder).filePath(kImageFolder));
    // io::writeFileAtomically's temporary names: ".<name>.png.XXXXXX".
    for (const QString& leftover :
         images.entryList({QStringLiteral(".*.png.??????")}, QDir::Files | QDir::Hidden)) {
        QFile::remove(images.filePath(leftover));
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSet<QString> indexed;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT file FROM images"));
    while (q.next()) indexed.insert(q.value(0).toString());
    const QStringList files = images.entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
    const QSet<QString> present(files.begin(), files.end());
    db.transaction();
    for (const QString& file : indexed - present) {
        QSqlQuery drop(db);
        drop.prepare(QStringLiteral("DELETE FROM images WHERE file = ?"));
        drop.addBindValue(file);
        drop.exec();
    }
    for (const QString& file : files) {
        if (indexed.contains(file)) continue;
        const std::optional<ImageMetadata> metadata = readImageMetadata(images.filePath(file));
        if (!metadata) continue;
        GalleryRecord record;
        record.fileName = file;
        record.request = metadata->request;
        record.modelId = metadata->modelId;
        record.sourceSha256 = metadata->sourceSha256;
        record.created = metadata->created.isValid()
                             ? metadata->created
                             : QFileInfo(images.filePath(file)).lastModified();
        insert(record);
    }
    db.commit();
}

bool GalleryStore::indexIsHealthy() const {
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next() ||
        q.value(0).toString() != QLatin1String("ok")) {
        return false;
    }
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next() ||
        q.value(0).toInt() != kSchemaVersion) {
        return false;
    }
    return q.exec(QStringLiteral("SELECT %1 FROM images LIMIT 1").arg(kColumns));
}

bool GalleryStore::isVersion1() const {
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    return q.exec(QStringLiteral("PRAGMA quick_check")) && q.next() &&
           q.value(0).toString() == QLatin1String("ok") &&
           q.exec(QStringLiteral("PRAGMA user_version")) && q.next() && q.value(0).toInt() == 1 &&
           q.exec(QStringLiteral("SELECT %1 FROM images LIMIT 1").arg(kColumnsV1));
}

// Note [gallery lineage]
// An image made from another (vary subtly/strongly, image-to-image, inpainting) names its source
// by the sha256 of the source PNG's bytes (request.input.imageSha256, written into its own PNG);
// the index keeps every image's own sha256 beside it, so "made from" is a join on two columns and
// survives renames and re-imports. "Same caption, new seed" has no input image: the gallery says
// which image it expects such a result from (expectVariation), prepare() picks that up by seed and
// caption, and the PNG carries it as "variation_of" (Note [gallery PNG metadata]), so a rebuilt
// index finds it again.
//
// Hashing reads every byte of a PNG (about 4 ms for 1024x1024), so it happens where it costs
// nothing: a new image is hashed on the writer's thread; images indexed from the folder (a
// rebuild, an import, a migration) are indexed without one, and the gallery hashes them on a
// thread only when some image names a source that no hashed image matches (needsHashes()).
//
// Version 1 had neither column. It is migrated in place, in one transaction, so that what only
// the index knows (favourites) survives: the columns are added, the sources read from the
// stored requests.
bool GalleryStore::migrateFromVersion1() {
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    if (!db.transaction()) return false;
    QSqlQuery q(db);
    bool ok =
        q.exec(QStringLiteral("ALTER TABLE images ADD COLUMN sha256 TEXT NOT NULL DEFAULT ''")) &&
        q.exec(QStringLiteral(
            "ALTER TABLE images ADD COLUMN source_sha256 TEXT NOT NULL DEFAULT ''")) &&
        createIndexes();
    QVector<GalleryRecord> rows;
    if (ok && q.exec(QStringLiteral("SELECT %1 FROM images").arg(kColumns))) {
        while (q.next()) rows.push_back(readRecord(q));
    }
    for (const GalleryRecord& row : rows) {
        if (!ok) break;
        if (sourceOf(row.request).isEmpty()) continue;
        QSqlQuery update(db);
        update.prepare(QStringLiteral("UPDATE images SET source_sha256 = ? WHERE id = ?"));
        update.addBindValue(sourceOf(row.request));
        update.addBindValue(row.id);
        ok = update.exec();
    }
    ok = ok && q.exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion));
    if (!ok) {
        db.rollback();
        return false;
    }
    return db.commit();
}

bool GalleryStore::createIndexes() {
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    return q.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS images_created ON images(created)")) &&
           q.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS images_sha256 ON images(sha256)")) &&
           q.exec(
               QStringLiteral("CREATE INDEX IF NOT EXISTS images_source ON images(source_sha256)"));
}

bool GalleryStore::createSchema() {
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    return q.exec(QStringLiteral(
               "CREATE TABLE IF NOT EXISTS images ("
               "id INTEGER PRIMARY KEY AUTOINCREMENT, file TEXT NOT NULL UNIQUE, "
               "prompt TEXT NOT NULL, request TEXT NOT NULL, preset TEXT, size TEXT, "
               "model TEXT, created TEXT NOT NULL, favourite INTEGER NOT NULL DEFAULT 0, "
               "sha256 TEXT NOT NULL DEFAULT '', source_sha256 TEXT NOT NULL DEFAULT '')")) &&
           createIndexes() &&
           q.exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion));
}

bool GalleryStore::insert(GalleryRecord& record) {
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO images (file, prompt, request, preset, size, model, created, "
        "favourite, sha256, source_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (record.sourceSha256.isEmpty()) record.sourceSha256 = sourceOf(record.request);
    q.addBindValue(record.fileName);
    q.addBindValue(record.prompt());
    q.addBindValue(QString::fromStdString(record.request.toJson().dump()));
    q.addBindValue(QString::fromStdString(record.request.preset));
    q.addBindValue(record.sizeText());
    q.addBindValue(record.modelId);
    q.addBindValue(record.created.toString(Qt::ISODateWithMs));
    q.addBindValue(record.favourite ? 1 : 0);
    q.addBindValue(record.imageSha256);
    q.addBindValue(record.sourceSha256);
    if (!q.exec()) return false;
    record.id = q.lastInsertId().toLongLong();
    return true;
}

namespace {

QString expectationKey(const pipeline::GenerationRequest& request) {
    return QString::number(request.seed) + QLatin1Char('\n') +
           (request.prompts.empty() ? QString() : QString::fromStdString(request.prompts.front()));
}

}  // namespace

void GalleryStore::expectVariation(const pipeline::GenerationRequest& request,
                                   const QString& sourceSha256) {
    m_expected.insert(expectationKey(request), sourceSha256);
}

GalleryRecord GalleryStore::prepare(const pipeline::GenerationRequest& request,
                                    const QString& modelId) {
    GalleryRecord record;
    if (!request.input) record.sourceSha256 = m_expected.take(expectationKey(request));
    record.request = request;
    record.modelId = modelId;
    record.created = QDateTime::currentDateTime();
    record.fileName = QStringLiteral("%1-%2-%3.png")
                          .arg(record.created.toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")))
                          .arg(request.seed)
                          .arg(QUuid::createUuid().toString(QUuid::Id128).left(6));
    return record;
}

bool GalleryStore::writeImage(const GalleryRecord& record, const QImage& image,
                              QString* error) const {
    const ImageMetadata metadata{record.request, record.modelId, record.created,
                                 record.request.input ? QString() : record.sourceSha256};
    return writeImageWithMetadata(imagePath(record), image, metadata, error);
}

bool GalleryStore::index(GalleryRecord& record, QString* error) {
    if (!m_open) return false;
    if (insert(record)) return true;
    if (error) *error = QSqlDatabase::database(m_connectionName).lastError().text();
    return false;
}

bool GalleryStore::indexAll(QVector<GalleryRecord>& records, QString* error) {
    if (!m_open) return false;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    db.transaction();
    for (GalleryRecord& record : records) {
        if (!insert(record)) {
            if (error) *error = db.lastError().text();
            db.rollback();
            return false;
        }
    }
    return db.commit();
}

std::optional<GalleryRecord> GalleryStore::add(const QImage& image,
                                               const pipeline::GenerationRequest& request,
                                               const QString& modelId, QString* error) {
    if (!m_open) return std::nullopt;
    GalleryRecord record = prepare(request, modelId);
    if (!writeImage(record, image, error)) return std::nullopt;
    record.imageSha256 = fileSha256(imagePath(record));
    if (!index(record, error)) return std::nullopt;
    return record;
}

QVector<GalleryRecord> GalleryStore::query(const GalleryFilter& filter) const {
    QStringList where;
    QVariantList values;
    if (!filter.text.isEmpty()) {
        where << QStringLiteral("prompt LIKE ? ESCAPE '\\'");
        QString escaped = filter.text;
        escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
            .replace(QLatin1Char('%'), QLatin1String("\\%"))
            .replace(QLatin1Char('_'), QLatin1String("\\_"));
        values << QStringLiteral("%%1%").arg(escaped);
    }
    if (!filter.preset.isEmpty()) {
        where << QStringLiteral("preset = ?");
        values << filter.preset;
    }
    if (!filter.size.isEmpty()) {
        where << QStringLiteral("size = ?");
        values << filter.size;
    }
    if (!filter.modelId.isEmpty()) {
        where << QStringLiteral("model = ?");
        values << filter.modelId;
    }
    if (filter.maxAgeDays > 0) {
        where << QStringLiteral("created >= ?");
        values
            << QDateTime::currentDateTime().addDays(-filter.maxAgeDays).toString(Qt::ISODateWithMs);
    }
    if (filter.favouritesOnly) where << QStringLiteral("favourite = 1");
    if (!filter.lineageOf.isEmpty()) {
        where << QStringLiteral(
            "sha256 IN (WITH RECURSIVE lineage(sha) AS (SELECT ? UNION SELECT images.sha256 "
            "FROM images JOIN lineage ON images.source_sha256 = lineage.sha "
            "WHERE images.sha256 <> '') SELECT sha FROM lineage)");
        values << filter.lineageOf;
    }

    QString sql = QStringLiteral("SELECT %1 FROM images").arg(kColumns);
    if (!where.isEmpty()) sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY created DESC, id DESC");
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(sql);
    for (const QVariant& v : values) q.addBindValue(v);
    QVector<GalleryRecord> out;
    if (!q.exec()) return out;
    while (q.next()) out.push_back(readRecord(q));
    return out;
}

std::optional<GalleryRecord> GalleryStore::record(qint64 id) const {
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(QStringLiteral("SELECT %1 FROM images WHERE id = ?").arg(kColumns));
    q.addBindValue(id);
    if (!q.exec() || !q.next()) return std::nullopt;
    return readRecord(q);
}

std::optional<GalleryRecord> GalleryStore::recordBySha256(const QString& sha256) const {
    if (sha256.isEmpty()) return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(QStringLiteral("SELECT %1 FROM images WHERE sha256 = ? ORDER BY created, id LIMIT 1")
                  .arg(kColumns));
    q.addBindValue(sha256);
    if (!q.exec() || !q.next()) return std::nullopt;
    return readRecord(q);
}

QHash<QString, int> GalleryStore::variationCounts() const {
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    QHash<QString, int> counts;
    if (!q.exec(QStringLiteral("SELECT source_sha256, COUNT(*) FROM images "
                               "WHERE source_sha256 <> '' GROUP BY source_sha256"))) {
        return counts;
    }
    while (q.next()) counts.insert(q.value(0).toString(), q.value(1).toInt());
    return counts;
}

bool GalleryStore::needsHashes() const {
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    return q.exec(QStringLiteral(
               "SELECT EXISTS(SELECT 1 FROM images WHERE sha256 = '') AND EXISTS(SELECT 1 FROM "
               "images v WHERE v.source_sha256 <> '' AND NOT EXISTS(SELECT 1 FROM images s "
               "WHERE s.sha256 = v.source_sha256))")) &&
           q.next() && q.value(0).toBool();
}

QVector<QPair<qint64, QString>> GalleryStore::imagesWithoutHash() const {
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    QVector<QPair<qint64, QString>> out;
    if (!q.exec(QStringLiteral("SELECT %1 FROM images WHERE sha256 = ''").arg(kColumns)))
        return out;
    while (q.next()) {
        const GalleryRecord r = readRecord(q);
        out.push_back({r.id, imagePath(r)});
    }
    return out;
}

bool GalleryStore::setImageHashes(const QVector<QPair<qint64, QString>>& hashes) {
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    db.transaction();
    for (const auto& [id, sha] : hashes) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE images SET sha256 = ? WHERE id = ?"));
        q.addBindValue(sha);
        q.addBindValue(id);
        if (!q.exec()) {
            db.rollback();
            return false;
        }
    }
    return db.commit();
}

int GalleryStore::fillMissingHashes() {
    QVector<QPair<qint64, QString>> hashes = imagesWithoutHash();
    for (auto& entry : hashes) entry.second = fileSha256(entry.second);
    return setImageHashes(hashes) ? int(hashes.size()) : 0;
}

int GalleryStore::count() const {
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM images")) || !q.next()) return 0;
    return q.value(0).toInt();
}

int GalleryStore::exportTo(const QVector<qint64>& ids, const QString& folder, QStringList* written,
                           QString* error) const {
    if (!QDir().mkpath(folder)) {
        if (error) *error = QObject::tr("Cannot create the folder %1").arg(folder);
        return 0;
    }
    const QDir target(folder);
    int exported = 0;
    for (qint64 id : ids) {
        const std::optional<GalleryRecord> found = record(id);
        if (!found) continue;
        // Never overwrite: a second export of the same image gets a numbered name.
        const QString base = QFileInfo(found->fileName).completeBaseName();
        QString name = found->fileName;
        for (int suffix = 1; target.exists(name); ++suffix) {
            name = QStringLiteral("%1-%2.png").arg(base).arg(suffix);
        }
        if (!QFile::copy(imagePath(*found), target.filePath(name))) {
            if (error) *error = QObject::tr("Could not write %1.").arg(target.filePath(name));
            continue;
        }
        if (written) *written << target.filePath(name);
        ++exported;
    }
    return exported;
}

bool GalleryStore::setFavourite(qint64 id, bool favourite) {
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(QStringLiteral("UPDATE images SET favourite = ? WHERE id = ?"));
    q.addBindValue(favourite ? 1 : 0);
    q.addBindValue(id);
    return q.exec() && q.numRowsAffected() == 1;
}

bool GalleryStore::remove(qint64 id, QString* error) {
    const std::optional<GalleryRecord> found = record(id);
    if (!found) return false;
    const QString path = imagePath(*found);
    if (QFile::exists(path) && !QFile::moveToTrash(path) && !QFile::remove(path)) {
        if (error) *error = QObject::tr("Cannot delete %1").arg(path);
        return false;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    q.prepare(QStringLiteral("DELETE FROM images WHERE id = ?"));
    q.addBindValue(id);
    return q.exec();
}

int GalleryStore::rebuildIndex() {
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery q(db);
    q.exec(QStringLiteral("DELETE FROM images"));
    const QDir images(QDir(m_folder).filePath(kImageFolder));
    const QStringList files = images.entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
    int count = 0;
    db.transaction();
    for (const QString& file : files) {
        const std::optional<ImageMetadata> metadata = readImageMetadata(images.filePath(file));
        if (!metadata) continue;
        GalleryRecord record;
        record.fileName = file;
        record.request = metadata->request;
        record.modelId = metadata->modelId;
        record.sourceSha256 = metadata->sourceSha256;
        record.created = metadata->created.isValid()
                             ? metadata->created
                             : QFileInfo(images.filePath(file)).lastModified();
        if (insert(record)) ++count;
    }
    db.commit();
    return count;
}

int GalleryStore::importFolder(const QString& source, int* skipped, QString* error) {
    const QDir images(QDir(m_folder).filePath(kImageFolder));
    QVector<GalleryRecord> records;
    int ignored = 0;
    QDirIterator it(source, {QStringLiteral("*.png"), QStringLiteral("*.PNG")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const std::optional<ImageMetadata> metadata = readImageMetadata(path);
        if (!metadata) {
            ++ignored;
            continue;
        }
        // A new name in the gallery's scheme, so imports never overwrite an existing image.
        GalleryRecord record = prepare(metadata->request, metadata->modelId);
        record.sourceSha256 = metadata->sourceSha256;
        record.created =
            metadata->created.isValid() ? metadata->created : QFileInfo(path).lastModified();
        int suffix = 1;
        const QString base = QFileInfo(record.fileName).completeBaseName();
        while (images.exists(record.fileName)) {
            record.fileName = QStringLiteral("%1-%2.png").arg(base).arg(suffix++);
        }
        if (!QFile::copy(path, images.filePath(record.fileName))) {
            if (error) *error = QObject::tr("Cannot copy %1 into the gallery").arg(path);
            ++ignored;
            continue;
        }
        records.push_back(record);
    }
    if (skipped) *skipped = ignored;
    if (records.isEmpty()) return 0;
    if (!indexAll(records, error)) return 0;
    return static_cast<int>(records.size());
}

QStringList GalleryStore::distinctValues(const QString& column) const {
    static const QStringList allowed = {QStringLiteral("preset"), QStringLiteral("size"),
                                        QStringLiteral("model")};
    if (!allowed.contains(column)) return {};
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    QStringList out;
    if (!q.exec(QStringLiteral("SELECT DISTINCT %1 FROM images WHERE %1 <> '' ORDER BY %1")
                    .arg(column))) {
        return out;
    }
    while (q.next()) out << q.value(0).toString();
    return out;
}

}  // namespace i4::ui
