#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace i4::pipeline {

// A LoRA applied to a transformer (docs/formats.md): given at load time (LoadOptions::loras) and
// recorded with each image so a remix loads the same ones.
struct LoraChoice {
    std::string file;  // the .safetensors path as given
    double weight = 1.0;
    // Which transformer it goes on: "" = as the file's keys say (keys without a transformer
    // prefix, what every trainer writes, adapt the conditional one), or one of
    // kLoraTargets: "transformer", "unconditional_transformer", "both".
    std::string target;
    bool operator==(const LoraChoice& other) const {
        return file == other.file && weight == other.weight && target == other.target;
    }
};

inline constexpr const char* kLoraTargets[] = {"transformer", "unconditional_transformer", "both"};

// A target as people write it ("cond", "uncond", "both", "auto", or one of kLoraTargets) in its
// stored form ("" for "auto"); nullopt when it is none of these.
std::optional<std::string> loraTargetFromText(const std::string& text);

// Working from an image (issue 26): image-to-image, inpainting and outpainting. The image (and
// mask) are files named by path; their sha256 (lower-case hex of the file's bytes) says which
// image it was, for lineage in the gallery and for remix to notice a changed file.
//
// The canvas is the image with `extend` pixels added on each side (outpainting); it is brought to
// the request's width x height by `fit`. Repainted: the mask's white (a grey value repaints
// partly: a soft edge) together with every extended pixel; no mask and no extension = the whole
// picture is repainted from the image noised to `strength` (image-to-image).
enum class InputFit {
    Crop,     // scale to cover width x height, centre crop (keeps the aspect ratio)
    Stretch,  // scale each axis to width x height (keeps every pixel, distorts)
};

struct CanvasExtension {
    int left = 0, top = 0, right = 0, bottom = 0;  // pixels of the image, each >= 0
    bool any() const { return left > 0 || top > 0 || right > 0 || bottom > 0; }
    bool operator==(const CanvasExtension& o) const {
        return left == o.left && top == o.top && right == o.right && bottom == o.bottom;
    }
};

// The strengths of "vary subtly / strongly" (image-to-image with a new seed).
inline constexpr double kVarySubtleStrength = 0.4;
inline constexpr double kVaryStrongStrength = 0.75;
// Outpainting and masks regenerate the masked area from pure noise by default.
inline constexpr double kInpaintStrength = 1.0;
// The largest extension on one side and the widest feather, in pixels.
inline constexpr int kMaxCanvasExtension = 4096;
inline constexpr int kMaxMaskFeather = 256;

struct ImageInput {
    std::string image;        // path of the input image (PNG)
    std::string imageSha256;  // of the file's bytes; "" = not known yet (filled in on load)
    double strength = 1.0;    // in (0, 1]: how much of the schedule runs; 1 = from pure noise
    std::string mask;         // path of a mask PNG, white = repaint; "" = none
    std::string maskSha256;
    InputFit fit = InputFit::Crop;
    CanvasExtension extend;   // outpainting: the new area is repainted
    int feather = 0;          // pixels the mask's edge is softened into the kept area

    bool hasMask() const { return !mask.empty() || extend.any(); }
    nlohmann::json toJson() const;
    static ImageInput fromJson(const nlohmann::json& json);  // throws InputError naming the field
    bool operator==(const ImageInput& other) const;
};

const char* inputFitName(InputFit fit);                    // "crop", "stretch"
std::optional<InputFit> inputFitFromName(const std::string& name);

// What the user asks for. Plain data: the CLI, the GUI's queue and the PNG metadata all carry it
// as JSON. Explicit values override the preset's; the guidance schedule is in step order (first
// step first), as the user sees it.
struct GenerationRequest {
    std::vector<std::string> prompts;  // one image per prompt (x batch), generated together
    int width = 1024;
    int height = 1024;
    std::string preset = "V4_DEFAULT_20";  // a built-in or user preset name; "" = explicit only
    std::optional<int> steps;
    std::vector<float> guidanceSchedule;  // step order; empty = the preset's
    std::optional<double> mu;
    std::optional<double> std;
    uint64_t seed = 0;
    int batch = 1;               // images per prompt
    bool uncheckedSize = false;  // lift the published size limits (test models)
    // The LoRAs of the model that ran it (filled in by the bundle; a remix loads them).
    std::vector<LoraChoice> loras;
    // Working from an image (image-to-image, inpainting, outpainting); none = text-to-image.
    std::optional<ImageInput> input;
    // The plain idea a magic prompt (core/magic) expanded into the caption; "" = none. Kept so
    // that an image remembers what its author first asked for.
    std::string magicIdea;

    nlohmann::json toJson() const;
    // Throws InputError naming the field on a malformed value.
    static GenerationRequest fromJson(const nlohmann::json& json);
    bool operator==(const GenerationRequest& other) const;
};

}  // namespace i4::pipeline
