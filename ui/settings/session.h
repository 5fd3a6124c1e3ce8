#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QVector>
#include <functional>
#include <optional>

#include "core/pipeline/generation_request.h"

class QTimer;

namespace i4::ui {

class MainWindow;

// Note [session autosave]
// What the user was doing survives a quit, a crash or a kill: the caption exactly as shown, the
// generation panel's settings (as the request it would run, plus seed mode, image count and the
// LoRAs picked for the model),
// the window's and the Create tab splitter's geometry, and the queued jobs. It is written as one
// JSON file in the app data folder (atomically, so a kill leaves the old or the new one) a few
// seconds after anything changes, when the queue changes and on quit; at the next start it is
// read back. The panel's settings come back only for the model folder they were made with (a
// new model brings its own defaults); queued jobs come back only if the user says so.
struct SessionState {
    struct Job {
        pipeline::GenerationRequest request;
        QString title;
    };
    QString modelFolder;
    QString prompt;
    pipeline::GenerationRequest request;  // the panel's, without the prompt
    int seedMode = 0;
    int batchCount = 1;
    QByteArray windowGeometry;
    QByteArray windowState;
    QByteArray splitterState;
    QVector<Job> queue;

    QByteArray toJson() const;
    // Nothing for a file that is not a session (a missing one, another version, broken JSON).
    static std::optional<SessionState> fromJson(const QByteArray& json, QString* error = nullptr);
};

// Captures, autosaves and restores a main window's session in `file`.
class SessionKeeper : public QObject {
    Q_OBJECT

public:
    // Asked before the queue comes back: (title, text) -> yes.
    using Question = std::function<bool(const QString&, const QString&)>;

    SessionKeeper(MainWindow* window, QString file, Question question);

    SessionState capture() const;
    // Restores the saved session, if any; false (with `error`) for a file that cannot be read.
    bool restore(QString* error = nullptr);
    // Writes the session now; false (with `error`) when the file cannot be written.
    bool save(QString* error = nullptr);
    QString file() const { return m_file; }

private:
    void saveIfChanged();

    MainWindow* m_window;
    QString m_file;
    Question m_question;
    QByteArray m_lastSaved;
    QTimer* m_timer = nullptr;
};

}  // namespace i4::ui
