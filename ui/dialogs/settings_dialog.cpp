#include "ui/dialogs/settings_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/settings/app_settings.h"
#include "ui/settings/model_folder_check.h"

namespace i4::ui {

SettingsDialog::SettingsDialog(AppSettings* settings, QWidget* parent)
    : QDialog(parent), m_settings(settings) {
    setWindowTitle(tr("Settings"));
    auto* layout = new QVBoxLayout(this);

    auto* models = new QGroupBox(tr("Model folders"), this);
    auto* modelsLayout = new QVBoxLayout(models);
    m_folders = new QListWidget(models);
    m_folders->addItems(settings->modelFolders());
    const QList<QListWidgetItem*> active =
        m_folders->findItems(settings->activeModelFolder(), Qt::MatchExactly);
    if (!active.isEmpty()) m_folders->setCurrentItem(active.first());
    auto* buttons = new QHBoxLayout;
    auto* add = new QPushButton(tr("Add…"), models);
    auto* remove = new QPushButton(tr("Remove"), models);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    m_report = new QPlainTextEdit(models);
    m_report->setReadOnly(true);
    m_report->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_report->setPlaceholderText(tr("Select a folder to check it."));
    modelsLayout->addWidget(m_folders);
    modelsLayout->addLayout(buttons);
    modelsLayout->addWidget(m_report);
    layout->addWidget(models);
    connect(add, &QPushButton::clicked, this, [this] {
        const QString folder =
            QFileDialog::getExistingDirectory(this, tr("Choose an Ideogram 4 model folder"));
        if (folder.isEmpty()) return;
        if (m_folders->findItems(folder, Qt::MatchExactly).isEmpty()) m_folders->addItem(folder);
        m_folders->setCurrentRow(m_folders->count() - 1);
    });
    connect(remove, &QPushButton::clicked, this, [this] { delete m_folders->currentItem(); });
    connect(m_folders, &QListWidget::currentRowChanged, this, &SettingsDialog::checkSelectedFolder);

    auto* form = new QFormLayout;
    m_device = new QComboBox(this);
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(tr("NVIDIA GPU (CUDA)"), QStringLiteral("cuda"));
    m_device->setCurrentIndex(std::max(0, m_device->findData(settings->device())));
    m_precision = new QComboBox(this);
    m_precision->addItem(tr("bfloat16 (less memory)"), QStringLiteral("bf16"));
    m_precision->addItem(tr("float32 (exact, slow)"), QStringLiteral("fp32"));
    m_precision->setCurrentIndex(std::max(0, m_precision->findData(settings->precision())));
    auto* galleryRow = new QHBoxLayout;
    m_gallery = new QLineEdit(settings->galleryFolder(), this);
    auto* browse = new QPushButton(tr("Browse…"), this);
    galleryRow->addWidget(m_gallery, 1);
    galleryRow->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString folder =
            QFileDialog::getExistingDirectory(this, tr("Gallery folder"), m_gallery->text());
        if (!folder.isEmpty()) m_gallery->setText(folder);
    });
    m_language = new QComboBox(this);
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("日本語"), QStringLiteral("ja"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings->language())));
    form->addRow(tr("Device"), m_device);
    form->addRow(tr("Precision"), m_precision);
    m_allowAnySize =
        new QCheckBox(tr("Allow image sizes outside the published limits (test models)"), this);
    m_allowAnySize->setObjectName(QStringLiteral("allowAnySize"));
    m_allowAnySize->setToolTip(
        tr("The released model supports 256 to 2048 pixels per side and at most 6:1. Small "
           "test models (such as the tiny golden folders) also run at sizes like 64×64."));
    m_allowAnySize->setChecked(settings->allowAnySize());
    form->addRow(QString(), m_allowAnySize);
    form->addRow(tr("Gallery folder"), galleryRow);
    form->addRow(tr("Language (after restart)"), m_language);
    layout->addLayout(form);

    auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(box, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(box);
    resize(640, 560);
    checkSelectedFolder();
}

void SettingsDialog::checkSelectedFolder() {
    const QListWidgetItem* item = m_folders->currentItem();
    if (!item) {
        m_report->clear();
        return;
    }
    const ModelFolderCheck check = checkModelFolder(item->text());
    m_report->setPlainText(check.report);
}

void SettingsDialog::apply() {
    QStringList folders;
    for (int row = 0; row < m_folders->count(); ++row) folders << m_folders->item(row)->text();
    m_settings->setModelFolders(folders);
    if (const QListWidgetItem* item = m_folders->currentItem()) {
        m_settings->setActiveModelFolder(item->text());
    }
    m_settings->setDevice(m_device->currentData().toString());
    m_settings->setPrecision(m_precision->currentData().toString());
    m_settings->setAllowAnySize(m_allowAnySize->isChecked());
    m_settings->setGalleryFolder(m_gallery->text());
    m_settings->setLanguage(m_language->currentData().toString());
}

}  // namespace i4::ui
