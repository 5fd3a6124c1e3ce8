// Fused elementwise kernels of the DiT block (Note [Fused block kernels] in
// core/runtime/fused_ops.h). Each reproduces the reference's sequence of bf16 roundings; only the
// order of the float32 sum inside RMSNorm differs from ATen's reduction.
#include <cuda_bf16.h>
#include <cuda_fp8.h>
#include <cuda_runtime.h>

#include <cstdint>

#include "core/runtime/cuda/fused_kernels.h"

namespace i4::runtime::cuda {
namespace {

using bf16 = __nv_bfloat16;

constexpr int kVec = 8;  // bf16 values per 16-byte access
constexpr int kRowThreads = 256;

struct alignas(16) Vec8 {
    bf16 v[kVec];
};

__device__ __forceinline__ float round16(float x) { return __bfloat162float(__float2bfloat16(x)); }

__device__ __forceinline__ float warpSum(float v) {
    for (int offset = 16; offset > 0; offset >>= 1) v += __shfl_xor_sync(0xffffffffu, v, offset);
    return v;
}

// Sum over the block (kRowThreads threads), returned to every thread.
__device__ float blockSum(float v) {
    __shared__ float partial[kRowThreads / 32];
    __shared__ float total;
    v = warpSum(v);
    const int warp = threadIdx.x / 32;
    if (threadIdx.x % 32 == 0) partial[warp] = v;
    __syncthreads();
    if (warp == 0) {
        float s = threadIdx.x < kRowThreads / 32 ? partial[threadIdx.x] : 0.0f;
        s = warpSum(s);
        if (threadIdx.x == 0) total = s;
    }
    __syncthreads();
    return total;
}

// 1 / rms of one row, as the reference forms it: x * rsqrt(mean(x^2) + eps) in float32.
__device__ float rowInverseRms(const bf16* row, int64_t dim, float eps) {
    float sum = 0.0f;
    for (int64_t i = threadIdx.x; i < dim / kVec; i += kRowThreads) {
        const Vec8 in = reinterpret_cast<const Vec8*>(row)[i];
#pragma unroll
        for (int j = 0; j < kVec; ++j) {
            const float f = __bfloat162float(in.v[j]);
            sum += f * f;
        }
    }
    return rsqrtf(blockSum(sum) * (1.0f / static_cast<float>(dim)) + eps);
}

__global__ void rmsNormModulateKernel(const bf16* x, const float* weight, const bf16* scale,
                                      bf16* out, int64_t dim, int64_t rowsPerScale, float eps) {
    const int64_t row = blockIdx.x;
    const bf16* in = x + row * dim;
    const bf16* s = scale + (row / rowsPerScale) * dim;
    const float inv = rowInverseRms(in, dim, eps);
    for (int64_t i = threadIdx.x; i < dim / kVec; i += kRowThreads) {
        const Vec8 xv = reinterpret_cast<const Vec8*>(in)[i];
        const Vec8 sv = reinterpret_cast<const Vec8*>(s)[i];
        Vec8 o;
#pragma unroll
        for (int j = 0; j < kVec; ++j) {
            const float n = round16(__bfloat162float(xv.v[j]) * inv);
            const float y = round16(n * round16(weight[i * kVec + j]));
            o.v[j] = __float2bfloat16(y * __bfloat162float(sv.v[j]));
        }
        reinterpret_cast<Vec8*>(out + row * dim)[i] = o;
    }
}

__global__ void gatedResidualRmsNormKernel(const bf16* residual, const bf16* x, const float* weight,
                                           const bf16* gate, bf16* out, int64_t dim,
                                           int64_t rowsPerGate, float eps) {
    const int64_t row = blockIdx.x;
    const bf16* in = x + row * dim;
    const bf16* g = gate + (row / rowsPerGate) * dim;
    const float inv = rowInverseRms(in, dim, eps);
    for (int64_t i = threadIdx.x; i < dim / kVec; i += kRowThreads) {
        const Vec8 xv = reinterpret_cast<const Vec8*>(in)[i];
        const Vec8 gv = reinterpret_cast<const Vec8*>(g)[i];
        const Vec8 rv = reinterpret_cast<const Vec8*>(residual + row * dim)[i];
        Vec8 o;
#pragma unroll
        for (int j = 0; j < kVec; ++j) {
            const float n = round16(__bfloat162float(xv.v[j]) * inv);
            const float y = round16(n * round16(weight[i * kVec + j]));
            const float gated = round16(__bfloat162float(gv.v[j]) * y);
            o.v[j] = __float2bfloat16(__bfloat162float(rv.v[j]) + gated);
        }
        reinterpret_cast<Vec8*>(out + row * dim)[i] = o;
    }
}

// One warp per head vector; lane l holds elements [l * kPer, (l + 1) * kPer). The rotation pairs
// element i with i +- headDim / 2, which sits 16 lanes away.
template <int kPer>
__global__ void qkNormRopeKernel(const bf16* qkv, const float* normQ, const float* normK,
                                 const bf16* cos, const bf16* sin, bf16* q, bf16* k, int64_t rows,
                                 int64_t heads, float eps) {
    constexpr int kHeadDim = 32 * kPer;
    const int64_t warpId = (static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x) / 32;
    const int lane = threadIdx.x % 32;
    if (warpId >= rows * heads * 2) return;
    const int part = static_cast<int>(warpId % 2);  // 0 = q, 1 = k
    const int64_t head = (warpId / 2) % heads;
    const int64_t row = warpId / 2 / heads;
    const bf16* in = qkv + ((row * 3 + part) * heads + head) * kHeadDim + lane * kPer;
    const float* w = (part == 0 ? normQ : normK) + lane * kPer;

    float x[kPer];
    float sum = 0.0f;
#pragma unroll
    for (int j = 0; j < kPer; ++j) {
        x[j] = __bfloat162float(in[j]);
        sum += x[j] * x[j];
    }
    const float inv = rsqrtf(warpSum(sum) * (1.0f / kHeadDim) + eps);
    float y[kPer];
#pragma unroll
    for (int j = 0; j < kPer; ++j) y[j] = round16(round16(x[j] * inv) * round16(w[j]));

    const bool firstHalf = lane < 16;
    const bf16* c = cos + row * kHeadDim + lane * kPer;
    const bf16* s = sin + row * kHeadDim + lane * kPer;
    bf16* out = (part == 0 ? q : k) + (row * heads + head) * kHeadDim + lane * kPer;
#pragma unroll
    for (int j = 0; j < kPer; ++j) {
        const float partner = __shfl_xor_sync(0xffffffffu, y[j], 16);
        const float rotated = firstHalf ? -partner : partner;
        const float a = round16(y[j] * __bfloat162float(c[j]));
        const float b = round16(rotated * __bfloat162float(s[j]));
        out[j] = __float2bfloat16(a + b);
    }
}

__global__ void swigluKernel(const bf16* a, const bf16* b, bf16* out, int64_t vectors) {
    for (int64_t i = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < vectors;
         i += static_cast<int64_t>(gridDim.x) * blockDim.x) {
        const Vec8 av = reinterpret_cast<const Vec8*>(a)[i];
        const Vec8 bv = reinterpret_cast<const Vec8*>(b)[i];
        Vec8 o;
#pragma unroll
        for (int j = 0; j < kVec; ++j) {
            const float x = __bfloat162float(av.v[j]);
            const float silu = round16(x / (1.0f + expf(-x)));
            o.v[j] = __float2bfloat16(silu * __bfloat162float(bv.v[j]));
        }
        reinterpret_cast<Vec8*>(out)[i] = o;
    }
}


__device__ float blockMax(float v) {
    __shared__ float partial[kRowThreads / 32];
    __shared__ float total;
    for (int offset = 16; offset > 0; offset >>= 1)
        v = fmaxf(v, __shfl_xor_sync(0xffffffffu, v, offset));
    const int warp = threadIdx.x / 32;
    if (threadIdx.x % 32 == 0) partial[warp] = v;
    __syncthreads();
    if (warp == 0) {
        float m = threadIdx.x < kRowThreads / 32 ? partial[threadIdx.x] : 0.0f;
        for (int offset = 16; offset > 0; offset >>= 1)
            m = fmaxf(m, __shfl_xor_sync(0xffffffffu, m, offset));
        if (threadIdx.x == 0) total = m;
    }
    __syncthreads();
    return total;
}

__global__ void quantizeRowsFp8Kernel(const bf16* x, uint8_t* codes, float* scale, int64_t dim,
                                      float minScale) {
    constexpr float kE4m3Max = 448.0f;
    const int64_t row = blockIdx.x;
    const bf16* in = x + row * dim;
    float amax = 0.0f;
    for (int64_t i = threadIdx.x; i < dim / kVec; i += kRowThreads) {
        const Vec8 v = reinterpret_cast<const Vec8*>(in)[i];
#pragma unroll
        for (int j = 0; j < kVec; ++j) amax = fmaxf(amax, fabsf(__bfloat162float(v.v[j])));
    }
    const float s = fmaxf(blockMax(amax) / kE4m3Max, minScale);
    if (threadIdx.x == 0) scale[row] = s;
    for (int64_t i = threadIdx.x; i < dim / kVec; i += kRowThreads) {
        const Vec8 v = reinterpret_cast<const Vec8*>(in)[i];
        uint2 packed;
        uint8_t* out = reinterpret_cast<uint8_t*>(&packed);
#pragma unroll
        for (int j = 0; j < kVec; ++j) {
            const float q = fminf(fmaxf(__bfloat162float(v.v[j]) / s, -kE4m3Max), kE4m3Max);
            out[j] = __nv_cvt_float_to_fp8(q, __NV_SATFINITE, __NV_E4M3);
        }
        reinterpret_cast<uint2*>(codes + row * dim)[i] = packed;
    }
}

bool launched() { return cudaPeekAtLastError() == cudaSuccess; }

}  // namespace

bool rmsNormModulate(const void* x, const float* weight, const void* scale, void* out, int64_t rows,
                     int64_t dim, int64_t rowsPerScale, float eps, void* stream) {
    if (dim % kVec != 0 || rows <= 0 || rowsPerScale <= 0 || rows > (int64_t{1} << 31) - 1)
        return false;
    rmsNormModulateKernel<<<static_cast<unsigned>(rows), kRowThreads, 0,
                            static_cast<cudaStream_t>(stream)>>>(
        static_cast<const bf16*>(x), weight, static_cast<const bf16*>(scale),
        static_cast<bf16*>(out), dim, rowsPerScale, eps);
    return launched();
}

bool gatedResidualRmsNorm(const void* residual, const void* x, const float* weight,
                          const void* gate, void* out, int64_t rows, int64_t dim,
                          int64_t rowsPerGate, float eps, void* stream) {
    if (dim % kVec != 0 || rows <= 0 || rowsPerGate <= 0 || rows > (int64_t{1} << 31) - 1)
        return false;
    gatedResidualRmsNormKernel<<<static_cast<unsigned>(rows), kRowThreads, 0,
                                 static_cast<cudaStream_t>(stream)>>>(
        static_cast<const bf16*>(residual), static_cast<const bf16*>(x), weight,
        static_cast<const bf16*>(gate), static_cast<bf16*>(out), dim, rowsPerGate, eps);
    return launched();
}

bool qkNormRope(const void* qkv, const float* normQ, const float* normK, const void* cos,
                const void* sin, void* q, void* k, int64_t rows, int64_t heads, int64_t headDim,
                float eps, void* stream) {
    const int64_t warps = rows * heads * 2;
    if (warps <= 0) return false;
    constexpr int kThreads = 256;
    const auto blocks = static_cast<unsigned>((warps * 32 + kThreads - 1) / kThreads);
    const auto s = static_cast<cudaStream_t>(stream);
    const auto* in = static_cast<const bf16*>(qkv);
    const auto* c = static_cast<const bf16*>(cos);
    const auto* sn = static_cast<const bf16*>(sin);
    auto* qo = static_cast<bf16*>(q);
    auto* ko = static_cast<bf16*>(k);
    switch (headDim) {
        case 256:
            qkNormRopeKernel<8>
                <<<blocks, kThreads, 0, s>>>(in, normQ, normK, c, sn, qo, ko, rows, heads, eps);
            break;
        case 128:
            qkNormRopeKernel<4>
                <<<blocks, kThreads, 0, s>>>(in, normQ, normK, c, sn, qo, ko, rows, heads, eps);
            break;
        case 64:
            qkNormRopeKernel<2>
                <<<blocks, kThreads, 0, s>>>(in, normQ, normK, c, sn, qo, ko, rows, heads, eps);
            break;
        default:
            return false;
    }
    return launched();
}

bool quantizeRowsFp8(const void* x, uint8_t* codes, float* scale, int64_t rows, int64_t dim,
                     float minScale, void* stream) {
    if (dim % kVec != 0 || rows <= 0 || rows > (int64_t{1} << 31) - 1) return false;
    quantizeRowsFp8Kernel<<<static_cast<unsigned>(rows), kRowThreads, 0,
                            static_cast<cudaStream_t>(stream)>>>(static_cast<const bf16*>(x), codes,
                                                                 scale, dim, minScale);
    return launched();
}

bool swiglu(const void* a, const void* b, void* out, int64_t n, void* stream) {
    if (n % kVec != 0 || n <= 0) return false;
    const int64_t vectors = n / kVec;
    constexpr int kThreads = 256;
    const auto blocks = static_cast<unsigned>(
        (vectors + kThreads - 1) / kThreads < 65535 ? (vectors + kThreads - 1) / kThreads : 65535);
    swigluKernel<<<blocks, kThreads, 0, static_cast<cudaStream_t>(stream)>>>(
        static_cast<const bf16*>(a), static_cast<const bf16*>(b), static_cast<bf16*>(out), vectors);
    return launched();
}

}  // namespace i4::runtime::cuda
