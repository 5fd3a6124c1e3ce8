// The magic prompt in the window: a back end's caption streams into the caption editor (form,
// element list and JSON fill in as the text arrives), cancel puts the caption back, failures are
// shown, the settings section stores the endpoint and its key (user-only file without a
// keychain), and a real chat-completions server on 127.0.0.1 drives it end to end, the idea
// reaching the image's PNG metadata. With I4_SCREENSHOT_DIR set the window is saved there as
// magic_prompt_endpoint.png after the endpoint's caption arrived, and as magic_prompt.png after
// the demo model's own language model wrote one.

#include <httplib.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTranslator>
#include <QUndoStack>
#include <QtTest>
#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/caption/caption_verifier.h"
#include "core/magic/magic_prompt.h"
#include "tests/ui/fake_engine.h"
#include "ui/gallery/png_metadata.h"
#include "ui/magic/api_key_store.h"
#include "ui/magic/magic_prompt_bar.h"
#include "ui/magic/magic_settings.h"
#include "ui/magic/magic_settings_box.h"
#include "ui/main_window.h"
#include "ui/settings/app_settings.h"
#include "ui/widgets/caption_editor.h"

using namespace i4::ui;
using Json = nlohmann::json;

namespace {

// Two elements, pretty-printed: many pieces, and the second box arrives well after the first.
std::string captionFor(const std::string& idea) {
    Json caption = Json::parse(
        R"({"high_level_description":"","style_description":{"aesthetics":"bold, cheerful, flat",)"
        R"("lighting":"even studio light","medium":"vector illustration",)"
        R"("art_style":"flat geometric shapes","color_palette":["#F5F0E1","#2E8B57","#D22B2B"]},)"
        R"("compositional_deconstruction":{"background":"a plain beige ground","elements":[)"
        R"({"type":"obj","bbox":[80,330,460,670],"desc":"a green five-pointed star",)"
        R"("color_palette":["#2E8B57"]},{"type":"obj","bbox":[540,300,920,700],)"
        R"("desc":"a thick red ring","color_palette":["#D22B2B"]}]}})");
    caption["high_level_description"] = "A picture of " + idea + ".";
    return caption.dump(2);
}

class FakeBackend : public i4::magic::MagicPromptBackend {
public:
    std::string text;
    int delayMs = 2;
    bool fail = false;
    std::atomic<bool>* sawCancel = nullptr;

    std::string expand(const i4::magic::MagicPromptRequest& request,
                       const std::function<void(std::string_view)>& onText,
                       const std::function<bool()>& cancelled) override {
        const std::string all = text.empty() ? captionFor(request.idea) : text;
        for (std::size_t at = 0; at < all.size(); at += 4) {
            if (cancelled()) {
                if (sawCancel) *sawCancel = true;
                throw i4::CancelledError();
            }
            onText(std::string_view(all).substr(at, 4));
            std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
        }
        if (fail) throw i4::magic::MagicPromptError("The endpoint answered HTTP 500: no.");
        return i4::magic::finishMagicCaption(all);
    }
    std::string name() const override { return "fake"; }
};

// A chat-completions server that streams captionFor(idea) in 6-byte pieces, 3 ms apart.
class ChatServer {
public:
    ChatServer() {
        m_server.Post(
            "/v1/chat/completions", [this](const httplib::Request& req, httplib::Response& res) {
                const Json body = Json::parse(req.body);
                authorization = req.get_header_value("Authorization");
                temperature = body.value("temperature", -1.0);
                const std::string caption = captionFor(body.at("messages").at(1).at("content"));
                res.set_chunked_content_provider(
                    "text/event-stream", [caption](size_t, httplib::DataSink& sink) {
                        for (std::size_t at = 0; at < caption.size(); at += 6) {
                            const Json event = {
                                {"choices",
                                 Json::array({{{"delta", {{"content", caption.substr(at, 6)}}}}})}};
                            const std::string line = "data: " + event.dump() + "\n\n";
                            if (!sink.write(line.data(), line.size())) return false;
                            std::this_thread::sleep_for(std::chrono::milliseconds(3));
                        }
                        sink.write("data: [DONE]\n\n", 14);
                        sink.done();
                        return true;
                    });
            });
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        while (!m_server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~ChatServer() {
        m_server.stop();
        m_thread.join();
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1/v1").arg(m_port); }
    std::string authorization;
    double temperature = -1;

private:
    httplib::Server m_server;
    int m_port = 0;
    std::thread m_thread;
};

}  // namespace

class TestMagicPrompt : public QObject {
    Q_OBJECT

private slots:
    void init();
    void captionStreamsIntoTheEditor();
    void cancelPutsTheCaptionBack();
    void failureIsShownAndNothingChanges();
    void plainPromptBecomesTheIdea();
    void settingsStoreEndpointAndKey();
    void keychainAbsentFallsBackToFile();
    void localBackendNeedsAModelFolder();
    void localBackendWithTheDemoModel();
    void endpointEndToEndWithMetadata();
    void translated();

private:
    std::unique_ptr<MainWindow> window();
    void useBackend(MainWindow* w, const std::function<void(FakeBackend&)>& setup = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
};

void TestMagicPrompt::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<AppSettings>(m_dir->filePath("settings.ini"));
    m_settings->setGalleryFolder(m_dir->filePath("gallery"));
    m_settings->setDevice(QStringLiteral("cpu"));
}

std::unique_ptr<MainWindow> TestMagicPrompt::window() {
    return std::make_unique<MainWindow>(m_settings.get(),
                                        std::make_unique<i4::ui::test::FakeEngine>());
}

void TestMagicPrompt::useBackend(MainWindow* w, const std::function<void(FakeBackend&)>& setup) {
    w->magicPromptBar()->setBackendFactory([setup](QString*) {
        auto backend = std::make_unique<FakeBackend>();
        if (setup) setup(*backend);
        return std::unique_ptr<i4::magic::MagicPromptBackend>(std::move(backend));
    });
}

void TestMagicPrompt::captionStreamsIntoTheEditor() {
    auto w = window();
    useBackend(w.get());
    CaptionEditor* editor = w->captionEditor();
    MagicPromptBar* bar = w->magicPromptBar();
    editor->setPromptText(QStringLiteral("an old caption"));
    const QString before = editor->promptText();
    const int undoSteps = editor->undoStack()->count();
    auto* list = editor->findChild<QListWidget*>(QStringLiteral("elementList"));
    QVERIFY(list);

    // What the editor shows each time it changes while the caption streams in.
    QStringList shown;
    QVector<int> elementCounts;
    QVector<int> listCounts;
    bool disabledWhileStreaming = true;
    connect(editor, &CaptionEditor::promptChanged, this, [&] {
        if (!bar->isRunning()) return;
        shown << editor->promptText();
        elementCounts << int(editor->caption().elements.size());
        listCounts << list->count();
        disabledWhileStreaming = disabledWhileStreaming && !editor->isEnabled();
    });
    bar->ideaEdit()->setText(QStringLiteral("a green star above a red ring"));
    w->generationPanel();  // the panel's size sets the aspect; 1024x1024 by default
    QTest::mouseClick(bar->runButton(), Qt::LeftButton);
    QVERIFY(bar->isRunning());
    QVERIFY(bar->cancelButton()->isVisible() || !w->isVisible());
    // No picture from a half-written caption.
    w->generate();
    QCOMPARE(w->statusBar()->currentMessage(),
             QStringLiteral("The magic prompt is still writing the caption."));
    QTRY_VERIFY_WITH_TIMEOUT(!bar->isRunning(), 15000);

    const std::string expected =
        i4::magic::finishMagicCaption(captionFor("a green star above a red ring"));
    QCOMPARE(editor->promptText().toStdString(), expected);
    QVERIFY(editor->isStructured());
    QVERIFY(editor->isEnabled());
    QCOMPARE(editor->caption().elements.size(), 2);
    QVERIFY2(shown.size() >= 8, qPrintable(QString::number(shown.size())));
    QVERIFY(disabledWhileStreaming);
    // Token by token: the description grows before any box exists, then one box, then two.
    QVERIFY(elementCounts.contains(0));
    QVERIFY(elementCounts.contains(1));
    QCOMPARE(elementCounts.front(), 0);
    for (int i = 1; i < elementCounts.size(); ++i)
        QVERIFY(elementCounts[i] >= elementCounts[i - 1]);
    QCOMPARE(listCounts, elementCounts);  // the form's element list follows
    QVERIFY(shown.front().size() < shown.back().size());
    QVERIFY2(bar->statusLabel()->text().contains(QStringLiteral("fake")),
             qPrintable(bar->statusLabel()->text()));
    QCOMPARE(bar->ideaForCaption(), QStringLiteral("a green star above a red ring"));
    QCOMPARE(w->currentRequest().magicIdea, std::string("a green star above a red ring"));

    // One undo step for the whole run, and the result is an ordinary editable caption.
    QCOMPARE(editor->undoStack()->count(), undoSteps + 1);
    editor->undo();
    QCOMPARE(editor->promptText(), before);
    editor->redo();
    QCOMPARE(editor->promptText().toStdString(), expected);
    auto* background = editor->findChild<QLineEdit*>(QStringLiteral("background"));
    QVERIFY(background);
    background->setFocus();
    background->selectAll();
    QTest::keyClicks(background, QStringLiteral("sand"));
    QVERIFY(editor->promptText().contains(QStringLiteral("\"background\":\"sand\"")));
    // Another idea in the field: the caption no longer comes from the recorded one.
    bar->ideaEdit()->setText(QStringLiteral("something else"));
    QCOMPARE(w->currentRequest().magicIdea, std::string());
}

void TestMagicPrompt::cancelPutsTheCaptionBack() {
    auto w = window();
    std::atomic<bool> sawCancel{false};
    useBackend(w.get(), [&](FakeBackend& b) {
        b.delayMs = 15;
        b.sawCancel = &sawCancel;
    });
    CaptionEditor* editor = w->captionEditor();
    MagicPromptBar* bar = w->magicPromptBar();
    editor->setPromptText(
        QStringLiteral("{\"compositional_deconstruction\":{\"background\":"
                       "\"kept\",\"elements\":[]}}"));
    const QString before = editor->promptText();
    bar->ideaEdit()->setText(QStringLiteral("a blue circle"));
    bar->start();
    // Wait until part of the new caption is in the editor, then cancel.
    QTRY_VERIFY_WITH_TIMEOUT(editor->promptText().contains(QStringLiteral("A picture of a blu")),
                             10000);
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(bar->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!bar->isRunning(), 5000);
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(sawCancel);
    QCOMPARE(editor->promptText(), before);
    QVERIFY(editor->isEnabled());
    QVERIFY(bar->runButton()->isEnabled());
    QVERIFY(bar->statusLabel()->text().contains(QStringLiteral("cancelled")));
    QCOMPARE(bar->ideaForCaption(), QString());
}

void TestMagicPrompt::failureIsShownAndNothingChanges() {
    auto w = window();
    useBackend(w.get(), [](FakeBackend& b) { b.fail = true; });
    CaptionEditor* editor = w->captionEditor();
    MagicPromptBar* bar = w->magicPromptBar();
    editor->setPromptText(QStringLiteral("before"));
    bar->ideaEdit()->setText(QStringLiteral("a cat"));
    bar->start();
    QTRY_VERIFY_WITH_TIMEOUT(!bar->isRunning(), 15000);
    QCOMPARE(editor->promptText(), QStringLiteral("before"));
    QVERIFY2(bar->statusLabel()->text().contains(QStringLiteral("HTTP 500")),
             qPrintable(bar->statusLabel()->text()));

    // A back end that cannot be made says why, and nothing starts.
    bar->setBackendFactory([](QString* whyNot) {
        *whyNot = QStringLiteral("No endpoint model is set.");
        return std::unique_ptr<i4::magic::MagicPromptBackend>();
    });
    bar->start();
    QVERIFY(!bar->isRunning());
    QCOMPARE(bar->statusLabel()->text(), QStringLiteral("No endpoint model is set."));
    bar->ideaEdit()->clear();
    editor->setPromptText(QString());
    bar->start();
    QCOMPARE(bar->statusLabel()->text(), QStringLiteral("Type an idea first."));
}

void TestMagicPrompt::plainPromptBecomesTheIdea() {
    auto w = window();
    useBackend(w.get());
    CaptionEditor* editor = w->captionEditor();
    MagicPromptBar* bar = w->magicPromptBar();
    editor->setPromptText(QStringLiteral("a lighthouse at dusk"));  // plain text, not JSON
    QVERIFY(!editor->isStructured());
    bar->start();
    QCOMPARE(bar->idea(), QStringLiteral("a lighthouse at dusk"));
    QTRY_VERIFY_WITH_TIMEOUT(!bar->isRunning(), 15000);
    QVERIFY(editor->isStructured());
    QVERIFY(editor->promptText().contains(QStringLiteral("A picture of a lighthouse at dusk.")));
}

void TestMagicPrompt::settingsStoreEndpointAndKey() {
    MagicSettings settings(m_settings.get());
    MagicSettingsBox box(&settings);
    QCOMPARE(box.backendBox()->currentData().toString(), QStringLiteral("endpoint"));
    QVERIFY(!box.forgetKeyButton()->isEnabled());
    box.urlEdit()->setText(QStringLiteral("http://127.0.0.1:9/v1"));
    box.modelEdit()->setText(QStringLiteral("qwen3:8b"));
    box.keyEdit()->setText(QStringLiteral("sk-secret-value-123"));
    box.timeoutBox()->setValue(45);
    box.streamBox()->setChecked(false);
    QString error;
    QVERIFY2(box.apply(&error), qPrintable(error));

    const MagicPromptConfig c = settings.config();
    QCOMPARE(c.url, QStringLiteral("http://127.0.0.1:9/v1"));
    QCOMPARE(c.model, QStringLiteral("qwen3:8b"));
    QCOMPARE(c.timeoutSeconds, 45);
    QCOMPARE(c.stream, false);
    // The key: in a user-only file (no keychain for test settings), not in the settings file.
    QCOMPARE(settings.apiKeyLocation(), QStringLiteral("file"));
    QFile keyFile(settings.apiKeyFile());
    QVERIFY(keyFile.exists());
    QCOMPARE(keyFile.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                                      QFileDevice::WriteGroup | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    QCOMPARE(settings.loadApiKey(), QStringLiteral("sk-secret-value-123"));
    m_settings->store().sync();
    QFile ini(m_settings->store().fileName());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QVERIFY(!ini.readAll().contains("sk-secret"));
    QVERIFY(box.keyEdit()->text().isEmpty());  // not shown again
    QVERIFY(box.forgetKeyButton()->isEnabled());
    QVERIFY(box.noteLabel()->text().contains(settings.apiKeyFile()));

    // A fresh box shows the settings back; Forget removes the key.
    MagicSettingsBox again(&settings);
    QCOMPARE(again.modelEdit()->text(), QStringLiteral("qwen3:8b"));
    QVERIFY(!again.streamBox()->isChecked());
    const QString dir = qEnvironmentVariable("I4_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        again.resize(640, again.sizeHint().height());
        QVERIFY(again.grab().save(dir + QStringLiteral("/magic_prompt_settings.png")));
    }
    QTest::mouseClick(again.forgetKeyButton(), Qt::LeftButton);
    QVERIFY(again.apply(&error));
    QVERIFY(!QFile::exists(settings.apiKeyFile()));
    QCOMPARE(settings.apiKeyLocation(), QString());
    QCOMPARE(settings.loadApiKey(), QString());

    // No model: the window's factory says what to set.
    MagicPromptConfig none = settings.config();
    none.model.clear();
    settings.setConfig(none);
    QString whyNot;
    QVERIFY(!createMagicBackend(settings, &whyNot));
    QVERIFY2(whyNot.contains(QStringLiteral("Settings › Magic prompt")), qPrintable(whyNot));
    none.model = QStringLiteral("m");
    none.url = QStringLiteral("localhost:11434");
    settings.setConfig(none);
    QVERIFY(!createMagicBackend(settings, &whyNot));
    QVERIFY2(whyNot.contains(QStringLiteral("http://")), qPrintable(whyNot));
}

// The app's own store asks the desktop's keychain first; with no session bus (CI, a bare X
// session) it must fall back to the user-only file at once. Only run where no session bus
// exists, so that a developer's real keychain is never touched.
void TestMagicPrompt::keychainAbsentFallsBackToFile() {
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        QSKIP("a D-Bus session exists: the keychain might answer");
    }
    const QString file = m_dir->filePath(QStringLiteral("conf/key"));
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("conf"))));
    {
        QFile old(file);  // left by hand, readable by everyone: narrowed before the key goes in
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                           QFileDevice::ReadGroup | QFileDevice::ReadOther);
    }
    ApiKeyStore store(QStringLiteral("i4studio-test"), file);
    QElapsedTimer clock;
    clock.start();
    QString error;
    QVERIFY2(store.save(QStringLiteral("sk-fallback"), &error), qPrintable(error));
    QCOMPARE(store.location(), QStringLiteral("file"));
    QCOMPARE(QFile(file).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
    QCOMPARE(store.load(), QStringLiteral("sk-fallback"));
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(store.save(QString()));
    QVERIFY(!QFile::exists(file));
    QCOMPARE(store.load(), QString());
}

void TestMagicPrompt::localBackendNeedsAModelFolder() {
    MagicSettings settings(m_settings.get());
    MagicPromptConfig c = settings.config();
    c.backend = QStringLiteral("local");
    settings.setConfig(c);
    QString whyNot;
    QVERIFY(!createMagicBackend(settings, &whyNot));
    QVERIFY2(whyNot.contains(QStringLiteral("model folder")), qPrintable(whyNot));
    MagicSettingsBox box(&settings);
    QVERIFY(!box.urlEdit()->isEnabled());
    QVERIFY(box.lmHeadEdit()->isEnabled());
    QVERIFY(box.noteLabel()->text().contains(QStringLiteral("active model folder")));

    // A folder that holds no language model: the run fails in words, on the run's thread.
    const QString empty = m_dir->filePath(QStringLiteral("no-model"));
    QVERIFY(QDir().mkpath(empty));
    m_settings->setModelFolders({empty});
    m_settings->setActiveModelFolder(empty);
    auto w = window();
    w->captionEditor()->setPromptText(QStringLiteral("kept"));
    w->magicPromptBar()->ideaEdit()->setText(QStringLiteral("a red ring"));
    w->magicPromptBar()->start();
    QTRY_VERIFY_WITH_TIMEOUT(!w->magicPromptBar()->isRunning(), 30000);
    const QString status = w->magicPromptBar()->statusLabel()->text();
    QVERIFY2(status.startsWith(QStringLiteral("Magic prompt failed: ")) && status.size() > 30,
             qPrintable(status));
    QCOMPARE(w->captionEditor()->promptText(), QStringLiteral("kept"));
}

// The shipped demo model's own language model, through the window, on the CPU. With
// I4_SCREENSHOT_DIR set the window is saved as magic_prompt.png.
void TestMagicPrompt::localBackendWithTheDemoModel() {
    const QString demo = QStringLiteral(I4_DEMO_MODEL_DIR);
    // It ships with the demo model (resources/models/demo/magic_prompt): missing is a failure.
    QVERIFY(QFile::exists(demo + QStringLiteral("/magic_prompt/config.json")));
    m_settings->setModelFolders({demo});
    m_settings->setActiveModelFolder(demo);
    {
        MagicSettings settings(m_settings.get());
        MagicPromptConfig c = settings.config();
        c.backend = QStringLiteral("local");
        c.temperature = 0;  // greedy: the same caption every run
        settings.setConfig(c);
    }
    auto w = window();
    MagicPromptBar* bar = w->magicPromptBar();
    CaptionEditor* editor = w->captionEditor();
    int updates = 0;
    connect(editor, &CaptionEditor::promptChanged, this, [&] { updates += bar->isRunning(); });
    // Phrased as the demo world's descriptions are (Note [Demo descriptions]).
    const QString idea = QStringLiteral(
        "a small green star at the top left and a red ring at the "
        "bottom right on a beige background");
    bar->ideaEdit()->setText(idea);
    QTest::mouseClick(bar->runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!bar->isRunning(), 300000);
    const QString status = bar->statusLabel()->text();
    QVERIFY2(status.startsWith(QStringLiteral("Caption written")), qPrintable(status));
    // The demo LM writes its caption in a fraction of a second: one 40 ms tick or two.
    QVERIFY2(updates >= 1, qPrintable(QString::number(updates)));
    QVERIFY(editor->isStructured());
    QVERIFY(i4::caption::verifyCaption(editor->promptText().toStdString()).empty());
    QCOMPARE(editor->caption().elements.size(), 2);
    QVERIFY2(editor->promptText().contains(QStringLiteral("green star")) &&
                 editor->promptText().contains(QStringLiteral("red ring")),
             qPrintable(editor->promptText()));
    QCOMPARE(QString::fromStdString(w->currentRequest().magicIdea), idea);
    const QString dir = qEnvironmentVariable("I4_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        w->resize(1360, 900);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        QTest::qWait(200);
        bar->ideaEdit()->setCursorPosition(0);  // the idea's start, not its end
        QVERIFY(w->grab().save(dir + QStringLiteral("/magic_prompt.png")));
    }
}

void TestMagicPrompt::endpointEndToEndWithMetadata() {
    ChatServer server;
    {
        MagicSettings settings(m_settings.get());
        MagicPromptConfig c;
        c.url = server.url();
        c.model = QStringLiteral("test-model");
        c.temperature = 0.3;
        settings.setConfig(c);
        QVERIFY(settings.saveApiKey(QStringLiteral("sk-window-key")));
    }
    auto w = window();  // the window's own factory: Settings › Magic prompt
    MagicPromptBar* bar = w->magicPromptBar();
    CaptionEditor* editor = w->captionEditor();
    const QString idea = QStringLiteral("a green star above a red ring on a beige background");
    bar->ideaEdit()->setText(idea);
    QTest::keyClick(bar->ideaEdit(), Qt::Key_Return);
    QVERIFY(bar->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!bar->isRunning(), 20000);
    QVERIFY2(bar->statusLabel()->text().contains(QStringLiteral("test-model")),
             qPrintable(bar->statusLabel()->text()));
    QCOMPARE(server.authorization, std::string("Bearer sk-window-key"));
    QCOMPARE(server.temperature, 0.3);  // the settings' sampling reaches the server
    QCOMPARE(editor->promptText().toStdString(),
             i4::magic::finishMagicCaption(captionFor(idea.toStdString())));

    // The editor after a magic prompt from an endpoint (docs/screenshots).
    const QString dir = qEnvironmentVariable("I4_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        w->resize(1360, 900);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        QTest::qWait(200);
        QVERIFY(w->grab().save(dir + QStringLiteral("/magic_prompt_endpoint.png")));
    }

    // The idea goes with the request into the PNG's metadata and comes back on remix.
    const i4::pipeline::GenerationRequest request = w->currentRequest();
    QCOMPARE(QString::fromStdString(request.magicIdea), idea);
    ImageMetadata metadata;
    metadata.request = request;
    metadata.modelId = QStringLiteral("fake-model");
    metadata.created = QDateTime::currentDateTimeUtc();
    QImage image(16, 16, QImage::Format_RGB888);
    image.fill(Qt::darkGreen);
    const QString png = m_dir->filePath("magic.png");
    QString error;
    QVERIFY2(writeImageWithMetadata(png, image, metadata, &error), qPrintable(error));
    const std::optional<ImageMetadata> back = readImageMetadata(png);
    QVERIFY(back);
    QCOMPARE(QString::fromStdString(back->request.magicIdea), idea);
    bar->ideaEdit()->clear();
    QCOMPARE(w->currentRequest().magicIdea, std::string());
    w->remix(back->request);
    QCOMPARE(bar->idea(), idea);
    QCOMPARE(QString::fromStdString(w->currentRequest().magicIdea), idea);
}

// One string of each class in German and Japanese (the .qm files compiled into i4ui).
void TestMagicPrompt::translated() {
    QTranslator german;
    QVERIFY(german.load(QStringLiteral(":/i18n/i4studio_de.qm")));
    QCOMPARE(german.translate("i4::ui::MagicPromptBar", "Type an idea first."),
             QStringLiteral("Bitte zuerst eine Idee eingeben."));
    QCOMPARE(german.translate("i4::ui::MagicSettingsBox", "API key"),
             QStringLiteral("API-Schlüssel"));
    QTranslator japanese;
    QVERIFY(japanese.load(QStringLiteral(":/i18n/i4studio_ja.qm")));
    QCOMPARE(japanese.translate("i4::ui::MagicPromptBar", "Magic prompt"),
             QStringLiteral("マジックプロンプト"));
    QVERIFY(!japanese
                 .translate("i4::ui::MagicSettings",
                            "No endpoint model is set. Enter the URL and model of an "
                            "OpenAI-compatible chat server in Settings › Magic prompt.")
                 .isEmpty());
    qApp->installTranslator(&german);
    CaptionEditor editor;
    MagicPromptBar bar(&editor);
    QCOMPARE(bar.runButton()->text(), QStringLiteral("Magic Prompt"));
    qApp->removeTranslator(&german);
}

QTEST_MAIN(TestMagicPrompt)
#include "test_magic_prompt.moc"
