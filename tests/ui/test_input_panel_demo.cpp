// Inpainting in the window on the shipped demo model (issue 26, labels gui and demo): a picture
// of the demo's example caption becomes the input, a rectangle masks its yellow square, the
// caption asks for a red one, and the result keeps every pixel outside the mask and turns the
// masked square red. With $I4_SCREENSHOT_DIR set: inpainting.png (the mask drawn in the Input
// image dock, the result in the preview).
#include <QDockWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include "ui/editing/image_input_panel.h"
#include "ui/editing/mask_canvas.h"
#include "ui/engine/engine_loader.h"
#include "ui/gallery/gallery_store.h"
#include "ui/gallery/gallery_writer.h"
#include "ui/generation/generation_controller.h"
#include "ui/main_window.h"
#include "ui/settings/app_settings.h"
#include "ui/widgets/caption_editor.h"
#include "ui/widgets/generation_panel.h"

#ifndef I4_DEMO_MODEL_DIR
#error "I4_DEMO_MODEL_DIR must name resources/models/demo"
#endif

using namespace i4::ui;

class TestInputPanelDemo : public QObject {
    Q_OBJECT

private slots:
    void inpaintAShapeInAnotherColour();
};

void TestInputPanelDemo::inpaintAShapeInAnotherColour() {
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
    const QString caption = window.captionEditor()->promptText();
    QVERIFY(caption.contains("a yellow square"));  // bbox [125, 125, 500, 500]: top left

    QSignalSpy saved(window.galleryWriter(), &GalleryWriter::saved);
    window.reuseSeed(7);
    window.generate();
    QTRY_VERIFY_WITH_TIMEOUT(saved.count() == 1 || !jobFailed.isEmpty(), 120000);
    QVERIFY(jobFailed.isEmpty());
    const GalleryRecord source = saved[0][0].value<GalleryRecord>();
    const QString sourcePath = window.galleryStore()->imagePath(source);
    const QImage input = QImage(sourcePath).convertToFormat(QImage::Format_RGB888);
    QCOMPARE(input.size(), QSize(128, 128));

    // Use it as the input; mask the square (16..64 px) with a rectangle, 6 px to spare.
    ImageInputPanel* panel = window.imageInputPanel();
    QString error;
    QVERIFY2(panel->setInputImage(sourcePath, &error), qPrintable(error));
    QVERIFY(window.findChild<QDockWidget*>("inputDock")->isVisible());
    MaskCanvas* canvas = panel->canvas();
    panel->findChild<QToolButton*>("maskRectangle")->click();
    QTest::mousePress(canvas, Qt::LeftButton, {}, canvas->toWidget(QPointF(10, 10)).toPoint());
    QTest::mouseMove(canvas, canvas->toWidget(QPointF(40, 40)).toPoint());
    QTest::mouseRelease(canvas, Qt::LeftButton, {}, canvas->toWidget(QPointF(70, 70)).toPoint());
    QVERIFY(canvas->hasMask());
    const QImage mask = canvas->mask();
    window.captionEditor()->setPromptText(QString(caption).replace("a yellow square", "a red square"));
    window.reuseSeed(8);
    window.generate();
    QTRY_VERIFY_WITH_TIMEOUT(saved.count() == 2 || !jobFailed.isEmpty(), 120000);
    QVERIFY2(jobFailed.isEmpty(), qPrintable(jobFailed.isEmpty() ? QString() : jobFailed[0][1].toString()));
    const GalleryRecord result = saved[1][0].value<GalleryRecord>();
    QVERIFY(result.request.input.has_value());
    QCOMPARE(QString::fromStdString(result.request.input->imageSha256), source.imageSha256);
    QVERIFY(!result.request.input->mask.empty());
    const QImage output =
        QImage(window.galleryStore()->imagePath(result)).convertToFormat(QImage::Format_RGB888);
    QCOMPARE(output.size(), input.size());

    // Outside the mask: the input's pixels exactly. Inside: the square has turned red.
    int changedOutside = 0, red = 0, yellow = 0, inside = 0;
    const auto near = [](const uchar* p, int r, int g, int b) {
        return std::abs(p[0] - r) + std::abs(p[1] - g) + std::abs(p[2] - b) < 120;
    };
    for (int y = 0; y < 128; ++y) {
        const uchar* in = input.constScanLine(y);
        const uchar* out = output.constScanLine(y);
        for (int x = 0; x < 128; ++x) {
            if (qGray(mask.pixel(x, y)) == 0) {
                for (int c = 0; c < 3; ++c) changedOutside += in[3 * x + c] != out[3 * x + c];
            } else if (x >= 16 && x < 64 && y >= 16 && y < 64) {
                ++inside;
                red += near(out + 3 * x, 229, 57, 53);
                yellow += near(out + 3 * x, 253, 216, 53);
            }
        }
    }
    qInfo("inpainting in the window: %d values changed outside the mask; inside the square's box "
          "%d red and %d yellow pixels of %d",
          changedOutside, red, yellow, inside);
    QCOMPARE(changedOutside, 0);
    QVERIFY(red > inside / 4);
    QVERIFY(yellow < red / 4);

    const QString shots = qEnvironmentVariable("I4_SCREENSHOT_DIR");
    if (shots.isEmpty()) return;
    QTest::qWait(500);
    QVERIFY(window.grab().save(QDir(shots).filePath("inpainting.png")));
}

QTEST_MAIN(TestInputPanelDemo)
#include "test_input_panel_demo.moc"
