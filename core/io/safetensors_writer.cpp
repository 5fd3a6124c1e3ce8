#include "core/io/safetensors_writer.h"

#include <ATen/ATen.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

#include "core/errors.h"

namespace i4::io {
namespace {

std::string dtypeTag(at::ScalarType type) {
    switch (type) {
        case at::kDouble:
            return "F64";
        case at::kFloat:
            return "F32";
        case at::kHalf:
            return "F16";
        case at::kBFloat16:
            return "BF16";
        case at::kLong:
            return "I64";
        case at::kInt:
            return "I32";
        case at::kShort:
            return "I16";
        case at::kChar:
            return "I8";
        case at::kByte:
            return "U8";
        case at::kBool:
            return "BOOL";
        default:
            throw Error(std::string("safetensors: unsupported dtype ") + at::toString(type));
    }
}

}  // namespace

void writeFileAtomically(const std::filesystem::path& path, const std::string& bytes) {
    const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : ".";
    std::string tmp = (dir / ("." + path.filename().string() + ".XXXXXX")).string();
    int fd = ::mkstemp(tmp.data());
    if (fd < 0) {
        throw Error("cannot write to " + dir.string() + ": " + std::strerror(errno));
    }
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            int err = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            throw Error("cannot write " + path.string() + ": " + std::strerror(err));
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        throw Error("cannot write " + path.string() + ": " + std::strerror(err));
    }
    ::chmod(tmp.c_str(), 0644);
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        throw Error("cannot write " + path.string() + ": " + std::strerror(err));
    }
}

void writeSafetensors(const std::filesystem::path& path,
                      const std::vector<std::pair<std::string, at::Tensor>>& tensors,
                      const std::map<std::string, std::string>& metadata) {
    nlohmann::json header = nlohmann::json::object();
    if (!metadata.empty()) header["__metadata__"] = metadata;
    std::vector<at::Tensor> contiguous;
    uint64_t offset = 0;
    for (const auto& [name, tensor] : tensors) {
        at::Tensor t = tensor.to(at::kCPU).contiguous();
        const uint64_t size = static_cast<uint64_t>(t.numel()) * t.element_size();
        header[name] = {{"dtype", dtypeTag(t.scalar_type())},
                        {"shape", t.sizes().vec()},
                        {"data_offsets", {offset, offset + size}}};
        offset += size;
        contiguous.push_back(t);
    }
    std::string text = header.dump();
    text.append((8 - text.size() % 8) % 8, ' ');  // align the data area to 8 bytes
    std::string bytes(8, '\0');
    uint64_t length = text.size();
    for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>((length >> (8 * i)) & 0xFF);
    bytes += text;
    bytes.reserve(bytes.size() + offset);
    for (const at::Tensor& t : contiguous) {
        bytes.append(static_cast<const char*>(t.data_ptr()), t.numel() * t.element_size());
    }
    writeFileAtomically(path, bytes);
}

}  // namespace i4::io
