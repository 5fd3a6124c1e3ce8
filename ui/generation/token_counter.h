#pragma once

#include <QObject>
#include <QString>
#include <functional>
#include <memory>

#include "ui/engine/engine.h"

class QTimer;

namespace i4::ui {

// Counts a prompt's tokens through Engine::countTokens off the UI thread. Typing restarts a
// short pause; after it one count runs on the thread pool, and edits made while it runs are
// counted next (never more than one at a time, only the latest text). `engineSource` is asked
// for the engine on each count, so a model loaded later is picked up by recount().
class TokenCounter : public QObject {
    Q_OBJECT

public:
    using EngineSource = std::function<std::shared_ptr<const Engine>()>;

    explicit TokenCounter(EngineSource engineSource, QObject* parent = nullptr);

    void setText(const QString& text);
    // Counts the current text again (after the model changed).
    void recount();
    void setDebounceMs(int ms);
    // The last finished count, -1 while no model is loaded.
    int count() const { return m_count; }

signals:
    // `tokens` is -1 when no engine is loaded.
    void counted(int tokens);

private:
    void start();

    EngineSource m_engineSource;
    QTimer* m_debounce = nullptr;
    QString m_text;
    bool m_running = false;
    bool m_dirty = false;
    int m_count = -1;
};

}  // namespace i4::ui
