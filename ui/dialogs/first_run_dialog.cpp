#include "ui/dialogs/first_run_dialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/settings/app_settings.h"
#include "ui/settings/model_folder_check.h"

namespace i4::ui {

FirstRunDialog::FirstRunDialog(AppSettings* settings, QWidget* parent)
    : QDialog(parent), m_settings(settings) {
    setWindowTitle(tr("Welcome to i4studio"));
    auto* layout = new QVBoxLayout(this);
    auto* text = new QLabel(this);
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    text->setOpenExternalLinks(true);
    text->setText(
        tr("<h3>i4studio needs the Ideogram 4 weights</h3>"
           "<p>The open-weight Ideogram 4 model is published by Ideogram on Hugging Face "
           "(organisation <i>ideogram-ai</i>). Download the full model folder — tokenizer, text "
           "encoder, both transformers and the VAE, with their <tt>config.json</tt> files — and "
           "accept the model licence first. Quantised (fp8 or nf4) folders work too and need far "
           "less memory.</p>"
           "<p>Then choose that folder below. i4studio checks it without loading the weights. "
           "You can add more folders later under <b>Settings</b>.</p>"));
    layout->addWidget(text);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto* choose = new QPushButton(tr("Choose model folder…"), this);
    layout->addWidget(choose);
    auto* box = new QDialogButtonBox(this);
    m_done = box->addButton(tr("Start"), QDialogButtonBox::AcceptRole);
    box->addButton(tr("Later"), QDialogButtonBox::RejectRole);
    layout->addWidget(box);
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(this, &QDialog::finished, this, [this] { m_settings->setFirstRunDone(true); });

    connect(choose, &QPushButton::clicked, this, [this] {
        const QString folder =
            QFileDialog::getExistingDirectory(this, tr("Choose an Ideogram 4 model folder"));
        if (folder.isEmpty()) return;
        const ModelFolderCheck check = checkModelFolder(folder);
        m_status->setText(check.ok ? tr("Model folder looks good.") : check.report);
        if (check.ok) {
            QStringList folders = m_settings->modelFolders();
            if (!folders.contains(folder)) folders << folder;
            m_settings->setModelFolders(folders);
            m_settings->setActiveModelFolder(folder);
        }
    });
    resize(560, 360);
}

}  // namespace i4::ui
