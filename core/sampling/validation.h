#pragma once

#include <cstdint>
#include <vector>

namespace i4::sampling {

// The published model's limits (spec F.2 and the reference docs).
constexpr int kSizeMultiple = 16;
constexpr int kMinSide = 256;
constexpr int kMaxSide = 2048;
constexpr double kMaxAspectRatio = 6.0;
constexpr int64_t kMaxTextTokens = 2048;

// Each check throws i4::InputError with a message that names the field and the allowed range.
// `uncheckedSize` lifts the published limits (side range, aspect ratio, text length) for test
// models; multiples of 16 and positive sizes are always required.

void validateImageSize(int width, int height, bool uncheckedSize);
// `guidanceStepOrder` is the guidance schedule in step order, one value per step.
void validateSamplerSettings(int steps, const std::vector<float>& guidanceStepOrder, double mu,
                             double std);
// The number of tokens of the longest chat-framed prompt.
void validateTextLength(int64_t tokens, bool uncheckedSize);

// Size and sampler settings together (what can be checked before tokenising).
void validateGeneration(int width, int height, int steps,
                        const std::vector<float>& guidanceStepOrder, double mu, double std,
                        bool uncheckedSize);

}  // namespace i4::sampling
