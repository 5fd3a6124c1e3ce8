#include "ui/generation/generation_controller.h"

#include "ui/generation/job_queue_model.h"

namespace i4::ui {

GenerationController::GenerationController(std::unique_ptr<Engine> engine, QObject* parent)
    : QObject(parent), m_queue(new JobQueueModel(this)) {
    qRegisterMetaType<GenerationJob>();
    qRegisterMetaType<GenerationOutput>();
    qRegisterMetaType<ModelLoadInfo>();
    qRegisterMetaType<pipeline::LoadProgress>();
    m_thread.setObjectName(QStringLiteral("i4 engine"));
    m_worker = new GenerationWorker(std::move(engine));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);

    connect(this, &GenerationController::runRequested, m_worker, &GenerationWorker::run);
    connect(this, &GenerationController::loadRequested, m_worker, &GenerationWorker::loadModel);

    connect(m_worker, &GenerationWorker::started, this, &GenerationController::jobStarted);
    connect(m_worker, &GenerationWorker::progress, this,
            [this](int step, int total, double eta, double secondsPerStep) {
                m_queue->setProgress(m_queue->runningJobId(), step, total);
                emit progress(step, total, eta, secondsPerStep);
            });
    connect(m_worker, &GenerationWorker::preview, this, &GenerationController::preview);
    connect(m_worker, &GenerationWorker::finished, this, [this](const GenerationOutput& output) {
        onJobEnded();
        emit jobFinished(output);
        dispatchNext();
    });
    connect(m_worker, &GenerationWorker::failed, this, [this](const QString& message) {
        const quint64 id = m_queue->runningJobId();
        onJobEnded();
        emit jobFailed(id, message);
        dispatchNext();
    });
    connect(m_worker, &GenerationWorker::cancelled, this, [this] {
        const quint64 id = m_queue->runningJobId();
        onJobEnded();
        emit jobCancelled(id);
        dispatchNext();
    });
    connect(m_worker, &GenerationWorker::loadProgress, this, &GenerationController::loadProgress);
    connect(m_worker, &GenerationWorker::modelLoaded, this, [this](const ModelLoadInfo& info) {
        --m_pendingLoads;
        emit modelLoaded(info);
        dispatchNext();
    });
    connect(m_worker, &GenerationWorker::modelLoadFailed, this, [this](const QString& message) {
        --m_pendingLoads;
        emit modelLoadFailed(message);
    });
    m_thread.start();
}

GenerationController::~GenerationController() {
    m_queue->clearPending();
    m_worker->requestCancel(m_queue->runningJobId());
    m_thread.quit();
    m_thread.wait();
}

bool GenerationController::hasEngine() const { return m_worker->hasEngine(); }

std::shared_ptr<const Engine> GenerationController::engine() const { return m_worker->engine(); }

quint64 GenerationController::submit(const pipeline::GenerationRequest& request,
                                     const QString& title) {
    const quint64 id = m_queue->enqueue(request, title);
    dispatchNext();
    return id;
}

void GenerationController::cancel(quint64 jobId) {
    if (jobId == m_queue->runningJobId()) {
        m_worker->requestCancel(jobId);
    } else {
        m_queue->removePending(jobId);
    }
}

void GenerationController::cancelAll() {
    m_queue->clearPending();
    if (m_queue->hasRunning()) m_worker->requestCancel(m_queue->runningJobId());
}

void GenerationController::loadModel(const QString& folder, const QString& device,
                                     const QString& dtype, const QString& memory, bool fastMode) {
    ++m_pendingLoads;
    emit loadRequested(folder, device, dtype, memory, fastMode);
}

void GenerationController::setLoader(GenerationWorker::ModelLoader loader) {
    m_worker->setLoader(std::move(loader));
}

void GenerationController::dispatchNext() {
    // Loading replaces the engine; jobs wait until it is done (or failed).
    if (m_busy || m_pendingLoads > 0) return;
    const std::optional<GenerationJob> job = m_queue->startNext();
    if (!job) return;
    m_busy = true;
    emit runRequested(*job);
}

void GenerationController::onJobEnded() {
    m_busy = false;
    m_queue->finishRunning();
}

}  // namespace i4::ui
