#include "ui/widgets/schedule_plot.h"

#include <QPainter>
#include <algorithm>

namespace i4::ui {

SchedulePlot::SchedulePlot(QWidget* parent) : QWidget(parent) {
    setMinimumHeight(50);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void SchedulePlot::setValues(const std::vector<float>& values) {
    m_values = values;
    update();
}

void SchedulePlot::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const QRectF area = QRectF(rect()).adjusted(24, 9, -4, -6);
    p.fillRect(rect(), palette().base());
    // Fixed scale up to 10 so that shapes are comparable between presets.
    const float top = std::max(
        10.0f, m_values.empty() ? 0.0f : *std::max_element(m_values.begin(), m_values.end()));
    p.setPen(palette().mid().color());
    for (float level : {0.0f, top / 2, top}) {
        const double y = area.bottom() - area.height() * level / top;
        p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
        p.drawText(QRectF(0, y - 8, 20, 16), Qt::AlignRight | Qt::AlignVCenter,
                   QString::number(double(level), 'g', 3));
    }
    if (m_values.empty()) return;
    const double barWidth = area.width() / double(m_values.size());
    const QColor bar = palette().highlight().color();
    for (size_t i = 0; i < m_values.size(); ++i) {
        const double h = area.height() * std::clamp(m_values[i] / top, 0.0f, 1.0f);
        p.fillRect(QRectF(area.left() + barWidth * double(i) + 0.5, area.bottom() - h,
                          std::max(1.0, barWidth - 1.0), h),
                   bar);
    }
}

}  // namespace i4::ui
