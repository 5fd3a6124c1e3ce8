#pragma once

#include <QImage>
#include <QWidget>

namespace i4::ui {

// The image as it emerges: the latest preview (or final image) scaled to fit, with the step
// counter, a progress bar and the time left drawn over it.
class PreviewView : public QWidget {
    Q_OBJECT

public:
    explicit PreviewView(QWidget* parent = nullptr);

    void setImage(const QImage& image);
    void setProgress(int step, int total, double etaSeconds);
    void setMessage(const QString& message);
    void clearProgress();
    QImage image() const { return m_image; }

    QSize sizeHint() const override { return {512, 512}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QImage m_image;
    QString m_message;
    int m_step = 0;
    int m_total = 0;
    double m_eta = 0;
};

}  // namespace i4::ui
