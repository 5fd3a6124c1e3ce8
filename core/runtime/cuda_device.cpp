// CUDA half of core/runtime/device.h, compiled only against a LibTorch built with CUDA
// (Note [One home for GPU code]).
#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <ATen/cuda/CUDAContext.h>
#include <c10/cuda/CUDACachingAllocator.h>
#include <c10/cuda/CUDAFunctions.h>
#include <c10/cuda/CUDAGuard.h>
#include <cuda_runtime_api.h>

#include <array>
#include <cstring>
#include <mutex>
#include <string>

#include "core/errors.h"
#include "core/runtime/device.h"

namespace i4::runtime {
namespace {

void check(cudaError_t status, const char* what) {
    if (status != cudaSuccess) {
        throw Error(std::string(what) + " failed: " + cudaGetErrorString(status));
    }
}

bool haveDevice() {
    static const bool have = [] {
        int count = 0;
        if (cudaGetDeviceCount(&count) != cudaSuccess) {
            cudaGetLastError();  // clear the sticky "no driver" error for later calls
            return false;
        }
        // float32 means float32: LibTorch lets cuDNN's convolutions (the VAE) run in TF32 by
        // default, which keeps 10 mantissa bits and misses the golden 1e-4 by far. bf16 work is
        // unaffected.
        at::globalContext().setAllowTF32CuDNN(false);
        at::globalContext().setAllowTF32CuBLAS(false);
        return count > 0;
    }();
    return have;
}

// Copies `bytes` from `src` to `dst` with the intra-op threads: one thread tops out near 5 GB/s
// on page-cache-backed mappings (each first touch of a page is a fault), several share the work.
void parallelMemcpy(void* dst, const void* src, int64_t bytes) {
    constexpr int64_t kGrain = 4 << 20;
    at::parallel_for(0, (bytes + kGrain - 1) / kGrain, 1, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i) {
            const int64_t offset = i * kGrain;
            std::memcpy(static_cast<char*>(dst) + offset, static_cast<const char*>(src) + offset,
                        static_cast<size_t>(std::min(kGrain, bytes - offset)));
        }
    });
}

// Note [Staged uploads]
// A pageable host->device copy makes the driver stage through its own small pinned buffer on one
// thread. Instead, chunks of the source are copied by several threads into one of a few pinned
// buffers while the copy engine drains the previous one; an event per buffer says when it may be
// refilled. Copies go on the current stream, so later kernels on it see the data without a sync.
class Stager {
public:
    static constexpr int64_t kBufferBytes = 64 << 20;
    static constexpr int kBuffers = 3;

    void upload(void* dst, const void* src, int64_t bytes) {
        std::lock_guard<std::mutex> lock(m_mutex);
        allocate();
        const cudaStream_t stream = at::cuda::getCurrentCUDAStream().stream();
        for (int64_t offset = 0; offset < bytes; offset += kBufferBytes) {
            const int64_t n = std::min(kBufferBytes, bytes - offset);
            Slot& slot = m_slots[m_next];
            m_next = (m_next + 1) % kBuffers;
            if (slot.used) check(cudaEventSynchronize(slot.done), "cudaEventSynchronize");
            parallelMemcpy(slot.buffer, static_cast<const char*>(src) + offset, n);
            check(cudaMemcpyAsync(static_cast<char*>(dst) + offset, slot.buffer,
                                  static_cast<size_t>(n), cudaMemcpyHostToDevice, stream),
                  "cudaMemcpyAsync");
            check(cudaEventRecord(slot.done, stream), "cudaEventRecord");
            slot.used = true;
        }
    }

    void release() {
        std::lock_guard<std::mutex> lock(m_mutex);
        for (Slot& slot : m_slots) {
            if (!slot.buffer) continue;
            if (slot.used) cudaEventSynchronize(slot.done);
            cudaFreeHost(slot.buffer);
            cudaEventDestroy(slot.done);
            slot = Slot();
        }
    }

private:
    struct Slot {
        void* buffer = nullptr;
        cudaEvent_t done = nullptr;
        bool used = false;
    };

    void allocate() {
        for (Slot& slot : m_slots) {
            if (slot.buffer) continue;
            check(cudaHostAlloc(&slot.buffer, kBufferBytes, cudaHostAllocDefault), "cudaHostAlloc");
            check(cudaEventCreateWithFlags(&slot.done, cudaEventDisableTiming), "cudaEventCreate");
        }
    }

    std::mutex m_mutex;
    std::array<Slot, kBuffers> m_slots{};
    int m_next = 0;
};

Stager& stager() {
    static Stager* instance = new Stager();  // never destroyed: outlives every static tensor
    return *instance;
}

// The caching allocator's "allocated bytes" over all pools (the AGGREGATE entry, index 0; the
// statistic's type moved between LibTorch 2.x releases, so it is left to `auto`).
uint64_t allocatedStat(bool peak) {
    const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(0);
    const auto& stat = stats.allocated_bytes[0];
    return static_cast<uint64_t>(peak ? stat.peak : stat.current);
}

uint64_t reservedBytes() {
    const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(0);
    return static_cast<uint64_t>(stats.reserved_bytes[0].current);
}

}  // namespace

GpuInfo gpuInfo() {
    GpuInfo info;
    info.buildHasCuda = true;
    if (!haveDevice()) {
        info.problem =
            "no NVIDIA GPU is visible to CUDA (no GPU, no NVIDIA driver, a driver older than "
            "this build's CUDA, or CUDA_VISIBLE_DEVICES hides it)";
        return info;
    }
    info.count = static_cast<int>(c10::cuda::device_count());
    const cudaDeviceProp* props = at::cuda::getDeviceProperties(0);
    info.name = props->name;
    info.major = props->major;
    info.minor = props->minor;
    size_t freeBytes = 0, totalBytes = 0;
    c10::cuda::CUDAGuard guard(0);
    if (cudaMemGetInfo(&freeBytes, &totalBytes) == cudaSuccess) {
        info.freeBytes = freeBytes;
        info.totalBytes = totalBytes;
    } else {
        cudaGetLastError();
        info.totalBytes = props->totalGlobalMem;
    }
    return info;
}

uint64_t cudaAllocatedBytes() { return haveDevice() ? allocatedStat(false) : 0; }

uint64_t cudaPeakAllocatedBytes() { return haveDevice() ? allocatedStat(true) : 0; }

uint64_t cudaCachedFreeBytes() {
    if (!haveDevice()) return 0;
    const uint64_t reserved = reservedBytes();
    const uint64_t allocated = allocatedStat(false);
    return reserved > allocated ? reserved - allocated : 0;
}

void cudaResetPeak() {
    if (haveDevice()) c10::cuda::CUDACachingAllocator::resetPeakStats(0);
}

void cudaReleaseCache() {
    if (!haveDevice()) return;
    stager().release();
    c10::cuda::CUDACachingAllocator::emptyCache();
}

void cudaSynchronize() {
    if (haveDevice()) check(cudaDeviceSynchronize(), "cudaDeviceSynchronize");
}

void cudaSetMemoryFraction(double fraction) {
    if (haveDevice()) c10::cuda::CUDACachingAllocator::setMemoryFraction(fraction, 0);
}

void* currentCudaStream() { return at::cuda::getCurrentCUDAStream().stream(); }

at::Tensor toDevice(const at::Tensor& host, at::Device device) {
    if (!device.is_cuda() || !host.device().is_cpu()) return host.to(device);
    const at::Tensor source = host.contiguous();
    const int64_t bytes = source.numel() * static_cast<int64_t>(source.element_size());
    constexpr int64_t kDirectBytes = 1 << 20;  // small tensors: staging costs more than it saves
    if (bytes < kDirectBytes || source.is_pinned()) return source.to(device, /*non_blocking=*/true);
    at::Tensor out = at::empty(source.sizes(), source.options().device(device));
    c10::cuda::CUDAGuard guard(out.device());
    stager().upload(out.data_ptr(), source.data_ptr(), bytes);
    return out;
}

}  // namespace i4::runtime
