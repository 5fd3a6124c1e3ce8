// Issue 26 part 2: variations from a gallery image, queued as real jobs, grouped with their
// source; and the index's move to lineage columns, keeping an existing gallery (favourites).
#include <QAction>
#include <QLabel>
#include <QListView>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/ui/fake_engine.h"
#include "ui/gallery/gallery_model.h"
#include "ui/gallery/gallery_panel.h"
#include "ui/gallery/gallery_store.h"
#include "ui/gallery/gallery_writer.h"
#include "ui/gallery/png_metadata.h"
#include "ui/gallery/variations.h"
#include "ui/generation/generation_controller.h"
#include "ui/generation/job_queue_model.h"
#include "ui/main_window.h"
#include "ui/settings/app_settings.h"

using namespace i4::ui;

namespace {

const QString kSha =
    QStringLiteral("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");

i4::pipeline::GenerationRequest makeRequest(const std::string& description, uint64_t seed) {
    i4::pipeline::GenerationRequest r;
    r.prompts = {R"({"high_level_description":")" + description +
                 R"(","compositional_deconstruction":{"background":"sand","elements":[]}})"};
    r.width = 128;
    r.height = 128;
    r.preset = "V4_TURBO_12";
    r.steps = 3;
    r.seed = seed;
    r.uncheckedSize = true;
    return r;
}

QImage makeImage(QRgb colour) {
    QImage image(128, 128, QImage::Format_RGB888);
    image.fill(colour);
    return image;
}

QVector<GalleryRecord> rowsOf(GalleryModel* model) {
    QVector<GalleryRecord> out;
    for (int row = 0; row < model->rowCount(); ++row) {
        out << model->index(row).data(GalleryModel::RecordRole).value<GalleryRecord>();
    }
    return out;
}

}  // namespace

class TestGalleryLineage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void variationRequests();
    void variationsQueueAndGroupWithTheirSource();
    void lineageSurvivesAnIndexRebuild();
    void newSeedLineageIsInThePng();
    void version1IndexMigratesKeepingFavourites();

private:
    QTemporaryDir m_home;
};

void TestGalleryLineage::initTestCase() {
    qputenv("XDG_DATA_HOME", m_home.filePath("data").toUtf8());
}

void TestGalleryLineage::variationRequests() {
    GalleryRecord source;
    source.request = makeRequest("a red circle", 7);
    source.request.prompts.push_back("second prompt of the batch");
    source.request.batch = 4;
    const auto subtle = variationRequest(source, "/g/a.png", kSha, VariationKind::Subtle, 99);
    QCOMPARE(subtle.seed, uint64_t(99));
    QCOMPARE(subtle.batch, 1);
    QCOMPARE(subtle.prompts.size(), size_t(1));
    QVERIFY(subtle.input);
    QCOMPARE(subtle.input->strength, i4::pipeline::kVarySubtleStrength);
    QCOMPARE(subtle.input->image, std::string("/g/a.png"));
    QCOMPARE(subtle.input->imageSha256, std::string(kSha.toStdString()));
    QVERIFY(!subtle.input->hasMask());
    QCOMPARE(subtle.preset, source.request.preset);
    QVERIFY(subtle.steps == source.request.steps);
    const auto strong = variationRequest(source, "/g/a.png", kSha, VariationKind::Strong, 99);
    QCOMPARE(strong.input->strength, i4::pipeline::kVaryStrongStrength);
    QVERIFY(strong.input->strength > subtle.input->strength);
    const auto seed = variationRequest(source, "/g/a.png", kSha, VariationKind::NewSeed, 99);
    QVERIFY(!seed.input);
    QCOMPARE(seed.seed, uint64_t(99));
    // The round trip through JSON (the PNG's metadata) keeps the input.
    QVERIFY(i4::pipeline::GenerationRequest::fromJson(subtle.toJson()) == subtle);
    for (int i = 0; i < 100; ++i) QVERIFY(freshSeed(7) != 7);
}

void TestGalleryLineage::variationsQueueAndGroupWithTheirSource() {
    QTemporaryDir dir;
    AppSettings settings(dir.filePath("settings.ini"));
    settings.setGalleryFolder(dir.filePath("gallery"));
    auto engine = std::make_unique<test::FakeEngine>();
    engine->steps = 3;
    engine->stepTime = std::chrono::milliseconds(1);
    MainWindow window(&settings, std::move(engine));
    GalleryStore* store = window.galleryStore();
    // The source and an unrelated image made after it.
    const auto source =
        store->add(makeImage(qRgb(200, 0, 0)), makeRequest("a red circle", 7), "fake-model");
    QVERIFY(source);
    QTest::qWait(5);
    QVERIFY(store->add(makeImage(qRgb(0, 0, 200)), makeRequest("a blue square", 8), "fake-model"));
    QCOMPARE(source->imageSha256, fileSha256(store->imagePath(*source)));
    GalleryPanel* panel = window.galleryPanel();
    panel->reload();
    window.showGallery();
    window.resize(1300, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(panel->selectRecord(source->id));
    QVERIFY(!panel->action("showSource")->isEnabled());

    // Three variations through the window's real queue and writer.
    QSignalSpy queued(window.controller()->queue(), &QAbstractItemModel::rowsInserted);
    QSignalSpy saved(window.galleryWriter(), &GalleryWriter::saved);
    panel->action("varySubtle")->trigger();
    panel->action("varyStrong")->trigger();
    panel->action("varySeed")->trigger();
    QVERIFY(queued.count() >= 1);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 3, 15000);
    QCOMPARE(store->count(), 5);

    QVector<GalleryRecord> variations;
    for (const GalleryRecord& r : store->query()) {
        if (r.sourceSha256 == source->imageSha256) variations << r;
    }
    QCOMPARE(variations.size(), 3);
    QSet<double> strengths;
    for (const GalleryRecord& r : variations) {
        QVERIFY(r.request.seed != source->request.seed);
        QCOMPARE(r.request.prompts, source->request.prompts);
        QVERIFY(!r.imageSha256.isEmpty());
        if (r.request.input) {
            strengths.insert(r.request.input->strength);
            QCOMPARE(QString::fromStdString(r.request.input->image), store->imagePath(*source));
            // Written into the PNG: the file alone says what it was made from.
            const auto metadata = readImageMetadata(store->imagePath(r));
            QVERIFY(metadata && metadata->request.input);
            QCOMPARE(QString::fromStdString(metadata->request.input->imageSha256),
                     source->imageSha256);
        }
    }
    QCOMPARE(strengths,
             (QSet<double>{i4::pipeline::kVarySubtleStrength, i4::pipeline::kVaryStrongStrength}));

    // Grouped: the source first, then its three variations (oldest first), then the rest; the
    // group sits where its newest member would (at the top).
    GalleryModel* model = panel->model();
    const QVector<GalleryRecord> rows = rowsOf(model);
    QCOMPARE(rows.size(), 5);
    QCOMPARE(rows[0].id, source->id);
    for (int row = 1; row <= 3; ++row) {
        QCOMPARE(rows[row].sourceSha256, source->imageSha256);
        QCOMPARE(model->index(row).data(GalleryModel::DepthRole).toInt(), 1);
        QCOMPARE(model->index(row).data(GalleryModel::GroupRole).toInt(),
                 model->index(0).data(GalleryModel::GroupRole).toInt());
    }
    QVERIFY(rows[1].created <= rows[2].created && rows[2].created <= rows[3].created);
    QVERIFY(model->index(0).data(GalleryModel::GroupRole).toInt() > 0);
    QCOMPARE(model->index(4).data(GalleryModel::GroupRole).toInt(), 0);
    QCOMPARE(model->index(0).data(GalleryModel::VariationCountRole).toInt(), 3);
    QVERIFY(model->index(2).data(GalleryModel::HasSourceRole).toBool());
    // Ungrouped: newest first, the source below its variations.
    model->setGroupVariations(false);
    QCOMPARE(rowsOf(model).last().id, source->id);
    model->setGroupVariations(true);

    // Follow the lineage: from a variation to its source, and back to the set.
    QVERIFY(panel->selectRecord(rows[2].id));
    QVERIFY(panel->action("showSource")->isEnabled());
    QVERIFY(panel->showSource());
    QCOMPARE(panel->view()->currentIndex().data(GalleryModel::RecordIdRole).toLongLong(),
             source->id);
    QVERIFY(panel->action("showVariations")->isEnabled());
    panel->action("showVariations")->trigger();
    QCOMPARE(model->rowCount(), 4);
    QVERIFY(panel->lineageBanner()->isVisible());
    QVERIFY2(panel->lineageBanner()->text().contains(QLatin1String("3 image")),
             qPrintable(panel->lineageBanner()->text()));
    // A variation of a variation belongs to the same set, one level deeper.
    QVERIFY(panel->selectRecord(rows[1].id));
    panel->action("varySubtle")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 4, 15000);
    QCOMPARE(model->rowCount(), 5);
    bool deeper = false;
    for (int row = 0; row < model->rowCount(); ++row)
        deeper = deeper || model->index(row).data(GalleryModel::DepthRole).toInt() == 2;
    QVERIFY(deeper);
    panel->showAll();
    QVERIFY(panel->lineageBanner()->isHidden());
    QCOMPARE(model->rowCount(), 6);
}

void TestGalleryLineage::lineageSurvivesAnIndexRebuild() {
    QTemporaryDir dir;
    GalleryRecord source, variation;
    {
        GalleryStore store(dir.path());
        QVERIFY(store.open());
        source = *store.add(makeImage(qRgb(10, 200, 10)), makeRequest("a green ring", 3), "m");
        const auto request = variationRequest(source, store.imagePath(source), source.imageSha256,
                                              VariationKind::Strong, 4);
        variation = *store.add(makeImage(qRgb(10, 100, 10)), request, "m");
        QCOMPARE(variation.sourceSha256, source.imageSha256);
    }
    QVERIFY(QFile::remove(QDir(dir.path()).filePath("gallery.sqlite3")));
    GalleryStore store(dir.path());
    QVERIFY(store.open());
    QVERIFY(store.rebuiltOnOpen());
    // Rebuilt from the PNGs: the source link is in the variation's own metadata; the hashes are
    // computed when they are needed.
    QVERIFY(store.needsHashes());
    QCOMPARE(store.fillMissingHashes(), 2);
    QVERIFY(!store.needsHashes());
    GalleryRecord rebuilt;
    for (const GalleryRecord& r : store.query()) {
        if (r.request.seed == 4) rebuilt = r;
    }
    QCOMPARE(rebuilt.sourceSha256, source.imageSha256);
    const auto found = store.recordBySha256(rebuilt.sourceSha256);
    QVERIFY(found);
    QCOMPARE(found->fileName, source.fileName);
    GalleryFilter lineage;
    lineage.lineageOf = source.imageSha256;
    QCOMPARE(store.query(lineage).size(), 2);
}

// "Same caption, new seed" has no input image in its request: the link travels in the PNG's own
// document ("variation_of"), so it too survives a rebuild of the index.
void TestGalleryLineage::newSeedLineageIsInThePng() {
    QTemporaryDir dir;
    GalleryRecord source, variation, unrelated;
    {
        GalleryStore store(dir.path());
        QVERIFY(store.open());
        source = *store.add(makeImage(qRgb(200, 10, 200)), makeRequest("a purple ring", 3), "m");
        const auto request = variationRequest(source, store.imagePath(source), source.imageSha256,
                                              VariationKind::NewSeed, 77);
        QVERIFY(!request.input);
        store.expectVariation(request, source.imageSha256);
        variation = *store.add(makeImage(qRgb(190, 20, 190)), request, "m");
        QCOMPARE(variation.sourceSha256, source.imageSha256);
        // The expectation is used once: the same request again is a picture of its own.
        unrelated = *store.add(makeImage(qRgb(180, 30, 180)), request, "m");
        QVERIFY(unrelated.sourceSha256.isEmpty());
        const auto metadata = readImageMetadata(store.imagePath(variation));
        QVERIFY(metadata);
        QCOMPARE(metadata->sourceSha256, source.imageSha256);
        QVERIFY(readImageMetadata(store.imagePath(unrelated))->sourceSha256.isEmpty());
    }
    QVERIFY(QFile::remove(QDir(dir.path()).filePath("gallery.sqlite3")));
    GalleryStore store(dir.path());
    QVERIFY(store.open());
    QVERIFY(store.rebuiltOnOpen());
    QCOMPARE(store.fillMissingHashes(), 3);
    GalleryFilter lineage;
    lineage.lineageOf = source.imageSha256;
    const QVector<GalleryRecord> set = store.query(lineage);
    QCOMPARE(set.size(), 2);
    QSet<QString> files;
    for (const GalleryRecord& r : set) files.insert(r.fileName);
    QCOMPARE(files, (QSet<QString>{source.fileName, variation.fileName}));
}

void TestGalleryLineage::version1IndexMigratesKeepingFavourites() {
    QTemporaryDir dir;
    GalleryRecord source, variation, plain;
    {
        GalleryStore store(dir.path());
        QVERIFY(store.open());
        source = *store.add(makeImage(qRgb(200, 200, 10)), makeRequest("a yellow star", 1), "m");
        variation = *store.add(makeImage(qRgb(200, 100, 10)),
                               variationRequest(source, store.imagePath(source), source.imageSha256,
                                                VariationKind::Subtle, 2),
                               "m");
        plain = *store.add(makeImage(qRgb(20, 100, 200)), makeRequest("a blue ring", 5), "m");
    }
    // Turn the index into what version 1 wrote: the same table without the lineage columns,
    // user_version 1, and a favourite that only the index knows.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "v1");
        db.setDatabaseName(QDir(dir.path()).filePath("gallery.sqlite3"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(
            "CREATE TABLE old AS SELECT id, file, prompt, request, preset, size, model, created, "
            "favourite FROM images"));
        QVERIFY(q.exec("DROP TABLE images"));
        QVERIFY(q.exec(
            "CREATE TABLE images (id INTEGER PRIMARY KEY AUTOINCREMENT, file TEXT NOT NULL UNIQUE, "
            "prompt TEXT NOT NULL, request TEXT NOT NULL, preset TEXT, size TEXT, model TEXT, "
            "created TEXT NOT NULL, favourite INTEGER NOT NULL DEFAULT 0)"));
        QVERIFY(q.exec("INSERT INTO images SELECT * FROM old"));
        QVERIFY(q.exec("DROP TABLE old"));
        QVERIFY(q.exec("CREATE INDEX images_created ON images(created)"));
        QVERIFY(
            q.exec(QStringLiteral("UPDATE images SET favourite = 1 WHERE id = %1").arg(plain.id)));
        QVERIFY(q.exec("PRAGMA user_version = 1"));
        q.clear();
        db.close();
    }
    QSqlDatabase::removeDatabase("v1");
    GalleryStore store(dir.path());
    QVERIFY(store.open());
    QVERIFY(store.migratedOnOpen());
    QVERIFY(!store.rebuiltOnOpen());
    QCOMPARE(store.count(), 3);
    QVERIFY(store.record(plain.id)->favourite);  // a rebuild would have lost it
    QCOMPARE(store.record(variation.id)->sourceSha256, source.imageSha256);
    QVERIFY(store.record(source.id)->imageSha256.isEmpty());
    // Opening the gallery fills the hashes on a thread; then the set is whole.
    GalleryPanel panel(&store);
    QTRY_VERIFY_WITH_TIMEOUT(!store.record(source.id)->imageSha256.isEmpty(), 5000);
    QCOMPARE(store.record(source.id)->imageSha256, source.imageSha256);
    GalleryModel* model = panel.model();
    QTRY_COMPARE(
        model->index(model->rowOfId(source.id)).data(GalleryModel::VariationCountRole).toInt(), 1);
    // Grouped: the newest image alone, then the source with its variation after it.
    QCOMPARE(model->rowOfId(plain.id), 0);
    QCOMPARE(model->rowOfId(source.id), 1);
    QCOMPARE(model->rowOfId(variation.id), 2);
    // And it stays migrated: the next open is an ordinary one.
    GalleryStore again(dir.path());
    QVERIFY(again.open());
    QVERIFY(!again.migratedOnOpen());
    QVERIFY(!again.rebuiltOnOpen());
    QVERIFY(again.record(plain.id)->favourite);
}

QTEST_MAIN(TestGalleryLineage)
#include "test_gallery_lineage.moc"
