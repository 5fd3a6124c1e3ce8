#include "ui/widgets/schedule_bars.h"

#include <QDoubleSpinBox>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace i4::ui {

namespace {

constexpr double kAxisWidth = 30.0;
constexpr double kLabelHeight = 16.0;  // room above the bars for the value labels
constexpr double kDragThreshold = 3.0;
constexpr double kSnap = 0.05;  // a dragged weight rounds to this

QString weightText(double value) { return QLocale().toString(value, 'g', 4); }

}  // namespace

ScheduleBars::ScheduleBars(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setFixedHeight(130);
    setCursor(Qt::SizeVerCursor);
    setToolTip(tr("Drag up or down to set steps; click a step to type its value."));
}

void ScheduleBars::setValues(const std::vector<float>& values) {
    m_values = values;
    if (m_editor) {
        m_editor->deleteLater();
        m_editor = nullptr;
    }
    if (!m_pressed) m_top = top();
    update();
}

double ScheduleBars::top() const {
    // A fixed scale up to 10 keeps shapes comparable between presets.
    const double highest =
        m_values.empty() ? 0.0 : double(*std::max_element(m_values.begin(), m_values.end()));
    return std::max(10.0, std::ceil(highest));
}

QRectF ScheduleBars::plotRect() const {
    return QRectF(rect()).adjusted(kAxisWidth, kLabelHeight + 2, -4, -4);
}

QRectF ScheduleBars::columnRect(int step) const {
    const QRectF area = plotRect();
    const double width = area.width() / double(std::max<size_t>(1, m_values.size()));
    return {area.left() + width * step, area.top(), width, area.height()};
}

double ScheduleBars::valueAt(double y) const {
    const QRectF area = plotRect();
    const double value = (area.bottom() - y) / area.height() * m_top;
    return std::clamp(std::round(value / kSnap) * kSnap, 0.0, std::min(m_top, m_maximum));
}

int ScheduleBars::stepAt(double x) const {
    if (m_values.empty()) return -1;
    const QRectF area = plotRect();
    const int step = int(std::floor((x - area.left()) / area.width() * double(m_values.size())));
    return std::clamp(step, 0, int(m_values.size()) - 1);
}

void ScheduleBars::setStep(int step, double value) {
    if (step < 0 || step >= int(m_values.size()) || m_values[size_t(step)] == float(value)) return;
    m_values[size_t(step)] = float(value);
    update();
    emit edited();
}

void ScheduleBars::editStep(int step) {
    if (step < 0 || step >= int(m_values.size())) return;
    delete m_editor;
    m_editor = new QDoubleSpinBox(this);
    m_editor->setObjectName(QStringLiteral("stepValue"));
    m_editor->setRange(0.0, m_maximum);
    m_editor->setDecimals(2);
    m_editor->setSingleStep(0.05);
    m_editor->setValue(double(m_values[size_t(step)]));
    m_editor->setToolTip(tr("Step %1").arg(step + 1));
    m_editor->setPrefix(tr("Step %1: ").arg(step + 1));
    m_editor->adjustSize();
    // Over the step's bar, kept inside the widget.
    const QRectF column = columnRect(step);
    const int x = std::clamp(int(column.center().x()) - m_editor->width() / 2, 0,
                             std::max(0, width() - m_editor->width()));
    m_editor->move(x, 0);
    m_editor->show();
    m_editor->setFocus();
    m_editor->selectAll();
    QDoubleSpinBox* editor = m_editor;
    connect(editor, &QDoubleSpinBox::editingFinished, this, [this, editor, step] {
        if (editor != m_editor) return;
        m_editor = nullptr;
        editor->deleteLater();
        setStep(step, editor->value());
    });
}

void ScheduleBars::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const QRectF area = plotRect();
    const double topValue = m_pressed ? m_top : top();
    p.setPen(palette().mid().color());
    for (double level : {0.0, topValue / 2, topValue}) {
        const double y = area.bottom() - area.height() * level / topValue;
        p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
        p.setPen(palette().text().color());
        p.drawText(QRectF(0, y - 8, kAxisWidth - 4, 16), Qt::AlignRight | Qt::AlignVCenter,
                   weightText(level));
        p.setPen(palette().mid().color());
    }
    if (m_values.empty()) return;
    const QColor bar = palette().highlight().color();
    QColor hoverBar = bar.lighter(130);
    const double columnWidth = area.width() / double(m_values.size());
    const double gap = columnWidth >= 4 ? 1.0 : 0.0;
    for (size_t i = 0; i < m_values.size(); ++i) {
        const double h = area.height() * std::clamp(double(m_values[i]) / topValue, 0.0, 1.0);
        p.fillRect(QRectF(area.left() + columnWidth * double(i) + gap / 2, area.bottom() - h,
                          std::max(1.0, columnWidth - gap), h),
                   int(i) == m_hover ? hoverBar : bar);
    }
    // One label per run of equal steps, over the run's middle, where it fits.
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    p.setFont(small);
    const QFontMetricsF metrics(small);
    p.setPen(palette().text().color());
    double lastRight = area.left() - 1;
    for (size_t start = 0; start < m_values.size();) {
        size_t end = start;
        while (end + 1 < m_values.size() && m_values[end + 1] == m_values[start]) ++end;
        const QString text = weightText(double(m_values[start]));
        const double runLeft = area.left() + columnWidth * double(start);
        const double runWidth = columnWidth * double(end - start + 1);
        const double textWidth = metrics.horizontalAdvance(text) + 2;
        const double h = area.height() * std::clamp(double(m_values[start]) / topValue, 0.0, 1.0);
        const double x = runLeft + runWidth / 2 - textWidth / 2;
        if (textWidth <= runWidth + columnWidth && x > lastRight) {
            const double y = std::max(0.0, area.bottom() - h - metrics.height() - 1);
            p.drawText(QRectF(x, y, textWidth, metrics.height()), Qt::AlignCenter, text);
            lastRight = x + textWidth;
        }
        start = end + 1;
    }
    if (m_hover >= 0 && m_hover < int(m_values.size()) && !m_editor) {
        const QString text =
            tr("Step %1: %2").arg(m_hover + 1).arg(weightText(double(m_values[size_t(m_hover)])));
        p.drawText(QRectF(area.left(), 0, area.width(), kLabelHeight),
                   Qt::AlignRight | Qt::AlignVCenter, text);
    }
}

void ScheduleBars::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || m_values.empty()) return;
    m_pressed = true;
    m_dragged = false;
    m_top = top();
    m_pressPos = event->position();
    m_pressStep = stepAt(m_pressPos.x());
}

void ScheduleBars::mouseMoveEvent(QMouseEvent* event) {
    const QPointF pos = event->position();
    const int step = stepAt(pos.x());
    if (step != m_hover) {
        m_hover = step;
        update();
    }
    if (!m_pressed) return;
    if (!m_dragged && QLineF(pos, m_pressPos).length() < kDragThreshold) return;
    if (!m_dragged) {
        m_dragged = true;
        setStep(m_pressStep, valueAt(pos.y()));
    }
    setStep(step, valueAt(pos.y()));
}

void ScheduleBars::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !m_pressed) return;
    m_pressed = false;
    if (!m_dragged) editStep(m_pressStep);  // a click: type the value
    update();
}

void ScheduleBars::leaveEvent(QEvent*) {
    m_hover = -1;
    update();
}

}  // namespace i4::ui
