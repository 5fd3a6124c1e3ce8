#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QThread>
#include <QToolTip>
#include <QtTest>

#include "core/pipeline/devices.h"
#include "tests/ui/fake_engine.h"
#include "ui/dialogs/settings_dialog.h"
#include "ui/engine/device_text.h"
#include "ui/engine/engine_loader.h"
#include "ui/generation/generation_controller.h"
#include "ui/generation/generation_worker.h"
#include "ui/main_window.h"
#include "ui/settings/app_settings.h"

#ifndef I4_DEMO_MODEL_DIR
#error "I4_DEMO_MODEL_DIR must name resources/models/demo"
#endif

using namespace i4::ui;
using i4::pipeline::DeviceReport;
using i4::pipeline::LoadOptions;

namespace {

DeviceReport cpuOnlyBuild() {
    DeviceReport report;
    report.torchVersion = "1.13.1";
    report.problem = "this LibTorch has no CUDA";
    return report;
}

// A GPU without fp8 tensor cores (an A100, say).
DeviceReport gpuWithoutFp8() {
    DeviceReport report;
    report.torchVersion = "2.11.0";
    report.buildHasCuda = true;
    report.gpuAvailable = true;
    report.gpuName = "NVIDIA Ampere Test GPU";
    report.gpuTotalBytes = 40ull << 30;
    report.gpuFreeBytes = 38ull << 30;
    return report;
}

DeviceReport gpuWithFp8() {
    DeviceReport report = gpuWithoutFp8();
    report.gpuName = "NVIDIA Hopper Test GPU";
    report.fp8MatmulAvailable = true;
    return report;
}

SettingsDialog::DeviceProbe fixed(const DeviceReport& report) {
    return [report] { return report; };
}

template <typename T>
T* child(QWidget& parent, const char* name) {
    T* widget = parent.findChild<T*>(QLatin1String(name));
    if (!widget) qFatal("no child %s", name);
    return widget;
}

void select(QComboBox* combo, const char* value) {
    const int index = combo->findData(QLatin1String(value));
    QVERIFY2(index >= 0, value);
    combo->setCurrentIndex(index);
}

// With $I4_UI_SCREENSHOT_DIR set, a picture of the dialog as shown, for looking at its layout.
void saveIfAsked(QWidget& dialog, const char* name) {
    const QString dir = qEnvironmentVariable("I4_UI_SCREENSHOT_DIR");
    if (dir.isEmpty()) return;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.grab().save(QDir(dir).filePath(QLatin1String(name))));
}

// The reason under the checkbox, as a user sees it: shown, and saying `words`.
void expectReason(SettingsDialog& dialog, const QString& words) {
    auto* note = child<QLabel>(dialog, "fastModeNote");
    QVERIFY2(!note->isHidden(), qPrintable(note->text()));
    QVERIFY2(note->text().contains(words), qPrintable(note->text()));
}

// A loader that records what the worker asked for and "loads" a fake engine reporting the fast
// mode as core would (on only when asked).
struct RecordingLoader {
    std::shared_ptr<LoadOptions> seen = std::make_shared<LoadOptions>();
    std::shared_ptr<int> calls = std::make_shared<int>(0);

    GenerationWorker::ModelLoader loader() const {
        return [seen = seen, calls = calls](const QString&, const LoadOptions& options) {
            *seen = options;
            ++*calls;
            auto engine = std::make_unique<test::FakeEngine>();
            engine->report.device = options.device;
            engine->report.dtype = options.dtype;
            engine->report.memory = "resident";
            engine->report.fp8Matmul = options.fp8Matmul;
            return std::unique_ptr<Engine>(std::move(engine));
        };
    }
};

}  // namespace

// The fast mode (fp8 matmuls) from the settings to LoadOptions and back to the status bar.
class TestFastMode : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void offByDefaultAndStored();
    void dialogRoundTrip();
    void disabledWithTheReasonOnThisMachine();
    void disabledWithTheReasonForEachCause();
    void tooltipSaysWhatItDoesAndWhereItsCostIsMeasured();
    void workerPassesTheFlagIntoLoadOptions();
    void demoModelOnTheCpuRefusesItInWords();
    void statusBarNamesTheModeInUse();

private:
    QTemporaryDir m_dir;
    QString iniPath(const char* name) const { return m_dir.filePath(QLatin1String(name)); }
};

void TestFastMode::initTestCase() {
    qRegisterMetaType<GenerationJob>();
    qRegisterMetaType<GenerationOutput>();
    qRegisterMetaType<ModelLoadInfo>();
    qRegisterMetaType<i4::pipeline::LoadProgress>();
}

void TestFastMode::offByDefaultAndStored() {
    AppSettings settings(iniPath("default.ini"));
    QVERIFY(!settings.fastMode());
    QVERIFY(!settings.fastModeWanted());
    settings.setFastMode(true);
    QVERIFY(AppSettings(iniPath("default.ini")).fastMode());
    // Asked for on a GPU in bfloat16 ("auto" may be one); on the CPU or in float32 it waits.
    QVERIFY(settings.fastModeWanted());
    settings.setDevice(QStringLiteral("cuda"));
    settings.setPrecision(QStringLiteral("bf16"));
    QVERIFY(settings.fastModeWanted());
    settings.setPrecision(QStringLiteral("fp32"));
    QVERIFY(!settings.fastModeWanted());
    settings.setPrecision(QStringLiteral("auto"));
    settings.setSessionDevice(QStringLiteral("cpu"));  // i4studio --device cpu
    QVERIFY(!settings.fastModeWanted());
    QVERIFY(settings.fastMode());  // the stored choice is kept
    settings.setFastMode(false);
    QVERIFY(!AppSettings(iniPath("default.ini")).fastMode());
}

void TestFastMode::dialogRoundTrip() {
    {
        AppSettings settings(iniPath("round.ini"));
        SettingsDialog dialog(&settings, nullptr, fixed(gpuWithFp8()));
        auto* fast = child<QCheckBox>(dialog, "fastMode");
        QVERIFY(!fast->isChecked());
        QVERIFY(!fast->isEnabled());  // until the probe has answered
        QTRY_VERIFY(dialog.deviceReportShown());
        QVERIFY(fast->isEnabled());
        QVERIFY(child<QLabel>(dialog, "fastModeNote")->isHidden());
        fast->setChecked(true);
        dialog.apply();
    }
    QVERIFY(AppSettings(iniPath("round.ini")).fastMode());
    AppSettings reread(iniPath("round.ini"));
    SettingsDialog again(&reread, nullptr, fixed(gpuWithFp8()));
    auto* fast = child<QCheckBox>(again, "fastMode");
    QVERIFY(fast->isChecked());
    // OK before the probe answers keeps the stored choice.
    again.apply();
    QVERIFY(AppSettings(iniPath("round.ini")).fastMode());
    QTRY_VERIFY(again.deviceReportShown());
    fast->setChecked(false);
    again.apply();
    QVERIFY(!AppSettings(iniPath("round.ini")).fastMode());
}

// No GPU here (this build or this machine): the box is off, cannot be ticked, and says why.
void TestFastMode::disabledWithTheReasonOnThisMachine() {
    const DeviceReport truth = i4::pipeline::deviceReport();
    if (truth.fp8MatmulAvailable) QSKIP("this machine has fp8 tensor cores");
    QVERIFY(!truth.gpuAvailable || truth.buildHasCuda);
    AppSettings settings(iniPath("here.ini"));
    settings.setFastMode(true);  // as written by a build that could (the settings are shared)
    SettingsDialog dialog(&settings);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.deviceReportShown(), 30000);
    auto* fast = child<QCheckBox>(dialog, "fastMode");
    QVERIFY(!fast->isEnabled());
    QVERIFY(!fast->isChecked());
    if (!truth.buildHasCuda) {
        expectReason(dialog, QStringLiteral("this build cannot use a GPU"));
    } else if (!truth.gpuAvailable) {
        expectReason(dialog, QStringLiteral("no usable NVIDIA GPU"));
    } else {
        expectReason(dialog, QStringLiteral("compute capability 8.9"));
    }
    dialog.apply();
    QVERIFY(!settings.fastMode());
    saveIfAsked(dialog, "settings-fast-mode-here.png");
}

void TestFastMode::disabledWithTheReasonForEachCause() {
    {
        AppSettings settings(iniPath("cpu-build.ini"));
        SettingsDialog dialog(&settings, nullptr, fixed(cpuOnlyBuild()));
        QTRY_VERIFY(dialog.deviceReportShown());
        QVERIFY(!child<QCheckBox>(dialog, "fastMode")->isEnabled());
        expectReason(dialog, QStringLiteral("this build cannot use a GPU"));
    }
    {
        DeviceReport noGpu = gpuWithoutFp8();
        noGpu.gpuAvailable = false;
        noGpu.problem = "no CUDA device";
        AppSettings settings(iniPath("no-gpu.ini"));
        SettingsDialog dialog(&settings, nullptr, fixed(noGpu));
        QTRY_VERIFY(dialog.deviceReportShown());
        QVERIFY(!child<QCheckBox>(dialog, "fastMode")->isEnabled());
        expectReason(dialog, QStringLiteral("no usable NVIDIA GPU"));
    }
    {
        AppSettings settings(iniPath("ampere.ini"));
        settings.setFastMode(true);
        SettingsDialog dialog(&settings, nullptr, fixed(gpuWithoutFp8()));
        QTRY_VERIFY(dialog.deviceReportShown());
        auto* fast = child<QCheckBox>(dialog, "fastMode");
        QVERIFY(!fast->isEnabled());
        QVERIFY(!fast->isChecked());
        expectReason(dialog, QStringLiteral("NVIDIA Ampere Test GPU"));
        expectReason(dialog, QStringLiteral("compute capability 8.9"));
        expectReason(dialog, QStringLiteral("H100/H200"));
        saveIfAsked(dialog, "settings-fast-mode-no-fp8.png");
    }
    // On a GPU that has it: the CPU or float32 chosen above turn it off for now, not for good.
    AppSettings settings(iniPath("hopper.ini"));
    settings.setFastMode(true);
    SettingsDialog dialog(&settings, nullptr, fixed(gpuWithFp8()));
    QTRY_VERIFY(dialog.deviceReportShown());
    auto* fast = child<QCheckBox>(dialog, "fastMode");
    QVERIFY(fast->isEnabled());
    saveIfAsked(dialog, "settings-fast-mode-fp8-gpu.png");
    select(child<QComboBox>(dialog, "device"), "cpu");
    QVERIFY(!fast->isEnabled());
    expectReason(dialog, QStringLiteral("GPU only"));
    select(child<QComboBox>(dialog, "device"), "cuda");
    QVERIFY(fast->isEnabled());
    QVERIFY(child<QLabel>(dialog, "fastModeNote")->isHidden());
    select(child<QComboBox>(dialog, "precision"), "fp32");
    QVERIFY(!fast->isEnabled());
    expectReason(dialog, QStringLiteral("bfloat16"));
    QVERIFY(fast->isChecked());
    dialog.apply();
    QVERIFY(settings.fastMode());
    QVERIFY(!settings.fastModeWanted());  // float32 is stored: this load is exact
}

void TestFastMode::tooltipSaysWhatItDoesAndWhereItsCostIsMeasured() {
    AppSettings settings(iniPath("tip.ini"));
    SettingsDialog dialog(&settings, nullptr, fixed(gpuWithFp8()));
    const QString tip = child<QCheckBox>(dialog, "fastMode")->toolTip();
    QCOMPARE(tip, fastModeToolTip());
    QString plain = tip;
    plain.remove(QChar(0x2060));  // the word joiner that keeps bench/README.md on one line
    for (const char* words : {"fp8", "per step", "not the reference numerics", "bench_fast_mode",
                              "bench/README.md", "exact mode"}) {
        QVERIFY2(plain.contains(QLatin1String(words)), words);
    }
    // With $I4_UI_SCREENSHOT_DIR set, the tooltip as shown (rich text, so it wraps).
    const QString dir = qEnvironmentVariable("I4_UI_SCREENSHOT_DIR");
    if (dir.isEmpty()) return;
    auto* fast = child<QCheckBox>(dialog, "fastMode");
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QToolTip::showText(fast->mapToGlobal(QPoint(0, fast->height())), tip, fast);
    QWidget* shown = nullptr;
    QTRY_VERIFY((shown = [] {
                    for (QWidget* widget : QApplication::topLevelWidgets()) {
                        if (widget->inherits("QTipLabel") && widget->isVisible()) return widget;
                    }
                    return static_cast<QWidget*>(nullptr);
                }()) != nullptr);
    QVERIFY(shown->grab().save(QDir(dir).filePath(QStringLiteral("fast-mode-tooltip.png"))));
}

void TestFastMode::workerPassesTheFlagIntoLoadOptions() {
    QThread thread;
    auto* worker = new GenerationWorker;
    RecordingLoader recording;
    worker->setLoader(recording.loader());
    worker->moveToThread(&thread);
    connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
    thread.start();
    // Joined however the test ends: a running QThread must not be destroyed.
    const auto join = qScopeGuard([&thread] {
        thread.quit();
        thread.wait(5000);
    });
    QSignalSpy loaded(worker, &GenerationWorker::modelLoaded);
    QSignalSpy failed(worker, &GenerationWorker::modelLoadFailed);
    const auto load = [&](const char* device, bool fast) {
        const int before = loaded.count() + failed.count();
        QMetaObject::invokeMethod(
            worker, "loadModel", Qt::QueuedConnection, Q_ARG(QString, QStringLiteral("/models/x")),
            Q_ARG(QString, QLatin1String(device)), Q_ARG(QString, QStringLiteral("auto")),
            Q_ARG(QString, QStringLiteral("auto")), Q_ARG(bool, fast));
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() + failed.count() == before + 1, 10000);
        QVERIFY2(failed.isEmpty(),
                 qPrintable(failed.isEmpty() ? QString() : failed[0][0].toString()));
    };

    load("cpu", true);
    if (QTest::currentTestFailed()) return;
    QCOMPARE(*recording.calls, 1);
    QVERIFY(recording.seen->fp8Matmul);
    QVERIFY(loaded.last().at(0).value<ModelLoadInfo>().report.fp8Matmul);
    load("cpu", false);
    if (QTest::currentTestFailed()) return;
    QVERIFY(!recording.seen->fp8Matmul);
    QVERIFY(!loaded.last().at(0).value<ModelLoadInfo>().report.fp8Matmul);

    // "auto" that lands on the CPU loads exact instead of failing; on a GPU it keeps the flag.
    load("auto", true);
    if (QTest::currentTestFailed()) return;
    QCOMPARE(recording.seen->fp8Matmul, i4::pipeline::resolveDevice("auto") == "cuda");
}

// The real engine refuses the fast mode on the CPU: the load fails with core's reason, as a
// message, and leaves no engine (nothing crashes).
void TestFastMode::demoModelOnTheCpuRefusesItInWords() {
    if (!engineAvailable()) QSKIP("this build has no inference engine");
    GenerationController controller;
    QSignalSpy loaded(&controller, &GenerationController::modelLoaded);
    QSignalSpy failed(&controller, &GenerationController::modelLoadFailed);
    controller.loadModel(QStringLiteral(I4_DEMO_MODEL_DIR), QStringLiteral("cpu"),
                         QStringLiteral("auto"), QStringLiteral("auto"), true);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() + failed.count() == 1, 60000);
    QCOMPARE(loaded.count(), 0);
    const QString message = failed[0][0].toString();
    QVERIFY2(message.contains("fast mode") && message.contains("fp8 tensor cores"),
             qPrintable(message));
    QVERIFY(!controller.hasEngine());

    // The same folder without the fast mode loads: the refusal was the fast mode's alone.
    controller.loadModel(QStringLiteral(I4_DEMO_MODEL_DIR), QStringLiteral("cpu"),
                         QStringLiteral("auto"), QStringLiteral("auto"), false);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() + failed.count() == 2, 60000);
    QVERIFY2(loaded.count() == 1, qPrintable(failed.size() > 1 ? failed[1][0].toString() : ""));
    QVERIFY(!loaded[0][0].value<ModelLoadInfo>().report.fp8Matmul);
}

void TestFastMode::statusBarNamesTheModeInUse() {
    for (const bool fast : {true, false}) {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath("settings.ini"));
        settings.setGalleryFolder(dir.filePath("gallery"));
        settings.setModelFolders({dir.filePath("model")});
        settings.setDevice(QStringLiteral("cpu"));
        MainWindow window(&settings);
        // As a load on an fp8 GPU would report it: the status bar reads LoadReport::fp8Matmul.
        window.controller()->setLoader([fast](const QString&, const LoadOptions&) {
            auto engine = std::make_unique<test::FakeEngine>();
            engine->report.device = "cuda";
            engine->report.dtype = "bf16";
            engine->report.memory = "resident";
            engine->report.fp8Matmul = fast;
            engine->report.gpuBytesAfterLoad = 20ull << 30;
            return std::unique_ptr<Engine>(std::move(engine));
        });
        QSignalSpy loaded(window.controller(), &GenerationController::modelLoaded);
        window.loadActiveModel();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 10000);
        const QString text = window.deviceStatus()->text();
        QVERIFY2(text.contains(numericsModeName(fast)), qPrintable(text));
        QVERIFY2(text.contains(fast ? "fast (fp8)" : "exact"), qPrintable(text));
        QVERIFY2(!text.contains(fast ? "exact" : "fast"), qPrintable(text));
    }
}

QTEST_MAIN(TestFastMode)
#include "test_fast_mode.moc"
