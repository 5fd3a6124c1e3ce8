#include "ui/magic/magic_prompt_bar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <numeric>

#include "core/caption/caption_format.h"
#include "core/magic/partial_caption.h"
#include "ui/magic/magic_prompt_runner.h"
#include "ui/widgets/caption_editor.h"

namespace i4::ui {

MagicPromptBar::MagicPromptBar(CaptionEditor* editor, QWidget* parent)
    : QWidget(parent), m_editor(editor), m_runner(new MagicPromptRunner(this)) {
    m_factory = [](QString* whyNot) {
        *whyNot = tr("No magic prompt back end is set up.");
        return std::unique_ptr<magic::MagicPromptBackend>();
    };
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto* row = new QHBoxLayout;
    m_idea = new QLineEdit(this);
    m_idea->setObjectName(QStringLiteral("magicIdea"));
    m_idea->setPlaceholderText(tr("A plain idea, e.g. a green star above a red ring"));
    m_idea->setClearButtonEnabled(true);
    m_run = new QPushButton(tr("Magic prompt"), this);
    m_run->setObjectName(QStringLiteral("magicPromptButton"));
    m_run->setToolTip(
        tr("Write a detailed structured caption from the idea (the back end is "
           "chosen in Settings › Magic prompt)"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("magicPromptCancel"));
    m_cancel->hide();
    row->addWidget(m_idea, 1);
    row->addWidget(m_run);
    row->addWidget(m_cancel);
    layout->addLayout(row);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("magicPromptStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();
    layout->addWidget(m_status);

    connect(m_run, &QPushButton::clicked, this, &MagicPromptBar::start);
    connect(m_idea, &QLineEdit::returnPressed, this, &MagicPromptBar::start);
    connect(m_cancel, &QPushButton::clicked, this, &MagicPromptBar::cancel);
    connect(m_runner, &MagicPromptRunner::textChanged, this, &MagicPromptBar::showPartial);
    connect(m_runner, &MagicPromptRunner::finished, this, &MagicPromptBar::onFinished);
    connect(m_runner, &MagicPromptRunner::failed, this, [this](const QString& message) {
        onStopped(tr("Magic prompt failed: %1").arg(message));
    });
    connect(m_runner, &MagicPromptRunner::cancelled, this,
            [this] { onStopped(tr("Magic prompt cancelled; the caption is as it was.")); });
}

MagicPromptBar::~MagicPromptBar() = default;

void MagicPromptBar::setAspect(int width, int height) {
    if (width <= 0 || height <= 0) return;
    const int g = std::gcd(width, height);
    m_aspect = QStringLiteral("%1:%2").arg(width / g).arg(height / g);
}

QString MagicPromptBar::idea() const { return m_idea->text().trimmed(); }

void MagicPromptBar::setIdea(const QString& idea) {
    m_idea->setText(idea);
    m_lastIdea = idea.trimmed();
}

QString MagicPromptBar::ideaForCaption() const {
    return !m_lastIdea.isEmpty() && idea() == m_lastIdea ? m_lastIdea : QString();
}

bool MagicPromptBar::isRunning() const { return m_runner->isRunning(); }

void MagicPromptBar::start() {
    if (isRunning()) return;
    // An empty idea field takes a plain-text prompt from the editor.
    if (idea().isEmpty() && !m_editor->isStructured() && !m_editor->isBlank()) {
        m_idea->setText(m_editor->promptText().trimmed());
    }
    m_status->show();
    if (idea().isEmpty()) {
        m_status->setText(tr("Type an idea first."));
        return;
    }
    magic::MagicPromptRequest request;
    request.idea = idea().toStdString();
    request.aspect = m_aspect.toStdString();
    QString whyNot;
    std::unique_ptr<magic::MagicPromptBackend> backend = m_factory(&whyNot);
    if (!backend) {
        m_status->setText(whyNot);
        return;
    }
    m_backendName = QString::fromStdString(backend->name());
    m_runIdea = idea();
    m_shown.clear();
    m_shownAny = false;
    // The streamed captions and the final one are one step on the editor's undo stack.
    m_editor->undoStack()->beginMacro(tr("Magic prompt"));
    setRunning(true);
    m_status->setText(tr("Writing the caption (%1)…").arg(m_backendName));
    m_runner->start(std::move(backend), request);
}

void MagicPromptBar::cancel() {
    if (!isRunning()) return;
    m_status->setText(tr("Cancelling…"));
    m_runner->cancel();
}

void MagicPromptBar::setRunning(bool running) {
    m_run->setEnabled(!running);
    m_idea->setReadOnly(running);
    m_cancel->setVisible(running);
    m_editor->setEnabled(!running);
}

void MagicPromptBar::showPartial(const QString& text) {
    std::optional<nlohmann::ordered_json> partial = magic::parsePartialCaption(text.toStdString());
    if (!partial) return;
    // The editor reads a caption once it has its composition; until the text gets there the
    // composition is shown empty.
    if (!partial->contains("compositional_deconstruction")) {
        (*partial)["compositional_deconstruction"] = {{"background", ""},
                                                      {"elements", nlohmann::json::array()}};
    }
    std::string json = caption::formatCaption(*partial);
    if (json == m_shown) return;
    m_shown = std::move(json);
    m_shownAny = true;
    m_editor->setPromptText(QString::fromStdString(m_shown));
}

void MagicPromptBar::onFinished(const QString& caption, double seconds) {
    m_editor->setPromptText(caption);
    m_editor->undoStack()->endMacro();
    setRunning(false);
    m_lastIdea = m_runIdea;
    m_status->setText(tr("Caption written in %1 s (%2). Edit it as you like.")
                          .arg(seconds, 0, 'f', 1)
                          .arg(m_backendName));
    emit expanded(m_lastIdea);
}

void MagicPromptBar::onStopped(const QString& message) {
    m_editor->undoStack()->endMacro();
    setRunning(false);
    if (m_shownAny) m_editor->undo();  // back to the caption from before the run
    m_status->setText(message);
}

}  // namespace i4::ui
