// Variations end to end on the shipped demo model (label demo): the gallery's "Vary subtly /
// strongly" and "Same caption, new seed" queue real image-to-image jobs through the window, the
// results keep to their source as much as their strength says, and they are grouped with it.
// With $I4_SCREENSHOT_DIR set: gallery-variations.png (the set in the gallery, lineage shown)
// and gallery-compare.png (the side-by-side view of the set).
#include <QAction>
#include <QListView>
#include <QSplitter>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "ui/compare/compare_view.h"
#include "ui/engine/engine_loader.h"
#include "ui/gallery/gallery_model.h"
#include "ui/gallery/gallery_panel.h"
#include "ui/gallery/gallery_store.h"
#include "ui/gallery/gallery_writer.h"
#include "ui/generation/generation_controller.h"
#include "ui/main_window.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/translations.h"
#include "ui/widgets/caption_editor.h"

#ifndef I4_DEMO_MODEL_DIR
#error "I4_DEMO_MODEL_DIR must name resources/models/demo"
#endif

using namespace i4::ui;

namespace {

// Mean absolute difference per channel, 0..255.
double meanDifference(const QImage& a, const QImage& b) {
    const QImage x = a.convertToFormat(QImage::Format_RGB888);
    const QImage y = b.convertToFormat(QImage::Format_RGB888);
    if (x.size() != y.size()) return 255.0;
    double sum = 0;
    for (int row = 0; row < x.height(); ++row) {
        const uchar* p = x.constScanLine(row);
        const uchar* q = y.constScanLine(row);
        for (int i = 0; i < x.width() * 3; ++i) sum += std::abs(int(p[i]) - int(q[i]));
    }
    return sum / (double(x.width()) * x.height() * 3);
}

}  // namespace

class TestGalleryDemo : public QObject {
    Q_OBJECT

private slots:
    void variationsOfARealImage();
};

void TestGalleryDemo::variationsOfARealImage() {
    if (!engineAvailable()) QSKIP("this build has no inference engine");
    QTemporaryDir dir;
    AppSettings settings(dir.filePath("settings.ini"));
    settings.setGalleryFolder(dir.filePath("gallery"));
    settings.setModelFolders({QStringLiteral(I4_DEMO_MODEL_DIR)});
    settings.setActiveModelFolder(QStringLiteral(I4_DEMO_MODEL_DIR));
    settings.setDevice(QStringLiteral("cpu"));
    MainWindow window(&settings);
    window.resize(1360, 860);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    GenerationController* controller = window.controller();
    QSignalSpy loaded(controller, &GenerationController::modelLoaded);
    QSignalSpy failed(controller, &GenerationController::modelLoadFailed);
    QSignalSpy jobFailed(controller, &GenerationController::jobFailed);
    window.loadActiveModel();
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() + failed.count() == 1, 120000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed[0][0].toString()));
    QVERIFY(!window.captionEditor()->isBlank());  // the demo's example caption

    QSignalSpy saved(window.galleryWriter(), &GalleryWriter::saved);
    window.generate();
    QTRY_VERIFY_WITH_TIMEOUT(saved.count() == 1 || !jobFailed.isEmpty(), 120000);
    QVERIFY2(jobFailed.isEmpty(),
             qPrintable(jobFailed.isEmpty() ? QString() : jobFailed[0][1].toString()));
    const GalleryRecord source = saved[0][0].value<GalleryRecord>();
    GalleryStore* store = window.galleryStore();
    const QImage sourceImage(store->imagePath(source));
    QVERIFY(!sourceImage.isNull());

    GalleryPanel* panel = window.galleryPanel();
    window.showGallery();
    QVERIFY(panel->selectRecord(source.id));
    panel->action("varySubtle")->trigger();
    panel->action("varyStrong")->trigger();
    panel->action("varySeed")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(saved.count() == 4 || !jobFailed.isEmpty(), 180000);
    QVERIFY2(jobFailed.isEmpty(),
             qPrintable(jobFailed.isEmpty() ? QString() : jobFailed[0][1].toString()));

    GalleryRecord subtle, strong, newSeed;
    for (int i = 1; i < 4; ++i) {
        const GalleryRecord r = *store->record(saved[i][0].value<GalleryRecord>().id);
        QCOMPARE(r.sourceSha256, source.imageSha256);
        if (!r.request.input)
            newSeed = r;
        else if (r.request.input->strength == i4::pipeline::kVarySubtleStrength)
            subtle = r;
        else
            strong = r;
    }
    QVERIFY(subtle.id && strong.id && newSeed.id);
    const double dSubtle = meanDifference(sourceImage, QImage(store->imagePath(subtle)));
    const double dStrong = meanDifference(sourceImage, QImage(store->imagePath(strong)));
    const double dSeed = meanDifference(sourceImage, QImage(store->imagePath(newSeed)));
    qInfo(
        "mean |variation - source| per channel: subtle (%.2f) %.2f, strong (%.2f) %.2f, "
        "new seed %.2f",
        i4::pipeline::kVarySubtleStrength, dSubtle, i4::pipeline::kVaryStrongStrength, dStrong,
        dSeed);
    // The strength is what the user asked for: a subtle variation stays nearer the source than a
    // strong one, and both nearer than a picture from a new seed.
    QVERIFY(dSubtle > 0.0);
    QVERIFY(dSubtle < dStrong);
    QVERIFY(dSubtle < dSeed);

    // Grouped: the source, then its three variations.
    GalleryModel* model = panel->model();
    QCOMPARE(model->rowOfId(source.id), 0);
    QCOMPARE(model->index(0).data(GalleryModel::VariationCountRole).toInt(), 3);
    for (int row = 1; row <= 3; ++row)
        QCOMPARE(model->index(row).data(GalleryModel::DepthRole).toInt(), 1);

    const QString shots = qEnvironmentVariable("I4_SCREENSHOT_DIR");
    if (shots.isEmpty()) return;
    installTranslators(qApp, QStringLiteral("en"));  // English plural forms, as the app loads them
    // A second generation and a variation of a variation, so the picture shows more than one
    // group and two levels.
    QVERIFY(panel->selectRecord(subtle.id));
    panel->action("varySubtle")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(saved.count() == 5, 120000);
    window.generate();
    QTRY_VERIFY_WITH_TIMEOUT(saved.count() == 6, 120000);
    window.showGallery();
    QVERIFY(panel->selectRecord(subtle.id));
    QTest::qWait(1500);  // thumbnails decode on a thread
    QVERIFY(window.grab().save(QDir(shots).filePath("gallery-variations.png")));

    // Side by side: the source and its three variations, zoomed in together.
    panel->view()->clearSelection();
    for (qint64 id : {source.id, subtle.id, strong.id, newSeed.id}) {
        panel->view()->selectionModel()->select(model->index(model->rowOfId(id)),
                                                QItemSelectionModel::Select);
    }
    panel->action("compare")->trigger();
    CompareView* compare = panel->compareView();
    QVERIFY(compare);
    compare->resize(1280, 960);
    QVERIFY(QTest::qWaitForWindowExposed(compare));
    ZoomImageView* first = compare->views().front();
    first->zoomBy(1.6, QPointF(first->width() * 0.45, first->height() * 0.5));
    QTest::qWait(300);
    QVERIFY(compare->grab().save(QDir(shots).filePath("gallery-compare.png")));
}

QTEST_MAIN(TestGalleryDemo)
#include "test_gallery_demo.moc"
