#include "ui/magic/magic_prompt_runner.h"

#include <QThread>
#include <QTimer>

namespace i4::ui {

MagicPromptRunner::MagicPromptRunner(QObject* parent) : QObject(parent) {
    m_flush = new QTimer(this);
    m_flush->setInterval(40);
    connect(m_flush, &QTimer::timeout, this, &MagicPromptRunner::flushText);
}

MagicPromptRunner::~MagicPromptRunner() {
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

void MagicPromptRunner::start(std::shared_ptr<magic::MagicPromptBackend> backend,
                              const magic::MagicPromptRequest& request) {
    if (m_thread || !backend) return;
    m_cancel = false;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_text.clear();
        m_dirty = false;
        m_outcome = Outcome::None;
        m_result.clear();
    }
    m_thread = QThread::create([this, backend, request] {
        Outcome outcome = Outcome::Failed;
        std::string result;
        try {
            result = backend->expand(
                request,
                [this](std::string_view piece) {
                    std::lock_guard<std::mutex> lock(m_mutex);
                    m_text.append(piece);
                    m_dirty = true;
                },
                [this] { return m_cancel.load(); });
            outcome = Outcome::Finished;
        } catch (const CancelledError&) {
            outcome = Outcome::Cancelled;
        } catch (const std::exception& e) {
            result = e.what();
        } catch (...) {
            result = "unknown error";
        }
        std::lock_guard<std::mutex> lock(m_mutex);
        m_outcome = outcome;
        m_result = std::move(result);
    });
    connect(m_thread, &QThread::finished, this, &MagicPromptRunner::onThreadDone,
            Qt::QueuedConnection);
    m_clock.start();
    m_flush->start();
    m_thread->start();
}

void MagicPromptRunner::cancel() { m_cancel = true; }

void MagicPromptRunner::flushText() {
    QString text;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_dirty) return;
        m_dirty = false;
        text = QString::fromStdString(m_text);
    }
    emit textChanged(text);
}

void MagicPromptRunner::onThreadDone() {
    m_flush->stop();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    Outcome outcome;
    QString result;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        outcome = m_outcome;
        result = QString::fromStdString(m_result);
    }
    const double seconds = m_clock.elapsed() / 1000.0;
    if (outcome == Outcome::Cancelled || (outcome != Outcome::Finished && m_cancel)) {
        emit cancelled();
        return;
    }
    flushText();
    if (outcome == Outcome::Finished) {
        emit finished(result, seconds);
    } else {
        emit failed(result);
    }
}

}  // namespace i4::ui
