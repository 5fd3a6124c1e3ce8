// Issue 29, parts 1 and 2: model-aware presets and sizes (one rule with the CLI, Note
// [model-aware defaults]) and seeds that stick. Runs the real main window on the shipped demo
// model's model_index.json, with a fake engine in place of its weights.
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include "core/pipeline/model_hints.h"
#include "core/pipeline/request_settings.h"
#include "core/sampling/presets.h"
#include "tests/ui/fake_engine.h"
#include "ui/main_window.h"
#include "ui/settings/app_settings.h"
#include "ui/widgets/generation_panel.h"

using namespace i4::ui;

class TestGenerationDefaults : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void presetsKeepTheModelsMainGuidance();
    void modelDefaultEntryAndReset();
    void aspectsFollowTheNativeSize();
    void farSizesAreFlagged();
    void friendlyPresetNamesWithTheCodeInTheTooltip();
    void typingASeedLocksIt();
    void reuseSeedLocksItAndShowsCreate();

private:
    GenerationPanel* panel() const { return m_window->generationPanel(); }
    QComboBox* picker() const { return panel()->findChild<QComboBox*>(QStringLiteral("preset")); }
    float mainGuidance() const { return m_window->currentRequest().guidanceSchedule.front(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    i4::pipeline::ModelHints m_demo;
};

void TestGenerationDefaults::init() {
    m_demo = i4::pipeline::readModelHints(I4_DEMO_MODEL_DIR);
    QVERIFY(m_demo.demo);
    QVERIFY(m_demo.guidance.has_value());
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<AppSettings>(m_dir->filePath("settings.ini"));
    m_settings->setGalleryFolder(m_dir->filePath("gallery"));
    m_settings->setModelFolders({QStringLiteral(I4_DEMO_MODEL_DIR)});
    m_window = std::make_unique<MainWindow>(m_settings.get(), std::make_unique<test::FakeEngine>());
    m_window->setModelLoader([](const QString&, const i4::pipeline::LoadOptions&) {
        return std::unique_ptr<Engine>(std::make_unique<test::FakeEngine>());
    });
    m_window->loadActiveModel();
}

void TestGenerationDefaults::cleanup() {
    m_window.reset();
    m_settings.reset();
    m_dir.reset();
}

// Choosing any preset used to put 7.0 over the demo's own main guidance; going back kept it.
void TestGenerationDefaults::presetsKeepTheModelsMainGuidance() {
    QCOMPARE(QString::fromStdString(m_window->currentRequest().preset),
             QString::fromStdString(m_demo.preset));
    QCOMPARE(mainGuidance(), *m_demo.guidance);
    for (const auto& preset : i4::sampling::builtinPresets()) {
        const int row = picker()->findData(QString::fromStdString(preset.name));
        QVERIFY2(row > 0, preset.name.c_str());
        picker()->setCurrentIndex(row);  // as a user picks it
        const i4::pipeline::GenerationRequest r = m_window->currentRequest();
        QCOMPARE(QString::fromStdString(r.preset), QString::fromStdString(preset.name));
        QCOMPARE(r.guidanceSchedule.size(), size_t(preset.steps));
        QCOMPARE(r.guidanceSchedule.front(), *m_demo.guidance);
        QCOMPARE(r.guidanceSchedule.back(), preset.guidanceSchedule.back());
        // The same request `i4 generate --preset NAME` makes on this model.
        i4::pipeline::GenerationRequest cli;
        cli.preset = preset.name;
        QVERIFY(i4::pipeline::withModelDefaults(cli, m_demo, true).guidanceSchedule ==
                r.guidanceSchedule);
    }
}

void TestGenerationDefaults::modelDefaultEntryAndReset() {
    QCOMPARE(picker()->currentIndex(), 0);
    QVERIFY(picker()->itemText(0).contains(
        GenerationPanel::presetDisplayName(QString::fromStdString(m_demo.preset))));
    QVERIFY(panel()->selectPreset(QStringLiteral("V4_QUALITY_48")));
    panel()->setImageSize(QSize(512, 256));
    auto* reset = panel()->findChild<QToolButton*>(QStringLiteral("resetToModel"));
    QVERIFY(reset);
    reset->click();
    QCOMPARE(picker()->currentIndex(), 0);
    const i4::pipeline::GenerationRequest r = m_window->currentRequest();
    QCOMPARE(QString::fromStdString(r.preset), QString::fromStdString(m_demo.preset));
    QCOMPARE(r.guidanceSchedule.front(), *m_demo.guidance);
    QCOMPARE(panel()->imageSize(), QSize(m_demo.nativeWidth, m_demo.nativeHeight));
    // Choosing "Model default" in the picker does the same for the sampler.
    QVERIFY(panel()->selectPreset(QStringLiteral("V4_DEFAULT_20")));
    picker()->setCurrentIndex(0);
    QCOMPARE(m_window->currentRequest().guidanceSchedule.size(), r.guidanceSchedule.size());
}

void TestGenerationDefaults::aspectsFollowTheNativeSize() {
    auto* aspect = panel()->findChild<QComboBox*>(QStringLiteral("aspect"));
    QVERIFY(aspect);
    const int square = aspect->findData(QSize(1, 1));
    const int wide = aspect->findData(QSize(16, 9));
    aspect->setCurrentIndex(wide);
    const QSize wideSize = panel()->imageSize();
    QVERIFY(wideSize.width() > wideSize.height());
    QVERIFY(wideSize.width() * wideSize.height() <= 2 * m_demo.nativeWidth * m_demo.nativeHeight);
    aspect->setCurrentIndex(square);
    QCOMPARE(panel()->imageSize(), QSize(m_demo.nativeWidth, m_demo.nativeHeight));
    panel()->setImageSize(QSize(512, 384));  // no entry makes it: Custom
    QCOMPARE(aspect->currentIndex(), aspect->count() - 1);
    QVERIFY(aspect->itemText(square).contains(
        QStringLiteral("%1×%2").arg(m_demo.nativeWidth).arg(m_demo.nativeHeight)));
}

void TestGenerationDefaults::farSizesAreFlagged() {
    auto* warning = panel()->findChild<QLabel*>(QStringLiteral("sizeWarning"));
    QVERIFY(warning);
    QVERIFY(warning->isHidden());
    panel()->setImageSize(QSize(1360, 768));
    QVERIFY(!warning->isHidden());
    QVERIFY(warning->text().contains(
        QStringLiteral("%1×%2").arg(m_demo.nativeWidth).arg(m_demo.nativeHeight)));
    panel()->setImageSize(QSize(m_demo.nativeWidth, m_demo.nativeHeight));
    QVERIFY(warning->isHidden());
}

void TestGenerationDefaults::friendlyPresetNamesWithTheCodeInTheTooltip() {
    for (const auto& preset : i4::sampling::builtinPresets()) {
        const QString code = QString::fromStdString(preset.name);
        const int row = picker()->findData(code);
        QVERIFY(picker()->itemText(row) != code);
        QCOMPARE(picker()->itemText(row), GenerationPanel::presetDisplayName(code));
        QVERIFY(picker()->itemData(row, Qt::ToolTipRole).toString().contains(code));
    }
}

// A typed seed used to be replaced by a random one (mode "Random").
void TestGenerationDefaults::typingASeedLocksIt() {
    panel()->setSeedMode(GenerationPanel::SeedMode::Random);
    auto* seed = panel()->findChild<QLineEdit*>(QStringLiteral("seed"));
    QVERIFY(seed);
    seed->selectAll();
    QTest::keyClicks(seed, QStringLiteral("4242"));
    QCOMPARE(panel()->seedMode(), GenerationPanel::SeedMode::Locked);
    const auto batch = panel()->takeBatch(QStringLiteral("{}"));
    QCOMPARE(batch.size(), 1);
    QCOMPARE(batch.front().seed, uint64_t(4242));
    QCOMPARE(panel()->takeBatch(QStringLiteral("{}")).front().seed, uint64_t(4242));
}

void TestGenerationDefaults::reuseSeedLocksItAndShowsCreate() {
    panel()->setSeedMode(GenerationPanel::SeedMode::Random);
    m_window->showGallery();
    m_window->reuseSeed(987654321);
    QCOMPARE(panel()->seedMode(), GenerationPanel::SeedMode::Locked);
    QCOMPARE(m_window->currentRequest().seed, uint64_t(987654321));
    QVERIFY(panel()->isVisibleTo(m_window.get()));
}

QTEST_MAIN(TestGenerationDefaults)
#include "test_generation_defaults.moc"
