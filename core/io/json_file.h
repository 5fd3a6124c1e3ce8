#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace i4::io {

// Reads a JSON file; a missing or malformed file is a ModelError naming `label` and the path.
nlohmann::json readJsonFile(const std::filesystem::path& path, const std::string& label);

}  // namespace i4::io
