#include <QComboBox>
#include <QGroupBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QtTest>
#include <nlohmann/json.hpp>

#include "ui/caption/caption.h"
#include "ui/widgets/caption_editor.h"

using namespace i4::ui;

namespace {

// The example from caption-schema.md, in canonical form.
const char* const kCanonical =
    R"({"high_level_description":"A poster for a summer sale","style_description":)"
    R"({"aesthetics":"bold, clean","lighting":"bright daylight","photo":"studio shot",)"
    R"("medium":"photograph","color_palette":["#F5C542","#87CEEB"]},)"
    R"("compositional_deconstruction":{"background":"a sunny beach",)"
    R"("elements":[{"type":"obj","bbox":[200,300,800,900],"desc":"a beach umbrella",)"
    R"("color_palette":["#AA3322"]},{"type":"text","bbox":[40,80,180,920],"text":"SALE",)"
    R"("desc":"huge white letters"}]}})";

}  // namespace

class TestCaptionForm : public QObject {
    Q_OBJECT

private slots:
    void canonicalRoundTrip();
    void tolerantImport();
    void invalidJsonIsReported();
    void jsonFillsForm();
    void formWritesJson();
    void nonAsciiStaysLiteral();
    void freshEditorIsBlank();
};

void TestCaptionForm::canonicalRoundTrip() {
    const std::optional<Caption> caption = Caption::fromJson(QString::fromUtf8(kCanonical));
    QVERIFY(caption);
    QCOMPARE(caption->toJson(), QString::fromUtf8(kCanonical));
    QCOMPARE(caption->elements.size(), 2);
    QCOMPARE(caption->elements[1].text, QStringLiteral("SALE"));
    QCOMPARE(caption->elements[0].bbox->v, (std::array<int, 4>{200, 300, 800, 900}));
}

void TestCaptionForm::tolerantImport() {
    // Wrapped, double-encoded, pretty-printed, other key order, lowercase short colours.
    const QString inner = QStringLiteral(
        "{\n  \"compositional_deconstruction\": {\"elements\": [{\"desc\": \"a cat\", "
        "\"color_palette\": [\"#abc\"], \"type\": \"obj\"}], \"background\": \"grass\"},\n"
        "  \"style_description\": {\"art_style\": \"watercolour\", \"medium\": \"paint\", "
        "\"lighting\": \"soft\", \"aesthetics\": \"calm\", \"mood\": \"x\"}\n}");
    const QString wrapped =
        QString::fromStdString(nlohmann::json{{"prompt", inner.toStdString()}}.dump());
    QStringList warnings;
    const std::optional<Caption> caption = Caption::fromJson(wrapped, nullptr, &warnings);
    QVERIFY(caption);
    QVERIFY(caption->style);
    QVERIFY(!caption->style->photo);
    QCOMPARE(caption->style->photoOrArtStyle, QStringLiteral("watercolour"));
    QCOMPARE(caption->elements[0].palette, QStringList{"#AABBCC"});
    QCOMPARE(warnings.size(), 1);
    QVERIFY(warnings[0].contains("mood"));
    QCOMPARE(caption->toJson(),
             QStringLiteral(
                 R"({"style_description":{"aesthetics":"calm","lighting":"soft","medium":"paint",)"
                 R"("art_style":"watercolour"},"compositional_deconstruction":{"background":)"
                 R"("grass","elements":[{"type":"obj","desc":"a cat","color_palette":)"
                 R"(["#AABBCC"]}]}})"));
}

void TestCaptionForm::invalidJsonIsReported() {
    QString error;
    QVERIFY(!Caption::fromJson(QStringLiteral("{\"a\": "), &error));
    QVERIFY(error.contains("JSON"));
    QVERIFY(!Caption::fromJson(QStringLiteral("[1, 2]"), &error));
    QCOMPARE(normalizeHexColor("#fff"), QStringLiteral("#FFFFFF"));
    QCOMPARE(normalizeHexColor("12ab9F"), QStringLiteral("#12AB9F"));
    QVERIFY(normalizeHexColor("#12345").isEmpty());
}

void TestCaptionForm::jsonFillsForm() {
    CaptionEditor editor;
    editor.setPromptText(QString::fromUtf8(kCanonical));
    QVERIFY(editor.isStructured());
    QCOMPARE(editor.findChild<QPlainTextEdit*>("highLevelDescription")->toPlainText(),
             QStringLiteral("A poster for a summer sale"));
    QCOMPARE(editor.findChild<QLineEdit*>("background")->text(), QStringLiteral("a sunny beach"));
    QCOMPARE(editor.findChild<QLineEdit*>("lighting")->text(), QStringLiteral("bright daylight"));
    QVERIFY(editor.findChild<QGroupBox*>("styleGroup")->isChecked());
    auto* list = editor.findChild<QListWidget*>("elementList");
    QCOMPARE(list->count(), 2);
    list->setCurrentRow(1);
    QCOMPARE(editor.findChild<QComboBox*>("elementKind")->currentIndex(), 1);
    QCOMPARE(editor.findChild<QLineEdit*>("elementText")->text(), QStringLiteral("SALE"));
    // Shown verbatim: the prompt is exactly what was set.
    QCOMPARE(editor.promptText(), QString::fromUtf8(kCanonical));
}

void TestCaptionForm::formWritesJson() {
    CaptionEditor editor;
    editor.setPromptText(QString::fromUtf8(kCanonical));
    auto* background = editor.findChild<QLineEdit*>("background");
    background->clear();
    QTest::keyClicks(background, "a rainy street");
    auto* list = editor.findChild<QListWidget*>("elementList");
    list->setCurrentRow(1);
    auto* text = editor.findChild<QLineEdit*>("elementText");
    text->selectAll();
    QTest::keyClicks(text, "RAIN");

    const std::optional<Caption> written = Caption::fromJson(editor.promptText());
    QVERIFY(written);
    QCOMPARE(written->background, QStringLiteral("a rainy street"));
    QCOMPARE(written->elements[1].text, QStringLiteral("RAIN"));
    Caption expected = *Caption::fromJson(QString::fromUtf8(kCanonical));
    expected.background = QStringLiteral("a rainy street");
    expected.elements[1].text = QStringLiteral("RAIN");
    QCOMPARE(editor.promptText(), expected.toJson());
    QVERIFY(editor.caption() == expected);

    // Unchecking the style group drops style_description entirely.
    editor.findChild<QGroupBox*>("styleGroup")->setChecked(false);
    QVERIFY(!editor.promptText().contains("style_description"));

    // And back: editing the JSON text refills the form after the typing pause.
    auto* json = editor.findChild<QPlainTextEdit*>("captionJson");
    json->setPlainText(QString::fromUtf8(kCanonical));
    QTRY_COMPARE(background->text(), QStringLiteral("a sunny beach"));
}

void TestCaptionForm::nonAsciiStaysLiteral() {
    Caption caption;
    caption.highLevelDescription = QStringLiteral("Café sign, 東京");
    const QString json = caption.toJson();
    QVERIFY(json.contains(QStringLiteral("Café sign, 東京")));
    QVERIFY(!json.contains("\\u"));
    QCOMPARE(Caption::fromJson(json)->highLevelDescription, caption.highLevelDescription);
}

// A new editor holds an empty structured caption: its JSON text is not empty, but there is
// nothing to generate from, and a model's example caption may replace it.
void TestCaptionForm::freshEditorIsBlank() {
    CaptionEditor editor;
    QVERIFY(editor.isBlank());
    editor.setPromptText(QString::fromUtf8(kCanonical));
    QVERIFY(!editor.isBlank());
    editor.setPromptText(QStringLiteral("  \n"));
    QVERIFY(editor.isBlank());
    editor.setPromptText(QStringLiteral("a red fox"));  // plain text is a prompt too
    QVERIFY(!editor.isBlank());
}

QTEST_MAIN(TestCaptionForm)
#include "test_caption_form.moc"
