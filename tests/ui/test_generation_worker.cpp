#include <QSignalSpy>
#include <QThread>
#include <QtTest>

#include "core/pipeline/devices.h"
#include "tests/ui/fake_engine.h"
#include "ui/generation/generation_worker.h"

using namespace i4::ui;

namespace {

// Records the worker's signals, in arrival order, on the test (UI) thread.
class SignalLog : public QObject {
public:
    explicit SignalLog(GenerationWorker* worker) {
        connect(worker, &GenerationWorker::started, this, [this] { events << "started"; });
        connect(worker, &GenerationWorker::progress, this, [this](int step, int total, double) {
            events << QStringLiteral("progress %1/%2").arg(step).arg(total);
        });
        connect(worker, &GenerationWorker::preview, this, [this](const QImage& image) {
            events << "preview";
            lastPreview = image;
        });
        connect(worker, &GenerationWorker::finished, this, [this](const GenerationOutput& out) {
            events << "finished";
            output = out;
        });
        connect(worker, &GenerationWorker::failed, this, [this](const QString& message) {
            events << "failed";
            failure = message;
        });
        connect(worker, &GenerationWorker::cancelled, this, [this] { events << "cancelled"; });
    }
    bool ended() const {
        return !events.isEmpty() && (events.last() == "finished" || events.last() == "failed" ||
                                     events.last() == "cancelled");
    }

    QStringList events;
    QImage lastPreview;
    GenerationOutput output;
    QString failure;
};

GenerationJob makeJob(quint64 id, int steps) {
    GenerationJob job;
    job.id = id;
    job.request.prompts = {"{\"high_level_description\":\"a red fox\"}"};
    job.request.width = 256;
    job.request.height = 512;
    job.request.steps = steps;
    job.request.seed = 42;
    return job;
}

}  // namespace

class TestGenerationWorker : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void signalOrderOnSuccess();
    void signalOrderOnFailure();
    void signalOrderOnCancel();
    void staleCancelIsIgnored();
    void noEngineFails();
    void progressCarriesTheTimePerStep();
    void loadResolvesAutoAndReportsEachComponent();
    void cudaWithoutAGpuFailsInPlainWords();

private:
    void start(std::unique_ptr<Engine> engine);
    void run(const GenerationJob& job);

    QThread* m_thread = nullptr;
    GenerationWorker* m_worker = nullptr;
    test::FakeEngine* m_engine = nullptr;
};

void TestGenerationWorker::init() {
    qRegisterMetaType<GenerationJob>();
    qRegisterMetaType<GenerationOutput>();
    qRegisterMetaType<ModelLoadInfo>();
    qRegisterMetaType<i4::pipeline::LoadProgress>();
    auto engine = std::make_unique<test::FakeEngine>();
    m_engine = engine.get();
    start(std::move(engine));
}

void TestGenerationWorker::start(std::unique_ptr<Engine> engine) {
    m_thread = new QThread;
    m_worker = new GenerationWorker(std::move(engine));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

void TestGenerationWorker::cleanup() {
    m_thread->quit();
    QVERIFY(m_thread->wait(5000));
    delete m_thread;
    m_thread = nullptr;
}

void TestGenerationWorker::run(const GenerationJob& job) {
    QMetaObject::invokeMethod(m_worker, "run", Qt::QueuedConnection,
                              Q_ARG(i4::ui::GenerationJob, job));
}

void TestGenerationWorker::signalOrderOnSuccess() {
    m_engine->stepTime = std::chrono::milliseconds(60);  // slower than the preview throttle
    SignalLog log(m_worker);
    run(makeJob(7, 3));
    QTRY_VERIFY_WITH_TIMEOUT(log.ended(), 5000);
    const QStringList expected = {"started", "progress 1/3", "preview", "progress 2/3",
                                  "preview", "progress 3/3", "preview", "finished"};
    QCOMPARE(log.events, expected);
    QCOMPARE(log.output.jobId, quint64(7));
    QCOMPARE(log.output.images.size(), 1);
    QCOMPARE(log.output.images[0].size(), QSize(256, 512));
    QCOMPARE(log.output.modelId, QStringLiteral("fake-model"));
    QCOMPARE(log.output.request.seed, uint64_t(42));
    QCOMPARE(log.lastPreview.size(), QSize(16, 32));
}

void TestGenerationWorker::signalOrderOnFailure() {
    m_engine->outcome = test::FakeEngine::Outcome::Throw;
    m_engine->throwAtStep = 2;
    SignalLog log(m_worker);
    run(makeJob(1, 5));
    QTRY_VERIFY_WITH_TIMEOUT(log.ended(), 5000);
    const QStringList expected = {"started", "progress 1/5", "preview", "failed"};
    QCOMPARE(log.events, expected);
    QVERIFY2(log.failure.contains("layers.3.mlp"), qPrintable(log.failure));
}

void TestGenerationWorker::signalOrderOnCancel() {
    m_engine->stepTime = std::chrono::milliseconds(40);
    SignalLog log(m_worker);
    run(makeJob(3, 200));
    QTRY_VERIFY_WITH_TIMEOUT(log.events.contains("progress 1/200"), 5000);
    m_worker->requestCancel(3);  // direct call from this thread, as the UI does
    QTRY_VERIFY_WITH_TIMEOUT(log.ended(), 5000);
    QCOMPARE(log.events.first(), QStringLiteral("started"));
    QCOMPARE(log.events.last(), QStringLiteral("cancelled"));
    QVERIFY(!log.events.contains("finished"));
    QVERIFY(!log.events.contains("progress 200/200"));

    // The flag is per job: the next job runs to the end.
    log.events.clear();
    m_engine->stepTime = std::chrono::milliseconds(1);
    run(makeJob(4, 3));
    QTRY_VERIFY_WITH_TIMEOUT(log.ended(), 5000);
    QCOMPARE(log.events.last(), QStringLiteral("finished"));
}

void TestGenerationWorker::staleCancelIsIgnored() {
    m_engine->stepTime = std::chrono::milliseconds(20);
    SignalLog log(m_worker);
    run(makeJob(10, 5));
    QTRY_VERIFY_WITH_TIMEOUT(log.events.contains("started"), 5000);
    m_worker->requestCancel(9);
    QTRY_VERIFY_WITH_TIMEOUT(log.ended(), 5000);
    QCOMPARE(log.events.last(), QStringLiteral("finished"));
}

void TestGenerationWorker::noEngineFails() {
    cleanup();
    start(nullptr);
    SignalLog log(m_worker);
    run(makeJob(2, 3));
    QTRY_VERIFY_WITH_TIMEOUT(log.ended(), 5000);
    const QStringList expected = {"started", "failed"};
    QCOMPARE(log.events, expected);
    QVERIFY(!log.failure.isEmpty());
}

void TestGenerationWorker::progressCarriesTheTimePerStep() {
    m_engine->stepTime = std::chrono::milliseconds(30);
    SignalLog log(m_worker);
    QSignalSpy progress(m_worker, &GenerationWorker::progress);
    run(makeJob(5, 3));
    QTRY_VERIFY_WITH_TIMEOUT(log.ended(), 5000);
    QCOMPARE(progress.count(), 3);
    // The fake reports 30 ms of denoising per step, both along the way and in the result.
    QCOMPARE(progress.last().at(3).toDouble(), 0.03);
    QCOMPARE(log.output.secondsPerStep, 0.03);
    QCOMPARE(log.output.peakGpuBytes, quint64(0));
}

void TestGenerationWorker::loadResolvesAutoAndReportsEachComponent() {
    i4::pipeline::LoadOptions seen;
    QString seenFolder;
    m_worker->setLoader([&](const QString& folder, const i4::pipeline::LoadOptions& options) {
        seenFolder = folder;
        seen = options;
        const char* names[] = {"text_encoder", "transformer", "unconditional_transformer", "vae"};
        for (int i = 0; i < 4; ++i) {
            i4::pipeline::LoadProgress p;
            p.component = names[i];
            p.index = i;
            p.count = 4;
            options.onProgress(p);
            p.done = true;
            p.seconds = 0.25;
            options.onProgress(p);
        }
        auto engine = std::make_unique<test::FakeEngine>();
        engine->report.device = options.device;
        engine->report.dtype = options.dtype;
        engine->report.memory = "resident";
        return engine;
    });
    QSignalSpy progress(m_worker, &GenerationWorker::loadProgress);
    QSignalSpy loaded(m_worker, &GenerationWorker::modelLoaded);
    QSignalSpy failed(m_worker, &GenerationWorker::modelLoadFailed);
    QMetaObject::invokeMethod(
        m_worker, "loadModel", Qt::QueuedConnection, Q_ARG(QString, QStringLiteral("/models/x")),
        Q_ARG(QString, QStringLiteral("auto")), Q_ARG(QString, QStringLiteral("auto")),
        Q_ARG(QString, QStringLiteral("low-vram")));
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() + failed.count() == 1, 10000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed[0][0].toString()));
    QCOMPARE(seenFolder, QStringLiteral("/models/x"));
    // "auto" never reaches the engine: the worker resolves it as core does.
    const std::string device = i4::pipeline::resolveDevice("auto");
    QCOMPARE(seen.device, device);
    QCOMPARE(seen.dtype, i4::pipeline::resolveDtype("auto", device));
    QCOMPARE(seen.memory, std::string("low-vram"));

    QCOMPARE(progress.count(), 8);
    QStringList order;
    for (const QList<QVariant>& args : progress) {
        const auto p = args.at(0).value<i4::pipeline::LoadProgress>();
        order << QStringLiteral("%1 %2/%3 %4")
                     .arg(QString::fromStdString(p.component))
                     .arg(p.index + 1)
                     .arg(p.count)
                     .arg(p.done ? "done" : "start");
    }
    QCOMPARE(order.first(), QStringLiteral("text_encoder 1/4 start"));
    QCOMPARE(order.at(3), QStringLiteral("transformer 2/4 done"));
    QCOMPARE(order.last(), QStringLiteral("vae 4/4 done"));
    const auto info = loaded.at(0).at(0).value<ModelLoadInfo>();
    QCOMPARE(info.modelId, QStringLiteral("fake-model"));
    QCOMPARE(info.report.device, device);
    QVERIFY(m_worker->hasEngine());
}

void TestGenerationWorker::cudaWithoutAGpuFailsInPlainWords() {
    const i4::pipeline::DeviceReport report = i4::pipeline::deviceReport();
    if (report.gpuAvailable) QSKIP("this machine has a usable GPU");
    bool loaderCalled = false;
    m_worker->setLoader([&](const QString&, const i4::pipeline::LoadOptions&) {
        loaderCalled = true;
        return std::unique_ptr<Engine>(std::make_unique<test::FakeEngine>());
    });
    QSignalSpy failed(m_worker, &GenerationWorker::modelLoadFailed);
    QMetaObject::invokeMethod(
        m_worker, "loadModel", Qt::QueuedConnection, Q_ARG(QString, QStringLiteral("/models/x")),
        Q_ARG(QString, QStringLiteral("cuda")), Q_ARG(QString, QStringLiteral("auto")),
        Q_ARG(QString, QStringLiteral("auto")));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
    const QString message = failed[0][0].toString();
    QVERIFY2(message.contains("cannot use the GPU"), qPrintable(message));
    if (!report.buildHasCuda) QVERIFY2(message.contains("scripts/run --gpu"), qPrintable(message));
    QVERIFY(!loaderCalled);
    QVERIFY(!m_worker->hasEngine());  // the old engine is gone either way
}

QTEST_GUILESS_MAIN(TestGenerationWorker)
#include "test_generation_worker.moc"
