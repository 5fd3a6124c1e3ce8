// The fused block kernels (Note [Fused block kernels]) against their ATen reference, on random
// inputs of several shapes, and the fp8 matmul (Note [fp8 matmuls]) against a float64 product.
#include "core/runtime/fused_ops.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include "core/runtime/device.h"
#include "core/runtime/torch_compat.h"
#include "tests/support/golden.h"

namespace i4::runtime {
namespace {

class FusedOpsGpu : public ::testing::Test {
protected:
    void SetUp() override {
        const GpuInfo info = gpuInfo();
        if (info.count == 0) GTEST_SKIP() << "no usable CUDA GPU: " << info.problem;
        // A kernel that failed its self-check would make every comparison below trivially pass.
        ASSERT_EQ(fusedKernelsStatus().rfind("on", 0), 0u) << fusedKernelsStatus();
    }
    at::InferenceMode m_inference;
};

at::Tensor randomBf16(at::IntArrayRef shape, double scale = 1.0) {
    return (at::randn(shape) * scale).to(at::kCUDA, at::kBFloat16);
}

at::Tensor randomF32(at::IntArrayRef shape) { return at::randn(shape).to(at::kCUDA); }

// Kernel and reference share every bf16 rounding; only RMSNorm's float32 sum order differs, so
// at most a few values move by one bf16 step.
void expectClose(const at::Tensor& got, const at::Tensor& want, const char* what) {
    ASSERT_EQ(got.sizes(), want.sizes()) << what;
    ASSERT_EQ(got.scalar_type(), want.scalar_type()) << what;
    EXPECT_TRUE(at::isfinite(got).all().item<bool>()) << what;
    EXPECT_LT(test::relativeError(got, want), 2e-3) << what;
    const double exact = got.eq(want).to(at::kDouble).mean().item<double>();
    EXPECT_GT(exact, 0.98) << what << ": only " << exact << " of the values are identical";
}

TEST_F(FusedOpsGpu, RmsNormModulateMatchesTheReference) {
    for (auto [b, l, d] : std::vector<std::array<int64_t, 3>>{
             {1, 4096, 4608}, {2, 77, 4608}, {2, 3, 64}, {1, 1, 8}}) {
        at::manual_seed(b * 1000 + l + d);
        const at::Tensor x = randomBf16({b, l, d}, 3.0), weight = randomF32({d});
        const at::Tensor scale = randomBf16({b, 1, d});
        expectClose(rmsNormModulate(x, weight, scale, 1e-6),
                    reference::rmsNormModulate(x, weight, scale, 1e-6), "rmsNormModulate");
    }
}

TEST_F(FusedOpsGpu, GatedResidualRmsNormMatchesTheReference) {
    for (auto [b, l, d] : std::vector<std::array<int64_t, 3>>{{1, 4608, 4608}, {2, 5, 256}}) {
        at::manual_seed(b * 1000 + l + d);
        const at::Tensor residual = randomBf16({b, l, d}, 10.0), x = randomBf16({b, l, d});
        const at::Tensor weight = randomF32({d}), gate = randomBf16({b, 1, d}).tanh();
        expectClose(gatedResidualRmsNorm(residual, x, weight, gate, 1e-6),
                    reference::gatedResidualRmsNorm(residual, x, weight, gate, 1e-6),
                    "gatedResidualRmsNorm");
    }
}

TEST_F(FusedOpsGpu, QkNormRopeMatchesTheReference) {
    for (auto [b, l, h, dh] :
         std::vector<std::array<int64_t, 4>>{{1, 4608, 18, 256}, {2, 33, 3, 128}, {1, 7, 2, 64}}) {
        at::manual_seed(b + l + h + dh);
        const at::Tensor qkv = randomBf16({b, l, 3, h, dh}, 2.0);
        const at::Tensor normQ = randomF32({dh}), normK = randomF32({dh});
        const at::Tensor angles = at::rand({b, l, 1, dh}).to(at::kCUDA) * 65536.0;
        const at::Tensor cos = angles.cos().to(at::kBFloat16), sin = angles.sin().to(at::kBFloat16);
        const auto got = qkNormRope(qkv, normQ, normK, cos, sin, 1e-6);
        const auto want = reference::qkNormRope(qkv, normQ, normK, cos, sin, 1e-6);
        expectClose(got.first, want.first.contiguous(), "q");
        expectClose(got.second, want.second.contiguous(), "k");
    }
}

TEST_F(FusedOpsGpu, SwigluMatchesTheReferenceExactly) {
    at::manual_seed(5);
    const at::Tensor a = randomBf16({2, 4096, 12288}, 4.0), b = randomBf16({2, 4096, 12288});
    EXPECT_TRUE(at::equal(swiglu(a, b), reference::swiglu(a, b)));
}

TEST_F(FusedOpsGpu, ShapesTheKernelsDoNotTakeFallBackToTheReference) {
    at::manual_seed(6);
    // Width not a multiple of 8, and a non-contiguous input: the reference runs, same result.
    const at::Tensor x = randomBf16({1, 5, 12}), weight = randomF32({12}),
                     scale = randomBf16({1, 1, 12});
    EXPECT_TRUE(at::equal(rmsNormModulate(x, weight, scale, 1e-6),
                          reference::rmsNormModulate(x, weight, scale, 1e-6)));
    const at::Tensor wide = randomBf16({1, 8, 64}).narrow(2, 0, 32);
    const at::Tensor w32 = randomF32({32}), s32 = randomBf16({1, 1, 32});
    EXPECT_TRUE(at::equal(rmsNormModulate(wide, w32, s32, 1e-6),
                          reference::rmsNormModulate(wide, w32, s32, 1e-6)));
}

class Fp8MatmulGpu : public ::testing::Test {
protected:
    void SetUp() override {
        if (gpuInfo().count == 0) GTEST_SKIP() << "no usable CUDA GPU: " << gpuInfo().problem;
        if (!fp8MatmulSupported()) {
            GTEST_SKIP() << "this GPU or LibTorch has no fp8 matmuls (needs compute capability "
                            "8.9+ and LibTorch 2.4+)";
        }
    }
    at::InferenceMode m_inference;
};

TEST_F(Fp8MatmulGpu, W8A8IsCloseToTheExactProduct) {
    at::manual_seed(7);
    for (auto [m, k, n] : std::vector<std::array<int64_t, 3>>{{4608, 4608, 13824}, {17, 64, 32}}) {
        const at::Tensor x = randomBf16({m, k});
        const at::Tensor w = randomBf16({n, k}, 0.02);
        const at::Tensor bias = randomBf16({n}, 0.1);
        auto [codes, scale] = quantizeFp8Rowwise(w);
        const at::Tensor got = fp8Linear(x, codes, scale, bias);
        const at::Tensor want =
            at::matmul(x.to(at::kDouble), w.to(at::kDouble).t()) + bias.to(at::kDouble);
        ASSERT_EQ(got.sizes(), want.sizes());
        EXPECT_EQ(got.scalar_type(), at::kBFloat16);
        // e4m3 keeps 3 mantissa bits: per-product errors of ~2^-4 average out over K terms.
        EXPECT_LT(test::relativeError(got, want), 5e-2) << m << "x" << k << "x" << n;
    }
}

// The fused per-row quantisation rounds exactly as the ATen sequence does: identical codes and
// scales, all-zero rows (padding) included.
TEST_F(Fp8MatmulGpu, RowQuantisationKernelMatchesTheReferenceExactly) {
    for (auto [m, k] : std::vector<std::array<int64_t, 2>>{{4608, 4608}, {5, 12288}, {3, 64}}) {
        at::manual_seed(m + k);
        at::Tensor x = randomBf16({m, k}, 30.0);
        x[m / 2].zero_();
        const auto got = quantizeRowsFp8(x);
        const auto want = reference::quantizeRowsFp8(x);
        EXPECT_TRUE(at::equal(got.first, want.first)) << m << "x" << k;
        EXPECT_TRUE(at::equal(got.second, want.second)) << m << "x" << k;
        EXPECT_EQ(got.second.sizes(), (std::vector<int64_t>{m, 1}));
    }
}

TEST_F(Fp8MatmulGpu, AnAllZeroRowGivesTheBiasNotNaN) {
    const at::Tensor x = at::zeros({4, 64}, at::TensorOptions(at::kCUDA).dtype(at::kBFloat16));
    const at::Tensor w = randomBf16({32, 64});
    const at::Tensor bias = randomBf16({32});
    auto [codes, scale] = quantizeFp8Rowwise(w);
    const at::Tensor y = fp8Linear(x, codes, scale, bias);
    EXPECT_TRUE(at::equal(y, bias.expand({4, 32})));
}

}  // namespace
}  // namespace i4::runtime
