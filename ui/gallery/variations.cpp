#include "ui/gallery/variations.h"

#include <QRandomGenerator>

namespace i4::ui {

pipeline::GenerationRequest variationRequest(const GalleryRecord& source, const QString& path,
                                             const QString& sha256, VariationKind kind,
                                             uint64_t seed) {
    pipeline::GenerationRequest request = source.request;
    if (request.prompts.size() > 1) request.prompts.resize(1);
    request.batch = 1;
    request.seed = seed;
    if (kind == VariationKind::NewSeed) return request;
    pipeline::ImageInput input;
    input.image = path.toStdString();
    input.imageSha256 = sha256.toStdString();
    input.strength = kind == VariationKind::Subtle ? pipeline::kVarySubtleStrength
                                                   : pipeline::kVaryStrongStrength;
    // The image is the request's size already; cropping keeps every pixel then.
    input.fit = pipeline::InputFit::Crop;
    request.input = input;
    return request;
}

uint64_t freshSeed(uint64_t avoid) {
    uint64_t seed = avoid;
    while (seed == avoid) seed = QRandomGenerator::global()->bounded(quint64(1) << 32);
    return seed;
}

}  // namespace i4::ui
