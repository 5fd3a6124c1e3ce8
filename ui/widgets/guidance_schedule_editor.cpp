#include "ui/widgets/guidance_schedule_editor.h"

#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>

#include "ui/generation/schedule_shape.h"
#include "ui/widgets/schedule_plot.h"

namespace i4::ui {

namespace {

// Sliders are integers; one tick is 0.1 of guidance weight.
constexpr int kTicksPerUnit = 10;

QDoubleSpinBox* weightBox(double value, QWidget* parent) {
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(0.0, GuidanceScheduleEditor::kMaxWeight);
    box->setSingleStep(0.5);
    box->setDecimals(2);  // a spin box rounds to what it shows: a model's 1.15 must survive
    box->setValue(value);
    return box;
}

}  // namespace

GuidanceScheduleEditor::GuidanceScheduleEditor(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* header = new QHBoxLayout;
    header->addWidget(new QLabel(tr("Steps"), this));
    m_steps = new QSpinBox(this);
    m_steps->setObjectName(QStringLiteral("scheduleSteps"));
    m_steps->setRange(kMinSteps, kMaxSteps);
    header->addWidget(m_steps);
    header->addStretch(1);
    layout->addLayout(header);
    connect(m_steps, qOverload<int>(&QSpinBox::valueChanged), this, [this](int steps) {
        if (m_updating || steps == stepCount()) return;
        applyUserSchedule(resampleSchedule(m_values, steps));
    });

    m_plot = new SchedulePlot(this);
    layout->addWidget(m_plot);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFixedHeight(130);
    m_sliderStrip = new QWidget(scroll);
    m_sliderLayout = new QHBoxLayout(m_sliderStrip);
    m_sliderLayout->setContentsMargins(2, 2, 2, 2);
    m_sliderLayout->setSpacing(1);
    scroll->setWidget(m_sliderStrip);
    layout->addWidget(scroll);

    auto* helpers = new QGridLayout;
    m_allWeight = weightBox(7.0, this);
    m_allWeight->setObjectName(QStringLiteral("allWeight"));
    auto* setAll = new QPushButton(tr("Set all"), this);
    setAll->setObjectName(QStringLiteral("applyAll"));
    helpers->addWidget(new QLabel(tr("Weight"), this), 0, 0);
    helpers->addWidget(m_allWeight, 0, 1);
    helpers->addWidget(setAll, 0, 5);
    connect(setAll, &QPushButton::clicked, this, [this] {
        applyUserSchedule(constantSchedule(float(m_allWeight->value()), stepCount()));
    });

    m_mainWeight = weightBox(7.0, this);
    m_tailWeight = weightBox(3.0, this);
    m_mainWeight->setObjectName(QStringLiteral("mainWeight"));
    m_tailWeight->setObjectName(QStringLiteral("tailWeight"));
    m_tailLength = new QSpinBox(this);
    m_tailLength->setObjectName(QStringLiteral("tailLength"));
    m_tailLength->setRange(0, kMaxSteps);
    // The suffix follows the number ("1 step", "2 steps"; the translations hold each language's
    // plural forms).
    connect(m_tailLength, qOverload<int>(&QSpinBox::valueChanged), this, [this](int n) {
        m_tailLength->setSuffix(tr(" step(s)", "after the polish tail's length", n));
    });
    m_tailLength->setValue(2);
    auto* setTail = new QPushButton(tr("Main + polish tail"), this);
    setTail->setObjectName(QStringLiteral("applyMainTail"));
    helpers->addWidget(new QLabel(tr("Main"), this), 1, 0);
    helpers->addWidget(m_mainWeight, 1, 1);
    helpers->addWidget(new QLabel(tr("Tail"), this), 1, 2);
    helpers->addWidget(m_tailWeight, 1, 3);
    helpers->addWidget(m_tailLength, 1, 4);
    helpers->addWidget(setTail, 1, 5);
    connect(setTail, &QPushButton::clicked, this, [this] {
        applyUserSchedule(mainWithTailSchedule(float(m_mainWeight->value()),
                                               float(m_tailWeight->value()), m_tailLength->value(),
                                               stepCount()));
    });

    m_rampFrom = weightBox(7.0, this);
    m_rampTo = weightBox(3.0, this);
    m_rampFrom->setObjectName(QStringLiteral("rampFrom"));
    m_rampTo->setObjectName(QStringLiteral("rampTo"));
    auto* setRamp = new QPushButton(tr("Linear ramp"), this);
    helpers->addWidget(new QLabel(tr("From"), this), 2, 0);
    helpers->addWidget(m_rampFrom, 2, 1);
    helpers->addWidget(new QLabel(tr("To"), this), 2, 2);
    helpers->addWidget(m_rampTo, 2, 3);
    helpers->addWidget(setRamp, 2, 5);
    connect(setRamp, &QPushButton::clicked, this, [this] {
        applyUserSchedule(
            linearRampSchedule(float(m_rampFrom->value()), float(m_rampTo->value()), stepCount()));
    });
    layout->addLayout(helpers);

    setSchedule(mainWithTailSchedule(7.0f, 3.0f, 2, 20));
}

void GuidanceScheduleEditor::setSchedule(const std::vector<float>& values) {
    replaceValues(values);
    describeInHelpers();
}

void GuidanceScheduleEditor::describeInHelpers() {
    if (m_values.empty()) return;
    const float first = m_values.front(), last = m_values.back();
    // The tail is the trailing run of steps at the last step's weight (none when that is the
    // main weight), so a ramp reads as its main weight and a one-step tail, not as a long tail.
    int tail = 0;
    if (last != first) {
        while (tail < stepCount() && m_values[size_t(stepCount() - 1 - tail)] == last) ++tail;
    }
    m_allWeight->setValue(double(first));
    m_mainWeight->setValue(double(first));
    m_tailWeight->setValue(double(last));
    m_tailLength->setValue(tail);
    m_rampFrom->setValue(double(first));
    m_rampTo->setValue(double(last));
}

void GuidanceScheduleEditor::replaceValues(const std::vector<float>& values) {
    m_values = values;
    m_updating = true;
    m_steps->setValue(stepCount());
    m_updating = false;
    rebuildSliders();
    m_plot->setValues(m_values);
    emit scheduleChanged();
}

void GuidanceScheduleEditor::setStepCount(int steps) {
    m_steps->setValue(std::clamp(steps, kMinSteps, kMaxSteps));
}

void GuidanceScheduleEditor::applyUserSchedule(const std::vector<float>& values) {
    replaceValues(values);  // the helpers keep what the user typed
    emit userEdited();
}

void GuidanceScheduleEditor::rebuildSliders() {
    if (m_sliders.size() != int(m_values.size())) {
        qDeleteAll(m_sliders);
        m_sliders.clear();
        while (QLayoutItem* item = m_sliderLayout->takeAt(0)) delete item;
        for (int i = 0; i < int(m_values.size()); ++i) {
            auto* slider = new QSlider(Qt::Vertical, m_sliderStrip);
            slider->setRange(0, int(kMaxWeight * kTicksPerUnit));
            slider->setFixedWidth(16);
            connect(slider, &QSlider::valueChanged, this, [this, i](int ticks) {
                if (m_updating) return;
                m_values[size_t(i)] = float(ticks) / kTicksPerUnit;
                m_sliders[i]->setToolTip(tr("Step %1: %2").arg(i + 1).arg(m_values[size_t(i)]));
                m_plot->setValues(m_values);
                emit scheduleChanged();
                emit userEdited();
            });
            m_sliders.push_back(slider);
            m_sliderLayout->addWidget(slider);
        }
        m_sliderLayout->addStretch(1);
    }
    syncSliders();
}

void GuidanceScheduleEditor::syncSliders() {
    m_updating = true;
    for (int i = 0; i < m_sliders.size(); ++i) {
        const float value = m_values[size_t(i)];
        m_sliders[i]->setValue(int(std::lround(value * kTicksPerUnit)));
        m_sliders[i]->setToolTip(tr("Step %1: %2").arg(i + 1).arg(double(value)));
    }
    m_updating = false;
}

}  // namespace i4::ui
