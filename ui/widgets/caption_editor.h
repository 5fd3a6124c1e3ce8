#pragma once

#include <QWidget>

#include "ui/caption/caption.h"

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QTabWidget;
class QTimer;
class QUndoStack;

namespace i4::ui {

class LayoutCanvas;
class PaletteEditor;

// The caption, three ways at once: a form (description, style, background, elements with
// palettes and boxes), the JSON, and the layout canvas. The JSON tab shows the caption laid out
// for reading (prettyJson); the prompt sent to the model is its canonical one-line form. JSON
// edits are parsed after a short pause in typing and refill the form; a prompt set from outside
// (a remix) is sent exactly as given until it is edited.
//
// Every change, wherever it was made, is one step on undoStack(): typing into one field merges
// into one step, a canvas drag is one step, a JSON edit is one step per pause in typing. Ctrl+Z
// and Ctrl+Shift+Z in the editor's text fields go to this stack too, not to the field's own.
class CaptionEditor : public QWidget {
    Q_OBJECT

public:
    explicit CaptionEditor(QWidget* parent = nullptr);

    QString promptText() const;
    // Shows `text` verbatim (no re-serialisation), so a remixed prompt is sent unchanged.
    void setPromptText(const QString& text);
    Caption caption() const { return m_caption; }
    void setCaption(const Caption& caption);
    bool isStructured() const { return m_structured; }
    // Nothing to generate from: no text, or a structured caption with every field empty (what
    // a fresh editor holds).
    bool isBlank() const;
    void setAspect(int width, int height);
    LayoutCanvas* canvas() const { return m_canvas; }
    QUndoStack* undoStack() const { return m_undo; }
    // The stack's undo/redo, after taking in JSON typed since the last pause.
    void undo();
    void redo();

signals:
    void promptChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    friend class CaptionSnapshotCommand;

    QWidget* buildForm();
    QWidget* buildElementEditor();
    // `typed`: the user's own JSON edit (an undo step), not a prompt shown from elsewhere.
    void parseJsonText(bool typed = true);
    void formEdited();
    void refreshForm();
    void refreshElementEditor();
    void refreshElementList();
    void writeJson();
    void showVerification(const QStringList& importWarnings);
    void addElement(CaptionElement::Kind kind, const BBox& box);
    void removeElement(int row);
    void moveElement(int row, int delta);
    void boxEdited();
    CaptionElement* selectedElement();
    // Shows `prompt` (laid out when it is JSON) and refills the form from it.
    void showPrompt(const QString& prompt);
    // Pushes an undo step when the prompt differs from the one last recorded.
    void recordUndoStep();
    void restoreSnapshot(const QString& prompt, int row);
    void flushPendingParse();

    Caption m_caption;
    QString m_prompt;    // what promptText() returns
    QString m_recorded;  // the prompt as of the newest undo step
    int m_recordedRow = -1;
    bool m_structured = true;
    bool m_updating = false;
    bool m_restoring = false;
    QString m_stepLabel;  // names the next undo step; "Edit caption" when empty
    QUndoStack* m_undo = nullptr;

    QTabWidget* m_tabs = nullptr;
    QPlainTextEdit* m_description = nullptr;
    QGroupBox* m_styleGroup = nullptr;
    QComboBox* m_styleKind = nullptr;
    QLineEdit* m_aesthetics = nullptr;
    QLineEdit* m_lighting = nullptr;
    QLabel* m_kindLabel = nullptr;
    QLineEdit* m_photoOrArtStyle = nullptr;
    QLineEdit* m_medium = nullptr;
    PaletteEditor* m_globalPalette = nullptr;
    QLineEdit* m_background = nullptr;
    QListWidget* m_elementList = nullptr;
    QWidget* m_elementEditor = nullptr;
    QComboBox* m_elementKind = nullptr;
    QLineEdit* m_elementText = nullptr;
    QLineEdit* m_elementDesc = nullptr;
    PaletteEditor* m_elementPalette = nullptr;
    QCheckBox* m_elementHasBox = nullptr;
    QSpinBox* m_boxTop = nullptr;
    QSpinBox* m_boxLeft = nullptr;
    QSpinBox* m_boxBottom = nullptr;
    QSpinBox* m_boxRight = nullptr;
    QLabel* m_boxNote = nullptr;
    QPlainTextEdit* m_json = nullptr;
    QLabel* m_jsonStatus = nullptr;
    QTimer* m_parseTimer = nullptr;
    LayoutCanvas* m_canvas = nullptr;
};

}  // namespace i4::ui
