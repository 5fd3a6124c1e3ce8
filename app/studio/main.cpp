#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QTimer>

#include "ui/dialogs/first_run_dialog.h"
#include "ui/main_window.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/translations.h"
#include "ui/widgets/caption_editor.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("i4studio"));
    QApplication::setOrganizationName(QStringLiteral("i4studio"));

    i4::ui::AppSettings settings;
    i4::ui::installTranslators(&app, settings.language());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Desktop studio for the Ideogram 4 model"));
    parser.addHelpOption();
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Save a picture of the main window to FILE and quit."),
        QStringLiteral("FILE"));
    const QCommandLineOption caption(
        QStringLiteral("caption"),
        QCoreApplication::translate("main", "Open the caption (JSON) in FILE."),
        QStringLiteral("FILE"));
    parser.addOption(screenshot);
    parser.addOption(caption);
    parser.process(app);

    i4::ui::MainWindow window(&settings);
    if (parser.isSet(caption)) {
        QFile file(parser.value(caption));
        if (file.open(QIODevice::ReadOnly)) {
            window.captionEditor()->setPromptText(QString::fromUtf8(file.readAll()));
        }
    }
    window.show();

    if (parser.isSet(screenshot)) {
        const QString path = parser.value(screenshot);
        QTimer::singleShot(800, &window, [&window, path] {
            const bool saved = window.grab().save(path);
            QCoreApplication::exit(saved ? 0 : 1);
        });
        return QApplication::exec();
    }

    if (!settings.firstRunDone() && settings.modelFolders().isEmpty()) {
        i4::ui::FirstRunDialog dialog(&settings, &window);
        dialog.exec();
    }
    window.loadActiveModel();
    return QApplication::exec();
}
