#include "ui/generation/token_counter.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace i4::ui {

namespace {

// Long enough that a burst of keystrokes costs one count, short enough to feel live.
constexpr int kDefaultDebounceMs = 150;

}  // namespace

TokenCounter::TokenCounter(EngineSource engineSource, QObject* parent)
    : QObject(parent), m_engineSource(std::move(engineSource)), m_debounce(new QTimer(this)) {
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDefaultDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &TokenCounter::start);
}

void TokenCounter::setDebounceMs(int ms) { m_debounce->setInterval(ms); }

void TokenCounter::setText(const QString& text) {
    m_text = text;
    m_debounce->start();
}

void TokenCounter::recount() { m_debounce->start(); }

void TokenCounter::start() {
    if (m_running) {
        m_dirty = true;
        return;
    }
    std::shared_ptr<const Engine> engine = m_engineSource ? m_engineSource() : nullptr;
    if (!engine) {
        m_count = -1;
        emit counted(-1);
        return;
    }
    m_running = true;
    m_dirty = false;
    // The task holds the engine, so a model reload cannot free it mid-count; the watcher is a
    // child of this object, so a count that ends after it is gone is dropped.
    auto* watcher = new QFutureWatcher<int>(this);
    connect(watcher, &QFutureWatcher<int>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_running = false;
        m_count = watcher->result();
        emit counted(m_count);
        if (m_dirty) start();
    });
    watcher->setFuture(QtConcurrent::run([engine, text = m_text.toStdString()] {
        try {
            return engine->countTokens(text);
        } catch (const std::exception&) {
            // A prompt the tokenizer rejects has no count; generation reports the reason.
            return -1;
        }
    }));
}

}  // namespace i4::ui
