#pragma once

// Note [Fused block kernels]
// A DiT block spends most of its non-matmul time on elementwise passes over [tokens, 4608]
// tensors: RMSNorm (in float32) then the adaLN scale, QK-RMSNorm then RoPE, SiLU(w1) * w3, and
// residual + tanh-gate * RMSNorm. Each op here is one pass that reads its inputs once and writes
// its output once, on CUDA in bf16; everywhere else (the CPU, float32, an unsupported shape, or
// a GPU whose first self-check disagreed with the reference) it runs the reference sequence of
// ATen ops, which is also what the kernels are tested against. The kernels keep every bf16
// rounding of the reference; only the order of the float32 sum inside RMSNorm differs.
// I4_FUSED=0 in the environment turns the kernels off (for comparisons).

#include <ATen/core/Tensor.h>

#include <string>

namespace i4::runtime {

// rmsnorm(x) * weight * scale: x [B, L, D], weight [D] float32, scale [B, 1, D] (x's dtype).
at::Tensor rmsNormModulate(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& scale,
                           double eps);

// residual + gate * rmsnorm(x) * weight: residual, x [B, L, D], gate [B, 1, D], weight [D] f32.
at::Tensor gatedResidualRmsNorm(const at::Tensor& residual, const at::Tensor& x,
                                const at::Tensor& weight, const at::Tensor& gate, double eps);

// qkv [B, L, 3, H, Dh] -> {q, k} [B, L, H, Dh]: RMSNorm per head with normQ / normK ([Dh] f32),
// then split-half RoPE with cos / sin [B, L, 1, Dh] (x's dtype).
std::pair<at::Tensor, at::Tensor> qkNormRope(const at::Tensor& qkv, const at::Tensor& normQ,
                                             const at::Tensor& normK, const at::Tensor& cos,
                                             const at::Tensor& sin, double eps);

// silu(a) * b, elementwise.
at::Tensor swiglu(const at::Tensor& a, const at::Tensor& b);

// Per-row e4m3 quantisation of activations x [M, K] (Note [fp8 matmuls]): {codes uint8 [M, K],
// scales float32 [M, 1]}; one pass on a GPU instead of six. Needs LibTorch 2.1+ off the GPU path.
std::pair<at::Tensor, at::Tensor> quantizeRowsFp8(const at::Tensor& x);

// The reference implementations (ATen ops), for tests and the self-check.
namespace reference {
at::Tensor rmsNorm(const at::Tensor& x, const at::Tensor& weight, double eps);
at::Tensor rmsNormModulate(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& scale,
                           double eps);
at::Tensor gatedResidualRmsNorm(const at::Tensor& residual, const at::Tensor& x,
                                const at::Tensor& weight, const at::Tensor& gate, double eps);
std::pair<at::Tensor, at::Tensor> qkNormRope(const at::Tensor& qkv, const at::Tensor& normQ,
                                             const at::Tensor& normK, const at::Tensor& cos,
                                             const at::Tensor& sin, double eps);
at::Tensor swiglu(const at::Tensor& a, const at::Tensor& b);
std::pair<at::Tensor, at::Tensor> quantizeRowsFp8(const at::Tensor& x);
}  // namespace reference

// Whether the fused kernels run on this machine: "on (self-check passed on <GPU>)", "off
// (CPU-only build)", "off (I4_FUSED=0)", "off (self-check failed: ...)". Runs the self-check on
// first call when there is a GPU.
std::string fusedKernelsStatus();

}  // namespace i4::runtime
