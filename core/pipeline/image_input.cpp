#include "core/pipeline/image_input.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/errors.h"
#include "core/image/png_io.h"
#include "core/image/sha256.h"
#include "core/sampling/image_to_image.h"

namespace i4::pipeline {
namespace {

std::string readBytes(const std::string& path, const char* what) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(std::string("cannot read the ") + what + " " + path);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::string sizeText(int w, int h) { return std::to_string(w) + "x" + std::to_string(h); }

// One axis of a separable resample: `in` holds `count` lines of `inLen` samples with `stride`
// between samples and `lineStride` between lines. Downscaling averages each output pixel's
// footprint (box filter, fractional edges); upscaling interpolates linearly between centres.
void resampleAxis(const std::vector<float>& in, std::vector<float>& out, int inLen, int outLen,
                  int count, int inStride, int inLineStride, int outStride, int outLineStride) {
    const double ratio = static_cast<double>(inLen) / outLen;
    for (int o = 0; o < outLen; ++o) {
        if (ratio > 1.0) {
            const double lo = o * ratio, hi = (o + 1) * ratio;
            for (int line = 0; line < count; ++line) {
                double sum = 0;
                for (int i = static_cast<int>(lo); i < inLen && i < hi; ++i) {
                    const double w = std::min<double>(i + 1, hi) - std::max<double>(i, lo);
                    sum += w * in[static_cast<size_t>(line) * inLineStride +
                                  static_cast<size_t>(i) * inStride];
                }
                out[static_cast<size_t>(line) * outLineStride + static_cast<size_t>(o) * outStride] =
                    static_cast<float>(sum / ratio);
            }
        } else {
            const double centre = std::clamp((o + 0.5) * ratio - 0.5, 0.0, inLen - 1.0);
            const int i0 = static_cast<int>(centre);
            const int i1 = std::min(i0 + 1, inLen - 1);
            const double f = centre - i0;
            for (int line = 0; line < count; ++line) {
                const size_t base = static_cast<size_t>(line) * inLineStride;
                const double a = in[base + static_cast<size_t>(i0) * inStride];
                const double b = in[base + static_cast<size_t>(i1) * inStride];
                out[static_cast<size_t>(line) * outLineStride + static_cast<size_t>(o) * outStride] =
                    static_cast<float>(a + (b - a) * f);
            }
        }
    }
}

// Planes of `channels` interleaved floats, resampled to newWidth x newHeight.
std::vector<float> resampleInterleaved(const std::vector<float>& in, int width, int height,
                                       int channels, int newWidth, int newHeight) {
    if (width == newWidth && height == newHeight) return in;
    std::vector<float> out(static_cast<size_t>(newWidth) * newHeight * channels);
    std::vector<float> plane(static_cast<size_t>(width) * height);
    std::vector<float> wide(static_cast<size_t>(newWidth) * height);
    std::vector<float> done(static_cast<size_t>(newWidth) * newHeight);
    for (int c = 0; c < channels; ++c) {
        for (size_t p = 0; p < plane.size(); ++p) plane[p] = in[p * channels + c];
        resampleAxis(plane, wide, width, newWidth, height, 1, width, 1, newWidth);  // rows
        resampleAxis(wide, done, height, newHeight, newWidth, newWidth, 1, newWidth, 1);  // columns
        for (size_t p = 0; p < done.size(); ++p) out[p * channels + c] = done[p];
    }
    return out;
}

// Crops `w x h` at (left, top) out of an interleaved plane of `width` columns.
std::vector<float> cropInterleaved(const std::vector<float>& in, int width, int channels,
                                   int left, int top, int w, int h) {
    std::vector<float> out(static_cast<size_t>(w) * h * channels);
    for (int y = 0; y < h; ++y) {
        const auto* src = &in[(static_cast<size_t>(y + top) * width + left) * channels];
        std::copy(src, src + static_cast<size_t>(w) * channels,
                  &out[static_cast<size_t>(y) * w * channels]);
    }
    return out;
}

std::vector<float> applyFit(const std::vector<float>& canvas, int channels, const CanvasFit& f) {
    const int scaledW = f.width + f.cropLeft + f.cropRight;
    const int scaledH = f.height + f.cropTop + f.cropBottom;
    const std::vector<float> scaled =
        resampleInterleaved(canvas, f.canvasWidth, f.canvasHeight, channels, scaledW, scaledH);
    if (scaledW == f.width && scaledH == f.height) return scaled;
    return cropInterleaved(scaled, scaledW, channels, f.cropLeft, f.cropTop, f.width, f.height);
}

void boxBlur(std::vector<float>& plane, int width, int height, int radius) {
    std::vector<float> tmp(plane.size());
    const auto pass = [&](const std::vector<float>& in, std::vector<float>& out, int len,
                          int lines, int stride, int lineStride) {
        for (int line = 0; line < lines; ++line) {
            for (int i = 0; i < len; ++i) {
                double sum = 0;
                for (int k = -radius; k <= radius; ++k) {
                    const int j = std::clamp(i + k, 0, len - 1);
                    sum += in[static_cast<size_t>(line) * lineStride + static_cast<size_t>(j) * stride];
                }
                out[static_cast<size_t>(line) * lineStride + static_cast<size_t>(i) * stride] =
                    static_cast<float>(sum / (2 * radius + 1));
            }
        }
    };
    pass(plane, tmp, width, height, 1, width);
    pass(tmp, plane, height, width, width, 1);
}

}  // namespace

bool CanvasFit::identity() const {
    return canvasWidth == width && canvasHeight == height && scaleX == 1.0 && scaleY == 1.0;
}

std::string CanvasFit::describe() const {
    std::string text = "input " + sizeText(sourceWidth, sourceHeight);
    if (canvasWidth != sourceWidth || canvasHeight != sourceHeight)
        text += ", extended to " + sizeText(canvasWidth, canvasHeight);
    if (canvasWidth == width && canvasHeight == height) return text + ", used as it is";
    char scale[64];
    if (fit == InputFit::Stretch) {
        std::snprintf(scale, sizeof scale, "%.3g x %.3g", scaleX, scaleY);
        return text + ", stretched to " + sizeText(width, height) + " (scaled by " + scale + ")";
    }
    std::snprintf(scale, sizeof scale, "%.3g", scaleX);
    text += std::string(", scaled by ") + scale;
    if (cropLeft + cropRight + cropTop + cropBottom == 0)
        return text + " to " + sizeText(width, height);
    text += " and cropped to " + sizeText(width, height) + " (";
    if (cropLeft + cropRight > 0)
        text += std::to_string(cropLeft + cropRight) + " px cut from the left and right";
    if (cropTop + cropBottom > 0) {
        if (cropLeft + cropRight > 0) text += ", ";
        text += std::to_string(cropTop + cropBottom) + " px from the top and bottom";
    }
    return text + ")";
}

CanvasFit planCanvasFit(int sourceWidth, int sourceHeight, const CanvasExtension& extend,
                        InputFit fit, int width, int height) {
    if (sourceWidth <= 0 || sourceHeight <= 0 || width <= 0 || height <= 0)
        throw InputError("input image: empty image or size");
    if (extend.left < 0 || extend.top < 0 || extend.right < 0 || extend.bottom < 0 ||
        extend.left > kMaxCanvasExtension || extend.top > kMaxCanvasExtension ||
        extend.right > kMaxCanvasExtension || extend.bottom > kMaxCanvasExtension) {
        throw InputError("input.extend: each side must be between 0 and 4096 pixels");
    }
    // The canvas is worked on as floats: bounded like a decoded PNG (4096 x 4096 pixels).
    const int64_t canvasW = int64_t(sourceWidth) + extend.left + extend.right;
    const int64_t canvasH = int64_t(sourceHeight) + extend.top + extend.bottom;
    if (canvasW * canvasH > kMaxCanvasPixels) {
        throw InputError("input: the image with its extension is " + std::to_string(canvasW) +
                         "x" + std::to_string(canvasH) + " pixels; at most " +
                         std::to_string(kMaxCanvasPixels / 1000000) + " megapixels");
    }
    CanvasFit f;
    f.sourceWidth = sourceWidth;
    f.sourceHeight = sourceHeight;
    f.canvasWidth = sourceWidth + extend.left + extend.right;
    f.canvasHeight = sourceHeight + extend.top + extend.bottom;
    f.width = width;
    f.height = height;
    f.fit = fit;
    const double sx = static_cast<double>(width) / f.canvasWidth;
    const double sy = static_cast<double>(height) / f.canvasHeight;
    if (fit == InputFit::Stretch) {
        f.scaleX = sx;
        f.scaleY = sy;
        return f;
    }
    const double s = std::max(sx, sy);
    f.scaleX = f.scaleY = s;
    const int scaledW = std::max(width, static_cast<int>(std::lround(f.canvasWidth * s)));
    const int scaledH = std::max(height, static_cast<int>(std::lround(f.canvasHeight * s)));
    f.cropLeft = (scaledW - width) / 2;
    f.cropRight = scaledW - width - f.cropLeft;
    f.cropTop = (scaledH - height) / 2;
    f.cropBottom = scaledH - height - f.cropTop;
    return f;
}

int stepsForStrength(int steps, double strength) {
    return sampling::stepsForStrength(steps, strength);
}

std::string describeInput(const ImageInput& input, int steps) {
    char strength[32];
    std::snprintf(strength, sizeof strength, "%g", input.strength);
    const int run = stepsForStrength(steps, input.strength);
    std::string text = std::string("strength ") + strength + ": ";
    text += run == steps ? "all " + std::to_string(steps) + " steps, from noise"
                         : "the last " + std::to_string(run) + " of " + std::to_string(steps) +
                               " steps, from the picture";
    if (!input.mask.empty() && input.extend.any()) {
        text += "; repainting the mask's white and the extended canvas";
    } else if (!input.mask.empty()) {
        text += "; repainting the mask's white, the rest kept";
    } else if (input.extend.any()) {
        text += "; painting the extended canvas, the picture kept";
    }
    if (input.feather > 0) text += " (edge softened by " + std::to_string(input.feather) + " px)";
    return text;
}

RgbImage resampleRgb(const RgbImage& image, int width, int height) {
    std::vector<float> in(image.pixels.begin(), image.pixels.end());
    const std::vector<float> out = resampleInterleaved(in, image.width, image.height, 3, width, height);
    RgbImage result{width, height, {}};
    result.pixels.resize(out.size());
    for (size_t i = 0; i < out.size(); ++i)
        result.pixels[i] = static_cast<uint8_t>(std::clamp(std::lround(out[i]), 0L, 255L));
    return result;
}

std::vector<float> resamplePlane(const std::vector<float>& plane, int width, int height,
                                 int newWidth, int newHeight) {
    return resampleInterleaved(plane, width, height, 1, newWidth, newHeight);
}

std::vector<float> featherMask(const std::vector<float>& mask, int width, int height, int radius) {
    if (radius <= 0 || mask.empty()) return mask;
    std::vector<float> soft = mask;
    // Two box passes of half the radius each: a tent reaching `radius` pixels out.
    const int half = std::max(1, radius / 2);
    boxBlur(soft, width, height, half);
    boxBlur(soft, width, height, radius - half > 0 ? radius - half : half);
    // Spread outwards from the repainted area only: what the user painted stays repainted.
    for (size_t i = 0; i < soft.size(); ++i) soft[i] = std::max(mask[i], std::min(1.0f, soft[i] * 2.0f));
    return soft;
}

RgbImage compositeWithMask(const RgbImage& generated, const RgbImage& input,
                           const std::vector<float>& mask) {
    if (generated.width != input.width || generated.height != input.height ||
        mask.size() != static_cast<size_t>(input.width) * input.height) {
        throw Error("composite: the image, the input and the mask differ in size");
    }
    RgbImage out = generated;
    for (size_t p = 0; p < mask.size(); ++p) {
        const float m = std::clamp(mask[p], 0.0f, 1.0f);
        for (size_t c = 0; c < 3; ++c) {
            const size_t i = p * 3 + c;
            if (m == 0.0f) {
                out.pixels[i] = input.pixels[i];
            } else if (m < 1.0f) {
                const float v = m * generated.pixels[i] + (1.0f - m) * input.pixels[i];
                out.pixels[i] = static_cast<uint8_t>(std::clamp(std::lround(v), 0L, 255L));
            }
        }
    }
    return out;
}

PreparedInput prepareInput(const ImageInput& input, int width, int height) {
    if (input.image.empty()) throw InputError("input.image: no input image given");
    if (!(input.strength > 0.0 && input.strength <= 1.0))
        throw InputError("input.strength must be in (0, 1]");
    PreparedInput prepared;
    const std::string bytes = readBytes(input.image, "input image");
    prepared.imageSha256 = image::sha256Hex(bytes);
    if (!input.imageSha256.empty() && input.imageSha256 != prepared.imageSha256) {
        throw InputError("the input image " + input.image +
                         " is not the one the request names (its sha256 is " +
                         prepared.imageSha256 + ", the request's " + input.imageSha256 + ")");
    }
    const RgbImage source = image::decodePng(bytes, input.image).image;
    const int sw = source.width, sh = source.height;
    prepared.fit = planCanvasFit(sw, sh, input.extend, input.fit, width, height);
    const CanvasFit& f = prepared.fit;

    // The canvas: the image at (left, top), its edge pixels repeated into the extension.
    std::vector<float> canvas(static_cast<size_t>(f.canvasWidth) * f.canvasHeight * 3);
    for (int y = 0; y < f.canvasHeight; ++y) {
        const int sy = std::clamp(y - input.extend.top, 0, sh - 1);
        for (int x = 0; x < f.canvasWidth; ++x) {
            const int sx = std::clamp(x - input.extend.left, 0, sw - 1);
            for (int c = 0; c < 3; ++c) {
                canvas[(static_cast<size_t>(y) * f.canvasWidth + x) * 3 + c] =
                    source.pixels[(static_cast<size_t>(sy) * sw + sx) * 3 + c];
            }
        }
    }
    const std::vector<float> fitted = applyFit(canvas, 3, f);
    prepared.image = {width, height, {}};
    prepared.image.pixels.resize(fitted.size());
    for (size_t i = 0; i < fitted.size(); ++i)
        prepared.image.pixels[i] = static_cast<uint8_t>(std::clamp(std::lround(fitted[i]), 0L, 255L));

    if (!input.hasMask()) return prepared;
    std::vector<float> imageMask(static_cast<size_t>(sw) * sh, 0.0f);
    if (!input.mask.empty()) {
        const std::string maskBytes = readBytes(input.mask, "mask");
        prepared.maskSha256 = image::sha256Hex(maskBytes);
        if (!input.maskSha256.empty() && input.maskSha256 != prepared.maskSha256) {
            throw InputError("the mask " + input.mask + " is not the one the request names (its " +
                             "sha256 is " + prepared.maskSha256 + ", the request's " +
                             input.maskSha256 + ")");
        }
        const RgbImage mask = image::decodePng(maskBytes, input.mask).image;
        std::vector<float> grey(static_cast<size_t>(mask.width) * mask.height);
        for (size_t p = 0; p < grey.size(); ++p) {
            grey[p] = (mask.pixels[3 * p] + mask.pixels[3 * p + 1] + mask.pixels[3 * p + 2]) /
                      (3.0f * 255.0f);
        }
        imageMask = resamplePlane(grey, mask.width, mask.height, sw, sh);
    }
    std::vector<float> canvasMask(static_cast<size_t>(f.canvasWidth) * f.canvasHeight, 1.0f);
    for (int y = 0; y < sh; ++y) {
        for (int x = 0; x < sw; ++x) {
            canvasMask[static_cast<size_t>(y + input.extend.top) * f.canvasWidth + x +
                       input.extend.left] = imageMask[static_cast<size_t>(y) * sw + x];
        }
    }
    prepared.mask = featherMask(applyFit(canvasMask, 1, f), width, height, input.feather);
    for (float& m : prepared.mask) m = std::clamp(m, 0.0f, 1.0f);
    return prepared;
}

}  // namespace i4::pipeline
