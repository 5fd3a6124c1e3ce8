#pragma once

#include <QElapsedTimer>
#include <QImage>
#include <QObject>
#include <atomic>
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
    explicit GenerationWorker(std::unique_ptr<Engine> engine = {}, QObject* parent = nullptr);
    ~GenerationWorker() override;

    // Thread-safe. Cancels `jobId` if it is the job being run; a stale id is ignored.
    void requestCancel(quint64 jobId);
    bool hasEngine() const { return m_hasEngine.load(); }
    // Thread-safe. The loaded engine, shared so a caller on another thread (the token counter)
    // keeps it alive while it uses it; null while none is loaded.
    std::shared_ptr<const Engine> engine() const;

public slots:
    void run(const i4::ui::GenerationJob& job);
    void loadModel(const QString& folder, const QString& device, const QString& dtype);

signals:
    void started(quint64 jobId);
    void progress(int step, int total, double etaSeconds);
    void preview(const QImage& image);
    void finished(const i4::ui::GenerationOutput& results);
    void failed(const QString& message);
    void cancelled();
    void modelLoaded(const QString& modelId);
    void modelLoadFailed(const QString& message);

private:
    pipeline::GenerationCallbacks makeCallbacks();

    // Replaced only on this worker's thread, always through std::atomic_store, so engine() may
    // read it from any thread.
    std::shared_ptr<Engine> m_engine;
    std::atomic<bool> m_hasEngine{false};
    std::atomic<bool> m_cancel{false};
    std::atomic<quint64> m_runningJob{0};
    QElapsedTimer m_sincePreview;
};

}  // namespace i4::ui
