#pragma once

#include <QSize>

namespace i4::ui {

// The published size limits: each side a multiple of 16 in [256, 2048], aspect at most 6:1.
constexpr int kSizeStep = 16;
constexpr int kMinSide = 256;
constexpr int kMaxSide = 2048;
constexpr double kMaxAspect = 6.0;

// Nearest allowed size: sides rounded to multiples of 16 and clamped, then the shorter side
// raised if the aspect ratio still exceeds 6:1.
QSize snapImageSize(QSize size);
// About one megapixel at `aspectW:aspectH`, snapped.
QSize sizeForAspect(int aspectW, int aspectH);

}  // namespace i4::ui
