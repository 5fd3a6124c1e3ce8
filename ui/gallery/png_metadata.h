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

// Note [gallery PNG metadata]: written and read through core/image/png_io.h: the `i4studio`
// iTXt document is {"request": GenerationRequest::toJson(), "model": ..., "created": ISO-8601},
// plus the `parameters` text other image tools show. The gallery touches metadata only through
// these two functions.
bool writeImageWithMetadata(const QString& path, const QImage& image, const ImageMetadata& metadata,
                            QString* error = nullptr);
std::optional<ImageMetadata> readImageMetadata(const QString& path);

}  // namespace i4::ui
