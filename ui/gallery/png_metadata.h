#pragma once

#include <QDateTime>
#include <QImage>
#include <QString>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/pipeline/generation_request.h"

namespace i4::ui {

// What every gallery PNG carries, so that the index can be rebuilt from the images alone.
struct ImageMetadata {
    pipeline::GenerationRequest request;
    QString modelId;
    QDateTime created;
    // Note [gallery lineage]: the image this one was made from when the request does not say
    // (a "same caption, new seed" variation); "" otherwise.
    QString sourceSha256;
};

// Note [gallery PNG metadata]: written and read through core/image/png_io.h: the `i4studio`
// iTXt document is {"format": "i4studio-image", "version": 1, "app": {"name", "version"},
// "request": GenerationRequest::toJson(), "model": ..., "created": ISO-8601, and, for a
// variation whose request names no input image, "variation_of": the source's sha256},
// plus the `parameters` text other image tools show. The gallery touches metadata only through
// these two functions.
bool writeImageWithMetadata(const QString& path, const QImage& image, const ImageMetadata& metadata,
                            QString* error = nullptr);
// Images made by the GUI and by the `i4` command line both read back.
std::optional<ImageMetadata> readImageMetadata(const QString& path);
// The model's name in a document: the GUI's string, or "folder (hash)" from the CLI's object.
QString modelIdFromDocument(const nlohmann::json& document);

}  // namespace i4::ui
