#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/pipeline/generation_request.h"

namespace i4::pipeline {

// The sampler settings a request runs with once its preset is resolved: explicit fields win over
// the preset's. Guidance in step order.
struct SamplerSettings {
    std::string preset;  // "" when the request named none
    int steps = 0;
    std::vector<float> guidanceSchedule;
    double mu = 0;
    double std = 1;
};

// Bounds on what one request may ask for (Note [size limits hold for every model]).
constexpr int kMaxImagesPerRequest = 64;          // prompts x batch, generated together
constexpr std::size_t kMaxPromptBytes = 1 << 20;  // far above 2048 tokens of any text

// Throws InputError for an unknown preset or (after resolution) a missing step count or schedule.
SamplerSettings resolveSampler(const GenerationRequest& request);

// Everything that can be checked before a model is loaded: prompts present, non-empty and not
// absurdly long, batch, size limits (request.uncheckedSize lowers the least side only), steps,
// schedule length and values. Throws InputError.
void validateRequest(const GenerationRequest& request);

// The request as run: preset resolved into explicit steps / schedule / mu / std (so the PNG
// metadata and a remix reproduce it even if the preset changes later).
GenerationRequest resolvedRequest(const GenerationRequest& request);

// Sets the main guidance weight to `weight`, keeping the preset's polish tail (the trailing steps
// whose weight differs from the first step's).
GenerationRequest withMainGuidance(const GenerationRequest& request, float weight);

// Caption-verifier warnings for prompts written as JSON captions ("$.path: message"); plain-text
// prompts get none.
std::vector<std::string> captionWarnings(const std::string& prompt);

}  // namespace i4::pipeline
