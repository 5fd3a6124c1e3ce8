#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace i4::io {

// Element types a safetensors file may declare. F8_E4M3 is e4m3fn (no inf, NaN = 0x7F/0xFF).
enum class DType { F64, F32, F16, BF16, F8_E4M3, I64, I32, I16, I8, U8, BOOL };

std::optional<DType> dtypeFromName(std::string_view name);
std::string_view dtypeName(DType dtype);
std::size_t dtypeSize(DType dtype);

}  // namespace i4::io
