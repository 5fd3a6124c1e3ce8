#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "core/image/png_io.h"
#include "core/version.h"
#include "ui/gallery/gallery_store.h"
#include "ui/gallery/png_metadata.h"

using namespace i4::ui;

namespace {

i4::pipeline::GenerationRequest makeRequest(const QString& prompt, const std::string& preset,
                                            int width, uint64_t seed) {
    i4::pipeline::GenerationRequest r;
    r.prompts = {prompt.toStdString()};
    r.preset = preset;
    r.width = width;
    r.height = 512;
    r.seed = seed;
    r.steps = 16;
    r.guidanceSchedule = std::vector<float>(16, 5.5f);
    r.mu = 0.25;
    return r;
}

QImage makeImage(int width, QRgb color) {
    QImage image(width, 512, QImage::Format_RGB888);
    image.fill(color);
    return image;
}

}  // namespace

class TestGalleryStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void metadataRoundTrip();
    void writeAndReopen();
    void filters();
    void rebuildAfterDatabaseDeleted();
    void rebuildAfterDatabaseCorrupted();
    void removeMovesToTrash();
    void importFolderOfCliAndForeignImages();

private:
    void fill(GalleryStore& store);

    std::unique_ptr<QTemporaryDir> m_dir;
    QTemporaryDir m_home;
};

void TestGalleryStore::initTestCase() {
    // QFile::moveToTrash uses the XDG trash under the data home: keep it inside the test.
    qputenv("XDG_DATA_HOME", m_home.path().toUtf8());
}

void TestGalleryStore::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestGalleryStore::fill(GalleryStore& store) {
    QVERIFY(store.add(makeImage(256, qRgb(200, 10, 10)),
                      makeRequest("a red fox in snow", "V4_DEFAULT_20", 256, 1), "model-a"));
    QVERIFY(store.add(makeImage(512, qRgb(10, 200, 10)),
                      makeRequest("a green 50% SALE sign", "V4_TURBO_12", 512, 2), "model-a"));
    QVERIFY(store.add(makeImage(256, qRgb(10, 10, 200)),
                      makeRequest("a blue fox, 東京", "V4_TURBO_12", 256, 3), "model-b"));
}

void TestGalleryStore::metadataRoundTrip() {
    const QString path = m_dir->filePath("one.png");
    ImageMetadata written{makeRequest("{\"a\":1}", "V4_QUALITY_48", 256, 99), "model-x",
                          QDateTime::currentDateTime()};
    QVERIFY(writeImageWithMetadata(path, makeImage(256, qRgb(1, 2, 3)), written));
    const std::optional<ImageMetadata> read = readImageMetadata(path);
    QVERIFY(read);
    QVERIFY(read->request == written.request);
    QCOMPARE(read->modelId, written.modelId);
    QCOMPARE(read->created, written.created);
    QCOMPARE(QImage(path).pixel(5, 5), qRgb(1, 2, 3));
    // The document names its format and the app that wrote it, as the CLI's does.
    const i4::image::PngFile file = i4::image::readPng(path.toStdString());
    QVERIFY(file.metadata.document);
    QCOMPARE(file.metadata.document->value("format", std::string()), std::string("i4studio-image"));
    QCOMPARE(file.metadata.document->at("app").value("version", std::string()), std::string(i4::kVersion));
}

void TestGalleryStore::writeAndReopen() {
    QVector<GalleryRecord> before;
    {
        GalleryStore store(m_dir->path());
        QVERIFY(store.open());
        QVERIFY(store.rebuiltOnOpen());  // first open: nothing to keep
        fill(store);
        before = store.query();
        QCOMPARE(before.size(), 3);
        QVERIFY(store.setFavourite(before[1].id, true));
    }
    GalleryStore reopened(m_dir->path());
    QVERIFY(reopened.open());
    QVERIFY(!reopened.rebuiltOnOpen());
    const QVector<GalleryRecord> after = reopened.query();
    QCOMPARE(after.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(after[i].fileName, before[i].fileName);
        QVERIFY(after[i].request == before[i].request);
        QVERIFY(QFile::exists(reopened.imagePath(after[i])));
    }
    // Newest first.
    QCOMPARE(after[0].request.seed, uint64_t(3));
    QVERIFY(after[1].favourite);
}

void TestGalleryStore::filters() {
    GalleryStore store(m_dir->path());
    QVERIFY(store.open());
    fill(store);
    GalleryFilter f;
    f.text = QStringLiteral("fox");
    QCOMPARE(store.query(f).size(), 2);
    f.text = QStringLiteral("50%");  // LIKE wildcards are matched literally
    QCOMPARE(store.query(f).size(), 1);
    f.text = QStringLiteral("東京");
    QCOMPARE(store.query(f).size(), 1);
    f = {};
    f.preset = QStringLiteral("V4_TURBO_12");
    QCOMPARE(store.query(f).size(), 2);
    f.size = QStringLiteral("256x512");
    QCOMPARE(store.query(f).size(), 1);
    f = {};
    f.modelId = QStringLiteral("model-a");
    QCOMPARE(store.query(f).size(), 2);
    f = {};
    f.maxAgeDays = 1;
    QCOMPARE(store.query(f).size(), 3);
    f.favouritesOnly = true;
    QCOMPARE(store.query(f).size(), 0);
    QCOMPARE(store.distinctValues("preset"), (QStringList{"V4_DEFAULT_20", "V4_TURBO_12"}));
    QCOMPARE(store.distinctValues("size"), (QStringList{"256x512", "512x512"}));
    QVERIFY(store.distinctValues("request; DROP TABLE images").isEmpty());
}

void TestGalleryStore::rebuildAfterDatabaseDeleted() {
    QVector<GalleryRecord> before;
    {
        GalleryStore store(m_dir->path());
        QVERIFY(store.open());
        fill(store);
        before = store.query();
    }
    QVERIFY(QFile::remove(m_dir->filePath("gallery.sqlite3")));
    GalleryStore rebuilt(m_dir->path());
    QVERIFY(rebuilt.open());
    QVERIFY(rebuilt.rebuiltOnOpen());
    const QVector<GalleryRecord> after = rebuilt.query();
    QCOMPARE(after.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(after[i].fileName, before[i].fileName);
        QVERIFY(after[i].request == before[i].request);
        QCOMPARE(after[i].modelId, before[i].modelId);
        QCOMPARE(after[i].created, before[i].created);
    }
}

void TestGalleryStore::rebuildAfterDatabaseCorrupted() {
    {
        GalleryStore store(m_dir->path());
        QVERIFY(store.open());
        fill(store);
    }
    QFile db(m_dir->filePath("gallery.sqlite3"));
    QVERIFY(db.open(QIODevice::WriteOnly | QIODevice::Truncate));
    db.write(QByteArray(4096, 'x'));
    db.close();
    // A foreign PNG without our metadata is skipped, not indexed.
    QVERIFY(makeImage(256, qRgb(0, 0, 0)).save(m_dir->filePath("images/foreign.png")));
    GalleryStore rebuilt(m_dir->path());
    QVERIFY(rebuilt.open());
    QVERIFY(rebuilt.rebuiltOnOpen());
    QCOMPARE(rebuilt.query().size(), 3);
}

void TestGalleryStore::removeMovesToTrash() {
    GalleryStore store(m_dir->path());
    QVERIFY(store.open());
    fill(store);
    const GalleryRecord victim = store.query().first();
    const QString path = store.imagePath(victim);
    QVERIFY(QFile::exists(path));
    QString error;
    QVERIFY2(store.remove(victim.id, &error), qPrintable(error));
    QVERIFY(!QFile::exists(path));
    QCOMPARE(store.query().size(), 2);
    QVERIFY(!store.record(victim.id));
}

QTEST_GUILESS_MAIN(TestGalleryStore)
void TestGalleryStore::importFolderOfCliAndForeignImages() {
    QTemporaryDir source;
    QVERIFY(source.isValid());
    QVERIFY(QDir(source.path()).mkpath("nested"));
    // As `i4 generate` writes it (core/pipeline/image_output.cpp): the model is an object.
    const auto cliRequest = makeRequest("a fox made on the command line", "V4_TURBO_12", 256, 7);
    i4::image::PngMetadata cli;
    cli.document = nlohmann::json{
        {"format", "i4studio-image"},
        {"request", cliRequest.toJson()},
        {"model", {{"folder", "ideogram-4-fp8"}, {"fingerprint", "ideogram-4-fp8:0123456789abcdef"}}},
        {"created", "2026-11-20T10:00:00Z"}};
    i4::pipeline::RgbImage pixels{256, 512, std::vector<uint8_t>(256 * 512 * 3, 100)};
    i4::image::writePng(source.filePath("nested/cli.png").toStdString(), pixels, cli);
    // Made by the app.
    ImageMetadata app{makeRequest("a fox made in the app", "V4_DEFAULT_20", 256, 8), "model-a",
                      QDateTime::currentDateTime()};
    QVERIFY(writeImageWithMetadata(source.filePath("app.png"), makeImage(256, qRgb(9, 9, 9)), app));
    // Not ours: a plain PNG and a broken file.
    QVERIFY(makeImage(256, qRgb(1, 1, 1)).save(source.filePath("plain.png")));
    QFile broken(source.filePath("broken.png"));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("\x89PNG not really");
    broken.close();

    GalleryStore store(m_dir->path());
    QVERIFY(store.open());
    fill(store);
    int skipped = -1;
    QString error;
    QCOMPARE(store.importFolder(source.path(), &skipped, &error), 2);
    QCOMPARE(skipped, 2);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QVector<GalleryRecord> all = store.query();
    QCOMPARE(all.size(), 5);
    bool sawCli = false;
    for (const GalleryRecord& record : all) {
        if (record.request == cliRequest) {
            sawCli = true;
            QCOMPARE(record.modelId, QStringLiteral("ideogram-4-fp8 (0123456789ab)"));
            QCOMPARE(record.created.toUTC().date(), QDate(2026, 11, 20));
            QVERIFY(QFile::exists(store.imagePath(record)));
        }
    }
    QVERIFY(sawCli);
    // The originals are untouched and a second import adds copies, never overwrites.
    QVERIFY(QFile::exists(source.filePath("nested/cli.png")));
    QCOMPARE(store.importFolder(source.path()), 2);
    QCOMPARE(store.query().size(), 7);
}

#include "test_gallery_store.moc"
