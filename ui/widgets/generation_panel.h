#pragma once

#include <QVector>
#include <QWidget>

#include "core/pipeline/generation_request.h"
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
    void setBatchCount(int count);
    // False (and nothing changes) for a name the picker does not hold.
    bool selectPreset(const QString& name);
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
    void refillPresetPicker();
    bool isUserPreset(const sampling::SamplerPreset* preset) const;

    std::vector<sampling::SamplerPreset> m_presets;  // the built-in ones, then the user's
    size_t m_builtinCount = 0;
    QString m_userPresetFile;
    pipeline::GenerationRequest m_base;
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
    QLineEdit* m_seed = nullptr;
    QComboBox* m_seedMode = nullptr;
    QSpinBox* m_batchCount = nullptr;
    GuidanceScheduleEditor* m_schedule = nullptr;
    QLabel* m_distilledNote = nullptr;
    LoraPicker* m_loras = nullptr;
};

}  // namespace i4::ui
