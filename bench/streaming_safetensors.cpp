#include "bench/streaming_safetensors.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <mutex>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <thread>

namespace i4::bench {
namespace {

using Clock = std::chrono::steady_clock;

// Large enough that a pwrite costs little per byte, small enough that 16 threads' buffers stay
// well under a GB.
constexpr uint64_t kChunkBytes = 16ull << 20;

uint64_t splitMix64(uint64_t x) {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

uint64_t fnv1a(const std::string& text) {
    uint64_t hash = 1469598103934665603ull;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

// wyrand: one multiply per 64 random bits; statistical quality is far beyond what random
// benchmark weights need, and it keeps generation well ahead of the disk.
class FastRandom {
public:
    explicit FastRandom(uint64_t seed) : m_state(seed) {}
    uint64_t next() {
        m_state += 0xa0761d6478bd642full;
        const __uint128_t t = static_cast<__uint128_t>(m_state) * (m_state ^ 0xe7037ed1a0b428dbull);
        return static_cast<uint64_t>(t >> 64) ^ static_cast<uint64_t>(t);
    }

private:
    uint64_t m_state;
};

struct Item {
    std::size_t file;
    const TensorSpec* tensor;
    uint64_t fileOffset;    // where the chunk goes in the file
    uint64_t tensorOffset;  // where the chunk starts in the tensor's bytes
    uint64_t length;
};

void generate(const TensorSpec& t, uint64_t tensorOffset, uint64_t length, uint64_t seed,
              uint8_t* out) {
    FastRandom random(splitMix64(seed ^ fnv1a(t.name)) ^ splitMix64(tensorOffset / kChunkBytes));
    switch (t.fill) {
        case Fill::Table8: {
            const uint8_t* table = t.table8.data();
            uint64_t i = 0;
            for (; i + 8 <= length; i += 8) {
                const uint64_t r = random.next();
                for (int k = 0; k < 8; ++k) out[i + k] = table[(r >> (8 * k)) & 0xff];
            }
            for (uint64_t r = random.next(); i < length; ++i, r >>= 8) out[i] = table[r & 0xff];
            return;
        }
        case Fill::Table16: {
            const uint16_t* table = t.table16.data();
            const uint64_t n = length / 2;
            uint64_t i = 0;
            for (; i + 8 <= n; i += 8) {
                const uint64_t r = random.next();
                uint16_t values[8];
                for (int k = 0; k < 8; ++k) values[k] = table[(r >> (8 * k)) & 0xff];
                std::memcpy(out + 2 * i, values, sizeof values);
            }
            for (uint64_t r = random.next(); i < n; ++i, r >>= 8) {
                const uint16_t value = table[r & 0xff];
                std::memcpy(out + 2 * i, &value, 2);
            }
            return;
        }
        case Fill::RandomBytes: {
            uint64_t i = 0;
            for (; i + 8 <= length; i += 8) {
                const uint64_t r = random.next();
                std::memcpy(out + i, &r, 8);
            }
            for (uint64_t r = random.next(); i < length; ++i, r >>= 8) out[i] = r & 0xff;
            return;
        }
        case Fill::Repeat: {
            // Chunks start at multiples of kChunkBytes, so at a whole element.
            const uint64_t size = t.bytes.size();
            const uint64_t first = std::min(size, length);
            std::memcpy(out, t.bytes.data(), first);
            for (uint64_t done = first; done < length;) {
                const uint64_t n = std::min(done, length - done);
                std::memcpy(out + done, out, n);
                done += n;
            }
            return;
        }
        case Fill::Exact:
            std::memcpy(out, t.bytes.data() + tensorOffset, length);
            return;
    }
}

void writeAll(int fd, const uint8_t* data, uint64_t length, uint64_t offset,
              const std::filesystem::path& path) {
    while (length > 0) {
        const ssize_t n = ::pwrite(fd, data, length, static_cast<off_t>(offset));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            throw std::runtime_error("cannot write " + path.string() + ": " +
                                     std::strerror(n < 0 ? errno : EIO));
        }
        data += n;
        length -= static_cast<uint64_t>(n);
        offset += static_cast<uint64_t>(n);
    }
}

}  // namespace

uint64_t dtypeBytes(const std::string& dtype) {
    if (dtype == "F64" || dtype == "I64") return 8;
    if (dtype == "F32" || dtype == "I32") return 4;
    if (dtype == "BF16" || dtype == "F16" || dtype == "I16") return 2;
    if (dtype == "F8_E4M3" || dtype == "U8" || dtype == "I8" || dtype == "BOOL") return 1;
    throw std::invalid_argument("unknown safetensors dtype '" + dtype + "'");
}

uint64_t TensorSpec::byteSize() const {
    uint64_t n = dtypeBytes(dtype);
    for (int64_t d : shape) n *= static_cast<uint64_t>(d);
    return n;
}

WriteStats writeSafetensorsFiles(const std::vector<FileSpec>& files, uint64_t seed, int threads,
                                 const std::function<void(uint64_t, uint64_t)>& onProgress) {
    const auto start = Clock::now();
    std::vector<int> fds;
    std::vector<std::vector<Item>> perFile(files.size());
    uint64_t total = 0;
    auto closeAll = [&fds] {
        for (int fd : fds) ::close(fd);
        fds.clear();
    };
    try {
        for (std::size_t f = 0; f < files.size(); ++f) {
            const FileSpec& file = files[f];
            // safetensors' own order: wider elements first (each tensor stays aligned to its
            // element size once the header is padded to 8 bytes), then by name.
            std::vector<const TensorSpec*> order;
            for (const TensorSpec& t : file.tensors) order.push_back(&t);
            std::sort(order.begin(), order.end(), [](const TensorSpec* a, const TensorSpec* b) {
                const uint64_t sa = dtypeBytes(a->dtype), sb = dtypeBytes(b->dtype);
                return sa != sb ? sa > sb : a->name < b->name;
            });
            nlohmann::json header = nlohmann::json::object();
            uint64_t offset = 0;
            for (const TensorSpec* t : order) {
                const uint64_t size = t->byteSize();
                if (t->fill == Fill::Exact && t->bytes.size() != size) {
                    throw std::invalid_argument(t->name + ": " + std::to_string(t->bytes.size()) +
                                                " bytes given for a tensor of " +
                                                std::to_string(size));
                }
                if (t->fill == Fill::Repeat && t->bytes.size() != dtypeBytes(t->dtype)) {
                    throw std::invalid_argument(t->name + ": the repeated value is not one " +
                                                t->dtype + " element");
                }
                header[t->name] = {{"dtype", t->dtype},
                                   {"shape", t->shape},
                                   {"data_offsets", {offset, offset + size}}};
                offset += size;
            }
            std::string text = header.dump();
            text.append((8 - text.size() % 8) % 8, ' ');
            const uint64_t dataStart = 8 + text.size();

            const int fd =
                ::open(file.path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
            if (fd < 0) {
                throw std::runtime_error("cannot create " + file.path.string() + ": " +
                                         std::strerror(errno));
            }
            fds.push_back(fd);
            if (::ftruncate(fd, static_cast<off_t>(dataStart + offset)) != 0) {
                throw std::runtime_error("cannot size " + file.path.string() + ": " +
                                         std::strerror(errno));
            }
            std::string head(8, '\0');
            const uint64_t length = text.size();
            for (int i = 0; i < 8; ++i) head[i] = static_cast<char>((length >> (8 * i)) & 0xff);
            head += text;
            writeAll(fd, reinterpret_cast<const uint8_t*>(head.data()), head.size(), 0, file.path);
            total += head.size();

            uint64_t at = dataStart;
            for (const TensorSpec* t : order) {
                const uint64_t size = t->byteSize();
                for (uint64_t done = 0; done < size; done += kChunkBytes) {
                    perFile[f].push_back(
                        {f, t, at + done, done, std::min(kChunkBytes, size - done)});
                }
                at += size;
                total += size;
            }
        }
    } catch (...) {
        closeAll();
        throw;
    }

    // Interleave the files in proportion to their sizes, so that they all finish together:
    // concurrent buffered writes to one file serialise on its inode, so the last stretch of a run
    // that writes only the largest file would use one core.
    std::vector<Item> items;
    std::vector<std::pair<double, std::size_t>> order;  // (position within its file 0..1, file)
    for (std::size_t f = 0; f < perFile.size(); ++f) {
        for (std::size_t k = 0; k < perFile[f].size(); ++k) {
            order.emplace_back(double(k) / double(perFile[f].size()), f);
        }
    }
    std::stable_sort(order.begin(), order.end());
    std::vector<std::size_t> taken(perFile.size(), 0);
    for (const auto& entry : order) items.push_back(perFile[entry.second][taken[entry.second]++]);

    std::atomic<std::size_t> next{0};
    std::atomic<uint64_t> done{0};
    std::atomic<bool> failed{false};
    std::string error;
    std::mutex errorMutex, progressMutex;
    auto lastReport = Clock::now();
    auto worker = [&] {
        std::vector<uint8_t> buffer(kChunkBytes);
        try {
            for (std::size_t i = next++; i < items.size() && !failed; i = next++) {
                const Item& item = items[i];
                generate(*item.tensor, item.tensorOffset, item.length, seed, buffer.data());
                writeAll(fds[item.file], buffer.data(), item.length, item.fileOffset,
                         files[item.file].path);
                const uint64_t now = done += item.length;
                if (onProgress && progressMutex.try_lock()) {
                    std::lock_guard<std::mutex> lock(progressMutex, std::adopt_lock);
                    if (Clock::now() - lastReport > std::chrono::milliseconds(500)) {
                        lastReport = Clock::now();
                        onProgress(now, total);
                    }
                }
            }
        } catch (const std::exception& e) {
            std::lock_guard<std::mutex> lock(errorMutex);
            if (!failed.exchange(true)) error = e.what();
        }
    };
    std::vector<std::thread> pool;
    for (int i = 0; i < std::max(1, threads); ++i) pool.emplace_back(worker);
    for (auto& thread : pool) thread.join();
    for (std::size_t f = 0; f < fds.size(); ++f) {
        if (::close(fds[f]) != 0 && !failed) {
            failed = true;
            error = "cannot close " + files[f].path.string() + ": " + std::strerror(errno);
        }
    }
    fds.clear();
    if (failed) throw std::runtime_error(error);
    return {total, std::chrono::duration<double>(Clock::now() - start).count()};
}

}  // namespace i4::bench
