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

bool cudaAvailable();
std::string torchVersion();

}  // namespace i4::runtime
