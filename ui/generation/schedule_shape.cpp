#include "ui/generation/schedule_shape.h"

#include "core/sampling/schedule.h"

#include <algorithm>
#include <cmath>

namespace i4::ui {

std::vector<float> resampleSchedule(const std::vector<float>& schedule, int steps) {
    return sampling::resampleGuidance(schedule, steps);
}

std::vector<float> constantSchedule(float weight, int steps) {
    return std::vector<float>(size_t(std::max(steps, 0)), weight);
}

std::vector<float> mainWithTailSchedule(float main, float tail, int tailLength, int steps) {
    std::vector<float> out = constantSchedule(main, steps);
    const int tailStart = std::max(0, steps - std::max(tailLength, 0));
    std::fill(out.begin() + tailStart, out.end(), tail);
    return out;
}

std::vector<float> linearRampSchedule(float first, float last, int steps) {
    std::vector<float> out = constantSchedule(first, steps);
    for (int i = 1; i < steps; ++i) {
        out[size_t(i)] = first + (last - first) * float(i) / float(steps - 1);
    }
    return out;
}

}  // namespace i4::ui
