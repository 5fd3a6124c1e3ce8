// libFuzzer target: what gallery import and remix do with a PNG dropped onto the app: decode it
// (any colour type, damaged chunks, text chunks with bomb-like compression), then read our
// metadata document back into a request. Damage is an InputError, never a crash; the decoded
// image stays within the size the reader allows.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "core/errors.h"
#include "core/image/png_io.h"
#include "core/pipeline/generation_request.h"

// png_io's writer is not exercised here; its atomic file write lives in a Torch-linked file.
namespace i4::io {
void writeFileAtomically(const std::filesystem::path&, const std::string&) { std::abort(); }
}  // namespace i4::io

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    try {
        const i4::image::PngFile file = i4::image::decodePng(bytes, "fuzz.png");
        if (file.image.width <= 0 || file.image.height <= 0 || file.image.width > 2048 * 8 ||
            file.image.pixels.size() !=
                static_cast<size_t>(file.image.width) * file.image.height * 3) {
            std::abort();
        }
        if (file.metadata.document && file.metadata.document->is_object() &&
            file.metadata.document->contains("request")) {
            (void)i4::pipeline::GenerationRequest::fromJson(file.metadata.document->at("request"));
        }
    } catch (const i4::InputError&) {
    }
    return 0;
}
