#pragma once

#include <vector>

namespace i4::sampling {

// Inverse of the standard normal CDF in float64 (scipy.special.ndtri): ndtri(0) = -inf,
// ndtri(1) = +inf, NaN outside [0, 1].
double ndtri(double p);

// Model time is 0 at pure noise and 1 at the clean image. The clamps are the reference's
// log-SNR bounds: t_min = 1 / (1 + e^9), t_max = 1 / (1 + e^-7.5).
constexpr double kScheduleTMin = 1.2339457598623172e-4;
constexpr double kScheduleTMax = 0.9994472213630764;

// The reference's logit-normal schedule: t(u) = clamp(1 - expit(mean + std * ndtri(u)), t_min,
// t_max),
// evaluated in float64 and rounded to float32 (see Note [Sampler loop order] in sampler.h).
class LogitNormalSchedule {
public:
    LogitNormalSchedule(double mean, double std) : m_mean(mean), m_std(std) {}

    // The mean shifted for the image size: mu + 0.5 * ln(H * W / 512^2) (pixels).
    static LogitNormalSchedule forResolution(double mu, double std, int height, int width);

    double mean() const { return m_mean; }
    double std() const { return m_std; }
    float operator()(double u) const;

private:
    double m_mean;
    double m_std;
};

double resolutionShiftedMean(double mu, int height, int width);

// float32 linspace(0, 1, steps + 1) computed as torch does on the CPU.
std::vector<float> stepIntervals(int steps);

// schedule(k / N) for k = 0..N (N + 1 values): element N is the noisiest time (≈ t_min), element
// 0 the final one (t_max).
std::vector<float> scheduleAtIntervals(const LogitNormalSchedule& schedule, int steps);

// The guidance schedule is kept and shown in step order (first step first); the reference indexes
// it by its loop counter, which runs backwards. These are the only two conversions between the
// orders (both simply reverse).
std::vector<float> guidanceToLoopOrder(const std::vector<float>& stepOrder);
std::vector<float> guidanceToStepOrder(const std::vector<float>& loopOrder);

// Note [keeping the shape]: when the step count changes, each new step takes the value of the
// old step at the same relative position (nearest step centre). Plateaus keep their exact levels
// and their share of the run, so a preset's "main weight + polish tail" stays that: 20 steps with
// a 2-step tail become 12 steps with a 1-step tail, exactly V4_TURBO_12. The CLI (--steps with a
// preset) and the GUI's schedule editor both stretch schedules with this one function.
std::vector<float> resampleGuidance(const std::vector<float>& stepOrder, int steps);

// The number of trailing steps whose weight differs from the first step's (the polish tail).
int polishTailLength(const std::vector<float>& stepOrder);

}  // namespace i4::sampling
