#pragma once

// Working from an image on the command line (issue 26): `i4 generate --init-image IN.png
// --strength S [--mask MASK.png] [--extend L,T,R,B] [--fit crop|stretch] [--feather PX]`, and
// `i4 vary IMAGE.png`.

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>
#include <string>

#include "core/pipeline/generation_request.h"

namespace i4::cli {

// Image-to-image without a mask starts here unless --strength says otherwise; with a mask or an
// extension the repainted area starts from noise (strength 1).
inline constexpr double kDefaultImageStrength = 0.6;

struct ImageInputOptions {
    std::string initImage;
    double strength = 0;
    bool strengthGiven = false;
    std::string mask;
    std::string extend;  // "L,T,R,B" or one number for every side
    std::string fit = "crop";
    int feather = 0;
};

void addImageInputOptions(CLI::App* cmd, const std::shared_ptr<ImageInputOptions>& options);

// Sets request.input from the options (nothing without --init-image; --strength, --mask and the
// rest without it are an InputError) and checks the files now, before any model loads.
void applyImageInput(const ImageInputOptions& options, pipeline::GenerationRequest& request);

// Says on `log` what will happen to the picture: its fit to the request's size (cropped or
// stretched), the steps the strength runs and what is repainted. `steps` is the resolved count.
void describeImageInput(const pipeline::GenerationRequest& request, int steps, std::ostream& log);

}  // namespace i4::cli
