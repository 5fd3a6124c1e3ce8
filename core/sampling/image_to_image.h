#pragma once

// Image-to-image and inpainting on the sampler (issue 26).
//
// Note [image-to-image]
// The flow runs from noise (model time 0) to the clean image (time 1), z_t = t x0 + (1 - t) e
// (spec D.5). A strength S in (0, 1] runs the last round(S N) of the plan's N steps (at least
// one), starting from the input's latent x0 noised to the first of those steps' start time with
// the request's seeded noise e; the guidance schedule is cut the same way (its last steps). When
// no step is skipped (S = 1, or S N rounds to N) the start is the noise itself, exactly as
// text-to-image starts, so strength 1 without a mask *is* text-to-image with the same seed.
//
// Inpainting: after every step (at time s) the kept region (mask 0) is put back as x0 noised to
// s with the same noise, so the repainted region is always generated next to a matching known
// region; the mask in token space is 1 where any pixel of the token's 16 x 16 block is repainted.
// The decoded image is then composited with the input in pixel space with the soft mask
// (pipeline::compositeWithMask), so kept pixels are the input's exactly.

#include <ATen/core/Tensor.h>

#include <vector>

#include "core/sampling/sampler.h"

namespace i4::sampling {

// The number of steps a strength runs out of `steps`: max(1, round(strength * steps)).
int stepsForStrength(int steps, double strength);

// The last stepsForStrength() steps of `plan` (times and guidance); `skipped` gets how many
// were left out.
SamplingPlan tailOfPlan(const SamplingPlan& plan, double strength, int* skipped = nullptr);

// z_t = t x0 + (1 - t) noise, in float32 on the noise's device.
at::Tensor noisedLatent(const at::Tensor& x0, const at::Tensor& noise, float t);

// A pixel mask (width x height, row-major, 1 = repaint) as tokens [1, gridH * gridW, 1] float32:
// 1 where any pixel of the token's block is above `threshold`, else 0.
at::Tensor tokenMask(const std::vector<float>& pixelMask, int width, int height,
                     int pixelsPerToken, float threshold = 0.02f);

// The kept region of an inpainting run.
struct KnownRegion {
    at::Tensor x0;     // [B, N, C] f32: the input's latent
    at::Tensor noise;  // [B, N, C] f32: the run's seeded noise
    at::Tensor mask;   // [1 or B, N, 1] f32: 1 = repaint
    // z with the kept region replaced by x0 noised to time t.
    at::Tensor blend(const at::Tensor& z, float t) const;
};

}  // namespace i4::sampling
