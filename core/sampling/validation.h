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
// Not the model's limits but sanity bounds on numbers a user (or a file) can type: a billion
// steps would allocate its guidance schedule before the first step ran.
constexpr int kMaxSteps = 1000;
constexpr float kMaxGuidance = 100.0f;

// Each check throws i4::InputError with a message that names the field and the allowed range.
//
// Note [size limits hold for every model]
// `smallSizes` lowers the least side from 256 to 16 pixels for the small test and demo models.
// It lifts nothing else: the 2048-pixel largest side, the 6:1 aspect ratio and the 2048-token
// text limit hold for every model, whatever the model folder or the request says (a request of
// 100000 x 64 pixels once grew past 15 GB before anything refused it).

void validateImageSize(int width, int height, bool smallSizes);
// `guidanceStepOrder` is the guidance schedule in step order, one value per step.
void validateSamplerSettings(int steps, const std::vector<float>& guidanceStepOrder, double mu,
                             double std);
// A step count as typed (before a schedule is stretched to it): 1..kMaxSteps.
void validateStepCount(int steps);
// The number of tokens of the longest chat-framed prompt. `smallSizes` lifts nothing here (Note
// [size limits hold for every model]); it stays so that callers passing a request's flag compile.
void validateTextLength(int64_t tokens, bool smallSizes = false);

// Size and sampler settings together (what can be checked before tokenising).
void validateGeneration(int width, int height, int steps,
                        const std::vector<float>& guidanceStepOrder, double mu, double std,
                        bool smallSizes);

}  // namespace i4::sampling
