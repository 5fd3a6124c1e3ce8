#pragma once

// SHA-256 (FIPS 180-4) of bytes and files, as lower-case hex: how an input image is named in a
// request (ImageInput::imageSha256) and in the gallery's lineage. Torch-free.

#include <filesystem>
#include <string>

namespace i4::image {

std::string sha256Hex(const std::string& bytes);
// Throws InputError naming the path when the file cannot be read.
std::string sha256File(const std::filesystem::path& path);

}  // namespace i4::image
