#pragma once

#include <ATen/core/Tensor.h>

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace i4::io {

// Writes CPU tensors (float32/64, bf16, f16, int64/32/16/8, uint8, bool) as a safetensors file,
// atomically: a temporary file in the same folder, fsync, then rename. Throws Error on failure,
// leaving no partial file behind.
void writeSafetensors(const std::filesystem::path& path,
                      const std::vector<std::pair<std::string, at::Tensor>>& tensors,
                      const std::map<std::string, std::string>& metadata = {});

// Writes `bytes` to `path` atomically (temporary file + fsync + rename). Throws Error.
void writeFileAtomically(const std::filesystem::path& path, const std::string& bytes);

}  // namespace i4::io
