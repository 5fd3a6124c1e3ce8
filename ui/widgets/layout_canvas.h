#pragma once

#include <QVector>
#include <QWidget>

#include "ui/caption/caption.h"

namespace i4::ui {

// The image's layout: a page with the image's aspect ratio on which each caption element with
// a bbox is a box. Drag on empty space to draw a box, drag a box to move it, drag its corner
// handles to resize it (any box's corners, not only the selected one's). Delete removes the
// selected box's element; the context menu offers the same and more. Boxes are reported as BBox
// ([y_min, x_min, y_max, x_max], 0..1000).
class LayoutCanvas : public QWidget {
    Q_OBJECT

public:
    explicit LayoutCanvas(QWidget* parent = nullptr);

    void setAspect(int width, int height);
    void setElements(const QVector<CaptionElement>& elements);
    void setSelected(int index);
    int selected() const { return m_selected; }
    // True between the press and the release of a move or resize: the caption editor records
    // one undo step per drag, not one per mouse move.
    bool isDragging() const { return m_drag == Drag::Move || m_drag == Drag::Resize; }

    // The page (image area) inside the widget, and the mappings between it and the 0..1000 grid.
    QRectF pageRect() const;
    BBox toBBox(const QRectF& widgetRect) const;
    QRectF toWidgetRect(const BBox& box) const;

    QSize sizeHint() const override { return {320, 240}; }
    QSize minimumSizeHint() const override { return {120, 100}; }

signals:
    void elementSelected(int index);
    void elementBoxChanged(int index, const i4::ui::BBox& box);
    void boxDrawn(const i4::ui::BBox& box);
    // A move or resize ended (the box changed at least once during it).
    void dragFinished();
    void deleteRequested(int index);
    // From the context menu on empty space: a new element at a default box around `center`.
    void addRequested(bool text, const i4::ui::BBox& box);
    void moveRequested(int index, int delta);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    enum class Drag { None, Draw, Move, Resize };

    int elementAt(const QPointF& pos) const;
    // A box corner under `pos` as (element, corner: 0 TL, 1 TR, 2 BR, 3 BL): the selected box
    // first, then the others topmost first; {-1, -1} if none.
    std::pair<int, int> handleAt(const QPointF& pos) const;
    QRectF clampToPage(const QRectF& rect) const;

    int m_aspectWidth = 1024;
    int m_aspectHeight = 1024;
    QVector<CaptionElement> m_elements;
    int m_selected = -1;

    Drag m_drag = Drag::None;
    int m_handle = -1;
    bool m_dragChanged = false;
    QPointF m_pressPos;
    QRectF m_pressRect;
    QRectF m_drawRect;
};

}  // namespace i4::ui
