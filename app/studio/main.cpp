#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTimer>
#include <cstdio>
#include <optional>

#include "core/pipeline/model_hints.h"
#include "ui/dialogs/first_run_dialog.h"
#include "ui/dialogs/settings_dialog.h"
#include "ui/gallery/gallery_panel.h"
#include "ui/gallery/gallery_writer.h"
#include "ui/generation/generation_controller.h"
#include "ui/generation/job_queue_model.h"
#include "ui/main_window.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/translations.h"
#include "ui/widgets/caption_editor.h"
#include "ui/widgets/generation_panel.h"

namespace {

void failAndQuit(const QString& message) {
    std::fprintf(stderr, "i4studio: %s\n", qPrintable(message));
    QCoreApplication::exit(1);
}

// The window as it looks now. Saving is the last step of a scripted run, so any failure ends it.
void saveScreenshot(QWidget* window, const QString& path, bool quitAfter) {
    // Quality 0 is zlib's strongest level: these pictures end up in the repository.
    if (!window->grab().save(path, "PNG", 0)) {
        failAndQuit(QCoreApplication::translate("main", "Could not write %1").arg(path));
        return;
    }
    if (quitAfter) QCoreApplication::exit(0);
}

}  // namespace

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
        QCoreApplication::translate("main",
                                    "Save a picture of the main window to FILE and quit (with "
                                    "--generate: when --screenshot-step is reached)."),
        QStringLiteral("FILE"));
    const QCommandLineOption screenshotStep(
        QStringLiteral("screenshot-step"),
        QCoreApplication::translate("main",
                                    "With --generate: the step at which --screenshot "
                                    "is taken (default 2; 0: the finished image)."),
        QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption galleryScreenshot(
        QStringLiteral("gallery-screenshot"),
        QCoreApplication::translate("main",
                                    "With --generate: once the image is in the gallery, show "
                                    "it there, save a picture of the window to FILE and quit."),
        QStringLiteral("FILE"));
    const QCommandLineOption caption(
        QStringLiteral("caption"),
        QCoreApplication::translate("main", "Open the caption (JSON) in FILE."),
        QStringLiteral("FILE"));
    const QCommandLineOption model(
        QStringLiteral("model"),
        QCoreApplication::translate("main",
                                    "Use the model folder DIR (added to the settings and made "
                                    "the active one)."),
        QStringLiteral("DIR"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QCoreApplication::translate("main", "Image size, e.g. 256x256."),
                                  QStringLiteral("WxH"));
    const QCommandLineOption images(
        QStringLiteral("images"),
        QCoreApplication::translate("main", "Number of images to generate (default 1)."),
        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption seed(
        QStringLiteral("seed"),
        QCoreApplication::translate("main", "The seed of the first image (locked)."),
        QStringLiteral("N"));
    const QCommandLineOption generate(
        QStringLiteral("generate"),
        QCoreApplication::translate("main", "Queue the images from the caption at start-up."));
    const QCommandLineOption keepSession(
        QStringLiteral("keep-session"),
        QCoreApplication::translate(
            "main",
            "With --generate: keep the session as an interactive run does (the queue saved as "
            "it changes) and queue again, first, what an interrupted run left queued."));
    const QCommandLineOption device(
        QStringLiteral("device"),
        QCoreApplication::translate("main",
                                    "Run the model on DEVICE this session: auto (an NVIDIA GPU "
                                    "when this build can use one), cuda or cpu. Overrides the "
                                    "setting without changing it."),
        QStringLiteral("DEVICE"));
    const QCommandLineOption settingsScreenshot(
        QStringLiteral("settings-screenshot"),
        QCoreApplication::translate("main",
                                    "Open the settings, save a picture of them to FILE once "
                                    "the GPU check has answered, and quit."),
        QStringLiteral("FILE"));
    parser.addOptions({screenshot, screenshotStep, galleryScreenshot, caption, model, size, images,
                       seed, generate, keepSession, device, settingsScreenshot});
    parser.process(app);

    if (parser.isSet(device)) {
        const QString choice = parser.value(device);
        if (!i4::ui::AppSettings::deviceChoices().contains(choice)) {
            std::fprintf(
                stderr, "i4studio: --device: '%s' is not one of %s\n", qPrintable(choice),
                qPrintable(i4::ui::AppSettings::deviceChoices().join(QLatin1String(", "))));
            return 1;
        }
        settings.setSessionDevice(choice);
    }

    if (parser.isSet(model)) {
        const QString folder = QDir(parser.value(model)).absolutePath();
        QStringList folders = settings.modelFolders();
        folders.removeAll(folder);
        folders.prepend(folder);
        settings.setModelFolders(folders);
        settings.setActiveModelFolder(folder);
    }

    // Nothing configured yet: the demo model shipped with i4studio, so the app makes pictures
    // out of the box.
    if (settings.modelFolders().isEmpty()) {
        const auto demo = i4::pipeline::findDemoModel(
            QCoreApplication::applicationFilePath().toStdString());
        if (demo) {
            const QString folder = QString::fromStdString(demo->string());
            settings.setModelFolders({folder});
            settings.setActiveModelFolder(folder);
        }
    }

    i4::ui::MainWindow window(&settings);
    std::optional<QString> requestedCaption;
    if (parser.isSet(caption)) {
        QFile file(parser.value(caption));
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "i4studio: cannot read %s\n", qPrintable(parser.value(caption)));
            return 1;
        }
        requestedCaption = QString::fromUtf8(file.readAll());
        window.captionEditor()->setPromptText(*requestedCaption);
    }
    // Size and seed go in once the model's own defaults are (loadActiveModel, below).
    QSize requestedSize;
    if (parser.isSet(size)) {
        const QRegularExpressionMatch match =
            QRegularExpression(QStringLiteral("^(\\d+)[xX](\\d+)$")).match(parser.value(size));
        if (!match.hasMatch()) {
            std::fprintf(stderr, "i4studio: --size wants WxH, e.g. 256x256\n");
            return 1;
        }
        requestedSize = QSize(match.captured(1).toInt(), match.captured(2).toInt());
    }
    std::optional<qulonglong> requestedSeed;
    if (parser.isSet(seed)) {
        bool ok = false;
        requestedSeed = parser.value(seed).toULongLong(&ok);
        if (!ok) {
            std::fprintf(stderr, "i4studio: --seed wants a whole number from 0\n");
            return 1;
        }
    }
    window.generationPanel()->setBatchCount(std::max(1, parser.value(images).toInt()));
    window.show();

    const bool scripted = parser.isSet(generate);
    if (scripted && settings.activeModelFolder().isEmpty()) {
        std::fprintf(stderr, "i4studio: --generate needs a model folder\n");
        return 1;
    }
    if (parser.isSet(settingsScreenshot)) {
        const QString path = parser.value(settingsScreenshot);
        auto* dialog = new i4::ui::SettingsDialog(&settings, &window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(
            dialog, &i4::ui::SettingsDialog::deviceReportReady, dialog, [dialog, path] {
                // One more turn of the event loop for the relayout of the text.
                QTimer::singleShot(300, dialog,
                                   [dialog, path] { saveScreenshot(dialog, path, true); });
            });
        dialog->show();
        return QApplication::exec();
    }
    if (parser.isSet(screenshot) && !scripted) {
        if (requestedSize.isValid()) window.generationPanel()->setImageSize(requestedSize);
        const QString path = parser.value(screenshot);
        QTimer::singleShot(800, &window, [&window, path] { saveScreenshot(&window, path, true); });
        return QApplication::exec();
    }

    if (!scripted && !settings.firstRunDone() && settings.modelFolders().isEmpty()) {
        i4::ui::FirstRunDialog dialog(&settings, &window);
        dialog.exec();
    }
    window.loadActiveModel();
    // The caption, settings, layout and queue of the last run (Note [session autosave]); scripted
    // runs start clean and leave it alone. What the command line names wins over it.
    if (!scripted) {
        window.startSession(settings.sessionFile());
    } else if (parser.isSet(keepSession)) {
        // Nobody to ask: an interrupted queue is queued again (and runs before this run's own).
        window.setQuestionHandler([](const QString&, const QString&) { return true; });
        window.startSession(settings.sessionFile());
    }
    if (requestedCaption) window.captionEditor()->setPromptText(*requestedCaption);
    if (requestedSize.isValid()) window.generationPanel()->setImageSize(requestedSize);
    if (requestedSeed) window.generationPanel()->reuseSeed(*requestedSeed);
    if (parser.isSet(images))
        window.generationPanel()->setBatchCount(std::max(1, parser.value(images).toInt()));
    if (!scripted) return QApplication::exec();
    if (window.captionEditor()->isBlank()) {
        std::fprintf(stderr, "i4studio: --generate needs a --caption (this model has no example)\n");
        return 1;
    }

    // Scripted run (documentation screenshots, smoke tests): the jobs, pictures along the way.
    i4::ui::GenerationController* controller = window.controller();
    // After a save: true once every queued job has run and every image is in the gallery.
    auto allSaved = [controller, &window] {
        return !controller->isBusy() && controller->queue()->rowCount() == 0 &&
               window.galleryWriter()->pending() == 0;
    };
    QObject::connect(controller, &i4::ui::GenerationController::modelLoadFailed, &window,
                     [](const QString& message) { failAndQuit(message); });
    QObject::connect(controller, &i4::ui::GenerationController::jobFailed, &window,
                     [](quint64, const QString& message) { failAndQuit(message); });
    QObject::connect(window.galleryWriter(), &i4::ui::GalleryWriter::failed, &window,
                     [](const QString& message) { failAndQuit(message); });
    const bool wantsGallery = parser.isSet(galleryScreenshot);
    if (parser.isSet(screenshot)) {
        const QString path = parser.value(screenshot);
        const int step = parser.value(screenshotStep).toInt();
        if (step <= 0) {
            // Step 0: the finished picture, once every image is saved.
            QObject::connect(window.galleryWriter(), &i4::ui::GalleryWriter::saved, &window,
                             [&window, path, allSaved] {
                                 if (!allSaved()) return;
                                 QTimer::singleShot(300, &window, [&window, path] {
                                     saveScreenshot(&window, path, true);
                                 });
                             });
        } else {
            auto taken = std::make_shared<bool>(false);
            QObject::connect(controller, &i4::ui::GenerationController::progress, &window,
                             [&window, path, step, taken, wantsGallery](int current, int) {
                                 if (*taken || current < step) return;
                                 *taken = true;
                                 saveScreenshot(&window, path, !wantsGallery);
                             });
        }
    }
    if (wantsGallery) {
        const QString path = parser.value(galleryScreenshot);
        QObject::connect(window.galleryWriter(), &i4::ui::GalleryWriter::saved, &window,
                         [&window, path, allSaved](const i4::ui::GalleryRecord& record) {
                             if (!allSaved()) return;
                             window.showGallery();
                             window.galleryPanel()->selectRecord(record.id);
                             // Thumbnails decode on a thread; give them a moment to arrive.
                             QTimer::singleShot(600, &window, [&window, path] {
                                 saveScreenshot(&window, path, true);
                             });
                         });
    } else if (!parser.isSet(screenshot)) {
        QObject::connect(window.galleryWriter(), &i4::ui::GalleryWriter::saved, &window,
                         [allSaved] {
                             if (allSaved()) QCoreApplication::exit(0);
                         });
    }
    window.generate();
    return QApplication::exec();
}
