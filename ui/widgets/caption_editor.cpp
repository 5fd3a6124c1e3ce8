#include "ui/widgets/caption_editor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include "core/caption/caption_verifier.h"
#include "ui/widgets/json_highlighter.h"
#include "ui/widgets/layout_canvas.h"
#include "ui/widgets/palette_editor.h"

namespace i4::ui {

namespace {

constexpr int kParseDelayMs = 300;
const BBox kNewElementBox{{250, 250, 750, 750}};

bool isUndoKey(const QKeyEvent* key) { return key->matches(QKeySequence::Undo); }

bool isRedoKey(const QKeyEvent* key) {
    return key->matches(QKeySequence::Redo) ||
           key->keyCombination() == QKeyCombination(Qt::CTRL | Qt::SHIFT, Qt::Key_Z);
}

}  // namespace

// One step: the prompt (and the selected element) before and after. Consecutive typing into
// the same field of the same element merges into one step.
class CaptionSnapshotCommand : public QUndoCommand {
public:
    CaptionSnapshotCommand(CaptionEditor* editor, const QString& label, QString before,
                           int beforeRow, QString after, int afterRow, const QObject* field)
        : QUndoCommand(label),
          m_editor(editor),
          m_before(std::move(before)),
          m_after(std::move(after)),
          m_beforeRow(beforeRow),
          m_afterRow(afterRow),
          m_field(field) {}

    int id() const override { return m_field ? 1 : -1; }
    bool mergeWith(const QUndoCommand* other) override {
        const auto* next = static_cast<const CaptionSnapshotCommand*>(other);
        if (next->m_field != m_field || next->m_beforeRow != m_afterRow) return false;
        m_after = next->m_after;
        m_afterRow = next->m_afterRow;
        return true;
    }
    void undo() override { m_editor->restoreSnapshot(m_before, m_beforeRow); }
    void redo() override {
        // The first redo() is QUndoStack::push: the editor already shows the new state.
        if (m_pushed) m_editor->restoreSnapshot(m_after, m_afterRow);
        m_pushed = true;
    }

private:
    CaptionEditor* m_editor;
    QString m_before, m_after;
    int m_beforeRow, m_afterRow;
    const QObject* m_field;
    bool m_pushed = false;
};

CaptionEditor::CaptionEditor(QWidget* parent) : QWidget(parent) {
    m_undo = new QUndoStack(this);
    m_parseTimer = new QTimer(this);
    m_parseTimer->setSingleShot(true);
    m_parseTimer->setInterval(kParseDelayMs);
    connect(m_parseTimer, &QTimer::timeout, this, [this] { parseJsonText(); });

    m_tabs = new QTabWidget(this);
    auto* formScroll = new QScrollArea(m_tabs);
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    formScroll->setObjectName(QStringLiteral("captionFormScroll"));
    formScroll->setWidget(buildForm());
    m_tabs->addTab(formScroll, tr("Caption"));

    auto* jsonPage = new QWidget(m_tabs);
    auto* jsonLayout = new QVBoxLayout(jsonPage);
    m_json = new QPlainTextEdit(jsonPage);
    m_json->setObjectName(QStringLiteral("captionJson"));
    m_json->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setUndoRedoEnabled(false);  // the editor's one stack undoes JSON edits too
    new JsonHighlighter(m_json->document());
    m_jsonStatus = new QLabel(jsonPage);
    m_jsonStatus->setObjectName(QStringLiteral("jsonStatus"));
    m_jsonStatus->setWordWrap(true);
    m_jsonStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    jsonLayout->addWidget(m_json, 1);
    jsonLayout->addWidget(m_jsonStatus);
    m_tabs->addTab(jsonPage, tr("JSON"));
    connect(m_json, &QPlainTextEdit::textChanged, this, [this] {
        if (m_updating) return;
        m_parseTimer->start();
        emit promptChanged();
    });

    m_canvas = new LayoutCanvas(this);
    m_canvas->setObjectName(QStringLiteral("layoutCanvas"));
    m_canvas->setToolTip(
        tr("Drag on empty space to add a box; drag a box or its corners to move or resize it; "
           "Delete removes the selected one; right-click for more."));
    connect(m_canvas, &LayoutCanvas::boxDrawn, this,
            [this](const BBox& box) { addElement(CaptionElement::Kind::Object, box); });
    connect(m_canvas, &LayoutCanvas::addRequested, this, [this](bool text, const BBox& box) {
        addElement(text ? CaptionElement::Kind::Text : CaptionElement::Kind::Object, box);
    });
    connect(m_canvas, &LayoutCanvas::deleteRequested, this, &CaptionEditor::removeElement);
    connect(m_canvas, &LayoutCanvas::moveRequested, this, &CaptionEditor::moveElement);
    connect(m_canvas, &LayoutCanvas::elementSelected, this,
            [this](int index) { m_elementList->setCurrentRow(index); });
    connect(m_canvas, &LayoutCanvas::elementBoxChanged, this, [this](int index, const BBox& box) {
        if (index < 0 || index >= m_caption.elements.size()) return;
        m_caption.elements[index].bbox = box;
        if (index == m_elementList->currentRow()) refreshElementEditor();
        writeJson();  // records no step while the drag lasts
    });
    connect(m_canvas, &LayoutCanvas::dragFinished, this, [this] {
        m_stepLabel = tr("Move box");
        recordUndoStep();
    });

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tabs);
    splitter->addWidget(m_canvas);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({470, 250});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    for (QWidget* field : findChildren<QWidget*>()) {
        if (qobject_cast<QLineEdit*>(field) || qobject_cast<QPlainTextEdit*>(field) ||
            qobject_cast<QAbstractSpinBox*>(field)) {
            field->installEventFilter(this);
        }
    }

    Caption initial;
    setCaption(initial);
    m_undo->clear();
    m_recorded = m_prompt;
}

bool CaptionEditor::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_elementList && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->matches(QKeySequence::Delete)) {
        removeElement(m_elementList->currentRow());
        return true;
    }
    // Text fields have their own undo on Ctrl+Z; here it is the caption's, for every field.
    if (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const bool undoKey = isUndoKey(key), redoKey = !undoKey && isRedoKey(key);
        if (undoKey || redoKey) {
            event->accept();
            if (event->type() == QEvent::KeyPress) undoKey ? undo() : redo();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void CaptionEditor::undo() {
    flushPendingParse();
    m_undo->undo();
}

void CaptionEditor::redo() {
    flushPendingParse();
    m_undo->redo();
}

void CaptionEditor::flushPendingParse() {
    if (!m_parseTimer->isActive()) return;
    m_parseTimer->stop();
    parseJsonText();
}

QWidget* CaptionEditor::buildForm() {
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_description = new QPlainTextEdit(page);
    m_description->setObjectName(QStringLiteral("highLevelDescription"));
    m_description->setPlaceholderText(tr("One or two sentences about the whole image"));
    m_description->setFixedHeight(64);
    form->addRow(tr("Prompt"), m_description);
    connect(m_description, &QPlainTextEdit::textChanged, this, &CaptionEditor::formEdited);

    m_styleGroup = new QGroupBox(tr("Style"), page);
    m_styleGroup->setObjectName(QStringLiteral("styleGroup"));
    m_styleGroup->setCheckable(true);
    auto* styleForm = new QFormLayout(m_styleGroup);
    m_styleKind = new QComboBox(m_styleGroup);
    m_styleKind->addItem(tr("Photograph"));
    m_styleKind->addItem(tr("Art style"));
    m_aesthetics = new QLineEdit(m_styleGroup);
    m_aesthetics->setObjectName(QStringLiteral("aesthetics"));
    m_lighting = new QLineEdit(m_styleGroup);
    m_lighting->setObjectName(QStringLiteral("lighting"));
    m_photoOrArtStyle = new QLineEdit(m_styleGroup);
    m_photoOrArtStyle->setObjectName(QStringLiteral("photoOrArtStyle"));
    m_kindLabel = new QLabel(tr("Photo"), m_styleGroup);
    m_medium = new QLineEdit(m_styleGroup);
    m_medium->setObjectName(QStringLiteral("medium"));
    m_globalPalette = new PaletteEditor(Caption::kMaxGlobalColors, m_styleGroup);
    m_globalPalette->setObjectName(QStringLiteral("globalPalette"));
    styleForm->addRow(tr("Kind"), m_styleKind);
    styleForm->addRow(tr("Aesthetics"), m_aesthetics);
    styleForm->addRow(tr("Lighting"), m_lighting);
    styleForm->addRow(m_kindLabel, m_photoOrArtStyle);
    styleForm->addRow(tr("Medium"), m_medium);
    styleForm->addRow(tr("Palette"), m_globalPalette);
    form->addRow(m_styleGroup);
    connect(m_styleGroup, &QGroupBox::toggled, this, &CaptionEditor::formEdited);
    connect(m_styleKind, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int kind) {
        m_kindLabel->setText(kind == 0 ? tr("Photo") : tr("Art style"));
        if (!m_updating && kind == 0 && m_medium->text().isEmpty()) {
            m_medium->setText(QStringLiteral("photograph"));
        }
        formEdited();
    });
    for (QLineEdit* edit : {m_aesthetics, m_lighting, m_photoOrArtStyle, m_medium}) {
        connect(edit, &QLineEdit::textEdited, this, &CaptionEditor::formEdited);
    }
    connect(m_globalPalette, &PaletteEditor::colorsChanged, this, &CaptionEditor::formEdited);

    m_background = new QLineEdit(page);
    m_background->setObjectName(QStringLiteral("background"));
    m_background->setPlaceholderText(tr("What fills the image behind the elements"));
    form->addRow(tr("Background"), m_background);
    connect(m_background, &QLineEdit::textEdited, this, &CaptionEditor::formEdited);

    auto* elementsBox = new QGroupBox(tr("Elements"), page);
    auto* elementsLayout = new QVBoxLayout(elementsBox);
    m_elementList = new QListWidget(elementsBox);
    m_elementList->setObjectName(QStringLiteral("elementList"));
    m_elementList->setMaximumHeight(110);
    elementsLayout->addWidget(m_elementList);
    auto* buttons = new QHBoxLayout;
    auto* addObject = new QPushButton(tr("Add object"), elementsBox);
    auto* addText = new QPushButton(tr("Add text"), elementsBox);
    auto* remove = new QPushButton(tr("Remove"), elementsBox);
    auto* up = new QToolButton(elementsBox);
    up->setArrowType(Qt::UpArrow);
    up->setToolTip(tr("Up"));
    auto* down = new QToolButton(elementsBox);
    down->setArrowType(Qt::DownArrow);
    down->setToolTip(tr("Down"));
    for (QPushButton* b : {addObject, addText, remove}) buttons->addWidget(b);
    buttons->addWidget(up);
    buttons->addWidget(down);
    buttons->addStretch(1);
    elementsLayout->addLayout(buttons);
    elementsLayout->addWidget(buildElementEditor());
    form->addRow(elementsBox);
    connect(addObject, &QPushButton::clicked, this,
            [this] { addElement(CaptionElement::Kind::Object, kNewElementBox); });
    connect(addText, &QPushButton::clicked, this,
            [this] { addElement(CaptionElement::Kind::Text, kNewElementBox); });
    remove->setToolTip(tr("Delete the selected element (Delete)"));
    connect(remove, &QPushButton::clicked, this,
            [this] { removeElement(m_elementList->currentRow()); });
    m_elementList->installEventFilter(this);  // Delete removes the current element
    connect(up, &QToolButton::clicked, this,
            [this] { moveElement(m_elementList->currentRow(), -1); });
    connect(down, &QToolButton::clicked, this,
            [this] { moveElement(m_elementList->currentRow(), 1); });
    connect(m_elementList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_restoring) m_recordedRow = row;  // undoing the next edit comes back here
        m_canvas->setSelected(row);
        refreshElementEditor();
    });
    return page;
}

QWidget* CaptionEditor::buildElementEditor() {
    m_elementEditor = new QWidget;
    auto* form = new QFormLayout(m_elementEditor);
    form->setContentsMargins(0, 0, 0, 0);
    m_elementKind = new QComboBox(m_elementEditor);
    m_elementKind->setObjectName(QStringLiteral("elementKind"));
    m_elementKind->addItem(tr("Object"));
    m_elementKind->addItem(tr("Text"));
    m_elementText = new QLineEdit(m_elementEditor);
    m_elementText->setObjectName(QStringLiteral("elementText"));
    m_elementText->setPlaceholderText(tr("The exact text to render"));
    m_elementDesc = new QLineEdit(m_elementEditor);
    m_elementDesc->setObjectName(QStringLiteral("elementDesc"));
    m_elementPalette = new PaletteEditor(Caption::kMaxElementColors, m_elementEditor);
    m_elementPalette->setObjectName(QStringLiteral("elementPalette"));
    // The box on the 0..1000 grid, origin top-left, each side labelled.
    auto* boxGrid = new QGridLayout;
    boxGrid->setContentsMargins(0, 0, 0, 0);
    m_elementHasBox = new QCheckBox(tr("Placed on the canvas"), m_elementEditor);
    m_elementHasBox->setObjectName(QStringLiteral("elementHasBox"));
    boxGrid->addWidget(m_elementHasBox, 0, 0, 1, 4);
    const std::pair<QSpinBox**, QString> sides[] = {{&m_boxTop, tr("Top")},
                                                    {&m_boxLeft, tr("Left")},
                                                    {&m_boxBottom, tr("Bottom")},
                                                    {&m_boxRight, tr("Right")}};
    const char* const names[] = {"boxTop", "boxLeft", "boxBottom", "boxRight"};
    for (int i = 0; i < 4; ++i) {
        auto* spin = new QSpinBox(m_elementEditor);
        spin->setObjectName(QLatin1String(names[i]));
        spin->setRange(0, 1000);
        spin->setToolTip(tr("0 to 1000 across the image, from its top-left corner"));
        *sides[i].first = spin;
        auto* label = new QLabel(sides[i].second, m_elementEditor);
        label->setBuddy(spin);
        boxGrid->addWidget(label, 1 + i / 2, (i % 2) * 2);
        boxGrid->addWidget(spin, 1 + i / 2, (i % 2) * 2 + 1);
        connect(spin, qOverload<int>(&QSpinBox::valueChanged), this, &CaptionEditor::boxEdited);
    }
    boxGrid->setColumnStretch(1, 1);
    boxGrid->setColumnStretch(3, 1);
    m_boxNote =
        new QLabel(tr("Top must be less than Bottom, and Left less than Right."), m_elementEditor);
    m_boxNote->setObjectName(QStringLiteral("boxNote"));
    m_boxNote->setWordWrap(true);
    m_boxNote->setStyleSheet(QStringLiteral("color: #C62828;"));
    m_boxNote->hide();
    boxGrid->addWidget(m_boxNote, 3, 0, 1, 4);
    connect(m_elementHasBox, &QCheckBox::toggled, this, [this](bool placed) {
        CaptionElement* element = selectedElement();
        if (m_updating || !element) return;
        element->bbox = placed ? std::optional<BBox>(kNewElementBox) : std::nullopt;
        refreshElementEditor();
        writeJson();
    });
    form->addRow(tr("Type"), m_elementKind);
    form->addRow(tr("Text"), m_elementText);
    form->addRow(tr("Description"), m_elementDesc);
    form->addRow(tr("Palette"), m_elementPalette);
    form->addRow(tr("Box"), boxGrid);

    auto edited = [this] {
        CaptionElement* element = selectedElement();
        if (m_updating || !element) return;
        element->kind = m_elementKind->currentIndex() == 1 ? CaptionElement::Kind::Text
                                                           : CaptionElement::Kind::Object;
        element->text =
            element->kind == CaptionElement::Kind::Text ? m_elementText->text() : QString();
        element->desc = m_elementDesc->text();
        element->palette = m_elementPalette->colors();
        m_elementText->setEnabled(element->kind == CaptionElement::Kind::Text);
        QListWidgetItem* item = m_elementList->currentItem();
        if (item)
            item->setText(element->kind == CaptionElement::Kind::Text
                              ? tr("Text: %1").arg(element->text)
                              : tr("Object: %1").arg(element->desc));
        writeJson();
    };
    connect(m_elementKind, qOverload<int>(&QComboBox::currentIndexChanged), this, edited);
    connect(m_elementText, &QLineEdit::textEdited, this, edited);
    connect(m_elementDesc, &QLineEdit::textEdited, this, edited);
    connect(m_elementPalette, &PaletteEditor::colorsChanged, this, edited);
    return m_elementEditor;
}

QString CaptionEditor::promptText() const {
    if (!m_parseTimer->isActive()) return m_prompt;
    // Typed but not parsed yet: what parseJsonText() will make of it.
    const QString text = m_json->toPlainText();
    const std::optional<Caption> parsed = Caption::fromJson(text);
    return parsed ? parsed->toJson() : text;
}

bool CaptionEditor::isBlank() const {
    return promptText().trimmed().isEmpty() || (m_structured && m_caption == Caption{});
}

void CaptionEditor::setPromptText(const QString& text) {
    showPrompt(text);
    m_stepLabel = tr("Replace caption");
    recordUndoStep();
    emit promptChanged();
}

void CaptionEditor::setCaption(const Caption& caption) {
    m_caption = caption;
    m_structured = true;
    refreshForm();
    writeJson();
}

void CaptionEditor::setAspect(int width, int height) { m_canvas->setAspect(width, height); }

void CaptionEditor::showPrompt(const QString& prompt) {
    m_parseTimer->stop();
    m_updating = true;
    m_json->setPlainText(prettyJson(prompt));
    m_updating = false;
    parseJsonText(false);
    m_prompt = prompt;  // verbatim, not the canonical form parseJsonText() chose
}

void CaptionEditor::parseJsonText(bool typed) {
    const QString text = m_json->toPlainText();
    QString error;
    QStringList warnings;
    int errorPosition = -1;
    const std::optional<Caption> parsed =
        Caption::fromJson(text, &error, &warnings, &errorPosition);
    m_structured = parsed.has_value();
    QList<QTextEdit::ExtraSelection> marks;
    if (errorPosition >= 0) {
        // Underline where the parser stopped.
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(m_json->document());
        mark.cursor.setPosition(std::min(errorPosition, int(text.size())));
        mark.cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(Qt::red);
        mark.format.setBackground(QColor(255, 0, 0, 60));
        marks << mark;
    }
    m_json->setExtraSelections(marks);
    if (!parsed) {
        m_prompt = text;
        m_jsonStatus->setText(tr("Not a structured caption (%1). It will be sent as plain text, "
                                 "which Ideogram 4 follows poorly and blocks more often.")
                                  .arg(error));
    } else {
        m_caption = *parsed;
        m_prompt = m_caption.toJson();
        showVerification(warnings);
        refreshForm();
    }
    if (typed) {
        m_stepLabel = tr("Edit JSON");
        recordUndoStep();
    }
}

void CaptionEditor::formEdited() {
    if (m_updating) return;
    m_caption.highLevelDescription = m_description->toPlainText();
    if (m_styleGroup->isChecked()) {
        CaptionStyle style;
        style.photo = m_styleKind->currentIndex() == 0;
        style.aesthetics = m_aesthetics->text();
        style.lighting = m_lighting->text();
        style.photoOrArtStyle = m_photoOrArtStyle->text();
        style.medium = m_medium->text();
        style.palette = m_globalPalette->colors();
        m_caption.style = style;
    } else {
        m_caption.style.reset();
    }
    m_caption.background = m_background->text();
    writeJson();
}

void CaptionEditor::writeJson() {
    m_prompt = m_caption.toJson();
    m_parseTimer->stop();
    m_updating = true;
    m_json->setPlainText(prettyJson(m_prompt));
    m_json->setExtraSelections({});
    m_updating = false;
    m_structured = true;
    showVerification({});
    m_canvas->setElements(m_caption.elements);
    if (!m_canvas->isDragging()) recordUndoStep();
    emit promptChanged();
}

void CaptionEditor::recordUndoStep() {
    const QString label = m_stepLabel.isEmpty() ? tr("Edit caption") : m_stepLabel;
    m_stepLabel.clear();
    if (m_restoring || m_prompt == m_recorded) return;
    // Typing into one field is one step: the field whose signal brought us here.
    const QObject* field = sender();
    if (field == m_json ||
        !(qobject_cast<const QLineEdit*>(field) || qobject_cast<const QPlainTextEdit*>(field) ||
          qobject_cast<const QAbstractSpinBox*>(field))) {
        field = nullptr;
    }
    const int row = m_elementList->currentRow();
    m_undo->push(
        new CaptionSnapshotCommand(this, label, m_recorded, m_recordedRow, m_prompt, row, field));
    m_recorded = m_prompt;
    m_recordedRow = row;
}

void CaptionEditor::restoreSnapshot(const QString& prompt, int row) {
    m_restoring = true;
    showPrompt(prompt);
    m_elementList->setCurrentRow(std::min(row, int(m_caption.elements.size()) - 1));
    m_recorded = prompt;
    m_recordedRow = row;
    m_restoring = false;
    emit promptChanged();
}

void CaptionEditor::showVerification(const QStringList& importWarnings) {
    // The verifier's own messages are English one-liners with a JSON path; they are shown as
    // they are, under a translated heading.
    QStringList lines = importWarnings;
    for (const caption::CaptionWarning& warning : caption::verifyCaption(m_prompt.toStdString())) {
        lines << QStringLiteral("%1: %2").arg(QString::fromStdString(warning.jsonPath),
                                              QString::fromStdString(warning.message));
    }
    m_jsonStatus->setText(lines.isEmpty() ? tr("Valid caption.")
                                          : tr("Schema warnings:") + QLatin1Char('\n') +
                                                lines.join(QLatin1Char('\n')));
}

void CaptionEditor::refreshForm() {
    const bool wasUpdating = m_updating;
    m_updating = true;
    if (m_description->toPlainText() != m_caption.highLevelDescription) {
        m_description->setPlainText(m_caption.highLevelDescription);
    }
    m_styleGroup->setChecked(m_caption.style.has_value());
    const CaptionStyle style = m_caption.style.value_or(CaptionStyle{});
    m_styleKind->setCurrentIndex(style.photo ? 0 : 1);
    m_kindLabel->setText(style.photo ? tr("Photo") : tr("Art style"));
    // Only what differs: setText() moves the cursor of the field being typed in.
    auto set = [](QLineEdit* edit, const QString& text) {
        if (edit->text() != text) edit->setText(text);
    };
    set(m_aesthetics, style.aesthetics);
    set(m_lighting, style.lighting);
    set(m_photoOrArtStyle, style.photoOrArtStyle);
    set(m_medium, style.medium);
    m_globalPalette->setColors(style.palette);
    set(m_background, m_caption.background);
    const int row = m_elementList->currentRow();
    refreshElementList();
    m_elementList->setCurrentRow(std::min(row, int(m_caption.elements.size()) - 1));
    m_updating = wasUpdating;
    m_canvas->setElements(m_caption.elements);
    m_canvas->setSelected(m_elementList->currentRow());
    refreshElementEditor();
}

void CaptionEditor::refreshElementList() {
    const bool wasUpdating = m_updating;
    m_updating = true;
    m_elementList->clear();
    for (const CaptionElement& e : m_caption.elements) {
        m_elementList->addItem(e.kind == CaptionElement::Kind::Text ? tr("Text: %1").arg(e.text)
                                                                    : tr("Object: %1").arg(e.desc));
    }
    m_updating = wasUpdating;
}

void CaptionEditor::refreshElementEditor() {
    const CaptionElement* element = selectedElement();
    m_elementEditor->setEnabled(element != nullptr);
    const bool wasUpdating = m_updating;
    m_updating = true;
    const CaptionElement shown = element ? *element : CaptionElement{};
    m_elementKind->setCurrentIndex(shown.kind == CaptionElement::Kind::Text ? 1 : 0);
    if (m_elementText->text() != shown.text) m_elementText->setText(shown.text);
    m_elementText->setEnabled(shown.kind == CaptionElement::Kind::Text);
    if (m_elementDesc->text() != shown.desc) m_elementDesc->setText(shown.desc);
    m_elementPalette->setColors(shown.palette);
    m_elementHasBox->setChecked(shown.bbox.has_value());
    const BBox box = shown.bbox.value_or(BBox{});
    QSpinBox* spins[] = {m_boxTop, m_boxLeft, m_boxBottom, m_boxRight};
    for (int i = 0; i < 4; ++i) {
        if (spins[i]->value() != box.v[size_t(i)]) spins[i]->setValue(box.v[size_t(i)]);
        spins[i]->setEnabled(shown.bbox.has_value());
    }
    m_boxNote->hide();
    m_updating = wasUpdating;
}

void CaptionEditor::boxEdited() {
    CaptionElement* element = selectedElement();
    if (m_updating || !element || !element->bbox) return;
    const BBox box{
        {m_boxTop->value(), m_boxLeft->value(), m_boxBottom->value(), m_boxRight->value()}};
    // An inverted box is not applied; the note says why until it is fixed.
    m_boxNote->setVisible(!box.isValid());
    if (!box.isValid() || box == *element->bbox) return;
    element->bbox = box;
    writeJson();
}

CaptionElement* CaptionEditor::selectedElement() {
    const int row = m_elementList->currentRow();
    return row >= 0 && row < m_caption.elements.size() ? &m_caption.elements[row] : nullptr;
}

void CaptionEditor::addElement(CaptionElement::Kind kind, const BBox& box) {
    CaptionElement element;
    element.kind = kind;
    element.bbox = box;
    m_caption.elements.push_back(element);
    refreshElementList();
    m_updating = true;  // the new row is selected before the step is recorded
    m_elementList->setCurrentRow(int(m_caption.elements.size()) - 1);
    m_updating = false;
    m_canvas->setElements(m_caption.elements);
    m_canvas->setSelected(m_elementList->currentRow());
    refreshElementEditor();
    m_stepLabel = kind == CaptionElement::Kind::Text ? tr("Add text") : tr("Add object");
    writeJson();
    m_tabs->setCurrentIndex(0);
    m_elementDesc->setFocus();
}

void CaptionEditor::removeElement(int row) {
    if (row < 0 || row >= m_caption.elements.size()) return;
    m_caption.elements.removeAt(row);
    refreshElementList();
    m_elementList->setCurrentRow(std::min(row, int(m_caption.elements.size()) - 1));
    m_stepLabel = tr("Delete element");
    writeJson();
}

void CaptionEditor::moveElement(int row, int delta) {
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_caption.elements.size()) return;
    m_caption.elements.move(row, target);
    refreshElementList();
    m_elementList->setCurrentRow(target);
    m_stepLabel = tr("Reorder elements");
    writeJson();
}

}  // namespace i4::ui
