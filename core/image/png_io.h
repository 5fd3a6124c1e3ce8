#pragma once

// PNG files with generation metadata (libpng). Torch-free: the UI and the CLI include it.

#include <cstdint>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/pipeline/pipeline.h"

namespace i4::image {

using pipeline::RgbImage;

inline constexpr const char* kMetadataKeyword = "i4studio";      // iTXt: our JSON document
inline constexpr const char* kParametersKeyword = "parameters";  // the widely read text form

// The start of every image document we write (GUI and CLI alike): {"format": "i4studio-image",
// "version": 1, "app": {"name", "version"}}; the writer adds the request, model and the rest.
nlohmann::json newImageDocument();

// The metadata we write and read back. `document` is the caller's JSON (request, model identity,
// app version, timings, ...); `parameters` the one-paragraph text other tools show.
struct PngMetadata {
    std::optional<nlohmann::json> document;
    std::string parameters;
    // Every text chunk of a file read back (UTF-8; Latin-1 tEXt converted), by keyword,
    // including the two above in their raw form.
    std::map<std::string, std::string> text;
};

struct PngFile {
    RgbImage image;
    PngMetadata metadata;
};

// The fields of the `parameters` text, in the form most image tools read:
//   <prompt>
//   Steps: 20, Sampler: Euler, CFG scale: 7, Seed: 42, Size: 1024x1024, Model: name
struct ParametersLine {
    std::string prompt;
    int steps = 0;
    // Step order; shown as the first value, plus the whole schedule when it varies.
    std::vector<float> guidanceSchedule;
    uint64_t seed = 0;
    int width = 0;
    int height = 0;
    std::string model;
    std::string preset;  // "" = not shown
    // Working from an image (issue 26): shown as other tools do, "Denoising strength: 0.6, Init
    // image hash: <sha256>, Mask hash: <sha256>"; strength 0 = no input image.
    double strength = 0;
    std::string inputSha256;
    std::string maskSha256;

    // From a request as run (preset resolved); prompt `promptIndex`, seed `seed`.
    static ParametersLine fromRequest(const pipeline::GenerationRequest& request,
                                      size_t promptIndex, uint64_t seed, const std::string& model);
    std::string format() const;
};

// Encodes `image` as an 8-bit RGB PNG in memory, with an iTXt chunk `i4studio` holding
// `metadata.document` (when set) and a `parameters` chunk holding `metadata.parameters` (when not
// empty): tEXt when the text is Latin-1 representable, iTXt otherwise. Throws InputError for an
// image whose size and pixel count disagree, Error when libpng fails.
std::string encodePng(const RgbImage& image, const PngMetadata& metadata);

// Writes the PNG atomically (encoded in memory, then temporary file + fsync + rename): a failed
// or interrupted write leaves no partial file. Throws Error naming the path.
void writePng(const std::filesystem::path& path, const RgbImage& image,
              const PngMetadata& metadata);

// Decodes any PNG libpng reads (palette, grey, 16-bit, alpha dropped) to 8-bit RGB, with its text
// chunks. A damaged or truncated file is an InputError naming `label` and libpng's reason.
PngFile decodePng(const std::string& bytes, const std::string& label = "PNG data");
PngFile readPng(const std::filesystem::path& path);

}  // namespace i4::image
