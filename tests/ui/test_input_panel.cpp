// Working from an image in the window (issue 26): an image dropped on the window becomes the
// input, the mask editor's brush, eraser and rectangle paint the mask (white = repaint) with a
// soft edge, the extension and fit are said, and every queued request carries the input;
// remix restores it and "Use as input" from the gallery sets it. Fake engine, no model.
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QPlainTextEdit>
#include <QTextEdit>
#include <QToolButton>
#include <QTranslator>
#include <QUrl>
#include <QtTest>

#include "core/image/sha256.h"
#include "tests/ui/fake_engine.h"
#include "ui/editing/image_input_panel.h"
#include "ui/editing/mask_canvas.h"
#include "ui/gallery/gallery_panel.h"
#include "ui/generation/generation_controller.h"
#include "ui/main_window.h"
#include "ui/settings/app_settings.h"
#include "ui/widgets/caption_editor.h"
#include "ui/widgets/generation_panel.h"

using namespace i4::ui;

class TestInputPanel : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void droppedImageBecomesTheInput();
    void maskToolsPaintWhiteForRepaint();
    void extensionAndFitAreSaid();
    void remixAndUseAsInputRestoreIt();
    void otherFormatsAndNonImages();
    void stringsAreTranslated();

private:
    QString writeImage(const QString& name, QSize size, const char* format = "PNG");
    void drop(const QString& path);
    ImageInputPanel* panel() const { return m_window->imageInputPanel(); }
    MaskCanvas* canvas() const { return panel()->canvas(); }
    template <typename T>
    T* child(const char* name) const {
        return panel()->findChild<T*>(QString::fromLatin1(name));
    }
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

void TestInputPanel::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<AppSettings>(m_dir->filePath("settings.ini"));
    m_settings->setGalleryFolder(m_dir->filePath("gallery"));
    m_window = std::make_unique<MainWindow>(m_settings.get(), std::make_unique<test::FakeEngine>());
    m_window->resize(1360, 860);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->generationPanel()->setImageSize(QSize(256, 256));
}

void TestInputPanel::cleanup() {
    m_window.reset();
    m_settings.reset();
    m_dir.reset();
}

QString TestInputPanel::writeImage(const QString& name, QSize size, const char* format) {
    QImage image(size, QImage::Format_RGB32);
    for (int y = 0; y < size.height(); ++y)
        for (int x = 0; x < size.width(); ++x) image.setPixel(x, y, qRgb(x % 256, y % 256, 90));
    const QString path = m_dir->filePath(name);
    image.save(path, format);
    return path;
}

void TestInputPanel::drop(const QString& path) {
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPoint at(m_window->width() / 2, m_window->height() / 2);
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropEvent(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_window.get(), &dropEvent);
}

void TestInputPanel::droppedImageBecomesTheInput() {
    QVERIFY(!panel()->hasInput());
    QVERIFY(!m_window->currentRequest().input.has_value());
    const QString path = writeImage("photo.png", QSize(300, 200));
    drop(path);
    QVERIFY(panel()->hasInput());
    QVERIFY(m_window->findChild<QDockWidget*>("inputDock")->isVisible());
    const auto request = m_window->currentRequest();
    QVERIFY(request.input.has_value());
    QCOMPARE(QString::fromStdString(request.input->image), QFileInfo(path).absoluteFilePath());
    QCOMPARE(request.input->imageSha256, i4::image::sha256File(path.toStdString()));
    QCOMPARE(request.input->strength, ImageInputPanel::kDefaultStrength);
    QVERIFY(request.input->mask.empty());
    // Said: how the picture meets the 256x256 output.
    const QString fit = child<QLabel>("inputFitText")->text();
    QVERIFY2(fit.contains("Image to image") && fit.contains("cropped to 256×256"), qPrintable(fit));

    // Every queued job carries it.
    QSignalSpy finished(m_window->controller(), &GenerationController::jobFinished);
    m_window->captionEditor()->setPromptText(QStringLiteral("a lighthouse"));
    m_window->generate();
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(finished[0][0].value<GenerationOutput>().request.input.has_value());

    child<QPushButton>("clearInput")->click();
    QVERIFY(!panel()->hasInput());
    QVERIFY(!m_window->currentRequest().input.has_value());

    // Dropped on a text field (the caption's prompt) it is still the input, not text.
    const QString before = m_window->captionEditor()->promptText();
    QWidget* target = nullptr;
    if (auto* plain = m_window->captionEditor()->findChild<QPlainTextEdit*>())
        target = plain->viewport();
    else if (auto* rich = m_window->captionEditor()->findChild<QTextEdit*>())
        target = rich->viewport();
    QVERIFY(target);
    QVERIFY(target->acceptDrops());
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    QDropEvent dropEvent(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &dropEvent);
    QVERIFY(panel()->hasInput());
    QCOMPARE(m_window->captionEditor()->promptText(), before);
}

void TestInputPanel::maskToolsPaintWhiteForRepaint() {
    drop(writeImage("photo.png", QSize(200, 200)));
    QVERIFY(!canvas()->hasMask());
    child<QSpinBox>("brushSize")->setValue(20);
    // A brush stroke across the middle, left to right.
    const QPoint from = canvas()->toWidget(QPointF(40, 100)).toPoint();
    const QPoint to = canvas()->toWidget(QPointF(160, 100)).toPoint();
    QTest::mousePress(canvas(), Qt::LeftButton, {}, from);
    for (int i = 1; i <= 10; ++i) QTest::mouseMove(canvas(), from + (to - from) * i / 10);
    QTest::mouseRelease(canvas(), Qt::LeftButton, {}, to);
    QVERIFY(canvas()->hasMask());
    const QImage& mask = canvas()->mask();
    QCOMPARE(mask.size(), QSize(200, 200));
    QCOMPARE(qGray(mask.pixel(100, 100)), 255);  // on the stroke: repaint
    QCOMPARE(qGray(mask.pixel(100, 20)), 0);     // far away: kept
    // The soft edge: grey between the stroke's core and the outside.
    const int edge = qGray(mask.pixel(100, 107));
    QVERIFY2(edge > 0 && edge < 255, qPrintable(QString::number(edge)));
    // A mask makes it inpainting, from noise unless the user chose a strength.
    QCOMPARE(child<QDoubleSpinBox>("inputStrength")->value(), 1.0);
    QVERIFY(child<QLabel>("inputFitText")->text().contains("Inpainting"));

    // The eraser takes part of it back.
    child<QToolButton>("maskEraser")->click();
    const QPoint erase = canvas()->toWidget(QPointF(100, 100)).toPoint();
    QTest::mousePress(canvas(), Qt::LeftButton, {}, erase);
    QTest::mouseRelease(canvas(), Qt::LeftButton, {}, erase);
    QCOMPARE(qGray(canvas()->mask().pixel(100, 100)), 0);
    QCOMPARE(qGray(canvas()->mask().pixel(50, 100)), 255);

    // The rectangle: a filled box.
    child<QToolButton>("maskRectangle")->click();
    QTest::mousePress(canvas(), Qt::LeftButton, {}, canvas()->toWidget(QPointF(120, 130)).toPoint());
    QTest::mouseMove(canvas(), canvas()->toWidget(QPointF(150, 150)).toPoint());
    QTest::mouseRelease(canvas(), Qt::LeftButton, {}, canvas()->toWidget(QPointF(180, 180)).toPoint());
    QCOMPARE(qGray(canvas()->mask().pixel(150, 160)), 255);
    QCOMPARE(qGray(canvas()->mask().pixel(110, 160)), 0);

    // The request names a mask file with exactly these pixels, white = repaint.
    const auto request = m_window->currentRequest();
    QVERIFY(request.input.has_value());
    QVERIFY(!request.input->mask.empty());
    QCOMPARE(request.input->strength, 1.0);
    const QString maskFile = QString::fromStdString(request.input->mask);
    QVERIFY(maskFile.startsWith(m_dir->filePath("gallery")));
    QCOMPARE(request.input->maskSha256, i4::image::sha256File(request.input->mask));
    const QImage written(maskFile);
    QCOMPARE(written.convertToFormat(QImage::Format_Grayscale8), canvas()->mask());

    // A strength the user sets stays.
    child<QDoubleSpinBox>("inputStrength")->setValue(0.8);
    child<QToolButton>("clearMask")->click();
    QVERIFY(!canvas()->hasMask());
    QCOMPARE(m_window->currentRequest().input->strength, 0.8);
    QVERIFY(m_window->currentRequest().input->mask.empty());
    child<QToolButton>("invertMask")->click();  // everything repainted
    QCOMPARE(qGray(canvas()->mask().pixel(0, 0)), 255);
    // Undo takes the changes back one by one: the invert, the clear, the rectangle...
    child<QToolButton>("undoMask")->click();
    QVERIFY(!canvas()->hasMask());
    child<QToolButton>("undoMask")->click();
    QCOMPARE(qGray(canvas()->mask().pixel(150, 160)), 255);
    child<QToolButton>("undoMask")->click();
    QCOMPARE(qGray(canvas()->mask().pixel(150, 160)), 0);
    QCOMPARE(qGray(canvas()->mask().pixel(50, 100)), 255);
}

void TestInputPanel::extensionAndFitAreSaid() {
    drop(writeImage("photo.png", QSize(192, 256)));
    child<QSpinBox>("extendLeft")->setValue(32);
    child<QSpinBox>("extendRight")->setValue(32);
    auto request = m_window->currentRequest();
    QCOMPARE(request.input->extend, (i4::pipeline::CanvasExtension{32, 0, 32, 0}));
    QCOMPARE(request.input->strength, 1.0);  // outpainting paints from noise
    QString fit = child<QLabel>("inputFitText")->text();
    QVERIFY2(fit.contains("Outpainting") && fit.contains("Used as it is (256×256)"),
             qPrintable(fit));
    QCOMPARE(canvas()->extension(), QMargins(32, 0, 32, 0));
    child<QSpinBox>("extendLeft")->setValue(0);
    child<QSpinBox>("extendRight")->setValue(0);
    child<QComboBox>("inputFit")->setCurrentIndex(1);
    fit = child<QLabel>("inputFitText")->text();
    QVERIFY2(fit.contains("stretched to 256×256"), qPrintable(fit));
    QCOMPARE(m_window->currentRequest().input->fit, i4::pipeline::InputFit::Stretch);
    // "Use its size": the output takes the canvas's size (the extension included).
    m_window->generationPanel()->setImageSize(QSize(512, 512));
    QVERIFY(child<QLabel>("inputFitText")->text().contains("scaled by"));
    child<QSpinBox>("extendLeft")->setValue(32);
    child<QSpinBox>("extendRight")->setValue(32);
    child<QPushButton>("useInputSize")->click();
    QCOMPARE(m_window->generationPanel()->imageSize(), QSize(256, 256));
    QVERIFY(child<QLabel>("inputFitText")->text().contains("256×256"));
}

void TestInputPanel::remixAndUseAsInputRestoreIt() {
    drop(writeImage("photo.png", QSize(256, 256)));
    child<QToolButton>("maskRectangle")->click();
    QTest::mousePress(canvas(), Qt::LeftButton, {}, canvas()->toWidget(QPointF(10, 10)).toPoint());
    QTest::mouseRelease(canvas(), Qt::LeftButton, {}, canvas()->toWidget(QPointF(100, 90)).toPoint());
    child<QDoubleSpinBox>("inputStrength")->setValue(0.7);
    child<QSpinBox>("maskFeather")->setValue(6);
    child<QSpinBox>("extendBottom")->setValue(16);
    m_window->captionEditor()->setPromptText(QStringLiteral("a lighthouse"));
    const auto request = m_window->currentRequest();

    child<QPushButton>("clearInput")->click();
    QVERIFY(!m_window->currentRequest().input.has_value());
    m_window->remix(request);
    QVERIFY(panel()->hasInput());
    const auto restored = m_window->currentRequest();
    QCOMPARE(QString::fromStdString(restored.toJson().dump()),
             QString::fromStdString(request.toJson().dump()));
    QVERIFY(restored == request);

    // A request without an input clears it (remix restores exactly).
    i4::pipeline::GenerationRequest plain = request;
    plain.input.reset();
    m_window->remix(plain);
    QVERIFY(!panel()->hasInput());

    // The gallery's "Use as input": the image, its caption and size.
    const QString other = writeImage("other.png", QSize(384, 256));
    i4::pipeline::GenerationRequest source;
    source.prompts = {"a fox in the snow"};
    source.width = 384;
    source.height = 256;
    emit m_window->galleryPanel()->useAsInputRequested(other, source);
    QVERIFY(panel()->hasInput());
    QCOMPARE(panel()->inputPath(), QFileInfo(other).absoluteFilePath());
    QCOMPARE(m_window->captionEditor()->promptText(), QStringLiteral("a fox in the snow"));
    QCOMPARE(m_window->generationPanel()->imageSize(), QSize(384, 256));
}

void TestInputPanel::otherFormatsAndNonImages() {
    // A JPEG is converted to a PNG (core reads PNG), named by the original's sha256.
    const QString jpeg = writeImage("photo.jpg", QSize(64, 48), "JPEG");
    drop(jpeg);
    QVERIFY(panel()->hasInput());
    QVERIFY(panel()->inputPath().endsWith(".png"));
    QVERIFY(panel()->inputPath().startsWith(m_dir->filePath("gallery")));
    QVERIFY(QImage(panel()->inputPath()).size() == QSize(64, 48));
    // A text file is not offered as an image; a broken one is refused in words.
    QFile text(m_dir->filePath("notes.png"));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("not an image");
    text.close();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(text.fileName())});
    QCOMPARE(ImageInputPanel::imagePathOf(&mime), QString());
    QString error;
    QVERIFY(!panel()->setInputImage(text.fileName(), &error));
    QVERIFY2(error.contains("notes.png"), qPrintable(error));
    QCOMPARE(panel()->inputPath(), QFileInfo(panel()->inputPath()).absoluteFilePath());
}

void TestInputPanel::stringsAreTranslated() {
    QTranslator german, japanese;
    QVERIFY(german.load(QStringLiteral(":/i18n/i4studio_de.qm")));
    QVERIFY(japanese.load(QStringLiteral(":/i18n/i4studio_ja.qm")));
    QCOMPARE(german.translate("i4::ui::ImageInputPanel", "Strength"), QStringLiteral("Stärke"));
    QCOMPARE(german.translate("i4::ui::MainWindow", "Input image"), QStringLiteral("Eingabebild"));
    QCOMPARE(japanese.translate("i4::ui::ImageInputPanel", "Inpainting: the mask is repainted, the rest kept."),
             QStringLiteral("インペインティング：マスク部分を描き直し、残りはそのまま。"));
    QCOMPARE(japanese.translate("i4::ui::MaskCanvas",
                                "Drop an image here (or on the window), or choose one"),
             QStringLiteral("ここ（またはウィンドウ）に画像をドロップするか、選択してください"));
}

QTEST_MAIN(TestInputPanel)
#include "test_input_panel.moc"
