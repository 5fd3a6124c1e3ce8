#pragma once

#include <ATen/core/Tensor.h>

#include <filesystem>
#include <string>

namespace i4::test {

// ../shared/golden (or $I4_GOLDEN_DIR). Golden tests fail — never pass silently — when it is
// missing; scripts/test leaves the `golden` label out on a clone without it.
std::filesystem::path goldenDir();

// A tensor from a golden safetensors file (path relative to goldenDir()), copied out of the
// mapping.
at::Tensor goldenTensor(const std::string& file, const std::string& name);

// ‖a − b‖ / ‖b‖ in float64 (the golden README's metric).
double relativeError(const at::Tensor& actual, const at::Tensor& expected);

// A fresh empty temporary folder, removed at process exit.
std::filesystem::path tempDir(const std::string& tag);

}  // namespace i4::test
