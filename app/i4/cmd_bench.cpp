// `i4 bench`: how fast this machine runs the two Ideogram 4 transformers, at the real width with
// random weights (no files), per denoising step and per branch, where the GPU time goes, and how
// that compares with a matmul measured in the same run.
#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "app/i4/commands.h"
#include "core/errors.h"
#include "core/model/ideogram4_transformer.h"
#include "core/pipeline/devices.h"
#include "core/runtime/device.h"
#include "core/runtime/fused_ops.h"
#include "core/runtime/profiler.h"
#include "core/runtime/torch_compat.h"
#include "core/sampling/packing.h"
#include "core/sampling/sampler.h"
#include "core/sampling/transformer_velocity.h"

namespace i4::cli {
namespace {

using Clock = std::chrono::steady_clock;

struct BenchOptions {
    std::string layers = "2,4";
    int width = 1024;
    int height = 1024;
    int textTokens = 502;
    int steps = 6;
    int warmup = 2;
    bool fp8 = false;
    std::string device = "auto";
    std::string profile;  // Chrome trace path
    std::string model;    // a model folder's transformers instead of random weights
};

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

// Wall time of `fn` in ms, from an idle device to an idle device.
template <typename Fn>
double timed(Fn&& fn) {
    runtime::cudaSynchronize();
    const auto start = Clock::now();
    fn();
    runtime::cudaSynchronize();
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// FLOPs of one pass of `layers` blocks over `tokens` tokens (spec's count: the block matmuls and
// the attention; embedders and adaLN are under 0.1%).
double passFlops(const model::Ideogram4Config& c, int64_t layers, int64_t tokens) {
    const double d = static_cast<double>(c.hiddenSize());
    const double macsPerToken = d * 3 * d + d * d + 3 * d * static_cast<double>(c.intermediateSize);
    const double linear = 2.0 * macsPerToken * static_cast<double>(tokens);
    const double attention = 4.0 * static_cast<double>(tokens) * static_cast<double>(tokens) * d;
    return static_cast<double>(layers) * (linear + attention);
}

struct LayerRun {
    int layers = 0;
    double condMs = 0, uncondMs = 0, stepMs = 0;  // per-branch (synchronised) and whole step
    double loopMsPerStep = 0;                     // sampler loop, no synchronisation inside
    uint64_t peakBytes = 0;
    std::map<std::string, double> classMs;  // per step, from the kernel profile
};

LayerRun runLayers(const BenchOptions& o, int layers, at::Device device, at::ScalarType dtype,
                   bool profile) {
    model::ComputeOptions options{dtype, device};
    options.fp8Matmul = o.fp8;
    runtime::cudaReleaseCache();
    std::unique_ptr<model::Ideogram4Transformer> cond, uncond;
    if (o.model.empty()) {
        model::Ideogram4Config random;
        random.numLayers = layers;
        cond = std::make_unique<model::Ideogram4Transformer>(
            model::Ideogram4Transformer::random(random, options, 1));
        uncond = std::make_unique<model::Ideogram4Transformer>(
            model::Ideogram4Transformer::random(random, options, 2));
    } else {
        const std::filesystem::path dir = o.model;
        cond = std::make_unique<model::Ideogram4Transformer>(
            model::Ideogram4Transformer::loadFolder(dir / "transformer", "transformer", options));
        uncond =
            std::make_unique<model::Ideogram4Transformer>(model::Ideogram4Transformer::loadFolder(
                dir / "unconditional_transformer", "unconditional_transformer", options));
    }
    const model::Ideogram4Config& config = cond->config();

    const int64_t gridH = o.height / sampling::kPixelsPerToken;
    const int64_t gridW = o.width / sampling::kPixelsPerToken;
    const std::vector<std::vector<int64_t>> ids{std::vector<int64_t>(o.textTokens, 100)};
    const sampling::PackedBatch condPack = sampling::packConditional(ids, gridH, gridW);
    const sampling::PackedBatch uncondPack = sampling::packUnconditional(1, gridH, gridW);
    const auto f32 = at::TensorOptions(at::kFloat).device(device);
    at::Tensor llm = at::zeros({1, condPack.length(), config.llmFeaturesDim}, f32);
    llm.narrow(1, 0, o.textTokens).normal_();
    const sampling::VelocityFn condFn = sampling::conditionalVelocity(*cond, condPack, llm);
    const sampling::VelocityFn uncondFn = sampling::unconditionalVelocity(*uncond, uncondPack);
    at::Tensor z = at::randn({1, gridH * gridW, config.inChannels}, f32);

    runtime::cudaResetPeak();
    LayerRun run;
    run.layers = layers;
    std::vector<double> condMs, uncondMs, stepMs;
    for (int i = 0; i < o.warmup + o.steps; ++i) {
        at::Tensor vc, vu;
        const double c = timed([&] { vc = condFn(z, 0.5f); });
        const double u = timed([&] { vu = uncondFn(z, 0.5f); });
        const double s = timed([&] {
            at::Tensor v = condFn(z, 0.5f) * 1.5 + uncondFn(z, 0.5f) * -0.5;
            z = z + v * 0.01;
        });
        if (i >= o.warmup) {
            condMs.push_back(c);
            uncondMs.push_back(u);
            stepMs.push_back(s);
        }
    }
    run.condMs = median(condMs);
    run.uncondMs = median(uncondMs);
    run.stepMs = median(stepMs);

    // The real loop: the sampler queues every step without waiting for the GPU.
    std::vector<float> guidance(static_cast<size_t>(o.steps), 1.5f);
    const sampling::SamplingPlan plan =
        sampling::makeSamplingPlan(o.steps, 0.0, 1.0, guidance, o.height, o.width);
    run.loopMsPerStep =
        timed([&] { sampling::sampleEuler(z, plan, condFn, uncondFn, {}); }) / o.steps;
    run.peakBytes = runtime::cudaPeakAllocatedBytes();

    if (profile && runtime::KernelProfile::available()) {
        runtime::KernelProfile kernels;
        runtime::cudaSynchronize();
        kernels.start();
        constexpr int kProfiledSteps = 2;
        for (int i = 0; i < kProfiledSteps; ++i) {
            at::Tensor v = condFn(z, 0.5f) * 1.5 + uncondFn(z, 0.5f) * -0.5;
            z = z + v * 0.01;
        }
        runtime::cudaSynchronize();
        for (auto& [kind, ms] : kernels.stop(o.profile)) run.classMs[kind] = ms / kProfiledSteps;
    }
    return run;
}

// TFLOP/s of the layer's widest matmul ([4608 x 4608] x [4608 x 24576], as performance.md's
// ceiling) in bf16, and through the fp8 path when this GPU has it.
std::pair<double, double> matmulPeaks(at::Device device) {
    const auto bf16 = at::TensorOptions(at::kBFloat16).device(device);
    const int64_t m = 4608, k = 4608, n = 24576;
    const at::Tensor a = at::randn({m, k}, bf16), b = at::randn({n, k}, bf16);
    const double flops = 2.0 * m * k * n;
    const auto rate = [&](auto&& fn) {
        for (int i = 0; i < 3; ++i) fn();
        std::vector<double> ms;
        for (int i = 0; i < 10; ++i) ms.push_back(timed(fn));
        return flops / (median(ms) * 1e-3) / 1e12;
    };
    const double bf16Rate = rate([&] { at::linear(a, b); });
    double fp8Rate = 0;
    if (runtime::fp8MatmulSupported()) {
        auto [codes, scale] = runtime::quantizeFp8Rowwise(b);
        fp8Rate = rate([&] { runtime::fp8Linear(a, codes, scale, at::Tensor()); });
    }
    return {bf16Rate, fp8Rate};
}

std::vector<int> parseLayers(const std::string& text) {
    std::vector<int> layers;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) {
        try {
            const int n = std::stoi(item);
            if (n < 1 || n > 34) throw std::out_of_range("layers");
            layers.push_back(n);
        } catch (const std::exception&) {
            throw InputError("--layers: '" + item + "' is not a layer count from 1 to 34");
        }
    }
    std::sort(layers.begin(), layers.end());
    layers.erase(std::unique(layers.begin(), layers.end()), layers.end());
    if (layers.empty()) throw InputError("--layers: give one or two layer counts, e.g. 2,4");
    return layers;
}

int runBench(const BenchOptions& o) {
    c10::InferenceMode guard;
    if (o.width % sampling::kPixelsPerToken || o.height % sampling::kPixelsPerToken ||
        o.width < 256 || o.height < 256 || o.width > 4096 || o.height > 4096) {
        throw InputError("--width/--height must be multiples of 16 from 256 to 4096");
    }
    if (o.textTokens < 1 || o.textTokens > 2048)
        throw InputError("--text-tokens must be from 1 to 2048");
    if (o.steps < 1 || o.warmup < 0) throw InputError("--steps must be at least 1");
    // The configuration timed: the published one, or the folder's own (all its layers, once).
    const model::Ideogram4Config real =
        o.model.empty()
            ? model::Ideogram4Config()
            : model::Ideogram4Config::fromFolder(std::filesystem::path(o.model) / "transformer");
    const std::vector<int> layerCounts =
        o.model.empty() ? parseLayers(o.layers) : std::vector<int>{int(real.numLayers)};
    const std::string deviceName = pipeline::resolveDevice(o.device);
    const at::Device device = deviceName == "cuda" ? at::Device(at::kCUDA, 0) : at::kCPU;
    const at::ScalarType dtype = deviceName == "cuda" ? at::kBFloat16 : at::kFloat;
    if (o.fp8 && !runtime::fp8MatmulSupported()) {
        throw InputError("--fp8: this GPU or LibTorch has no fp8 matmuls");
    }

    const runtime::GpuInfo gpu = runtime::gpuInfo();
    const int64_t gridTokens =
        int64_t(o.width / sampling::kPixelsPerToken) * (o.height / sampling::kPixelsPerToken);
    const int64_t condTokens = gridTokens + o.textTokens;
    std::printf("i4 bench: %s, LibTorch %s, %dx%d, %d text tokens (%lld + %lld tokens per step)\n",
                device.is_cuda() ? gpu.name.c_str() : "CPU", runtime::torchVersion().c_str(),
                o.width, o.height, o.textTokens, static_cast<long long>(condTokens),
                static_cast<long long>(gridTokens));
    const char* mode = o.fp8 ? "fast (fp8 matmuls)"
                             : (dtype == at::kBFloat16 ? "exact (bf16)" : "exact (float32)");
    std::printf("mode: %s, fused block kernels %s\n", mode, runtime::fusedKernelsStatus().c_str());
    {
        const auto opts = at::TensorOptions(dtype).device(device);
        const at::Tensor q = at::randn({1, real.numHeads, condTokens, real.headDim}, opts);
        std::printf("attention kernel (head dim %lld, no mask): %s\n",
                    static_cast<long long>(real.headDim),
                    runtime::attentionBackend(q, q, q, at::Tensor()).c_str());
    }
    double bf16Peak = 0, fp8Peak = 0;
    if (device.is_cuda()) {
        std::tie(bf16Peak, fp8Peak) = matmulPeaks(device);
        std::printf("matmul ceiling measured now: bf16 %.0f TFLOP/s", bf16Peak);
        if (fp8Peak > 0) std::printf(", fp8 W8A8 %.0f TFLOP/s", fp8Peak);
        std::printf("\n");
    }

    std::vector<LayerRun> runs;
    for (size_t i = 0; i < layerCounts.size(); ++i) {
        const bool last = i + 1 == layerCounts.size();
        runs.push_back(runLayers(o, layerCounts[i], device, dtype, last));
        const LayerRun& r = runs.back();
        std::printf(
            "%2d layers: conditional %8.2f ms  unconditional %8.2f ms  step %8.2f ms  "
            "loop %8.2f ms/step  peak %.1f GB\n",
            r.layers, r.condMs, r.uncondMs, r.stepMs, r.loopMsPerStep, r.peakBytes / 1e9);
    }

    // Per-layer slope and the 34-layer extrapolation (performance.md section 0a's method).
    const LayerRun& hi = runs.back();
    const LayerRun& lo = runs.front();
    const int n = real.numLayers;
    const auto extrapolate = [&](double loMs, double hiMs) {
        if (runs.size() < 2) return std::make_pair(hiMs / hi.layers, hiMs * n / hi.layers);
        const double slope = (hiMs - loMs) / (hi.layers - lo.layers);
        return std::make_pair(slope, hiMs + (n - hi.layers) * slope);
    };
    const auto [condSlope, cond34] = extrapolate(lo.condMs, hi.condMs);
    const auto [uncondSlope, uncond34] = extrapolate(lo.uncondMs, hi.uncondMs);
    const auto [stepSlope, step34] = extrapolate(lo.loopMsPerStep, hi.loopMsPerStep);
    const double outside = step34 - n * stepSlope;
    const double stepFlops = passFlops(real, n, condTokens) + passFlops(real, n, gridTokens);
    const double tflops = stepFlops / (step34 * 1e-3) / 1e12;

    std::printf("\n%d layers (%s):\n", n,
                runs.size() > 1  ? "from the per-layer slope"
                : hi.layers == n ? "measured"
                                 : "scaled from one layer count, no slope");
    std::printf("  conditional   %7.1f ms  (%.2f ms per layer)\n", cond34, condSlope);
    std::printf("  unconditional %7.1f ms  (%.2f ms per layer)\n", uncond34, uncondSlope);
    std::printf("  step (loop)   %7.1f ms  (%.2f ms per layer, %.1f ms outside the layers)\n",
                step34, stepSlope, outside);
    std::printf("  %.1f TFLOP per step -> %.0f TFLOP/s", stepFlops / 1e12, tflops);
    if (bf16Peak > 0) {
        std::printf(" = %.0f%% of the bf16 matmul ceiling", 100.0 * tflops / bf16Peak);
        if (fp8Peak > 0) std::printf(" (%.0f%% of fp8's)", 100.0 * tflops / fp8Peak);
    }
    std::printf(
        "\n  denoising per preset: V4_QUALITY_48 %.2f s, V4_DEFAULT_20 %.2f s, "
        "V4_TURBO_12 %.2f s (text encoder and VAE not included)\n",
        48 * step34 / 1e3, 20 * step34 / 1e3, 12 * step34 / 1e3);
    if (!hi.classMs.empty()) {
        double total = 0;
        for (const auto& [kind, ms] : hi.classMs) total += ms;
        std::printf("\nGPU time per step at %d layers by kernel class (profiled):\n", hi.layers);
        for (const auto& [kind, ms] : hi.classMs) {
            std::printf("  %-12s %8.2f ms  %5.1f%%\n", kind.c_str(), ms, 100.0 * ms / total);
        }
        if (!o.profile.empty()) std::printf("  trace: %s\n", o.profile.c_str());
    }

    std::printf(
        "\nJSON {\"gpu\": \"%s\", \"torch\": \"%s\", \"mode\": \"%s\", \"width\": %d, "
        "\"height\": %d, \"text_tokens\": %d, \"layers_full\": %d, \"bf16_peak_tflops\": %.1f, "
        "\"fp8_peak_tflops\": %.1f, \"cond_ms_full\": %.2f, \"uncond_ms_full\": %.2f, "
        "\"step_ms_full\": %.2f, \"outside_ms\": %.2f, \"tflops\": %.1f, \"runs\": [",
        device.is_cuda() ? gpu.name.c_str() : "CPU", runtime::torchVersion().c_str(),
        o.fp8 ? "fast" : "exact", o.width, o.height, o.textTokens, n, bf16Peak, fp8Peak, cond34,
        uncond34, step34, outside, tflops);
    for (size_t i = 0; i < runs.size(); ++i) {
        const LayerRun& r = runs[i];
        std::printf(
            "%s{\"layers\": %d, \"cond_ms\": %.3f, \"uncond_ms\": %.3f, \"step_ms\": %.3f, "
            "\"loop_ms\": %.3f, \"peak_gb\": %.2f}",
            i ? ", " : "", r.layers, r.condMs, r.uncondMs, r.stepMs, r.loopMsPerStep,
            r.peakBytes / 1e9);
    }
    std::printf("], \"classes_ms\": {");
    bool first = true;
    for (const auto& [kind, ms] : hi.classMs) {
        std::printf("%s\"%s\": %.3f", first ? "" : ", ", kind.c_str(), ms);
        first = false;
    }
    std::printf("}}\n");
    return kExitOk;
}

}  // namespace

Command addBenchCommand(CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "bench",
        "Time the two transformers at the real size with random weights (no model files): "
        "per step, per branch, by kernel class, against a matmul measured in the same run");
    auto o = std::make_shared<BenchOptions>();
    cmd->add_option("--layers", o->layers,
                    "Layer counts to run, e.g. 2,4: the per-layer slope gives the 34-layer figure")
        ->capture_default_str();
    cmd->add_option("--width", o->width, "Image width in pixels")->capture_default_str();
    cmd->add_option("--height", o->height, "Image height in pixels")->capture_default_str();
    cmd->add_option("--text-tokens", o->textTokens, "Caption length in tokens")
        ->capture_default_str();
    cmd->add_option("--steps", o->steps, "Timed steps per layer count")->capture_default_str();
    cmd->add_option("--warmup", o->warmup, "Untimed steps first")->capture_default_str();
    cmd->add_flag("--fp8", o->fp8, "The fast mode: fp8 matmuls in the blocks");
    cmd->add_option("--device", o->device, "auto, cuda or cpu")->capture_default_str();
    cmd->add_option("--profile", o->profile, "Also write a Chrome trace of two profiled steps");
    cmd->add_option("--model", o->model,
                    "Time this model folder's two transformers (all their layers) instead");
    return {cmd, [o] { return runBench(*o); }};
}

}  // namespace i4::cli
