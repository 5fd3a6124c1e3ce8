#include <QDir>
#include <QtTest>

#include "ui/engine/engine_loader.h"
#include "ui/generation/generation_controller.h"

using namespace i4::ui;

// The real engine behind the worker: the tiny golden model loaded through loadModel() on the
// engine thread, one request run end to end with progress and previews.
class TestBundleEngine : public QObject {
    Q_OBJECT

private slots:
    void tinyModelRunsOnTheWorker();
};

void TestBundleEngine::tinyModelRunsOnTheWorker() {
    const QString folder = QDir(QStringLiteral(I4_GOLDEN_DIR)).filePath("tiny-ideogram4-bf16");
    if (!QDir(folder).exists()) QSKIP("no golden data (tiny-ideogram4-bf16)");
    QVERIFY(engineAvailable());

    GenerationController controller;
    QSignalSpy loaded(&controller, &GenerationController::modelLoaded);
    QSignalSpy loadFailed(&controller, &GenerationController::modelLoadFailed);
    controller.loadModel(folder, QStringLiteral("cpu"), QStringLiteral("fp32"));
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() + loadFailed.count() == 1, 60000);
    QVERIFY2(loadFailed.isEmpty(),
             qPrintable(loadFailed.isEmpty() ? QString() : loadFailed.at(0).at(0).toString()));
    QVERIFY(controller.hasEngine());
    const auto info = loaded.at(0).at(0).value<ModelLoadInfo>();
    QVERIFY(info.modelId.contains("tiny-ideogram4-bf16"));
    // What the status bar shows: where it was loaded, and each component's time.
    QCOMPARE(info.report.device, std::string("cpu"));
    QCOMPARE(info.report.dtype, std::string("fp32"));
    QCOMPARE(info.report.memory, std::string("resident"));
    QCOMPARE(int(info.report.components.size()), 4);
    QCOMPARE(info.report.components.front().name, std::string("text_encoder"));
    QCOMPARE(info.gpuTotalBytes, quint64(0));

    i4::pipeline::GenerationRequest request;
    request.prompts = {"{\"compositional_deconstruction\":{\"background\":\"snow\","
                       "\"elements\":[]}}"};
    request.width = 64;
    request.height = 48;
    request.preset = "V4_TURBO_12";
    request.seed = 5;
    request.uncheckedSize = true;
    // The token counter's path: callable from this (non-worker) thread, chat framing included.
    const std::shared_ptr<const Engine> engine = controller.engine();
    QVERIFY(engine);
    const int tokens = engine->countTokens(request.prompts[0]);
    QVERIFY2(tokens > 10 && tokens < 200, qPrintable(QString::number(tokens)));
    QVERIFY(engine->countTokens(request.prompts[0] + " more words here") > tokens);
    QSignalSpy progress(&controller, &GenerationController::progress);
    QSignalSpy previews(&controller, &GenerationController::preview);
    QSignalSpy finished(&controller, &GenerationController::jobFinished);
    QSignalSpy failed(&controller, &GenerationController::jobFailed);
    controller.submit(request, QStringLiteral("tiny"));
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() + failed.count() == 1, 120000);
    QVERIFY2(failed.isEmpty(),
             qPrintable(failed.isEmpty() ? QString() : failed.at(0).at(1).toString()));
    QCOMPARE(progress.count(), 12);
    QCOMPARE(progress.last().at(0).toInt(), 12);
    QVERIFY(previews.count() >= 1);
    const auto output = finished.at(0).at(0).value<GenerationOutput>();
    QCOMPARE(output.images.size(), 1);
    QCOMPARE(output.images[0].size(), QSize(64, 48));
    QCOMPARE(output.request.steps, std::optional<int>(12));  // the preset, resolved
    QVERIFY(output.secondsPerStep > 0);                      // the engine's denoising time per step
    QVERIFY(progress.last().at(3).toDouble() > 0);
    QCOMPARE(output.peakGpuBytes, quint64(0));  // on the CPU
}

QTEST_GUILESS_MAIN(TestBundleEngine)
#include "test_bundle_engine.moc"
