#pragma once

#include <vector>

namespace i4::ui {

// Guidance schedules as the editor builds them, always in step order (first step first).

// Changing the step count keeps the shape: core's sampling::resampleGuidance (Note [keeping
// the shape] in core/sampling/schedule.h), the same stretch the CLI applies.
std::vector<float> resampleSchedule(const std::vector<float>& schedule, int steps);

std::vector<float> constantSchedule(float weight, int steps);
// `main` everywhere except the last `tailLength` steps, which get `tail`.
std::vector<float> mainWithTailSchedule(float main, float tail, int tailLength, int steps);
// From `first` at the first step to `last` at the last, evenly.
std::vector<float> linearRampSchedule(float first, float last, int steps);

}  // namespace i4::ui
