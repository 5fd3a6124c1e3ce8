#pragma once

#include <QImage>
#include <QList>
#include <QMargins>
#include <QPointF>
#include <QRect>
#include <QWidget>

namespace i4::ui {

// Note [mask canvas]
// The input image with its inpainting mask painted over it (issue 26). The mask is a greyscale
// image of the input's size: white = repaint, black = keep, grey = partly (a soft edge), the
// convention of the mask files other tools read and of ImageInput::mask. The canvas extension
// (outpainting) is drawn around the picture, hatched: it is always repainted, so it is not part
// of the mask. Tools: a round brush and an eraser with a size and a softness (the brush's fall-off,
// 0 = hard edge), and a rectangle (drag a box; filled white).
class MaskCanvas : public QWidget {
    Q_OBJECT

public:
    enum class Tool { Brush, Eraser, Rectangle };

    explicit MaskCanvas(QWidget* parent = nullptr);

    void setImage(const QImage& image);  // clears the mask
    const QImage& image() const { return m_image; }
    void setMask(const QImage& mask);  // any size: scaled to the image
    const QImage& mask() const { return m_mask; }  // Format_Grayscale8, the image's size
    bool hasMask() const;                           // any pixel above black
    void clearMask();
    void invertMask();
    // Takes back the last stroke, rectangle, clear or invert (up to kUndoDepth of them).
    void undo();
    bool canUndo() const { return !m_history.isEmpty(); }
    static constexpr int kUndoDepth = 30;

    void setTool(Tool tool) { m_tool = tool; }
    Tool tool() const { return m_tool; }
    void setBrushSize(int pixels) { m_brushSize = qMax(1, pixels); }  // diameter, image pixels
    int brushSize() const { return m_brushSize; }
    void setSoftness(double softness) { m_softness = qBound(0.0, softness, 1.0); }
    double softness() const { return m_softness; }
    void setExtension(const QMargins& extension);
    QMargins extension() const { return m_extension; }

    // Image pixels <-> widget pixels (for tests and the tools).
    QPointF toImage(const QPointF& widgetPoint) const;
    QPointF toWidget(const QPointF& imagePoint) const;

    QSize sizeHint() const override { return {320, 260}; }

signals:
    void maskChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    void remember();  // the mask as it is, before a change
    void dab(const QPointF& at);
    void strokeTo(const QPointF& to);
    void refreshOverlay();
    double scale() const;
    QPointF origin() const;  // widget position of the canvas's top-left (extension included)

    QImage m_image;
    QImage m_mask;
    QImage m_overlay;  // the mask as translucent red, redrawn on change
    QList<QImage> m_history;  // earlier masks, newest last
    QMargins m_extension;
    Tool m_tool = Tool::Brush;
    int m_brushSize = 24;
    double m_softness = 0.5;
    bool m_painting = false;
    QPointF m_last;
    QPointF m_rectStart;
    QRectF m_rubberBand;  // image coordinates, while a rectangle is dragged
};

}  // namespace i4::ui
