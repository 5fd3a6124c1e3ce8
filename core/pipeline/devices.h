#pragma once

// Which device the engine runs on, in Torch-free terms for the UI and the CLI.

#include <cstdint>
#include <string>

namespace i4::pipeline {

struct DeviceReport {
    std::string torchVersion;   // the LibTorch this build uses, e.g. "2.11.0" or "1.13.1"
    bool buildHasCuda = false;  // false: a CPU-only build, which can never use a GPU
    bool gpuAvailable = false;
    std::string gpuName;  // e.g. "NVIDIA H200"
    uint64_t gpuTotalBytes = 0;
    uint64_t gpuFreeBytes = 0;
    // The fast mode (LoadOptions::fp8Matmul) can run: fp8 tensor cores (compute capability 8.9
    // or newer) and a LibTorch that has the scaled fp8 matmul (Note [fp8 matmuls]).
    bool fp8MatmulAvailable = false;
    std::string problem;  // when !gpuAvailable: why, and how to get a build that can use it
};

DeviceReport deviceReport();

// "auto" -> "cuda" when a GPU is usable, else "cpu"; "cpu" and "cuda" pass through ("cuda"
// without a usable GPU throws InputError with DeviceReport::problem). Anything else throws
// InputError.
std::string resolveDevice(const std::string& requested);

// "auto" -> "bf16" on "cuda", "fp32" on "cpu"; "fp32" / "bf16" pass through.
std::string resolveDtype(const std::string& requested, const std::string& device);

}  // namespace i4::pipeline
