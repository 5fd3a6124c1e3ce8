#pragma once

// What the settings, the status bar and the worker say about devices, in the user's language.

#include <QString>

#include "core/pipeline/devices.h"

namespace i4::ui {

// "NVIDIA H200, 140.4 GiB (139.0 GiB free)".
QString gpuDescription(const pipeline::DeviceReport& report);

// Why the GPU cannot be used, in words a user can act on: a CPU-only build says so and how to
// get one that can (scripts/run --gpu); a CUDA build without a usable GPU gives core's reason.
QString noGpuSentence(const pipeline::DeviceReport& report);

// GPU memory, in the binary unit nvidia-smi uses: "14.2 GiB" (locale-aware decimal point).
QString gibText(quint64 bytes);

// Short names for the status bar: "NVIDIA GPU" / "CPU", "bfloat16" / "float32", and the memory
// modes of Note [Memory modes] ("low VRAM", ...).
QString deviceName(const QString& device);
QString precisionName(const QString& dtype);
QString memoryModeName(const QString& mode);

// The numerics a load uses, from LoadReport::fp8Matmul: "fast (fp8)" or "exact".
QString numericsModeName(bool fp8Matmul);

// The settings' tooltip for the fast mode: what it does and what it costs in quality against
// the exact mode. The one place for that text, so bench_fast_mode's figures go in here.
QString fastModeToolTip();

// Why this machine and build cannot run the fast mode (no GPU, no fp8 tensor cores); empty when
// report.fp8MatmulAvailable.
QString fastModeUnavailableReason(const pipeline::DeviceReport& report);

}  // namespace i4::ui
