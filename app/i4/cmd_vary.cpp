// `i4 vary IMAGE.png`: variations of an image (issue 26): image-to-image from the picture itself
// with its own caption and settings (from its PNG metadata), at the "subtle" or "strong" preset
// strength, with a new seed; --count pictures at once.

#include <csignal>
#include <filesystem>
#include <iostream>
#include <memory>
#include <random>
#include <string>

#include "app/i4/commands.h"
#include "app/i4/device_choice.h"
#include "app/i4/image_input_cli.h"
#include "app/i4/progress_bar.h"
#include "core/errors.h"
#include "core/image/png_io.h"
#include "core/image/sha256.h"
#include "core/pipeline/image_output.h"
#include "core/pipeline/model_hints.h"
#include "core/pipeline/pipeline.h"
#include "core/pipeline/request_settings.h"
#include "core/sampling/validation.h"

namespace i4::cli {
namespace {

namespace fs = std::filesystem;

std::atomic<bool> g_varyCancel{false};
void onVaryInterrupt(int) {
    g_varyCancel.store(true);
    std::signal(SIGINT, SIG_DFL);
}

struct VaryOptions {
    std::string image;
    std::string model;
    std::string prompt;
    double strength = pipeline::kVarySubtleStrength;
    bool strengthGiven = false;
    bool strong = false;
    int count = 4;
    uint64_t seed = 0;
    bool seedGiven = false;
    std::string device = "auto";
    std::string dtype = "auto";
    std::string out;
    bool overwrite = false;
};

int runVary(const VaryOptions& o) {
    if (o.count < 1 || o.count > 16) throw InputError("--count must be 1..16");
    if (o.strong && o.strengthGiven) throw InputError("--strong and --strength: give one");
    const double strength = o.strong ? pipeline::kVaryStrongStrength : o.strength;
    if (!(strength > 0.0 && strength <= 1.0)) throw InputError("--strength must be in (0, 1]");
    const image::PngFile png = image::readPng(o.image);

    // The picture's own request (caption, size, sampler settings, LoRAs), when it has one.
    pipeline::GenerationRequest request;
    std::string modelPath = o.model;
    const auto& doc = png.metadata.document;
    if (doc && doc->contains("request")) {
        request = pipeline::requestFromDocument(*doc);
        const std::size_t index = doc->value("prompt_index", std::size_t{0});
        request.prompts = {request.prompts.at(index)};
        if (modelPath.empty() && doc->contains("model") && (*doc)["model"].contains("path")) {
            const std::string path = (*doc)["model"]["path"].get<std::string>();
            if (fs::is_directory(path)) modelPath = path;
        }
    } else if (o.prompt.empty()) {
        throw InputError(o.image +
                         " has no i4studio metadata: give the caption with --prompt (and the "
                         "model with --model)");
    } else {
        request.width = png.image.width / sampling::kSizeMultiple * sampling::kSizeMultiple;
        request.height = png.image.height / sampling::kSizeMultiple * sampling::kSizeMultiple;
    }
    if (!o.prompt.empty()) request.prompts = {o.prompt};
    if (modelPath.empty()) {
        const auto demo = pipeline::findDemoModel(pipeline::currentExecutable());
        if (!demo) throw InputError("no --model given and the image names no model folder here");
        modelPath = demo->string();
    }
    const pipeline::ModelHints hints = pipeline::readModelHints(modelPath);
    if (hints.demo) request.uncheckedSize = true;
    if (!(doc && doc->contains("request")) && !hints.preset.empty()) request.preset = hints.preset;

    request.batch = o.count;
    if (o.seedGiven) {
        request.seed = o.seed;
    } else {
        std::random_device entropy;
        request.seed = entropy();
    }
    pipeline::ImageInput input;
    input.image = fs::absolute(o.image).lexically_normal().string();
    input.imageSha256 = image::sha256File(o.image);
    input.strength = strength;
    request.input = input;
    pipeline::validateRequest(request);
    std::cerr << "varying " << o.image << " " << (o.strong ? "strongly" : "subtly")
              << ": seed " << request.seed << ", " << o.count << " picture"
              << (o.count > 1 ? "s" : "") << "\n";
    describeImageInput(request, *pipeline::resolvedRequest(request).steps, std::cerr);

    // Output names: STEM-vary-SEED-N.png beside the source (or --out's stem); never replaced
    // unless --overwrite.
    const fs::path source(o.image);
    const fs::path stem = o.out.empty() ? source.parent_path() / (source.stem().string() + "-vary")
                                        : fs::path(o.out).parent_path() / fs::path(o.out).stem();
    std::vector<fs::path> paths;
    for (int i = 0; i < o.count; ++i) {
        paths.push_back(stem.string() + "-" + std::to_string(request.seed) + "-" +
                        std::to_string(i) + ".png");
        if (!o.overwrite && fs::exists(paths.back())) {
            throw InputError(paths.back().string() +
                             " already exists; add --overwrite, or choose another --out");
        }
    }

    pipeline::LoadOptions load;
    load.device = pipeline::resolveDevice(o.device);
    load.dtype = pipeline::resolveDtype(o.dtype, load.device);
    load.loras = request.loras;
    std::cerr << "loading " << modelPath << " on " << load.device << " (" << load.dtype << ")\n";
    const auto bundle = pipeline::ModelBundle::load(modelPath, load);
    ProgressBar bar(stderr);
    pipeline::GenerationCallbacks callbacks;
    callbacks.onStep = [&bar](const pipeline::StepInfo& step) { bar.update(step); };
    callbacks.cancel = &g_varyCancel;
    std::signal(SIGINT, onVaryInterrupt);
    pipeline::GenerationResult result;
    try {
        result = bundle->generate(request, callbacks);
    } catch (...) {
        bar.finish();
        throw;
    }
    bar.finish();
    for (std::size_t i = 0; i < result.images.size(); ++i) {
        pipeline::saveImage(result, i, *bundle, paths[i]);
        std::cout << paths[i].string() << "\n";
    }
    return kExitOk;
}

}  // namespace

Command addVaryCommand(CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "vary", "Variations of an image: image-to-image from it, with its caption and settings");
    auto o = std::make_shared<VaryOptions>();
    cmd->add_option("image", o->image, "A PNG (i4studio's metadata gives caption and settings)")
        ->required();
    cmd->add_option_function<double>(
        "--strength",
        [o](double v) {
            o->strength = v;
            o->strengthGiven = true;
        },
        "How much is redrawn, in (0, 1] (default: the subtle preset, 0.4)");
    cmd->add_flag("--strong", o->strong, "The strong preset (strength 0.75) instead");
    cmd->add_option("--count", o->count, "Pictures, each from its own noise (1..16)")
        ->capture_default_str();
    cmd->add_option("--seed", o->seed, "Noise seed (default: a random one, printed)")
        ->each([o](const std::string&) { o->seedGiven = true; });
    cmd->add_option("--prompt", o->prompt,
                    "Another caption (needed for a PNG without i4studio metadata)");
    cmd->add_option("--model", o->model,
                    "Model folder (default: the image's own, else the demo model)");
    cmd->add_option("--device", o->device, "auto, cuda or cpu")
        ->check(oneOf(kDeviceChoices))
        ->capture_default_str();
    cmd->add_option("--dtype", o->dtype, "auto, fp32 or bf16")
        ->check(oneOf(kDtypeChoices))
        ->capture_default_str();
    cmd->add_option("--out", o->out,
                    "Output stem: STEM-SEED-N.png (default IMAGE-vary-SEED-N.png beside it)");
    cmd->add_flag("--overwrite", o->overwrite, "Replace existing output files");
    return {cmd, [o] { return runVary(*o); }};
}

}  // namespace i4::cli
