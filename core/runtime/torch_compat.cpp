#include "core/runtime/torch_compat.h"

#include <ATen/ATen.h>
#include <ATen/Context.h>

#include <mutex>
#include <stdexcept>

#include "core/io/dequantize.h"
#include "core/runtime/device.h"
#include "core/runtime/fused_ops.h"
#include "core/runtime/log.h"

namespace i4::runtime {

at::Tensor attention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                     const at::Tensor& mask, double scale) {
#if I4_TORCH_AT_LEAST(2, 1)
    // LibTorch 2.x takes an optional mask: an undefined Tensor wrapped in it is "present" and
    // fails the dtype check, so "no mask" must be nullopt.
    const c10::optional<at::Tensor> attnMask =
        mask.defined() ? c10::optional<at::Tensor>(mask) : c10::nullopt;
    if (q.is_cuda()) {  // which kernel runs matters (cuDNN ~2x FlashAttention-2 at head dim 256)
        static std::once_flag logged;
        std::call_once(logged, [&] {
            logLine("attention kernel: " + attentionBackend(q, k, v, mask) + " (head dim " +
                    std::to_string(q.size(-1)) + (mask.defined() ? ", masked)" : ")"));
        });
    }
    return at::scaled_dot_product_attention(q, k, v, attnMask, 0.0, false, scale);
#else
    at::Tensor scores = at::matmul(q, k.transpose(-2, -1)) * scale;
    if (mask.defined()) {
        scores = scores.masked_fill(mask.logical_not(), -std::numeric_limits<float>::infinity());
    }
    return at::matmul(at::softmax(scores, -1), v);
#endif
}

at::Tensor rmsNormalize(const at::Tensor& x, double eps) {
    at::Tensor h = x.to(at::kFloat);
    h = h * at::rsqrt(h.pow(2).mean(-1, true) + eps);
    return h.to(x.scalar_type());
}

at::Tensor decodeE4m3(const at::Tensor& codes) {
#if I4_TORCH_AT_LEAST(2, 1)
    return codes.view(at::kFloat8_e4m3fn).to(at::kFloat);
#else
    // No float8 dtype before 2.1: a table of the 256 codes.
    at::Tensor table = at::empty({256}, at::kFloat);
    float* values = table.data_ptr<float>();
    for (int code = 0; code < 256; ++code)
        values[code] = io::decodeE4M3(static_cast<uint8_t>(code));
    return table.to(codes.device())
        .index_select(0, codes.reshape({-1}).to(at::kLong))
        .view(codes.sizes());
#endif
}

std::string attentionBackend(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                             const at::Tensor& mask) {
#if I4_TORCH_AT_LEAST(2, 1)
    const c10::optional<at::Tensor> attnMask =
        mask.defined() ? c10::optional<at::Tensor>(mask) : c10::nullopt;
    switch (at::_fused_sdp_choice(q, k, v, attnMask, 0.0, false)) {
        case 0:
            return "math";
        case 1:
            return "flash";
        case 2:
            return "efficient";
        case 3:
            return "cudnn";
        default:
            return "other";
    }
#else
    (void)q, (void)k, (void)v, (void)mask;
    return "math (LibTorch " + torchVersion() + ")";
#endif
}

// Note [fp8 matmuls]
// The fast mode's W8A8 product: the weight's e4m3 codes with their per-row scales (exactly the
// published fp8 weights, or a bf16 weight quantised once per row), the activations quantised per
// token on the fly (scale = row amax / 448, floored so that an all-zero row gives zeros, not
// NaN), and cuBLASLt's row-wise scaled fp8 GEMM with float32 accumulation and a bf16 result.
constexpr double kE4m3Max = 448.0;

bool fp8MatmulSupported() {
#if I4_TORCH_AT_LEAST(2, 4)
    static const bool supported = [] {
        const GpuInfo gpu = gpuInfo();
        return gpu.count > 0 && (gpu.major > 8 || (gpu.major == 8 && gpu.minor >= 9));
    }();
    return supported;
#else
    return false;
#endif
}

at::Tensor fp8Linear(const at::Tensor& x, const at::Tensor& codes, const at::Tensor& scale,
                     const at::Tensor& bias) {
#if I4_TORCH_AT_LEAST(2, 4)
    auto [codes8, scaleA] = quantizeRowsFp8(x);  // [M, K] uint8, [M, 1] f32 (fused_ops.h)
    const at::Tensor xq = codes8.view(at::kFloat8_e4m3fn);
    const at::Tensor wT = codes.view(at::kFloat8_e4m3fn).t();  // [K, N], column-major
    const c10::optional<at::Tensor> b =
        bias.defined() ? c10::optional<at::Tensor>(bias.to(at::kBFloat16)) : c10::nullopt;
    return at::_scaled_mm(xq, wT, scaleA, scale.view({1, -1}), b, c10::nullopt, at::kBFloat16,
                          false);
#else
    (void)x, (void)codes, (void)scale, (void)bias;
    throw std::runtime_error("fp8 matmuls need LibTorch 2.4 or newer");
#endif
}

std::pair<at::Tensor, at::Tensor> quantizeFp8Rowwise(const at::Tensor& weight) {
#if I4_TORCH_AT_LEAST(2, 1)
    const at::Tensor wf = weight.to(at::kFloat);
    const at::Tensor scale = (wf.abs().amax(-1, true) / kE4m3Max).clamp_min(kFp8MinScale);  // [N, 1]
    const at::Tensor codes =
        (wf / scale).clamp(-kE4m3Max, kE4m3Max).to(at::kFloat8_e4m3fn).view(at::kByte);
    return {codes, scale.view({-1})};
#else
    (void)weight;
    throw std::runtime_error("fp8 quantisation needs LibTorch 2.1 or newer");
#endif
}

bool cudaAvailable() { return at::hasCUDA(); }

std::string torchVersion() { return TORCH_VERSION; }

}  // namespace i4::runtime
