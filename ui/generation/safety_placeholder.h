#pragma once

#include <QImage>

namespace i4::ui {

// True for the model's flat grey "blocked by safety filter" output, so the UI can explain it
// (usually a plain-text or malformed caption) instead of showing an unexplained grey square.
bool looksLikeSafetyPlaceholder(const QImage& image);

}  // namespace i4::ui
