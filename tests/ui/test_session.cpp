// Issue 29, part 3: nothing lost. File › Open/Save caption and Save image as, the session kept
// across runs (Note [session autosave]), and questions before quitting or switching models
// with jobs queued.
#include <QFile>
#include <QSplitter>
#include <QTemporaryDir>
#include <QtTest>
#include <cstring>

#include "tests/ui/fake_engine.h"
#include "ui/gallery/png_metadata.h"
#include "ui/generation/generation_controller.h"
#include "ui/generation/job_queue_model.h"
#include "ui/main_window.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/session.h"
#include "ui/widgets/caption_editor.h"
#include "ui/widgets/generation_panel.h"
#include "ui/widgets/lora_picker.h"
#include "ui/widgets/preview_view.h"

using namespace i4::ui;

namespace {

const QString kCaption = QStringLiteral(
    "{\"high_level_description\":\"A lighthouse, kept\",\"compositional_deconstruction\":"
    "{\"background\":\"sea\",\"elements\":[]}}");

std::unique_ptr<test::FakeEngine> slowEngine() {
    auto engine = std::make_unique<test::FakeEngine>();
    engine->steps = 4;
    engine->stepTime = std::chrono::milliseconds(150);
    return engine;
}

// A LoRA file the picker accepts: one down/up pair as zero F32 [1, 4] tensors, written by hand
// (the UI tests link no tensor library).
QString writeLora(const QString& path) {
    const QByteArray header =
        "{\"lora_unet_layers_0_attention_qkv.lora_down.weight\":{\"dtype\":\"F32\",\"shape\":[1,4],"
        "\"data_offsets\":[0,16]},\"lora_unet_layers_0_attention_qkv.lora_up.weight\":{\"dtype\":"
        "\"F32\",\"shape\":[1,4],\"data_offsets\":[16,32]}}";
    QByteArray padded = header;
    while (padded.size() % 8) padded += ' ';
    QByteArray bytes(8, '\0');
    const quint64 size = quint64(padded.size());
    std::memcpy(bytes.data(), &size, 8);  // little-endian on every platform we build for
    bytes += padded + QByteArray(32, '\0');
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) return {};
    return path;
}

}  // namespace

class TestSession : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void captionSavesAndOpens();
    void badCaptionFilesAreRefusedByName();
    void imageSavesWithItsRequest();
    void sessionComesBack();
    void quitAsksWhileJobsAreQueued();
    void switchingModelsAsksWhileJobsAreQueued();

private:
    std::unique_ptr<MainWindow> newWindow(std::unique_ptr<Engine> engine = {}) {
        auto window = std::make_unique<MainWindow>(m_settings.get(),
                                                   engine ? std::move(engine) : slowEngine());
        window->setQuestionHandler([this](const QString&, const QString& text) {
            m_questions << text;
            return m_answer;
        });
        return window;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    QStringList m_questions;
    bool m_answer = true;
};

void TestSession::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<AppSettings>(m_dir->filePath("settings.ini"));
    m_settings->setGalleryFolder(m_dir->filePath("gallery"));
    m_questions.clear();
    m_answer = true;
}

void TestSession::cleanup() {
    m_settings.reset();
    m_dir.reset();
}

void TestSession::captionSavesAndOpens() {
    auto window = newWindow();
    window->captionEditor()->setPromptText(kCaption);
    const QString file = m_dir->filePath("lighthouse.json");
    QString error;
    QVERIFY2(window->saveCaptionFile(file, &error), qPrintable(error));
    window->captionEditor()->setPromptText(QStringLiteral("something else"));
    QVERIFY2(window->openCaptionFile(file, &error), qPrintable(error));
    QCOMPARE(window->captionEditor()->promptText(), kCaption);
    QCOMPARE(m_settings->lastFileFolder(), m_dir->path());
}

void TestSession::badCaptionFilesAreRefusedByName() {
    auto window = newWindow();
    window->captionEditor()->setPromptText(kCaption);
    QString error;
    QVERIFY(!window->openCaptionFile(m_dir->filePath("missing.json"), &error));
    QVERIFY(error.contains(QStringLiteral("missing.json")));
    QFile binary(m_dir->filePath("binary.json"));
    QVERIFY(binary.open(QIODevice::WriteOnly));
    binary.write(QByteArray("\xff\xfe\x00{", 4));
    binary.close();
    QVERIFY(!window->openCaptionFile(binary.fileName(), &error));
    QVERIFY(error.contains(QStringLiteral("binary.json")));
    QVERIFY(!window->saveCaptionFile(m_dir->filePath("no/such/folder/c.json"), &error));
    QCOMPARE(window->captionEditor()->promptText(), kCaption);  // untouched
}

void TestSession::imageSavesWithItsRequest() {
    auto engine = std::make_unique<test::FakeEngine>();
    engine->steps = 2;
    engine->stepTime = std::chrono::milliseconds(1);
    auto window = newWindow(std::move(engine));
    QString error;
    QVERIFY(!window->saveImageFile(m_dir->filePath("early.png"), &error));  // nothing yet
    window->captionEditor()->setPromptText(kCaption);
    window->generationPanel()->setSeedMode(GenerationPanel::SeedMode::Locked);
    window->generationPanel()->setSeed(31337);
    QSignalSpy finished(window->controller(), &GenerationController::jobFinished);
    window->generate();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    const QString file = m_dir->filePath("kept.png");
    QVERIFY2(window->saveImageFile(file, &error), qPrintable(error));
    const auto metadata = readImageMetadata(file);
    QVERIFY(metadata.has_value());
    QCOMPARE(metadata->request.seed, uint64_t(31337));
    QCOMPARE(QImage(file).size(), window->previewView()->image().size());
}

void TestSession::sessionComesBack() {
    const QString file = m_dir->filePath("data/session.json");
    QList<int> splitterSizes;
    i4::pipeline::GenerationRequest shown;
    {
        auto window = newWindow();
        window->startSession(file);
        window->resize(1250, 905);
        window->show();
        window->captionEditor()->setPromptText(kCaption);
        GenerationPanel* panel = window->generationPanel();
        QVERIFY(panel->selectPreset(QStringLiteral("V4_QUALITY_48")));
        panel->setImageSize(QSize(768, 512));
        panel->setSeedMode(GenerationPanel::SeedMode::Increment);
        panel->setSeed(777);
        panel->setBatchCount(3);
        QVERIFY(panel->loraPicker()->addFile(writeLora(m_dir->filePath("ink.safetensors")), 0.5));
        panel->loraPicker()->setTarget(0, "both");
        panel->loraPicker()->flush();
        auto* splitter = window->findChild<QSplitter*>(QStringLiteral("createSplitter"));
        QVERIFY(splitter);
        splitter->setSizes({300, 500, 280});
        splitterSizes = splitter->sizes();
        QVERIFY(splitterSizes.value(0) > 0);
        window->generate();  // three jobs: one runs, two wait; the seed shown moves on to 780
        shown = window->currentRequest();
        QCOMPARE(shown.seed, uint64_t(780));
        QCOMPARE(window->controller()->queue()->rowCount(), 3);
        // Written at once when the queue changes, not only on quit (a crash keeps it).
        QVERIFY(QFile::exists(file));
        QVERIFY(window->session()->save());
    }
    auto window = newWindow();
    window->startSession(file);
    QCOMPARE(m_questions.size(), 1);  // "queue them again?"
    QCOMPARE(window->captionEditor()->promptText(), kCaption);
    QCOMPARE(window->size(), QSize(1250, 905));
    GenerationPanel* panel = window->generationPanel();
    QCOMPARE(panel->seedMode(), GenerationPanel::SeedMode::Increment);
    QCOMPARE(panel->batchCount(), 3);
    QCOMPARE(panel->imageSize(), QSize(768, 512));
    // The LoRAs picked for the model come back with it (weight and transformer).
    const std::vector<i4::pipeline::LoraChoice> loras = panel->loraPicker()->loras();
    QCOMPARE(loras.size(), size_t(1));
    QCOMPARE(QString::fromStdString(loras[0].file), m_dir->filePath("ink.safetensors"));
    QCOMPARE(loras[0].weight, 0.5);
    QCOMPARE(loras[0].target, std::string("both"));
    const i4::pipeline::GenerationRequest restored = window->currentRequest();
    QCOMPARE(QString::fromStdString(restored.toJson().dump()),
             QString::fromStdString(shown.toJson().dump()));
    window->show();
    QTRY_COMPARE(window->findChild<QSplitter*>(QStringLiteral("createSplitter"))->sizes(),
                 splitterSizes);
    QCOMPARE(window->controller()->queue()->rowCount(), 3);
    const auto* first =
        window->controller()->queue()->requestOf(window->controller()->queue()->jobIdAt(0));
    QVERIFY(first);
    QCOMPARE(first->seed, uint64_t(777));
}

void TestSession::quitAsksWhileJobsAreQueued() {
    auto window = newWindow();
    window->startSession(m_dir->filePath("session.json"));
    window->show();
    QVERIFY(window->close());  // nothing queued: no question
    QVERIFY(m_questions.isEmpty());
    window->show();
    window->captionEditor()->setPromptText(kCaption);
    window->generationPanel()->setBatchCount(2);
    window->generate();
    m_answer = false;
    QVERIFY(!window->close());
    QCOMPARE(m_questions.size(), 1);
    QVERIFY(window->isVisible());
    m_answer = true;
    QVERIFY(window->close());
    QCOMPARE(m_questions.size(), 2);
}

void TestSession::switchingModelsAsksWhileJobsAreQueued() {
    for (const char* name : {"one", "two"}) {
        QDir(m_dir->path()).mkpath(name);
        QFile index(m_dir->filePath(QStringLiteral("%1/model_index.json").arg(name)));
        QVERIFY(index.open(QIODevice::WriteOnly));
        index.write("{\"_class_name\":\"Ideogram4Pipeline\"}");
    }
    const QString one = m_dir->filePath("one");
    const QString two = m_dir->filePath("two");
    m_settings->setModelFolders({one, two});
    m_settings->setActiveModelFolder(one);
    auto window = newWindow();
    window->setModelLoader([](const QString&, const i4::pipeline::LoadOptions&) {
        return std::unique_ptr<Engine>(slowEngine());
    });
    window->loadActiveModel();
    window->captionEditor()->setPromptText(kCaption);
    window->generationPanel()->setBatchCount(2);
    window->generate();
    QCOMPARE(window->controller()->queue()->rowCount(), 2);

    m_answer = false;
    m_settings->setActiveModelFolder(two);
    window->loadActiveModel();
    QCOMPARE(m_questions.size(), 1);
    QCOMPARE(window->activeModelFolder(), one);
    QCOMPARE(m_settings->activeModelFolder(), one);
    QCOMPARE(window->controller()->queue()->rowCount(), 2);

    m_answer = true;
    m_settings->setActiveModelFolder(two);
    window->loadActiveModel();
    QCOMPARE(m_questions.size(), 2);
    QCOMPARE(window->activeModelFolder(), two);
    QVERIFY(window->controller()->queue()->pendingCount() == 0);
    // Reloading the same model (a settings change) asks nothing.
    window->loadActiveModel();
    QCOMPARE(m_questions.size(), 2);
}

QTEST_MAIN(TestSession)
#include "test_session.moc"
