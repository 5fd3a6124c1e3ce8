#include "app/i4/image_input_cli.h"

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <vector>

#include "core/errors.h"
#include "core/image/png_io.h"
#include "core/image/sha256.h"
#include "core/pipeline/image_input.h"

namespace i4::cli {
namespace {

pipeline::CanvasExtension parseExtend(const std::string& text) {
    std::vector<int> values;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) {
        char* end = nullptr;
        const long v = std::strtol(item.c_str(), &end, 10);
        if (item.empty() || !end || *end != '\0' || v < 0 || v > pipeline::kMaxCanvasExtension) {
            throw InputError("--extend: '" + item +
                             "' is not a pixel count 0..4096 (expected L,T,R,B or one number)");
        }
        values.push_back(static_cast<int>(v));
    }
    if (values.size() == 1) values.assign(4, values.front());
    if (values.size() != 4)
        throw InputError("--extend: expected four numbers L,T,R,B (or one for every side)");
    return {values[0], values[1], values[2], values[3]};
}

}  // namespace

void addImageInputOptions(CLI::App* cmd, const std::shared_ptr<ImageInputOptions>& o) {
    cmd->add_option("--init-image", o->initImage,
                    "Work from this PNG (image-to-image; with --mask or --extend, inpainting or "
                    "outpainting). It is fitted to --width x --height as --fit says");
    cmd->add_option_function<double>(
           "--strength",
           [o](double v) {
               o->strength = v;
               o->strengthGiven = true;
           },
           "How much of the picture is redrawn, in (0, 1]: the last round(S x steps) steps run; "
           "1 = from noise (default 0.6, or 1 with --mask/--extend)");
    cmd->add_option("--mask", o->mask,
                    "Inpainting mask PNG: white = repaint, black = keep, grey = partly (a soft "
                    "edge); any size, stretched to the input image");
    cmd->add_option("--extend", o->extend,
                    "Outpainting: pixels added to the input's left,top,right,bottom (or one "
                    "number for every side); the new area is painted");
    cmd->add_option("--fit", o->fit,
                    "How the input meets the output size: crop (scale to cover, centre crop) or "
                    "stretch")
        ->check(CLI::IsMember({"crop", "stretch"}))
        ->capture_default_str();
    cmd->add_option("--feather", o->feather,
                    "Soften the mask's edge this many pixels into the kept area (0..256)")
        ->capture_default_str();
}

void applyImageInput(const ImageInputOptions& o, pipeline::GenerationRequest& request) {
    if (o.initImage.empty()) {
        if (o.strengthGiven || !o.mask.empty() || !o.extend.empty() || o.feather != 0)
            throw InputError("--strength, --mask, --extend and --feather need --init-image");
        return;
    }
    // Absolute paths in the request (and so in the PNG), so that a remix finds the files from
    // anywhere.
    pipeline::ImageInput input;
    input.image = std::filesystem::absolute(o.initImage).lexically_normal().string();
    if (!o.mask.empty())
        input.mask = std::filesystem::absolute(o.mask).lexically_normal().string();
    if (!o.extend.empty()) input.extend = parseExtend(o.extend);
    input.fit = *pipeline::inputFitFromName(o.fit);
    if (o.feather < 0 || o.feather > pipeline::kMaxMaskFeather)
        throw InputError("--feather must be 0..256 pixels");
    input.feather = o.feather;
    input.strength = o.strengthGiven ? o.strength
                     : input.hasMask() ? pipeline::kInpaintStrength
                                       : kDefaultImageStrength;
    if (!(input.strength > 0.0 && input.strength <= 1.0)) {
        std::ostringstream text;
        text << "--strength must be in (0, 1] (got " << o.strength << ")";
        throw InputError(text.str());
    }
    // Read and checked now (and hashed into the request, so the PNG's metadata names the very
    // files), before any model loads.
    const pipeline::PreparedInput prepared =
        pipeline::prepareInput(input, request.width, request.height);
    input.imageSha256 = prepared.imageSha256;
    input.maskSha256 = prepared.maskSha256;
    request.input = input;
}

void describeImageInput(const pipeline::GenerationRequest& request, int steps, std::ostream& log) {
    if (!request.input) return;
    const pipeline::ImageInput& in = *request.input;
    const image::PngFile png = image::readPng(in.image);
    const pipeline::CanvasFit fit = pipeline::planCanvasFit(
        png.image.width, png.image.height, in.extend, in.fit, request.width, request.height);
    log << "input " << in.image << " (sha256 " << in.imageSha256.substr(0, 12) << "…): "
        << fit.describe() << "\n";
    log << pipeline::describeInput(in, steps);
    if (!in.mask.empty()) log << "; mask " << in.mask;
    log << "\n";
}

}  // namespace i4::cli
