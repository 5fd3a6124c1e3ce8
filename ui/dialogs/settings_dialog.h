#pragma once

#include <QDialog>
#include <functional>
#include <memory>

#include "core/pipeline/devices.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;

namespace i4::ui {

class AppSettings;
class MagicSettings;
class MagicSettingsBox;

// Model folders (validated on the spot), device, memory mode, precision, the fast mode, gallery
// location and language.
class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    // Finds the GPU (pipeline::deviceReport unless a test passes its own); runs on a thread of
    // its own, since initialising CUDA can take a second.
    using DeviceProbe = std::function<pipeline::DeviceReport()>;

    SettingsDialog(AppSettings* settings, QWidget* parent = nullptr, DeviceProbe probe = {});

    // Writes the choices back to the settings; called on OK.
    void apply();
    // True once the device probe's answer is shown.
    bool deviceReportShown() const { return m_reportShown; }
    // After apply(): whether the model must load again (another folder, or a device, precision,
    // memory or fast mode that loads differently). "Automatic" and the device it stands for
    // are the same choice, so picking the CPU on a CPU-only build keeps the model.
    bool engineChanged() const { return m_engineChanged; }

signals:
    void deviceReportReady();

private:
    void checkSelectedFolder();
    void showDeviceReport(const pipeline::DeviceReport& report);
    void updateEnabledChoices();
    QString resolvedDevice(const QString& device) const;
    QString engineKey(const QString& folder, const QString& device, const QString& precision,
                      const QString& memory, bool fastMode) const;

    AppSettings* m_settings;
    QListWidget* m_folders = nullptr;
    QPlainTextEdit* m_report = nullptr;
    QComboBox* m_device = nullptr;
    QLabel* m_deviceInfo = nullptr;
    QLabel* m_sessionNote = nullptr;
    QComboBox* m_memory = nullptr;
    QComboBox* m_precision = nullptr;
    QCheckBox* m_fastMode = nullptr;
    QLabel* m_fastModeNote = nullptr;  // why the fast mode cannot be chosen, when it cannot
    QCheckBox* m_allowAnySize = nullptr;
    QLineEdit* m_gallery = nullptr;
    QComboBox* m_language = nullptr;
    QString m_initialDevice;  // as shown on opening: the session's device, if any
    bool m_reportShown = false;
    bool m_engineChanged = false;
    // What the model was loaded with as the dialog opened: folder, precision, memory mode, fast
    // mode (the device is m_initialDevice).
    QString m_initialFolder, m_initialPrecision, m_initialMemory;
    bool m_initialFast = false;
    bool m_gpuUsable = false;
    QString m_fastModeUnavailable;  // fastModeUnavailableReason() of the probe's report
    std::shared_ptr<MagicSettings> m_magicSettings;
    MagicSettingsBox* m_magicBox = nullptr;  // Settings › Magic prompt (ui/magic)
};

}  // namespace i4::ui
