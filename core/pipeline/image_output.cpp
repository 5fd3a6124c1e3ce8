#include "core/pipeline/image_output.h"

#include <ATen/ATen.h>

#include <chrono>
#include <ctime>

#include "core/errors.h"
#include "core/image/png_io.h"
#include "core/io/safetensors_writer.h"

namespace i4::pipeline {

nlohmann::json imageDocument(const GenerationResult& result, std::size_t index,
                             const ModelBundle& bundle) {
    const std::size_t perPrompt = static_cast<std::size_t>(std::max(result.request.batch, 1));
    nlohmann::json doc = image::newImageDocument();
    doc["request"] = result.request.toJson();
    doc["prompt_index"] = index / perPrompt;
    doc["batch_index"] = index % perPrompt;
    doc["model"] = {{"folder", bundle.folder().filename().string()},
                    {"path", bundle.folder().string()},
                    {"fingerprint", bundle.fingerprint()}};
    // ISO-8601 UTC: the gallery sorts and filters by it when it indexes an imported file.
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    char created[32];
    std::strftime(created, sizeof created, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    doc["created"] = created;
    doc["timings"] = {{"text_s", result.textSeconds},
                      {"denoise_s", result.denoiseSeconds},
                      {"decode_s", result.decodeSeconds}};
    return doc;
}

GenerationRequest requestFromDocument(const nlohmann::json& document) {
    if (!document.is_object() || !document.contains("request")) {
        throw InputError("the image metadata holds no i4studio request");
    }
    GenerationRequest request = GenerationRequest::fromJson(document["request"]);
    const std::size_t promptIndex = document.value("prompt_index", std::size_t{0});
    if (promptIndex >= request.prompts.size())
        throw InputError("the image metadata is inconsistent");
    // The whole request comes back, not the one prompt: the seed draws the noise of the whole
    // batch at once, so only the same prompts and batch reproduce this image exactly.
    return request;
}

void saveImage(const GenerationResult& result, std::size_t index, const ModelBundle& bundle,
               const std::filesystem::path& path) {
    if (index >= result.images.size()) throw Error("saveImage: no image " + std::to_string(index));
    image::PngMetadata metadata;
    metadata.document = imageDocument(result, index, bundle);
    const std::size_t perPrompt = static_cast<std::size_t>(std::max(result.request.batch, 1));
    metadata.parameters =
        image::ParametersLine::fromRequest(result.request, index / perPrompt, result.request.seed,
                                           bundle.folder().filename().string())
            .format();
    image::writePng(path, result.images[index], metadata);
}

void saveLatents(const GenerationResult& result, const std::filesystem::path& path) {
    if (result.zInit.values.empty() || result.zFinal.values.empty()) {
        throw Error("no latents to save (the run did not keep them)");
    }
    auto tensor = [](const FloatTensor& t) {
        return at::from_blob(const_cast<float*>(t.values.data()), t.shape, at::kFloat).clone();
    };
    io::writeSafetensors(path,
                         {{"z_init", tensor(result.zInit)}, {"z_final", tensor(result.zFinal)}},
                         {{"seed", std::to_string(result.request.seed)}});
}

}  // namespace i4::pipeline
