#include "ui/main_window.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QScrollArea>
#include <QScrollBar>
#include <QSaveFile>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include "core/pipeline/request_settings.h"
#include "core/version.h"
#include "ui/dialogs/first_run_dialog.h"
#include "ui/dialogs/settings_dialog.h"
#include "ui/editing/image_input_panel.h"
#include "ui/engine/device_text.h"
#include "ui/engine/engine_loader.h"
#include "ui/gallery/gallery_panel.h"
#include "ui/gallery/gallery_store.h"
#include "ui/gallery/gallery_writer.h"
#include "ui/gallery/png_metadata.h"
#include "ui/generation/demo_model_hints.h"
#include "ui/generation/generation_controller.h"
#include "ui/generation/job_queue_model.h"
#include "ui/generation/safety_placeholder.h"
#include "ui/generation/token_counter.h"
#include "ui/magic/magic_prompt_bar.h"
#include "ui/magic/magic_settings.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/session.h"
#include "ui/widgets/caption_editor.h"
#include "ui/widgets/generation_panel.h"
#include "ui/widgets/lora_picker.h"
#include "ui/widgets/preview_view.h"
#include "ui/widgets/queue_panel.h"
#include "ui/widgets/token_count_label.h"

namespace i4::ui {

namespace {

QString jobTitle(const CaptionEditor* caption, uint64_t seed) {
    QString title =
        caption->isStructured() ? caption->caption().highLevelDescription : caption->promptText();
    title = title.simplified();
    if (title.isEmpty()) title = QObject::tr("Untitled");
    if (title.size() > 48) title = title.left(47) + QChar(0x2026);
    return QObject::tr("%1 (seed %2)").arg(title).arg(seed);
}

QString secondsText(double seconds, int decimals) {
    return QLocale().toString(seconds, 'f', decimals);
}

}  // namespace

MainWindow::MainWindow(AppSettings* settings, std::unique_ptr<Engine> engine, QWidget* parent)
    : QMainWindow(parent), m_settings(settings) {
    m_question = [this](const QString& title, const QString& text) {
        return QMessageBox::question(this, title, text) == QMessageBox::Yes;
    };
    setWindowTitle(tr("i4studio %1").arg(QString::fromUtf8(i4::kVersion)));
    const bool injectedEngine = engine != nullptr;
    m_controller = new GenerationController(std::move(engine), this);
    m_loraSelection = std::make_shared<LoraSelection>();
    setModelLoader(&loadModelEngine);
    m_store = std::make_unique<GalleryStore>(settings->galleryFolder());
    QString galleryError;
    if (!m_store->open(&galleryError)) {
        statusBar()->showMessage(tr("Gallery unavailable: %1").arg(galleryError));
    }
    m_writer = new GalleryWriter(m_store.get(), this);

    m_caption = new CaptionEditor(this);
    m_demoHints = new DemoModelHints(m_caption, this);
    m_preview = new PreviewView(this);
    m_panel = new GenerationPanel(this);
    m_panel->setAllowAnySize(settings->allowAnySize());
    QString presetError;
    if (!m_panel->setUserPresetFile(settings->presetFile(), &presetError)) {
        statusBar()->showMessage(tr("Your presets could not be read: %1").arg(presetError));
    }
    auto* captionColumn = new QWidget(this);
    auto* captionLayout = new QVBoxLayout(captionColumn);
    captionLayout->setContentsMargins(0, 0, 0, 0);
    m_magic = new MagicPromptBar(m_caption, captionColumn);
    m_magic->setBackendFactory([this](QString* whyNot) {
        MagicSettings magic(m_settings);
        return createMagicBackend(magic, whyNot);
    });
    captionLayout->addWidget(m_magic);
    captionLayout->addWidget(m_caption, 1);
    m_tokenLabel = new TokenCountLabel(captionColumn);
    captionLayout->addWidget(m_tokenLabel);
    m_tokenCounter = new TokenCounter([this] { return m_controller->engine(); }, this);
    connect(m_caption, &CaptionEditor::promptChanged, this,
            [this] { m_tokenCounter->setText(m_caption->promptText()); });
    connect(m_tokenCounter, &TokenCounter::counted, m_tokenLabel, &TokenCountLabel::setCount);

    auto* create = new QSplitter(Qt::Horizontal, this);
    create->setObjectName(QStringLiteral("createSplitter"));
    create->addWidget(captionColumn);
    create->addWidget(m_preview);
    // The settings column scrolls rather than making the window taller than a small screen.
    auto* panelScroll = new QScrollArea(this);
    panelScroll->setObjectName(QStringLiteral("generationScroll"));
    panelScroll->setWidget(m_panel);
    panelScroll->setWidgetResizable(true);
    panelScroll->setFrameShape(QFrame::NoFrame);
    // As wide as the panel needs (in this language), so that only its height scrolls.
    panelScroll->setMinimumWidth(m_panel->minimumSizeHint().width() +
                                 panelScroll->verticalScrollBar()->sizeHint().width());
    create->addWidget(panelScroll);
    create->setStretchFactor(0, 3);
    create->setStretchFactor(1, 4);
    create->setStretchFactor(2, 2);
    create->setSizes({470, 500, 390});

    m_gallery = new GalleryPanel(m_store.get(), this);
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(create, tr("Create"));
    m_tabs->addTab(m_gallery, tr("Gallery"));
    setCentralWidget(m_tabs);

    // Working from an image: a dock beside the settings, shown once there is an input; an image
    // dropped anywhere on the window becomes the input.
    m_input = new ImageInputPanel(this);
    m_input->setStorageFolder(QDir(settings->galleryFolder()).filePath(QStringLiteral("inputs")));
    m_input->setTargetSize(m_panel->imageSize());
    m_inputDock = new QDockWidget(tr("Input image"), this);
    m_inputDock->setObjectName(QStringLiteral("inputDock"));
    m_inputDock->setWidget(m_input);
    addDockWidget(Qt::RightDockWidgetArea, m_inputDock);
    m_inputDock->hide();
    connect(m_panel, &GenerationPanel::imageSizeChanged, m_input, &ImageInputPanel::setTargetSize);
    connect(m_input, &ImageInputPanel::sizeSuggested, m_panel, &GenerationPanel::setImageSize);
    connect(m_input, &ImageInputPanel::inputChanged, this, [this] {
        if (m_input->hasInput()) showImageInput();
    });
    auto* drops = new ImageDropFilter(m_input, this, this);
    setAcceptDrops(true);
    qApp->installEventFilter(drops);
    connect(drops, &ImageDropFilter::dropped, this,
            [this](const QString& path, bool ok, const QString& error) {
                statusBar()->showMessage(ok ? tr("Working from %1").arg(path) : error, 6000);
            });
    connect(m_gallery, &GalleryPanel::useAsInputRequested, this,
            [this](const QString& path, const pipeline::GenerationRequest& request) {
                QString error;
                if (!m_input->setInputImage(path, &error)) {
                    statusBar()->showMessage(error, 6000);
                    return;
                }
                // Its caption and size come along: the usual start for a variation by hand.
                if (!request.prompts.empty()) {
                    m_caption->setPromptText(QString::fromStdString(request.prompts.front()));
                    m_panel->setImageSize(QSize(request.width, request.height));
                }
                m_tabs->setCurrentIndex(0);
            });

    auto* queueDock = new QDockWidget(tr("Queue"), this);
    queueDock->setObjectName(QStringLiteral("queueDock"));
    queueDock->setWidget(new QueuePanel(m_controller, queueDock));
    addDockWidget(Qt::BottomDockWidgetArea, queueDock);
    resizeDocks({queueDock}, {130}, Qt::Vertical);

    m_loadBar = new QProgressBar(this);
    m_loadBar->setObjectName(QStringLiteral("loadProgress"));
    m_loadBar->setMaximumWidth(120);
    m_loadBar->setTextVisible(false);
    m_loadBar->hide();
    statusBar()->addPermanentWidget(m_loadBar);
    m_modelStatus = new QLabel(this);
    m_modelStatus->setObjectName(QStringLiteral("modelStatus"));
    statusBar()->addPermanentWidget(m_modelStatus);
    m_deviceStatus = new QLabel(this);
    m_deviceStatus->setObjectName(QStringLiteral("deviceStatus"));
    // A rule on its left sets it apart from the model's name.
    m_deviceStatus->setFrameStyle(QFrame::NoFrame);
    m_deviceStatus->setContentsMargins(8, 0, 0, 0);
    m_deviceStatus->setStyleSheet(
        QStringLiteral("QLabel#deviceStatus { border-left: 1px solid palette(mid); }"));
    m_deviceStatus->hide();
    statusBar()->addPermanentWidget(m_deviceStatus);
    m_modelStatus->setText(injectedEngine ? tr("Model ready") : tr("No model loaded"));
    m_preview->setMessage(tr("Compose a caption, pick a preset and press Generate."));

    connect(m_panel, &GenerationPanel::generateRequested, this, &MainWindow::generate);
    // LoRAs are put on the weights as they load: a changed list reloads the model, as the other
    // engine settings do.
    connect(m_panel->loraPicker(), &LoraPicker::lorasChanged, this, [this] {
        if (!m_settings->activeModelFolder().isEmpty()) loadActiveModel();
    });
    connect(m_panel, &GenerationPanel::imageSizeChanged, this,
            [this](QSize size) { m_caption->setAspect(size.width(), size.height()); });
    m_caption->setAspect(m_panel->imageSize().width(), m_panel->imageSize().height());
    connect(m_panel, &GenerationPanel::imageSizeChanged, m_magic,
            [this](QSize size) { m_magic->setAspect(size.width(), size.height()); });
    m_magic->setAspect(m_panel->imageSize().width(), m_panel->imageSize().height());
    connect(m_gallery, &GalleryPanel::remixRequested, this, &MainWindow::remix);
    connect(m_writer, &GalleryWriter::saved, m_gallery, &GalleryPanel::recordSaved);
    // Variations from the gallery go through the same queue as the Generate button's jobs.
    connect(m_gallery, &GalleryPanel::generateRequested, this,
            [this](const pipeline::GenerationRequest& request, const QString& title) {
                m_controller->submit(request, title);
            });
    connect(m_gallery, &GalleryPanel::reuseSeedRequested, this, &MainWindow::reuseSeed);
    connect(m_gallery, &GalleryPanel::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 6000); });
    connect(m_writer, &GalleryWriter::failed, this, [this](const QString& message) {
        // The picture stays in the preview until the next one: say how to keep it.
        statusBar()->showMessage(tr("Could not save the image to the gallery: %1. It is still "
                                    "shown: File › Save image as… keeps it elsewhere.")
                                     .arg(message));
    });

    connect(m_controller, &GenerationController::jobStarted, this, [this] {
        m_preview->setProgress(0, 0, 0);
        statusBar()->showMessage(tr("Generating…"));
    });
    connect(m_controller, &GenerationController::progress, m_preview, &PreviewView::setProgress);
    connect(m_controller, &GenerationController::progress, this,
            [this](int step, int total, double, double secondsPerStep) {
                statusBar()->showMessage(tr("Generating… step %1 of %2, %3 s per step")
                                             .arg(step)
                                             .arg(total)
                                             .arg(secondsText(secondsPerStep, 2)));
            });
    connect(m_controller, &GenerationController::preview, m_preview, &PreviewView::setImage);
    connect(m_controller, &GenerationController::jobFinished, this, &MainWindow::onJobFinished);
    connect(m_controller, &GenerationController::jobFailed, this,
            [this](quint64, const QString& message) {
                m_preview->clearProgress();
                statusBar()->showMessage(tr("Generation failed: %1").arg(message));
            });
    connect(m_controller, &GenerationController::jobCancelled, this, [this] {
        m_preview->clearProgress();
        m_preview->markCancelled();
        if (m_controller->queue()->pendingCount() == 0) m_preview->dropWaiting();
        statusBar()->showMessage(tr("Cancelled"), 5000);
    });
    connect(m_controller, &GenerationController::loadProgress, this, &MainWindow::onLoadProgress);
    connect(m_controller, &GenerationController::modelLoaded, this, &MainWindow::onModelLoaded);
    connect(m_controller, &GenerationController::modelLoadFailed, this,
            [this](const QString& message) {
                m_loadBar->hide();
                m_modelStatus->setText(tr("No model loaded"));
                m_tokenCounter->recount();
                statusBar()->showMessage(tr("Could not load the model: %1").arg(message));
            });

    m_tokenCounter->setText(m_caption->promptText());
    buildMenus();
    resize(1360, 860);
}

MainWindow::~MainWindow() {
    // The queue empties as the controller goes: the session keeps what was there on quit.
    delete m_session;
    m_session = nullptr;
    // The writer's thread uses the store; finish it before the store goes away.
    delete m_writer;
    m_writer = nullptr;
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Generate"), QKeySequence(Qt::CTRL | Qt::Key_Return), this,
                    &MainWindow::generate);
    file->addAction(tr("&Open caption…"), QKeySequence::Open, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open caption"), m_settings->lastFileFolder(),
            tr("Captions (*.json *.txt);;All files (*)"));
        QString error;
        if (!path.isEmpty() && !openCaptionFile(path, &error)) {
            QMessageBox::warning(this, tr("Open caption"), error);
        }
    });
    file->addAction(tr("&Save caption…"), QKeySequence::Save, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save caption"), QDir(m_settings->lastFileFolder()).filePath(
                                          QStringLiteral("caption.json")),
            tr("Captions (*.json);;Text (*.txt)"));
        QString error;
        if (!path.isEmpty() && !saveCaptionFile(path, &error)) {
            QMessageBox::warning(this, tr("Save caption"), error);
        }
    });
    file->addAction(tr("Save &image as…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this,
                    [this] {
                        if (m_preview->image().isNull()) {
                            statusBar()->showMessage(tr("No picture to save yet."), 5000);
                            return;
                        }
                        const QString path = QFileDialog::getSaveFileName(
                            this, tr("Save image as"),
                            QDir(m_settings->lastFileFolder())
                                .filePath(QStringLiteral("i4studio.png")),
                            tr("PNG images (*.png)"));
                        QString error;
                        if (!path.isEmpty() && !saveImageFile(path, &error)) {
                            QMessageBox::warning(this, tr("Save image as"), error);
                        }
                    });
    file->addSeparator();
    file->addAction(tr("Save as &preset…"), m_panel, &GenerationPanel::promptSavePreset);
    file->addAction(tr("&Import images…"), this, &MainWindow::importImages);
    file->addAction(tr("&Reload model"), this, &MainWindow::loadActiveModel);
    file->addAction(tr("&Settings…"), QKeySequence::Preferences, this, &MainWindow::showSettings);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    // The caption's one undo stack (form, canvas, palettes, JSON).
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QUndoStack* stack = m_caption->undoStack();
    QAction* undo = edit->addAction(tr("&Undo"), m_caption, &CaptionEditor::undo);
    undo->setObjectName(QStringLiteral("editUndo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = edit->addAction(tr("&Redo"), m_caption, &CaptionEditor::redo);
    redo->setObjectName(QStringLiteral("editRedo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    auto updateUndo = [this, stack, undo, redo] {
        undo->setEnabled(stack->canUndo());
        redo->setEnabled(stack->canRedo());
        undo->setText(stack->canUndo() ? tr("&Undo %1").arg(stack->undoText()) : tr("&Undo"));
        redo->setText(stack->canRedo() ? tr("&Redo %1").arg(stack->redoText()) : tr("&Redo"));
    };
    connect(stack, &QUndoStack::indexChanged, this, updateUndo);
    updateUndo();

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Create"), this, [this] { m_tabs->setCurrentIndex(0); });
    view->addAction(tr("&Gallery"), this, &MainWindow::showGallery);
    view->addAction(m_inputDock->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("Getting the &weights…"), this, [this] {
        FirstRunDialog dialog(m_settings, this);
        if (dialog.exec() == QDialog::Accepted) loadActiveModel();
    });
    help->addAction(tr("&About i4studio"), this, [this] {
        QMessageBox::about(
            this, tr("About i4studio"),
            tr("<b>i4studio %1</b><p>A desktop studio for the open-weight "
               "Ideogram 4 text-to-image model.</p><p>Qt %2</p>")
                .arg(QString::fromUtf8(i4::kVersion), QString::fromUtf8(qVersion())));
    });
}

void MainWindow::showGallery() { m_tabs->setCurrentWidget(m_gallery); }

void MainWindow::showImageInput() {
    m_inputDock->show();
    m_inputDock->raise();
    m_tabs->setCurrentIndex(0);
}

bool MainWindow::openCaptionFile(const QString& path, QString* error) {
    QFile in(path);
    // A caption is text of at most the request's prompt limit.
    if (in.size() > qint64(pipeline::kMaxPromptBytes)) {
        if (error) *error = tr("%1 is too large for a caption").arg(path);
        return false;
    }
    if (!in.open(QIODevice::ReadOnly)) {
        if (error) *error = tr("%1 cannot be read: %2").arg(path, in.errorString());
        return false;
    }
    const QByteArray bytes = in.readAll();
    QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() != bytes) {
        if (error) *error = tr("%1 is not UTF-8 text").arg(path);
        return false;
    }
    while (text.endsWith(QLatin1Char('\n')) || text.endsWith(QLatin1Char('\r'))) text.chop(1);
    m_caption->setPromptText(text);
    m_settings->setLastFileFolder(QFileInfo(path).absolutePath());
    statusBar()->showMessage(tr("Opened %1").arg(QFileInfo(path).fileName()), 5000);
    return true;
}

bool MainWindow::saveCaptionFile(const QString& path, QString* error) {
    QSaveFile out(path);
    const QByteArray bytes = m_caption->promptText().toUtf8() + '\n';
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        if (error) *error = tr("%1 cannot be written: %2").arg(path, out.errorString());
        return false;
    }
    m_settings->setLastFileFolder(QFileInfo(path).absolutePath());
    statusBar()->showMessage(tr("Caption saved to %1").arg(QFileInfo(path).fileName()), 5000);
    return true;
}

bool MainWindow::saveImageFile(const QString& path, QString* error) {
    const QImage image = m_preview->image();
    if (image.isNull()) {
        if (error) *error = tr("No picture to save yet.");
        return false;
    }
    ImageMetadata metadata;
    metadata.created = QDateTime::currentDateTime();
    if (m_lastOutput) {
        metadata.request = m_lastOutput->request;
        metadata.modelId = m_lastOutput->modelId;
    } else {
        metadata.request = currentRequest();
    }
    if (!writeImageWithMetadata(path, image, metadata, error)) return false;
    m_settings->setLastFileFolder(QFileInfo(path).absolutePath());
    statusBar()->showMessage(tr("Image saved to %1").arg(QFileInfo(path).fileName()), 5000);
    return true;
}

void MainWindow::startSession(const QString& file) {
    m_session = new SessionKeeper(this, file, [this](const QString& title, const QString& text) {
        return m_question(title, text);
    });
    QString error;
    if (!m_session->restore(&error)) {
        statusBar()->showMessage(tr("The last session could not be restored: %1").arg(error),
                                 10000);
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    const int jobs = m_controller->queue()->rowCount();
    if (jobs > 0 &&
        !m_question(tr("Quit i4studio"),
                    tr("%n image(s) are still queued or being made. Quit anyway? (They are "
                       "kept, and offered again at the next start.)",
                       nullptr, jobs))) {
        event->ignore();
        return;
    }
    if (m_session) m_session->save();
    event->accept();
}

void MainWindow::importImages() {
    if (!m_store || !m_store->isOpen()) {
        statusBar()->showMessage(tr("The gallery is not available."), 8000);
        return;
    }
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Import images made by i4studio or i4"), QDir::homePath());
    if (folder.isEmpty()) return;
    int skipped = 0;
    QString error;
    const int imported = m_store->importFolder(folder, &skipped, &error);
    m_gallery->reload();
    showGallery();
    QString message = tr("Imported %n image(s)", nullptr, imported);
    if (skipped > 0) message += QLatin1String("; ") + tr("%n file(s) skipped", nullptr, skipped);
    if (!error.isEmpty()) message += QLatin1String(" (") + error + QLatin1Char(')');
    statusBar()->showMessage(message, 10000);
}

void MainWindow::showSettings() {
    SettingsDialog dialog(m_settings, this);
    if (dialog.exec() != QDialog::Accepted) return;
    statusBar()->showMessage(tr("Gallery folder and language changes apply after a restart."),
                             8000);
    // The loaded model stays unless something it was loaded with changed.
    if (dialog.engineChanged() || !m_controller->hasEngine()) loadActiveModel();
}

void MainWindow::loadActiveModel() {
    const QString folder = m_settings->activeModelFolder();
    if (folder.isEmpty()) {
        m_modelStatus->setText(tr("No model folder set (File › Settings)"));
        return;
    }
    // A model that states its own size gets it as the default; a demo model may also go below
    // the published least side (only that: Note [size limits hold for every model]); its own preset
    // and guidance are selected; its example caption fills an empty editor. Size and sampler only
    // when the folder changes: reloading the same model (a new device, say) keeps what the user has
    // chosen since.
    const bool newFolder = folder != m_hintsFolder;
    const int jobs = m_controller->queue()->rowCount();
    if (newFolder && !m_hintsFolder.isEmpty() && jobs > 0) {
        if (!m_question(tr("Switch models"),
                        tr("%n image(s) are still queued or being made. Switching models "
                           "cancels them. Switch anyway?",
                           nullptr, jobs))) {
            m_settings->setActiveModelFolder(m_hintsFolder);
            return;
        }
        m_controller->cancelAll();
    }
    m_hintsFolder = folder;
    m_activeHints = pipeline::readModelHints(folder.toStdString());
    m_panel->setAllowAnySize(m_settings->allowAnySize() || m_activeHints.demo);
    m_panel->setModelHints(m_activeHints);
    m_demoHints->setActive(m_activeHints.demo);
    if (newFolder) applyModelSamplerHints();
    if (!m_activeHints.exampleCaption.empty() && m_caption->isBlank()) {
        m_caption->setPromptText(QString::fromStdString(m_activeHints.exampleCaption));
    }
    if (!engineAvailable()) {
        m_modelStatus->setText(tr("This build cannot generate (no inference engine)"));
        return;
    }
    m_modelStatus->setText(tr("Loading model…"));
    m_deviceStatus->hide();
    m_loadBar->setRange(0, 0);  // busy until the first component reports
    m_loadBar->show();
    m_loraSelection->set(m_panel->loraPicker()->loras());
    m_controller->loadModel(folder, m_settings->effectiveDevice(), m_settings->precision(),
                            m_settings->memoryMode(), m_settings->fastModeWanted());
}

void MainWindow::setModelLoader(ModelLoader loader) {
    m_controller->setLoader([loader = std::move(loader), selection = m_loraSelection](
                                const QString& folder, const pipeline::LoadOptions& options) {
        pipeline::LoadOptions withLoras = options;
        withLoras.loras = selection->get();
        return loader(folder, withLoras);
    });
}

void MainWindow::onLoadProgress(const pipeline::LoadProgress& progress) {
    m_loadBar->setRange(0, progress.count);
    m_loadBar->setValue(progress.index + (progress.done ? 1 : 0));
    if (progress.done) return;
    m_modelStatus->setText(tr("Loading model: %1 (%2 of %3)…")
                               .arg(QString::fromStdString(progress.component))
                               .arg(progress.index + 1)
                               .arg(progress.count));
}

void MainWindow::onModelLoaded(const ModelLoadInfo& info) {
    m_loadBar->hide();
    m_modelStatus->setText(m_activeHints.demo
                               ? tr("Demo model (%1×%2) · real weights: File › Settings")
                                     .arg(m_activeHints.nativeWidth)
                                     .arg(m_activeHints.nativeHeight)
                               : tr("Model: %1").arg(info.modelId));
    const pipeline::LoadReport& report = info.report;
    if (report.device.empty()) {
        m_deviceStatus->hide();  // an engine that did not load anything (tests)
    } else {
        const QString device = QString::fromStdString(report.device);
        QString text =
            tr("%1 · %2 · %3")
                .arg(deviceName(device), precisionName(QString::fromStdString(report.dtype)),
                     numericsModeName(report.fp8Matmul));
        if (device == QLatin1String("cuda")) {
            const QString mode = memoryModeName(QString::fromStdString(report.memory));
            text = info.gpuTotalBytes > 0 ? tr("%1 · %2 · GPU memory %3 of %4")
                                                .arg(text, mode, gibText(report.gpuBytesAfterLoad),
                                                     gibText(info.gpuTotalBytes))
                                          : tr("%1 · %2 · GPU memory %3")
                                                .arg(text, mode, gibText(report.gpuBytesAfterLoad));
        }
        QStringList parts;
        for (const pipeline::LoadReport::Component& component : report.components) {
            parts << tr("%1 %2 s").arg(QString::fromStdString(component.name),
                                       secondsText(component.seconds, 1));
        }
        if (!report.loras.empty()) {
            const std::vector<pipeline::LoraChoice> chosen = m_loraSelection->get();
            QStringList names;
            for (size_t i = 0; i < report.loras.size(); ++i) {
                QString name =
                    QFileInfo(QString::fromStdString(report.loras[i].file)).completeBaseName();
                if (i < chosen.size() && chosen[i].file == report.loras[i].file) {
                    name += QStringLiteral(" ×") + QLocale().toString(chosen[i].weight, 'f', 2);
                }
                names << name;
            }
            text = tr("%1 · LoRA: %2").arg(text, names.join(QLatin1String(", ")));
        }
        if (report.conditionalOnly) text = tr("%1 · distilled (guidance 1)").arg(text);
        m_deviceStatus->setText(text);
        m_deviceStatus->setToolTip(
            tr("Loaded in %1 s: %2")
                .arg(secondsText(report.seconds, 1), parts.join(QLatin1String(", "))));
        m_deviceStatus->show();
    }
    m_panel->setConditionalOnly(report.conditionalOnly);
    m_panel->loraPicker()->showLoadReport(report.loras);
    m_tokenCounter->recount();
}

void MainWindow::applyModelSamplerHints() {
    // Its preset (with its main guidance) and its native size: Note [model-aware defaults].
    m_panel->resetToModelDefaults();
    if (!m_activeHints.preset.empty() &&
        pipeline::defaultPreset(m_activeHints) != m_activeHints.preset) {
        statusBar()->showMessage(tr("The model asks for the preset %1, which this version does "
                                    "not have")
                                     .arg(QString::fromStdString(m_activeHints.preset)));
    }
}

void MainWindow::reuseSeed(quint64 seed) {
    m_panel->reuseSeed(seed);
    m_tabs->setCurrentIndex(0);
    statusBar()->showMessage(tr("Seed %1 is locked: the next image uses it.").arg(seed), 5000);
}

pipeline::GenerationRequest MainWindow::currentRequest() const {
    pipeline::GenerationRequest request = m_panel->request(m_caption->promptText());
    request.magicIdea = m_magic->ideaForCaption().toStdString();
    request.input = m_input->imageInput();
    return request;
}

void MainWindow::remix(const pipeline::GenerationRequest& request) {
    m_caption->setPromptText(
        request.prompts.empty() ? QString() : QString::fromStdString(request.prompts.front()));
    m_panel->setRequest(request);
    m_magic->setIdea(QString::fromStdString(request.magicIdea));
    m_input->setFromRequest(request);
    // The image's LoRAs come back too; a list that differs reloads the model.
    m_panel->loraPicker()->setLoras(request.loras);
    m_tabs->setCurrentIndex(0);
    statusBar()->showMessage(tr("Settings restored from the gallery; the seed is locked."), 5000);
}

void MainWindow::generate() {
    const QString prompt = m_caption->promptText();
    if (m_magic->isRunning()) {
        statusBar()->showMessage(tr("The magic prompt is still writing the caption."), 5000);
        return;
    }
    if (m_caption->isBlank()) {
        statusBar()->showMessage(tr("Write a prompt first."), 5000);
        return;
    }
    QString inputError;
    const std::optional<pipeline::ImageInput> input = m_input->imageInput(&inputError);
    if (m_input->hasInput() && !input) {
        statusBar()->showMessage(tr("The input image cannot be used: %1").arg(inputError));
        return;
    }
    const QVector<pipeline::GenerationRequest> batch = m_panel->takeBatch(prompt);
    // A batch is a contact sheet; more images queued while one runs join its sheet.
    m_preview->beginBatch(int(batch.size()),
                          !m_controller->isBusy() && m_controller->queue()->pendingCount() == 0);
    for (pipeline::GenerationRequest request : batch) {
        request.magicIdea = m_magic->ideaForCaption().toStdString();
        request.input = input;
        m_controller->submit(request, jobTitle(m_caption, request.seed));
    }
}

void MainWindow::onJobFinished(const GenerationOutput& output) {
    m_preview->clearProgress();
    m_lastOutput = output;
    for (const QImage& image : output.images) m_preview->addResult(image);
    bool blocked = false;
    for (const QImage& image : output.images)
        blocked = blocked || looksLikeSafetyPlaceholder(image);
    m_writer->save(output.images, output.request, output.modelId);
    if (blocked) {
        statusBar()->showMessage(
            tr("The model returned its grey “blocked” image. This happens most with plain-text "
               "or malformed captions: use the structured caption form."));
    } else {
        QString message = tr("Done in %1 s").arg(secondsText(output.seconds, 1));
        if (output.secondsPerStep > 0) {
            message += QStringLiteral(" · ") +
                       tr("%1 s per step").arg(secondsText(output.secondsPerStep, 2));
        }
        if (output.peakGpuBytes > 0) {
            message +=
                QStringLiteral(" · ") + tr("peak GPU memory %1").arg(gibText(output.peakGpuBytes));
        }
        statusBar()->showMessage(message, 8000);
    }
}

}  // namespace i4::ui
