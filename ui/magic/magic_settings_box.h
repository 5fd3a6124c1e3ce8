#pragma once

#include <QGroupBox>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace i4::ui {

class MagicSettings;

// Settings › Magic prompt: the back end (local or an OpenAI-compatible endpoint), the endpoint's
// URL, model and API key (Note [API key storage]), streaming and the time-out.
class MagicSettingsBox : public QGroupBox {
    Q_OBJECT

public:
    // `settings` must outlive the box.
    explicit MagicSettingsBox(MagicSettings* settings, QWidget* parent = nullptr);

    // Stores what the box shows. False with `error` set when the key could not be stored.
    bool apply(QString* error = nullptr);

    QComboBox* backendBox() const { return m_backend; }
    QLineEdit* urlEdit() const { return m_url; }
    QLineEdit* modelEdit() const { return m_model; }
    QLineEdit* keyEdit() const { return m_key; }
    QPushButton* forgetKeyButton() const { return m_forgetKey; }
    QCheckBox* streamBox() const { return m_stream; }
    QSpinBox* timeoutBox() const { return m_timeout; }
    QLabel* noteLabel() const { return m_note; }
    QLineEdit* lmHeadEdit() const { return m_lmHead; }

private:
    void updateState();

    MagicSettings* m_settings;
    bool m_forget = false;  // Forget pressed: remove the stored key on apply
    QComboBox* m_backend = nullptr;
    QLineEdit* m_url = nullptr;
    QLineEdit* m_model = nullptr;
    QLineEdit* m_key = nullptr;
    QPushButton* m_forgetKey = nullptr;
    QCheckBox* m_stream = nullptr;
    QSpinBox* m_timeout = nullptr;
    QLineEdit* m_lmHead = nullptr;
    QPushButton* m_lmHeadBrowse = nullptr;
    QLabel* m_note = nullptr;
};

}  // namespace i4::ui
