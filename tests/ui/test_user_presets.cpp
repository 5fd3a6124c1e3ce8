#include <QComboBox>
#include <QTemporaryDir>
#include <QtTest>

#include "core/sampling/presets.h"
#include "ui/widgets/generation_panel.h"
#include "ui/widgets/guidance_schedule_editor.h"

using namespace i4::ui;

// "Save as preset…": the sampler settings now shown go into the user's preset file (core's
// format), show up in the picker, and come back exactly in a new session.
class TestUserPresets : public QObject {
    Q_OBJECT

private slots:
    void saveListReloadAndUse();
    void refusesBuiltinNamesAndBadFiles();
};

void TestUserPresets::saveListReloadAndUse() {
    QTemporaryDir dir;
    const QString file = dir.filePath("data/presets.json");  // its folder does not exist yet
    GenerationPanel panel;
    QVERIFY(panel.setUserPresetFile(file));
    auto* picker = panel.findChild<QComboBox*>(QStringLiteral("preset"));
    const int builtins = picker->count();

    panel.selectPreset(QStringLiteral("V4_TURBO_12"));
    const std::vector<float> schedule = {6.0f, 6.0f, 5.0f, 4.0f, 3.0f};
    panel.scheduleEditor()->setSchedule(schedule);
    emit panel.scheduleEditor()->userEdited();
    const auto turbo = *i4::sampling::findPreset("V4_TURBO_12");
    QString error;
    QVERIFY2(panel.saveCurrentAsPreset(QStringLiteral("  my quick  "), &error), qPrintable(error));

    const auto saved = i4::sampling::loadPresetFile(file.toStdString());
    QCOMPARE(saved.size(), size_t(1));
    QCOMPARE(saved[0].name, std::string("my quick"));
    QCOMPARE(saved[0].steps, 5);
    QCOMPARE(saved[0].guidanceSchedule, schedule);
    QCOMPARE(saved[0].mu, turbo.mu);
    QCOMPARE(saved[0].std, turbo.std);
    QCOMPARE(picker->count(), builtins + 1);
    QCOMPARE(picker->currentText(), QStringLiteral("my quick"));

    // Saving under the same name replaces it.
    panel.scheduleEditor()->setSchedule({4.0f, 4.0f, 2.0f});
    emit panel.scheduleEditor()->userEdited();
    QVERIFY(panel.saveCurrentAsPreset(QStringLiteral("my quick"), &error));
    QCOMPARE(i4::sampling::loadPresetFile(file.toStdString()).size(), size_t(1));
    QCOMPARE(i4::sampling::loadPresetFile(file.toStdString())[0].steps, 3);
    QCOMPARE(picker->count(), builtins + 1);

    // A new session lists it; choosing it yields explicit values the engine can run without
    // knowing the name.
    GenerationPanel next;
    QVERIFY(next.setUserPresetFile(file));
    auto* nextPicker = next.findChild<QComboBox*>(QStringLiteral("preset"));
    QCOMPARE(nextPicker->count(), builtins + 1);
    next.selectPreset(QStringLiteral("my quick"));
    const i4::pipeline::GenerationRequest request = next.request(QStringLiteral("{}"));
    QVERIFY(request.preset.empty());
    QCOMPARE(request.steps, std::optional<int>(3));
    QCOMPARE(request.guidanceSchedule, (std::vector<float>{4.0f, 4.0f, 2.0f}));
    QCOMPARE(request.mu, std::optional<double>(turbo.mu));
    QCOMPARE(request.std, std::optional<double>(turbo.std));

    // Back to a built-in: the preset's name again, nothing explicit.
    next.selectPreset(QStringLiteral("V4_DEFAULT_20"));
    const i4::pipeline::GenerationRequest builtin = next.request(QStringLiteral("{}"));
    QCOMPARE(builtin.preset, std::string("V4_DEFAULT_20"));
    QVERIFY(!builtin.steps.has_value());
    QVERIFY(!builtin.mu.has_value());
}

void TestUserPresets::refusesBuiltinNamesAndBadFiles() {
    QTemporaryDir dir;
    const QString file = dir.filePath("presets.json");
    GenerationPanel panel;
    QVERIFY(panel.setUserPresetFile(file));
    QString error;
    QVERIFY(!panel.saveCurrentAsPreset(QStringLiteral("V4_DEFAULT_20"), &error));
    QVERIFY(error.contains(QStringLiteral("V4_DEFAULT_20")));
    QVERIFY(!panel.saveCurrentAsPreset(QStringLiteral("   "), &error));
    QVERIFY(!QFile::exists(file));

    QFile broken(file);
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"format\": \"i4studio-presets\", \"presets\": [");
    broken.close();
    GenerationPanel other;
    error.clear();
    QVERIFY(!other.setUserPresetFile(file, &error));
    QVERIFY(error.contains(QStringLiteral("presets.json")));
    // The built-in presets still work.
    QVERIFY(other.findChild<QComboBox*>(QStringLiteral("preset"))->findData("V4_TURBO_12") >= 0);
}

QTEST_MAIN(TestUserPresets)
#include "test_user_presets.moc"
