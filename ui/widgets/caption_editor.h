#pragma once

#include <QWidget>

#include "ui/caption/caption.h"

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QTabWidget;
class QTimer;

namespace i4::ui {

class LayoutCanvas;
class PaletteEditor;

// The caption, three ways at once: a form (description, style, background, elements with
// palettes), the raw JSON, and the layout canvas. Form and canvas edits rewrite the JSON in
// canonical form; JSON edits are parsed (after a short pause in typing) and refill the form.
// The prompt sent to the model is the JSON text exactly as shown.
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

signals:
    void promptChanged();

private:
    QWidget* buildForm();
    QWidget* buildElementEditor();
    void parseJsonText();
    void formEdited();
    void refreshForm();
    void refreshElementEditor();
    void refreshElementList();
    void writeJson();
    void showVerification(const QStringList& importWarnings);
    void addElement(CaptionElement::Kind kind, const BBox& box);
    void moveSelectedElement(int delta);
    CaptionElement* selectedElement();

    Caption m_caption;
    bool m_structured = true;
    bool m_updating = false;

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
    QLabel* m_elementBox = nullptr;
    QPlainTextEdit* m_json = nullptr;
    QLabel* m_jsonStatus = nullptr;
    QTimer* m_parseTimer = nullptr;
    LayoutCanvas* m_canvas = nullptr;
};

}  // namespace i4::ui
