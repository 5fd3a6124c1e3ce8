#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;

namespace i4::ui {

class AppSettings;

// Model folders (validated on the spot), device, precision, gallery location and language.
class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    SettingsDialog(AppSettings* settings, QWidget* parent = nullptr);

    // Writes the choices back to the settings; called on OK.
    void apply();

private:
    void checkSelectedFolder();

    AppSettings* m_settings;
    QListWidget* m_folders = nullptr;
    QPlainTextEdit* m_report = nullptr;
    QComboBox* m_device = nullptr;
    QComboBox* m_precision = nullptr;
    QCheckBox* m_allowAnySize = nullptr;
    QLineEdit* m_gallery = nullptr;
    QComboBox* m_language = nullptr;
};

}  // namespace i4::ui
