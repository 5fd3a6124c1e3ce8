#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/ui/fake_engine.h"
#include "ui/generation/generation_controller.h"
#include "ui/main_window.h"
#include "ui/settings/app_settings.h"
#include "ui/widgets/caption_editor.h"
#include "ui/widgets/generation_panel.h"
#include "ui/widgets/preview_view.h"

using namespace i4::ui;

// Issue 29 part 5: a batch stays in view as a contact sheet; a cancelled image is marked, not
// left looking like a result.
class TestPreviewView : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void batchIsAContactSheet();
    void cancelledImageIsMarked();
    void sheetCellsTileTheView();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    test::FakeEngine* m_engine = nullptr;
};

void TestPreviewView::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(QStringLiteral("settings.ini")));
    m_settings->setGalleryFolder(m_dir->filePath(QStringLiteral("gallery")));
    auto engine = std::make_unique<test::FakeEngine>();
    engine->steps = 4;
    engine->stepTime = std::chrono::milliseconds(2);
    m_engine = engine.get();
    m_window = std::make_unique<MainWindow>(m_settings.get(), std::move(engine));
    m_window->captionEditor()->setPromptText(QStringLiteral("a red fox"));
}

void TestPreviewView::cleanup() {
    m_window.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestPreviewView::batchIsAContactSheet() {
    m_window->generationPanel()->findChild<QSpinBox*>(QStringLiteral("batchCount"))->setValue(3);
    QSignalSpy finished(m_window->controller(), &GenerationController::jobFinished);
    m_window->generate();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 20000);
    PreviewView* preview = m_window->previewView();
    QCOMPARE(preview->cellCount(), 3);
    // Every image of the batch is there, each its own (the fake engine's colour is its seed).
    QSet<QRgb> colours;
    for (int i = 0; i < 3; ++i) {
        QVERIFY(!preview->cellImage(i).isNull());
        QVERIFY(!preview->isCancelled(i));
        colours.insert(preview->cellImage(i).pixel(0, 0));
    }
    QCOMPARE(colours.size(), 3);
    // The next single image starts a new sheet.
    m_window->generationPanel()->findChild<QSpinBox*>(QStringLiteral("batchCount"))->setValue(1);
    m_window->generate();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 4, 20000);
    QCOMPARE(preview->cellCount(), 1);
}

void TestPreviewView::cancelledImageIsMarked() {
    m_engine->steps = 200;
    m_engine->stepTime = std::chrono::milliseconds(20);
    QSignalSpy previews(m_window->controller(), &GenerationController::preview);
    QSignalSpy cancelled(m_window->controller(), &GenerationController::jobCancelled);
    m_window->generate();
    QTRY_VERIFY_WITH_TIMEOUT(previews.count() >= 1, 20000);
    m_window->controller()->cancelAll();
    QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 20000);
    PreviewView* preview = m_window->previewView();
    QCOMPARE(preview->cellCount(), 1);
    QVERIFY(preview->isCancelled(0));
    // It is drawn greyed with a banner, and it is not what "the picture" means.
    QVERIFY(preview->image().isNull());
    const QImage drawn = preview->grab().toImage();
    const QRgb middle = drawn.pixel(4, drawn.height() / 2);  // left of the banner's text
    QVERIFY2(qRed(middle) > qGreen(middle) + 60, "the red Cancelled banner across the middle");
}

void TestPreviewView::sheetCellsTileTheView() {
    PreviewView preview;
    preview.resize(400, 300);
    preview.beginBatch(4, true);
    QCOMPARE(preview.cellCount(), 4);
    for (int i = 0; i < 4; ++i) {
        QVERIFY(preview.rect().contains(preview.cellRect(i)));
        for (int j = 0; j < i; ++j) QVERIFY(!preview.cellRect(i).intersects(preview.cellRect(j)));
    }
    QImage red(16, 16, QImage::Format_RGB32);
    red.fill(Qt::red);
    preview.addResult(red);
    QCOMPARE(preview.image(), red);
    preview.dropWaiting();
    QCOMPARE(preview.cellCount(), 1);
}

QTEST_MAIN(TestPreviewView)
#include "test_preview_view.moc"
