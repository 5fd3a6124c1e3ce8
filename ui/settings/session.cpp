#include "ui/settings/session.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSplitter>
#include <QTimer>
#include <algorithm>
#include <nlohmann/json.hpp>

#include "ui/generation/generation_controller.h"
#include "ui/generation/job_queue_model.h"
#include "ui/main_window.h"
#include "ui/widgets/caption_editor.h"
#include "ui/widgets/generation_panel.h"
#include "ui/widgets/lora_picker.h"

namespace i4::ui {

namespace {

constexpr const char* kFormat = "i4studio-session";
constexpr int kVersion = 1;
constexpr int kAutosaveMs = 3000;
// A session is small; anything far larger is not one of ours.
constexpr qint64 kMaxSessionBytes = 64 << 20;

std::string base64(const QByteArray& bytes) { return bytes.toBase64().toStdString(); }

QByteArray fromBase64(const nlohmann::json& json, const char* key) {
    if (!json.contains(key) || !json[key].is_string()) return {};
    return QByteArray::fromBase64(QByteArray::fromStdString(json[key].get<std::string>()));
}

QString text(const nlohmann::json& json, const char* key) {
    return json.contains(key) && json[key].is_string()
               ? QString::fromStdString(json[key].get<std::string>())
               : QString();
}

}  // namespace

QByteArray SessionState::toJson() const {
    nlohmann::json jobs = nlohmann::json::array();
    for (const Job& job : queue) {
        jobs.push_back({{"request", job.request.toJson()}, {"title", job.title.toStdString()}});
    }
    const nlohmann::json json = {{"format", kFormat},
                                 {"version", kVersion},
                                 {"model_folder", modelFolder.toStdString()},
                                 {"prompt", prompt.toStdString()},
                                 {"request", request.toJson()},
                                 {"seed_mode", seedMode},
                                 {"batch_count", batchCount},
                                 {"window_geometry", base64(windowGeometry)},
                                 {"window_state", base64(windowState)},
                                 {"splitter_state", base64(splitterState)},
                                 {"queue", jobs}};
    return QByteArray::fromStdString(json.dump(2) + "\n");
}

std::optional<SessionState> SessionState::fromJson(const QByteArray& bytes, QString* error) {
    auto fail = [error](const QString& message) -> std::optional<SessionState> {
        if (error) *error = message;
        return std::nullopt;
    };
    const nlohmann::json json = nlohmann::json::parse(bytes.toStdString(), nullptr, false);
    if (json.is_discarded() || !json.is_object()) return fail(QObject::tr("not valid JSON"));
    if (json.value("format", std::string()) != kFormat || json.value("version", 0) != kVersion) {
        return fail(QObject::tr("not an i4studio session of this version"));
    }
    SessionState s;
    try {
        s.modelFolder = text(json, "model_folder");
        s.prompt = text(json, "prompt");
        if (json.contains("request"))
            s.request = pipeline::GenerationRequest::fromJson(json["request"]);
        s.seedMode = json.value("seed_mode", 0);
        s.batchCount = json.value("batch_count", 1);
        s.windowGeometry = fromBase64(json, "window_geometry");
        s.windowState = fromBase64(json, "window_state");
        s.splitterState = fromBase64(json, "splitter_state");
        if (json.contains("queue") && json["queue"].is_array()) {
            for (const nlohmann::json& job : json["queue"]) {
                if (!job.is_object() || !job.contains("request")) continue;
                s.queue.push_back(
                    {pipeline::GenerationRequest::fromJson(job["request"]), text(job, "title")});
            }
        }
    } catch (const std::exception& e) {
        return fail(QString::fromStdString(e.what()));
    }
    return s;
}

SessionKeeper::SessionKeeper(MainWindow* window, QString file, Question question)
    : QObject(window), m_window(window), m_file(std::move(file)), m_question(std::move(question)) {
    m_timer = new QTimer(this);
    m_timer->setInterval(kAutosaveMs);
    connect(m_timer, &QTimer::timeout, this, &SessionKeeper::saveIfChanged);
    m_timer->start();
    // A job queued and then a crash: the queue is written at once, not at the next tick.
    JobQueueModel* queue = window->controller()->queue();
    connect(queue, &QAbstractItemModel::rowsInserted, this, &SessionKeeper::saveIfChanged);
    connect(queue, &QAbstractItemModel::rowsRemoved, this, &SessionKeeper::saveIfChanged);
}

SessionState SessionKeeper::capture() const {
    SessionState s;
    s.modelFolder = m_window->activeModelFolder();
    s.prompt = m_window->captionEditor()->promptText();
    s.request = m_window->generationPanel()->request(QString());
    s.request.prompts.clear();
    // The LoRAs picked for the model (they are load options, not part of the panel's request).
    s.request.loras = m_window->generationPanel()->loraPicker()->loras();
    s.seedMode = int(m_window->generationPanel()->seedMode());
    s.batchCount = m_window->generationPanel()->batchCount();
    s.windowGeometry = m_window->saveGeometry();
    s.windowState = m_window->saveState();
    if (auto* splitter = m_window->findChild<QSplitter*>(QStringLiteral("createSplitter"))) {
        s.splitterState = splitter->saveState();
    }
    const JobQueueModel* queue = m_window->controller()->queue();
    for (int row = 0; row < queue->rowCount(); ++row) {
        const quint64 id = queue->jobIdAt(row);
        if (const pipeline::GenerationRequest* request = queue->requestOf(id)) {
            s.queue.push_back(
                {*request, queue->data(queue->index(row), Qt::ToolTipRole).toString()});
        }
    }
    return s;
}

bool SessionKeeper::restore(QString* error) {
    QFile in(m_file);
    if (!in.exists()) return true;
    if (in.size() > kMaxSessionBytes || !in.open(QIODevice::ReadOnly)) {
        if (error) *error = tr("%1 cannot be read").arg(m_file);
        return false;
    }
    QString why;
    const std::optional<SessionState> s = SessionState::fromJson(in.readAll(), &why);
    if (!s) {
        if (error) *error = QStringLiteral("%1: %2").arg(m_file, why);
        return false;
    }
    if (!s->windowGeometry.isEmpty()) m_window->restoreGeometry(s->windowGeometry);
    if (!s->windowState.isEmpty()) m_window->restoreState(s->windowState);
    if (auto* splitter = m_window->findChild<QSplitter*>(QStringLiteral("createSplitter"));
        splitter && !s->splitterState.isEmpty()) {
        splitter->restoreState(s->splitterState);
    }
    if (!s->prompt.isEmpty()) m_window->captionEditor()->setPromptText(s->prompt);
    GenerationPanel* panel = m_window->generationPanel();
    if (s->modelFolder == m_window->activeModelFolder()) {
        pipeline::GenerationRequest settings = s->request;
        settings.loras.clear();  // the picker's, below (the bundle fills a request's own)
        panel->setRequest(settings);
        // A different list reloads the model with it (a missing file stays listed, marked).
        panel->loraPicker()->setLoras(s->request.loras);
        panel->setSeedMode(GenerationPanel::SeedMode(std::clamp(s->seedMode, 0, 2)));
        panel->setBatchCount(s->batchCount);
    }
    if (!s->queue.isEmpty() &&
        m_question(tr("Queued images"),
                   tr("%n image(s) were still queued when i4studio closed. Queue them again?",
                      nullptr, int(s->queue.size())))) {
        for (const SessionState::Job& job : s->queue) {
            m_window->controller()->submit(job.request, job.title);
        }
    }
    m_lastSaved = capture().toJson();
    return true;
}

bool SessionKeeper::save(QString* error) {
    const QByteArray json = capture().toJson();
    QDir().mkpath(QFileInfo(m_file).absolutePath());
    QSaveFile out(m_file);
    if (!out.open(QIODevice::WriteOnly) || out.write(json) != json.size() || !out.commit()) {
        if (error) *error = tr("%1 cannot be written: %2").arg(m_file, out.errorString());
        return false;
    }
    m_lastSaved = json;
    return true;
}

void SessionKeeper::saveIfChanged() {
    if (capture().toJson() != m_lastSaved) save();
}

}  // namespace i4::ui
