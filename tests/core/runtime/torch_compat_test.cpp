#include "core/runtime/torch_compat.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>

#include "core/io/dequantize.h"
#include "tests/support/golden.h"

namespace i4::runtime {
namespace {

// softmax(q k^T * scale [masked]) v in float64, the definition attention() must meet.
at::Tensor referenceAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                              const at::Tensor& mask, double scale) {
    at::Tensor scores = at::matmul(q.to(at::kDouble), k.to(at::kDouble).transpose(-2, -1)) * scale;
    if (mask.defined()) {
        scores = scores.masked_fill(mask.logical_not(), -std::numeric_limits<double>::infinity());
    }
    return at::matmul(at::softmax(scores, -1), v.to(at::kDouble));
}

// LibTorch 2.x once rejected "no mask" here ("Expected attn_mask dtype to be bool or float ...
// got nullptr"): every DiT pass over a single segment goes through this call.
TEST(TorchCompat, AttentionWithoutMaskIsPlainSoftmaxAttention) {
    at::manual_seed(11);
    const at::Tensor q = at::randn({2, 3, 7, 16});
    const at::Tensor k = at::randn({2, 3, 9, 16});
    const at::Tensor v = at::randn({2, 3, 9, 16});
    const double scale = 0.25;
    const at::Tensor out = attention(q, k, v, at::Tensor(), scale);
    ASSERT_EQ(out.sizes(), q.sizes());
    EXPECT_LT(test::relativeError(out, referenceAttention(q, k, v, at::Tensor(), scale)), 1e-5);
}

TEST(TorchCompat, AttentionHonoursABooleanMask) {
    at::manual_seed(12);
    const at::Tensor q = at::randn({2, 3, 7, 16});
    const at::Tensor k = at::randn({2, 3, 9, 16});
    const at::Tensor v = at::randn({2, 3, 9, 16});
    at::Tensor mask = at::rand({2, 1, 7, 9}) > 0.4;
    mask.select(3, 0).fill_(true);  // no fully masked row
    const at::Tensor out = attention(q, k, v, mask, 0.3);
    EXPECT_LT(test::relativeError(out, referenceAttention(q, k, v, mask, 0.3)), 1e-5);
    // The mask matters: without it the result is different.
    EXPECT_GT(test::relativeError(attention(q, k, v, at::Tensor(), 0.3),
                                  referenceAttention(q, k, v, mask, 0.3)),
              1e-2);
}

// Whichever way this LibTorch decodes e4m3fn (a float8 dtype or a table), every one of the 256
// codes must come out as the spec's value, bit for bit.
TEST(TorchCompat, DecodeE4m3MatchesTheSpecForEveryCode) {
    const at::Tensor codes = at::arange(256, at::kInt).to(at::kByte).view({16, 16});
    const at::Tensor values = decodeE4m3(codes).contiguous();
    ASSERT_EQ(values.scalar_type(), at::kFloat);
    ASSERT_EQ(values.sizes(), codes.sizes());
    const float* got = values.data_ptr<float>();
    for (int code = 0; code < 256; ++code) {
        const float want = io::decodeE4M3(static_cast<uint8_t>(code));
        if (std::isnan(want)) {
            EXPECT_TRUE(std::isnan(got[code])) << "code " << code;
        } else {
            uint32_t a, b;
            std::memcpy(&a, &got[code], 4);
            std::memcpy(&b, &want, 4);
            EXPECT_EQ(a, b) << "code " << code << ": " << got[code] << " vs " << want;
        }
    }
}

}  // namespace
}  // namespace i4::runtime
