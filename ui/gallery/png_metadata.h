#pragma once

#include <QDateTime>
#include <QImage>
#include <QString>
#include <optional>

#include "core/pipeline/generation_request.h"

namespace i4::ui {

// What every gallery PNG carries, so that the index can be rebuilt from the images alone.
struct ImageMetadata {
    pipeline::GenerationRequest request;
    QString modelId;
    QDateTime created;
};

// Note [gallery PNG metadata]: one iTXt/tEXt chunk, key "i4studio", holding
// {"request": GenerationRequest::toJson(), "model": ..., "created": ISO-8601}. The gallery reads
// and writes metadata only through these two functions, so moving to core/image/png_io.h
// touches this file pair alone.
bool writeImageWithMetadata(const QString& path, const QImage& image, const ImageMetadata& metadata,
                            QString* error = nullptr);
std::optional<ImageMetadata> readImageMetadata(const QString& path);

}  // namespace i4::ui
