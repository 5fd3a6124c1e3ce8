#include "tests/ui/fake_engine.h"

#include <thread>

#include "core/errors.h"

namespace i4::ui::test {

namespace {

pipeline::RgbImage flatImage(int width, int height, uint64_t seed) {
    pipeline::RgbImage image;
    image.width = width;
    image.height = height;
    image.pixels.resize(size_t(width) * size_t(height) * 3);
    for (size_t i = 0; i < image.pixels.size(); i += 3) {
        image.pixels[i] = uint8_t(seed & 0xFF);
        image.pixels[i + 1] = uint8_t((seed >> 8) & 0xFF);
        image.pixels[i + 2] = 0x80;
    }
    return image;
}

// Spins rather than sleeps, so the test sees what a compute-bound engine does to the process.
void busyWork(std::chrono::milliseconds duration) {
    const auto end = std::chrono::steady_clock::now() + duration;
    volatile double sink = 0;
    while (std::chrono::steady_clock::now() < end) {
        for (int i = 0; i < 1000; ++i) sink = sink + i * 0.5;
    }
}

}  // namespace

pipeline::GenerationResult FakeEngine::generate(const pipeline::GenerationRequest& request,
                                                const pipeline::GenerationCallbacks& callbacks) {
    const int total = request.steps.value_or(steps);
    // Previews at latent resolution, results at full size, like the real pipeline.
    const int previewWidth = request.width / 16;
    const int previewHeight = request.height / 16;
    for (int step = 1; step <= total; ++step) {
        if (callbacks.cancel && callbacks.cancel->load()) throw CancelledError();
        busyWork(stepTime);
        if (outcome == Outcome::Throw && step == throwAtStep) {
            throw ModelError("fake engine: tensor 'layers.3.mlp' is out of memory");
        }
        pipeline::StepInfo info;
        info.step = step;
        info.total = total;
        info.etaSeconds = double((total - step) * stepTime.count()) / 1000.0;
        info.elapsedSeconds = double(step * stepTime.count()) / 1000.0;
        if (callbacks.onStep) callbacks.onStep(info);
        if (callbacks.onPreview)
            callbacks.onPreview(info, flatImage(previewWidth, previewHeight, step));
    }
    if (callbacks.cancel && callbacks.cancel->load()) throw CancelledError();
    pipeline::GenerationResult result;
    result.request = request;
    if (!result.request.steps) result.request.steps = total;
    result.denoiseSeconds = double(total * stepTime.count()) / 1000.0;
    const size_t count = std::max<size_t>(1, request.prompts.size()) * size_t(request.batch);
    for (size_t i = 0; i < count; ++i) {
        result.images.push_back(flatImage(request.width, request.height, request.seed + i));
    }
    return result;
}

int FakeEngine::countTokens(const std::string& prompt) const {
    busyWork(countTime);
    int words = 0;
    bool inWord = false;
    for (const char c : prompt) {
        const bool space = c == ' ' || c == '\n' || c == '\t';
        if (!space && !inWord) ++words;
        inWord = !space;
    }
    return framingTokens + words;
}

}  // namespace i4::ui::test
