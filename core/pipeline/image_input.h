#pragma once

// Working from an image (issue 26), the Torch-free half: reading the input image and mask,
// extending the canvas (outpainting) and bringing it to the request's size. The CLI and the GUI
// call describeFit() to say what will happen to the picture before it runs.

#include <cstdint>
#include <string>
#include <vector>

#include "core/pipeline/generation_request.h"
#include "core/pipeline/pipeline.h"

namespace i4::pipeline {

// How the canvas (image + extension) becomes width x height.
struct CanvasFit {
    int sourceWidth = 0, sourceHeight = 0;  // the image as read
    int canvasWidth = 0, canvasHeight = 0;  // with the extension
    int width = 0, height = 0;              // the request's size
    InputFit fit = InputFit::Crop;
    double scaleX = 1, scaleY = 1;  // canvas -> scaled canvas
    int cropLeft = 0, cropTop = 0;  // pixels of the scaled canvas cut on the left / top
    int cropRight = 0, cropBottom = 0;
    bool identity() const;
    // One line for the CLI and the GUI, e.g. "input 640x480 scaled by 0.8 and cropped to
    // 512x384 (32 px cut left and right)".
    std::string describe() const;
};

// The most pixels the canvas (image + extension) may hold: as many as a PNG we decode.
inline constexpr int64_t kMaxCanvasPixels = 4096ll * 4096;

CanvasFit planCanvasFit(int sourceWidth, int sourceHeight, const CanvasExtension& extend,
                        InputFit fit, int width, int height);

// The input ready for the engine: the canvas at the request's size, and the repaint mask.
struct PreparedInput {
    RgbImage image;            // width x height
    std::vector<float> mask;   // width * height in [0, 1], 1 = repaint; empty = no mask
    CanvasFit fit;
    std::string imageSha256;   // of the image file's bytes
    std::string maskSha256;    // of the mask file's bytes ("" without a mask file)
};

// Reads `input.image` (and `input.mask`) as PNGs, checks the sha256 recorded in the request when
// there is one (a different file is an InputError saying so: a remix of an image whose source
// changed), extends, fits and feathers. A mask of another size than the image is stretched to it.
PreparedInput prepareInput(const ImageInput& input, int width, int height);

// How many of `steps` an input of `strength` runs (Note [image-to-image]): max(1, round(S N)).
int stepsForStrength(int steps, double strength);

// One line for the CLI and the GUI: "strength 0.6: the last 7 of 12 steps, from the picture" or
// "strength 1: all 12 steps, from noise", plus what is repainted ("the mask's white",
// "the extended canvas").
std::string describeInput(const ImageInput& input, int steps);

// The pieces, for tests and the GUI: box-filtered resampling of 8-bit RGB and of a float plane.
RgbImage resampleRgb(const RgbImage& image, int width, int height);
std::vector<float> resamplePlane(const std::vector<float>& plane, int width, int height,
                                 int newWidth, int newHeight);
// Softens the mask's edge `radius` pixels into the kept area (repainted pixels stay 1).
std::vector<float> featherMask(const std::vector<float>& mask, int width, int height, int radius);

// The final composite in pixel space: mask * generated + (1 - mask) * input, rounded.
RgbImage compositeWithMask(const RgbImage& generated, const RgbImage& input,
                           const std::vector<float>& mask);

}  // namespace i4::pipeline
