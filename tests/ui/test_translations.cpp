#include <QPushButton>
#include <QSpinBox>
#include <QTranslator>
#include <QtTest>

#include "ui/settings/translations.h"
#include "ui/widgets/generation_panel.h"
#include "ui/widgets/guidance_schedule_editor.h"

using namespace i4::ui;

// The .qm files are compiled into i4ui as resources and match the contexts tr() uses at run
// time (namespaced class names).
class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void catalogsAreCompiledIn();
    void widgetsPickUpTheLanguage();
    void pluralsFollowTheNumber();
};

void TestTranslations::catalogsAreCompiledIn() {
    for (const QString& language : availableLanguages()) {
        QTranslator translator;
        QVERIFY2(translator.load(QStringLiteral(":/i18n/i4studio_%1.qm").arg(language)),
                 qPrintable(language));
    }
    QTranslator german;
    QVERIFY(german.load(QStringLiteral(":/i18n/i4studio_de.qm")));
    QCOMPARE(german.translate("i4::ui::GenerationPanel", "Generate"), QStringLiteral("Erzeugen"));
    QCOMPARE(german.translate("i4::ui::Caption", "Invalid JSON at line %1, column %2"),
             QStringLiteral("Ungültiges JSON in Zeile %1, Spalte %2"));
    QCOMPARE(german.translate("i4::ui::SettingsDialog", "Memory mode"),
             QStringLiteral("Speichermodus"));
    QCOMPARE(german.translate("i4::ui::SettingsDialog", "Fast mode (fp8 matmuls)"),
             QStringLiteral("Schneller Modus (fp8-Matrixmultiplikationen)"));
    QTranslator japanese;
    QVERIFY(japanese.load(QStringLiteral(":/i18n/i4studio_ja.qm")));
    QCOMPARE(japanese.translate("i4::ui::MainWindow", "Queue"), QStringLiteral("キュー"));
    QCOMPARE(german.translate("i4::ui::LoraPicker", "Add LoRA…"),
             QStringLiteral("LoRA hinzufügen…"));
    QCOMPARE(japanese.translate("i4::ui::LoraPicker", "Add LoRA…"), QStringLiteral("LoRA を追加…"));
    QCOMPARE(japanese.translate("i4::ui::DeviceText", "fast (fp8)"), QStringLiteral("高速（fp8）"));
}

void TestTranslations::widgetsPickUpTheLanguage() {
    QCOMPARE(installTranslators(qApp, QStringLiteral("ja")), QStringLiteral("ja"));
    GenerationPanel panel;
    auto* generate = panel.findChild<QPushButton*>(QStringLiteral("generate"));
    QVERIFY(generate);
    QCOMPARE(generate->text(), QStringLiteral("生成"));
}

// The polish tail's length reads "1 step", "2 steps" (each language's plural forms).
void TestTranslations::pluralsFollowTheNumber() {
    const QList<std::pair<QString, QStringList>> cases = {
        {QStringLiteral("en"), {QStringLiteral("0 steps"), QStringLiteral("1 step"), QStringLiteral("2 steps")}},
        {QStringLiteral("de"), {QStringLiteral("0 Schritte"), QStringLiteral("1 Schritt"), QStringLiteral("2 Schritte")}},
    };
    for (const auto& [language, expected] : cases) {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/i4studio_%1.qm").arg(language)));
        QCoreApplication::installTranslator(&translator);
        GuidanceScheduleEditor editor;
        auto* tail = editor.findChild<QSpinBox*>(QStringLiteral("tailLength"));
        QVERIFY(tail);
        for (int n = 0; n < 3; ++n) {
            tail->setValue(n);
            QCOMPARE(tail->text(), expected[n]);
        }
        QCoreApplication::removeTranslator(&translator);
    }
}

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
