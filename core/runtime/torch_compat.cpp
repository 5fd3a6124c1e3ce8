#include "core/runtime/torch_compat.h"

#include <ATen/ATen.h>
#include <ATen/Context.h>

namespace i4::runtime {

at::Tensor attention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                     const at::Tensor& mask, double scale) {
#if I4_TORCH_AT_LEAST(2, 1)
    return at::scaled_dot_product_attention(q, k, v, mask, 0.0, false, scale);
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

bool cudaAvailable() { return at::hasCUDA(); }

std::string torchVersion() { return TORCH_VERSION; }

}  // namespace i4::runtime
