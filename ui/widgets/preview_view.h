#pragma once

#include <QImage>
#include <QVector>
#include <QWidget>

namespace i4::ui {

// The image as it emerges: the latest preview (or final image) scaled to fit, with the step
// counter, a progress bar and the time left drawn over it. A batch of several images is a
// contact sheet: one cell per image, finished ones kept, the one being made live in its cell.
// A cancelled image stays visible greyed out under a "Cancelled" banner, so that it cannot be
// taken for a result.
class PreviewView : public QWidget {
    Q_OBJECT

public:
    explicit PreviewView(QWidget* parent = nullptr);

    // The live preview of the image being made.
    void setImage(const QImage& image);
    void setProgress(int step, int total, double etaSeconds);
    void setMessage(const QString& message);
    void clearProgress();
    // The live preview, or else the newest finished (not cancelled) picture.
    QImage image() const;

    // `count` more images are coming: a new sheet when `fresh` (nothing else queued) or the last
    // sheet is complete, else more cells on it.
    void beginBatch(int count, bool fresh);
    // Cells still waiting go (their jobs left the queue).
    void dropWaiting();
    // The current cell's finished picture; the next cell becomes current.
    void addResult(const QImage& image);
    // The current cell was cancelled (or failed): its partial picture is kept, marked.
    void markCancelled();
    int cellCount() const { return int(m_cells.size()); }
    bool isCancelled(int cell) const;
    QImage cellImage(int cell) const;
    QRect cellRect(int cell) const;

    QSize sizeHint() const override { return {512, 512}; }
    QSize minimumSizeHint() const override { return {160, 160}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    struct Cell {
        QImage image;
        bool done = false;
        bool cancelled = false;
    };
    int currentCell() const;
    int cellAt(const QPoint& pos) const;
    void paintImage(QPainter& p, const QRect& area, const QImage& image, bool cancelled) const;

    QImage m_image;
    QString m_message;
    QVector<Cell> m_cells;
    int m_step = 0;
    int m_total = 0;
    double m_eta = 0;
};

}  // namespace i4::ui
