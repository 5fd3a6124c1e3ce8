#include <QCheckBox>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

#include "ui/dialogs/settings_dialog.h"
#include "ui/main_window.h"
#include "ui/settings/app_settings.h"

#include "ui/generation/image_size.h"
#include "ui/widgets/generation_panel.h"

using namespace i4::ui;

class TestImageSize : public QObject {
    Q_OBJECT

private slots:
    void snapsToAllowedSizes_data();
    void snapsToAllowedSizes();
    void aspectPresets();
    void panelKeepsSizeValid();
    void panelAllowsAnySizeWhenAsked();
    void settingReachesTheMainWindow();
};

void TestImageSize::snapsToAllowedSizes_data() {
    QTest::addColumn<QSize>("input");
    QTest::addColumn<QSize>("expected");
    QTest::newRow("already valid") << QSize(1024, 768) << QSize(1024, 768);
    QTest::newRow("rounds to 16") << QSize(1000, 1030) << QSize(1008, 1024);
    QTest::newRow("too small") << QSize(100, 300) << QSize(256, 304);
    QTest::newRow("too large") << QSize(4096, 2000) << QSize(2048, 2000);
    QTest::newRow("too wide") << QSize(2048, 256) << QSize(2048, 352);
    QTest::newRow("too tall") << QSize(256, 2048) << QSize(352, 2048);
}

void TestImageSize::snapsToAllowedSizes() {
    QFETCH(QSize, input);
    QFETCH(QSize, expected);
    const QSize snapped = snapImageSize(input);
    QCOMPARE(snapped, expected);
    QCOMPARE(snapped.width() % kSizeStep, 0);
    QCOMPARE(snapped.height() % kSizeStep, 0);
    QVERIFY(std::max(snapped.width(), snapped.height()) <=
            kMaxAspect * std::min(snapped.width(), snapped.height()));
}

void TestImageSize::aspectPresets() {
    QCOMPARE(sizeForAspect(1, 1), QSize(1024, 1024));
    const QSize wide = sizeForAspect(16, 9);
    QCOMPARE(wide, QSize(1360, 768));
    const QSize tall = sizeForAspect(9, 16);
    QCOMPARE(tall, QSize(768, 1360));
}

void TestImageSize::panelKeepsSizeValid() {
    GenerationPanel panel;
    QSignalSpy changed(&panel, &GenerationPanel::imageSizeChanged);
    auto* width = panel.findChild<QSpinBox*>(QStringLiteral("width"));
    auto* height = panel.findChild<QSpinBox*>(QStringLiteral("height"));
    height->setValue(256);
    width->setValue(2000);  // 2000:256 is wider than 6:1
    QCOMPARE(panel.imageSize(), QSize(2000, 336));
    QVERIFY(changed.count() >= 2);
    QCOMPARE(panel.request(QStringLiteral("{}")).width, 2000);
    QCOMPARE(panel.request(QStringLiteral("{}")).height, 336);
}

void TestImageSize::panelAllowsAnySizeWhenAsked() {
    GenerationPanel panel;
    panel.setImageSize(QSize(64, 48));
    QCOMPARE(panel.imageSize(), QSize(256, 256));  // published limits by default
    QVERIFY(!panel.request(QStringLiteral("{}")).uncheckedSize);

    panel.setAllowAnySize(true);
    panel.setImageSize(QSize(64, 50));
    QCOMPARE(panel.imageSize(), QSize(64, 48));  // still multiples of 16
    QVERIFY(panel.request(QStringLiteral("{}")).uncheckedSize);
    // Inside the limits the request stays fully checked (the text-length check included).
    panel.setImageSize(QSize(512, 512));
    QVERIFY(!panel.request(QStringLiteral("{}")).uncheckedSize);

    panel.setImageSize(QSize(64, 48));
    panel.setAllowAnySize(false);
    QCOMPARE(panel.imageSize(), QSize(256, 256));
    QVERIFY(!panel.request(QStringLiteral("{}")).uncheckedSize);
}

void TestImageSize::settingReachesTheMainWindow() {
    QTemporaryDir dir;
    AppSettings settings(dir.filePath("settings.ini"));
    settings.setGalleryFolder(dir.filePath("gallery"));
    QVERIFY(!settings.allowAnySize());
    {
        SettingsDialog dialog(&settings);
        auto* box = dialog.findChild<QCheckBox*>(QStringLiteral("allowAnySize"));
        QVERIFY(box);
        QVERIFY(!box->isChecked());
        box->setChecked(true);
        dialog.apply();
    }
    QVERIFY(settings.allowAnySize());
    MainWindow window(&settings);
    QVERIFY(window.generationPanel()->allowAnySize());
    window.generationPanel()->setImageSize(QSize(64, 64));
    QCOMPARE(window.currentRequest().width, 64);
    QVERIFY(window.currentRequest().uncheckedSize);
}

QTEST_MAIN(TestImageSize)
#include "test_image_size.moc"
