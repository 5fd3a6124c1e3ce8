#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QUndoStack>
#include <QtTest>

#include "tests/ui/fake_engine.h"
#include "ui/caption/caption.h"
#include "ui/main_window.h"
#include "ui/settings/app_settings.h"
#include "ui/widgets/caption_editor.h"
#include "ui/widgets/layout_canvas.h"
#include "ui/widgets/palette_editor.h"

using namespace i4::ui;

namespace {

void sendMouse(QWidget* widget, QEvent::Type type, QPointF pos, Qt::MouseButtons buttons) {
    const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent event(type, pos, widget->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
}

void drag(QWidget* widget, QPointF from, QPointF to) {
    sendMouse(widget, QEvent::MouseButtonPress, from, Qt::LeftButton);
    for (int i = 1; i <= 4; ++i) {
        sendMouse(widget, QEvent::MouseMove, from + (to - from) * i / 4, Qt::LeftButton);
    }
    sendMouse(widget, QEvent::MouseButtonRelease, to, Qt::NoButton);
}

Caption parsed(const CaptionEditor& editor) {
    const std::optional<Caption> caption = Caption::fromJson(editor.promptText());
    return caption.value_or(Caption{});
}

}  // namespace

// Issue 29 part 4: one undo stack for the caption's form, canvas, palettes and JSON; Delete;
// box coordinates as labelled, editable numbers. Part 5: the JSON laid out and coloured, errors
// by line and column.
class TestCaptionUndo : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void everyKindOfEditIsOneStep();
    void typingIntoOneFieldMerges();
    void ctrlZInAFieldUndoesTheCaption();
    void deleteRemovesTheSelectedBox();
    void boxCoordinatesAreEditable();
    void jsonIsLaidOutAndColoured();
    void jsonErrorsByLineAndColumn();
    void editMenuUndoesTheCaption();

private:
    std::unique_ptr<CaptionEditor> m_editor;
    LayoutCanvas* m_canvas = nullptr;
};

void TestCaptionUndo::init() {
    m_editor = std::make_unique<CaptionEditor>();
    m_editor->resize(500, 900);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    m_canvas = m_editor->canvas();
    m_canvas->setAspect(1024, 1024);
}

void TestCaptionUndo::cleanup() { m_editor.reset(); }

void TestCaptionUndo::everyKindOfEditIsOneStep() {
    QUndoStack* stack = m_editor->undoStack();
    QCOMPARE(stack->count(), 0);  // a fresh editor has nothing to undo
    const QString fresh = m_editor->promptText();

    // Form.
    auto* background = m_editor->findChild<QLineEdit*>(QStringLiteral("background"));
    background->setText(QStringLiteral("grass"));
    emit background->textEdited(background->text());
    QCOMPARE(stack->count(), 1);
    const QString afterForm = m_editor->promptText();

    // Canvas: a drawn box is an element; a drag of it is one step however many moves it took.
    const QRectF page = m_canvas->pageRect();
    drag(m_canvas, page.topLeft() + QPointF(20, 20), page.center());
    QCOMPARE(parsed(*m_editor).elements.size(), 1);
    QCOMPARE(stack->count(), 2);
    const QString afterDraw = m_editor->promptText();
    const QRectF box = m_canvas->toWidgetRect(*parsed(*m_editor).elements[0].bbox);
    drag(m_canvas, box.center(), box.center() + QPointF(15, 10));
    QCOMPARE(stack->count(), 3);
    const QString afterMove = m_editor->promptText();
    QVERIFY(afterMove != afterDraw);

    // Palette.
    auto* palette = m_editor->findChild<PaletteEditor*>(QStringLiteral("elementPalette"));
    palette->setColors({QStringLiteral("#112233")});
    emit palette->colorsChanged(palette->colors());
    QCOMPARE(stack->count(), 4);
    QCOMPARE(parsed(*m_editor).elements[0].palette, QStringList{QStringLiteral("#112233")});
    const QString afterPalette = m_editor->promptText();

    // JSON: one step after the pause in typing.
    auto* json = m_editor->findChild<QPlainTextEdit*>(QStringLiteral("captionJson"));
    Caption edited = parsed(*m_editor);
    edited.background = QStringLiteral("sand");
    json->setPlainText(edited.toJson());
    QTRY_COMPARE(stack->count(), 5);
    QCOMPARE(background->text(), QStringLiteral("sand"));

    // All the way back, and forward again.
    const QStringList states = {fresh, afterForm, afterDraw, afterMove, afterPalette};
    for (int i = states.size() - 1; i >= 0; --i) {
        m_editor->undo();
        QCOMPARE(m_editor->promptText(), states[i]);
    }
    QCOMPARE(background->text(), QString());
    for (int i = 1; i < states.size(); ++i) {
        m_editor->redo();
        QCOMPARE(m_editor->promptText(), states[i]);
    }
    m_editor->redo();
    QCOMPARE(background->text(), QStringLiteral("sand"));
}

void TestCaptionUndo::typingIntoOneFieldMerges() {
    auto* background = m_editor->findChild<QLineEdit*>(QStringLiteral("background"));
    QTest::keyClicks(background, QStringLiteral("sea"));
    QCOMPARE(background->text(), QStringLiteral("sea"));
    QCOMPARE(m_editor->undoStack()->count(), 1);
    auto* description =
        m_editor->findChild<QPlainTextEdit*>(QStringLiteral("highLevelDescription"));
    QTest::keyClicks(description, QStringLiteral("dusk"));
    QCOMPARE(m_editor->undoStack()->count(), 2);
    QTest::keyClicks(background, QStringLiteral(" shore"));
    QCOMPARE(m_editor->undoStack()->count(), 3);
    m_editor->undo();
    QCOMPARE(background->text(), QStringLiteral("sea"));
    m_editor->undo();
    QCOMPARE(description->toPlainText(), QString());
    QCOMPARE(background->text(), QStringLiteral("sea"));
}

void TestCaptionUndo::ctrlZInAFieldUndoesTheCaption() {
    // Drawn on the canvas, then Ctrl+Z typed in a text field: the box goes (the field's own
    // undo would have done nothing).
    const QRectF page = m_canvas->pageRect();
    drag(m_canvas, page.topLeft() + QPointF(20, 20), page.center());
    QCOMPARE(parsed(*m_editor).elements.size(), 1);
    auto* description = m_editor->findChild<QLineEdit*>(QStringLiteral("elementDesc"));
    QTest::keyClick(description, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(parsed(*m_editor).elements.size(), 0);
    QTest::keyClick(description, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(parsed(*m_editor).elements.size(), 1);
}

void TestCaptionUndo::deleteRemovesTheSelectedBox() {
    const QRectF page = m_canvas->pageRect();
    drag(m_canvas, page.topLeft() + QPointF(10, 10), page.topLeft() + QPointF(60, 60));
    drag(m_canvas, page.center(), page.center() + QPointF(50, 50));
    QCOMPARE(parsed(*m_editor).elements.size(), 2);
    const Caption before = parsed(*m_editor);
    const QRectF first = m_canvas->toWidgetRect(*before.elements[0].bbox);
    drag(m_canvas, first.center(), first.center());  // a click selects it
    QCOMPARE(m_canvas->selected(), 0);
    QTest::keyClick(m_canvas, Qt::Key_Delete);
    const Caption after = parsed(*m_editor);
    QCOMPARE(after.elements.size(), 1);
    QCOMPARE(after.elements[0].bbox, before.elements[1].bbox);
    m_editor->undo();
    QCOMPARE(parsed(*m_editor), before);
    // The element list's Delete key does the same.
    auto* list = m_editor->findChild<QListWidget*>(QStringLiteral("elementList"));
    list->setCurrentRow(1);
    QTest::keyClick(list, Qt::Key_Delete);
    QCOMPARE(parsed(*m_editor).elements.size(), 1);
    QCOMPARE(parsed(*m_editor).elements[0].bbox, before.elements[0].bbox);
}

void TestCaptionUndo::boxCoordinatesAreEditable() {
    const QRectF page = m_canvas->pageRect();
    drag(m_canvas, page.topLeft() + QPointF(10, 10), page.center());
    auto spin = [this](const char* name) {
        return m_editor->findChild<QSpinBox*>(QLatin1String(name));
    };
    const BBox drawn = *parsed(*m_editor).elements[0].bbox;
    QCOMPARE(spin("boxTop")->value(), drawn.yMin());
    QCOMPARE(spin("boxRight")->value(), drawn.xMax());
    // Each number has its label.
    QStringList labels;
    for (QLabel* label : m_editor->findChildren<QLabel*>()) {
        if (label->buddy()) labels << label->text();
    }
    for (const char* side : {"Top", "Left", "Bottom", "Right"}) {
        QVERIFY2(labels.contains(QLatin1String(side)), side);
    }
    spin("boxLeft")->setValue(123);
    QCOMPARE(parsed(*m_editor).elements[0].bbox->xMin(), 123);
    // An inverted box is not applied and says why.
    spin("boxBottom")->setValue(5);
    QCOMPARE(parsed(*m_editor).elements[0].bbox->yMax(), drawn.yMax());
    QVERIFY(m_editor->findChild<QLabel*>(QStringLiteral("boxNote"))->isVisible());
    m_editor->undo();
    QCOMPARE(*parsed(*m_editor).elements[0].bbox, drawn);
    QCOMPARE(spin("boxLeft")->value(), drawn.xMin());
    // Without a box.
    m_editor->findChild<QCheckBox*>(QStringLiteral("elementHasBox"))->setChecked(false);
    QVERIFY(!parsed(*m_editor).elements[0].bbox);
    QVERIFY(!spin("boxTop")->isEnabled());
}

void TestCaptionUndo::jsonIsLaidOutAndColoured() {
    Caption caption;
    caption.highLevelDescription = QStringLiteral("Café, 東京");
    caption.background = QStringLiteral("sand");
    CaptionElement element;
    element.bbox = BBox{{10, 20, 300, 400}};
    element.desc = QStringLiteral("a shell");
    element.palette = {QStringLiteral("#AABBCC")};
    caption.elements = {element};
    m_editor->setCaption(caption);
    auto* json = m_editor->findChild<QPlainTextEdit*>(QStringLiteral("captionJson"));
    const QString shown = json->toPlainText();
    QVERIFY2(shown.count(QLatin1Char('\n')) >= 8, qPrintable(shown));
    QVERIFY(shown.contains(QStringLiteral("\n  \"high_level_description\": \"Café, 東京\",")));
    QVERIFY(shown.contains(QStringLiteral("\"bbox\": [10, 20, 300, 400]")));
    // The prompt stays the canonical single line, and the view reads back to it.
    QCOMPARE(m_editor->promptText(), caption.toJson());
    QCOMPARE(Caption::fromJson(shown)->toJson(), caption.toJson());
    QCOMPARE(prettyJson(QStringLiteral("not json {")), QStringLiteral("not json {"));
    // Keys and values are coloured differently.
    const QTextBlock keyLine = json->document()->findBlockByLineNumber(1);
    const QList<QTextLayout::FormatRange> formats = keyLine.layout()->formats();
    QVERIFY(formats.size() >= 2);
    QVERIFY(formats[0].format.foreground() != formats[1].format.foreground());
}

void TestCaptionUndo::jsonErrorsByLineAndColumn() {
    QString error;
    int position = -1;
    const QString text = QStringLiteral("{\n  \"a\": 1,\n  \"b\" 2\n}");
    QVERIFY(!Caption::fromJson(text, &error, nullptr, &position));
    QCOMPARE(error, QStringLiteral("Invalid JSON at line 3, column 7"));
    QCOMPARE(text.at(position), QLatin1Char('2'));
    // Characters, not bytes: a non-ASCII line counts each character once.
    QVERIFY(!Caption::fromJson(QStringLiteral("{\"é東\": ]"), &error));
    QCOMPARE(error, QStringLiteral("Invalid JSON at line 1, column 8"));
    // The editor shows it under the JSON.
    auto* json = m_editor->findChild<QPlainTextEdit*>(QStringLiteral("captionJson"));
    json->setPlainText(text);
    auto* status = m_editor->findChild<QLabel*>(QStringLiteral("jsonStatus"));
    QTRY_VERIFY(status->text().contains(QStringLiteral("line 3, column 7")));
    QCOMPARE(json->extraSelections().size(), 1);
}

void TestCaptionUndo::editMenuUndoesTheCaption() {
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    settings.setGalleryFolder(dir.filePath(QStringLiteral("gallery")));
    MainWindow window(&settings, std::make_unique<test::FakeEngine>());
    auto* undo = window.findChild<QAction*>(QStringLiteral("editUndo"));
    auto* redo = window.findChild<QAction*>(QStringLiteral("editRedo"));
    QVERIFY(undo && redo);
    QCOMPARE(undo->shortcut(), QKeySequence(QKeySequence::Undo));
    QVERIFY(redo->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
    QVERIFY(!undo->isEnabled());
    auto* background = window.captionEditor()->findChild<QLineEdit*>(QStringLiteral("background"));
    QTest::keyClicks(background, QStringLiteral("snow"));
    QVERIFY(undo->isEnabled());
    undo->trigger();
    QCOMPARE(background->text(), QString());
    QVERIFY(redo->isEnabled());
    redo->trigger();
    QCOMPARE(background->text(), QStringLiteral("snow"));
}

QTEST_MAIN(TestCaptionUndo)
#include "test_caption_undo.moc"
