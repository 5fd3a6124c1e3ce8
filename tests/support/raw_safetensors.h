#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

namespace i4::test {

// Writes a safetensors file byte by byte: an 8-byte little-endian length (`declaredLength`, or the
// header's real length when negative), the header text and the data bytes. For crafting broken
// files that the library's own writer would never produce.
inline void writeRawSafetensors(const std::filesystem::path& path, const std::string& header,
                                const std::string& data, int64_t declaredLength = -1) {
    uint64_t length = declaredLength < 0 ? header.size() : static_cast<uint64_t>(declaredLength);
    std::ofstream out(path, std::ios::binary);
    for (int i = 0; i < 8; ++i) out.put(static_cast<char>((length >> (8 * i)) & 0xFF));
    out << header << data;
}

}  // namespace i4::test
