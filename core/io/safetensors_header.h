#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/io/dtype.h"

namespace i4::io {

struct TensorInfo {
    std::string name;
    DType dtype = DType::F32;
    std::vector<int64_t> shape;
    uint64_t begin = 0;  // byte offsets inside the data area (after the header)
    uint64_t end = 0;

    int64_t numel() const;
    uint64_t byteSize() const { return end - begin; }
};

struct SafetensorsHeader {
    std::vector<TensorInfo> tensors;  // sorted by begin offset
    std::map<std::string, std::string> metadata;
    uint64_t dataOffset = 0;  // 8 + declared header length
};

inline constexpr uint64_t kMaxHeaderBytes = 100ull << 20;  // 100 MiB, as the reference library
inline constexpr std::size_t kMaxRank = 8;

// Validates and parses the header of a safetensors file whose first bytes are `prefix` (at least
// the 8-byte length and the header; the data area need not be present) and whose total size is
// `fileSize`. `label` names the file in error messages. Throws FormatError on any violation:
// declared length beyond the file, non-JSON or non-object header, unknown dtype, rank or shape out
// of range, dtype × shape ≠ byte span, spans outside the data area or overlapping.
SafetensorsHeader parseSafetensorsHeader(const uint8_t* prefix, std::size_t prefixSize,
                                         uint64_t fileSize, const std::string& label);

}  // namespace i4::io
