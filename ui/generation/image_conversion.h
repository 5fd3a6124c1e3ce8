#pragma once

#include <QImage>

#include "core/pipeline/pipeline.h"

namespace i4::ui {

// The one place a pipeline::RgbImage becomes a QImage. Always a deep copy, so the engine may
// reuse its buffer as soon as the call returns.
QImage toQImage(const pipeline::RgbImage& image);

}  // namespace i4::ui
