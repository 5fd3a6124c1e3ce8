#include "ui/generation/image_size.h"

#include <algorithm>
#include <cmath>

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
    if (aspectW <= 0 || aspectH <= 0) return {1024, 1024};
    const double pixels = 1024.0 * 1024.0;
    const double h = std::sqrt(pixels * aspectH / aspectW);
    return snapImageSize(QSize(int(std::lround(h * aspectW / aspectH)), int(std::lround(h))));
}

}  // namespace i4::ui
