#include "core/sampling/image_to_image.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>

#include "core/errors.h"

namespace i4::sampling {

int stepsForStrength(int steps, double strength) {
    if (!(strength > 0.0 && strength <= 1.0))
        throw InputError("input.strength must be in (0, 1]");
    const long run = std::lround(strength * steps);
    return static_cast<int>(std::clamp<long>(run, 1, steps));
}

SamplingPlan tailOfPlan(const SamplingPlan& plan, double strength, int* skipped) {
    const int total = plan.steps();
    const int run = stepsForStrength(total, strength);
    const int skip = total - run;
    SamplingPlan tail;
    tail.times.assign(plan.times.begin() + skip, plan.times.end());
    tail.guidance.assign(plan.guidance.begin() + skip, plan.guidance.end());
    if (skipped) *skipped = skip;
    return tail;
}

at::Tensor noisedLatent(const at::Tensor& x0, const at::Tensor& noise, float t) {
    const double tt = static_cast<double>(t);
    return x0.to(noise.device(), at::kFloat) * tt + noise.to(at::kFloat) * (1.0 - tt);
}

at::Tensor tokenMask(const std::vector<float>& pixelMask, int width, int height,
                     int pixelsPerToken, float threshold) {
    if (pixelMask.size() != static_cast<size_t>(width) * height || width % pixelsPerToken != 0 ||
        height % pixelsPerToken != 0) {
        throw InputError("mask: its size does not match the image's");
    }
    const int gw = width / pixelsPerToken, gh = height / pixelsPerToken;
    at::Tensor mask = at::zeros({1, gh * gw, 1}, at::TensorOptions(at::kFloat));
    float* out = mask.data_ptr<float>();
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            if (pixelMask[static_cast<size_t>(y) * width + x] > threshold)
                out[(y / pixelsPerToken) * gw + x / pixelsPerToken] = 1.0f;
        }
    }
    return mask;
}

at::Tensor KnownRegion::blend(const at::Tensor& z, float t) const {
    const at::Tensor m = mask.to(z.device(), at::kFloat);
    return z * m + noisedLatent(x0, noise, t) * (1.0 - m);
}

}  // namespace i4::sampling
