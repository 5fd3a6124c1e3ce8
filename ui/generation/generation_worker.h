#pragma once

#include <QElapsedTimer>
#include <QImage>
#include <QObject>
#include <atomic>
#include <functional>
#include <memory>

#include "ui/engine/engine.h"
#include "ui/generation/generation_job.h"

namespace i4::ui {

// Lives on the long-lived engine thread and owns the Engine. Jobs arrive as queued calls of
// run(); cancellation does not: requestCancel() is called directly from the UI thread and only
// stores into an atomic, because a worker busy inside generate() cannot serve queued slots.
class GenerationWorker : public QObject {
    Q_OBJECT

public:
    // Makes an Engine from a model folder; runs on the worker thread.
    using ModelLoader =
        std::function<std::unique_ptr<Engine>(const QString&, const pipeline::LoadOptions&)>;

    explicit GenerationWorker(std::unique_ptr<Engine> engine = {}, QObject* parent = nullptr);
    ~GenerationWorker() override;

    // Replaces loadModelEngine (for tests: a loader that needs no model). Not thread-safe: call
    // before the first loadModel().
    void setLoader(ModelLoader loader) { m_loader = std::move(loader); }

    // Thread-safe. Cancels `jobId` if it is the job being run; a stale id is ignored.
    void requestCancel(quint64 jobId);
    bool hasEngine() const { return m_hasEngine.load(); }
    // Thread-safe. The loaded engine, shared so a caller on another thread (the token counter)
    // keeps it alive while it uses it; null while none is loaded.
    std::shared_ptr<const Engine> engine() const;

public slots:
    void run(const i4::ui::GenerationJob& job);
    // `device`, `dtype` and `memory` as in AppSettings ("auto" allowed); resolved here, since
    // looking for a GPU can take a moment on a CUDA build. `fastMode` asks for
    // LoadOptions::fp8Matmul: passed on as asked, except where "auto" lands on the CPU.
    void loadModel(const QString& folder, const QString& device, const QString& dtype,
                   const QString& memory, bool fastMode = false);

signals:
    void started(quint64 jobId);
    void progress(int step, int total, double etaSeconds, double secondsPerStep);
    void preview(const QImage& image);
    void finished(const i4::ui::GenerationOutput& results);
    void failed(const QString& message);
    void cancelled();
    // Each component as it starts and finishes loading (Note [Memory modes] for where it goes).
    void loadProgress(const i4::pipeline::LoadProgress& progress);
    void modelLoaded(const i4::ui::ModelLoadInfo& info);
    void modelLoadFailed(const QString& message);

private:
    pipeline::GenerationCallbacks makeCallbacks();

    // Replaced only on this worker's thread, always through std::atomic_store, so engine() may
    // read it from any thread.
    std::shared_ptr<Engine> m_engine;
    std::atomic<bool> m_hasEngine{false};
    ModelLoader m_loader;
    std::atomic<bool> m_cancel{false};
    std::atomic<quint64> m_runningJob{0};
    QElapsedTimer m_sincePreview;
};

}  // namespace i4::ui
