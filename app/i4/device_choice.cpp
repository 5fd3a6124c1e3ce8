#include "app/i4/device_choice.h"

#include <cstdio>

namespace i4::cli {

namespace {

std::string join(const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
    return text;
}

std::string fixed2(double value, const char* unit) {
    char text[64];
    std::snprintf(text, sizeof text, "%.2f %s", value, unit);
    return text;
}

}  // namespace

CLI::Validator oneOf(const std::vector<std::string>& choices) {
    return CLI::Validator(
        [choices](std::string& value) -> std::string {
            for (const std::string& choice : choices) {
                if (value == choice) return {};
            }
            return "'" + value + "' is not one of " + join(choices);
        },
        "{" + join(choices) + "}");
}

std::string noGpuText(const pipeline::DeviceReport& report) {
    if (!report.buildHasCuda) {
        return "this build of i4 cannot use the GPU: its LibTorch (" + report.torchVersion +
               ") was built without CUDA. For a build that can, run scripts/run --gpu in the "
               "source tree on a machine with an NVIDIA GPU (README, section \"NVIDIA GPU\").";
    }
    return "i4 cannot use the GPU: this build has CUDA (LibTorch " + report.torchVersion +
           "), but " +
           (report.problem.empty() ? std::string("no usable NVIDIA GPU was found")
                                   : report.problem);
}

std::string gibText(uint64_t bytes) { return fixed2(double(bytes) / double(1ull << 30), "GiB"); }

std::string gbText(uint64_t bytes) { return fixed2(double(bytes) / 1e9, "GB"); }

std::string bytesText(uint64_t bytes) {
    if (bytes >= 1'000'000'000) return gbText(bytes);
    char text[64];
    std::snprintf(text, sizeof text, "%.1f MB", double(bytes) / 1e6);
    return text;
}

}  // namespace i4::cli
