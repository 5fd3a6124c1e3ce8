#pragma once

#include <QVector>
#include <QWidget>

#include "core/pipeline/generation_request.h"
#include "core/pipeline/model_hints.h"
#include "core/sampling/presets.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace i4::ui {

class GuidanceScheduleEditor;
class LoraPicker;

// Everything about a request except the prompt: preset, size, seed policy, batch count and the
// guidance schedule. Fields the panel does not show (mu, std, ...) are carried through from the
// last request set, so a remix reproduces it exactly.
class GenerationPanel : public QWidget {
    Q_OBJECT

public:
    enum class SeedMode { Random, Locked, Increment };

    explicit GenerationPanel(QWidget* parent = nullptr);

    // The request for the next image, with the seed shown.
    pipeline::GenerationRequest request(const QString& prompt) const;
    // One request per image of the batch count, seeds following the seed mode; advances the
    // shown seed so the next click continues the sequence.
    QVector<pipeline::GenerationRequest> takeBatch(const QString& prompt);
    void setRequest(const pipeline::GenerationRequest& request);

    QSize imageSize() const;
    void setImageSize(QSize size);
    // Lifts the published size limits (for small test models). Requests whose size lies
    // outside them then carry uncheckedSize; the others stay fully checked.
    void setAllowAnySize(bool allow);
    bool allowAnySize() const { return m_allowAnySize; }
    void setSeedMode(SeedMode mode);
    SeedMode seedMode() const;
    void setSeed(uint64_t seed);
    uint64_t seed() const;
    // "Reuse this seed" (from a gallery image): shows `seed` and locks it.
    void reuseSeed(uint64_t seed);
    void setBatchCount(int count);
    int batchCount() const;
    // False (and nothing changes) for a name the picker does not hold. Built-in presets are
    // named by their code name (V4_TURBO_12); the picker shows a friendly name.
    bool selectPreset(const QString& name);
    // The model the panel's defaults follow (Note [model-aware defaults] in
    // core/pipeline/request_settings.h): a preset keeps its main guidance, the aspect choices
    // keep its native pixel count, a size far from that is flagged. Changes nothing selected.
    void setModelHints(const pipeline::ModelHints& hints);
    const pipeline::ModelHints& modelHints() const { return m_hints; }
    // The "Model default" entry and the reset button: the model's preset, main guidance and
    // native size (1024x1024 without one).
    void resetToModelDefaults();
    // The friendly name of a built-in preset ("Fast draft · 12 steps"); the code name for any
    // other.
    static QString presetDisplayName(const QString& codeName);
    // An explicit schedule (step order) for the selected preset's sampler; its length sets the
    // steps.
    void setGuidanceSchedule(const std::vector<float>& schedule);
    // User presets live in `file`; they follow the built-in ones in the picker. A missing file
    // is no preset yet; an unreadable one returns false with `error` set (built-ins still work).
    bool setUserPresetFile(const QString& file, QString* error = nullptr);
    // The sampler settings now shown (steps, guidance schedule, mu, std) as a preset.
    sampling::SamplerPreset currentSamplerSettings(const QString& name) const;
    // Writes the current settings into the user preset file as `name` (replacing a user preset
    // of that name) and selects it. Built-in names are refused.
    bool saveCurrentAsPreset(const QString& name, QString* error = nullptr);
    // Asks for a name, then saveCurrentAsPreset(); reports failures in a message box.
    void promptSavePreset();
    GuidanceScheduleEditor* scheduleEditor() const { return m_schedule; }
    // The LoRAs for the next model load (the main window passes them to LoadOptions::loras).
    LoraPicker* loraPicker() const { return m_loras; }
    // A distilled model (LoadReport::conditionalOnly) runs at guidance 1: the schedule editor is
    // greyed, shows 1 at every step, and a line says why.
    void setConditionalOnly(bool conditionalOnly);
    bool conditionalOnly() const { return m_conditionalOnly; }

signals:
    void imageSizeChanged(QSize size);
    void generateRequested();

private:
    void applyPreset(const sampling::SamplerPreset& preset);
    const sampling::SamplerPreset* currentPreset() const;
    void updateAspectLabel();
    void updateAspectChoices();
    void refillPresetPicker();
    bool isUserPreset(const sampling::SamplerPreset* preset) const;

    std::vector<sampling::SamplerPreset> m_presets;  // the built-in ones, then the user's
    size_t m_builtinCount = 0;
    QString m_userPresetFile;
    pipeline::GenerationRequest m_base;
    pipeline::ModelHints m_hints;
    bool m_explicitSteps = false;
    bool m_explicitSchedule = false;
    bool m_updating = false;
    bool m_allowAnySize = false;
    bool m_conditionalOnly = false;

    QComboBox* m_preset = nullptr;
    QComboBox* m_aspect = nullptr;
    QSpinBox* m_width = nullptr;
    QSpinBox* m_height = nullptr;
    QLabel* m_aspectLabel = nullptr;
    QLabel* m_sizeWarning = nullptr;
    QLineEdit* m_seed = nullptr;
    QComboBox* m_seedMode = nullptr;
    QSpinBox* m_batchCount = nullptr;
    GuidanceScheduleEditor* m_schedule = nullptr;
    QLabel* m_distilledNote = nullptr;
    LoraPicker* m_loras = nullptr;
};

}  // namespace i4::ui
