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
    // Lineage (Note [gallery lineage]): the sha256 of this PNG's bytes, and of the image it was
    // made from ("" for text-to-image that no gallery action started).
    QString imageSha256;
    QString sourceSha256;

    QString prompt() const;
    QString sizeText() const;
    // A short label for the thumbnail: a structured caption's high-level description (or its
    // background), otherwise the prompt's first line.
    QString title() const;
};

// What the gallery shows; empty or zero fields do not filter.
struct GalleryFilter {
    QString text;  // substring of the prompt
    QString preset;
    QString size;  // "WxH"
    QString modelId;
    int maxAgeDays = 0;
    bool favouritesOnly = false;
    // Only this image and everything made from it, at any depth (sha256 of its PNG).
    QString lineageOf;
};

}  // namespace i4::ui

Q_DECLARE_METATYPE(i4::ui::GalleryRecord)
