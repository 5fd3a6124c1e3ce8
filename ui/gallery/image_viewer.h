#pragma once

#include <QDialog>

class QLabel;

namespace i4::ui {

class ZoomImageView;

// The full-size viewer the gallery opens on a double-click: the image at any zoom (see
// ZoomImageView), fit / 100 % / zoom buttons, copy to the clipboard, the previous / next image
// of the grid (buttons, Left / Right). One window, reused.
class ImageViewer : public QDialog {
    Q_OBJECT

public:
    explicit ImageViewer(QWidget* parent = nullptr);

    // False (and the window left as it was) when the file is not an image.
    bool showImage(const QString& path, const QString& title);
    QString path() const { return m_path; }
    ZoomImageView* view() const { return m_view; }
    void copyImage();

signals:
    // -1 previous, +1 next: the gallery answers with showImage().
    void stepRequested(int delta);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    ZoomImageView* m_view = nullptr;
    QLabel* m_info = nullptr;
    QString m_path;
};

}  // namespace i4::ui
