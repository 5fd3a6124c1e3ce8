#pragma once

#include <QImage>
#include <QObject>
#include <QVector>

#include "ui/gallery/gallery_record.h"

class QThreadPool;

namespace i4::ui {

class GalleryStore;

// Saves finished images into the gallery without stalling the UI: PNG encoding runs on a
// single background thread (so images keep their order), indexing back on the UI thread.
class GalleryWriter : public QObject {
    Q_OBJECT

public:
    explicit GalleryWriter(GalleryStore* store, QObject* parent = nullptr);
    ~GalleryWriter() override;

    void save(const QVector<QImage>& images, const pipeline::GenerationRequest& request,
              const QString& modelId);
    int pending() const { return m_pending; }

signals:
    void saved(const i4::ui::GalleryRecord& record);
    void failed(const QString& message);

private:
    void onWritten(GalleryRecord record, bool ok, const QString& error);

    GalleryStore* m_store;
    QThreadPool* m_pool;
    int m_pending = 0;
};

}  // namespace i4::ui
