#include "core/pipeline/devices.h"

#include "core/errors.h"
#include "core/runtime/device.h"
#include "core/runtime/torch_compat.h"

namespace i4::pipeline {

DeviceReport deviceReport() {
    const runtime::GpuInfo gpu = runtime::gpuInfo();
    DeviceReport report;
    report.torchVersion = runtime::torchVersion();
    report.buildHasCuda = gpu.buildHasCuda;
    report.gpuAvailable = gpu.count > 0;
    report.gpuName = gpu.name;
    report.gpuTotalBytes = gpu.totalBytes;
    report.gpuFreeBytes = gpu.freeBytes;
    report.fp8MatmulAvailable = runtime::fp8MatmulSupported();
    if (!report.gpuAvailable) {
        report.problem = gpu.problem;
        if (!gpu.buildHasCuda) {
            report.problem +=
                ". To use an NVIDIA GPU, build i4studio against the CUDA LibTorch: run "
                "`scripts/run --gpu` (see \"NVIDIA GPU\" in the README)";
        }
    }
    return report;
}

std::string resolveDevice(const std::string& requested) {
    if (requested == "cpu") return requested;
    if (requested != "auto" && requested != "cuda") {
        throw InputError("unknown device '" + requested + "' (auto, cuda or cpu)");
    }
    const DeviceReport report = deviceReport();
    if (report.gpuAvailable) return "cuda";
    if (requested == "auto") return "cpu";
    throw InputError("cannot use the GPU: " + report.problem);
}

std::string resolveDtype(const std::string& requested, const std::string& device) {
    if (requested == "fp32" || requested == "bf16") return requested;
    if (requested != "auto")
        throw InputError("unknown dtype '" + requested + "' (auto, fp32 or bf16)");
    return device == "cuda" ? "bf16" : "fp32";
}

}  // namespace i4::pipeline
