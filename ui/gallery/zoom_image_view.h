#pragma once

#include <QImage>
#include <QPointF>
#include <QWidget>

namespace i4::ui {

// One image at any zoom: fitted to the widget, or at a fixed scale (screen pixels per image
// pixel) around a centre given as a fraction of the image (0..1 on each axis), so that views of
// images of different sizes can show the same place. Wheel zooms about the cursor, dragging pans,
// double-click switches between fit and 100 % at the clicked point; keys: + - 0 (fit) 1 (100 %).
class ZoomImageView : public QWidget {
    Q_OBJECT

public:
    struct State {
        bool fit = true;
        double zoom = 1.0;         // ignored while fit
        QPointF centre{0.5, 0.5};  // ignored while fit
        bool operator==(const State& other) const;
    };

    static constexpr double kMinZoom = 0.05;
    static constexpr double kMaxZoom = 32.0;

    explicit ZoomImageView(QWidget* parent = nullptr);

    void setImage(const QImage& image);
    const QImage& image() const { return m_image; }

    State state() const { return m_state; }
    // Clamped to the zoom range; emits viewChanged() only when something changed.
    void setState(const State& state);
    // The scale in effect (the fitted one while fit).
    double effectiveZoom() const;
    QPointF effectiveCentre() const;

    void fit();
    void actualSize();
    // Zooms by `factor` keeping the image point under `anchor` (widget coordinates) in place;
    // the widget's centre when none is given.
    void zoomBy(double factor, QPointF anchor = QPointF(-1, -1));
    void panBy(QPointF widgetDelta);
    // Where an image pixel lands in the widget, and back.
    QPointF mapFromImage(QPointF imagePoint) const;
    QPointF mapToImage(QPointF widgetPoint) const;

    QSize sizeHint() const override { return {480, 480}; }

signals:
    void viewChanged(const i4::ui::ZoomImageView::State& state);

protected:
    void paintEvent(QPaintEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    double fitZoom() const;

    QImage m_image;
    State m_state;
    bool m_dragging = false;
    QPointF m_lastDrag;
};

}  // namespace i4::ui
