#pragma once

#include <QImage>

#include "core/pipeline/pipeline.h"

namespace i4::ui {

// The one place a pipeline::RgbImage becomes a QImage. Always a deep copy, so the engine may
// reuse its buffer as soon as the call returns.
QImage toQImage(const pipeline::RgbImage& image);
// And back, for writing PNGs through core: any QImage format, alpha dropped.
pipeline::RgbImage toRgbImage(const QImage& image);

}  // namespace i4::ui
