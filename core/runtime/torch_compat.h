#pragma once

// Note [Two LibTorch worlds]
// i4core builds against Debian's LibTorch 1.13 (CPU) and against LibTorch 2.x (CUDA, from a
// PyTorch install). Every call whose availability differs between them lives behind this header,
// so model code never tests versions itself.

#include <ATen/core/Tensor.h>
#include <torch/version.h>

#include <string>

#define I4_TORCH_AT_LEAST(major, minor) \
    (TORCH_VERSION_MAJOR > (major) ||   \
     (TORCH_VERSION_MAJOR == (major) && TORCH_VERSION_MINOR >= (minor)))

namespace i4::runtime {

// softmax(q k^T * scale + mask) v with q [B, H, Lq, D], k/v [B, H, Lk, D]; `mask` is boolean
// [B, 1, Lq, Lk] (true = attend) or undefined for no mask. Uses fused SDPA where the LibTorch has
// it.
at::Tensor attention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                     const at::Tensor& mask, double scale);

// RMS normalisation over the last dimension in float32, returned in the input dtype (not scaled).
at::Tensor rmsNormalize(const at::Tensor& x, double eps);

// e4m3fn codes (uint8, any shape) -> float32 values on the codes' device (0x7F/0xFF are NaN).
at::Tensor decodeE4m3(const at::Tensor& codes);

// Which fused attention kernel `attention` runs for these inputs, e.g. "cudnn", "flash",
// "efficient", "math" (for logs and benchmarks).
std::string attentionBackend(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                             const at::Tensor& mask);

// fp8 e4m3 tensor-core matmuls (Note [fp8 matmuls]): LibTorch 2.x with CUDA and a GPU of compute
// capability 8.9 or newer.
bool fp8MatmulSupported();
// The smallest row scale: an all-zero row (padding) quantises to zeros, not NaN.
inline constexpr double kFp8MinScale = 1.0 / (448.0 * 512.0);
// y = x W^T + b with x [M, K] bf16 quantised per row to e4m3 on the fly, `codes` the weight's
// e4m3 codes [N, K] (uint8) with per-row float32 scales `scale` [N], b [N] bf16 or undefined
// -> [M, N] bf16.
at::Tensor fp8Linear(const at::Tensor& x, const at::Tensor& codes, const at::Tensor& scale,
                     const at::Tensor& bias);
// Row-wise e4m3 quantisation of a dense [N, K] weight: {codes uint8 [N, K], scales f32 [N]}.
std::pair<at::Tensor, at::Tensor> quantizeFp8Rowwise(const at::Tensor& weight);

bool cudaAvailable();
std::string torchVersion();

}  // namespace i4::runtime
