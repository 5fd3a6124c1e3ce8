#pragma once

#include <QVector>
#include <QWidget>
#include <vector>

class QDoubleSpinBox;
class QHBoxLayout;
class QSlider;
class QSpinBox;

namespace i4::ui {

class SchedulePlot;

// One vertical slider per step, in step order (first, noisiest step on the left), plus helpers
// that fill the whole schedule and a plot of it. Changing the step count keeps the shape
// (Note [keeping the shape] in schedule_shape.h).
class GuidanceScheduleEditor : public QWidget {
    Q_OBJECT

public:
    static constexpr int kMinSteps = 1;
    static constexpr int kMaxSteps = 200;
    static constexpr double kMaxWeight = 20.0;

    explicit GuidanceScheduleEditor(QWidget* parent = nullptr);

    std::vector<float> schedule() const { return m_values; }
    int stepCount() const { return int(m_values.size()); }
    // Replaces the values (and the step count) without emitting userEdited(), and shows them in
    // the helpers: main and "set all" weight = the first step's, tail weight = the last step's,
    // tail length = the trailing run of steps at the last step's weight (0 when that is the
    // first's), ramp from first to last. So pressing "Main + polish tail" after a preset or a
    // model's hint keeps its weights.
    void setSchedule(const std::vector<float>& values);
    void setStepCount(int steps);

signals:
    void scheduleChanged();
    // Only for changes the user made here (sliders, helpers, step count).
    void userEdited();

private:
    void rebuildSliders();
    void syncSliders();
    void applyUserSchedule(const std::vector<float>& values);
    void replaceValues(const std::vector<float>& values);
    void describeInHelpers();

    std::vector<float> m_values;
    QSpinBox* m_steps = nullptr;
    QWidget* m_sliderStrip = nullptr;
    QHBoxLayout* m_sliderLayout = nullptr;
    QVector<QSlider*> m_sliders;
    SchedulePlot* m_plot = nullptr;
    QDoubleSpinBox* m_allWeight = nullptr;
    QDoubleSpinBox* m_mainWeight = nullptr;
    QDoubleSpinBox* m_tailWeight = nullptr;
    QSpinBox* m_tailLength = nullptr;
    QDoubleSpinBox* m_rampFrom = nullptr;
    QDoubleSpinBox* m_rampTo = nullptr;
    bool m_updating = false;
};

}  // namespace i4::ui
