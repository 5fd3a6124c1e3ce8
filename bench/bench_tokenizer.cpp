// Tokenizer throughput on ~1 MB of generated mixed-script text, and text-encoder time per token
// on the CPU (float32) for a model folder (default: the golden tiny model).
//   bench_tokenizer [MODEL_DIR]      (MODEL_DIR defaults to $I4_GOLDEN_DIR/tiny-ideogram4-bf16)

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/text/qwen3_text_encoder.h"
#include "core/text/tokenizer.h"

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Deterministic mixed-script text: English, JSON punctuation, digits, accents (composed and
// decomposed), Cyrillic, Greek, Arabic, CJK, Hangul, emoji with ZWJ and whitespace runs.
std::string mixedText(std::size_t bytes) {
    const std::vector<std::string> fragments{
        "a lone sailboat ",
        "on calm water at sunset, ",
        "\"style_description\": {",
        "}, ",
        "[300, 420, 720, 610]",
        " 3.14159 ",
        "#FF6B35 ",
        "Caf\xC3\xA9 ",
        "cafe\xCC\x81 ",
        "\xD0\xA0\xD1\x83\xD1\x81\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9 ",
        "\xCE\x95\xCE\xBB\xCE\xBB ",
        "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9 ",
        "\xE4\xBD\xA0\xE5\xA5\xBD\xEF\xBC\x8C\xE4\xB8\x96\xE7\x95\x8C",
        "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4 ",
        "\xF0\x9F\x98\x80\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD ",
        "\xF0\x9F\x8F\xB3\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x8C\x88",
        "   ",
        "\n\n",
        "it's ",
        "DON'T ",
        "snake_case ",
        "https://example.com/a?q=1 "};
    std::string text;
    text.reserve(bytes + 64);
    uint64_t state = 0x9E3779B97F4A7C15ull;
    while (text.size() < bytes) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        text += fragments[(state >> 33) % fragments.size()];
    }
    return text;
}

}  // namespace

int main(int argc, char** argv) {
    std::filesystem::path modelDir;
    if (argc > 1) {
        modelDir = argv[1];
    } else if (const char* golden = std::getenv("I4_GOLDEN_DIR")) {
        modelDir = std::filesystem::path(golden) / "tiny-ideogram4-bf16";
    } else {
        std::fprintf(stderr, "usage: bench_tokenizer MODEL_DIR (or set I4_GOLDEN_DIR)\n");
        return 2;
    }
    try {
        auto start = Clock::now();
        const auto tokenizer = i4::text::Tokenizer::fromModelFolder(modelDir);
        std::printf("tokenizer load: %.3f s (%s)\n", secondsSince(start),
                    tokenizer.path().string().c_str());

        const std::string text = mixedText(std::size_t(1) << 20);
        const double megabytes = double(text.size()) / (1 << 20);
        for (const char* pass : {"cold BPE cache", "warm BPE cache"}) {
            start = Clock::now();
            const auto ids = tokenizer.encode(text);
            const double seconds = secondsSince(start);
            std::printf("tokenize %.2f MB (%s): %.3f s, %.2f MB/s, %.0f tokens/s, %zu tokens\n",
                        megabytes, pass, seconds, megabytes / seconds, double(ids.size()) / seconds,
                        ids.size());
        }

        at::InferenceMode inference;
        start = Clock::now();
        const auto encoder = i4::text::Qwen3TextEncoder::load(modelDir / "text_encoder");
        std::printf(
            "text encoder load (float32 CPU): %.3f s, hidden %lld, %lld layers, threads %d\n",
            secondsSince(start), static_cast<long long>(encoder.config().hiddenSize),
            static_cast<long long>(encoder.config().numLayers), at::get_num_threads());
        const auto all = tokenizer.encode(text);
        for (std::size_t length : {std::size_t(64), std::size_t(512), std::size_t(2048)}) {
            const std::vector<std::vector<int64_t>> batch{
                std::vector<int64_t>(all.begin(), all.begin() + static_cast<long>(length))};
            encoder.encode(batch);  // warm-up
            const int reps = length >= 2048 ? 2 : 5;
            start = Clock::now();
            for (int r = 0; r < reps; ++r) encoder.encode(batch);
            const double seconds = secondsSince(start) / reps;
            std::printf("encode 1 x %zu tokens: %.2f ms, %.3f ms/token\n", length, seconds * 1e3,
                        seconds * 1e3 / double(length));
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_tokenizer: %s\n", e.what());
        return 1;
    }
    return 0;
}
