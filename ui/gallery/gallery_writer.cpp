#include "ui/gallery/gallery_writer.h"

#include <QThreadPool>

#include "ui/gallery/gallery_store.h"

namespace i4::ui {

GalleryWriter::GalleryWriter(GalleryStore* store, QObject* parent)
    : QObject(parent), m_store(store), m_pool(new QThreadPool(this)) {
    m_pool->setMaxThreadCount(1);
}

GalleryWriter::~GalleryWriter() {
    // Finish the writes already started: a result the user waited for must not be lost.
    m_pool->waitForDone();
}

void GalleryWriter::save(const QVector<QImage>& images, const pipeline::GenerationRequest& request,
                         const QString& modelId) {
    if (!m_store->isOpen()) return;
    for (const QImage& image : images) {
        GalleryRecord record = m_store->prepare(request, modelId);
        ++m_pending;
        m_pool->start([this, record, image]() mutable {
            QString error;
            const bool ok = m_store->writeImage(record, image, &error);
            // Hashed here, off the UI thread (a few milliseconds for a large PNG).
            if (ok) record.imageSha256 = fileSha256(m_store->imagePath(record));
            QMetaObject::invokeMethod(
                this, [this, record, ok, error] { onWritten(record, ok, error); },
                Qt::QueuedConnection);
        });
    }
}

void GalleryWriter::onWritten(GalleryRecord record, bool ok, const QString& error) {
    --m_pending;
    QString indexError;
    if (!ok) {
        emit failed(error);
    } else if (!m_store->index(record, &indexError)) {
        emit failed(indexError);
    } else {
        emit saved(record);
    }
}

}  // namespace i4::ui
