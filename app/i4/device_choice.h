#pragma once

// Device, precision and memory-mode flags shared by `i4 generate` and `i4 devices`.

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "core/pipeline/devices.h"

namespace i4::cli {

inline const std::vector<std::string> kDeviceChoices{"auto", "cuda", "cpu"};
inline const std::vector<std::string> kDtypeChoices{"auto", "fp32", "bf16"};
inline const std::vector<std::string> kMemoryChoices{"auto", "resident", "offload-encoder",
                                                     "low-vram"};

// Accepts one of `choices`; anything else fails parsing (exit 2) with "'x' is not one of ...".
CLI::Validator oneOf(const std::vector<std::string>& choices);

// Why `--device cuda` cannot work here, in words a user can act on: a CPU-only build says so
// and how to get one that can; a CUDA build without a usable GPU gives the report's reason.
std::string noGpuText(const pipeline::DeviceReport& report);

// "139.81 GiB": GPU memory, in the unit nvidia-smi's MiB belong to.
std::string gibText(uint64_t bytes);
// "9.31 GB": file sizes and throughput, in the decimal unit of disk sizes.
std::string gbText(uint64_t bytes);
// "9.31 GB" from a gigabyte up, "0.3 MB" below.
std::string bytesText(uint64_t bytes);

}  // namespace i4::cli
