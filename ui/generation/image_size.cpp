#include "ui/generation/image_size.h"

#include <algorithm>
#include <cmath>

#include "core/pipeline/request_settings.h"

namespace i4::ui {

namespace {

int snapSide(double side, int minSide, int maxSide) {
    const int rounded = int(std::lround(side / kSizeStep)) * kSizeStep;
    return std::clamp(rounded, minSide, maxSide);
}

int roundUpToStep(double side) { return int(std::ceil(side / kSizeStep)) * kSizeStep; }

}  // namespace

QSize snapImageSize(QSize size, SizeLimits limits) {
    const int minSide = limits == SizeLimits::Unchecked ? kSizeStep : kMinSide;
    int w = snapSide(size.width(), minSide, kMaxSide);
    int h = snapSide(size.height(), minSide, kMaxSide);
    if (w > h * kMaxAspect) h = roundUpToStep(w / kMaxAspect);
    if (h > w * kMaxAspect) w = roundUpToStep(h / kMaxAspect);
    return {w, h};
}

bool withinPublishedLimits(QSize size) { return snapImageSize(size) == size; }

QSize sizeForAspect(int aspectW, int aspectH) {
    // The published model's native size (Note [model-aware defaults]).
    const pipeline::ImageSize size = pipeline::sizeForAspect(aspectW, aspectH, {});
    return snapImageSize(QSize(size.width, size.height));
}

}  // namespace i4::ui
