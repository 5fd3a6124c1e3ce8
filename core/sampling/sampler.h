#pragma once

#include <ATen/core/Tensor.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

namespace i4::sampling {

// Note [Sampler loop order]
// The reference loops i = N-1 .. 0 with t = sched(iv[i + 1]) and s = sched(iv[i]), where
// iv = linspace(0, 1, N + 1): model time runs from ≈ t_min (noise) to t_max = 0.999447 (not 1),
// and its guidance list is indexed by i, so its element 0 belongs to the last step. Here
// everything is in step order (step 0 first); `SamplingPlan` holds the times and the guidance in
// that order, and guidanceToLoopOrder() in schedule.h is the single conversion.

// The velocity of one model pass: z [B, N, C] float32 at model time t -> v [B, N, C] float32.
using VelocityFn = std::function<at::Tensor(const at::Tensor& z, float t)>;

struct SamplingPlan {
    std::vector<float> times;     // N + 1 model times in step order: step k runs times[k] -> [k+1]
    std::vector<float> guidance;  // N guidance weights in step order

    int steps() const { return static_cast<int>(guidance.size()); }
};

// The reference schedule for an image of height x width pixels. Throws InputError when the
// guidance schedule's length differs from `steps`.
SamplingPlan makeSamplingPlan(int steps, double mu, double std,
                              const std::vector<float>& guidanceStepOrder, int height, int width);

// What a step reports, after its update.
struct StepState {
    int step = 0;  // 0-based, in step order
    int total = 0;
    float t = 0;  // model time at the start of the step
    float s = 0;  // model time after it
    float guidance = 0;
    const at::Tensor& latent;  // [B, N, C] f32: z at time s
    const at::Tensor& x0;      // [B, N, C] f32: clean estimate z_t + (1 - t) * v
};

struct SamplerCallbacks {
    std::function<void(const StepState&)> onStep;
    // Checked before each step, between the two passes and after the last step; a set flag
    // throws i4::CancelledError.
    const std::atomic<bool>* cancel = nullptr;
    // Inpainting (Note [image-to-image]): called with z after each step's update, at its end
    // time s, before onStep; returns the z the next step starts from.
    std::function<at::Tensor(const at::Tensor& z, float s)> constrain;
};

// Seeded start noise [batch, tokens, channels] float32, drawn on a CPU generator seeded with
// `seed` exactly as torch.randn(..., generator=torch.Generator().manual_seed(seed)).
at::Tensor initialNoise(int64_t batch, int64_t tokens, int64_t channels, uint64_t seed);

// Euler integration with classifier-free guidance:
//   v = g * v_cond + (1 - g) * v_uncond;  z += v * (s - t)
// in float32. `conditional` and `unconditional` see the same z and t. Returns z at the final
// time. Throws CancelledError (see SamplerCallbacks::cancel); nothing partial is returned.
at::Tensor sampleEuler(const at::Tensor& zInit, const SamplingPlan& plan,
                       const VelocityFn& conditional, const VelocityFn& unconditional,
                       const SamplerCallbacks& callbacks = {});

}  // namespace i4::sampling
