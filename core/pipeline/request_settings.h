#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/pipeline/generation_request.h"
#include "core/pipeline/model_hints.h"

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

// Note [model-aware defaults]
// A model folder may name its own preset, main guidance and size (ModelHints: the demo model's
// V4_TURBO_12, 1.15 and 128x128). The GUI and the CLI both go through the functions below, so
// the same choices run the same request in either:
// - nothing chosen: the model's own preset (kDefaultPreset when it names none, or one this
//   version lacks) with its main guidance;
// - a preset chosen: the preset's steps, mu, std and the shape of its schedule (its polish
//   tail), with the model's main guidance in place of the preset's 7.0 (a weight tuned for the
//   published model; the demo makes coloured noise at it). An explicit schedule or guidance wins;
// - sizes: an aspect ratio keeps the model's native pixel count (1024x1024 without one), and a
//   size with far more or fewer pixels than a model's stated native size is flagged
//   (sizeAdvice), since the model was not trained there and, with more pixels, runs far longer.
inline constexpr const char* kDefaultPreset = "V4_DEFAULT_20";
inline constexpr int kPublishedNativeSide = 1024;

// The preset a model runs with when the user names none.
std::string defaultPreset(const ModelHints& hints);

// `request` with the model's defaults where the user chose nothing (Note [model-aware
// defaults]): `presetChosen` false gives the model's preset in place of request.preset (explicit
// steps and schedule still override its values); no explicit schedule gives the model's main
// guidance (when it names one) with the preset's tail.
GenerationRequest withModelDefaults(const GenerationRequest& request, const ModelHints& hints,
                                    bool presetChosen);

// The size for aspect `aspectW:aspectH` at about the model's native pixel count, sides rounded
// to multiples of 16 (the caller clamps to its limits).
struct ImageSize {
    int width = 0;
    int height = 0;
};
ImageSize sizeForAspect(int aspectW, int aspectH, const ModelHints& hints);

// How far `width x height` is from the pixel count the model was trained at.
struct SizeAdvice {
    int nativeWidth = kPublishedNativeSide;  // the size compared with
    int nativeHeight = kPublishedNativeSide;
    double pixelRatio = 1;  // pixels asked for / native pixels
    // The model states a native size and this is more than twice or less than half its pixels.
    bool farFromNative = false;
};
SizeAdvice sizeAdvice(int width, int height, const ModelHints& hints);

// Caption-verifier warnings for prompts written as JSON captions ("$.path: message"); plain-text
// prompts get none.
std::vector<std::string> captionWarnings(const std::string& prompt);

}  // namespace i4::pipeline
