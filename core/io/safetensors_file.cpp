#include "core/io/safetensors_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/errors.h"

namespace i4::io {

std::shared_ptr<const SafetensorsFile> SafetensorsFile::open(const std::filesystem::path& path) {
    const std::string label = path.string();
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw ModelError(label + ": cannot open (" + std::strerror(errno) + ")");
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        int err = errno;
        ::close(fd);
        throw ModelError(label + ": cannot stat (" + std::strerror(err) + ")");
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        throw ModelError(label + ": not a regular file");
    }
    const uint64_t size = static_cast<uint64_t>(st.st_size);
    if (size < 8) {
        ::close(fd);
        throw FormatError(label + ": file is too short to be safetensors (" + std::to_string(size) +
                          " bytes)");
    }
    // Read-only: a writable private mapping would count the whole file against the commit limit
    // (a 16 GB text encoder on a 16 GB machine could then fail to map). Tensor views are
    // therefore read-only; code that needs to modify a weight copies it first.
    void* base = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    int mapErr = errno;
    ::close(fd);
    if (base == MAP_FAILED)
        throw ModelError(label + ": cannot map (" + std::strerror(mapErr) + ")");

    std::shared_ptr<SafetensorsFile> file(new SafetensorsFile());
    file->m_path = path;
    file->m_base = static_cast<const uint8_t*>(base);
    file->m_size = size;
    file->m_header = parseSafetensorsHeader(file->m_base, size, size, label);
    for (std::size_t i = 0; i < file->m_header.tensors.size(); ++i) {
        file->m_index.emplace(file->m_header.tensors[i].name, i);
    }
    // Weights are read soon and whole: start the read-ahead now.
    ::madvise(base, size, MADV_WILLNEED);
    return file;
}

SafetensorsFile::~SafetensorsFile() {
    if (m_base) ::munmap(const_cast<uint8_t*>(m_base), m_size);
}

const TensorInfo* SafetensorsFile::find(const std::string& name) const {
    auto it = m_index.find(name);
    return it == m_index.end() ? nullptr : &m_header.tensors[it->second];
}

const TensorInfo& SafetensorsFile::at(const std::string& name) const {
    const TensorInfo* info = find(name);
    if (!info) throw ModelError(m_path.string() + ": no tensor '" + name + "'");
    return *info;
}

const uint8_t* SafetensorsFile::data(const TensorInfo& info) const {
    return m_base + m_header.dataOffset + info.begin;
}

}  // namespace i4::io
