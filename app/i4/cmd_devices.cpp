#include <iostream>
#include <string>

#include "app/i4/commands.h"
#include "app/i4/device_choice.h"
#include "core/pipeline/devices.h"

namespace i4::cli {

namespace {

int runDevices() {
    const pipeline::DeviceReport report = pipeline::deviceReport();
    std::cout << "LibTorch:  " << report.torchVersion
              << (report.buildHasCuda ? " with CUDA" : ", CPU only (built without CUDA)") << "\n";
    if (report.gpuAvailable) {
        std::cout << "GPU:       " << report.gpuName << ", " << gibText(report.gpuTotalBytes)
                  << " (" << gibText(report.gpuFreeBytes) << " free)\n";
        std::cout << "fast mode: "
                  << (report.fp8MatmulAvailable
                          ? "available (--fast: fp8 block matmuls)"
                          : "not available (needs fp8 tensor cores, compute capability 8.9 or "
                            "newer, and a LibTorch with scaled fp8 matmuls)")
                  << "\n";
    } else {
        std::cout << "GPU:       none usable; " << noGpuText(report) << "\n";
    }
    const std::string device = pipeline::resolveDevice("auto");
    std::cout << "auto:      --device " << device << ", --dtype "
              << pipeline::resolveDtype("auto", device)
              << (device == "cuda"
                      ? ", --memory chosen at load from the model's size and the free GPU memory"
                      : ", --memory resident (on the CPU every weight is in memory)")
              << "\n";
    return kExitOk;
}

}  // namespace

Command addDevicesCommand(CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "devices", "Show the LibTorch of this build, the GPU it can use and what 'auto' picks");
    return {cmd, [] { return runDevices(); }};
}

}  // namespace i4::cli
