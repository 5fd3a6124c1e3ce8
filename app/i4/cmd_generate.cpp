#include <unistd.h>

#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <numeric>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "app/i4/commands.h"
#include "app/i4/device_choice.h"
#include "app/i4/image_input_cli.h"
#include "app/i4/progress_bar.h"
#include "core/errors.h"
#include "core/magic/local_backend.h"
#include "core/pipeline/devices.h"
#include "core/pipeline/image_output.h"
#include "core/pipeline/memory_check.h"
#include "core/pipeline/model_hints.h"
#include "core/pipeline/pipeline.h"
#include "core/pipeline/request_settings.h"
#include "core/sampling/validation.h"

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
    bool stepsGiven = false;  // --steps 0 is an error, not "the preset's"
    bool guidanceGiven = false;
    std::string guidanceSchedule;
    double guidance = 0;
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
    bool seedGiven = false;  // none: a random one, printed
    int batch = 1;
    std::string device = "auto";
    std::string dtype = "auto";
    std::string memory = "auto";
    bool fast = false;
    std::vector<std::string> loras;  // FILE[:WEIGHT], repeatable
    std::string out = "i4.png";
    bool outGiven = false;
    bool overwrite = false;  // replace existing output files
    std::string saveLatents;
    bool uncheckedSize = false;
    bool strictCaption = false;
    bool magicPrompt = false;  // expand the one prompt with the local magic prompt first
    std::string magicLmHead;
    ImageInputOptions input;  // --init-image, --strength, --mask, --extend, --fit, --feather
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

// Note [no silent overwrite]: an existing output file is never replaced without --overwrite. An
// --out the user named stops the run before any work, with the file's name; the default name
// (i4.png) moves on to the first free i4-2.png, i4-3.png..., and says so.
bool anyExists(const std::vector<fs::path>& paths) {
    for (const fs::path& path : paths) {
        std::error_code error;
        if (fs::exists(path, error)) return true;
    }
    return false;
}

// The caption the local magic prompt writes for `idea` at the requested size's aspect ratio,
// streamed to stderr (Note [Local magic prompt folders] in core/magic/local_backend.cpp).
std::string expandIdea(const GenerateOptions& o, const std::string& idea) {
    magic::MagicPromptRequest request;
    request.idea = idea;
    const int divisor = std::gcd(o.width, o.height);
    request.aspect =
        divisor > 0 && o.width / divisor <= 100 && o.height / divisor <= 100
            ? std::to_string(o.width / divisor) + ":" + std::to_string(o.height / divisor)
            : std::to_string(double(o.width) / o.height) + ":1";
    if (o.seedGiven) request.seed = o.seed;  // else a fresh one, like the picture's
    std::unique_ptr<magic::LocalBackend> backend;
    try {
        backend = magic::LocalBackend::load({o.model, o.magicLmHead, "cpu"});
    } catch (const magic::MagicPromptError& e) {
        throw ModelError(e.what());
    }
    std::cerr << "magic prompt (" << backend->name() << "): ";
    const std::string caption = backend->expand(
        request, [](std::string_view piece) { std::cerr << piece << std::flush; }, {});
    std::cerr << "\n";
    return caption;
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

// The device and precision to load on, checked before anything slow. `--device cuda` where no
// GPU can be used stops here with the reason instead of falling back to the CPU.
// "FILE[:WEIGHT[:TARGET]]": the target is what follows the last ':' when it names one (cond,
// uncond, both, auto), then the weight what follows the last ':' when it is a number (a path may
// hold ':' itself); weight 1 and the file's own target when they are not given.
pipeline::LoraChoice parseLora(const std::string& text) {
    pipeline::LoraChoice choice;
    choice.file = text;
    auto colon = choice.file.rfind(':');
    if (colon != std::string::npos) {
        if (const auto target = pipeline::loraTargetFromText(choice.file.substr(colon + 1));
            target && colon + 1 < choice.file.size()) {
            choice.target = *target;
            choice.file.erase(colon);
            colon = choice.file.rfind(':');
        }
    }
    if (colon != std::string::npos && colon + 1 < choice.file.size()) {
        const std::string tail = choice.file.substr(colon + 1);
        char* end = nullptr;
        const double weight = std::strtod(tail.c_str(), &end);
        if (end && *end == '\0') {
            if (!std::isfinite(weight))
                throw InputError("--lora " + text + ": weight is not finite");
            choice.file.erase(colon);
            choice.weight = weight;
        }
    }
    if (!std::filesystem::is_regular_file(choice.file)) {
        throw InputError("--lora: " + choice.file +
                         " is not a file (expected FILE[:WEIGHT[:cond|uncond|both]])");
    }
    return choice;
}

pipeline::LoadOptions resolveLoadOptions(const GenerateOptions& o) {
    if (o.device == "cuda") {
        const pipeline::DeviceReport report = pipeline::deviceReport();
        if (!report.gpuAvailable) throw InputError("--device cuda: " + noGpuText(report));
    }
    pipeline::LoadOptions load;
    load.device = pipeline::resolveDevice(o.device);
    load.dtype = pipeline::resolveDtype(o.dtype, load.device);
    load.memory = o.memory;
    load.fp8Matmul = o.fast;
    for (const std::string& lora : o.loras) load.loras.push_back(parseLora(lora));
    return load;
}

// Per-component load progress on stderr, one line per component once it is loaded:
// "  transformer (2/4): 9.31 GB in 3.10 s, 3.00 GB/s". On a terminal the line shows the component
// while it loads and is completed in place; in a log, where core's own messages may come in
// between, only the finished line is written.
class LoadProgressPrinter {
public:
    LoadProgressPrinter() : m_tty(::isatty(STDERR_FILENO) != 0) {}

    void operator()(const pipeline::LoadProgress& p) {
        const std::string name = "  " + p.component + " (" + std::to_string(p.index + 1) + "/" +
                                 std::to_string(p.count) + ")";
        if (!p.done) {
            if (m_tty) std::cerr << name << " ..." << std::flush;
            m_open = m_tty;
            return;
        }
        if (m_open) std::cerr << "\r\033[K";
        m_open = false;
        std::cerr << name << ": " << bytesText(p.bytes) << " in " << seconds(p.seconds);
        // The rate only means something for a real read (the demo's components are tiny).
        if (p.bytes >= 100'000'000 && p.seconds > 0) {
            std::cerr << ", " << gbText(static_cast<uint64_t>(double(p.bytes) / p.seconds)) << "/s";
        }
        std::cerr << "\n";
    }
    // Ends a line left open by a component whose load failed.
    void abandon() {
        if (m_open) std::cerr << "\n";
        m_open = false;
    }

    static std::string seconds(double s) {
        char text[32];
        std::snprintf(text, sizeof text, "%.2f s", s);
        return text;
    }

private:
    bool m_tty;
    bool m_open = false;
};

int runGenerate(GenerateOptions o) {
    const pipeline::LoadOptions resolved = resolveLoadOptions(o);
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
    // A model's own size changes the default, not the limits; a demo model may lift the lower
    // bound only (Note [size limits hold for every model] in core/sampling/validation.h).
    if (hints.hasNativeSize()) {
        if (!o.widthGiven) o.width = hints.nativeWidth;
        if (!o.heightGiven) o.height = hints.nativeHeight;
    }
    if (hints.demo) o.uncheckedSize = true;
    pipeline::GenerationRequest request;
    request.prompts = o.prompts;
    for (const auto& file : o.promptFiles) request.prompts.push_back(readPromptFile(file));
    if (request.prompts.empty()) throw InputError("give at least one --prompt or --prompt-file");
    for (const auto& p : request.prompts) {
        if (p.find_first_not_of(" \t\r\n") == std::string::npos)
            throw InputError("a prompt is empty");
    }
    if (o.magicPrompt) {
        if (request.prompts.size() != 1)
            throw InputError("--magic-prompt expands exactly one prompt");
        request.magicIdea = request.prompts.front();
        request.prompts = {expandIdea(o, request.magicIdea)};
    }
    request.width = o.width;
    request.height = o.height;
    request.preset = o.preset;
    if (o.stepsGiven) {
        sampling::validateStepCount(o.steps);  // before a schedule is stretched to it
        request.steps = o.steps;
    }
    if (!o.guidanceSchedule.empty()) request.guidanceSchedule = parseSchedule(o.guidanceSchedule);
    if (o.haveMu) request.mu = o.mu;
    if (o.haveStd) request.std = o.stddev;
    if (!o.seedGiven) {
        // Like the GUI's random seeds: 32 bits, short enough to type back in.
        std::random_device entropy;
        o.seed = entropy();
    }
    request.seed = o.seed;
    request.batch = o.batch;
    request.uncheckedSize = o.uncheckedSize;
    // The model's own preset and main guidance where the command line chose none, by the same
    // rule as the GUI (Note [model-aware defaults] in core/pipeline/request_settings.h).
    request = pipeline::withModelDefaults(request, hints, o.presetGiven);
    if (o.guidanceGiven) {
        if (!std::isfinite(o.guidance) || o.guidance < 0 || o.guidance > sampling::kMaxGuidance) {
            throw InputError("--guidance must be a number in 0.." +
                             std::to_string(int(sampling::kMaxGuidance)) + " (got " +
                             std::to_string(o.guidance) + ")");
        }
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
    applyImageInput(o.input, request);
    // Everything the user typed is checked before the (slow) model load.
    pipeline::validateRequest(request);
    describeImageInput(request, *pipeline::resolvedRequest(request).steps, std::cerr);
    const std::size_t imageCount = request.prompts.size() * request.batch;
    auto paths = outputPaths(o.out, imageCount);
    if (!o.overwrite && anyExists(paths)) {
        if (o.outGiven) {
            for (const fs::path& path : paths) {
                if (fs::exists(path)) {
                    throw InputError(path.string() +
                                     " already exists; i4 does not replace files unless told: "
                                     "add --overwrite, or choose another --out");
                }
            }
        }
        const fs::path base(o.out);
        const std::string ext = base.has_extension() ? base.extension().string() : ".png";
        for (int n = 2; anyExists(paths); ++n) {
            const fs::path next =
                base.parent_path() / (base.stem().string() + "-" + std::to_string(n) + ext);
            paths = outputPaths(next, imageCount);
        }
        std::cerr << o.out << " already exists: writing " << paths.front().string()
                  << (paths.size() > 1 ? " and on" : "")
                  << " instead (--out chooses the name, --overwrite replaces)\n";
    }
    if (!o.overwrite && !o.saveLatents.empty() && fs::exists(o.saveLatents)) {
        throw InputError(o.saveLatents +
                         " already exists; i4 does not replace files unless told: add "
                         "--overwrite, or choose another --save-latents");
    }
    checkWritableFolder(paths.front());
    if (!o.saveLatents.empty()) checkWritableFolder(o.saveLatents);
    // On the CPU the weights and the generation share one memory: refuse what cannot fit before
    // the load (Note [per-request memory]); on a GPU the bundle checks once the mode is known.
    if (resolved.device == "cpu") {
        std::optional<pipeline::RequestMemoryModel> sizes;
        try {
            sizes = pipeline::RequestMemoryModel::fromFolder(o.model);
        } catch (const ModelError&) {
            // A broken folder: the load below says what is wrong with it.
        }
        if (sizes) {
            const int bytes = resolved.dtype == "fp32" ? 4 : 2;
            pipeline::checkRequestFits(*sizes, request, "cpu", bytes,
                                       pipeline::availableMemoryBytes(),
                                       pipeline::estimateLoadBytes(o.model, bytes));
        }
    }

    pipeline::LoadOptions load = resolved;
    auto printer = std::make_shared<LoadProgressPrinter>();
    load.onProgress = [printer](const pipeline::LoadProgress& p) { (*printer)(p); };
    const pipeline::SizeAdvice size = pipeline::sizeAdvice(request.width, request.height, hints);
    if (size.farFromNative) {
        std::cerr << "note: " << request.width << "x" << request.height << " is "
                  << (size.pixelRatio > 1 ? "far larger" : "far smaller") << " than the "
                  << size.nativeWidth << "x" << size.nativeHeight
                  << " this model was trained at; expect a poor picture"
                  << (size.pixelRatio > 1 ? " and a long run" : "") << "\n";
    }
    if (!o.seedGiven) {
        std::cerr << "seed " << o.seed << " (random; --seed " << o.seed
                  << " makes the same picture again)\n";
    }
    std::cerr << "loading " << o.model << " on " << load.device << " (" << load.dtype << ", memory "
              << load.memory << ")\n";
    std::shared_ptr<pipeline::ModelBundle> bundle;
    try {
        bundle = pipeline::ModelBundle::load(o.model, load);
    } catch (...) {
        printer->abandon();
        throw;
    }
    const pipeline::LoadReport& report = bundle->loadReport();
    std::cerr << "ready in " << LoadProgressPrinter::seconds(report.seconds) << ": "
              << report.device << ", " << report.dtype << ", memory " << report.memory
              << (report.fp8Matmul ? ", fast mode (fp8 matmuls)" : "");
    if (report.device == "cuda") {
        std::cerr << ", " << gibText(report.gpuBytesAfterLoad) << " of GPU memory in use";
    }
    std::cerr << "\n";
    if (report.conditionalOnly) {
        std::cerr << "no unconditional transformer (a distilled model): one pass per step, "
                     "guidance 1\n";
    }
    for (const auto& lora : report.loras) {
        std::cerr << "LoRA " << lora.file << ": " << lora.layout << ", " << lora.merged
                  << " layers merged, " << lora.onTheFly << " applied on the fly\n";
        if (!lora.unknownKeys.empty()) {
            std::cerr << "  " << lora.unknownKeys.size()
                      << " tensors adapt nothing in this model and were not used:";
            for (size_t i = 0; i < lora.unknownKeys.size() && i < 8; ++i) {
                std::cerr << " " << lora.unknownKeys[i];
            }
            if (lora.unknownKeys.size() > 8) std::cerr << " ...";
            std::cerr << "\n";
        }
    }

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
    // The run's summary: where it ran and how fast, per step (both transformers) and in all.
    const int steps = result.request.steps.value_or(0);
    std::cerr << report.device << ", " << report.dtype << ", memory " << report.memory << ": text "
              << LoadProgressPrinter::seconds(result.textSeconds) << ", denoise "
              << LoadProgressPrinter::seconds(result.denoiseSeconds);
    if (steps > 0) {
        std::cerr << " (" << LoadProgressPrinter::seconds(result.denoiseSeconds / steps)
                  << "/step)";
    }
    std::cerr << ", decode " << LoadProgressPrinter::seconds(result.decodeSeconds);
    if (report.device == "cuda") {
        std::cerr << ", peak GPU memory " << gibText(result.peakGpuBytes);
    }
    std::cerr << "\n";
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
    cmd->add_option("--steps", o->steps, "Number of steps, 1..1000 (overrides the preset)")
        ->each([o](const std::string&) { o->stepsGiven = true; });
    cmd->add_option("--guidance-schedule", o->guidanceSchedule,
                    "Comma-separated guidance weights, one per step, first step first");
    cmd->add_option("--guidance", o->guidance,
                    "Main guidance weight (the preset's polish tail is kept; default: the "
                    "preset's, or the model's own)")
        ->each([o](const std::string&) { o->guidanceGiven = true; });
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
    // CLI11 reads "-1" into an unsigned as 2^64-1; a negative seed is a typo, not a seed.
    cmd->add_option("--seed", o->seed,
                    "Noise seed, 0..18446744073709551615 (default: a random one, printed and "
                    "written into the PNG)")
        ->check(CLI::Validator(
            [](const std::string& text) {
                return text.find('-') == std::string::npos ? std::string()
                                                           : "a seed is a non-negative integer";
            },
            "", "non-negative"))
        ->each([o](const std::string&) { o->seedGiven = true; });
    cmd->add_option("--batch", o->batch, "Images per prompt")->capture_default_str();
    cmd->add_option("--device", o->device,
                    "auto (an NVIDIA GPU when this build can use one, else the CPU), cuda or "
                    "cpu; `i4 devices` shows what this build can use")
        ->check(oneOf(kDeviceChoices))
        ->capture_default_str();
    cmd->add_option("--dtype", o->dtype,
                    "Compute precision: auto (bf16 on a GPU, fp32 on the CPU), fp32 or bf16")
        ->check(oneOf(kDtypeChoices))
        ->capture_default_str();
    cmd->add_option("--memory", o->memory,
                    "Where the weights live on a GPU: auto (the first mode that fits), resident "
                    "(everything on the GPU), offload-encoder (text encoder in CPU memory), "
                    "low-vram (also fp8/nf4 transformer weights stay compressed); ignored on "
                    "the CPU")
        ->check(oneOf(kMemoryChoices))
        ->capture_default_str();
    cmd->add_flag("--fast", o->fast,
                  "The fast mode: the transformers' block matmuls in fp8 (GPUs with fp8 tensor "
                  "cores: RTX 40xx, L4/L40, H100, H200 and later); not the reference numerics, "
                  "see `i4 bench` and bench_fast_mode for its cost");
    cmd->add_option("--lora", o->loras,
                    "A LoRA file (safetensors) with an optional weight and transformer, "
                    "FILE[:WEIGHT[:cond|uncond|both]] (default 1, and the transformer its keys "
                    "name: the conditional one for every common trainer); repeat for several. "
                    "Keys of every common trainer layout load (docs/formats.md)");
    cmd->add_option("--out", o->out,
                    "Output PNG (STEM-0.png, STEM-1.png... for several). An existing file is "
                    "not replaced: a named one stops the run, the default moves on to "
                    "i4-2.png...")
        ->capture_default_str()
        ->each([o](const std::string&) { o->outGiven = true; });
    cmd->add_flag("--overwrite", o->overwrite,
                  "Replace existing output files (--out, --save-latents)");
    cmd->add_option(
        "--save-latents", o->saveLatents,
        "Also write z_init and z_final ([B, tokens, 128] F32) to this safetensors file");
    cmd->add_flag("--unchecked-size", o->uncheckedSize,
                  "Allow sizes outside the published limits (small test models)");
    cmd->add_flag("--strict-caption", o->strictCaption,
                  "Refuse captions with verifier warnings (exit 2)");
    cmd->add_flag("--magic-prompt", o->magicPrompt,
                  "Expand the prompt (a plain idea) into a JSON caption with the local magic "
                  "prompt first; the idea is kept in the PNG metadata");
    cmd->add_option("--lm-head", o->magicLmHead,
                    "LM head for --magic-prompt: a .safetensors file or a folder");
    addImageInputOptions(cmd, std::shared_ptr<ImageInputOptions>(o, &o->input));
    return {cmd, [o] { return runGenerate(*o); }};
}

}  // namespace i4::cli
