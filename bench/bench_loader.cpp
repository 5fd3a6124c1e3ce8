// Loader throughput: opens a generated multi-GB safetensors file through the project's loader
// (mmap + header validation + Linear::load + dequantise/convert every tensor to float32, i.e. all
// bytes touched) and compares with a plain sequential read() of the same file.
//
//   bench_loader [--size-gb N] [--dir DIR] [--keep]
// Both passes run from the page cache (a warm-up read comes first), which is the case that
// matters for repeated loads; run with a cold cache (drop_caches) to measure the disk instead.
#include <ATen/ATen.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "core/io/checkpoint.h"
#include "core/io/safetensors_writer.h"
#include "core/model/linear.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

double seconds(Clock::time_point since) {
    return std::chrono::duration<double>(Clock::now() - since).count();
}

double sequentialRead(const fs::path& path) {
    std::vector<char> buffer(16 << 20);
    int fd = ::open(path.c_str(), O_RDONLY);
    uint64_t checksum = 0;
    auto start = Clock::now();
    ssize_t n;
    while ((n = ::read(fd, buffer.data(), buffer.size())) > 0) checksum += buffer[n - 1];
    ::close(fd);
    double s = seconds(start);
    if (checksum == 42) std::puts("");  // keep the loop
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    double sizeGb = 2.0;
    fs::path dir = fs::temp_directory_path();
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--size-gb" && i + 1 < argc)
            sizeGb = std::stod(argv[++i]);
        else if (arg == "--dir" && i + 1 < argc)
            dir = argv[++i];
        else if (arg == "--keep")
            keep = true;
        else {
            std::cerr << "usage: bench_loader [--size-gb N] [--dir DIR] [--keep]\n";
            return 2;
        }
    }
    const fs::path file = dir / "i4-bench-loader.safetensors";
    // bf16 Linear layers of the real DiT's widest shape (4608 x 12288), as many as fit.
    const int64_t rows = 4608, cols = 12288;
    const double layerBytes = rows * cols * 2.0;
    const int layers = std::max(1, static_cast<int>(sizeGb * 1e9 / layerBytes));
    if (!fs::exists(file)) {
        std::cout << "writing " << layers << " bf16 layers [" << rows << ", " << cols << "] to "
                  << file << "\n";
        std::vector<std::pair<std::string, at::Tensor>> tensors;
        at::Tensor w = at::randn({rows, cols}).to(at::kBFloat16);
        for (int i = 0; i < layers; ++i)
            tensors.emplace_back("layers." + std::to_string(i) + ".weight", w);
        i4::io::writeSafetensors(file, tensors);
    }
    const double gb = fs::file_size(file) / 1e9;
    sequentialRead(file);  // warm the page cache

    const double readS = sequentialRead(file);
    auto start = Clock::now();
    auto ckpt = i4::io::Checkpoint::openFile(file, "bench");
    const double openS = seconds(start);
    double checksum = 0;
    for (int i = 0; i < layers; ++i) {
        auto layer = i4::model::Linear::load(ckpt, "layers." + std::to_string(i));
        // The CPU float32 path's work: every stored byte read and converted once.
        layer.prepare(at::kFloat, at::kCPU);
        checksum += layer.dequantize(at::kFloat)[0][0].item<float>();
    }
    const double loadS = seconds(start);

    // Zero-copy path (what a GPU upload reads from): read every byte of every tensor view.
    start = Clock::now();
    auto ckpt2 = i4::io::Checkpoint::openFile(file, "bench");
    uint64_t touched = 0;
    for (int i = 0; i < layers; ++i) {
        at::Tensor view = ckpt2.tensor("layers." + std::to_string(i) + ".weight");
        const auto* words = static_cast<const uint64_t*>(view.data_ptr());
        const int64_t n = view.numel() * view.element_size() / 8;
        for (int64_t w = 0; w < n; ++w) touched ^= words[w];
    }
    const double touchS = seconds(start);

    std::printf("file: %.2f GB, %d tensors\n", gb, layers);
    std::printf("plain sequential read():      %7.3f s  %6.2f GB/s\n", readS, gb / readS);
    std::printf("header open + validation:      %7.4f s\n", openS);
    std::printf("i4 load (mmap + bf16->f32):    %6.3f s  %6.2f GB/s  (ratio to read(): %.2f)\n",
                loadS, gb / loadS, readS / loadS);
    std::printf("i4 zero-copy views, all bytes:  %6.3f s  %6.2f GB/s  (ratio to read(): %.2f)\n",
                touchS, gb / touchS, readS / touchS);
    if (checksum == 1e300 || touched == 1) std::puts("");
    if (!keep) fs::remove(file);
    return 0;
}
