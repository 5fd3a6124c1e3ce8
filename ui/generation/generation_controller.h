#pragma once

#include <QImage>
#include <QObject>
#include <QThread>
#include <memory>

#include "ui/engine/engine.h"
#include "ui/generation/generation_job.h"
#include "ui/generation/generation_worker.h"

namespace i4::ui {

class JobQueueModel;

// UI-thread facade over the engine thread: owns the QThread, the worker on it and the job
// queue; feeds the worker one job at a time. Nothing here ever blocks on the engine, except the
// destructor, which cancels the running job and then joins the thread.
class GenerationController : public QObject {
    Q_OBJECT

public:
    explicit GenerationController(std::unique_ptr<Engine> engine = {}, QObject* parent = nullptr);
    ~GenerationController() override;

    JobQueueModel* queue() const { return m_queue; }
    bool hasEngine() const;
    // Thread-safe snapshot of the loaded engine (null while none is loaded or one is loading).
    std::shared_ptr<const Engine> engine() const;
    bool isBusy() const { return m_busy; }

    quint64 submit(const pipeline::GenerationRequest& request, const QString& title);
    // A pending job leaves the queue; the running one is asked to stop.
    void cancel(quint64 jobId);
    void cancelAll();
    // Loads on the engine thread; `device`, `dtype`, `memory` as in AppSettings ("auto" too),
    // `fastMode` as GenerationWorker::loadModel takes it.
    void loadModel(const QString& folder, const QString& device, const QString& dtype,
                   const QString& memory = QStringLiteral("auto"), bool fastMode = false);
    bool isLoading() const { return m_pendingLoads > 0; }
    // Replaces how a folder becomes an Engine (tests); before the first loadModel() only.
    void setLoader(GenerationWorker::ModelLoader loader);

signals:
    void jobStarted(quint64 jobId);
    void progress(int step, int total, double etaSeconds, double secondsPerStep);
    void preview(const QImage& image);
    void jobFinished(const i4::ui::GenerationOutput& output);
    void jobFailed(quint64 jobId, const QString& message);
    void jobCancelled(quint64 jobId);
    void loadProgress(const i4::pipeline::LoadProgress& progress);
    void modelLoaded(const i4::ui::ModelLoadInfo& info);
    void modelLoadFailed(const QString& message);

    // Internal: queued hand-over to the worker thread.
    void runRequested(const i4::ui::GenerationJob& job);
    void loadRequested(const QString& folder, const QString& device, const QString& dtype,
                       const QString& memory, bool fastMode);

private:
    void dispatchNext();
    void onJobEnded();

    QThread m_thread;
    GenerationWorker* m_worker = nullptr;  // lives on m_thread, deleted by its finished()
    JobQueueModel* m_queue = nullptr;
    bool m_busy = false;
    int m_pendingLoads = 0;  // asked for and not yet loaded or failed
};

}  // namespace i4::ui
