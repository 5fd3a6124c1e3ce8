#include "core/sampling/sampler.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>

#include "core/errors.h"
#include "core/sampling/schedule.h"

namespace i4::sampling {
namespace {

void throwIfCancelled(const std::atomic<bool>* cancel) {
    if (cancel && cancel->load()) throw CancelledError();
}

void checkVelocity(const at::Tensor& v, const at::Tensor& z, const char* which) {
    if (!v.defined() || v.sizes() != z.sizes()) {
        throw Error(std::string("sampler: the ") + which +
                    " velocity does not have the latent's shape");
    }
}

}  // namespace

SamplingPlan makeSamplingPlan(int steps, double mu, double std,
                              const std::vector<float>& guidanceStepOrder, int height, int width) {
    if (steps < 1) throw InputError("steps must be at least 1 (got " + std::to_string(steps) + ")");
    if (guidanceStepOrder.size() != static_cast<size_t>(steps)) {
        throw InputError("the guidance schedule has " + std::to_string(guidanceStepOrder.size()) +
                         " values for " + std::to_string(steps) + " steps");
    }
    const auto schedule = LogitNormalSchedule::forResolution(mu, std, height, width);
    const std::vector<float> atIntervals = scheduleAtIntervals(schedule, steps);  // k = 0..N
    SamplingPlan plan;
    plan.times.assign(atIntervals.rbegin(), atIntervals.rend());
    plan.guidance = guidanceStepOrder;
    return plan;
}

at::Tensor initialNoise(int64_t batch, int64_t tokens, int64_t channels, uint64_t seed) {
    at::Generator generator = at::make_generator<at::CPUGeneratorImpl>(seed);
    return at::randn({batch, tokens, channels}, generator, at::TensorOptions(at::kFloat));
}

at::Tensor sampleEuler(const at::Tensor& zInit, const SamplingPlan& plan,
                       const VelocityFn& conditional, const VelocityFn& unconditional,
                       const SamplerCallbacks& callbacks) {
    const int total = plan.steps();
    if (total < 1 || plan.times.size() != static_cast<size_t>(total) + 1) {
        throw InputError("sampler: the plan needs N >= 1 guidance values and N + 1 times");
    }
    at::Tensor z = zInit.to(at::kFloat).clone();  // [B, N, C] f32
    for (int k = 0; k < total; ++k) {
        throwIfCancelled(callbacks.cancel);
        const float t = plan.times[static_cast<size_t>(k)];
        const float s = plan.times[static_cast<size_t>(k) + 1];
        const double g = plan.guidance[static_cast<size_t>(k)];

        at::Tensor vCond = conditional(z, t).to(at::kFloat);
        checkVelocity(vCond, z, "conditional");
        throwIfCancelled(callbacks.cancel);
        at::Tensor vUncond = unconditional(z, t).to(at::kFloat);
        checkVelocity(vUncond, z, "unconditional");

        at::Tensor v = vCond * g + vUncond * (1.0 - g);  // [B, N, C] f32
        at::Tensor x0;
        if (callbacks.onStep) x0 = z + v * (1.0 - static_cast<double>(t));
        z = z + v * (static_cast<double>(s) - static_cast<double>(t));
        if (callbacks.constrain) z = callbacks.constrain(z, s);
        if (callbacks.onStep) {
            callbacks.onStep(StepState{k, total, t, s, static_cast<float>(g), z, x0});
        }
    }
    throwIfCancelled(callbacks.cancel);
    return z;
}

}  // namespace i4::sampling
