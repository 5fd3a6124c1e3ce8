#include <QFile>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>
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
    void numbersFollowTheLanguage();
    void everyStringIsTranslated();
};

namespace {

// One <message> of a .ts file.
struct TsMessage {
    bool numerus = false;
    bool unfinished = false;
    QStringList translations;  // the translation, or each numerus form
};

// "context\x1fsource\x1fcomment" -> message.
using TsCatalogue = QHash<QString, TsMessage>;

TsCatalogue readTs(const QString& path, QString* error) {
    TsCatalogue out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(path);
        return out;
    }
    QXmlStreamReader xml(&file);
    QString context, source, comment;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                message = {};
                source.clear();
                comment.clear();
                message.numerus =
                    xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (name == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (name == QLatin1String("comment")) {
                comment = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                const auto type = xml.attributes().value(QLatin1String("type"));
                message.unfinished = type == QLatin1String("unfinished");
                if (type == QLatin1String("vanished") || type == QLatin1String("obsolete")) {
                    message.unfinished = true;
                }
                if (!message.numerus) message.translations << xml.readElementText();
            } else if (name == QLatin1String("numerusform")) {
                message.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            out.insert(context + QChar(0x1f) + source + QChar(0x1f) + comment, message);
        }
    }
    if (xml.hasError()) *error = QStringLiteral("%1: %2").arg(path, xml.errorString());
    return out;
}

QString describe(const QString& key) {
    const QStringList parts = key.split(QChar(0x1f));
    return QStringLiteral("%1: \"%2\"").arg(parts.value(0), parts.value(1).left(70));
}

}  // namespace

// Issue 29 part 7: every string the sources pass to tr() is in the German and Japanese
// catalogues with a finished, non-empty translation (every plural form filled), and the English
// catalogue has the plural forms. lupdate extracts the strings from today's sources, so a new
// tr() without its translations fails here, naming it.
void TestTranslations::everyStringIsTranslated() {
    QTemporaryDir dir;
    const QString fresh = dir.filePath(QStringLiteral("fresh.ts"));
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(
        QStringLiteral(I4_LUPDATE),
        {QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"),
         QStringLiteral("-I"), QStringLiteral(I4_SOURCE_DIR),
         QStringLiteral("@") + QStringLiteral(I4_UI_SOURCES_LIST), QStringLiteral("-ts"), fresh});
    QVERIFY2(lupdate.waitForFinished(60000), "lupdate did not finish");
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());
    QString error;
    const TsCatalogue extracted = readTs(fresh, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(extracted.size() > 300, qPrintable(QString::number(extracted.size())));

    QStringList problems;
    const QStringList languages = {QStringLiteral("de"), QStringLiteral("ja"),
                                   QStringLiteral("en")};
    for (const QString& language : languages) {
        const QString path =
            QStringLiteral(I4_SOURCE_DIR "/translations/i4studio_%1.ts").arg(language);
        const TsCatalogue catalogue = readTs(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (auto it = extracted.cbegin(); it != extracted.cend(); ++it) {
            const auto found = catalogue.constFind(it.key());
            const bool english = language == QLatin1String("en");
            // English is the source language: only its plural forms need writing.
            if (english && !it->numerus) continue;
            if (found == catalogue.cend()) {
                problems << QStringLiteral("%1: missing %2").arg(language, describe(it.key()));
                continue;
            }
            const bool empty = found->translations.isEmpty() ||
                               std::any_of(found->translations.cbegin(), found->translations.cend(),
                                           [](const QString& t) { return t.trimmed().isEmpty(); });
            if (found->unfinished || empty) {
                problems << QStringLiteral("%1: untranslated %2").arg(language, describe(it.key()));
            }
        }
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("%1 untranslated string(s); lupdate "
                                       "(cmake --build build/release --target "
                                       "update_translations) adds them to translations/*.ts:\n")
                            .arg(problems.size()) +
                        problems.mid(0, 40).join(QLatin1Char('\n'))));
}

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

// Issue 29 part 7: a language chosen in the settings also formats numbers and dates.
void TestTranslations::numbersFollowTheLanguage() {
    installTranslators(qApp, QStringLiteral("de"));
    QCOMPARE(QLocale().toString(1.15, 'f', 2), QStringLiteral("1,15"));
    QCOMPARE(QLocale().toString(QDate(2026, 12, 4), QLocale::ShortFormat),
             QStringLiteral("04.12.26"));
    QLocale::setDefault(QLocale::c());
}

// The polish tail's length reads "1 step", "2 steps" (each language's plural forms).
void TestTranslations::pluralsFollowTheNumber() {
    const QList<std::pair<QString, QStringList>> cases = {
        {QStringLiteral("en"),
         {QStringLiteral("0 steps"), QStringLiteral("1 step"), QStringLiteral("2 steps")}},
        {QStringLiteral("de"),
         {QStringLiteral("0 Schritte"), QStringLiteral("1 Schritt"), QStringLiteral("2 Schritte")}},
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
