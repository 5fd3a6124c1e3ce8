#include "core/pipeline/request_settings.h"

#include <algorithm>
#include <cmath>

#include "core/caption/caption_verifier.h"
#include "core/errors.h"
#include "core/sampling/presets.h"
#include "core/sampling/schedule.h"
#include "core/sampling/validation.h"

namespace i4::pipeline {

SamplerSettings resolveSampler(const GenerationRequest& request) {
    SamplerSettings s;
    if (!request.preset.empty()) {
        auto preset = sampling::findPreset(request.preset);
        if (!preset) {
            std::string names;
            for (const auto& p : sampling::builtinPresets())
                names += (names.empty() ? "" : ", ") + p.name;
            throw InputError("unknown preset '" + request.preset + "' (built-in: " + names + ")");
        }
        s.preset = preset->name;
        s.steps = preset->steps;
        s.guidanceSchedule = preset->guidanceSchedule;
        s.mu = preset->mu;
        s.std = preset->std;
    }
    if (request.steps) {
        // Checked before the schedule is stretched to it: a billion steps would allocate first.
        sampling::validateStepCount(*request.steps);
        // A new step count without a new schedule stretches the preset's shape, as the GUI's
        // schedule editor does (Note [keeping the shape]).
        if (!s.guidanceSchedule.empty() && request.guidanceSchedule.empty()) {
            s.guidanceSchedule = sampling::resampleGuidance(s.guidanceSchedule, *request.steps);
        }
        s.steps = *request.steps;
    }
    if (!request.guidanceSchedule.empty()) s.guidanceSchedule = request.guidanceSchedule;
    if (request.mu) s.mu = *request.mu;
    if (request.std) s.std = *request.std;
    if (s.steps <= 0 && request.preset.empty()) {
        throw InputError("no preset and no step count: give a preset or steps + guidance schedule");
    }
    if (s.guidanceSchedule.empty()) {
        throw InputError("no guidance schedule: give a preset or a guidance schedule");
    }
    return s;
}

void validateRequest(const GenerationRequest& request) {
    if (request.prompts.empty()) throw InputError("the request has no prompt");
    if (request.prompts.size() > static_cast<std::size_t>(kMaxImagesPerRequest)) {
        throw InputError("the request has " + std::to_string(request.prompts.size()) +
                         " prompts; at most " + std::to_string(kMaxImagesPerRequest) +
                         " images are generated together");
    }
    for (std::size_t i = 0; i < request.prompts.size(); ++i) {
        if (request.prompts[i].size() > kMaxPromptBytes) {
            throw InputError("prompt " + std::to_string(i + 1) + " is " +
                             std::to_string(request.prompts[i].size() / 1024) +
                             " KiB long; at most " + std::to_string(kMaxPromptBytes / 1024) +
                             " KiB (the model reads at most " +
                             std::to_string(sampling::kMaxTextTokens) + " tokens)");
        }
        if (request.prompts[i].find_first_not_of(" \t\r\n") == std::string::npos) {
            throw InputError("prompt " + std::to_string(i + 1) + " is empty");
        }
    }
    if (request.batch < 1 || request.batch > kMaxImagesPerRequest) {
        throw InputError("batch must be between 1 and " + std::to_string(kMaxImagesPerRequest) +
                         " (got " + std::to_string(request.batch) + ")");
    }
    if (request.prompts.size() * static_cast<std::size_t>(request.batch) >
        static_cast<std::size_t>(kMaxImagesPerRequest)) {
        throw InputError(std::to_string(request.prompts.size()) + " prompts x batch " +
                         std::to_string(request.batch) + " is more than " +
                         std::to_string(kMaxImagesPerRequest) + " images in one request");
    }
    const SamplerSettings s = resolveSampler(request);
    sampling::validateGeneration(request.width, request.height, s.steps, s.guidanceSchedule, s.mu,
                                 s.std, request.uncheckedSize);
}

GenerationRequest resolvedRequest(const GenerationRequest& request) {
    const SamplerSettings s = resolveSampler(request);
    GenerationRequest r = request;
    r.preset = s.preset;
    r.steps = s.steps;
    r.guidanceSchedule = s.guidanceSchedule;
    r.mu = s.mu;
    r.std = s.std;
    return r;
}

GenerationRequest withMainGuidance(const GenerationRequest& request, float weight) {
    GenerationRequest r = request;
    std::vector<float> schedule = resolveSampler(request).guidanceSchedule;
    const std::size_t tail = static_cast<std::size_t>(sampling::polishTailLength(schedule));
    std::fill(schedule.begin(), schedule.end() - static_cast<std::ptrdiff_t>(tail), weight);
    r.guidanceSchedule = schedule;
    return r;
}

std::string defaultPreset(const ModelHints& hints) {
    if (!hints.preset.empty() && sampling::findPreset(hints.preset)) return hints.preset;
    return kDefaultPreset;
}

GenerationRequest withModelDefaults(const GenerationRequest& request, const ModelHints& hints,
                                    bool presetChosen) {
    GenerationRequest r = request;
    if (!presetChosen) r.preset = defaultPreset(hints);
    if (hints.guidance && r.guidanceSchedule.empty()) r = withMainGuidance(r, *hints.guidance);
    return r;
}

namespace {

ImageSize nativeSize(const ModelHints& hints) {
    if (hints.hasNativeSize()) return {hints.nativeWidth, hints.nativeHeight};
    return {kPublishedNativeSide, kPublishedNativeSide};
}

}  // namespace

ImageSize sizeForAspect(int aspectW, int aspectH, const ModelHints& hints) {
    const ImageSize native = nativeSize(hints);
    if (aspectW <= 0 || aspectH <= 0) return native;
    const double pixels = double(native.width) * native.height;
    const double height = std::sqrt(pixels * aspectH / aspectW);
    const auto toStep = [](double side) { return std::max(16, int(std::lround(side / 16)) * 16); };
    return {toStep(height * aspectW / aspectH), toStep(height)};
}

SizeAdvice sizeAdvice(int width, int height, const ModelHints& hints) {
    SizeAdvice advice;
    const ImageSize native = nativeSize(hints);
    advice.nativeWidth = native.width;
    advice.nativeHeight = native.height;
    advice.pixelRatio = double(width) * height / (double(advice.nativeWidth) * advice.nativeHeight);
    // Only a model that states its size is held to it: the published one runs its whole range
    // of sizes (256..2048) with the schedule shifted for each.
    advice.farFromNative =
        hints.hasNativeSize() && (advice.pixelRatio > 2.0 || advice.pixelRatio < 0.5);
    return advice;
}

std::vector<std::string> captionWarnings(const std::string& prompt) {
    const auto first = prompt.find_first_not_of(" \t\r\n");
    if (first == std::string::npos || prompt[first] != '{') return {};
    std::vector<std::string> out;
    for (const auto& w : caption::verifyCaption(prompt))
        out.push_back(w.jsonPath + ": " + w.message);
    return out;
}

}  // namespace i4::pipeline
