// Load speed and GPU memory of each memory mode (core/pipeline/pipeline.h, Note [Memory modes]),
// and optionally one generation per mode.
//
//   bench_gpu_load MODEL_DIR [--device cuda|cpu|auto] [--dtype bf16|fp32|auto]
//                  [--memory MODE,...] [--generate WxH] [--steps N] [--runs N]
//                  [--prompt-file F] [--seed S] [--no-warm] [--threads N]
//
// The folder is read once first so that every load starts from the page cache (the case of a
// second start of the app, and the ">= 3 GB/s to ready for the first step" target); GB/s
// is bytes on disk divided by the wall time of ModelBundle::load. GB = 1e9 bytes.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/pipeline/devices.h"
#include "core/pipeline/pipeline.h"
#include "core/runtime/device.h"

namespace {

namespace fs = std::filesystem;
using i4::pipeline::GenerationCallbacks;
using i4::pipeline::GenerationRequest;
using i4::pipeline::GenerationResult;
using i4::pipeline::LoadOptions;
using i4::pipeline::LoadProgress;
using i4::pipeline::ModelBundle;
using i4::pipeline::StepInfo;

#ifndef I4_SOURCE_DIR
#define I4_SOURCE_DIR "."
#endif

const char* kUsage =
    "usage: bench_gpu_load MODEL_DIR [options]\n"
    "\n"
    "Reads the folder once (page cache), then for each memory mode loads it with\n"
    "ModelBundle::load, prints per-component seconds and GB/s and the GPU memory after the load,\n"
    "optionally generates once, frees the bundle, and ends with one summary table.\n"
    "\n"
    "  --device D         cuda (default), cpu or auto\n"
    "  --dtype T          compute dtype: bf16 (default), fp32 or auto\n"
    "  --memory M,...     modes to measure, in order (default resident,offload-encoder,low-vram;\n"
    "                     auto is accepted too)\n"
    "  --generate WxH     one generation per mode at this size (e.g. 1024x1024)\n"
    "  --steps N          denoising steps of that generation (default 4)\n"
    "  --runs N           generations per mode (default 1; later runs reuse the text cache)\n"
    "  --prompt-file F    the prompt (default bench/captions/long.json, a ~500-token caption)\n"
    "  --seed S           noise seed of the first run (default 0; run r uses S + r)\n"
    "  --no-warm          skip the page-cache warm-up read\n"
    "  --threads N        warm-up reader threads (default: all cores)\n";

using Clock = std::chrono::steady_clock;

volatile uint64_t g_sink = 0;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double gb(uint64_t bytes) { return bytes / 1e9; }

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> items;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');) {
        if (!item.empty()) items.push_back(item);
    }
    return items;
}

// Reads every file under `dir` once with `threads` readers; returns the bytes read.
uint64_t warmPageCache(const fs::path& dir, int threads) {
    struct Range {
        fs::path path;
        uint64_t offset, length;
    };
    constexpr uint64_t kRange = 64ull << 20;
    std::vector<Range> ranges;
    uint64_t total = 0;
    for (const auto& entry :
         fs::recursive_directory_iterator(dir, fs::directory_options::follow_directory_symlink)) {
        if (!entry.is_regular_file()) continue;
        const uint64_t size = entry.file_size();
        for (uint64_t offset = 0; offset < size; offset += kRange) {
            ranges.push_back({entry.path(), offset, std::min(kRange, size - offset)});
        }
        total += size;
    }
    std::atomic<std::size_t> next{0};
    std::atomic<uint64_t> checksum{0};
    auto reader = [&] {
        std::vector<char> buffer(kRange);
        uint64_t sum = 0;
        for (std::size_t i = next++; i < ranges.size(); i = next++) {
            const Range& r = ranges[i];
            const int fd = ::open(r.path.c_str(), O_RDONLY | O_CLOEXEC);
            if (fd < 0) continue;
            uint64_t done = 0;
            while (done < r.length) {
                const ssize_t n = ::pread(fd, buffer.data(), r.length - done,
                                          static_cast<off_t>(r.offset + done));
                if (n <= 0) break;
                sum += static_cast<unsigned char>(buffer[n - 1]);
                done += static_cast<uint64_t>(n);
            }
            ::close(fd);
        }
        checksum += sum;
    };
    std::vector<std::thread> pool;
    for (int i = 0; i < std::max(1, threads); ++i) pool.emplace_back(reader);
    for (auto& t : pool) t.join();
    g_sink = checksum.load();  // so the reads cannot be optimised away
    return total;
}

struct ModeResult {
    std::string requested;
    std::string inUse;
    bool loaded = false;
    bool generated = false;
    std::string error;
    double loadSeconds = 0;
    uint64_t loadBytes = 0;
    uint64_t gpuAfterLoad = 0;
    uint64_t gpuPeakDuringLoad = 0;
    uint64_t gpuPeakGenerate = 0;
    double msPerStep = 0;     // mean over all steps
    double msSteadyStep = 0;  // median of steps 2..N (the first pays for warm-up)
    double textSeconds = 0;
    double decodeSeconds = 0;
};

std::string oneLine(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text.size() > 160 ? text.substr(0, 157) + "..." : text;
}

}  // namespace

int main(int argc, char** argv) {
    fs::path modelDir;
    std::string device = "cuda", dtype = "bf16";
    std::vector<std::string> modes{"resident", "offload-encoder", "low-vram"};
    int width = 0, height = 0, steps = 4, runs = 1;
    int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    fs::path promptFile = fs::path(I4_SOURCE_DIR) / "bench" / "captions" / "long.json";
    uint64_t seed = 0;
    bool warm = true;
    try {
        for (int i = 1; i < argc; ++i) {
            const std::string arg = argv[i];
            auto value = [&]() -> std::string {
                if (i + 1 >= argc) throw std::invalid_argument(arg + " needs a value");
                return argv[++i];
            };
            if (arg == "--device") {
                device = value();
            } else if (arg == "--dtype") {
                dtype = value();
            } else if (arg == "--memory") {
                modes = splitList(value());
            } else if (arg == "--generate") {
                const std::string size = value();
                const auto x = size.find('x');
                if (x == std::string::npos) throw std::invalid_argument("--generate needs WxH");
                width = std::stoi(size.substr(0, x));
                height = std::stoi(size.substr(x + 1));
            } else if (arg == "--steps") {
                steps = std::stoi(value());
            } else if (arg == "--runs") {
                runs = std::stoi(value());
            } else if (arg == "--prompt-file") {
                promptFile = value();
            } else if (arg == "--seed") {
                seed = std::stoull(value());
            } else if (arg == "--no-warm") {
                warm = false;
            } else if (arg == "--threads") {
                threads = std::stoi(value());
            } else if (arg == "-h" || arg == "--help") {
                std::cout << kUsage;
                return 0;
            } else if (!arg.empty() && arg[0] != '-' && modelDir.empty()) {
                modelDir = arg;
            } else {
                throw std::invalid_argument("unknown argument '" + arg + "'");
            }
        }
        if (modelDir.empty()) throw std::invalid_argument("no MODEL_DIR");
        if (modes.empty()) throw std::invalid_argument("--memory lists no mode");
        if (steps < 1 || runs < 1) throw std::invalid_argument("--steps and --runs must be >= 1");
    } catch (const std::exception& e) {
        std::cerr << "bench_gpu_load: " << e.what() << "\n\n" << kUsage;
        return 2;
    }
    if (!fs::is_directory(modelDir)) {
        std::cerr << "bench_gpu_load: " << modelDir << " is not a folder\n";
        return 1;
    }
    const bool generate = width > 0 && height > 0;
    std::string prompt;
    if (generate) {
        std::ifstream in(promptFile, std::ios::binary);
        if (!in) {
            std::cerr << "bench_gpu_load: cannot read the prompt file " << promptFile << "\n";
            return 1;
        }
        std::ostringstream text;
        text << in.rdbuf();
        prompt = text.str();
        while (!prompt.empty() && (prompt.back() == '\n' || prompt.back() == '\r')) {
            prompt.pop_back();
        }
    }

    std::string resolvedDevice, resolvedDtype;
    try {
        resolvedDevice = i4::pipeline::resolveDevice(device);
        resolvedDtype = i4::pipeline::resolveDtype(dtype, resolvedDevice);
    } catch (const std::exception& e) {
        std::cerr << "bench_gpu_load: " << e.what() << "\n";
        return 1;
    }
    const i4::pipeline::DeviceReport report = i4::pipeline::deviceReport();
    std::printf("LibTorch %s, device %s", report.torchVersion.c_str(), resolvedDevice.c_str());
    if (report.gpuAvailable) {
        std::printf(" (%s, %.1f GB, %.1f GB free)", report.gpuName.c_str(),
                    gb(report.gpuTotalBytes), gb(report.gpuFreeBytes));
    }
    std::printf(", compute dtype %s\nmodel: %s\n", resolvedDtype.c_str(), modelDir.c_str());

    if (warm) {
        const auto start = Clock::now();
        const uint64_t bytes = warmPageCache(modelDir, threads);
        const double s = secondsSince(start);
        std::printf(
            "page-cache warm-up: read every file once, %.2f GB in %.2f s (%.2f GB/s, %d "
            "threads)\n",
            gb(bytes), s, gb(bytes) / s, threads);
        const uint64_t ram = static_cast<uint64_t>(sysconf(_SC_PHYS_PAGES)) *
                             static_cast<uint64_t>(sysconf(_SC_PAGESIZE));
        if (bytes > ram / 2) {
            std::printf(
                "note: the folder is over half of this machine's %.1f GB of RAM; loads "
                "may read from disk, not the page cache\n",
                gb(ram));
        }
    } else {
        std::printf("page-cache warm-up skipped (--no-warm): loads may read from disk\n");
    }
    std::fflush(stdout);

    std::vector<ModeResult> results;
    for (const std::string& mode : modes) {
        ModeResult r;
        r.requested = mode;
        std::printf("\n=== memory mode: %s\n", mode.c_str());
        std::fflush(stdout);
        std::shared_ptr<ModelBundle> bundle;
        try {
            LoadOptions options;
            options.device = resolvedDevice;
            options.dtype = resolvedDtype;
            options.memory = mode;
            options.onProgress = [](const LoadProgress& p) {
                if (!p.done) {
                    std::printf("  [%d/%d] %s ...\n", p.index + 1, p.count, p.component.c_str());
                } else {
                    std::printf("  [%d/%d] %-26s %7.3f GB in %7.3f s  %6.2f GB/s\n", p.index + 1,
                                p.count, p.component.c_str(), gb(p.bytes), p.seconds,
                                p.seconds > 0 ? gb(p.bytes) / p.seconds : 0.0);
                }
                std::fflush(stdout);
            };
            i4::runtime::cudaResetPeak();
            const auto start = Clock::now();
            bundle = ModelBundle::load(modelDir, options);
            r.loadSeconds = secondsSince(start);
            r.loaded = true;
            r.gpuPeakDuringLoad = i4::runtime::cudaPeakAllocatedBytes();
            const i4::pipeline::LoadReport& load = bundle->loadReport();
            for (const auto& c : load.components) r.loadBytes += c.bytes;
            r.inUse = load.memory;
            r.gpuAfterLoad = load.gpuBytesAfterLoad;
            std::printf(
                "  load: %.3f s wall to ready for the first step (report: %.3f s), "
                "%.2f GB, %.2f GB/s; mode in use: %s (%s, %s)\n",
                r.loadSeconds, load.seconds, gb(r.loadBytes), gb(r.loadBytes) / r.loadSeconds,
                load.memory.c_str(), load.device.c_str(), load.dtype.c_str());
            std::printf("  GPU memory: %.2f GB allocated after the load, peak %.2f GB during it\n",
                        gb(r.gpuAfterLoad), gb(r.gpuPeakDuringLoad));
            std::fflush(stdout);

            for (int run = 0; generate && run < runs; ++run) {
                GenerationRequest request;
                request.prompts = {prompt};
                request.width = width;
                request.height = height;
                request.steps = steps;
                request.seed = seed + static_cast<uint64_t>(run);
                request.uncheckedSize = true;  // tiny test models at small sizes too
                std::vector<double> stepEnds;
                GenerationCallbacks callbacks;
                callbacks.keepLatents = true;
                callbacks.onStep = [&stepEnds](const StepInfo& info) {
                    stepEnds.push_back(info.elapsedSeconds);
                };
                i4::runtime::cudaResetPeak();
                const GenerationResult result = bundle->generate(request, callbacks);
                std::vector<double> stepMs;
                for (std::size_t i = 0; i < stepEnds.size(); ++i) {
                    stepMs.push_back(1000 * (stepEnds[i] - (i ? stepEnds[i - 1] : 0.0)));
                }
                std::vector<double> later(stepMs.begin() + std::min<std::size_t>(1, stepMs.size()),
                                          stepMs.end());
                std::sort(later.begin(), later.end());
                double sumSquares = 0;
                bool finite = true;
                for (float v : result.zFinal.values) {
                    finite = finite && std::isfinite(v);
                    sumSquares += double(v) * v;
                }
                const double rms =
                    std::sqrt(sumSquares / std::max<std::size_t>(1, result.zFinal.values.size()));
                double pixelMean = 0;
                if (!result.images.empty()) {
                    for (uint8_t p : result.images[0].pixels) pixelMean += p;
                    pixelMean /= std::max<std::size_t>(1, result.images[0].pixels.size());
                }
                r.msPerStep = 1000 * result.denoiseSeconds / steps;
                r.msSteadyStep = later.empty() ? r.msPerStep : later[later.size() / 2];
                r.textSeconds = result.textSeconds;
                r.decodeSeconds = result.decodeSeconds;
                r.gpuPeakGenerate = result.peakGpuBytes;
                r.generated = finite;
                std::printf(
                    "  generate %dx%d, %d steps, seed %llu, %d prompt tokens: text %.3f s, "
                    "denoise %.3f s (%.1f ms/step; first %.1f, median of the rest %.1f), "
                    "decode %.3f s; peak GPU %.2f GB\n",
                    width, height, steps, static_cast<unsigned long long>(request.seed),
                    bundle->countTokens(prompt), result.textSeconds, result.denoiseSeconds,
                    r.msPerStep, stepMs.empty() ? 0.0 : stepMs.front(), r.msSteadyStep,
                    result.decodeSeconds, gb(result.peakGpuBytes));
                std::printf("  z_final: %s, rms %.4f; image mean %.1f of 255\n",
                            finite ? "finite" : "NOT FINITE", rms, pixelMean);
                if (!finite) r.error = "z_final has NaN/inf";
                std::fflush(stdout);
            }
        } catch (const std::exception& e) {
            r.error = oneLine(e.what());
            std::printf("  FAILED: %s\n", e.what());
        }
        bundle.reset();
        i4::runtime::cudaReleaseCache();
        std::printf("  freed: %.2f GB still allocated on the GPU\n",
                    gb(i4::runtime::cudaAllocatedBytes()));
        // One line per mode for scripts (bench/gpu/device-check.sh), printed as soon as the mode
        // is done so that a run cut short still reports the modes it finished.
        std::printf(
            "RESULT mode=%s in_use=%s load_s=%.3f load_gb=%.3f gb_per_s=%.3f "
            "gpu_after_load_gb=%.3f gpu_peak_load_gb=%.3f gpu_peak_generate_gb=%.3f "
            "ms_per_step=%.1f text_s=%.3f decode_s=%.3f status=%s\n",
            r.requested.c_str(), r.inUse.empty() ? "-" : r.inUse.c_str(), r.loadSeconds,
            gb(r.loadBytes), r.loaded ? gb(r.loadBytes) / r.loadSeconds : 0.0, gb(r.gpuAfterLoad),
            gb(r.gpuPeakDuringLoad), gb(r.gpuPeakGenerate), r.msSteadyStep, r.textSeconds,
            r.decodeSeconds,
            r.loaded && (!generate || r.generated) && r.error.empty() ? "ok" : "FAILED");
        std::fflush(stdout);
        results.push_back(r);
    }

    std::printf("\nSUMMARY  %s, %s, %s\n", modelDir.filename().c_str(), resolvedDevice.c_str(),
                report.gpuAvailable ? report.gpuName.c_str() : "no GPU");
    std::printf("%-16s | %-15s | %7s | %6s | %9s | %9s | %9s | %8s | %6s | %6s | %s\n", "mode",
                "in use", "load s", "GB/s", "GPU GB ld", "peak load", "peak gen", "ms/step",
                "text s", "dec s", "status");
    bool allOk = true;
    for (const ModeResult& r : results) {
        const bool ok = r.loaded && (!generate || r.generated) && r.error.empty();
        allOk = allOk && ok;
        char load[16] = "-", rate[16] = "-", after[16] = "-", peakLoad[16] = "-", peak[16] = "-",
             step[16] = "-", text[16] = "-", decode[16] = "-";
        if (r.loaded) {
            std::snprintf(load, sizeof load, "%.2f", r.loadSeconds);
            std::snprintf(rate, sizeof rate, "%.2f", gb(r.loadBytes) / r.loadSeconds);
            std::snprintf(after, sizeof after, "%.2f", gb(r.gpuAfterLoad));
            std::snprintf(peakLoad, sizeof peakLoad, "%.2f", gb(r.gpuPeakDuringLoad));
        }
        if (r.generated || r.msPerStep > 0) {
            std::snprintf(peak, sizeof peak, "%.2f", gb(r.gpuPeakGenerate));
            std::snprintf(step, sizeof step, "%.1f", r.msSteadyStep);
            std::snprintf(text, sizeof text, "%.2f", r.textSeconds);
            std::snprintf(decode, sizeof decode, "%.2f", r.decodeSeconds);
        }
        std::printf("%-16s | %-15s | %7s | %6s | %9s | %9s | %9s | %8s | %6s | %6s | %s\n",
                    r.requested.c_str(), r.inUse.empty() ? "-" : r.inUse.c_str(), load, rate, after,
                    peakLoad, peak, step, text, decode, ok ? "ok" : ("FAILED: " + r.error).c_str());
    }
    std::printf(
        "(GB = 1e9 bytes; GB/s = bytes on disk / load wall time; ms/step = median of "
        "steps 2..N)\n");
    return allOk ? 0 : 1;
}
