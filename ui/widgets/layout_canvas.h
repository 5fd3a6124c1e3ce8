#pragma once

#include <QVector>
#include <QWidget>

#include "ui/caption/caption.h"

namespace i4::ui {

// The image's layout: a page with the image's aspect ratio on which each caption element with
// a bbox is a box. Drag on empty space to draw a box, drag a box to move it, drag its corner
// handles to resize it. Boxes are reported as BBox ([y_min, x_min, y_max, x_max], 0..1000).
class LayoutCanvas : public QWidget {
    Q_OBJECT

public:
    explicit LayoutCanvas(QWidget* parent = nullptr);

    void setAspect(int width, int height);
    void setElements(const QVector<CaptionElement>& elements);
    void setSelected(int index);
    int selected() const { return m_selected; }

    // The page (image area) inside the widget, and the mappings between it and the 0..1000 grid.
    QRectF pageRect() const;
    BBox toBBox(const QRectF& widgetRect) const;
    QRectF toWidgetRect(const BBox& box) const;

    QSize sizeHint() const override { return {320, 240}; }
    QSize minimumSizeHint() const override { return {160, 160}; }

signals:
    void elementSelected(int index);
    void elementBoxChanged(int index, const i4::ui::BBox& box);
    void boxDrawn(const i4::ui::BBox& box);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    enum class Drag { None, Draw, Move, Resize };

    int elementAt(const QPointF& pos) const;
    int handleAt(const QPointF& pos) const;  // corner of the selected box: 0 TL, 1 TR, 2 BR, 3 BL
    QRectF clampToPage(const QRectF& rect) const;

    int m_aspectWidth = 1024;
    int m_aspectHeight = 1024;
    QVector<CaptionElement> m_elements;
    int m_selected = -1;

    Drag m_drag = Drag::None;
    int m_handle = -1;
    QPointF m_pressPos;
    QRectF m_pressRect;
    QRectF m_drawRect;
};

}  // namespace i4::ui
