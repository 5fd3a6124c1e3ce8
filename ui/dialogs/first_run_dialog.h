#pragma once

#include <QDialog>

class QLabel;
class QPushButton;

namespace i4::ui {

class AppSettings;

// Shown until a model folder is set: where the weights come from and what the folder must hold.
class FirstRunDialog : public QDialog {
    Q_OBJECT

public:
    FirstRunDialog(AppSettings* settings, QWidget* parent = nullptr);

private:
    AppSettings* m_settings;
    QLabel* m_status = nullptr;
    QPushButton* m_done = nullptr;
};

}  // namespace i4::ui
