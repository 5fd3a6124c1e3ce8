#include "ui/magic/magic_settings_box.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

#include "ui/magic/magic_settings.h"

namespace i4::ui {

MagicSettingsBox::MagicSettingsBox(MagicSettings* settings, QWidget* parent)
    : QGroupBox(tr("Magic prompt"), parent), m_settings(settings) {
    setObjectName(QStringLiteral("magicPromptSettings"));
    auto* form = new QFormLayout(this);
    m_backend = new QComboBox(this);
    m_backend->setObjectName(QStringLiteral("magicBackend"));
    m_backend->addItem(tr("Endpoint (OpenAI-compatible chat API)"), QStringLiteral("endpoint"));
    m_backend->addItem(tr("Local (the model's own language model)"), QStringLiteral("local"));
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("magicUrl"));
    m_url->setPlaceholderText(QStringLiteral("http://localhost:11434/v1"));
    m_url->setToolTip(
        tr("The API's base address: Ollama http://localhost:11434/v1, llama.cpp "
           "server http://localhost:8080/v1, LM Studio http://localhost:1234/v1, "
           "or a cloud service's"));
    m_model = new QLineEdit(this);
    m_model->setObjectName(QStringLiteral("magicModel"));
    m_model->setPlaceholderText(tr("e.g. qwen3:8b"));
    m_key = new QLineEdit(this);
    m_key->setObjectName(QStringLiteral("magicApiKey"));
    m_key->setEchoMode(QLineEdit::Password);
    m_forgetKey = new QPushButton(tr("Forget"), this);
    m_forgetKey->setObjectName(QStringLiteral("magicForgetKey"));
    connect(m_forgetKey, &QPushButton::clicked, this, [this] {
        m_forget = true;
        m_key->clear();
        updateState();
    });
    connect(m_key, &QLineEdit::textEdited, this, [this] { m_forget = false; });
    m_stream = new QCheckBox(tr("Stream the caption as it is written"), this);
    m_stream->setObjectName(QStringLiteral("magicStream"));
    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(QStringLiteral("magicTimeout"));
    m_timeout->setRange(5, 3600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setToolTip(tr("How long the server may stay silent before the request is given up"));
    m_lmHead = new QLineEdit(this);
    m_lmHead->setObjectName(QStringLiteral("magicLmHead"));
    m_lmHead->setPlaceholderText(tr("beside the text encoder"));
    m_lmHead->setToolTip(
        tr("The LM head (lm_head.weight) when it is not beside the text encoder: "
           "a .safetensors file, or a folder such as a "
           "Qwen/Qwen3-VL-8B-Instruct download"));
    m_lmHeadBrowse = new QPushButton(tr("Browse…"), this);
    connect(m_lmHeadBrowse, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(
            this, tr("Folder with the LM head"), m_lmHead->text());
        if (!folder.isEmpty()) m_lmHead->setText(folder);
    });
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("magicNote"));
    m_note->setWordWrap(true);
    form->addRow(tr("Back end"), m_backend);
    form->addRow(tr("URL"), m_url);
    form->addRow(tr("Model"), m_model);
    auto* keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(m_forgetKey);
    form->addRow(tr("API key"), keyRow);
    form->addRow(QString(), m_stream);
    form->addRow(tr("Time-out"), m_timeout);
    auto* headRow = new QHBoxLayout;
    headRow->addWidget(m_lmHead, 1);
    headRow->addWidget(m_lmHeadBrowse);
    form->addRow(tr("LM head"), headRow);
    form->addRow(m_note);

    const MagicPromptConfig c = settings->config();
    m_backend->setCurrentIndex(std::max(0, m_backend->findData(c.backend)));
    m_url->setText(c.url);
    m_model->setText(c.model);
    m_stream->setChecked(c.stream);
    m_timeout->setValue(c.timeoutSeconds);
    m_lmHead->setText(c.lmHead);
    connect(m_backend, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &MagicSettingsBox::updateState);
    updateState();
}

void MagicSettingsBox::updateState() {
    const bool endpoint = m_backend->currentData().toString() == QLatin1String("endpoint");
    for (QWidget* w : std::initializer_list<QWidget*>{m_url, m_model, m_key, m_stream, m_timeout}) {
        w->setEnabled(endpoint);
    }
    m_lmHead->setEnabled(!endpoint);
    m_lmHeadBrowse->setEnabled(!endpoint);
    if (!endpoint) {
        m_note->setText(
            tr("The local back end runs on this machine with the active model folder: "
               "the demo model's own small language model, or the text encoder with "
               "an LM head (lm_head.weight, 622M parameters, from "
               "Qwen/Qwen3-VL-8B-Instruct) found beside it or where LM head says. It "
               "loads on the first magic prompt and stays loaded."));
        return;
    }
    const QString where = m_forget ? QString() : m_settings->apiKeyLocation();
    m_forgetKey->setEnabled(!where.isEmpty());
    if (m_forget) {
        m_key->setPlaceholderText(tr("the stored key is removed on OK"));
    } else if (where == QLatin1String("keychain")) {
        m_key->setPlaceholderText(tr("stored in the system keychain; type to replace"));
    } else if (where == QLatin1String("file")) {
        m_key->setPlaceholderText(tr("stored; type to replace"));
    } else {
        m_key->setPlaceholderText(tr("none (local servers need none)"));
    }
    if (where == QLatin1String("file")) {
        m_note->setText(tr("No system keychain answered, so the API key is kept in %1, which "
                           "only you can read.")
                            .arg(m_settings->apiKeyFile()));
    } else {
        m_note->setText(
            tr("An API key is kept in the system keychain (or, where there is none, "
               "in a file only you can read), never in the settings file."));
    }
}

bool MagicSettingsBox::apply(QString* error) {
    MagicPromptConfig c = m_settings->config();
    c.backend = m_backend->currentData().toString();
    c.url = m_url->text().trimmed();
    c.model = m_model->text().trimmed();
    c.stream = m_stream->isChecked();
    c.timeoutSeconds = m_timeout->value();
    c.lmHead = m_lmHead->text().trimmed();
    m_settings->setConfig(c);
    const QString key = m_key->text().trimmed();
    if (m_forget || !key.isEmpty()) {
        if (!m_settings->saveApiKey(m_forget ? QString() : key, error)) return false;
        m_forget = false;
        m_key->clear();
    }
    updateState();
    return true;
}

}  // namespace i4::ui
