#pragma once

#include <QCache>
#include <QImage>
#include <QObject>
#include <QPixmap>
#include <QSet>

class QThreadPool;

namespace i4::ui {

// Decodes and scales thumbnails on a thread pool and keeps the recent ones. thumbnail() never
// blocks: it returns what is cached (or nothing) and schedules the load; thumbnailReady() says
// when to ask again.
class ThumbnailCache : public QObject {
    Q_OBJECT

public:
    explicit ThumbnailCache(int edge, QObject* parent = nullptr);
    ~ThumbnailCache() override;

    std::optional<QPixmap> thumbnail(const QString& path);
    void forget(const QString& path);
    int edge() const { return m_edge; }

signals:
    void thumbnailReady(const QString& path);

private:
    void onLoaded(const QString& path, const QImage& image);

    int m_edge;
    QCache<QString, QPixmap> m_cache;
    QSet<QString> m_pending;
    int m_requests = 0;  // the newest request decodes first, see thumbnail()
    QThreadPool* m_pool = nullptr;
};

}  // namespace i4::ui
