#include <QTemporaryDir>
#include <QtTest>

#include "core/pipeline/request_settings.h"
#include "tests/ui/fake_engine.h"
#include "ui/gallery/gallery_store.h"
#include "ui/gallery/gallery_writer.h"
#include "ui/generation/generation_controller.h"
#include "ui/main_window.h"
#include "ui/settings/app_settings.h"
#include "ui/widgets/caption_editor.h"
#include "ui/widgets/generation_panel.h"

using namespace i4::ui;

class TestRemix : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void explicitRequestRestoresExactly();
    void presetRequestRestoresExactly();
    void plainTextPromptRestoresExactly();
    void galleryResultRemixesExactly();
    void modelHintsSetSizePresetAndGuidance();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

void TestRemix::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<AppSettings>(m_dir->filePath("settings.ini"));
    m_settings->setGalleryFolder(m_dir->filePath("gallery"));
    auto engine = std::make_unique<test::FakeEngine>();
    engine->steps = 3;
    engine->stepTime = std::chrono::milliseconds(1);
    m_window = std::make_unique<MainWindow>(m_settings.get(), std::move(engine));
}

void TestRemix::cleanup() {
    m_window.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestRemix::explicitRequestRestoresExactly() {
    i4::pipeline::GenerationRequest r;
    // Pretty-printed on purpose: a remix must send the prompt unchanged, not re-serialised.
    r.prompts = {
        "{\n  \"high_level_description\": \"a lighthouse at dusk\",\n"
        "  \"compositional_deconstruction\": {\"background\": \"sea\", \"elements\": []}\n}"};
    r.width = 832;
    r.height = 1216;
    r.preset = "V4_TURBO_12";
    r.steps = 16;
    r.guidanceSchedule = {9, 8.5f, 8, 7.25f, 7, 7, 7, 7, 6, 6, 5, 5, 4, 3, 3, 2.5f};
    r.mu = 0.25;
    r.seed = 123456789012ull;
    r.batch = 2;
    m_window->remix(r);
    const auto restored = m_window->currentRequest();
    QCOMPARE(QString::fromStdString(restored.toJson().dump()),
             QString::fromStdString(r.toJson().dump()));
    QVERIFY(restored == r);
    QCOMPARE(m_window->generationPanel()->imageSize(), QSize(832, 1216));
}

void TestRemix::presetRequestRestoresExactly() {
    i4::pipeline::GenerationRequest r;
    r.prompts = {"{\"compositional_deconstruction\":{\"background\":\"fog\",\"elements\":[]}}"};
    r.preset = "V4_QUALITY_48";
    r.seed = 7;
    m_window->remix(r);
    QVERIFY(m_window->currentRequest() == r);
    i4::pipeline::GenerationRequest stepsOnly = r;
    stepsOnly.steps = 30;  // steps without a schedule: the preset's shape, resampled
    m_window->remix(stepsOnly);
    QVERIFY(m_window->currentRequest() == stepsOnly);
}

void TestRemix::plainTextPromptRestoresExactly() {
    i4::pipeline::GenerationRequest r;
    r.prompts = {"just a cat, no JSON"};
    r.seed = 42;
    m_window->remix(r);
    QVERIFY(!m_window->captionEditor()->isStructured());
    QVERIFY(m_window->currentRequest() == r);
}

void TestRemix::galleryResultRemixesExactly() {
    i4::pipeline::GenerationRequest r;
    r.prompts = {"{\"compositional_deconstruction\":{\"background\":\"a field\",\"elements\":[]}}"};
    r.width = 512;
    r.height = 256;
    r.preset = "V4_DEFAULT_20";
    r.seed = 555;
    m_window->remix(r);
    m_window->generationPanel()->setBatchCount(2);
    m_window->generationPanel()->setSeedMode(GenerationPanel::SeedMode::Increment);
    QSignalSpy saved(m_window->galleryWriter(), &GalleryWriter::saved);
    m_window->generate();
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 2, 10000);
    const QVector<GalleryRecord> records = m_window->galleryStore()->query();
    QCOMPARE(records.size(), 2);
    QCOMPARE(records[0].request.seed + records[1].request.seed, uint64_t(555 + 556));
    for (const GalleryRecord& record : records) {
        m_window->remix(record.request);
        QVERIFY(m_window->currentRequest() == record.request);
    }
}

// A model folder naming its own size, preset and guidance (as the demo model does) gets them
// when it becomes the active model; the seed mode the user chose stays.
void TestRemix::modelHintsSetSizePresetAndGuidance() {
    QDir(m_dir->path()).mkpath("model");
    QFile index(m_dir->filePath("model/model_index.json"));
    QVERIFY(index.open(QIODevice::WriteOnly));
    // A demo model: only those may lift the 256-pixel lower bound with their own size.
    index.write(R"({"_class_name":"Ideogram4Pipeline","_i4studio":{"demo":true,
        "native_size":[128,96],"preset":"V4_TURBO_12","guidance":2.5}})");
    index.close();
    m_window->generationPanel()->setSeedMode(GenerationPanel::SeedMode::Increment);
    m_settings->setModelFolders({m_dir->filePath("model")});
    m_settings->setActiveModelFolder(m_dir->filePath("model"));
    m_window->loadActiveModel();

    const i4::pipeline::GenerationRequest r = m_window->currentRequest();
    QCOMPARE(r.width, 128);
    QCOMPARE(r.height, 96);
    QCOMPARE(QString::fromStdString(r.preset), QStringLiteral("V4_TURBO_12"));
    i4::pipeline::GenerationRequest turbo;
    turbo.preset = "V4_TURBO_12";
    const std::vector<float> expected = i4::pipeline::withMainGuidance(turbo, 2.5f).guidanceSchedule;
    QCOMPARE(r.guidanceSchedule.size(), size_t(12));
    QVERIFY(r.guidanceSchedule == expected);
    QCOMPARE(r.guidanceSchedule.front(), 2.5f);
    QVERIFY(r.guidanceSchedule.back() != 2.5f);  // the preset's polish tail is kept
    QCOMPARE(m_window->generationPanel()->seedMode(), GenerationPanel::SeedMode::Increment);

    // Reloading the same model (after a settings change) keeps what the user chose since; a
    // preset chosen keeps the model's main guidance (Note [model-aware defaults]).
    QVERIFY(m_window->generationPanel()->selectPreset(QStringLiteral("V4_DEFAULT_20")));
    m_window->loadActiveModel();
    const i4::pipeline::GenerationRequest kept = m_window->currentRequest();
    QCOMPARE(QString::fromStdString(kept.preset), QStringLiteral("V4_DEFAULT_20"));
    QCOMPARE(kept.guidanceSchedule.size(), size_t(20));
    QCOMPARE(kept.guidanceSchedule.front(), 2.5f);
    QCOMPARE(kept.width, 128);

    // A preset this version lacks: the default preset with the model's guidance (and the status
    // bar says so).
    QDir(m_dir->path()).mkpath("future");
    QFile future(m_dir->filePath("future/model_index.json"));
    QVERIFY(future.open(QIODevice::WriteOnly));
    future.write(R"({"_i4studio":{"preset":"V5_SOMEDAY","guidance":2}})");
    future.close();
    m_settings->setModelFolders({m_dir->filePath("future")});
    m_settings->setActiveModelFolder(m_dir->filePath("future"));
    m_window->loadActiveModel();
    QCOMPARE(m_window->currentRequest().guidanceSchedule.front(), 2.0f);
    QCOMPARE(QString::fromStdString(m_window->currentRequest().preset), QStringLiteral("V4_DEFAULT_20"));
}

QTEST_MAIN(TestRemix)
#include "test_remix.moc"
