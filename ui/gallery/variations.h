#pragma once

#include <QString>
#include <cstdint>

#include "ui/gallery/gallery_record.h"

namespace i4::ui {

enum class VariationKind {
    Subtle,   // image-to-image from the image at kVarySubtleStrength, new seed
    Strong,   // ... at kVaryStrongStrength
    NewSeed,  // the same request with a new seed
};

// The request a variation of `source` (whose PNG is `path`, with sha256 `sha256`) queues. Every
// setting of the source is kept (caption, size, preset, steps, guidance, LoRAs) but the seed and,
// for Subtle/Strong, the input: the source image itself, so the new PNG names its source
// (Note [gallery lineage]). One image, whatever the source's batch was.
pipeline::GenerationRequest variationRequest(const GalleryRecord& source, const QString& path,
                                             const QString& sha256, VariationKind kind,
                                             uint64_t seed);

// A fresh seed, drawn as the generation panel draws its random ones (32 bits), never `avoid`.
uint64_t freshSeed(uint64_t avoid);

}  // namespace i4::ui
