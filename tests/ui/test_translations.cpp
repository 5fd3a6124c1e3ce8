#include <QPushButton>
#include <QTranslator>
#include <QtTest>

#include "ui/settings/translations.h"
#include "ui/widgets/generation_panel.h"

using namespace i4::ui;

// The .qm files are compiled into i4ui as resources and match the contexts tr() uses at run
// time (namespaced class names).
class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void catalogsAreCompiledIn();
    void widgetsPickUpTheLanguage();
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
    QCOMPARE(german.translate("i4::ui::Caption", "Invalid JSON at byte %1"),
             QStringLiteral("Ungültiges JSON bei Byte %1"));
    QTranslator japanese;
    QVERIFY(japanese.load(QStringLiteral(":/i18n/i4studio_ja.qm")));
    QCOMPARE(japanese.translate("i4::ui::MainWindow", "Queue"), QStringLiteral("キュー"));
}

void TestTranslations::widgetsPickUpTheLanguage() {
    QCOMPARE(installTranslators(qApp, QStringLiteral("ja")), QStringLiteral("ja"));
    GenerationPanel panel;
    auto* generate = panel.findChild<QPushButton*>(QStringLiteral("generate"));
    QVERIFY(generate);
    QCOMPARE(generate->text(), QStringLiteral("生成"));
}

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
