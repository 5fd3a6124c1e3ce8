#include "core/runtime/fused_ops.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <c10/core/GradMode.h>

#include <cstdlib>
#include <cstring>
#include <mutex>
#include <optional>

#include "core/runtime/cuda/fused_kernels.h"
#include "core/runtime/device.h"
#include "core/runtime/log.h"
#include "core/runtime/torch_compat.h"

namespace i4::runtime {

namespace reference {

at::Tensor rmsNorm(const at::Tensor& x, const at::Tensor& weight, double eps) {
    return rmsNormalize(x, eps) * weight.to(x.scalar_type());
}

at::Tensor rmsNormModulate(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& scale,
                           double eps) {
    return rmsNorm(x, weight, eps) * scale;
}

at::Tensor gatedResidualRmsNorm(const at::Tensor& residual, const at::Tensor& x,
                                const at::Tensor& weight, const at::Tensor& gate, double eps) {
    return residual + gate * rmsNorm(x, weight, eps);
}

namespace {

// Split-half rotation: x * cos + rotate_half(x) * sin, rotate_half(x) = [-x2, x1].
at::Tensor applyRope(const at::Tensor& x, const at::Tensor& cos, const at::Tensor& sin) {
    const int64_t half = x.size(-1) / 2;
    at::Tensor x1 = x.narrow(-1, 0, half);
    at::Tensor x2 = x.narrow(-1, half, half);
    return x * cos + at::cat({-x2, x1}, -1) * sin;
}

}  // namespace

std::pair<at::Tensor, at::Tensor> qkNormRope(const at::Tensor& qkv, const at::Tensor& normQ,
                                             const at::Tensor& normK, const at::Tensor& cos,
                                             const at::Tensor& sin, double eps) {
    at::Tensor q = rmsNorm(qkv.select(2, 0), normQ, eps);  // [B, L, H, Dh]
    at::Tensor k = rmsNorm(qkv.select(2, 1), normK, eps);
    return {applyRope(q, cos, sin), applyRope(k, cos, sin)};
}

at::Tensor swiglu(const at::Tensor& a, const at::Tensor& b) { return at::silu(a) * b; }

std::pair<at::Tensor, at::Tensor> quantizeRowsFp8(const at::Tensor& x) {
    auto [codes, scale] = quantizeFp8Rowwise(x);
    return {codes, scale.view({-1, 1})};
}

}  // namespace reference

namespace {

bool aligned(const at::Tensor& t) { return reinterpret_cast<uintptr_t>(t.data_ptr()) % 16 == 0; }

// A tensor the kernels can take: bf16, contiguous, on the GPU, 16-byte aligned.
bool kernelReady(const at::Tensor& t) {
    return t.defined() && t.is_cuda() && t.scalar_type() == at::kBFloat16 && t.is_contiguous() &&
           aligned(t);
}

bool floatVector(const at::Tensor& t, int64_t size) {
    return t.defined() && t.is_cuda() && t.scalar_type() == at::kFloat && t.is_contiguous() &&
           t.dim() == 1 && t.size(0) == size;
}

// [B, L, D] with a per-batch [B, 1, D] companion.
bool perBatch(const at::Tensor& x, const at::Tensor& companion) {
    return x.dim() == 3 && companion.dim() == 3 && companion.size(0) == x.size(0) &&
           companion.size(1) == 1 && companion.size(2) == x.size(2);
}

std::optional<at::Tensor> kernelRmsNormModulate(const at::Tensor& x, const at::Tensor& weight,
                                                const at::Tensor& scale, double eps) {
    if (!kernelReady(x) || !kernelReady(scale) || !perBatch(x, scale) ||
        !floatVector(weight, x.size(2))) {
        return std::nullopt;
    }
    at::Tensor out = at::empty_like(x);
    if (!cuda::rmsNormModulate(x.data_ptr(), weight.data_ptr<float>(), scale.data_ptr(),
                               out.data_ptr(), x.size(0) * x.size(1), x.size(2), x.size(1),
                               static_cast<float>(eps), currentCudaStream())) {
        return std::nullopt;
    }
    return out;
}

std::optional<at::Tensor> kernelGatedResidual(const at::Tensor& residual, const at::Tensor& x,
                                              const at::Tensor& weight, const at::Tensor& gate,
                                              double eps) {
    if (!kernelReady(x) || !kernelReady(residual) || !kernelReady(gate) ||
        residual.sizes() != x.sizes() || !perBatch(x, gate) || !floatVector(weight, x.size(2))) {
        return std::nullopt;
    }
    at::Tensor out = at::empty_like(x);
    if (!cuda::gatedResidualRmsNorm(residual.data_ptr(), x.data_ptr(), weight.data_ptr<float>(),
                                    gate.data_ptr(), out.data_ptr(), x.size(0) * x.size(1),
                                    x.size(2), x.size(1), static_cast<float>(eps),
                                    currentCudaStream())) {
        return std::nullopt;
    }
    return out;
}

std::optional<std::pair<at::Tensor, at::Tensor>> kernelQkNormRope(
    const at::Tensor& qkv, const at::Tensor& normQ, const at::Tensor& normK, const at::Tensor& cos,
    const at::Tensor& sin, double eps) {
    if (!kernelReady(qkv) || qkv.dim() != 5 || qkv.size(2) != 3 || !kernelReady(cos) ||
        !kernelReady(sin)) {
        return std::nullopt;
    }
    const int64_t batch = qkv.size(0), len = qkv.size(1), heads = qkv.size(3),
                  headDim = qkv.size(4);
    const std::vector<int64_t> tableShape{batch, len, 1, headDim};
    if (cos.sizes() != at::IntArrayRef(tableShape) || sin.sizes() != at::IntArrayRef(tableShape) ||
        !floatVector(normQ, headDim) || !floatVector(normK, headDim)) {
        return std::nullopt;
    }
    at::Tensor q = at::empty({batch, len, heads, headDim}, qkv.options());
    at::Tensor k = at::empty({batch, len, heads, headDim}, qkv.options());
    if (!cuda::qkNormRope(qkv.data_ptr(), normQ.data_ptr<float>(), normK.data_ptr<float>(),
                          cos.data_ptr(), sin.data_ptr(), q.data_ptr(), k.data_ptr(), batch * len,
                          heads, headDim, static_cast<float>(eps), currentCudaStream())) {
        return std::nullopt;
    }
    return std::make_pair(q, k);
}

std::optional<at::Tensor> kernelSwiglu(const at::Tensor& a, const at::Tensor& b) {
    if (!kernelReady(a) || !kernelReady(b) || a.sizes() != b.sizes()) return std::nullopt;
    at::Tensor out = at::empty_like(a);
    if (!cuda::swiglu(a.data_ptr(), b.data_ptr(), out.data_ptr(), a.numel(), currentCudaStream())) {
        return std::nullopt;
    }
    return out;
}

std::optional<std::pair<at::Tensor, at::Tensor>> kernelQuantizeRowsFp8(const at::Tensor& x) {
    if (!kernelReady(x) || x.dim() != 2) return std::nullopt;
    at::Tensor codes = at::empty(x.sizes(), x.options().dtype(at::kByte));
    at::Tensor scale = at::empty({x.size(0), 1}, x.options().dtype(at::kFloat));
    if (!cuda::quantizeRowsFp8(x.data_ptr(), codes.data_ptr<uint8_t>(), scale.data_ptr<float>(),
                               x.size(0), x.size(1), static_cast<float>(kFp8MinScale),
                               currentCudaStream())) {
        return std::nullopt;
    }
    return std::make_pair(codes, scale);
}

// Note [Kernel self-check]
// No CI machine has a GPU, so before the first use on a user's machine every kernel is run once
// against its reference on random inputs; if any disagrees beyond bf16 rounding the kernels stay
// off for the whole process, with a log line. A wrong kernel costs speed, never a wrong image.
struct Check {
    std::string name;
    double error;  // ||kernel - reference|| / ||reference||, or -1 when the kernel did not run
};

double compare(const std::optional<at::Tensor>& got, const at::Tensor& want) {
    if (!got) return -1;
    const at::Tensor g = got->to(at::kDouble);
    const at::Tensor w = want.to(at::kDouble);
    if (!at::isfinite(g).all().item<bool>()) return 1e9;
    return (g - w).norm().item<double>() / std::max(w.norm().item<double>(), 1e-30);
}

std::vector<Check> runSelfCheck() {
    const auto options = at::TensorOptions(at::kCUDA).dtype(at::kBFloat16);
    const auto f32 = at::TensorOptions(at::kCUDA).dtype(at::kFloat);
    at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(20261204);
    const auto random = [&](at::IntArrayRef shape, const at::TensorOptions& o) {
        return (at::randn(shape, gen) * 2.0).to(o);
    };
    std::vector<Check> checks;
    const at::Tensor x = random({2, 37, 512}, options);
    const at::Tensor residual = random({2, 37, 512}, options);
    const at::Tensor weight = random({512}, f32);
    const at::Tensor scale = random({2, 1, 512}, options);
    const double eps = 1e-6;
    checks.push_back(
        {"rmsnorm-modulate", compare(kernelRmsNormModulate(x, weight, scale, eps),
                                     reference::rmsNormModulate(x, weight, scale, eps))});
    checks.push_back({"gated-residual-rmsnorm",
                      compare(kernelGatedResidual(residual, x, weight, scale, eps),
                              reference::gatedResidualRmsNorm(residual, x, weight, scale, eps))});
    const at::Tensor qkv = random({2, 9, 3, 4, 256}, options);
    const at::Tensor normQ = random({256}, f32), normK = random({256}, f32);
    const at::Tensor angles = at::rand({2, 9, 1, 256}, gen).to(f32) * 100.0;
    const at::Tensor cos = angles.cos().to(at::kBFloat16), sin = angles.sin().to(at::kBFloat16);
    const auto want = reference::qkNormRope(qkv, normQ, normK, cos, sin, eps);
    const auto got = kernelQkNormRope(qkv, normQ, normK, cos, sin, eps);
    checks.push_back(
        {"qk-norm-rope (q)",
         compare(got ? std::optional<at::Tensor>(got->first) : std::nullopt, want.first)});
    checks.push_back(
        {"qk-norm-rope (k)",
         compare(got ? std::optional<at::Tensor>(got->second) : std::nullopt, want.second)});
    const at::Tensor a = random({3, 1000, 8}, options), b = random({3, 1000, 8}, options);
    checks.push_back({"swiglu", compare(kernelSwiglu(a, b), reference::swiglu(a, b))});
    if (fp8MatmulSupported()) {  // the rounding is the same, so the codes must be identical
        const at::Tensor rows = random({37, 512}, options) * 50.0;
        const auto got8 = kernelQuantizeRowsFp8(rows);
        const auto want8 = reference::quantizeRowsFp8(rows);
        const bool same = got8 && at::equal(got8->first, want8.first) &&
                          at::equal(got8->second, want8.second);
        checks.push_back({"fp8 row quantisation", got8 ? (same ? 0.0 : 1.0) : -1.0});
    }
    return checks;
}

// bf16 keeps 8 significant bits: one rounding step apart is ~4e-3 relative; a kernel that
// reads or writes the wrong element is off by O(1).
constexpr double kSelfCheckTolerance = 1e-2;

struct FusedState {
    bool on = false;
    std::string status;
};

const FusedState& fusedState() {
    static const FusedState state = [] {
        FusedState s;
        const GpuInfo gpu = gpuInfo();
        if (!gpu.buildHasCuda) {
            s.status = "off (CPU-only build)";
            return s;
        }
        if (gpu.count == 0) {
            s.status = "off (no GPU)";
            return s;
        }
        if (const char* env = std::getenv("I4_FUSED"); env && std::strcmp(env, "0") == 0) {
            s.status = "off (I4_FUSED=0)";
            logLine("fused block kernels: " + s.status);
            return s;
        }
        std::string failures;
        for (const Check& check : runSelfCheck()) {
            if (check.error < 0 || check.error > kSelfCheckTolerance) {
                failures += (failures.empty() ? "" : ", ") + check.name + " " +
                            (check.error < 0 ? "did not run" : std::to_string(check.error));
            }
        }
        s.on = failures.empty();
        s.status = s.on ? "on (self-check passed on " + gpu.name + ")"
                        : "off (self-check failed on " + gpu.name + ": " + failures +
                              "; using the reference path)";
        logLine("fused block kernels: " + s.status);
        return s;
    }();
    return state;
}

// The kernels have no backward: with gradients on (the demo trainer), the reference ops run.
bool fusedOn(const at::Tensor& x) {
    return x.is_cuda() && !c10::GradMode::is_enabled() && fusedState().on;
}

}  // namespace

at::Tensor rmsNormModulate(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& scale,
                           double eps) {
    if (fusedOn(x)) {
        if (auto out = kernelRmsNormModulate(x, weight, scale, eps)) return *out;
    }
    return reference::rmsNormModulate(x, weight, scale, eps);
}

at::Tensor gatedResidualRmsNorm(const at::Tensor& residual, const at::Tensor& x,
                                const at::Tensor& weight, const at::Tensor& gate, double eps) {
    if (fusedOn(x)) {
        if (auto out = kernelGatedResidual(residual, x, weight, gate, eps)) return *out;
    }
    return reference::gatedResidualRmsNorm(residual, x, weight, gate, eps);
}

std::pair<at::Tensor, at::Tensor> qkNormRope(const at::Tensor& qkv, const at::Tensor& normQ,
                                             const at::Tensor& normK, const at::Tensor& cos,
                                             const at::Tensor& sin, double eps) {
    if (fusedOn(qkv)) {
        if (auto out = kernelQkNormRope(qkv, normQ, normK, cos, sin, eps)) return *out;
    }
    return reference::qkNormRope(qkv, normQ, normK, cos, sin, eps);
}

at::Tensor swiglu(const at::Tensor& a, const at::Tensor& b) {
    if (fusedOn(a)) {
        if (auto out = kernelSwiglu(a, b)) return *out;
    }
    return reference::swiglu(a, b);
}

std::pair<at::Tensor, at::Tensor> quantizeRowsFp8(const at::Tensor& x) {
    if (fusedOn(x)) {
        if (auto out = kernelQuantizeRowsFp8(x)) return *out;
    }
    return reference::quantizeRowsFp8(x);
}

std::string fusedKernelsStatus() { return fusedState().status; }

}  // namespace i4::runtime
