#include "ui/widgets/guidance_schedule_editor.h"

#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>

#include "ui/generation/schedule_shape.h"
#include "ui/widgets/schedule_bars.h"

namespace i4::ui {

namespace {

QString weightText(double value) { return QLocale().toString(value, 'g', 4); }

bool sameSchedule(const std::vector<float>& a, const std::vector<float>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (std::abs(a[i] - b[i]) > 1e-4f) return false;
    }
    return true;
}

QLabel* effectMark(const char* name, QWidget* parent) {
    auto* mark = new QLabel(QStringLiteral("✓"), parent);
    mark->setObjectName(QLatin1String(name));
    mark->setToolTip(GuidanceScheduleEditor::tr("This row makes the schedule in effect"));
    mark->setStyleSheet(QStringLiteral("color: #2E7D32; font-weight: bold;"));
    // Keeps its width when hidden, so the rows do not jump.
    QSizePolicy policy = mark->sizePolicy();
    policy.setRetainSizeWhenHidden(true);
    mark->setSizePolicy(policy);
    return mark;
}

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

    m_bars = new ScheduleBars(this);
    m_bars->setObjectName(QStringLiteral("scheduleBars"));
    m_bars->setMaximum(kMaxWeight);
    layout->addWidget(m_bars);
    connect(m_bars, &ScheduleBars::edited, this, [this] {
        m_values = m_bars->values();
        showInEffect();
        emit scheduleChanged();
        emit userEdited();
    });
    m_inEffect = new QLabel(this);
    m_inEffect->setObjectName(QStringLiteral("scheduleInEffect"));
    m_inEffect->setWordWrap(true);
    layout->addWidget(m_inEffect);

    auto* helpers = new QGridLayout;
    m_allWeight = weightBox(7.0, this);
    m_allWeight->setObjectName(QStringLiteral("allWeight"));
    auto* setAll = new QPushButton(tr("Set all"), this);
    setAll->setObjectName(QStringLiteral("applyAll"));
    helpers->addWidget(new QLabel(tr("Weight"), this), 0, 0);
    helpers->addWidget(m_allWeight, 0, 1);
    helpers->addWidget(setAll, 0, 5);
    m_allMark = effectMark("allInEffect", this);
    helpers->addWidget(m_allMark, 0, 6);
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
    m_mainTailMark = effectMark("mainTailInEffect", this);
    helpers->addWidget(m_mainTailMark, 1, 6);
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
    m_rampMark = effectMark("rampInEffect", this);
    helpers->addWidget(m_rampMark, 2, 6);
    connect(setRamp, &QPushButton::clicked, this, [this] {
        applyUserSchedule(
            linearRampSchedule(float(m_rampFrom->value()), float(m_rampTo->value()), stepCount()));
    });
    layout->addLayout(helpers);
    for (QDoubleSpinBox* box : {m_allWeight, m_mainWeight, m_tailWeight, m_rampFrom, m_rampTo}) {
        connect(box, &QDoubleSpinBox::valueChanged, this, &GuidanceScheduleEditor::showInEffect);
    }
    connect(m_tailLength, &QSpinBox::valueChanged, this, &GuidanceScheduleEditor::showInEffect);

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
    m_bars->setValues(m_values);
    showInEffect();
    emit scheduleChanged();
}

void GuidanceScheduleEditor::setStepCount(int steps) {
    m_steps->setValue(std::clamp(steps, kMinSteps, kMaxSteps));
}

void GuidanceScheduleEditor::applyUserSchedule(const std::vector<float>& values) {
    replaceValues(values);  // the helpers keep what the user typed
    emit userEdited();
}

void GuidanceScheduleEditor::showInEffect() {
    if (m_values.empty() || !m_inEffect) return;
    const int n = stepCount();
    const float first = m_values.front(), last = m_values.back();
    // What runs, in words: the same recognisers as the helper rows, on the schedule itself.
    int tail = 0;
    while (tail < n && m_values[size_t(n - 1 - tail)] == last) ++tail;
    QString text;
    if (tail == n) {
        text = tr("In effect: %1 at every step").arg(weightText(double(first)));
    } else if (sameSchedule(m_values, mainWithTailSchedule(first, last, tail, n))) {
        text = tr("In effect: %1, then a polish tail of %n step(s) at %2", nullptr, tail)
                   .arg(weightText(double(first)), weightText(double(last)));
    } else if (sameSchedule(m_values, linearRampSchedule(first, last, n))) {
        text = tr("In effect: a linear ramp from %1 to %2")
                   .arg(weightText(double(first)), weightText(double(last)));
    } else {
        text = tr("In effect: a custom schedule, from %1 to %2")
                   .arg(weightText(double(first)), weightText(double(last)));
    }
    m_inEffect->setText(text);
    m_allMark->setVisible(sameSchedule(m_values, constantSchedule(float(m_allWeight->value()), n)));
    m_mainTailMark->setVisible(sameSchedule(
        m_values, mainWithTailSchedule(float(m_mainWeight->value()), float(m_tailWeight->value()),
                                       m_tailLength->value(), n)));
    m_rampMark->setVisible(sameSchedule(
        m_values, linearRampSchedule(float(m_rampFrom->value()), float(m_rampTo->value()), n)));
}

}  // namespace i4::ui
