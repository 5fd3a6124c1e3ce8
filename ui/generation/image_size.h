#pragma once

#include <QSize>

namespace i4::ui {

// The published size limits: each side a multiple of 16 in [256, 2048], aspect at most 6:1.
constexpr int kSizeStep = 16;
constexpr int kMinSide = 256;
constexpr int kMaxSide = 2048;
constexpr double kMaxAspect = 6.0;
// With "allow sizes outside the published limits" (test models) the least side drops to 16; the
// largest side and the aspect ratio stay (Note [size limits hold for every model] in
// core/sampling/validation.h), so this is kMaxSide.
constexpr int kMaxUncheckedSide = kMaxSide;

enum class SizeLimits { Published, Unchecked };

// Nearest allowed size: sides rounded to multiples of 16 and clamped, then the shorter side
// raised if the aspect ratio still exceeds 6:1. Unchecked: the least side may be 16.
QSize snapImageSize(QSize size, SizeLimits limits = SizeLimits::Published);
bool withinPublishedLimits(QSize size);
// About one megapixel at `aspectW:aspectH`, snapped.
QSize sizeForAspect(int aspectW, int aspectH);

}  // namespace i4::ui
