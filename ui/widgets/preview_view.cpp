#include "ui/widgets/preview_view.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <cmath>

namespace i4::ui {

namespace {

constexpr int kCellGap = 6;

}  // namespace

PreviewView::PreviewView(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void PreviewView::setImage(const QImage& image) {
    m_image = image;
    if (m_cells.isEmpty()) {
        m_cells.push_back({});
    } else if (currentCell() < 0) {
        // A new image after a finished sheet (no beginBatch): a fresh single cell.
        m_cells = {Cell{}};
    }
    update();
}

QImage PreviewView::image() const {
    if (!m_image.isNull()) return m_image;
    for (int i = int(m_cells.size()) - 1; i >= 0; --i) {
        if (m_cells[i].done && !m_cells[i].cancelled && !m_cells[i].image.isNull()) {
            return m_cells[i].image;
        }
    }
    return {};
}

void PreviewView::setProgress(int step, int total, double etaSeconds) {
    m_step = step;
    m_total = total;
    m_eta = etaSeconds;
    update();
}

void PreviewView::setMessage(const QString& message) {
    m_message = message;
    update();
}

void PreviewView::clearProgress() {
    m_step = 0;
    m_total = 0;
    update();
}

int PreviewView::currentCell() const {
    for (int i = 0; i < m_cells.size(); ++i) {
        if (!m_cells[i].done) return i;
    }
    return -1;
}

void PreviewView::beginBatch(int count, bool fresh) {
    if (count <= 0) return;
    if (fresh || currentCell() < 0) {
        m_cells.clear();
        m_image = QImage();
    }
    for (int i = 0; i < count; ++i) m_cells.push_back({});
    update();
}

void PreviewView::dropWaiting() {
    const int current = currentCell();
    if (current < 0) return;
    while (m_cells.size() > current && !m_cells.back().done) m_cells.pop_back();
    update();
}

void PreviewView::addResult(const QImage& image) {
    int cell = currentCell();
    if (cell < 0) {
        m_cells = {Cell{}};
        cell = 0;
    }
    m_cells[cell] = {image, true, false};
    m_image = QImage();
    update();
}

void PreviewView::markCancelled() {
    const int cell = currentCell();
    if (cell < 0) return;
    m_cells[cell] = {m_image, true, true};
    m_image = QImage();
    update();
}

bool PreviewView::isCancelled(int cell) const {
    return cell >= 0 && cell < m_cells.size() && m_cells[cell].cancelled;
}

QImage PreviewView::cellImage(int cell) const {
    if (cell < 0 || cell >= m_cells.size()) return {};
    return m_cells[cell].done ? m_cells[cell].image : (cell == currentCell() ? m_image : QImage());
}

QRect PreviewView::cellRect(int cell) const {
    const int n = std::max(1, int(m_cells.size()));
    const int columns = int(std::ceil(std::sqrt(double(n))));
    const int rows = (n + columns - 1) / columns;
    if (n == 1) return rect();
    const int w = (width() - kCellGap * (columns + 1)) / columns;
    const int h = (height() - kCellGap * (rows + 1)) / rows;
    return {kCellGap + (cell % columns) * (w + kCellGap),
            kCellGap + (cell / columns) * (h + kCellGap), w, h};
}

int PreviewView::cellAt(const QPoint& pos) const {
    for (int i = 0; i < m_cells.size(); ++i) {
        if (cellRect(i).contains(pos)) return i;
    }
    return -1;
}

void PreviewView::paintImage(QPainter& p, const QRect& area, const QImage& image,
                             bool cancelled) const {
    const QSize fitted = image.size().scaled(area.size(), Qt::KeepAspectRatio);
    const QRect target(area.center() - QPoint(fitted.width() / 2, fitted.height() / 2), fitted);
    // Latent-size previews are tiny; smooth scaling keeps them from looking like mosaics.
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    if (!cancelled) {
        p.drawImage(target, image);
        return;
    }
    // Grey and dimmed, under a banner: half-denoised noise must not look like a result.
    p.drawImage(target, image.convertToFormat(QImage::Format_Grayscale8));
    p.fillRect(target, QColor(0, 0, 0, 140));
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    const QRect banner(target.left(), target.center().y() - 18, target.width(), 36);
    p.fillRect(banner, QColor(160, 30, 30, 220));
    p.setPen(Qt::white);
    p.drawText(banner, Qt::AlignCenter | Qt::TextWordWrap, tr("Cancelled — not a finished image"));
    p.setFont(font());
}

void PreviewView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().dark());
    const bool sheet = m_cells.size() > 1;
    if (!sheet) {
        const bool cancelled = isCancelled(0);
        const QImage shown = m_cells.isEmpty() ? m_image : cellImage(0);
        if (!shown.isNull()) {
            paintImage(p, rect(), shown, cancelled);
        } else {
            p.setPen(palette().brightText().color());
            p.drawText(rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap,
                       m_message.isEmpty() ? tr("The image appears here while it is generated.")
                                           : m_message);
        }
    } else {
        const int current = currentCell();
        for (int i = 0; i < m_cells.size(); ++i) {
            const QRect cell = cellRect(i);
            p.fillRect(cell, palette().shadow());
            const QImage shown = cellImage(i);
            if (!shown.isNull()) {
                paintImage(p, cell, shown, m_cells[i].cancelled);
            } else {
                p.setPen(palette().mid().color());
                p.drawText(cell, Qt::AlignCenter, i == current ? tr("Starting…") : tr("Waiting"));
            }
            // Which image of the batch, and the one being made outlined.
            p.setPen(Qt::white);
            p.drawText(cell.adjusted(6, 4, -6, -4), Qt::AlignLeft | Qt::AlignTop,
                       QLocale().toString(i + 1));
            if (i == current) {
                p.setPen(QPen(palette().highlight().color(), 2));
                p.drawRect(cell.adjusted(1, 1, -1, -1));
            }
        }
    }
    if (m_total <= 0) return;
    const QRect bar(12, height() - 34, width() - 24, 22);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0, 0, 0, 150));
    p.drawRoundedRect(bar, 6, 6);
    QRect filled = bar;
    filled.setWidth(bar.width() * m_step / m_total);
    p.setBrush(palette().highlight());
    p.drawRoundedRect(filled, 6, 6);
    p.setPen(Qt::white);
    const QString text = tr("Step %1 of %2 — about %3 s left")
                             .arg(QLocale().toString(m_step), QLocale().toString(m_total),
                                  QLocale().toString(int(std::ceil(m_eta))));
    p.drawText(bar, Qt::AlignCenter, text);
}

void PreviewView::contextMenuEvent(QContextMenuEvent* event) {
    const int cell = cellAt(event->pos());
    const QImage image = cell >= 0 ? cellImage(cell) : m_image;
    QMenu menu(this);
    QAction* copy = menu.addAction(tr("Copy image"), this,
                                   [image] { QApplication::clipboard()->setImage(image); });
    copy->setEnabled(!image.isNull() && !isCancelled(cell));
    QAction* clear = menu.addAction(tr("Clear"), this, [this] {
        if (currentCell() >= 0) return;  // not while a batch is being made
        m_cells.clear();
        m_image = QImage();
        update();
    });
    clear->setEnabled(currentCell() < 0 && !m_cells.isEmpty());
    menu.exec(event->globalPos());
}

}  // namespace i4::ui
