#include "tests/support/golden.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>

#include "core/io/safetensors_file.h"
#include "core/io/tensor_view.h"

namespace i4::test {

std::filesystem::path goldenDir() {
    const char* env = std::getenv("I4_GOLDEN_DIR");
    std::filesystem::path dir = env && *env ? env : I4_GOLDEN_DEFAULT;
    if (!std::filesystem::is_directory(dir)) {
        ADD_FAILURE() << "golden data folder " << dir << " is missing (set I4_GOLDEN_DIR)";
    }
    return dir;
}

at::Tensor goldenTensor(const std::string& file, const std::string& name) {
    auto st = io::SafetensorsFile::open(goldenDir() / file);
    return io::tensorView(st, st->at(name)).clone();
}

double relativeError(const at::Tensor& actual, const at::Tensor& expected) {
    at::Tensor a = actual.to(at::kDouble).reshape({-1});
    at::Tensor b = expected.to(at::kDouble).reshape({-1});
    if (a.numel() != b.numel()) return std::numeric_limits<double>::infinity();
    if (at::isnan(a).any().item<bool>()) return std::numeric_limits<double>::quiet_NaN();
    return (a - b).norm().item<double>() / std::max(b.norm().item<double>(), 1e-30);
}

namespace {
struct TempDirs {
    std::vector<std::filesystem::path> dirs;
    ~TempDirs() {
        std::error_code ignored;
        for (const auto& d : dirs) std::filesystem::remove_all(d, ignored);
    }
};
}  // namespace

std::filesystem::path tempDir(const std::string& tag) {
    static TempDirs registry;
    std::string pattern =
        (std::filesystem::temp_directory_path() / ("i4-" + tag + "-XXXXXX")).string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    registry.dirs.emplace_back(pattern);
    return pattern;
}

}  // namespace i4::test
