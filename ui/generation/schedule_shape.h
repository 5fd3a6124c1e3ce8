#pragma once

#include <vector>

namespace i4::ui {

// Guidance schedules as the editor builds them, always in step order (first step first).

// Note [keeping the shape]: when the step count changes, each new step takes the value of the
// old step at the same relative position (nearest step centre). Plateaus keep their exact
// levels and their share of the run, so a preset's "main weight + polish tail" stays that:
// 20 steps with a 2-step tail become 12 steps with a 1-step tail, as in V4_TURBO_12.
std::vector<float> resampleSchedule(const std::vector<float>& schedule, int steps);

std::vector<float> constantSchedule(float weight, int steps);
// `main` everywhere except the last `tailLength` steps, which get `tail`.
std::vector<float> mainWithTailSchedule(float main, float tail, int tailLength, int steps);
// From `first` at the first step to `last` at the last, evenly.
std::vector<float> linearRampSchedule(float first, float last, int steps);

}  // namespace i4::ui
