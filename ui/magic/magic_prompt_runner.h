#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>
#include <mutex>
#include <string>

#include "core/magic/magic_prompt_backend.h"

class QThread;
class QTimer;

namespace i4::ui {

// Runs one magic prompt at a time on a thread of its own, so that neither a slow endpoint nor the
// local model's decoding holds up the window. The text so far is handed to the GUI thread at most
// every 40 ms (textChanged), however fast the pieces come.
class MagicPromptRunner : public QObject {
    Q_OBJECT

public:
    explicit MagicPromptRunner(QObject* parent = nullptr);
    ~MagicPromptRunner() override;  // cancels a run and waits for its thread

    bool isRunning() const { return m_thread != nullptr; }
    // Starts expanding `request` with `backend`. Ignored while a run is in progress.
    void start(std::shared_ptr<magic::MagicPromptBackend> backend,
               const magic::MagicPromptRequest& request);
    // Asks the run to stop; cancelled() follows once the back end has noticed.
    void cancel();

signals:
    void textChanged(const QString& textSoFar);
    // The verified caption in canonical form; `seconds` the run took.
    void finished(const QString& caption, double seconds);
    void failed(const QString& message);
    void cancelled();

private:
    void flushText();
    void onThreadDone();

    QThread* m_thread = nullptr;
    QTimer* m_flush = nullptr;
    QElapsedTimer m_clock;
    std::atomic<bool> m_cancel{false};
    std::mutex m_mutex;  // guards the fields below, written by the run's thread
    std::string m_text;
    bool m_dirty = false;
    enum class Outcome { None, Finished, Failed, Cancelled } m_outcome = Outcome::None;
    std::string m_result;  // the caption, or the error message
};

}  // namespace i4::ui
