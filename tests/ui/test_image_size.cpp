#include <QSpinBox>
#include <QtTest>

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

QTEST_MAIN(TestImageSize)
#include "test_image_size.moc"
