#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include "core/pipeline/generation_request.h"

namespace i4::ui {

// One image in the gallery, as indexed: the file (relative to the gallery folder) and the
// request that made it.
struct GalleryRecord {
    qint64 id = 0;
    QString fileName;
    pipeline::GenerationRequest request;
    QString modelId;
    QDateTime created;
    bool favourite = false;

    QString prompt() const;
    QString sizeText() const;
};

// What the gallery shows; empty or zero fields do not filter.
struct GalleryFilter {
    QString text;  // substring of the prompt
    QString preset;
    QString size;  // "WxH"
    QString modelId;
    int maxAgeDays = 0;
    bool favouritesOnly = false;
};

}  // namespace i4::ui

Q_DECLARE_METATYPE(i4::ui::GalleryRecord)
