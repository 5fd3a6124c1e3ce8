#include <QAbstractItemModelTester>
#include <QtTest>

#include "tests/ui/fake_engine.h"
#include "ui/generation/generation_controller.h"
#include "ui/generation/job_queue_model.h"

using namespace i4::ui;

namespace {

i4::pipeline::GenerationRequest requestWithSeed(uint64_t seed) {
    i4::pipeline::GenerationRequest request;
    request.prompts = {"{}"};
    request.width = 256;
    request.height = 256;
    request.seed = seed;
    return request;
}

QList<quint64> ids(const JobQueueModel& model) {
    QList<quint64> out;
    for (int row = 0; row < model.rowCount(); ++row) out << model.jobIdAt(row);
    return out;
}

}  // namespace

class TestJobQueue : public QObject {
    Q_OBJECT

private slots:
    void enqueueAndStart();
    void reorderPending();
    void runningJobCannotMove();
    void removePending();
    void controllerRunsInQueueOrder();
    void controllerCancelsRunningAndPending();
};

void TestJobQueue::enqueueAndStart() {
    JobQueueModel model;
    QAbstractItemModelTester tester(&model);
    const quint64 a = model.enqueue(requestWithSeed(1), "a");
    const quint64 b = model.enqueue(requestWithSeed(2), "b");
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.pendingCount(), 2);
    const auto job = model.startNext();
    QVERIFY(job);
    QCOMPARE(job->id, a);
    QCOMPARE(job->request.seed, uint64_t(1));
    QVERIFY(!model.startNext());  // one at a time
    QCOMPARE(model.runningJobId(), a);
    model.setProgress(a, 5, 20);
    QCOMPARE(model.index(0).data(JobQueueModel::ProgressRole).toInt(), 25);
    model.finishRunning();
    QCOMPARE(ids(model), QList<quint64>{b});
}

void TestJobQueue::reorderPending() {
    JobQueueModel model;
    QAbstractItemModelTester tester(&model);
    const quint64 a = model.enqueue(requestWithSeed(1), "a");
    const quint64 b = model.enqueue(requestWithSeed(2), "b");
    const quint64 c = model.enqueue(requestWithSeed(3), "c");
    QVERIFY(model.moveJob(2, 0));
    QCOMPARE(ids(model), (QList<quint64>{c, a, b}));
    QVERIFY(model.moveJob(0, 2));
    QCOMPARE(ids(model), (QList<quint64>{a, b, c}));
    QVERIFY(model.moveJob(1, 2));
    QCOMPARE(ids(model), (QList<quint64>{a, c, b}));
    QVERIFY(!model.moveJob(1, 1));
    QVERIFY(!model.moveJob(0, 3));
}

void TestJobQueue::runningJobCannotMove() {
    JobQueueModel model;
    const quint64 a = model.enqueue(requestWithSeed(1), "a");
    const quint64 b = model.enqueue(requestWithSeed(2), "b");
    const quint64 c = model.enqueue(requestWithSeed(3), "c");
    model.startNext();
    QVERIFY(!model.moveJob(0, 2));
    QVERIFY(!model.moveJob(2, 0));
    QVERIFY(model.moveJob(2, 1));
    QCOMPARE(ids(model), (QList<quint64>{a, c, b}));
    QVERIFY(!model.removePending(a));
    model.clearPending();
    QCOMPARE(ids(model), QList<quint64>{a});
}

void TestJobQueue::removePending() {
    JobQueueModel model;
    QAbstractItemModelTester tester(&model);
    const quint64 a = model.enqueue(requestWithSeed(1), "a");
    const quint64 b = model.enqueue(requestWithSeed(2), "b");
    QVERIFY(model.removePending(a));
    QVERIFY(!model.removePending(a));
    QCOMPARE(ids(model), QList<quint64>{b});
    QCOMPARE(model.requestOf(b)->seed, uint64_t(2));
    QVERIFY(model.requestOf(a) == nullptr);
}

void TestJobQueue::controllerRunsInQueueOrder() {
    auto engine = std::make_unique<test::FakeEngine>();
    engine->stepTime = std::chrono::milliseconds(30);
    GenerationController controller(std::move(engine));
    QList<uint64_t> seedsDone;
    connect(&controller, &GenerationController::jobFinished, this,
            [&](const GenerationOutput& output) { seedsDone << output.request.seed; });
    controller.submit(requestWithSeed(1), "one");
    controller.submit(requestWithSeed(2), "two");
    controller.submit(requestWithSeed(3), "three");
    JobQueueModel* queue = controller.queue();
    QCOMPARE(queue->rowCount(), 3);
    QVERIFY(queue->moveJob(2, 1));  // "three" jumps ahead of "two"
    QTRY_COMPARE_WITH_TIMEOUT(seedsDone.size(), 3, 10000);
    QCOMPARE(seedsDone, (QList<uint64_t>{1, 3, 2}));
    QCOMPARE(queue->rowCount(), 0);
    QVERIFY(!controller.isBusy());
}

void TestJobQueue::controllerCancelsRunningAndPending() {
    auto engine = std::make_unique<test::FakeEngine>();
    engine->steps = 500;
    engine->stepTime = std::chrono::milliseconds(20);
    GenerationController controller(std::move(engine));
    QList<quint64> cancelled;
    QList<quint64> finished;
    connect(&controller, &GenerationController::jobCancelled, this,
            [&](quint64 id) { cancelled << id; });
    connect(&controller, &GenerationController::jobFinished, this,
            [&](const GenerationOutput& output) { finished << output.jobId; });
    QSignalSpy progress(&controller, &GenerationController::progress);
    const quint64 first = controller.submit(requestWithSeed(1), "first");
    const quint64 second = controller.submit(requestWithSeed(2), "second");
    QTRY_VERIFY_WITH_TIMEOUT(progress.count() > 0, 5000);
    controller.cancel(second);
    QCOMPARE(controller.queue()->rowCount(), 1);
    controller.cancel(first);
    QTRY_COMPARE_WITH_TIMEOUT(cancelled, QList<quint64>{first}, 5000);
    QCOMPARE(controller.queue()->rowCount(), 0);
    QVERIFY(finished.isEmpty());
}

QTEST_GUILESS_MAIN(TestJobQueue)
#include "test_job_queue.moc"
