// Writes an Ideogram 4 model folder with random weights at the real sizes, in the published
// layout, fast enough to make one on a benchmark machine inside a minute (the fp8 folder is ~27
// GB).
//
//   bench_synthetic_model DIR --precision fp8|bf16|nf4 [--dit-layers N] [--te-layers N]
//                         [--tokenizer-from DIR] [--seed S] [--threads N] [--geometry real|tiny]
//                         [--force] [--info] [--plan]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <thread>

#include "bench/synthetic_model.h"
#include "core/io/model_summary.h"
#include "core/text/qwen3_text_encoder.h"

namespace {

namespace fs = std::filesystem;

#ifndef I4_GOLDEN_DEFAULT
#define I4_GOLDEN_DEFAULT ""
#endif

const char* kUsage =
    "usage: bench_synthetic_model DIR --precision fp8|bf16|nf4 [options]\n"
    "\n"
    "Writes a model folder in the published Hugging Face layout (model_index.json, transformer/\n"
    "in shards with an index, unconditional_transformer/, text_encoder/, tokenizer/, vae/) with\n"
    "random weights at the real Ideogram 4 sizes (DiT 4608 = 18 x 256, 34 layers; Qwen3-VL-8B\n"
    "text model, 36 layers; FLUX.2 VAE). The text model's vision tower is left out.\n"
    "\n"
    "  --precision P        fp8 (F8_E4M3 + per-row F32 weight_scale), bf16, or nf4\n"
    "                       (bitsandbytes; double-quantised absmax in the text encoder)\n"
    "  --dit-layers N       layers per transformer (default 34)\n"
    "  --te-layers N        text-encoder layers (default 36). The pipeline refuses fewer than 36:\n"
    "                       it taps layer 35. Fewer still make a folder `i4 info` accepts.\n"
    "  --tokenizer-from D   folder whose files become tokenizer/ (default: the golden\n"
    "                       tiny-ideogram4-bf16/tokenizer under $I4_GOLDEN_DIR, which is the\n"
    "                       real Qwen3 tokenizer)\n"
    "  --seed S             random seed (default 1); the output depends only on it\n"
    "  --threads N          writer threads (default: all cores)\n"
    "  --geometry G         real (default) or tiny (the golden tiny models' sizes, for tests)\n"
    "  --force              replace DIR's model if DIR is not empty\n"
    "  --info               print the folder's summary afterwards (as `i4 info` does)\n"
    "  --plan               print the sizes it would write, and write nothing\n";

double now() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

int fail(const std::string& message) {
    std::cerr << "bench_synthetic_model: " << message << "\n";
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    i4::bench::SyntheticOptions options;
    std::string precision;
    fs::path dir, tokenizerFrom;
    int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    bool force = false, info = false, planOnly = false;
    try {
        for (int i = 1; i < argc; ++i) {
            const std::string arg = argv[i];
            auto value = [&]() -> std::string {
                if (i + 1 >= argc) throw std::invalid_argument(arg + " needs a value");
                return argv[++i];
            };
            if (arg == "--precision") {
                precision = value();
            } else if (arg == "--dit-layers") {
                options.ditLayers = std::stoi(value());
            } else if (arg == "--te-layers") {
                options.teLayers = std::stoi(value());
            } else if (arg == "--tokenizer-from") {
                tokenizerFrom = value();
            } else if (arg == "--seed") {
                options.seed = std::stoull(value());
            } else if (arg == "--threads") {
                threads = std::stoi(value());
            } else if (arg == "--geometry") {
                options.geometry = value();
            } else if (arg == "--force") {
                force = true;
            } else if (arg == "--info") {
                info = true;
            } else if (arg == "--plan") {
                planOnly = true;
            } else if (arg == "-h" || arg == "--help") {
                std::cout << kUsage;
                return 0;
            } else if (!arg.empty() && arg[0] != '-' && dir.empty()) {
                dir = arg;
            } else {
                throw std::invalid_argument("unknown argument '" + arg + "'");
            }
        }
    } catch (const std::exception& e) {
        std::cerr << "bench_synthetic_model: " << e.what() << "\n\n" << kUsage;
        return 2;
    }
    if (dir.empty() || precision.empty()) {
        std::cerr << kUsage;
        return 2;
    }
    options.precision = precision;
    if (options.ditLayers < 1 || options.teLayers < 1 || threads < 1) {
        return fail("--dit-layers, --te-layers and --threads must be at least 1");
    }
    const int tapLayers = static_cast<int>(i4::text::kTapLayers.back()) + 1;
    if (options.teLayers < tapLayers) {
        std::cerr << "bench_synthetic_model: note: --te-layers " << options.teLayers << " < "
                  << tapLayers
                  << ": `i4 info` accepts the folder, loading it for generation does not\n";
    }
    if (tokenizerFrom.empty()) {
        const char* golden = std::getenv("I4_GOLDEN_DIR");
        const fs::path root = golden && *golden ? fs::path(golden) : fs::path(I4_GOLDEN_DEFAULT);
        tokenizerFrom = root / "tiny-ideogram4-bf16" / "tokenizer";
    }
    if (!fs::is_regular_file(tokenizerFrom / "tokenizer.json")) {
        return fail("no tokenizer.json in " + tokenizerFrom.string() +
                    " (give --tokenizer-from DIR or set I4_GOLDEN_DIR)");
    }

    try {
        const i4::bench::SyntheticModel model = i4::bench::planSyntheticModel(dir, options);
        std::map<std::string, std::pair<uint64_t, std::size_t>> planned;  // bytes, tensors
        for (const auto& file : model.weights) {
            auto& entry = planned[file.path.parent_path().filename().string()];
            for (const auto& t : file.tensors) entry.first += t.byteSize();
            entry.second += file.tensors.size();
        }
        if (planOnly) {
            for (const auto& [name, entry] : planned) {
                std::printf("  %-26s %8.3f GB  %6zu tensors\n", name.c_str(), entry.first / 1e9,
                            entry.second);
            }
            std::printf(
                "total %.3f GB of tensor data (%s, %s geometry, %d DiT layers, %d text "
                "layers); nothing written (--plan)\n",
                model.weightBytes() / 1e9, options.precision.c_str(), options.geometry.c_str(),
                options.ditLayers, options.teLayers);
            return 0;
        }
        const std::set<std::string> parts{
            "model_index.json", "transformer", "unconditional_transformer",
            "text_encoder",     "tokenizer",   "vae"};
        if (fs::exists(dir)) {
            if (!fs::is_directory(dir)) return fail(dir.string() + " is not a folder");
            for (const auto& entry : fs::directory_iterator(dir)) {
                const std::string name = entry.path().filename().string();
                if (!force) return fail(dir.string() + " is not empty (--force replaces it)");
                if (!parts.count(name)) {
                    return fail(dir.string() + " holds " + name +
                                ", which is not part of a model folder; not replacing it");
                }
            }
            // model_index.json goes first, so an interrupted rewrite never looks complete.
            fs::remove(dir / "model_index.json");
            for (const auto& part : parts) fs::remove_all(dir / part);
        }
        fs::create_directories(dir);
        const uint64_t bytes = model.weightBytes();
        const auto space = fs::space(dir);
        if (space.available < bytes + (1ull << 30)) {
            return fail(dir.string() + ": " + std::to_string(bytes / 1000000000.0) +
                        " GB needed, " + std::to_string(space.available / 1000000000.0) +
                        " GB free");
        }
        for (const auto& part : parts) {
            if (part != "model_index.json") fs::create_directories(dir / part);
        }
        for (const auto& entry : fs::directory_iterator(tokenizerFrom)) {
            if (entry.is_regular_file()) {
                fs::copy_file(entry.path(), dir / "tokenizer" / entry.path().filename());
            }
        }
        std::printf(
            "writing %s (%s, %s geometry, %d + %d DiT layers, %d text layers): %.2f GB "
            "with %d threads\n",
            dir.c_str(), options.precision.c_str(), options.geometry.c_str(), options.ditLayers,
            options.ditLayers, options.teLayers, bytes / 1e9, threads);
        std::fflush(stdout);
        const double start = now();
        const auto stats = i4::bench::writeSafetensorsFiles(
            model.weights, options.seed, threads, [start](uint64_t done, uint64_t total) {
                static double lastPrint = 0;
                const double t = now() - start;
                if (t - lastPrint < 5) return;
                lastPrint = t;
                std::printf("  %5.1f / %.1f GB  %5.1f s  %5.2f GB/s\n", done / 1e9, total / 1e9, t,
                            done / 1e9 / t);
                std::fflush(stdout);
            });
        for (const auto& [path, text] : model.textFiles) {  // model_index.json last
            std::ofstream out(path, std::ios::binary);
            out << text;
            if (!out.flush()) return fail("cannot write " + path.string());
        }
        std::map<std::string, uint64_t> perComponent;
        for (const auto& file : model.weights) {
            perComponent[file.path.parent_path().filename().string()] += fs::file_size(file.path);
        }
        for (const auto& [name, size] : perComponent) {
            std::printf("  %-26s %8.3f GB\n", name.c_str(), size / 1e9);
        }
        std::printf("wrote %.2f GB in %.1f s (%.2f GB/s, not synced to disk)\n", stats.bytes / 1e9,
                    stats.seconds, stats.bytes / 1e9 / stats.seconds);
        if (info) std::cout << "\n" << i4::io::formatSummary(i4::io::summarizeModelFolder(dir));
    } catch (const std::exception& e) {
        return fail(e.what());
    }
    return 0;
}
