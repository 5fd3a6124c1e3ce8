#include "ui/generation/safety_placeholder.h"

#include <cmath>
#include <cstdlib>

namespace i4::ui {

bool looksLikeSafetyPlaceholder(const QImage& image) {
    if (image.isNull()) return false;
    // A 32x32 sample grid is plenty to tell a flat grey field from any real image.
    constexpr int kGrid = 32;
    double sum = 0;
    double sumSquares = 0;
    int samples = 0;
    for (int gy = 0; gy < kGrid; ++gy) {
        for (int gx = 0; gx < kGrid; ++gx) {
            const QRgb p = image.pixel(gx * (image.width() - 1) / (kGrid - 1),
                                       gy * (image.height() - 1) / (kGrid - 1));
            const int r = qRed(p), g = qGreen(p), b = qBlue(p);
            if (std::abs(r - g) > 12 || std::abs(g - b) > 12) return false;  // not grey
            const double luma = (r + g + b) / 3.0;
            sum += luma;
            sumSquares += luma * luma;
            ++samples;
        }
    }
    const double mean = sum / samples;
    const double variance = sumSquares / samples - mean * mean;
    return mean > 60 && mean < 200 && std::sqrt(std::max(variance, 0.0)) < 6.0;
}

}  // namespace i4::ui
