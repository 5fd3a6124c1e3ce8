#include "core/sampling/schedule.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace i4::sampling {
namespace {

// Note [ndtri]
// Acklam's rational approximation (relative error < 1.15e-9) followed by one Halley step on
// Phi(x) - p, with Phi computed from std::erfc. One step brings the result to full double
// precision, which the 1e-6 schedule tolerance needs near u = 0 and u = 1, where the schedule is
// steep.
double acklam(double p) {
    static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                               -2.759285104469687e+02, 1.383577518672690e+02,
                               -3.066479806614716e+01, 2.506628277459239e+00};
    static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                               -1.556989798598866e+02, 6.680131188771972e+01,
                               -1.328068155288572e+01};
    static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                               -2.400758277161838e+00, -2.549732539343734e+00,
                               4.374664141464968e+00,  2.938163982698783e+00};
    static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                               3.754408661907416e+00};
    constexpr double kLow = 0.02425;
    if (p < kLow) {
        const double q = std::sqrt(-2.0 * std::log(p));
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
    }
    if (p > 1.0 - kLow) {
        const double q = std::sqrt(-2.0 * std::log1p(-p));
        return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
    }
    const double q = p - 0.5;
    const double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
           (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
}

constexpr double kSqrtTwoPi = 2.5066282746310002;

double expit(double x) { return 1.0 / (1.0 + std::exp(-x)); }

}  // namespace

double ndtri(double p) {
    if (std::isnan(p) || p < 0.0 || p > 1.0) return std::numeric_limits<double>::quiet_NaN();
    if (p == 0.0) return -std::numeric_limits<double>::infinity();
    if (p == 1.0) return std::numeric_limits<double>::infinity();
    double x = acklam(p);
    // Halley refinement; e = Phi(x) - p, with Phi(x) = erfc(-x / sqrt 2) / 2.
    const double e = 0.5 * std::erfc(-x / std::sqrt(2.0)) - p;
    const double u = e * kSqrtTwoPi * std::exp(0.5 * x * x);
    x = x - u / (1.0 + 0.5 * x * u);
    return x;
}

double resolutionShiftedMean(double mu, int height, int width) {
    return mu + 0.5 * std::log(static_cast<double>(height) * static_cast<double>(width) /
                               (512.0 * 512.0));
}

LogitNormalSchedule LogitNormalSchedule::forResolution(double mu, double std, int height,
                                                       int width) {
    return LogitNormalSchedule(resolutionShiftedMean(mu, height, width), std);
}

float LogitNormalSchedule::operator()(double u) const {
    const double t = 1.0 - expit(m_mean + m_std * ndtri(u));
    return static_cast<float>(std::clamp(t, kScheduleTMin, kScheduleTMax));
}

// Note [float32 linspace]
// The reference takes its step intervals from torch.linspace(0, 1, N + 1) in float32. torch's CPU
// kernel counts from the start below the midpoint and from the end above it, and its AVX2 path
// fills whole 8-lane vectors (two per loop turn) as base + lane * step, with the scalar formula
// only for the tail. The lanes round differently from the scalar formula (e.g. 47/48 is
// 0.97916663 in a lane, 0.97916669 in scalar code), which moves the schedule by up to 2e-6
// relative, over the 1e-6 budget, so the kernel's arithmetic is reproduced here.
std::vector<float> stepIntervals(int steps) {
    constexpr int64_t kLanes = 8;
    const int64_t count = static_cast<int64_t>(steps) + 1;
    std::vector<float> out(static_cast<size_t>(std::max<int64_t>(count, 1)), 0.0f);
    if (count <= 1) return out;
    const float step = (1.0f - 0.0f) / static_cast<float>(count - 1);
    const int64_t halfway = count / 2;
    auto scalar = [&](int64_t i) {
        return i < halfway ? 0.0f + step * static_cast<float>(i)
                           : 1.0f - step * static_cast<float>(count - i - 1);
    };
    auto fillVector = [&](int64_t first) {
        const float base = scalar(first);
        out[static_cast<size_t>(first)] = base;
        for (int64_t lane = 1; lane < kLanes; ++lane) {
            out[static_cast<size_t>(first + lane)] = base + static_cast<float>(lane) * step;
        }
    };
    int64_t i = 0;
    for (; i + 2 * kLanes <= count; i += 2 * kLanes) {
        fillVector(i);
        fillVector(i + kLanes);
    }
    for (; i < count; ++i) out[static_cast<size_t>(i)] = scalar(i);
    return out;
}

std::vector<float> scheduleAtIntervals(const LogitNormalSchedule& schedule, int steps) {
    std::vector<float> out;
    for (float u : stepIntervals(steps)) out.push_back(schedule(static_cast<double>(u)));
    return out;
}

std::vector<float> guidanceToLoopOrder(const std::vector<float>& stepOrder) {
    return {stepOrder.rbegin(), stepOrder.rend()};
}

std::vector<float> guidanceToStepOrder(const std::vector<float>& loopOrder) {
    return {loopOrder.rbegin(), loopOrder.rend()};
}

std::vector<float> resampleGuidance(const std::vector<float>& stepOrder, int steps) {
    if (steps <= 0) return {};
    if (stepOrder.empty()) return std::vector<float>(static_cast<size_t>(steps), 0.0f);
    const int oldSteps = static_cast<int>(stepOrder.size());
    std::vector<float> out(static_cast<size_t>(steps));
    for (int i = 0; i < steps; ++i) {
        const double centre = (i + 0.5) / steps;  // relative position of the new step
        const int source =
            std::clamp(static_cast<int>(std::lround(centre * oldSteps - 0.5)), 0, oldSteps - 1);
        out[static_cast<size_t>(i)] = stepOrder[static_cast<size_t>(source)];
    }
    return out;
}

int polishTailLength(const std::vector<float>& stepOrder) {
    int tail = 0;
    const int n = static_cast<int>(stepOrder.size());
    while (tail < n && stepOrder[static_cast<size_t>(n - 1 - tail)] != stepOrder.front()) ++tail;
    return tail;
}

}  // namespace i4::sampling
