#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QtTest>

#include "core/pipeline/devices.h"
#include "ui/dialogs/settings_dialog.h"
#include "ui/settings/app_settings.h"

using namespace i4::ui;
using i4::pipeline::DeviceReport;

namespace {

DeviceReport cpuOnlyBuild() {
    DeviceReport report;
    report.torchVersion = "1.13.1";
    report.problem = "this LibTorch has no CUDA";
    return report;
}

DeviceReport gpuMachine() {
    DeviceReport report;
    report.torchVersion = "2.11.0";
    report.buildHasCuda = true;
    report.gpuAvailable = true;
    report.gpuName = "NVIDIA Test GPU";
    report.gpuTotalBytes = 24ull << 30;
    report.gpuFreeBytes = 20ull << 30;
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

bool cudaItemEnabled(QComboBox* device) {
    auto* items = qobject_cast<QStandardItemModel*>(device->model());
    const int cuda = device->findData(QStringLiteral("cuda"));
    return cuda >= 0 && items->item(cuda)->isEnabled();
}

// With $I4_UI_SCREENSHOT_DIR set, a picture of the dialog as shown, for looking at its layout.
void saveIfAsked(QWidget& dialog, const char* name) {
    const QString dir = qEnvironmentVariable("I4_UI_SCREENSHOT_DIR");
    if (dir.isEmpty()) return;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.grab().save(QDir(dir).filePath(QLatin1String(name))));
}

}  // namespace

// Device, memory mode and precision in the settings: defaults, round trip through the INI file,
// the session's --device, and what the dialog says about the GPU.
class TestDeviceSettings : public QObject {
    Q_OBJECT

private slots:
    void defaultsAreAutomatic();
    void unknownStoredValuesReadAsAutomatic();
    void dialogRoundTrip();
    void sessionDeviceIsNotStored();
    void cpuOnlyBuildSaysSoAndHowToGetOne();
    void reloadOnlyWhenTheEngineChanges();
    void gpuIsNamedWithItsMemory();
    void thisBuildsOwnReport();

private:
    QTemporaryDir m_dir;
    QString iniPath(const char* name) const { return m_dir.filePath(QLatin1String(name)); }
};

void TestDeviceSettings::defaultsAreAutomatic() {
    AppSettings settings(iniPath("defaults.ini"));
    QCOMPARE(settings.device(), QStringLiteral("auto"));
    QCOMPARE(settings.effectiveDevice(), QStringLiteral("auto"));
    QCOMPARE(settings.memoryMode(), QStringLiteral("auto"));
    QCOMPARE(settings.precision(), QStringLiteral("auto"));
}

void TestDeviceSettings::unknownStoredValuesReadAsAutomatic() {
    {
        QSettings raw(iniPath("odd.ini"), QSettings::IniFormat);
        raw.setValue("engine/device", "tpu");
        raw.setValue("engine/memory", "everything");
        raw.setValue("engine/precision", "fp16");
    }
    AppSettings settings(iniPath("odd.ini"));
    QCOMPARE(settings.device(), QStringLiteral("auto"));
    QCOMPARE(settings.memoryMode(), QStringLiteral("auto"));
    QCOMPARE(settings.precision(), QStringLiteral("auto"));
}

void TestDeviceSettings::dialogRoundTrip() {
    {
        AppSettings settings(iniPath("round.ini"));
        SettingsDialog dialog(&settings, nullptr, fixed(gpuMachine()));
        QTRY_VERIFY(dialog.deviceReportShown());
        select(child<QComboBox>(dialog, "device"), "cuda");
        select(child<QComboBox>(dialog, "memoryMode"), "low-vram");
        select(child<QComboBox>(dialog, "precision"), "fp32");
        dialog.apply();
    }
    AppSettings reread(iniPath("round.ini"));
    QCOMPARE(reread.device(), QStringLiteral("cuda"));
    QCOMPARE(reread.memoryMode(), QStringLiteral("low-vram"));
    QCOMPARE(reread.precision(), QStringLiteral("fp32"));

    // And back: the dialog shows what is stored, and stores what is chosen.
    SettingsDialog again(&reread, nullptr, fixed(gpuMachine()));
    QCOMPARE(child<QComboBox>(again, "device")->currentData().toString(), QStringLiteral("cuda"));
    QCOMPARE(child<QComboBox>(again, "memoryMode")->currentData().toString(),
             QStringLiteral("low-vram"));
    QCOMPARE(child<QComboBox>(again, "precision")->currentData().toString(),
             QStringLiteral("fp32"));
    select(child<QComboBox>(again, "device"), "auto");
    select(child<QComboBox>(again, "memoryMode"), "offload-encoder");
    again.apply();
    QCOMPARE(AppSettings(iniPath("round.ini")).device(), QStringLiteral("auto"));
    QCOMPARE(AppSettings(iniPath("round.ini")).memoryMode(), QStringLiteral("offload-encoder"));
}

void TestDeviceSettings::sessionDeviceIsNotStored() {
    AppSettings settings(iniPath("session.ini"));
    settings.setDevice(QStringLiteral("cpu"));
    settings.setSessionDevice(QStringLiteral("cuda"));  // i4studio --device cuda
    QCOMPARE(settings.effectiveDevice(), QStringLiteral("cuda"));
    {
        SettingsDialog dialog(&settings, nullptr, fixed(gpuMachine()));
        QCOMPARE(child<QComboBox>(dialog, "device")->currentData().toString(),
                 QStringLiteral("cuda"));
        QVERIFY(!child<QLabel>(dialog, "sessionNote")->isHidden());
        QVERIFY(child<QLabel>(dialog, "sessionNote")->text().contains("--device cuda"));
        dialog.apply();  // OK without touching the device
    }
    QCOMPARE(settings.device(), QStringLiteral("cpu"));
    QCOMPARE(settings.effectiveDevice(), QStringLiteral("cuda"));

    // Choosing a device in the dialog replaces the session's and is stored.
    SettingsDialog dialog(&settings, nullptr, fixed(gpuMachine()));
    select(child<QComboBox>(dialog, "device"), "auto");
    dialog.apply();
    QCOMPARE(settings.device(), QStringLiteral("auto"));
    QCOMPARE(settings.sessionDevice(), QString());
    QCOMPARE(settings.effectiveDevice(), QStringLiteral("auto"));

    AppSettings plain(iniPath("plain.ini"));
    SettingsDialog noSession(&plain, nullptr, fixed(gpuMachine()));
    QVERIFY(child<QLabel>(noSession, "sessionNote")->isHidden());
}

void TestDeviceSettings::cpuOnlyBuildSaysSoAndHowToGetOne() {
    AppSettings settings(iniPath("cpu.ini"));
    SettingsDialog dialog(&settings, nullptr, fixed(cpuOnlyBuild()));
    QTRY_VERIFY(dialog.deviceReportShown());
    const QString text = child<QLabel>(dialog, "deviceInfo")->text();
    QVERIFY2(text.contains("cannot use the GPU"), qPrintable(text));
    QVERIFY2(text.contains("scripts/run --gpu"), qPrintable(text));
    QVERIFY2(text.contains("1.13.1"), qPrintable(text));
    QVERIFY2(text.contains("NVIDIA GPU"), qPrintable(text));  // the README section's name
    auto* device = child<QComboBox>(dialog, "device");
    // Issue 29: only what this build can use is offered, and Automatic says what it means.
    QCOMPARE(device->findData(QStringLiteral("cuda")), -1);
    QCOMPARE(device->count(), 2);
    QCOMPARE(device->itemText(device->findData(QStringLiteral("auto"))),
             QStringLiteral("Automatic (CPU)"));
    QVERIFY(!child<QComboBox>(dialog, "memoryMode")->isEnabled());
    QCOMPARE(device->currentData().toString(), QStringLiteral("auto"));
    saveIfAsked(dialog, "settings-cpu-only.png");
}

// Issue 29: OK in the settings reloads the model only when it would load differently.
void TestDeviceSettings::reloadOnlyWhenTheEngineChanges() {
    AppSettings settings(iniPath("reload.ini"));
    settings.setModelFolders({QStringLiteral("/models/a"), QStringLiteral("/models/b")});
    settings.setActiveModelFolder(QStringLiteral("/models/a"));
    auto okWith = [&settings](const DeviceReport& report, auto&& change) {
        SettingsDialog dialog(&settings, nullptr, fixed(report));
        [&] { QTRY_VERIFY(dialog.deviceReportShown()); }();
        change(dialog);
        dialog.apply();
        return dialog.engineChanged();
    };
    // Nothing touched; the CPU chosen where Automatic already meant the CPU; a memory mode on
    // the CPU: the model stays.
    QVERIFY(!okWith(cpuOnlyBuild(), [](SettingsDialog&) {}));
    QVERIFY(!okWith(cpuOnlyBuild(),
                    [](SettingsDialog& d) { select(child<QComboBox>(d, "device"), "cpu"); }));
    QVERIFY(!okWith(cpuOnlyBuild(), [](SettingsDialog& d) {
        select(child<QComboBox>(d, "memoryMode"), "low-vram");
    }));
    QVERIFY(!okWith(cpuOnlyBuild(),
                    [](SettingsDialog& d) { select(child<QComboBox>(d, "device"), "auto"); }));
    // Float32 chosen on the CPU, where Automatic is float32 already.
    QVERIFY(!okWith(cpuOnlyBuild(),
                    [](SettingsDialog& d) { select(child<QComboBox>(d, "precision"), "fp32"); }));
    // What does change how it loads: bfloat16, another folder, the GPU.
    QVERIFY(okWith(cpuOnlyBuild(),
                   [](SettingsDialog& d) { select(child<QComboBox>(d, "precision"), "bf16"); }));
    QVERIFY(okWith(cpuOnlyBuild(), [](SettingsDialog& d) {
        child<QListWidget>(d, "modelFolders")->setCurrentRow(1);
    }));
    QVERIFY(okWith(gpuMachine(),
                   [](SettingsDialog& d) { select(child<QComboBox>(d, "device"), "cpu"); }));
}

void TestDeviceSettings::gpuIsNamedWithItsMemory() {
    AppSettings settings(iniPath("gpu.ini"));
    SettingsDialog dialog(&settings, nullptr, fixed(gpuMachine()));
    auto* memory = child<QComboBox>(dialog, "memoryMode");
    QVERIFY(!memory->isEnabled());  // until the probe has answered
    QTRY_VERIFY(dialog.deviceReportShown());
    const QString text = child<QLabel>(dialog, "deviceInfo")->text();
    QVERIFY2(text.contains("NVIDIA Test GPU"), qPrintable(text));
    QVERIFY2(text.contains(QLocale().toString(24.0, 'f', 1) + " GiB"), qPrintable(text));
    QVERIFY2(text.contains(QLocale().toString(20.0, 'f', 1) + " GiB"), qPrintable(text));
    QVERIFY2(text.contains("2.11.0"), qPrintable(text));
    QVERIFY2(!text.contains("cannot"), qPrintable(text));
    auto* device = child<QComboBox>(dialog, "device");
    QVERIFY(cudaItemEnabled(device));
    QVERIFY(memory->isEnabled());
    select(device, "cpu");  // memory modes are a GPU matter
    QVERIFY(!memory->isEnabled());
    select(device, "cuda");
    QVERIFY(memory->isEnabled());
    // Each mode explains itself.
    for (int i = 0; i < memory->count(); ++i) {
        QVERIFY2(!memory->itemData(i, Qt::ToolTipRole).toString().isEmpty(),
                 qPrintable(memory->itemText(i)));
    }
    saveIfAsked(dialog, "settings-gpu.png");
}

// Without a fake: the dialog agrees with core's report for this build and machine.
void TestDeviceSettings::thisBuildsOwnReport() {
    const DeviceReport truth = i4::pipeline::deviceReport();
    AppSettings settings(iniPath("real.ini"));
    SettingsDialog dialog(&settings);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.deviceReportShown(), 30000);
    const QString text = child<QLabel>(dialog, "deviceInfo")->text();
    if (truth.gpuAvailable) {
        QVERIFY2(text.contains(QString::fromStdString(truth.gpuName)), qPrintable(text));
    } else {
        QVERIFY2(text.contains("cannot use the GPU"), qPrintable(text));
        if (!truth.buildHasCuda) QVERIFY2(text.contains("scripts/run --gpu"), qPrintable(text));
    }
    QCOMPARE(cudaItemEnabled(child<QComboBox>(dialog, "device")), truth.gpuAvailable);
}

QTEST_MAIN(TestDeviceSettings)
#include "test_device_settings.moc"
