#include "ui/widgets/generation_panel.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "core/pipeline/request_settings.h"
#include "ui/generation/image_size.h"
#include "ui/generation/schedule_shape.h"
#include "ui/widgets/guidance_schedule_editor.h"
#include "ui/widgets/lora_picker.h"

namespace i4::ui {

namespace {

struct AspectChoice {
    int w;
    int h;
};

constexpr AspectChoice kAspects[] = {{1, 1}, {4, 3}, {3, 2},  {16, 9}, {21, 9},
                                     {3, 4}, {2, 3}, {9, 16}, {9, 21}};

uint64_t randomSeed() { return QRandomGenerator::global()->bounded(quint64(1) << 32); }

// The picker's first entry, "Model default", carries no preset name.
constexpr int kModelDefaultRow = 1;

QSize toQSize(pipeline::ImageSize size) { return {size.width, size.height}; }

}  // namespace

GenerationPanel::GenerationPanel(QWidget* parent)
    : QWidget(parent), m_presets(sampling::builtinPresets()), m_builtinCount(m_presets.size()) {
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layout->addLayout(form);

    m_preset = new QComboBox(this);
    m_preset->setObjectName(QStringLiteral("preset"));
    // Long names ("Model default (Fast draft · 12 steps)") must not widen the panel.
    m_preset->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_preset->setMinimumContentsLength(12);
    refillPresetPicker();
    auto* presetRow = new QHBoxLayout;
    presetRow->addWidget(m_preset, 1);
    auto* savePreset = new QToolButton(this);
    savePreset->setObjectName(QStringLiteral("savePreset"));
    savePreset->setText(tr("Save…"));
    savePreset->setToolTip(tr("Save the steps, guidance schedule, mu and std as a preset"));
    presetRow->addWidget(savePreset);
    auto* reset = new QToolButton(this);
    reset->setObjectName(QStringLiteral("resetToModel"));
    reset->setText(tr("Reset"));
    reset->setToolTip(
        tr("Back to the model's own settings: its preset, main guidance and native size"));
    presetRow->addWidget(reset);
    form->addRow(tr("Preset"), presetRow);
    connect(reset, &QToolButton::clicked, this, &GenerationPanel::resetToModelDefaults);
    connect(savePreset, &QToolButton::clicked, this, &GenerationPanel::promptSavePreset);
    connect(m_preset, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        if (m_updating) return;
        if (const sampling::SamplerPreset* preset = currentPreset()) applyPreset(*preset);
    });

    m_aspect = new QComboBox(this);
    m_aspect->setObjectName(QStringLiteral("aspect"));
    m_aspect->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_aspect->setMinimumContentsLength(10);
    for (const AspectChoice& a : kAspects) m_aspect->addItem(QString(), QSize(a.w, a.h));
    m_aspect->addItem(tr("Custom"));
    m_aspect->setToolTip(tr("Shapes at about the pixel count the model was trained at"));
    form->addRow(tr("Aspect"), m_aspect);

    auto* sizeRow = new QHBoxLayout;
    m_width = new QSpinBox(this);
    m_height = new QSpinBox(this);
    for (QSpinBox* side : {m_width, m_height}) {
        side->setRange(kMinSide, kMaxSide);
        side->setSingleStep(kSizeStep);
        side->setValue(1024);
        side->setKeyboardTracking(false);
    }
    m_width->setObjectName(QStringLiteral("width"));
    m_height->setObjectName(QStringLiteral("height"));
    m_aspectLabel = new QLabel(this);
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(new QLabel(QStringLiteral("×"), this));
    sizeRow->addWidget(m_height);
    sizeRow->addWidget(m_aspectLabel, 1);
    form->addRow(tr("Size"), sizeRow);
    m_sizeWarning = new QLabel(this);
    m_sizeWarning->setObjectName(QStringLiteral("sizeWarning"));
    m_sizeWarning->setWordWrap(true);
    m_sizeWarning->setStyleSheet(QStringLiteral("color: #b35c00;"));
    m_sizeWarning->hide();
    form->addRow(m_sizeWarning);
    connect(m_aspect, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        const QSize ratio = m_aspect->currentData().toSize();
        if (m_updating || ratio.isEmpty()) return;
        setImageSize(toQSize(pipeline::sizeForAspect(ratio.width(), ratio.height(), m_hints)));
    });
    auto sideEdited = [this] {
        if (m_updating) return;
        setImageSize(QSize(m_width->value(), m_height->value()));
        m_updating = true;
        m_aspect->setCurrentIndex(m_aspect->count() - 1);
        m_updating = false;
    };
    connect(m_width, qOverload<int>(&QSpinBox::valueChanged), this, sideEdited);
    connect(m_height, qOverload<int>(&QSpinBox::valueChanged), this, sideEdited);

    auto* seedRow = new QHBoxLayout;
    m_seed = new QLineEdit(QString::number(randomSeed()), this);
    m_seed->setObjectName(QStringLiteral("seed"));
    m_seed->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,19}")), m_seed));
    m_seedMode = new QComboBox(this);
    m_seedMode->setObjectName(QStringLiteral("seedMode"));
    m_seedMode->addItem(tr("Random"));
    m_seedMode->addItem(tr("Locked"));
    m_seedMode->addItem(tr("+1 per image"));
    m_seed->setToolTip(tr("Typing a seed locks it; Random draws a new one for every image"));
    // A seed the user typed is one they want: Random would throw it away at the next image.
    connect(m_seed, &QLineEdit::textEdited, this, [this] {
        if (seedMode() == SeedMode::Random) setSeedMode(SeedMode::Locked);
    });
    seedRow->addWidget(m_seed, 1);
    seedRow->addWidget(m_seedMode);
    form->addRow(tr("Seed"), seedRow);

    m_batchCount = new QSpinBox(this);
    m_batchCount->setObjectName(QStringLiteral("batchCount"));
    m_batchCount->setRange(1, 64);
    form->addRow(tr("Images"), m_batchCount);

    auto* scheduleBox = new QGroupBox(tr("Guidance schedule"), this);
    auto* scheduleLayout = new QVBoxLayout(scheduleBox);
    m_schedule = new GuidanceScheduleEditor(scheduleBox);
    scheduleLayout->addWidget(m_schedule);
    m_distilledNote = new QLabel(tr("Distilled model: it runs at guidance 1 without the "
                                    "unconditional pass, so this schedule does not apply."),
                                 scheduleBox);
    m_distilledNote->setObjectName(QStringLiteral("distilledNote"));
    m_distilledNote->setWordWrap(true);
    m_distilledNote->hide();
    scheduleLayout->addWidget(m_distilledNote);
    layout->addWidget(scheduleBox);

    auto* loraBox = new QGroupBox(tr("LoRA"), this);
    auto* loraLayout = new QVBoxLayout(loraBox);
    m_loras = new LoraPicker(loraBox);
    loraLayout->addWidget(m_loras);
    layout->addWidget(loraBox);
    connect(m_schedule, &GuidanceScheduleEditor::userEdited, this, [this] {
        m_explicitSteps = true;
        m_explicitSchedule = true;
    });

    layout->addStretch(1);
    auto* generate = new QPushButton(tr("Generate"), this);
    generate->setObjectName(QStringLiteral("generate"));
    generate->setDefault(true);
    generate->setMinimumHeight(36);
    layout->addWidget(generate);
    connect(generate, &QPushButton::clicked, this, &GenerationPanel::generateRequested);

    updateAspectChoices();
    resetToModelDefaults();
}

QString GenerationPanel::presetDisplayName(const QString& codeName) {
    if (codeName == QLatin1String("V4_QUALITY_48")) return tr("Best quality · 48 steps");
    if (codeName == QLatin1String("V4_DEFAULT_20")) return tr("Balanced · 20 steps");
    if (codeName == QLatin1String("V4_TURBO_12")) return tr("Fast draft · 12 steps");
    return codeName;
}

const sampling::SamplerPreset* GenerationPanel::currentPreset() const {
    int index = m_preset->currentIndex() - kModelDefaultRow;
    if (index < 0) {
        const std::string name = pipeline::defaultPreset(m_hints);
        const auto found = std::find_if(m_presets.begin(), m_presets.end(),
                                        [&](const auto& p) { return p.name == name; });
        index = int(found - m_presets.begin());
    }
    return index >= 0 && index < int(m_presets.size()) ? &m_presets[size_t(index)] : nullptr;
}

void GenerationPanel::refillPresetPicker() {
    const QVariant current = m_preset->currentData();
    const QSignalBlocker blocker(m_preset);
    m_preset->clear();
    const QString modelPreset = QString::fromStdString(pipeline::defaultPreset(m_hints));
    m_preset->addItem(tr("Model default (%1)").arg(presetDisplayName(modelPreset)));
    m_preset->setItemData(
        0,
        m_hints.guidance
            ? tr("%1 with the model's own main guidance, %2, at its native size")
                  .arg(modelPreset, QLocale().toString(double(*m_hints.guidance), 'g', 3))
            : tr("%1, at the model's native size").arg(modelPreset),
        Qt::ToolTipRole);
    for (size_t i = 0; i < m_presets.size(); ++i) {
        const QString name = QString::fromStdString(m_presets[i].name);
        m_preset->addItem(i < m_builtinCount ? presetDisplayName(name) : name, name);
        QString tip =
            QStringLiteral("%1: %2").arg(name, QString::fromStdString(m_presets[i].description));
        if (i < m_builtinCount && m_hints.guidance) {
            tip +=
                QLatin1Char('\n') + tr("Main guidance %1, the model's own; the preset gives "
                                       "the steps and the schedule's shape")
                                        .arg(QLocale().toString(double(*m_hints.guidance), 'g', 3));
        }
        m_preset->setItemData(m_preset->count() - 1, tip, Qt::ToolTipRole);
    }
    const int found = current.isValid() ? m_preset->findData(current) : -1;
    m_preset->setCurrentIndex(std::max(0, found));
}

void GenerationPanel::updateAspectChoices() {
    for (int i = 0; i < m_aspect->count(); ++i) {
        const QSize ratio = m_aspect->itemData(i).toSize();
        if (ratio.isEmpty()) continue;
        const QSize size =
            snapImageSize(toQSize(pipeline::sizeForAspect(ratio.width(), ratio.height(), m_hints)),
                          m_allowAnySize ? SizeLimits::Unchecked : SizeLimits::Published);
        m_aspect->setItemText(i, QStringLiteral("%1:%2 · %3×%4")
                                     .arg(ratio.width())
                                     .arg(ratio.height())
                                     .arg(size.width())
                                     .arg(size.height()));
    }
}

void GenerationPanel::setModelHints(const pipeline::ModelHints& hints) {
    m_hints = hints;
    refillPresetPicker();
    updateAspectChoices();
    updateAspectLabel();
}

void GenerationPanel::resetToModelDefaults() {
    m_updating = true;
    m_preset->setCurrentIndex(0);
    m_updating = false;
    if (const sampling::SamplerPreset* preset = currentPreset()) applyPreset(*preset);
    const QSize native = toQSize(pipeline::sizeForAspect(0, 0, m_hints));
    setImageSize(native);
    m_updating = true;
    m_aspect->setCurrentIndex(m_aspect->count() - 1);
    for (int i = 0; i < m_aspect->count(); ++i) {
        const QSize ratio = m_aspect->itemData(i).toSize();
        if (!ratio.isEmpty() &&
            ratio.width() * native.height() == ratio.height() * native.width()) {
            m_aspect->setCurrentIndex(i);
            break;
        }
    }
    m_updating = false;
}

bool GenerationPanel::isUserPreset(const sampling::SamplerPreset* preset) const {
    return preset && preset >= m_presets.data() + m_builtinCount &&
           preset < m_presets.data() + m_presets.size();
}

void GenerationPanel::applyPreset(const sampling::SamplerPreset& preset) {
    m_schedule->setSchedule(preset.guidanceSchedule);
    if (isUserPreset(&preset)) {
        // The engine knows only the built-in names: a user preset travels as explicit values,
        // which also keeps every gallery image reproducible without the preset file.
        m_base.preset.clear();
        m_base.mu = preset.mu;
        m_base.std = preset.std;
        m_explicitSteps = true;
        m_explicitSchedule = true;
        return;
    }
    m_base.preset = preset.name;
    m_base.mu.reset();
    m_base.std.reset();
    m_explicitSteps = false;
    // The preset's steps and shape, the model's main guidance (Note [model-aware defaults]).
    pipeline::GenerationRequest chosen;
    chosen.preset = preset.name;
    const std::vector<float> schedule =
        pipeline::withModelDefaults(chosen, m_hints, true).guidanceSchedule;
    m_explicitSchedule = !schedule.empty();
    if (m_explicitSchedule) m_schedule->setSchedule(schedule);
}

bool GenerationPanel::setUserPresetFile(const QString& file, QString* error) {
    m_userPresetFile = file;
    m_presets.resize(m_builtinCount);
    bool ok = true;
    if (QFileInfo::exists(file)) {
        try {
            for (sampling::SamplerPreset& preset : sampling::loadPresetFile(file.toStdString())) {
                m_presets.push_back(std::move(preset));
            }
        } catch (const std::exception& e) {
            if (error) *error = QString::fromStdString(e.what());
            ok = false;
        }
    }
    refillPresetPicker();
    return ok;
}

sampling::SamplerPreset GenerationPanel::currentSamplerSettings(const QString& name) const {
    const sampling::SamplerPreset* shown = currentPreset();
    sampling::SamplerPreset preset;
    preset.name = name.toStdString();
    preset.description = tr("Saved from i4studio").toStdString();
    preset.guidanceSchedule = m_schedule->schedule();
    preset.steps = int(preset.guidanceSchedule.size());
    preset.mu = m_base.mu.value_or(shown ? shown->mu : 0.0);
    preset.std = m_base.std.value_or(shown ? shown->std : 1.0);
    return preset;
}

bool GenerationPanel::saveCurrentAsPreset(const QString& name, QString* error) {
    const QString trimmed = name.trimmed();
    auto fail = [error](const QString& message) {
        if (error) *error = message;
        return false;
    };
    if (trimmed.isEmpty()) return fail(tr("The preset needs a name."));
    if (m_userPresetFile.isEmpty()) return fail(tr("No preset file is set."));
    for (size_t i = 0; i < m_builtinCount; ++i) {
        if (m_presets[i].name == trimmed.toStdString()) {
            return fail(tr("%1 is a built-in preset; choose another name.").arg(trimmed));
        }
    }
    const sampling::SamplerPreset preset = currentSamplerSettings(trimmed);
    std::vector<sampling::SamplerPreset> user(m_presets.begin() + long(m_builtinCount),
                                              m_presets.end());
    const auto same = std::find_if(user.begin(), user.end(),
                                   [&](const auto& p) { return p.name == preset.name; });
    if (same != user.end()) {
        *same = preset;
    } else {
        user.push_back(preset);
    }
    try {
        QDir().mkpath(QFileInfo(m_userPresetFile).absolutePath());
        sampling::savePresetFile(m_userPresetFile.toStdString(), user);
    } catch (const std::exception& e) {
        return fail(QString::fromStdString(e.what()));
    }
    m_presets.resize(m_builtinCount);
    m_presets.insert(m_presets.end(), user.begin(), user.end());
    refillPresetPicker();
    selectPreset(trimmed);
    return true;
}

void GenerationPanel::promptSavePreset() {
    bool ok = false;
    const sampling::SamplerPreset* shown = currentPreset();
    const QString suggestion =
        isUserPreset(shown) ? QString::fromStdString(shown->name) : QString();
    const QString name = QInputDialog::getText(this, tr("Save as preset"), tr("Preset name:"),
                                               QLineEdit::Normal, suggestion, &ok);
    if (!ok) return;
    QString error;
    if (!saveCurrentAsPreset(name, &error)) {
        QMessageBox::warning(this, tr("Save as preset"), error);
    }
}

bool GenerationPanel::selectPreset(const QString& name) {
    const int index = name.isEmpty() ? -1 : m_preset->findData(name);
    if (index < kModelDefaultRow) return false;
    m_updating = true;
    m_preset->setCurrentIndex(index);
    m_updating = false;
    applyPreset(m_presets[size_t(index - kModelDefaultRow)]);
    return true;
}

void GenerationPanel::setGuidanceSchedule(const std::vector<float>& schedule) {
    const bool stepsChange = int(schedule.size()) != m_schedule->stepCount();
    m_schedule->setSchedule(schedule);
    m_explicitSchedule = true;
    m_explicitSteps = m_explicitSteps || stepsChange;
}

QSize GenerationPanel::imageSize() const { return {m_width->value(), m_height->value()}; }

void GenerationPanel::setAllowAnySize(bool allow) {
    if (allow == m_allowAnySize) return;
    m_allowAnySize = allow;
    m_updating = true;
    for (QSpinBox* side : {m_width, m_height}) {
        side->setRange(allow ? kSizeStep : kMinSide, allow ? kMaxUncheckedSide : kMaxSide);
    }
    m_updating = false;
    updateAspectChoices();
    // Back under the published limits, a size chosen outside them snaps into range.
    setImageSize(imageSize());
}

void GenerationPanel::setImageSize(QSize size) {
    const QSize snapped =
        snapImageSize(size, m_allowAnySize ? SizeLimits::Unchecked : SizeLimits::Published);
    m_updating = true;
    m_width->setValue(snapped.width());
    m_height->setValue(snapped.height());
    // The aspect entry that makes this size, else Custom.
    const QSize ratio = m_aspect->currentData().toSize();
    if (ratio.isEmpty() ||
        snapImageSize(toQSize(pipeline::sizeForAspect(ratio.width(), ratio.height(), m_hints)),
                      m_allowAnySize ? SizeLimits::Unchecked : SizeLimits::Published) != snapped) {
        m_aspect->setCurrentIndex(m_aspect->count() - 1);
    }
    m_updating = false;
    updateAspectLabel();
    emit imageSizeChanged(snapped);
}

void GenerationPanel::updateAspectLabel() {
    const double megapixels = double(m_width->value()) * m_height->value() / 1e6;
    m_aspectLabel->setText(tr("%1 MP").arg(QLocale().toString(megapixels, 'f', 2)));
    const pipeline::SizeAdvice advice =
        pipeline::sizeAdvice(m_width->value(), m_height->value(), m_hints);
    if (advice.farFromNative) {
        const QString ratio = QLocale().toString(advice.pixelRatio, 'g', 2);
        m_sizeWarning->setText(
            advice.pixelRatio > 1
                ? tr("The model was trained at %1×%2: this size has %3× its pixels, so expect a "
                     "poor picture and a much longer run.")
                      .arg(advice.nativeWidth)
                      .arg(advice.nativeHeight)
                      .arg(ratio)
                : tr("The model was trained at %1×%2: this size has %3× its pixels, so expect a "
                     "poor picture.")
                      .arg(advice.nativeWidth)
                      .arg(advice.nativeHeight)
                      .arg(ratio));
    }
    m_sizeWarning->setVisible(advice.farFromNative);
}

void GenerationPanel::setSeedMode(SeedMode mode) { m_seedMode->setCurrentIndex(int(mode)); }

GenerationPanel::SeedMode GenerationPanel::seedMode() const {
    return SeedMode(m_seedMode->currentIndex());
}

void GenerationPanel::setSeed(uint64_t seed) { m_seed->setText(QString::number(seed)); }

void GenerationPanel::reuseSeed(uint64_t seed) {
    setSeedMode(SeedMode::Locked);
    setSeed(seed);
}

uint64_t GenerationPanel::seed() const { return m_seed->text().toULongLong(); }

void GenerationPanel::setBatchCount(int count) { m_batchCount->setValue(count); }

int GenerationPanel::batchCount() const { return m_batchCount->value(); }

pipeline::GenerationRequest GenerationPanel::request(const QString& prompt) const {
    pipeline::GenerationRequest r = m_base;
    r.prompts = {prompt.toStdString()};
    r.width = m_width->value();
    r.height = m_height->value();
    r.steps.reset();
    r.guidanceSchedule.clear();
    if (m_explicitSteps) r.steps = m_schedule->stepCount();
    if (m_explicitSchedule) r.guidanceSchedule = m_schedule->schedule();
    r.seed = seed();
    // Only where needed: uncheckedSize also lifts the text-length check.
    r.uncheckedSize = m_allowAnySize && !withinPublishedLimits(imageSize());
    return r;
}

QVector<pipeline::GenerationRequest> GenerationPanel::takeBatch(const QString& prompt) {
    const auto mode = SeedMode(m_seedMode->currentIndex());
    QVector<pipeline::GenerationRequest> out;
    for (int i = 0; i < m_batchCount->value(); ++i) {
        if (mode == SeedMode::Random) setSeed(randomSeed());
        out.push_back(request(prompt));
        if (mode == SeedMode::Increment) setSeed(seed() + 1);
    }
    return out;
}

void GenerationPanel::setConditionalOnly(bool conditionalOnly) {
    if (conditionalOnly == m_conditionalOnly) return;
    m_conditionalOnly = conditionalOnly;
    m_distilledNote->setVisible(conditionalOnly);
    m_schedule->setEnabled(!conditionalOnly);
    // Show what runs: guidance 1 at every step. Back on a full model, the preset's schedule
    // (an explicit one the user set is kept).
    if (conditionalOnly) {
        m_schedule->setSchedule(std::vector<float>(size_t(m_schedule->stepCount()), 1.0f));
    } else if (!m_explicitSchedule && currentPreset()) {
        m_schedule->setSchedule(currentPreset()->guidanceSchedule);
    }
}

void GenerationPanel::setRequest(const pipeline::GenerationRequest& request) {
    selectPreset(QString::fromStdString(request.preset));
    m_base = request;
    m_base.prompts.clear();
    m_updating = true;
    m_width->setValue(request.width);
    m_height->setValue(request.height);
    m_aspect->setCurrentIndex(m_aspect->count() - 1);
    m_updating = false;
    updateAspectLabel();
    emit imageSizeChanged(imageSize());

    // Steps and schedule: explicit values win; otherwise the preset's, left implicit.
    const sampling::SamplerPreset* preset = currentPreset();
    std::vector<float> schedule = request.guidanceSchedule;
    if (schedule.empty() && preset) schedule = preset->guidanceSchedule;
    m_schedule->setSchedule(schedule);
    if (request.steps && *request.steps != m_schedule->stepCount()) {
        m_schedule->setSchedule(resampleSchedule(schedule, *request.steps));
    }
    m_explicitSteps = request.steps.has_value();
    m_explicitSchedule = !request.guidanceSchedule.empty();
    setSeedMode(SeedMode::Locked);
    setSeed(request.seed);
}

}  // namespace i4::ui
