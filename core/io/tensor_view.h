#pragma once

#include <ATen/core/Tensor.h>

#include <memory>

#include "core/io/safetensors_file.h"

namespace i4::io {

// A CPU tensor over the tensor's bytes in the mapping (zero copy when the bytes are aligned for
// the element type, else a copy). The tensor keeps the file mapped and is READ-ONLY: writing to it
// faults; clone() first. F8_E4M3 comes back as uint8
// codes (LibTorch 1.13 has no float8 type); decode with core/io/dequantize.h.
at::Tensor tensorView(const std::shared_ptr<const SafetensorsFile>& file, const TensorInfo& info);

}  // namespace i4::io
