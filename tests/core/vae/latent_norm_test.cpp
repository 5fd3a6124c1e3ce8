#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "core/vae/flux2_vae.h"
#include "core/vae/latent_norm.h"

namespace i4::vae {
namespace {

TEST(LatentNorm, ConstantsAreThePublishedOnes) {
    // First and last values as quoted in spec D.3.
    EXPECT_FLOAT_EQ(kLatentShift[0], 0.01984364f);
    EXPECT_FLOAT_EQ(kLatentShift[127], -0.01760592f);
    EXPECT_FLOAT_EQ(kLatentScale[0], 1.63933691f);
    EXPECT_FLOAT_EQ(kLatentScale[127], 1.68533454f);
    for (float scale : kLatentScale) EXPECT_GT(scale, 1.0f);
}

TEST(LatentNorm, DenormaliseUsesTokenChannelOrder) {
    at::Tensor tokens = at::zeros({1, 1, 128});
    tokens[0][0][65] = 1.0f;                                                // ph = 1, pw = 0, c = 1
    const at::Tensor latent = unpatchify(denormalizeTokens(tokens), 1, 1);  // [1, 32, 2, 2]
    EXPECT_FLOAT_EQ(latent[0][1][1][0].item<float>(), kLatentShift[65] + kLatentScale[65]);
    EXPECT_FLOAT_EQ(latent[0][1][0][0].item<float>(), kLatentShift[1]);
    EXPECT_FLOAT_EQ(latent[0][0][0][1].item<float>(), kLatentShift[32]);
}

TEST(LatentNorm, UnpatchifyLayout) {
    // Token index t = gh * gridW + gw; channel ph*64 + pw*32 + c -> latent[c, 2gh+ph, 2gw+pw].
    const at::Tensor tokens = at::arange(2 * 6 * 128, at::kFloat).reshape({2, 6, 128});
    const at::Tensor latent = unpatchify(tokens, 2, 3);
    ASSERT_EQ(latent.sizes(), at::IntArrayRef({2, 32, 4, 6}));
    const int64_t b = 1, gh = 1, gw = 2, ph = 1, pw = 0, c = 7;
    EXPECT_EQ(latent[b][c][2 * gh + ph][2 * gw + pw].item<float>(),
              tokens[b][gh * 3 + gw][ph * 64 + pw * 32 + c].item<float>());
    EXPECT_TRUE(at::equal(patchify(latent), tokens));
    EXPECT_THROW(unpatchify(tokens, 2, 2), InputError);
}

TEST(LatentNorm, NormaliseInvertsDenormalise) {
    const at::Tensor tokens = at::randn({2, 5, 128});
    EXPECT_TRUE(at::allclose(normalizeTokens(denormalizeTokens(tokens)), tokens, 1e-5, 1e-6));
}

TEST(LatentNorm, BatchNormComparison) {
    at::Tensor mean = at::empty({128});
    at::Tensor var = at::empty({128});
    for (int i = 0; i < 128; ++i) {
        mean[i] = kLatentShift[i];
        var[i] = kLatentScale[i] * kLatentScale[i] - 1e-4f;
    }
    EXPECT_TRUE(compareWithBatchNorm(mean, var, 1e-4).agrees);
    EXPECT_LT(compareWithBatchNorm(mean, var, 1e-4).maxScaleDiff, 1e-5);
    // Stock FLUX.2 order (c, ph, pw) instead of (ph, pw, c): must be reported as different.
    const at::Tensor permuted = mean.reshape({4, 32}).t().reshape({128});
    EXPECT_FALSE(compareWithBatchNorm(permuted, var, 1e-4).agrees);
}

TEST(Rgb8, ClampsScalesAndRounds) {
    // (clamp(x) + 1) * 127.5 rounded: -1 -> 0, 1 -> 255, 2 -> 255, -0.5 -> 63.75 -> 64,
    // 0.5 -> 191.25 -> 191, 0 -> 127.5 -> 128.
    const at::Tensor image =
        at::tensor({-1.0f, 1.0f, 2.0f, -0.5f, 0.5f, 0.0f}).reshape({1, 3, 1, 2});
    const at::Tensor pixels = toRgb8(image);  // [1, 1, 2, 3]
    ASSERT_EQ(pixels.sizes(), at::IntArrayRef({1, 1, 2, 3}));
    const int expected[2][3] = {{0, 255, 191}, {255, 64, 128}};
    for (int x = 0; x < 2; ++x) {
        for (int c = 0; c < 3; ++c) {
            EXPECT_EQ(pixels[0][0][x][c].item<uint8_t>(), expected[x][c]) << x << "," << c;
        }
    }
    EXPECT_TRUE(at::allclose(fromRgb8(pixels), image.clamp(-1, 1), 0, 0.6 / 127.5));
}

}  // namespace
}  // namespace i4::vae
