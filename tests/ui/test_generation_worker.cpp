#include <QSignalSpy>
#include <QThread>
#include <QtTest>

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

QTEST_GUILESS_MAIN(TestGenerationWorker)
#include "test_generation_worker.moc"
