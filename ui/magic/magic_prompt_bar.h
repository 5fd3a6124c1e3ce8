#pragma once

#include <QString>
#include <QWidget>
#include <functional>
#include <memory>

#include "core/magic/magic_prompt_backend.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace i4::ui {

class CaptionEditor;
class MagicPromptRunner;

// "Magic prompt" beside the plain idea: the back end turns the idea into a structured caption
// that streams into the caption editor (form, JSON and layout canvas fill in as the text
// arrives), can be cancelled (the caption goes back to what it was), and ends as an ordinary,
// editable caption: one step on the editor's undo stack. The idea that made the caption in the
// editor is ideaForCaption(), which the window records in the image's metadata.
class MagicPromptBar : public QWidget {
    Q_OBJECT

public:
    // Makes the back end for a run, or returns nullptr with `whyNot` set.
    using BackendFactory =
        std::function<std::unique_ptr<magic::MagicPromptBackend>(QString* whyNot)>;

    // Without setBackendFactory() every run says that no back end is set up; the window's
    // factory reads Settings › Magic prompt (createMagicBackend).
    explicit MagicPromptBar(CaptionEditor* editor, QWidget* parent = nullptr);
    ~MagicPromptBar() override;

    void setBackendFactory(BackendFactory factory) { m_factory = std::move(factory); }
    void setAspect(int width, int height);
    QString aspect() const { return m_aspect; }

    QString idea() const;
    // Shows `idea` as the one that made the caption now in the editor (a remix).
    void setIdea(const QString& idea);
    // The idea whose caption is in the editor: the last expanded one, while the idea field still
    // shows it; "" otherwise.
    QString ideaForCaption() const;

    bool isRunning() const;
    void start();
    void cancel();

    QLineEdit* ideaEdit() const { return m_idea; }
    QPushButton* runButton() const { return m_run; }
    QPushButton* cancelButton() const { return m_cancel; }
    QLabel* statusLabel() const { return m_status; }

signals:
    // A caption was written into the editor from `idea`.
    void expanded(const QString& idea);

private:
    void showPartial(const QString& text);
    void onFinished(const QString& caption, double seconds);
    void onStopped(const QString& message);
    void setRunning(bool running);

    CaptionEditor* m_editor;
    MagicPromptRunner* m_runner;
    BackendFactory m_factory;
    QString m_aspect = QStringLiteral("1:1");
    QString m_lastIdea;  // the idea behind the caption in the editor
    QString m_runIdea;   // the idea of the run in progress
    QString m_backendName;
    std::string m_shown;  // the partial caption last put into the editor
    bool m_shownAny = false;

    QLineEdit* m_idea = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QLabel* m_status = nullptr;
};

}  // namespace i4::ui
