#include "ui/widgets/caption_editor.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/caption/caption_verifier.h"
#include "ui/widgets/layout_canvas.h"
#include "ui/widgets/palette_editor.h"

namespace i4::ui {

namespace {

constexpr int kParseDelayMs = 300;
const BBox kNewElementBox{{250, 250, 750, 750}};

QString boxText(const std::optional<BBox>& box) {
    if (!box) return QObject::tr("none");
    return QStringLiteral("[%1, %2, %3, %4]")
        .arg(box->yMin())
        .arg(box->xMin())
        .arg(box->yMax())
        .arg(box->xMax());
}

}  // namespace

CaptionEditor::CaptionEditor(QWidget* parent) : QWidget(parent) {
    m_parseTimer = new QTimer(this);
    m_parseTimer->setSingleShot(true);
    m_parseTimer->setInterval(kParseDelayMs);
    connect(m_parseTimer, &QTimer::timeout, this, &CaptionEditor::parseJsonText);

    m_tabs = new QTabWidget(this);
    auto* formScroll = new QScrollArea(m_tabs);
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    formScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    formScroll->setWidget(buildForm());
    m_tabs->addTab(formScroll, tr("Caption"));

    auto* jsonPage = new QWidget(m_tabs);
    auto* jsonLayout = new QVBoxLayout(jsonPage);
    m_json = new QPlainTextEdit(jsonPage);
    m_json->setObjectName(QStringLiteral("captionJson"));
    m_json->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_jsonStatus = new QLabel(jsonPage);
    m_jsonStatus->setWordWrap(true);
    jsonLayout->addWidget(m_json, 1);
    jsonLayout->addWidget(m_jsonStatus);
    m_tabs->addTab(jsonPage, tr("JSON"));
    connect(m_json, &QPlainTextEdit::textChanged, this, [this] {
        if (m_updating) return;
        m_parseTimer->start();
        emit promptChanged();
    });

    m_canvas = new LayoutCanvas(this);
    m_canvas->setToolTip(
        tr("Drag on empty space to add a box; drag a box or its corners to "
           "move or resize it."));
    connect(m_canvas, &LayoutCanvas::boxDrawn, this,
            [this](const BBox& box) { addElement(CaptionElement::Kind::Object, box); });
    connect(m_canvas, &LayoutCanvas::elementSelected, this,
            [this](int index) { m_elementList->setCurrentRow(index); });
    connect(m_canvas, &LayoutCanvas::elementBoxChanged, this, [this](int index, const BBox& box) {
        if (index < 0 || index >= m_caption.elements.size()) return;
        m_caption.elements[index].bbox = box;
        if (index == m_elementList->currentRow()) m_elementBox->setText(boxText(box));
        writeJson();
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

    Caption initial;
    setCaption(initial);
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
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_elementList->currentRow();
        if (row < 0) return;
        m_caption.elements.removeAt(row);
        refreshElementList();
        m_elementList->setCurrentRow(std::min(row, int(m_caption.elements.size()) - 1));
        writeJson();
    });
    connect(up, &QToolButton::clicked, this, [this] { moveSelectedElement(-1); });
    connect(down, &QToolButton::clicked, this, [this] { moveSelectedElement(1); });
    connect(m_elementList, &QListWidget::currentRowChanged, this, [this](int row) {
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
    m_elementBox = new QLabel(m_elementEditor);
    m_elementBox->setObjectName(QStringLiteral("elementBox"));
    form->addRow(tr("Type"), m_elementKind);
    form->addRow(tr("Text"), m_elementText);
    form->addRow(tr("Description"), m_elementDesc);
    form->addRow(tr("Palette"), m_elementPalette);
    form->addRow(tr("Box"), m_elementBox);

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

QString CaptionEditor::promptText() const { return m_json->toPlainText(); }

bool CaptionEditor::isBlank() const {
    return promptText().trimmed().isEmpty() || (m_structured && m_caption == Caption{});
}

void CaptionEditor::setPromptText(const QString& text) {
    m_updating = true;
    m_json->setPlainText(text);
    m_updating = false;
    m_parseTimer->stop();
    parseJsonText();
    emit promptChanged();
}

void CaptionEditor::setCaption(const Caption& caption) {
    m_caption = caption;
    m_structured = true;
    refreshForm();
    writeJson();
}

void CaptionEditor::setAspect(int width, int height) { m_canvas->setAspect(width, height); }

void CaptionEditor::parseJsonText() {
    QString error;
    QStringList warnings;
    const std::optional<Caption> parsed =
        Caption::fromJson(m_json->toPlainText(), &error, &warnings);
    m_structured = parsed.has_value();
    if (!parsed) {
        m_jsonStatus->setText(tr("Not a structured caption (%1). It will be sent as plain text, "
                                 "which Ideogram 4 follows poorly and blocks more often.")
                                  .arg(error));
        return;
    }
    showVerification(warnings);
    m_caption = *parsed;
    refreshForm();
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
    m_updating = true;
    m_json->setPlainText(m_caption.toJson());
    m_updating = false;
    m_structured = true;
    showVerification({});
    m_canvas->setElements(m_caption.elements);
    emit promptChanged();
}

void CaptionEditor::showVerification(const QStringList& importWarnings) {
    // The verifier's own messages are English one-liners with a JSON path; they are shown as
    // they are, under a translated heading.
    QStringList lines = importWarnings;
    for (const caption::CaptionWarning& warning :
         caption::verifyCaption(m_json->toPlainText().toStdString())) {
        lines << QStringLiteral("%1: %2").arg(QString::fromStdString(warning.jsonPath),
                                              QString::fromStdString(warning.message));
    }
    m_jsonStatus->setText(lines.isEmpty() ? tr("Valid caption.")
                                          : tr("Schema warnings:") + QLatin1Char('\n') +
                                                lines.join(QLatin1Char('\n')));
}

void CaptionEditor::refreshForm() {
    m_updating = true;
    if (m_description->toPlainText() != m_caption.highLevelDescription) {
        m_description->setPlainText(m_caption.highLevelDescription);
    }
    m_styleGroup->setChecked(m_caption.style.has_value());
    const CaptionStyle style = m_caption.style.value_or(CaptionStyle{});
    m_styleKind->setCurrentIndex(style.photo ? 0 : 1);
    m_kindLabel->setText(style.photo ? tr("Photo") : tr("Art style"));
    m_aesthetics->setText(style.aesthetics);
    m_lighting->setText(style.lighting);
    m_photoOrArtStyle->setText(style.photoOrArtStyle);
    m_medium->setText(style.medium);
    m_globalPalette->setColors(style.palette);
    m_background->setText(m_caption.background);
    m_updating = false;
    const int row = m_elementList->currentRow();
    refreshElementList();
    m_elementList->setCurrentRow(std::min(row, int(m_caption.elements.size()) - 1));
    m_canvas->setElements(m_caption.elements);
    refreshElementEditor();
}

void CaptionEditor::refreshElementList() {
    m_updating = true;
    m_elementList->clear();
    for (const CaptionElement& e : m_caption.elements) {
        m_elementList->addItem(e.kind == CaptionElement::Kind::Text ? tr("Text: %1").arg(e.text)
                                                                    : tr("Object: %1").arg(e.desc));
    }
    m_updating = false;
}

void CaptionEditor::refreshElementEditor() {
    const CaptionElement* element = selectedElement();
    m_elementEditor->setEnabled(element != nullptr);
    m_updating = true;
    const CaptionElement shown = element ? *element : CaptionElement{};
    m_elementKind->setCurrentIndex(shown.kind == CaptionElement::Kind::Text ? 1 : 0);
    m_elementText->setText(shown.text);
    m_elementText->setEnabled(shown.kind == CaptionElement::Kind::Text);
    m_elementDesc->setText(shown.desc);
    m_elementPalette->setColors(shown.palette);
    m_elementBox->setText(boxText(shown.bbox));
    m_updating = false;
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
    writeJson();
    m_elementList->setCurrentRow(int(m_caption.elements.size()) - 1);
    m_tabs->setCurrentIndex(0);
    m_elementDesc->setFocus();
}

void CaptionEditor::moveSelectedElement(int delta) {
    const int row = m_elementList->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_caption.elements.size()) return;
    m_caption.elements.move(row, target);
    refreshElementList();
    writeJson();
    m_elementList->setCurrentRow(target);
}

}  // namespace i4::ui
