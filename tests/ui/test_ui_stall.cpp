#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>

#include "tests/ui/fake_engine.h"
#include "ui/gallery/gallery_writer.h"
#include "ui/generation/generation_controller.h"
#include "ui/main_window.h"
#include "ui/settings/app_settings.h"
#include "ui/widgets/caption_editor.h"
#include "ui/widgets/generation_panel.h"
#include "ui/widgets/preview_view.h"

using namespace i4::ui;

// While the engine thread busy-works for ~2 s, the UI thread must keep turning its event loop:
// a 5 ms timer measures the gaps between its turns, through progress, previews, the finished
// 1024x1024 result and its PNG save.
class TestUiStall : public QObject {
    Q_OBJECT

private slots:
    void eventLoopKeepsTurning();
};

void TestUiStall::eventLoopKeepsTurning() {
    QTemporaryDir dir;
    AppSettings settings(dir.filePath("settings.ini"));
    settings.setGalleryFolder(dir.filePath("gallery"));
    auto engine = std::make_unique<test::FakeEngine>();
    engine->steps = 100;
    engine->stepTime = std::chrono::milliseconds(20);
    MainWindow window(&settings, std::move(engine));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.generationPanel()->setImageSize(QSize(1024, 1024));
    window.captionEditor()->setPromptText(QStringLiteral(
        R"({"high_level_description":"a lighthouse at dusk","compositional_deconstruction":)"
        R"({"background":"a stormy sea","elements":[]}})"));

    QElapsedTimer run;
    QElapsedTimer sinceTick;
    QVector<qint64> gaps;
    QTimer ticker;
    ticker.setInterval(5);
    ticker.setTimerType(Qt::PreciseTimer);
    connect(&ticker, &QTimer::timeout, this, [&] { gaps.push_back(sinceTick.restart()); });
    QSignalSpy finished(window.controller(), &GenerationController::jobFinished);
    QSignalSpy saved(window.galleryWriter(), &GalleryWriter::saved);
    QSignalSpy previews(window.controller(), &GenerationController::preview);

    run.start();
    sinceTick.start();
    ticker.start();
    // A plain event loop, not QTRY_*: QTest::qWait sleeps between turns, which would be
    // counted as stalls.
    QEventLoop loop;
    connect(window.galleryWriter(), &GalleryWriter::saved, &loop, &QEventLoop::quit);
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    window.generate();
    loop.exec();
    ticker.stop();
    const qint64 total = run.elapsed();

    QCOMPARE(finished.count(), 1);
    QVERIFY(previews.count() > 10);
    QVERIFY(!window.previewView()->image().isNull());
    QVERIFY(gaps.size() > 100);
    std::vector<qint64> sorted(gaps.begin(), gaps.end());
    std::sort(sorted.begin(), sorted.end());
    const qint64 longest = sorted.back();
    const qint64 p99 = sorted[sorted.size() * 99 / 100];
    qInfo(
        "UI stall: run %lld ms, %lld timer turns, %lld previews, longest gap %lld ms, "
        "p99 %lld ms, median %lld ms",
        total, qint64(gaps.size()), qint64(previews.count()), longest, p99,
        sorted[sorted.size() / 2]);
    QVERIFY2(total >= 2000, "the fake engine should have worked for about 2 s");
    QVERIFY2(longest <= 50, qPrintable(QStringLiteral("longest gap %1 ms").arg(longest)));
}

QTEST_MAIN(TestUiStall)
#include "test_ui_stall.moc"
