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
    setWindowTitle(tr("Getting the weights"));
    auto* layout = new QVBoxLayout(this);
    auto* text = new QLabel(this);
    text->setObjectName(QStringLiteral("weightsText"));
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    text->setOpenExternalLinks(true);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction);  // the commands can be copied
    // The commands and sizes are the README's (section "Model weights"); they are not translated.
    const QString command = QStringLiteral(
        "<pre>huggingface-cli download ideogram-ai/ideogram-4-%1 --local-dir "
        "~/models/ideogram-4-%1</pre>");
    text->setText(
        QStringLiteral("<h3>%1</h3><p>%2</p><p>%3</p>")
            .arg(tr("You can start right away"),
                 tr("i4studio comes with a small <b>demo model</b>: flat shapes in six colours, "
                    "128×128 pixels, a picture in about a second on any CPU. It is used while no "
                    "other model folder is chosen."),
                 tr("The real Ideogram 4 is published by Ideogram on Hugging Face. Accept the "
                    "licence on the model's page, then download one of the two precisions:")) +
        QStringLiteral("<p><b>%1</b></p>")
            .arg(tr("fp8: about 30 GB on disk, about 28 GB of GPU "
                    "memory")) +
        command.arg(QStringLiteral("fp8")) +
        QStringLiteral("<p><b>%1</b></p>")
            .arg(tr("nf4: about 16 GB on disk, about 16 GB of GPU "
                    "memory")) +
        command.arg(QStringLiteral("nf4")) +
        QStringLiteral("<p>%1</p>")
            .arg(tr("The real model needs an NVIDIA GPU with that much memory (README, section "
                    "“NVIDIA GPU”: <tt>scripts/run --gpu</tt>). Choose the downloaded folder "
                    "below; i4studio checks it without loading the weights. More folders can "
                    "be added later under <b>Settings</b>.")));
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
    resize(620, 520);
}

}  // namespace i4::ui
