#pragma once

// Launchers of the fused elementwise kernels (fused_kernels.cu). Plain CUDA on raw pointers, no
// Torch: core/runtime/fused_ops.cpp checks shapes, dtypes, contiguity and alignment and calls
// these; each returns false when the shape is one it does not handle (the caller then runs the
// reference path). All tensors are bf16 unless named otherwise; rows are tokens.

#include <cstdint>

namespace i4::runtime::cuda {

// out[m] = bf16(bf16(bf16(x[m] * rsqrt(mean(x[m]^2) + eps)) * bf16(weight)) * scale[m /
// rowsPerScale])
bool rmsNormModulate(const void* x, const float* weight, const void* scale, void* out, int64_t rows,
                     int64_t dim, int64_t rowsPerScale, float eps, void* stream);

// out[m] = bf16(residual[m] + bf16(gate[m / rowsPerGate] * bf16(bf16(rmsnorm(x[m])) *
// bf16(weight))))
bool gatedResidualRmsNorm(const void* residual, const void* x, const float* weight,
                          const void* gate, void* out, int64_t rows, int64_t dim,
                          int64_t rowsPerGate, float eps, void* stream);

// qkv [rows, 3, heads, headDim] -> q, k [rows, heads, headDim]: per head, RMSNorm with its weight
// then split-half RoPE with cos/sin [rows, headDim] (each product and the sum rounded to bf16).
bool qkNormRope(const void* qkv, const float* normQ, const float* normK, const void* cos,
                const void* sin, void* q, void* k, int64_t rows, int64_t heads, int64_t headDim,
                float eps, void* stream);

// Per-row e4m3 quantisation of x [rows, dim] (Note [fp8 matmuls]): scale[m] = max(amax(|x[m]|)
// / 448, minScale) as float32, codes[m] = e4m3(x[m] / scale[m]) (round to nearest even).
bool quantizeRowsFp8(const void* x, uint8_t* codes, float* scale, int64_t rows, int64_t dim,
                     float minScale, void* stream);

// out = bf16(bf16(silu(a)) * b), elementwise over n values.
bool swiglu(const void* a, const void* b, void* out, int64_t n, void* stream);

}  // namespace i4::runtime::cuda
