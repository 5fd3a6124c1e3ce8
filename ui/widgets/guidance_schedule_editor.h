#pragma once

#include <QWidget>
#include <vector>

class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace i4::ui {

class ScheduleBars;

// The schedule as bars, one per step in step order (first, noisiest step on the left), that are
// dragged or clicked to type a value (ScheduleBars), plus helper rows that fill the whole
// schedule. A line names the schedule in effect, and a mark shows which helper row, with the
// values in its boxes, makes exactly that schedule. Changing the step count keeps the shape
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
    void showInEffect();
    void applyUserSchedule(const std::vector<float>& values);
    void replaceValues(const std::vector<float>& values);
    void describeInHelpers();

    std::vector<float> m_values;
    QSpinBox* m_steps = nullptr;
    ScheduleBars* m_bars = nullptr;
    QLabel* m_inEffect = nullptr;
    QLabel* m_allMark = nullptr;
    QLabel* m_mainTailMark = nullptr;
    QLabel* m_rampMark = nullptr;
    QDoubleSpinBox* m_allWeight = nullptr;
    QDoubleSpinBox* m_mainWeight = nullptr;
    QDoubleSpinBox* m_tailWeight = nullptr;
    QSpinBox* m_tailLength = nullptr;
    QDoubleSpinBox* m_rampFrom = nullptr;
    QDoubleSpinBox* m_rampTo = nullptr;
    bool m_updating = false;
};

}  // namespace i4::ui
