#include <QAbstractButton>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLibraryInfo>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

#include "tests/ui/fake_engine.h"
#include "ui/caption/caption.h"
#include "ui/dialogs/first_run_dialog.h"
#include "ui/dialogs/settings_dialog.h"
#include "ui/main_window.h"
#include "ui/settings/app_settings.h"
#include "ui/widgets/caption_editor.h"

using namespace i4::ui;

namespace {

constexpr QSize kSmallScreen(1024, 700);

// A caption with everything filled in and three elements: the tallest form the editor shows.
Caption fullCaption() {
    Caption caption;
    caption.highLevelDescription = QStringLiteral("Three flat shapes on a pale background.");
    CaptionStyle style;
    style.aesthetics = QStringLiteral("flat, clean");
    style.lighting = QStringLiteral("even");
    style.photoOrArtStyle = QStringLiteral("studio");
    style.palette = {QStringLiteral("#F5C542"), QStringLiteral("#87CEEB")};
    caption.style = style;
    caption.background = QStringLiteral("pale grey");
    for (int i = 0; i < 3; ++i) {
        CaptionElement element;
        element.bbox = BBox{{100 + 250 * i, 100, 300 + 250 * i, 400}};
        element.desc = QStringLiteral("a shape");
        element.palette = {QStringLiteral("#AA3322")};
        caption.elements << element;
    }
    return caption;
}

// The app's and Qt's own catalogues for one language, removed again on destruction.
class Language {
public:
    explicit Language(const QString& code) {
        QLocale::setDefault(QLocale(code));
        if (code == QLatin1String("en")) return;
        QVERIFY(m_own.load(QStringLiteral(":/i18n/i4studio_%1.qm").arg(code)));
        QVERIFY2(m_qt.load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)),
                 "Qt's own translations (Debian package qt6-translations-l10n)");
        QCoreApplication::installTranslator(&m_own);
        QCoreApplication::installTranslator(&m_qt);
    }
    ~Language() {
        QCoreApplication::removeTranslator(&m_own);
        QCoreApplication::removeTranslator(&m_qt);
        QLocale::setDefault(QLocale::c());
    }

private:
    QTranslator m_own, m_qt;
};

// Everything a scroll area holds can be reached: where the content is larger than the view in
// a direction, that direction has a scroll bar.
void verifyScrollAreasReachEverything(QWidget* root, const QString& language) {
    for (QScrollArea* area : root->findChildren<QScrollArea*>()) {
        if (!area->isVisible() || !area->widget()) continue;
        const QSize content = area->widget()->size();
        const QSize view = area->viewport()->size();
        const QString where =
            QStringLiteral("%1: %2 (%3) content %4x%5 in a %6x%7 view")
                .arg(language, area->objectName(),
                     QString::fromLatin1(area->parent()->metaObject()->className()))
                .arg(content.width())
                .arg(content.height())
                .arg(view.width())
                .arg(view.height());
        if (content.width() > view.width()) {
            QVERIFY2(area->horizontalScrollBar()->isVisible(), qPrintable(where));
        }
        if (content.height() > view.height()) {
            QVERIFY2(area->verticalScrollBar()->isVisible(), qPrintable(where));
        }
    }
}

// No button or label squeezed below the size its text needs (outside scroll areas, where a
// layout would rather clip than grow the window).
void verifyNothingSqueezed(QWidget* root, const QString& language) {
    for (QWidget* widget : root->findChildren<QWidget*>()) {
        if (!widget->isVisible() || widget->width() <= 0) continue;
        if (!qobject_cast<QAbstractButton*>(widget) && !qobject_cast<QLabel*>(widget)) continue;
        // Qt's own dock title buttons are drawn as icons smaller than their hint.
        if (QByteArray(widget->metaObject()->className()).startsWith("QDockWidget")) continue;
        if (auto* label = qobject_cast<QLabel*>(widget); label && label->wordWrap()) continue;
        const QSize needed = widget->minimumSizeHint();
        QVERIFY2(
            widget->width() + 1 >= needed.width(),
            qPrintable(QStringLiteral("%1: %2 \"%3\" is %4 px wide, needs %5")
                           .arg(language, QString::fromLatin1(widget->metaObject()->className()),
                                qobject_cast<QLabel*>(widget)
                                    ? qobject_cast<QLabel*>(widget)->text()
                                    : qobject_cast<QAbstractButton*>(widget)->text())
                           .arg(widget->width())
                           .arg(needed.width())));
    }
}

}  // namespace

// Issue 29 part 5: every panel usable at 1024x700, in English, German and Japanese. With
// I4_SCREENSHOT_DIR set (under Xvfb) each language's window is saved there.
class TestSmallWindow : public QObject {
    Q_OBJECT

private slots:
    void mainWindowFits_data();
    void mainWindowFits();
    void settingsDialogFits_data();
    void settingsDialogFits();
    void gettingTheWeightsSaysWhatToDo_data();
    void gettingTheWeightsSaysWhatToDo();
};

void TestSmallWindow::mainWindowFits_data() {
    QTest::addColumn<QString>("language");
    for (const char* code : {"en", "de", "ja"}) QTest::newRow(code) << QString::fromLatin1(code);
}

void TestSmallWindow::mainWindowFits() {
    QFETCH(QString, language);
    Language installed(language);
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    settings.setGalleryFolder(dir.filePath(QStringLiteral("gallery")));
    MainWindow window(&settings, std::make_unique<test::FakeEngine>());
    window.captionEditor()->setCaption(fullCaption());
    window.resize(kSmallScreen);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::qWait(50);
    if (qEnvironmentVariableIsSet("I4_DEBUG_SIZES")) {
        for (QWidget* w : window.findChildren<QWidget*>()) {
            if (w->isVisible() && w->minimumSizeHint().height() > 250)
                qDebug() << w->metaObject()->className() << w->objectName() << w->minimumSizeHint()
                         << w->minimumSize()
                         << (w->parentWidget() ? w->parentWidget()->metaObject()->className() : "");
        }
    }
    // A window whose minimum is larger than the screen is cut off by the screen.
    QVERIFY2(window.minimumSizeHint().width() <= kSmallScreen.width() &&
                 window.minimumSizeHint().height() <= kSmallScreen.height(),
             qPrintable(QStringLiteral("%1: minimum %2x%3")
                            .arg(language)
                            .arg(window.minimumSizeHint().width())
                            .arg(window.minimumSizeHint().height())));
    QCOMPARE(window.size(), kSmallScreen);
    verifyScrollAreasReachEverything(&window, language);
    verifyNothingSqueezed(&window, language);

    const QString shots = qEnvironmentVariable("I4_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        QVERIFY(window.grab().save(
            QStringLiteral("%1/main-window-1024x700-%2.png").arg(shots, language)));
    }
    // The JSON tab, laid out and coloured.
    if (!shots.isEmpty()) {
        auto* captionTabs = window.captionEditor()->findChild<QTabWidget*>();
        captionTabs->setCurrentIndex(1);
        QTest::qWait(20);
        QVERIFY(window.captionEditor()->grab().save(
            QStringLiteral("%1/caption-json-%2.png").arg(shots, language)));
        captionTabs->setCurrentIndex(0);
    }
    // The gallery tab too.
    auto* tabs = window.findChild<QTabWidget*>();
    QVERIFY(tabs);
    tabs->setCurrentIndex(1);
    QTest::qWait(20);
    verifyScrollAreasReachEverything(&window, language);
    verifyNothingSqueezed(&window, language);
}

void TestSmallWindow::settingsDialogFits_data() { mainWindowFits_data(); }

void TestSmallWindow::settingsDialogFits() {
    QFETCH(QString, language);
    Language installed(language);
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    SettingsDialog dialog(&settings, nullptr, [] { return i4::pipeline::DeviceReport{}; });
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_VERIFY(dialog.deviceReportShown());
    QVERIFY2(dialog.minimumSizeHint().height() <= kSmallScreen.height() - 40,
             qPrintable(QStringLiteral("%1: minimum height %2")
                            .arg(language)
                            .arg(dialog.minimumSizeHint().height())));
    QVERIFY(dialog.width() <= kSmallScreen.width() && dialog.height() <= kSmallScreen.height());
    verifyNothingSqueezed(&dialog, language);
    // Qt's own standard buttons speak the language too.
    auto* buttons = dialog.findChild<QDialogButtonBox*>();
    QVERIFY(buttons);
    const QString cancel = buttons->button(QDialogButtonBox::Cancel)->text();
    // And so do the shortcuts shown in menus.
    const QString undoKey = QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText);
    if (language == QLatin1String("de")) QCOMPARE(undoKey, QStringLiteral("Strg+Z"));
    if (language == QLatin1String("de")) QCOMPARE(cancel, QStringLiteral("Abbrechen"));
    if (language == QLatin1String("ja"))
        QVERIFY2(cancel.contains(QStringLiteral("キャンセル")), qPrintable(cancel));
    const QString shots = qEnvironmentVariable("I4_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        QVERIFY(dialog.grab().save(QStringLiteral("%1/settings-%2.png").arg(shots, language)));
    }
}

void TestSmallWindow::gettingTheWeightsSaysWhatToDo_data() { mainWindowFits_data(); }

// Issue 29 part 7: Help › Getting the weights says the demo model works now, and gives the
// exact download commands with their sizes.
void TestSmallWindow::gettingTheWeightsSaysWhatToDo() {
    QFETCH(QString, language);
    Language installed(language);
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    FirstRunDialog dialog(&settings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QString text = dialog.findChild<QLabel*>(QStringLiteral("weightsText"))->text();
    for (const char* needle :
         {"huggingface-cli download ideogram-ai/ideogram-4-fp8 --local-dir ~/models/ideogram-4-fp8",
          "huggingface-cli download ideogram-ai/ideogram-4-nf4 --local-dir ~/models/ideogram-4-nf4",
          "30 GB", "16 GB", "128×128", "scripts/run --gpu"}) {
        QVERIFY2(text.contains(QString::fromUtf8(needle)), needle);
    }
    if (language == QLatin1String("en")) QVERIFY(text.contains(QStringLiteral("demo model")));
    QVERIFY(dialog.minimumSizeHint().height() <= kSmallScreen.height());
    verifyNothingSqueezed(&dialog, language);
    const QString shots = qEnvironmentVariable("I4_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        QVERIFY(dialog.grab().save(
            QStringLiteral("%1/getting-the-weights-%2.png").arg(shots, language)));
    }
}

QTEST_MAIN(TestSmallWindow)
#include "test_small_window.moc"
