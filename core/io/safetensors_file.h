#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/io/safetensors_header.h"

namespace i4::io {

// A memory-mapped (read-only), validated safetensors file. Tensor bytes are read in place (zero
// copy); the mapping lives as long as the last shared_ptr to the file (tensor views hold one).
class SafetensorsFile {
public:
    static std::shared_ptr<const SafetensorsFile> open(const std::filesystem::path& path);
    ~SafetensorsFile();
    SafetensorsFile(const SafetensorsFile&) = delete;
    SafetensorsFile& operator=(const SafetensorsFile&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    const std::vector<TensorInfo>& tensors() const { return m_header.tensors; }
    const std::map<std::string, std::string>& metadata() const { return m_header.metadata; }
    const TensorInfo* find(const std::string& name) const;
    const TensorInfo& at(const std::string& name) const;  // throws ModelError naming file and key
    // Start of the tensor's bytes inside the mapping.
    const uint8_t* data(const TensorInfo& info) const;
    uint64_t fileSize() const { return m_size; }

private:
    SafetensorsFile() = default;

    std::filesystem::path m_path;
    SafetensorsHeader m_header;
    std::map<std::string, std::size_t> m_index;
    const uint8_t* m_base = nullptr;
    uint64_t m_size = 0;
};

}  // namespace i4::io
