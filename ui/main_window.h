#pragma once

#include <QMainWindow>
#include <functional>
#include <memory>
#include <optional>

#include "core/pipeline/generation_request.h"
#include "core/pipeline/model_hints.h"
#include "ui/engine/engine.h"
#include "ui/generation/generation_job.h"

class QDockWidget;
class QLabel;
class QProgressBar;
class QTabWidget;

namespace i4::ui {

class AppSettings;
class CaptionEditor;
class DemoModelHints;
class GalleryPanel;
class GalleryStore;
class GalleryWriter;
class GenerationController;
class GenerationPanel;
class ImageInputPanel;
class LoraSelection;
class MagicPromptBar;
class SessionKeeper;
class PreviewView;
class TokenCountLabel;
class TokenCounter;

// Lays out the panels, menus and status bar and wires them to the generation controller and
// the gallery. `engine` is for tests; the app loads the model folder from the settings.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(AppSettings* settings, std::unique_ptr<Engine> engine = {},
                        QWidget* parent = nullptr);
    ~MainWindow() override;

    // The request the Generate button would queue (first image of the batch).
    pipeline::GenerationRequest currentRequest() const;
    // Puts a request back into the editors exactly (seed locked).
    void remix(const pipeline::GenerationRequest& request);
    void generate();
    void loadActiveModel();
    // "Reuse this seed" (the gallery's): the seed goes into the generation panel, locked, and
    // the Create tab comes up.
    void reuseSeed(quint64 seed);
    // The model folder loaded last ("" before the first load).
    QString activeModelFolder() const { return m_hintsFolder; }

    // Nothing lost (issue 29): File › Open caption / Save caption / Save image as. Each returns
    // false with `error` set when the file cannot be read or written.
    bool openCaptionFile(const QString& path, QString* error = nullptr);
    bool saveCaptionFile(const QString& path, QString* error = nullptr);
    // The picture in the preview, with the request that made it in its metadata.
    bool saveImageFile(const QString& path, QString* error = nullptr);
    // Restores the session kept in `file` (Note [session autosave]) and keeps it from now on.
    void startSession(const QString& file);
    SessionKeeper* session() const { return m_session; }
    // The demo model's limits on the caption editor while it is active.
    DemoModelHints* demoHints() const { return m_demoHints; }
    // Yes/no questions (quitting or switching models with jobs queued, restoring a queue); tests
    // answer them without a dialog.
    using Question = std::function<bool(const QString& title, const QString& text)>;
    void setQuestionHandler(Question question) { m_question = std::move(question); }

protected:
    void closeEvent(QCloseEvent* event) override;

public:
    // How a model folder becomes an Engine (tests replace loadModelEngine); the LoRAs chosen in
    // the generation panel's picker are added to its LoadOptions::loras.
    using ModelLoader =
        std::function<std::unique_ptr<Engine>(const QString&, const pipeline::LoadOptions&)>;
    void setModelLoader(ModelLoader loader);

    CaptionEditor* captionEditor() const { return m_caption; }
    MagicPromptBar* magicPromptBar() const { return m_magic; }
    GenerationPanel* generationPanel() const { return m_panel; }
    // Working from an image (issue 26): the input picture, its mask and strength.
    ImageInputPanel* imageInputPanel() const { return m_input; }
    void showImageInput();
    GenerationController* controller() const { return m_controller; }
    GalleryStore* galleryStore() const { return m_store.get(); }
    PreviewView* previewView() const { return m_preview; }
    GalleryWriter* galleryWriter() const { return m_writer; }
    GalleryPanel* galleryPanel() const { return m_gallery; }
    TokenCounter* tokenCounter() const { return m_tokenCounter; }
    TokenCountLabel* tokenCountLabel() const { return m_tokenLabel; }
    // Status bar: the model, and where it runs (device, precision, exact or fast mode, memory
    // mode, GPU memory).
    QLabel* modelStatus() const { return m_modelStatus; }
    QLabel* deviceStatus() const { return m_deviceStatus; }
    QProgressBar* loadProgressBar() const { return m_loadBar; }
    void showGallery();
    void importImages();

private:
    // The active model's preset and guidance hints, put into the generation panel.
    void applyModelSamplerHints();
    void buildMenus();
    void onJobFinished(const GenerationOutput& output);
    void onLoadProgress(const pipeline::LoadProgress& progress);
    void onModelLoaded(const ModelLoadInfo& info);
    void showSettings();

    AppSettings* m_settings;
    pipeline::ModelHints m_activeHints;  // of the folder loaded last
    QString m_hintsFolder;               // that folder
    std::unique_ptr<GalleryStore> m_store;
    GalleryWriter* m_writer = nullptr;
    GenerationController* m_controller = nullptr;
    QTabWidget* m_tabs = nullptr;
    CaptionEditor* m_caption = nullptr;
    MagicPromptBar* m_magic = nullptr;  // the idea and Magic prompt, above the caption
    GenerationPanel* m_panel = nullptr;
    ImageInputPanel* m_input = nullptr;
    QDockWidget* m_inputDock = nullptr;
    PreviewView* m_preview = nullptr;
    GalleryPanel* m_gallery = nullptr;
    QLabel* m_modelStatus = nullptr;
    QLabel* m_deviceStatus = nullptr;
    QProgressBar* m_loadBar = nullptr;  // components loaded, while a model loads
    TokenCounter* m_tokenCounter = nullptr;
    TokenCountLabel* m_tokenLabel = nullptr;
    // The picker's LoRAs as of the last load request, read by the loader on the engine thread.
    std::shared_ptr<LoraSelection> m_loraSelection;
    SessionKeeper* m_session = nullptr;
    DemoModelHints* m_demoHints = nullptr;
    Question m_question;
    // The request and model of the picture in the preview, for Save image as.
    std::optional<GenerationOutput> m_lastOutput;
};

}  // namespace i4::ui
