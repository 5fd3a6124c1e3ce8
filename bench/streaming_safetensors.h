#pragma once

// Writes very large safetensors files whose contents are generated on the fly (random weights for
// benchmarks), without ever holding a whole tensor in memory. core/io/safetensors_writer.h takes
// finished at::Tensors, which for a 28 GB model would mean 28 GB of RAM and one thread.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace i4::bench {

// How a tensor's bytes are made. Random fills draw from a per-tensor, per-chunk seeded generator,
// so the output depends only on the seed, never on the thread schedule.
enum class Fill {
    Table8,       // each byte: table8[random byte] (fp8 e4m3 codes shaped like a normal)
    Table16,      // each 2-byte element: table16[random byte] (bf16 values shaped like a normal)
    RandomBytes,  // uniform random bytes (NF4 nibbles, nested absmax codes)
    Repeat,       // `bytes` repeated over the tensor (a constant of any dtype)
    Exact,        // `bytes` is the whole tensor (small tensors: JSON, code tables, statistics)
};

struct TensorSpec {
    std::string name;
    std::string dtype;  // safetensors dtype name: "BF16", "F8_E4M3", "F32", "U8", "I64"
    std::vector<int64_t> shape;
    Fill fill = Fill::Repeat;
    std::vector<uint8_t> table8;    // Table8: 256 entries
    std::vector<uint16_t> table16;  // Table16: 256 entries
    std::string bytes;              // Repeat: one element; Exact: all of it

    uint64_t byteSize() const;
};

struct FileSpec {
    std::filesystem::path path;
    std::vector<TensorSpec> tensors;
};

// Element size of a safetensors dtype name; throws std::invalid_argument for an unknown one.
uint64_t dtypeBytes(const std::string& dtype);

struct WriteStats {
    uint64_t bytes = 0;  // all files, headers included
    double seconds = 0;
};

// Writes every file (header, then data in safetensors order: larger elements first, then by
// name, with no holes) using `threads` threads that each generate one chunk and pwrite it.
// Chunks of different files are interleaved in proportion to their sizes.
// `onProgress(bytesDone, bytesTotal)` is called from worker threads, at most a few times a second.
// Throws std::runtime_error naming the file on an I/O error.
WriteStats writeSafetensorsFiles(const std::vector<FileSpec>& files, uint64_t seed, int threads,
                                 const std::function<void(uint64_t, uint64_t)>& onProgress = {});

}  // namespace i4::bench
