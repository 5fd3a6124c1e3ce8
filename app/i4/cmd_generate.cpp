#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "app/i4/commands.h"
#include "app/i4/progress_bar.h"
#include "core/errors.h"
#include "core/pipeline/image_output.h"
#include "core/pipeline/model_hints.h"
#include "core/pipeline/pipeline.h"
#include "core/pipeline/request_settings.h"

namespace i4::cli {
namespace {

namespace fs = std::filesystem;

std::atomic<bool> g_cancel{false};

// First Ctrl-C: stop cleanly after the current step. Second: the default action.
void onInterrupt(int) {
    g_cancel.store(true);
    std::signal(SIGINT, SIG_DFL);
}

struct GenerateOptions {
    std::string model;
    std::vector<std::string> prompts;
    std::vector<std::string> promptFiles;
    std::string preset = "V4_DEFAULT_20";
    int steps = 0;
    std::string guidanceSchedule;
    double guidance = -1;
    double mu = 0;
    double stddev = 0;
    bool haveMu = false;
    bool haveStd = false;
    int width = 1024;
    int height = 1024;
    bool presetGiven = false;
    bool widthGiven = false;
    bool heightGiven = false;
    uint64_t seed = 0;
    int batch = 1;
    std::string device = "cpu";
    std::string dtype = "fp32";
    std::string out = "i4.png";
    std::string saveLatents;
    bool uncheckedSize = false;
    bool strictCaption = false;
};

std::string readPromptFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError("cannot read prompt file " + path);
    std::ostringstream text;
    text << in.rdbuf();
    std::string prompt = text.str();
    while (!prompt.empty() && (prompt.back() == '\n' || prompt.back() == '\r')) prompt.pop_back();
    if (prompt.find_first_not_of(" \t\r\n") == std::string::npos) {
        throw InputError("prompt file " + path + " is empty");
    }
    return prompt;
}

std::vector<float> parseSchedule(const std::string& text) {
    std::vector<float> values;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) {
        try {
            std::size_t used = 0;
            values.push_back(std::stof(item, &used));
            if (item.find_first_not_of(" \t", used) != std::string::npos)
                throw std::invalid_argument(item);
        } catch (const std::exception&) {
            throw InputError("--guidance-schedule: '" + item + "' is not a number");
        }
    }
    return values;
}

// Fails before any work when the output folder cannot take the images.
void checkWritableFolder(const fs::path& out) {
    const fs::path dir = out.has_parent_path() ? out.parent_path() : fs::path(".");
    if (!fs::is_directory(dir))
        throw InputError("output folder " + dir.string() + " does not exist");
    const fs::path probe = dir / ".i4-write-test";
    std::ofstream test(probe);
    if (!test) throw InputError("output folder " + dir.string() + " is not writable");
    test.close();
    fs::remove(probe);
}

std::vector<fs::path> outputPaths(const fs::path& out, std::size_t count) {
    if (count == 1) return {out};
    std::vector<fs::path> paths;
    const fs::path stem = out.parent_path() / out.stem();
    const std::string ext = out.has_extension() ? out.extension().string() : ".png";
    for (std::size_t i = 0; i < count; ++i)
        paths.push_back(stem.string() + "-" + std::to_string(i) + ext);
    return paths;
}

int runGenerate(GenerateOptions o) {
    // No --model: the demo model shipped with i4studio, at the size it was trained for.
    if (o.model.empty()) {
        const auto demo = pipeline::findDemoModel(pipeline::currentExecutable());
        if (!demo) {
            throw InputError(
                "no --model given and the demo model was not found (looked next to the program, "
                "in the source tree and in $I4_DEMO_MODEL)");
        }
        o.model = demo->string();
        std::cerr << "no --model given: using the demo model (" << o.model << ")\n";
    }
    const pipeline::ModelHints hints = pipeline::readModelHints(o.model);
    if (hints.hasNativeSize()) {
        if (!o.widthGiven) o.width = hints.nativeWidth;
        if (!o.heightGiven) o.height = hints.nativeHeight;
        o.uncheckedSize = true;  // the model states its own sizes
    }
    // The model's own sampler settings, unless the command line chose them.
    if (!hints.preset.empty() && !o.presetGiven) o.preset = hints.preset;
    if (hints.guidance && o.guidance < 0 && o.guidanceSchedule.empty()) o.guidance = *hints.guidance;
    pipeline::GenerationRequest request;
    request.prompts = o.prompts;
    for (const auto& file : o.promptFiles) request.prompts.push_back(readPromptFile(file));
    if (request.prompts.empty()) throw InputError("give at least one --prompt or --prompt-file");
    for (const auto& p : request.prompts) {
        if (p.find_first_not_of(" \t\r\n") == std::string::npos)
            throw InputError("a prompt is empty");
    }
    request.width = o.width;
    request.height = o.height;
    request.preset = o.preset;
    if (o.steps > 0) request.steps = o.steps;
    if (!o.guidanceSchedule.empty()) request.guidanceSchedule = parseSchedule(o.guidanceSchedule);
    if (o.haveMu) request.mu = o.mu;
    if (o.haveStd) request.std = o.stddev;
    request.seed = o.seed;
    request.batch = o.batch;
    request.uncheckedSize = o.uncheckedSize;
    if (o.guidance >= 0) {
        request = pipeline::withMainGuidance(request, static_cast<float>(o.guidance));
    }
    for (std::size_t i = 0; i < request.prompts.size(); ++i) {
        auto warnings = pipeline::captionWarnings(request.prompts[i]);
        for (const auto& w : warnings) std::cerr << "caption " << i << ": " << w << "\n";
        if (o.strictCaption && !warnings.empty()) {
            throw InputError("caption " + std::to_string(i) + " has " +
                             std::to_string(warnings.size()) + " warning(s) (--strict-caption)");
        }
    }
    // Everything the user typed is checked before the (slow) model load.
    pipeline::validateRequest(request);
    const auto paths = outputPaths(o.out, request.prompts.size() * request.batch);
    checkWritableFolder(paths.front());
    if (!o.saveLatents.empty()) checkWritableFolder(o.saveLatents);

    pipeline::LoadOptions load;
    load.device = o.device;
    load.dtype = o.dtype;
    std::cerr << "loading " << o.model << " ...\n";
    auto bundle = pipeline::ModelBundle::load(o.model, load);

    ProgressBar bar(stderr);
    pipeline::GenerationCallbacks callbacks;
    callbacks.onStep = [&bar](const pipeline::StepInfo& step) { bar.update(step); };
    callbacks.cancel = &g_cancel;
    callbacks.keepLatents = !o.saveLatents.empty();
    std::signal(SIGINT, onInterrupt);
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
    if (!o.saveLatents.empty()) {
        pipeline::saveLatents(result, o.saveLatents);
        std::cout << o.saveLatents << "\n";
    }
    std::cerr << "text " << result.textSeconds << " s, denoise " << result.denoiseSeconds
              << " s, decode " << result.decodeSeconds << " s\n";
    return kExitOk;
}

}  // namespace

Command addGenerateCommand(CLI::App& app) {
    auto* cmd = app.add_subcommand("generate", "Generate images from prompts or JSON captions");
    auto o = std::make_shared<GenerateOptions>();
    cmd->add_option("--model", o->model,
                    "Model folder (default: the demo model shipped with i4studio)");
    cmd->add_option("--prompt", o->prompts, "Prompt text (repeat for a batch)");
    cmd->add_option("--prompt-file", o->promptFiles, "File holding one prompt (repeatable)");
    cmd->add_option("--preset", o->preset,
                    "V4_QUALITY_48, V4_DEFAULT_20, V4_TURBO_12 or a user preset (default "
                    "V4_DEFAULT_20, or the model's own)")
        ->each([o](const std::string&) { o->presetGiven = true; });
    cmd->add_option("--steps", o->steps, "Number of steps (overrides the preset)");
    cmd->add_option("--guidance-schedule", o->guidanceSchedule,
                    "Comma-separated guidance weights, one per step, first step first");
    cmd->add_option("--guidance", o->guidance,
                    "Main guidance weight (the preset's polish tail is kept; default: the "
                    "preset's, or the model's own)");
    cmd->add_option_function<double>(
        "--mu",
        [o](double v) {
            o->mu = v;
            o->haveMu = true;
        },
        "Schedule mean (before the resolution shift)");
    cmd->add_option_function<double>(
        "--std",
        [o](double v) {
            o->stddev = v;
            o->haveStd = true;
        },
        "Schedule standard deviation");
    cmd->add_option("--width", o->width,
                    "Width in pixels (multiple of 16; default 1024, or the model's own size)")
        ->each([o](const std::string&) { o->widthGiven = true; });
    cmd->add_option("--height", o->height,
                    "Height in pixels (multiple of 16; default 1024, or the model's own size)")
        ->each([o](const std::string&) { o->heightGiven = true; });
    cmd->add_option("--seed", o->seed, "Noise seed")->capture_default_str();
    cmd->add_option("--batch", o->batch, "Images per prompt")->capture_default_str();
    cmd->add_option("--device", o->device, "cpu or cuda")
        ->check(CLI::IsMember({"cpu", "cuda"}))
        ->capture_default_str();
    cmd->add_option("--dtype", o->dtype, "Compute precision: fp32 or bf16")
        ->check(CLI::IsMember({"fp32", "bf16"}))
        ->capture_default_str();
    cmd->add_option("--out", o->out, "Output PNG (STEM-0.png, STEM-1.png... for several)")
        ->capture_default_str();
    cmd->add_option(
        "--save-latents", o->saveLatents,
        "Also write z_init and z_final ([B, tokens, 128] F32) to this safetensors file");
    cmd->add_flag("--unchecked-size", o->uncheckedSize,
                  "Allow sizes outside the published limits (small test models)");
    cmd->add_flag("--strict-caption", o->strictCaption,
                  "Refuse captions with verifier warnings (exit 2)");
    return {cmd, [o] { return runGenerate(*o); }};
}

}  // namespace i4::cli
