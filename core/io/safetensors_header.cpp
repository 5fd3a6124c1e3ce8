#include "core/io/safetensors_header.h"

#include <algorithm>
#include <cstring>
#include <nlohmann/json.hpp>

#include "core/errors.h"

namespace i4::io {
namespace {

[[noreturn]] void fail(const std::string& label, const std::string& what) {
    throw FormatError(label + ": " + what);
}

uint64_t readLittleEndian64(const uint8_t* p) {
    uint64_t value = 0;
    for (int i = 7; i >= 0; --i) value = (value << 8) | p[i];
    return value;
}

TensorInfo parseTensor(const std::string& label, const std::string& name,
                       const nlohmann::json& entry, uint64_t dataSize) {
    const std::string where = "tensor '" + name + "'";
    if (!entry.is_object()) fail(label, where + " is not a JSON object");
    TensorInfo info;
    info.name = name;

    auto dtypeIt = entry.find("dtype");
    if (dtypeIt == entry.end() || !dtypeIt->is_string()) fail(label, where + " has no dtype");
    auto dtype = dtypeFromName(dtypeIt->get<std::string>());
    if (!dtype) fail(label, where + " has unknown dtype '" + dtypeIt->get<std::string>() + "'");
    info.dtype = *dtype;

    auto shapeIt = entry.find("shape");
    if (shapeIt == entry.end() || !shapeIt->is_array()) fail(label, where + " has no shape");
    if (shapeIt->size() > kMaxRank)
        fail(label, where + " has rank " + std::to_string(shapeIt->size()) + " (at most " +
                        std::to_string(kMaxRank) + ")");
    uint64_t elements = 1;
    for (const auto& dim : *shapeIt) {
        if (!dim.is_number_unsigned())
            fail(label, where + " has a negative or non-integer dimension");
        uint64_t d = dim.get<uint64_t>();
        if (d > (1ull << 48) || __builtin_mul_overflow(elements, d, &elements)) {
            fail(label, where + " has an absurd shape");
        }
        info.shape.push_back(static_cast<int64_t>(d));
    }

    auto offsetsIt = entry.find("data_offsets");
    if (offsetsIt == entry.end() || !offsetsIt->is_array() || offsetsIt->size() != 2 ||
        !(*offsetsIt)[0].is_number_unsigned() || !(*offsetsIt)[1].is_number_unsigned()) {
        fail(label, where + " has no valid data_offsets [begin, end]");
    }
    info.begin = (*offsetsIt)[0].get<uint64_t>();
    info.end = (*offsetsIt)[1].get<uint64_t>();
    if (info.end < info.begin) fail(label, where + " has data_offsets with end before begin");
    if (info.end > dataSize) {
        fail(label, where + " spans bytes [" + std::to_string(info.begin) + ", " +
                        std::to_string(info.end) + ") beyond the data area of " +
                        std::to_string(dataSize) + " bytes (truncated file?)");
    }
    uint64_t expected = 0;
    if (__builtin_mul_overflow(elements, dtypeSize(info.dtype), &expected) ||
        expected != info.byteSize()) {
        fail(label, where + ": dtype " + std::string(dtypeName(info.dtype)) + " x shape needs " +
                        std::to_string(expected) + " bytes but the span holds " +
                        std::to_string(info.byteSize()));
    }
    return info;
}

}  // namespace

int64_t TensorInfo::numel() const {
    int64_t n = 1;
    for (int64_t d : shape) n *= d;
    return n;
}

SafetensorsHeader parseSafetensorsHeader(const uint8_t* prefix, std::size_t prefixSize,
                                         uint64_t fileSize, const std::string& label) {
    if (fileSize < 8 || prefixSize < 8) fail(label, "file is too short to be safetensors");
    const uint64_t headerSize = readLittleEndian64(prefix);
    if (headerSize > kMaxHeaderBytes) {
        fail(label, "declared header length " + std::to_string(headerSize) +
                        " exceeds the limit of " + std::to_string(kMaxHeaderBytes) + " bytes");
    }
    if (headerSize > fileSize - 8) {
        fail(label, "declared header length " + std::to_string(headerSize) +
                        " runs beyond the end of the file (" + std::to_string(fileSize) +
                        " bytes)");
    }
    if (headerSize + 8 > prefixSize) fail(label, "header not fully available");

    const char* text = reinterpret_cast<const char*>(prefix + 8);
    nlohmann::json header = nlohmann::json::parse(text, text + headerSize, nullptr, false);
    if (header.is_discarded()) fail(label, "header is not valid JSON");
    if (!header.is_object()) fail(label, "header is not a JSON object");

    SafetensorsHeader result;
    result.dataOffset = 8 + headerSize;
    const uint64_t dataSize = fileSize - result.dataOffset;
    for (const auto& [key, value] : header.items()) {
        if (key == "__metadata__") {
            if (!value.is_object()) fail(label, "__metadata__ is not a JSON object");
            for (const auto& [mk, mv] : value.items()) {
                if (!mv.is_string()) fail(label, "__metadata__ value '" + mk + "' is not a string");
                result.metadata[mk] = mv.get<std::string>();
            }
            continue;
        }
        result.tensors.push_back(parseTensor(label, key, value, dataSize));
    }

    std::sort(result.tensors.begin(), result.tensors.end(),
              [](const TensorInfo& a, const TensorInfo& b) {
                  return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
              });
    for (std::size_t i = 1; i < result.tensors.size(); ++i) {
        const TensorInfo& prev = result.tensors[i - 1];
        const TensorInfo& cur = result.tensors[i];
        if (cur.begin < prev.end) {
            fail(label, "tensors '" + prev.name + "' and '" + cur.name + "' overlap");
        }
    }
    return result;
}

}  // namespace i4::io
