#include "ui/dialogs/settings_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStandardItemModel>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <exception>

#include "ui/engine/device_text.h"
#include "ui/magic/magic_settings.h"
#include "ui/magic/magic_settings_box.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/model_folder_check.h"

namespace i4::ui {

namespace {

// Adds an item whose tooltip explains it; the combo's own tooltip follows the current item.
void addChoice(QComboBox* combo, const QString& text, const QString& value,
               const QString& toolTip) {
    combo->addItem(text, value);
    combo->setItemData(combo->count() - 1, toolTip, Qt::ToolTipRole);
}

void selectValue(QComboBox* combo, const QString& value) {
    combo->setCurrentIndex(std::max(0, combo->findData(value)));
    combo->setToolTip(combo->currentData(Qt::ToolTipRole).toString());
}

}  // namespace

SettingsDialog::SettingsDialog(AppSettings* settings, QWidget* parent, DeviceProbe probe)
    : QDialog(parent), m_settings(settings) {
    setWindowTitle(tr("Settings"));
    // Everything but the buttons scrolls, so the dialog fits a small screen in any language.
    auto* outer = new QVBoxLayout(this);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("settingsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* page = new QWidget(scroll);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    scroll->setWidget(page);
    outer->addWidget(scroll, 1);

    auto* models = new QGroupBox(tr("Model folders"), this);
    auto* modelsLayout = new QVBoxLayout(models);
    m_folders = new QListWidget(models);
    m_folders->setObjectName(QStringLiteral("modelFolders"));
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
    // Short enough that the engine choices show without scrolling on a small screen.
    m_folders->setMaximumHeight(110);
    m_report->setMaximumHeight(150);
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

    auto* engine = new QGroupBox(tr("Engine"), this);
    auto* engineForm = new QFormLayout(engine);
    m_device = new QComboBox(engine);
    m_device->setObjectName(QStringLiteral("device"));
    addChoice(m_device, tr("Automatic"), QStringLiteral("auto"),
              tr("An NVIDIA GPU when this build can use one, otherwise the CPU."));
    addChoice(m_device, tr("NVIDIA GPU (CUDA)"), QStringLiteral("cuda"),
              tr("The first NVIDIA GPU. Loading fails with a message when it cannot be used."));
    addChoice(m_device, tr("CPU"), QStringLiteral("cpu"),
              tr("Works on every machine; fine for the demo model, very slow for the real one."));
    m_initialDevice = settings->effectiveDevice();
    selectValue(m_device, m_initialDevice);
    m_deviceInfo = new QLabel(tr("Looking for an NVIDIA GPU…"), engine);
    m_deviceInfo->setObjectName(QStringLiteral("deviceInfo"));
    m_deviceInfo->setWordWrap(true);
    m_deviceInfo->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_deviceInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sessionNote = new QLabel(engine);
    m_sessionNote->setObjectName(QStringLiteral("sessionNote"));
    m_sessionNote->setWordWrap(true);
    m_sessionNote->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_sessionNote->setVisible(!settings->sessionDevice().isEmpty());
    m_sessionNote->setText(tr("This session uses --device %1 from the command line; a device "
                              "chosen here replaces it.")
                               .arg(settings->sessionDevice()));

    m_memory = new QComboBox(engine);
    m_memory->setObjectName(QStringLiteral("memoryMode"));
    addChoice(m_memory, tr("Automatic"), QStringLiteral("auto"),
              tr("When the model loads, the first of the modes below whose estimate fits the "
                 "GPU's free memory."));
    addChoice(m_memory, tr("Everything on the GPU"), QStringLiteral("resident"),
              tr("Every component on the GPU in the compute precision: the fastest mode, and "
                 "the one that needs the most GPU memory."));
    addChoice(m_memory, tr("Text encoder in CPU memory"), QStringLiteral("offload-encoder"),
              tr("The text encoder stays in CPU memory and streams to the GPU layer by layer "
                 "while a caption is encoded; a new seed for the same caption needs no "
                 "encoding. The transformers and the VAE stay on the GPU."));
    addChoice(m_memory, tr("Low VRAM (fp8/nf4 weights stay compressed)"),
              QStringLiteral("low-vram"),
              tr("As above, and the transformers keep their fp8 or nf4 weights compressed on "
                 "the GPU, expanding one layer at a time as it runs: for consumer cards, a "
                 "little slower per step."));
    selectValue(m_memory, settings->memoryMode());

    m_precision = new QComboBox(engine);
    m_precision->setObjectName(QStringLiteral("precision"));
    addChoice(m_precision, tr("Automatic"), QStringLiteral("auto"),
              tr("bfloat16 on a GPU, float32 on the CPU."));
    addChoice(m_precision, tr("float32 (exact, slow)"), QStringLiteral("fp32"),
              tr("The reference precision the tests check against; twice the memory of "
                 "bfloat16."));
    addChoice(m_precision, tr("bfloat16 (less memory)"), QStringLiteral("bf16"),
              tr("Half the memory of float32 and faster on a GPU; pictures differ from "
                 "float32 in fine detail."));
    selectValue(m_precision, settings->precision());
    for (QComboBox* combo : {m_device, m_memory, m_precision}) {
        connect(combo, &QComboBox::currentIndexChanged, combo,
                [combo] { combo->setToolTip(combo->currentData(Qt::ToolTipRole).toString()); });
    }
    connect(m_device, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateEnabledChoices);
    connect(m_precision, &QComboBox::currentIndexChanged, this,
            &SettingsDialog::updateEnabledChoices);

    m_fastMode = new QCheckBox(tr("Fast mode (fp8 matmuls)"), engine);
    m_fastMode->setObjectName(QStringLiteral("fastMode"));
    m_fastMode->setToolTip(fastModeToolTip());
    m_fastMode->setChecked(settings->fastMode());
    m_fastModeNote = new QLabel(engine);
    m_fastModeNote->setObjectName(QStringLiteral("fastModeNote"));
    m_fastModeNote->setWordWrap(true);
    m_fastModeNote->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_fastModeNote->hide();

    m_allowAnySize =
        new QCheckBox(tr("Allow image sizes outside the published limits (test models)"), engine);
    m_allowAnySize->setObjectName(QStringLiteral("allowAnySize"));
    m_allowAnySize->setToolTip(
        tr("The released model supports 256 to 2048 pixels per side and at most 6:1. Small "
           "test models (such as the tiny golden folders) also run at sizes like 64×64."));
    m_allowAnySize->setChecked(settings->allowAnySize());
    // The GPU's description and the session note sit under the device choice in one column: a
    // word-wrapped label in a row of its own gets a form row's height guess, not its text's.
    auto* deviceColumn = new QVBoxLayout;
    deviceColumn->addWidget(m_device);
    deviceColumn->addWidget(m_deviceInfo);
    deviceColumn->addWidget(m_sessionNote);
    engineForm->addRow(tr("Device"), deviceColumn);
    engineForm->addRow(tr("Memory mode"), m_memory);
    engineForm->addRow(tr("Precision"), m_precision);
    auto* fastColumn = new QVBoxLayout;
    fastColumn->addWidget(m_fastMode);
    fastColumn->addWidget(m_fastModeNote);
    // A row with a label: an unlabelled one reserves its height as if the note were much longer.
    engineForm->addRow(tr("Speed"), fastColumn);
    engineForm->addRow(QString(), m_allowAnySize);
    layout->addWidget(engine);

    m_magicSettings = std::make_shared<MagicSettings>(settings);
    m_magicBox = new MagicSettingsBox(m_magicSettings.get(), this);
    layout->addWidget(m_magicBox);

    auto* form = new QFormLayout;
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
    form->addRow(tr("Gallery folder"), galleryRow);
    form->addRow(tr("Language (after restart)"), m_language);
    layout->addLayout(form);

    auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(box, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    outer->addWidget(box);
    resize(680, 640);
    m_initialFolder = settings->activeModelFolder();
    m_initialPrecision = settings->precision();
    m_initialMemory = settings->memoryMode();
    m_initialFast = settings->fastModeWanted();
    checkSelectedFolder();
    updateEnabledChoices();

    if (!probe) probe = &pipeline::deviceReport;
    auto* watcher = new QFutureWatcher<pipeline::DeviceReport>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher] { showDeviceReport(watcher->result()); });
    watcher->setFuture(QtConcurrent::run([probe] {
        try {
            return probe();
        } catch (const std::exception& error) {
            pipeline::DeviceReport failed;
            failed.problem = error.what();
            return failed;
        }
    }));
}

void SettingsDialog::showDeviceReport(const pipeline::DeviceReport& report) {
    m_gpuUsable = report.gpuAvailable;
    m_fastModeUnavailable = fastModeUnavailableReason(report);
    // A machine that cannot have the fast mode shows it off, and OK stores that: a checked box
    // the user cannot uncheck would fail every load (settings shared with a build that can).
    if (!m_fastModeUnavailable.isEmpty()) m_fastMode->setChecked(false);
    m_deviceInfo->setText(
        report.gpuAvailable
            ? tr("%1 · LibTorch %2 with CUDA")
                  .arg(gpuDescription(report), QString::fromStdString(report.torchVersion))
            : noGpuSentence(report));
    // Only what this build can use is offered: a CPU-only build has no GPU entry at all (the
    // note above says why and how to get one); a GPU build whose GPU cannot be used now shows
    // it greyed. A session's --device cuda stays shown, greyed.
    const int cuda = m_device->findData(QStringLiteral("cuda"));
    const bool cudaChosen = m_device->currentIndex() == cuda;
    if (!report.buildHasCuda && !cudaChosen && cuda >= 0) {
        m_device->removeItem(cuda);
    } else if (auto* items = qobject_cast<QStandardItemModel*>(m_device->model())) {
        items->item(cuda)->setEnabled(m_gpuUsable);
    }
    // "Automatic" names what it stands for here.
    const int automatic = m_device->findData(QStringLiteral("auto"));
    m_device->setItemText(automatic,
                          m_gpuUsable ? tr("Automatic (NVIDIA GPU)") : tr("Automatic (CPU)"));
    m_reportShown = true;
    updateEnabledChoices();
    emit deviceReportReady();
}

// The memory mode and the fast mode only matter on a GPU, the fast mode in bfloat16 only; until
// the probe has answered, neither can be chosen (its stored state is kept).
void SettingsDialog::updateEnabledChoices() {
    const bool onGpu = m_gpuUsable && m_device->currentData().toString() != QLatin1String("cpu");
    m_memory->setEnabled(onGpu);

    QString why;
    if (!m_reportShown) {
        // Not known yet: disabled below, without a reason to show.
    } else if (!m_fastModeUnavailable.isEmpty()) {
        why = m_fastModeUnavailable;
    } else if (m_device->currentData().toString() == QLatin1String("cpu")) {
        why = tr("Runs on the GPU only: on the CPU the model loads in the exact mode.");
    } else if (m_precision->currentData().toString() == QLatin1String("fp32")) {
        why = tr("Needs bfloat16: with float32 chosen above, the model loads in the exact mode.");
    }
    m_fastMode->setEnabled(m_reportShown && why.isEmpty());
    m_fastModeNote->setText(why);
    m_fastModeNote->setVisible(!why.isEmpty());
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
    // The device is stored only when the user changed it here, so a session's --device is not
    // written back as if chosen.
    const QString device = m_device->currentData().toString();
    if (device != m_initialDevice) {
        m_settings->setDevice(device);
        m_settings->setSessionDevice(QString());
    }
    m_settings->setMemoryMode(m_memory->currentData().toString());
    m_settings->setPrecision(m_precision->currentData().toString());
    m_settings->setFastMode(m_fastMode->isChecked());
    m_settings->setAllowAnySize(m_allowAnySize->isChecked());
    m_settings->setGalleryFolder(m_gallery->text());
    m_settings->setLanguage(m_language->currentData().toString());
    m_engineChanged = engineKey(m_settings->activeModelFolder(), m_settings->effectiveDevice(),
                                m_settings->precision(), m_settings->memoryMode(),
                                m_settings->fastModeWanted()) !=
                      engineKey(m_initialFolder, m_initialDevice, m_initialPrecision,
                                m_initialMemory, m_initialFast);
    QString keyError;
    if (!m_magicBox->apply(&keyError)) {
        QMessageBox::warning(this, tr("Magic prompt"),
                             tr("The API key could not be stored: %1").arg(keyError));
    }
}

QString SettingsDialog::resolvedDevice(const QString& device) const {
    // Before the probe answers, "auto" is not known to be either.
    if (device != QLatin1String("auto") || !m_reportShown) return device;
    return m_gpuUsable ? QStringLiteral("cuda") : QStringLiteral("cpu");
}

QString SettingsDialog::engineKey(const QString& folder, const QString& device,
                                  const QString& precision, const QString& memory,
                                  bool fastMode) const {
    const QString where = resolvedDevice(device);
    const bool cpu = where == QLatin1String("cpu");
    // On the CPU "auto" precision is float32, and memory and fast modes do not apply.
    const QString dtype =
        precision == QLatin1String("auto") && cpu ? QStringLiteral("fp32") : precision;
    return QStringList{folder, where, dtype, cpu ? QString() : memory,
                       cpu ? QString() : QString::number(fastMode)}
        .join(QLatin1Char('|'));
}

}  // namespace i4::ui
