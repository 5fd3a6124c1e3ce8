// What the fast mode (fp8 matmuls, Note [fp8 matmuls]) costs against the exact mode: the same
// request and seed through both, then z_final's relative error, the image's PSNR and largest
// pixel difference, and both modes' time per step.
//
//   bench_fast_mode MODEL_DIR [--size WxH] [--steps N] [--seed S] [--prompt-file F]
//                   [--memory MODE]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "core/pipeline/pipeline.h"
#include "core/runtime/device.h"

namespace {

using namespace i4::pipeline;

struct Run {
    GenerationResult result;
    double msPerStep = 0;
};

Run generateWith(const std::filesystem::path& model, bool fast, const std::string& memory,
                 const GenerationRequest& request) {
    LoadOptions options;
    options.device = "cuda";
    options.dtype = "bf16";
    options.memory = memory;
    options.fp8Matmul = fast;
    const auto bundle = ModelBundle::load(model, options);
    GenerationCallbacks callbacks;
    callbacks.keepLatents = true;
    bundle->generate(request, callbacks);  // warm-up: kernels chosen, text cached
    Run run;
    run.result = bundle->generate(request, callbacks);
    run.msPerStep = 1000.0 * run.result.denoiseSeconds / *run.result.request.steps;
    i4::runtime::cudaReleaseCache();
    return run;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::string(argv[1]) == "--help") {
        std::cerr << "usage: bench_fast_mode MODEL_DIR [--size WxH] [--steps N] [--seed S] "
                     "[--prompt-file F] [--memory MODE]\n";
        return 2;
    }
    const std::filesystem::path model = argv[1];
    GenerationRequest request;
    request.width = 1024;
    request.height = 1024;
    request.steps = 8;
    request.seed = 7;
    request.uncheckedSize = true;
    std::string promptFile = "bench/captions/long.json";
    std::string memory = "auto";
    try {
        for (int i = 2; i < argc; ++i) {
            const std::string arg = argv[i];
            if (i + 1 >= argc) throw std::invalid_argument(arg + " needs a value");
            const std::string value = argv[++i];
            if (arg == "--size") {
                const auto x = value.find('x');
                if (x == std::string::npos) throw std::invalid_argument("--size needs WxH");
                request.width = std::stoi(value.substr(0, x));
                request.height = std::stoi(value.substr(x + 1));
            } else if (arg == "--steps") {
                request.steps = std::stoi(value);
            } else if (arg == "--seed") {
                request.seed = std::stoull(value);
            } else if (arg == "--prompt-file") {
                promptFile = value;
            } else if (arg == "--memory") {
                memory = value;
            } else {
                throw std::invalid_argument("unknown option " + arg);
            }
        }
        std::ifstream in(promptFile);
        if (!in) throw std::invalid_argument("cannot read " + promptFile);
        std::stringstream text;
        text << in.rdbuf();
        request.prompts = {text.str()};

        const Run exact = generateWith(model, false, memory, request);
        const Run fast = generateWith(model, true, memory, request);

        const auto& a = exact.result.zFinal.values;
        const auto& b = fast.result.zFinal.values;
        double diff = 0, norm = 0;
        for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
            diff += (double(b[i]) - a[i]) * (double(b[i]) - a[i]);
            norm += double(a[i]) * a[i];
        }
        const auto& pa = exact.result.images.at(0).pixels;
        const auto& pb = fast.result.images.at(0).pixels;
        double squared = 0;
        int maxDiff = 0;
        for (size_t i = 0; i < pa.size() && i < pb.size(); ++i) {
            const int d = std::abs(int(pa[i]) - int(pb[i]));
            squared += double(d) * d;
            maxDiff = std::max(maxDiff, d);
        }
        const double mse = squared / std::max<size_t>(1, pa.size());
        const double psnr = mse == 0 ? INFINITY : 10.0 * std::log10(255.0 * 255.0 / mse);
        const double zError = std::sqrt(diff / std::max(norm, 1e-30));
        std::printf("%s, %dx%d, %d steps, seed %llu\n", model.filename().c_str(), request.width,
                    request.height, *request.steps,
                    static_cast<unsigned long long>(request.seed));
        std::printf("exact: %.1f ms/step   fast: %.1f ms/step   (%.2fx)\n", exact.msPerStep,
                    fast.msPerStep, exact.msPerStep / fast.msPerStep);
        std::printf("fast vs exact: z_final relative error %.4f, image PSNR %.2f dB, "
                    "max pixel difference %d of 255\n",
                    zError, psnr, maxDiff);
        std::printf("JSON {\"model\": \"%s\", \"exact_ms_per_step\": %.2f, "
                    "\"fast_ms_per_step\": %.2f, \"z_final_rel_error\": %.5f, \"psnr_db\": %.2f, "
                    "\"max_pixel_diff\": %d}\n",
                    model.filename().c_str(), exact.msPerStep, fast.msPerStep, zError, psnr,
                    maxDiff);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "bench_fast_mode: " << e.what() << "\n";
        return 1;
    }
}
