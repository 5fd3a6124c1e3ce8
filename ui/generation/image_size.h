#pragma once

#include <QSize>

namespace i4::ui {

// The published size limits: each side a multiple of 16 in [256, 2048], aspect at most 6:1.
constexpr int kSizeStep = 16;
constexpr int kMinSide = 256;
constexpr int kMaxSide = 2048;
constexpr double kMaxAspect = 6.0;
// With "allow sizes outside the published limits" (test models): any multiple of 16 up to this.
constexpr int kMaxUncheckedSide = 4096;

enum class SizeLimits { Published, Unchecked };

// Nearest allowed size: sides rounded to multiples of 16 and clamped, then the shorter side
// raised if the aspect ratio still exceeds 6:1. Unchecked: only the multiple of 16 and
// [16, kMaxUncheckedSide] remain.
QSize snapImageSize(QSize size, SizeLimits limits = SizeLimits::Published);
bool withinPublishedLimits(QSize size);
// About one megapixel at `aspectW:aspectH`, snapped.
QSize sizeForAspect(int aspectW, int aspectH);

}  // namespace i4::ui
