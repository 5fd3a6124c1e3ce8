#pragma once

#include <QWidget>
#include <vector>

namespace i4::ui {

// A small read-only chart of the guidance schedule, one bar per step in step order.
class SchedulePlot : public QWidget {
    Q_OBJECT

public:
    explicit SchedulePlot(QWidget* parent = nullptr);
    void setValues(const std::vector<float>& values);
    QSize sizeHint() const override { return {240, 70}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<float> m_values;
};

}  // namespace i4::ui
