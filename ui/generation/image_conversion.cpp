#include "ui/generation/image_conversion.h"

#include <cstring>

namespace i4::ui {

QImage toQImage(const pipeline::RgbImage& image) {
    const qsizetype rowBytes = qsizetype(image.width) * 3;
    if (image.width <= 0 || image.height <= 0 ||
        image.pixels.size() < size_t(rowBytes) * size_t(image.height)) {
        return {};
    }
    QImage out(image.width, image.height, QImage::Format_RGB888);
    for (int y = 0; y < image.height; ++y) {
        // QImage rows are 4-byte aligned, so copy row by row.
        std::memcpy(out.scanLine(y), image.pixels.data() + rowBytes * y, size_t(rowBytes));
    }
    return out;
}

pipeline::RgbImage toRgbImage(const QImage& image) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    pipeline::RgbImage out;
    out.width = rgb.width();
    out.height = rgb.height();
    const size_t rowBytes = size_t(out.width) * 3;
    out.pixels.resize(rowBytes * size_t(out.height));
    for (int y = 0; y < out.height; ++y) {
        std::memcpy(out.pixels.data() + rowBytes * size_t(y), rgb.constScanLine(y), rowBytes);
    }
    return out;
}

}  // namespace i4::ui
