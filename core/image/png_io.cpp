#include "core/image/png_io.h"

#include <png.h>

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

#include "core/errors.h"
#include "core/io/safetensors_writer.h"
#include "core/version.h"

namespace i4::image {
namespace {

// Note [libpng errors]
// libpng reports errors through a callback that must not return. C++ exceptions must not
// unwind through libpng's C frames, so the callback records the message and longjmps back to the
// setjmp in one of the small `run*` functions below. Those functions hold no object with a
// destructor, and every buffer they fill is owned (and sized) by their caller, so the longjmp
// skips nothing; the caller then throws an ordinary exception.
constexpr png_uint_32 kMaxSide = 32768;
// Reading hostile files (Note in readPng / runReadHeader): pixels, chunk sizes and file size.
constexpr uint64_t kMaxDecodePixels = 4096ull * 4096;  // 48 MiB of RGB; ours are <= 2048 x 2048
constexpr png_alloc_size_t kMaxChunkBytes = 8u << 20;  // one (decompressed) ancillary chunk
constexpr png_uint_32 kMaxAncillaryChunks = 1000;
constexpr uintmax_t kMaxFileBytes = 64u << 20;

struct ErrorState {
    char message[256] = "unknown libpng error";
};

void onError(png_structp png, png_const_charp message) {
    auto* state = static_cast<ErrorState*>(png_get_error_ptr(png));
    std::snprintf(state->message, sizeof state->message, "%s", message);
    png_longjmp(png, 1);
}

void onWarning(png_structp, png_const_charp) {}

void appendData(png_structp png, png_bytep data, png_size_t length) {
    auto* out = static_cast<std::string*>(png_get_io_ptr(png));
    bool grown = true;
    try {
        out->append(reinterpret_cast<const char*>(data), length);
    } catch (...) {
        grown = false;
    }
    if (!grown) png_error(png, "out of memory while encoding");
}

void flushData(png_structp) {}

struct ReadSource {
    const unsigned char* data = nullptr;
    size_t size = 0;
    size_t offset = 0;
};

void readData(png_structp png, png_bytep out, png_size_t length) {
    auto* source = static_cast<ReadSource*>(png_get_io_ptr(png));
    if (length > source->size - source->offset) png_error(png, "file is truncated");
    std::memcpy(out, source->data + source->offset, length);
    source->offset += length;
}

struct WriteJob {
    png_uint_32 width;
    png_uint_32 height;
    png_textp texts;
    int textCount;
    png_bytepp rows;
    std::string* out;
};

bool runWrite(png_structp png, png_infop info, const WriteJob& job) {
    if (setjmp(png_jmpbuf(png))) return false;
    png_set_write_fn(png, job.out, appendData, flushData);
    png_set_IHDR(png, info, job.width, job.height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (job.textCount > 0) png_set_text(png, info, job.texts, job.textCount);
    png_write_info(png, info);
    png_write_image(png, job.rows);
    png_write_end(png, info);
    return true;
}

uint32_t bigEndian32(const unsigned char* p) {
    return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | uint32_t(p[3]);
}

// Every chunk's declared length, checked against the bytes there are before libpng sees them:
// libpng allocates an ancillary chunk's declared length before reading it, whatever
// png_set_chunk_malloc_max says (1.6.39's tEXt path: a 2 KB file claiming a 1.9 GB tEXt chunk
// made it allocate 1.9 GB; fuzz.png_metadata found it).
void checkChunkLengths(const std::string& bytes, const std::string& label) {
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    size_t pos = 8;  // after the signature
    while (bytes.size() - pos >= 8) {
        const uint32_t length = bigEndian32(data + pos);
        const std::string type(bytes.data() + pos + 4, 4);
        const size_t left = bytes.size() - pos - 8;
        if (length > left || left - length < 4) {
            throw InputError(label + ": damaged PNG (its '" + type + "' chunk claims " +
                             std::to_string(length) + " bytes, but the file ends " +
                             std::to_string(left) + " bytes later)");
        }
        if (type != "IDAT" && length > kMaxChunkBytes) {
            throw InputError(label + ": a '" + type + "' chunk of " + std::to_string(length) +
                             " bytes is more than this app reads (" +
                             std::to_string(kMaxChunkBytes >> 20) + " MiB)");
        }
        if (type == "IEND") return;
        pos += 8 + size_t(length) + 4;
    }
}

struct Header {
    png_uint_32 width = 0;
    png_uint_32 height = 0;
    size_t rowBytes = 0;
};

bool runReadHeader(png_structp png, png_infop info, ReadSource* source, Header* header) {
    if (setjmp(png_jmpbuf(png))) return false;
    png_set_read_fn(png, source, readData);
    png_set_user_limits(png, kMaxSide, kMaxSide);
    // Files dropped onto the app are hostile: a text chunk may inflate a few kilobytes into
    // gigabytes (a compression bomb), or a file may carry thousands of chunks. Set explicitly,
    // not left to how this libpng was configured (Debian's are these; other builds differ).
    png_set_chunk_malloc_max(png, kMaxChunkBytes);
    png_set_chunk_cache_max(png, kMaxAncillaryChunks);
    png_read_info(png, info);
    int bitDepth = 0, colorType = 0;
    png_get_IHDR(png, info, &header->width, &header->height, &bitDepth, &colorType, nullptr,
                 nullptr, nullptr);
    // Every variant becomes 8-bit RGB; alpha is dropped (generated images have none).
    if (colorType == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
    if (colorType == PNG_COLOR_TYPE_GRAY && bitDepth < 8) png_set_expand_gray_1_2_4_to_8(png);
    if (png_get_valid(png, info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(png);
    if (bitDepth == 16) png_set_strip_16(png);
    if (colorType == PNG_COLOR_TYPE_GRAY || colorType == PNG_COLOR_TYPE_GRAY_ALPHA) {
        png_set_gray_to_rgb(png);
    }
    png_set_strip_alpha(png);
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    header->rowBytes = png_get_rowbytes(png, info);
    return true;
}

bool runReadRows(png_structp png, png_infop endInfo, png_bytepp rows) {
    if (setjmp(png_jmpbuf(png))) return false;
    png_read_image(png, rows);
    png_read_end(png, endInfo);
    return true;
}

// Returns true and the Latin-1 bytes when every code point of valid UTF-8 `text` is <= U+00FF.
bool toLatin1(const std::string& text, std::string* latin1) {
    latin1->clear();
    for (size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            latin1->push_back(static_cast<char>(byte));
        } else if ((byte == 0xC2 || byte == 0xC3) && i + 1 < text.size() &&
                   (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) {
            const auto next = static_cast<unsigned char>(text[++i]);
            latin1->push_back(static_cast<char>(((byte & 0x03) << 6) | (next & 0x3F)));
        } else {
            return false;
        }
    }
    return true;
}

std::string latin1ToUtf8(const char* text) {
    std::string out;
    for (const char* p = text; *p; ++p) {
        const auto byte = static_cast<unsigned char>(*p);
        if (byte < 0x80) {
            out.push_back(static_cast<char>(byte));
        } else {
            out.push_back(static_cast<char>(0xC0 | (byte >> 6)));
            out.push_back(static_cast<char>(0x80 | (byte & 0x3F)));
        }
    }
    return out;
}

std::string withoutNul(std::string text) {
    text.erase(std::remove(text.begin(), text.end(), '\0'), text.end());
    return text;
}

void collectText(png_structp png, png_infop info, PngMetadata* metadata) {
    png_textp texts = nullptr;
    const int count = png_get_text(png, info, &texts, nullptr);
    for (int i = 0; i < count; ++i) {
        const png_text& chunk = texts[i];
        if (chunk.key == nullptr || chunk.text == nullptr) continue;
        const bool international = chunk.compression == PNG_ITXT_COMPRESSION_NONE ||
                                   chunk.compression == PNG_ITXT_COMPRESSION_zTXt;
        metadata->text[chunk.key] =
            international ? std::string(chunk.text) : latin1ToUtf8(chunk.text);
    }
}

struct PngHandles {
    png_structp png = nullptr;
    png_infop info = nullptr;
    png_infop endInfo = nullptr;
    bool reading = true;
    ~PngHandles() {
        if (!png) return;
        if (reading) {
            png_destroy_read_struct(&png, info ? &info : nullptr, endInfo ? &endInfo : nullptr);
        } else {
            png_destroy_write_struct(&png, info ? &info : nullptr);
        }
    }
};

std::string formatNumber(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

}  // namespace

ParametersLine ParametersLine::fromRequest(const pipeline::GenerationRequest& request,
                                           size_t promptIndex, uint64_t seed,
                                           const std::string& model) {
    ParametersLine line;
    if (promptIndex < request.prompts.size()) line.prompt = request.prompts[promptIndex];
    line.steps = request.steps.value_or(0);
    line.guidanceSchedule = request.guidanceSchedule;
    line.seed = seed;
    line.width = request.width;
    line.height = request.height;
    line.model = model;
    line.preset = request.preset;
    if (request.input) {
        line.strength = request.input->strength;
        line.inputSha256 = request.input->imageSha256;
        line.maskSha256 = request.input->maskSha256;
    }
    return line;
}

std::string ParametersLine::format() const {
    std::string text = prompt + "\n";
    if (steps > 0) text += "Steps: " + std::to_string(steps) + ", ";
    text += "Sampler: Euler";
    if (!guidanceSchedule.empty()) {
        text += ", CFG scale: " + formatNumber(guidanceSchedule.front());
        bool varies = false;
        for (float value : guidanceSchedule) varies |= value != guidanceSchedule.front();
        if (varies) {
            // Quoted like other tools' multi-valued fields; commas inside stay unambiguous.
            text += ", CFG schedule: \"";
            for (size_t i = 0; i < guidanceSchedule.size(); ++i) {
                text += (i ? " " : "") + formatNumber(guidanceSchedule[i]);
            }
            text += "\"";
        }
    }
    text += ", Seed: " + std::to_string(seed);
    text += ", Size: " + std::to_string(width) + "x" + std::to_string(height);
    if (!model.empty()) text += ", Model: " + model;
    if (!preset.empty()) text += ", Preset: " + preset;
    if (strength > 0) text += ", Denoising strength: " + formatNumber(strength);
    if (!inputSha256.empty()) text += ", Init image hash: " + inputSha256;
    if (!maskSha256.empty()) text += ", Mask hash: " + maskSha256;
    return text;
}

std::string encodePng(const RgbImage& image, const PngMetadata& metadata) {
    if (image.width <= 0 || image.height <= 0 || image.width > static_cast<int>(kMaxSide) ||
        image.height > static_cast<int>(kMaxSide) ||
        image.pixels.size() != static_cast<size_t>(image.width) * image.height * 3) {
        throw InputError("PNG: image " + std::to_string(image.width) + "x" +
                         std::to_string(image.height) + " does not match its " +
                         std::to_string(image.pixels.size()) + " bytes of RGB pixels");
    }
    // Owned here, outside the setjmp frames (Note [libpng errors]).
    std::string documentText;
    if (metadata.document) {
        documentText =
            metadata.document->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    const std::string parameters = withoutNul(metadata.parameters);
    std::string parametersLatin1;
    const bool parametersPlain = toLatin1(parameters, &parametersLatin1);
    std::string keyMetadata = kMetadataKeyword, keyParameters = kParametersKeyword;
    std::string emptyLanguage;

    std::vector<png_text> texts;
    if (metadata.document) {
        png_text chunk{};
        chunk.compression = PNG_ITXT_COMPRESSION_NONE;
        chunk.key = keyMetadata.data();
        chunk.text = documentText.data();
        chunk.lang = emptyLanguage.data();
        chunk.lang_key = emptyLanguage.data();
        texts.push_back(chunk);
    }
    if (!parameters.empty()) {
        png_text chunk{};
        chunk.key = keyParameters.data();
        if (parametersPlain) {
            chunk.compression = PNG_TEXT_COMPRESSION_NONE;
            chunk.text = parametersLatin1.data();
            chunk.text_length = parametersLatin1.size();
        } else {
            chunk.compression = PNG_ITXT_COMPRESSION_NONE;
            chunk.text = const_cast<char*>(parameters.data());
            chunk.lang = emptyLanguage.data();
            chunk.lang_key = emptyLanguage.data();
        }
        texts.push_back(chunk);
    }
    std::vector<png_bytep> rows(static_cast<size_t>(image.height));
    const size_t stride = static_cast<size_t>(image.width) * 3;
    for (size_t y = 0; y < rows.size(); ++y) {
        rows[y] = const_cast<png_bytep>(image.pixels.data() + y * stride);
    }
    std::string out;
    out.reserve(image.pixels.size() / 2 + documentText.size() + 1024);

    ErrorState error;
    PngHandles handles;
    handles.reading = false;
    handles.png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &error, onError, onWarning);
    if (handles.png) handles.info = png_create_info_struct(handles.png);
    if (!handles.png || !handles.info) throw Error("PNG: cannot initialise libpng");
    const WriteJob job{static_cast<png_uint_32>(image.width),
                       static_cast<png_uint_32>(image.height),
                       texts.data(),
                       static_cast<int>(texts.size()),
                       rows.data(),
                       &out};
    if (!runWrite(handles.png, handles.info, job)) {
        throw Error(std::string("PNG: cannot encode: ") + error.message);
    }
    return out;
}

void writePng(const std::filesystem::path& path, const RgbImage& image,
              const PngMetadata& metadata) {
    io::writeFileAtomically(path, encodePng(image, metadata));
}

PngFile decodePng(const std::string& bytes, const std::string& label) {
    constexpr size_t kSignatureSize = 8;
    if (bytes.size() < kSignatureSize ||
        png_sig_cmp(reinterpret_cast<png_const_bytep>(bytes.data()), 0, kSignatureSize) != 0) {
        throw InputError(label + ": not a PNG file");
    }
    checkChunkLengths(bytes, label);
    ErrorState error;
    PngHandles handles;
    handles.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &error, onError, onWarning);
    if (handles.png) handles.info = png_create_info_struct(handles.png);
    if (handles.info) handles.endInfo = png_create_info_struct(handles.png);
    if (!handles.png || !handles.info || !handles.endInfo) {
        throw Error("PNG: cannot initialise libpng");
    }
    ReadSource source{reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), 0};
    Header header;
    if (!runReadHeader(handles.png, handles.info, &source, &header)) {
        throw InputError(label + ": damaged PNG (" + error.message + ")");
    }
    if (static_cast<uint64_t>(header.width) * header.height > kMaxDecodePixels) {
        // A few kilobytes of zeros can claim 32768 x 32768 pixels (3 GB decoded).
        throw InputError(label + ": " + std::to_string(header.width) + "x" +
                         std::to_string(header.height) + " pixels is more than this app reads");
    }
    if (header.rowBytes != static_cast<size_t>(header.width) * 3) {
        throw InputError(label + ": unsupported PNG pixel layout");
    }
    PngFile file;
    file.image.width = static_cast<int>(header.width);
    file.image.height = static_cast<int>(header.height);
    file.image.pixels.resize(header.rowBytes * header.height);
    std::vector<png_bytep> rows(header.height);
    for (size_t y = 0; y < rows.size(); ++y) {
        rows[y] = file.image.pixels.data() + y * header.rowBytes;
    }
    if (!runReadRows(handles.png, handles.endInfo, rows.data())) {
        throw InputError(label + ": damaged PNG (" + error.message + ")");
    }
    collectText(handles.png, handles.info, &file.metadata);
    collectText(handles.png, handles.endInfo, &file.metadata);
    const auto parameters = file.metadata.text.find(kParametersKeyword);
    if (parameters != file.metadata.text.end()) file.metadata.parameters = parameters->second;
    const auto document = file.metadata.text.find(kMetadataKeyword);
    if (document != file.metadata.text.end()) {
        // A damaged document leaves `document` empty; the raw text stays in `text`.
        nlohmann::json parsed = nlohmann::json::parse(document->second, nullptr, false);
        if (!parsed.is_discarded()) file.metadata.document = std::move(parsed);
    }
    return file;
}

PngFile readPng(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError("cannot open " + path.string());
    // The largest image we read (2048 x 2048 RGB, stored uncompressed) and its metadata fit
    // many times over; a bigger file is not one of ours and is not read into memory.
    std::error_code sizeError;
    const auto fileSize = std::filesystem::file_size(path, sizeError);
    if (!sizeError && fileSize > kMaxFileBytes) {
        throw InputError(path.string() + ": " + std::to_string(fileSize >> 20) +
                         " MiB is too large for an image this app reads (at most " +
                         std::to_string(kMaxFileBytes >> 20) + " MiB)");
    }
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw InputError("cannot read " + path.string());
    return decodePng(bytes, path.string());
}

nlohmann::json newImageDocument() {
    return {{"format", "i4studio-image"},
            {"version", 1},
            {"app", {{"name", kProductName}, {"version", kVersion}}}};
}

}  // namespace i4::image
