#pragma once

#include <QWidget>
#include <vector>

class QDoubleSpinBox;

namespace i4::ui {

// The guidance schedule as one bar per step, in step order (first, noisiest step on the left),
// and the way to edit it: drag up or down on the bars to set steps (across several at once),
// click one bar to type its value. Each run of equal steps is labelled with its value; the step
// under the mouse is named in the corner. One widget for the chart and the controls, so a bar
// and what changes it are always in the same place.
class ScheduleBars : public QWidget {
    Q_OBJECT

public:
    explicit ScheduleBars(QWidget* parent = nullptr);

    void setValues(const std::vector<float>& values);
    const std::vector<float>& values() const { return m_values; }
    void setMaximum(double maximum) { m_maximum = maximum; }

    // Geometry, for tests and for the typed-value editor: the plot area and one step's column.
    QRectF plotRect() const;
    QRectF columnRect(int step) const;
    double valueAt(double y) const;
    double top() const;  // the value at the top of the plot
    // Opens the box to type step `step`'s value (what a click does).
    void editStep(int step);
    QDoubleSpinBox* stepEditor() const { return m_editor; }

    QSize sizeHint() const override { return {260, 130}; }
    QSize minimumSizeHint() const override { return {120, 100}; }

signals:
    // The user set these steps (a drag or a typed value); values() already holds them.
    void edited();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    int stepAt(double x) const;
    void setStep(int step, double value);

    std::vector<float> m_values;
    double m_maximum = 20.0;
    double m_top = 10.0;  // frozen while dragging, so the scale does not move under the mouse
    int m_hover = -1;
    bool m_pressed = false;
    bool m_dragged = false;
    QPointF m_pressPos;
    int m_pressStep = -1;
    QDoubleSpinBox* m_editor = nullptr;
};

}  // namespace i4::ui
