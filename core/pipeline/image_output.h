#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/pipeline/pipeline.h"

namespace i4::pipeline {

// The JSON document an image carries (PNG iTXt `i4studio`): the request as run, with this image's
// prompt and position in the batch, the model's identity, the app version and the timings.
nlohmann::json imageDocument(const GenerationResult& result, std::size_t index,
                             const ModelBundle& bundle);

// The request that reproduces an image from its document (imageDocument()) — what a remix
// loads: the whole batch's request, since the seed draws the noise of the whole batch at once.
// Throws InputError when the document holds no request.
GenerationRequest requestFromDocument(const nlohmann::json& document);

// Writes image `index` of `result` as a PNG with its metadata, atomically. Throws Error.
void saveImage(const GenerationResult& result, std::size_t index, const ModelBundle& bundle,
               const std::filesystem::path& path);

// Writes z_init and z_final ([B, tokens, 128] F32) as a safetensors file. Throws Error when the
// result holds no latents (GenerationCallbacks::keepLatents was not set).
void saveLatents(const GenerationResult& result, const std::filesystem::path& path);

}  // namespace i4::pipeline
