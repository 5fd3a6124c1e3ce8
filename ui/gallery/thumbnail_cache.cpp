#include "ui/gallery/thumbnail_cache.h"

#include <QImageReader>
#include <QRunnable>
#include <QThreadPool>
#include <climits>

namespace i4::ui {

namespace {

// Enough for a few thousand thumbnails at 160 px.
constexpr int kCacheKiB = 96 * 1024;

QImage loadScaled(const QString& path, int edge) {
    QImageReader reader(path);
    const QSize full = reader.size();
    if (full.isValid()) reader.setScaledSize(full.scaled(edge, edge, Qt::KeepAspectRatio));
    return reader.read();
}

}  // namespace

ThumbnailCache::ThumbnailCache(int edge, QObject* parent)
    : QObject(parent), m_edge(edge), m_cache(kCacheKiB), m_pool(new QThreadPool(this)) {
    // One decoder is plenty for a grid and leaves the CPU to the engine.
    m_pool->setMaxThreadCount(1);
}

ThumbnailCache::~ThumbnailCache() {
    m_pool->clear();
    m_pool->waitForDone();
}

std::optional<QPixmap> ThumbnailCache::thumbnail(const QString& path) {
    if (const QPixmap* cached = m_cache.object(path)) return *cached;
    if (!m_pending.contains(path)) {
        m_pending.insert(path);
        const int edge = m_edge;
        // The destructor waits for the pool, so `this` outlives every task; the queued call is
        // bound to `this` and dropped if it is gone by the time the event loop gets to it.
        // Newest first: after a fast scroll the queue holds every page scrolled past, and the
        // page now on screen should not wait behind them. Priorities wrap after 2^31 requests.
        m_requests = m_requests == INT_MAX ? 0 : m_requests + 1;
        QRunnable* load = QRunnable::create([this, path, edge] {
            const QImage image = loadScaled(path, edge);
            // Back to the UI thread: QPixmap may only be made there.
            QMetaObject::invokeMethod(
                this, [this, path, image] { onLoaded(path, image); }, Qt::QueuedConnection);
        });
        m_pool->start(load, m_requests);
    }
    return std::nullopt;
}

void ThumbnailCache::forget(const QString& path) { m_cache.remove(path); }

void ThumbnailCache::onLoaded(const QString& path, const QImage& image) {
    m_pending.remove(path);
    if (image.isNull()) return;
    auto* pixmap = new QPixmap(QPixmap::fromImage(image));
    const int cost = std::max(1, int(image.sizeInBytes() / 1024));
    m_cache.insert(path, pixmap, cost);
    emit thumbnailReady(path);
}

}  // namespace i4::ui
