#include "core/sampling/validation.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

#include "core/errors.h"

namespace i4::sampling {

void validateImageSize(int width, int height, bool smallSizes) {
    const int minSide = smallSizes ? kSizeMultiple : kMinSide;
    for (const auto& [name, value] : {std::pair<const char*, int>{"width", width},
                                      std::pair<const char*, int>{"height", height}}) {
        if (value <= 0 || value % kSizeMultiple != 0) {
            throw InputError(std::string(name) + " " + std::to_string(value) +
                             " must be a positive multiple of " + std::to_string(kSizeMultiple) +
                             " pixels");
        }
        if (value < minSide || value > kMaxSide) {
            throw InputError(std::string(name) + " " + std::to_string(value) + " is outside " +
                             std::to_string(minSide) + ".." + std::to_string(kMaxSide) +
                             " pixels, the range the model supports");
        }
    }
    const double aspect = static_cast<double>(std::max(width, height)) / std::min(width, height);
    if (aspect > kMaxAspectRatio) {
        std::ostringstream msg;
        msg << "the aspect ratio of " << width << "x" << height << " (" << aspect
            << ":1) exceeds the supported 6:1";
        throw InputError(msg.str());
    }
}

void validateStepCount(int steps) {
    if (steps < 1) throw InputError("steps must be at least 1 (got " + std::to_string(steps) + ")");
    if (steps > kMaxSteps) {
        throw InputError("steps must be at most " + std::to_string(kMaxSteps) + " (got " +
                         std::to_string(steps) + ")");
    }
}

void validateSamplerSettings(int steps, const std::vector<float>& guidanceStepOrder, double mu,
                             double std) {
    validateStepCount(steps);
    if (guidanceStepOrder.size() != static_cast<size_t>(steps)) {
        throw InputError("the guidance schedule has " + std::to_string(guidanceStepOrder.size()) +
                         " values but there are " + std::to_string(steps) +
                         " steps (one value per step is needed)");
    }
    for (size_t i = 0; i < guidanceStepOrder.size(); ++i) {
        const float g = guidanceStepOrder[i];
        if (!std::isfinite(g)) {
            throw InputError("guidance value " + std::to_string(i + 1) + " is not a number");
        }
        if (g < 0.0f || g > kMaxGuidance) {
            std::ostringstream msg;
            msg << "guidance value " << i + 1 << " (" << g << ") is outside 0.." << kMaxGuidance;
            throw InputError(msg.str());
        }
    }
    if (!std::isfinite(mu)) throw InputError("mu must be a finite number");
    if (!std::isfinite(std) || !(std > 0.0)) {
        throw InputError("std must be a positive number (got " + std::to_string(std) + ")");
    }
}

void validateTextLength(int64_t tokens, bool /*smallSizes*/) {
    if (tokens < 1) throw InputError("the prompt is empty");
    if (tokens > kMaxTextTokens) {
        throw InputError("the prompt is " + std::to_string(tokens) + " tokens long; the model " +
                         "accepts at most " + std::to_string(kMaxTextTokens));
    }
}

void validateGeneration(int width, int height, int steps,
                        const std::vector<float>& guidanceStepOrder, double mu, double std,
                        bool smallSizes) {
    validateImageSize(width, height, smallSizes);
    validateSamplerSettings(steps, guidanceStepOrder, mu, std);
}

}  // namespace i4::sampling
