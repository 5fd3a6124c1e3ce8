// Issue 25: a gallery save that fails (a full disk, a folder gone) loses nothing. The message says
// what happened and how to keep the picture; the picture stays shown and File › Save image as
// writes it elsewhere with its request; the gallery keeps what it had and saves again once it
// can. (tests/app/fault_safety.sh disk-full does the same with a real full disk and processes.)
#include <QDir>
#include <QFile>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/ui/fake_engine.h"
#include "ui/gallery/gallery_store.h"
#include "ui/gallery/gallery_writer.h"
#include "ui/gallery/png_metadata.h"
#include "ui/generation/generation_controller.h"
#include "ui/main_window.h"
#include "ui/settings/app_settings.h"
#include "ui/widgets/caption_editor.h"
#include "ui/widgets/generation_panel.h"
#include "ui/widgets/preview_view.h"

using namespace i4::ui;

class TestGallerySaveFailure : public QObject {
    Q_OBJECT

private slots:
    void failedSaveKeepsTheImageSavableElsewhere();
};

void TestGallerySaveFailure::failedSaveKeepsTheImageSavableElsewhere() {
    QTemporaryDir dir;
    AppSettings settings(dir.filePath("settings.ini"));
    const QString gallery = dir.filePath("gallery");
    settings.setGalleryFolder(gallery);
    auto engine = std::make_unique<test::FakeEngine>();
    engine->steps = 2;
    engine->stepTime = std::chrono::milliseconds(1);
    MainWindow window(&settings, std::move(engine));
    window.setQuestionHandler([](const QString&, const QString&) { return true; });
    window.captionEditor()->setPromptText(QStringLiteral("A lighthouse at dusk"));
    window.generationPanel()->setSeedMode(GenerationPanel::SeedMode::Locked);
    window.generationPanel()->setSeed(4242);
    QSignalSpy saved(window.galleryWriter(), &GalleryWriter::saved);
    QSignalSpy failed(window.galleryWriter(), &GalleryWriter::failed);

    // One image saved while all is well.
    window.generate();
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
    QCOMPARE(window.galleryStore()->count(), 1);

    // The images folder becomes a file: every write fails (as root too, unlike permissions).
    const QString images = QDir(gallery).filePath(QStringLiteral("images"));
    const QString aside = dir.filePath("images-aside");
    QVERIFY(QDir().rename(images, aside));
    {
        QFile blocker(images);
        QVERIFY(blocker.open(QIODevice::WriteOnly));
    }
    window.generationPanel()->setSeed(4343);
    window.generate();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
    QCOMPARE(saved.count(), 1);
    const QString message = window.statusBar()->currentMessage();
    QVERIFY2(message.contains(QStringLiteral("Could not save the image")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("Save image as")), qPrintable(message));

    // The picture is still the one shown, and Save image as keeps it with its request.
    QVERIFY(!window.previewView()->image().isNull());
    const QString elsewhere = dir.filePath("kept-elsewhere.png");
    QString error;
    QVERIFY2(window.saveImageFile(elsewhere, &error), qPrintable(error));
    const auto metadata = readImageMetadata(elsewhere);
    QVERIFY(metadata.has_value());
    QCOMPARE(metadata->request.seed, uint64_t(4343));
    QCOMPARE(QImage(elsewhere), window.previewView()->image().convertToFormat(QImage(elsewhere).format()));

    // The gallery lost nothing, and saves again once its folder is back.
    QCOMPARE(window.galleryStore()->count(), 1);
    QVERIFY(QFile::remove(images));
    QVERIFY(QDir().rename(aside, images));
    window.generationPanel()->setSeed(4444);
    window.generate();
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 2, 10000);
    QCOMPARE(window.galleryStore()->count(), 2);
    QCOMPARE(QDir(images).entryList({QStringLiteral("*.png")}, QDir::Files).size(), 2);
}

QTEST_MAIN(TestGallerySaveFailure)
#include "test_gallery_save_failure.moc"
