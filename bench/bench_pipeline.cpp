// End-to-end timing of the pipeline on a model folder: load, text, per-step denoise, decode,
// the live preview's cost per step, and peak RSS.
//
//   bench_pipeline MODEL_DIR [--width W --height H] [--preset NAME] [--runs N]
// The size limits are lifted, so the golden tiny models (../shared/golden/tiny-ideogram4-*) work.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "core/pipeline/pipeline.h"

namespace {

using Clock = std::chrono::steady_clock;

double now() { return std::chrono::duration<double>(Clock::now().time_since_epoch()).count(); }

double peakRssMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr,
                     "usage: bench_pipeline MODEL_DIR [--width W --height H] "
                     "[--preset NAME] [--runs N]\n");
        return 2;
    }
    i4::pipeline::GenerationRequest request;
    request.prompts = {"{\"high_level_description\":\"A red circle on a blue background.\"}"};
    request.width = 256;
    request.height = 256;
    request.preset = "V4_TURBO_12";
    request.uncheckedSize = true;
    int runs = 3;
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--width")
            request.width = std::stoi(argv[i + 1]);
        else if (arg == "--height")
            request.height = std::stoi(argv[i + 1]);
        else if (arg == "--preset")
            request.preset = argv[i + 1];
        else if (arg == "--runs")
            runs = std::stoi(argv[i + 1]);
    }
    double start = now();
    auto bundle = i4::pipeline::ModelBundle::load(argv[1]);
    const double loadS = now() - start;

    auto measure = [&]() {
        std::vector<double> totals;
        i4::pipeline::GenerationResult last;
        for (int r = 0; r < runs; ++r) {
            i4::pipeline::GenerationCallbacks callbacks;
            request.seed = static_cast<uint64_t>(r);
            const double t0 = now();
            last = bundle->generate(request, callbacks);
            totals.push_back(now() - t0);
        }
        std::sort(totals.begin(), totals.end());
        return std::make_pair(totals[totals.size() / 2], last);
    };
    bundle->generate(request, {});  // warm-up: caches, allocator
    auto [plainS, plain] = measure();
    const int steps = plain.request.steps.value_or(0);
    const double stepMs = plain.denoiseSeconds / steps * 1000;

    // Preview cost, measured directly: the pipeline calls onStep, computes the preview, then
    // calls onPreview, so the gap between the two is the preview's cost.
    double stepMark = 0;
    std::vector<double> previewCosts;
    i4::pipeline::GenerationCallbacks withPreview;
    withPreview.onStep = [&](const i4::pipeline::StepInfo&) { stepMark = now(); };
    withPreview.onPreview = [&](const i4::pipeline::StepInfo&, const i4::pipeline::RgbImage&) {
        previewCosts.push_back(now() - stepMark);
    };
    bundle->generate(request, withPreview);  // fits (or loads) the map once
    previewCosts.clear();
    for (int r = 0; r < runs; ++r) bundle->generate(request, withPreview);
    std::sort(previewCosts.begin(), previewCosts.end());
    const double previewMs = previewCosts[previewCosts.size() / 2] * 1000;

    std::printf("model: %s\n", argv[1]);
    std::printf("size %dx%d, preset %s (%d steps), median of %d runs\n", request.width,
                request.height, request.preset.c_str(), steps, runs);
    std::printf("load:             %8.3f s\n", loadS);
    std::printf("text encoder:     %8.3f s (conditioning cache hit after the first run)\n",
                plain.textSeconds);
    std::printf("denoise per step: %8.2f ms (both transformers)\n", stepMs);
    std::printf("decode:           %8.3f s\n", plain.decodeSeconds);
    std::printf("end to end:       %8.3f s\n", plainS);
    std::printf("preview per step: %8.3f ms (median; %.2f%% of a step)\n", previewMs,
                100 * previewMs / stepMs);
    std::printf("peak RSS:         %8.1f MB\n", peakRssMb());
    return 0;
}
