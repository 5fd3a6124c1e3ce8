#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/errors.h"
#include "core/vae/flux2_vae.h"
#include "core/vae/latent_preview.h"
#include "tests/support/golden.h"

namespace i4::vae {
namespace {

Flux2Vae tinyVae() {
    Flux2VaeOptions options;
    options.withEncoder = false;
    options.log = [](const std::string&) {};
    return Flux2Vae::load(test::goldenDir() / "tiny-ideogram4-bf16" / "vae", options);
}

double meanSquare(const at::Tensor& x) { return x.to(at::kDouble).pow(2).mean().item<double>(); }

TEST(LatentPreview, FittedMapBeatsAConstantOnHeldOutLatents) {
    const Flux2Vae vae = tinyVae();
    const LatentPreview preview = LatentPreview::fit(vae);
    ASSERT_TRUE(preview.valid());
    EXPECT_FALSE(preview.matrix().isnan().any().item<bool>());

    // Held out: latents of the same kinds drawn with another seed. The tiny VAE's random weights
    // make it far less linear than a trained one, so the margin is modest (measured 0.885).
    PreviewFitOptions heldOut;
    heldOut.seed = 4242;
    const at::Tensor tokens = previewFitTokens(heldOut);  // [8, 64, 128]
    const at::Tensor target = at::adaptive_avg_pool2d(
        vae.decodeTokens(tokens, heldOut.gridH, heldOut.gridW), {16, 16});  // [8, 3, 16, 16]
    const at::Tensor predicted = preview.apply(tokens, heldOut.gridH, heldOut.gridW);
    ASSERT_EQ(predicted.sizes(), target.sizes());
    const double fitted = meanSquare(predicted - target);
    // The best constant map: the held-out images' own mean colour (favours the constant).
    const double constant = meanSquare(target - target.mean(at::IntArrayRef{0, 2, 3}, true));
    EXPECT_LT(fitted, 0.95 * constant) << "fitted " << fitted << " constant " << constant;
    // And the map is not a constant in disguise.
    EXPECT_GT(preview.matrix().abs().max().item<float>(), 1e-3f);
}

TEST(LatentPreview, PreviewImageIsTwiceTheGrid) {
    const LatentPreview preview = LatentPreview::fit(tinyVae());
    const at::Tensor tokens = at::randn({2, 3 * 4, 128});
    const pipeline::RgbImage image = preview.previewImage(tokens, 3, 4, 1);
    EXPECT_EQ(image.width, 8);
    EXPECT_EQ(image.height, 6);
    EXPECT_EQ(image.pixels.size(), 8u * 6u * 3u);
    // Same pixels as the float map of that image.
    const at::Tensor expected = toRgb8(preview.apply(tokens.slice(0, 1, 2), 3, 4));
    EXPECT_TRUE(std::equal(image.pixels.begin(), image.pixels.end(), expected.data_ptr<uint8_t>()));
    EXPECT_THROW(preview.previewImage(tokens, 3, 4, 2), Error);
}

TEST(LatentPreview, CachedPerFingerprint) {
    const Flux2Vae vae = tinyVae();
    const auto dir = test::tempDir("latent_preview_cache");
    const auto file = LatentPreview::cacheFile(dir, "tiny/model:1");
    EXPECT_EQ(file.parent_path(), dir);
    EXPECT_EQ(file.filename().string(), "latent_preview-tiny_model_1.json");

    const LatentPreview first = LatentPreview::fitOrLoad(vae, "tiny/model:1", dir);
    ASSERT_TRUE(std::filesystem::exists(file));
    const auto loaded = LatentPreview::load(file, "tiny/model:1");
    ASSERT_TRUE(loaded.has_value());
    EXPECT_TRUE(at::allclose(loaded->matrix(), first.matrix(), 1e-6, 1e-7));
    EXPECT_TRUE(at::allclose(loaded->bias(), first.bias(), 1e-6, 1e-7));
    EXPECT_FALSE(LatentPreview::load(file, "another-model").has_value());

    // A cache written by someone else is used as is (proof that no refit happened).
    const LatentPreview marker(at::full({32, 3}, 0.25f), at::zeros({3}));
    marker.save(file, "tiny/model:1");
    EXPECT_TRUE(
        at::equal(LatentPreview::fitOrLoad(vae, "tiny/model:1", dir).matrix(), marker.matrix()));
    // A damaged cache is refitted and rewritten.
    std::ofstream(file) << "{\"version\":1,\"matrix\":[";
    EXPECT_FALSE(LatentPreview::load(file, "tiny/model:1").has_value());
    const LatentPreview refit = LatentPreview::fitOrLoad(vae, "tiny/model:1", dir);
    EXPECT_TRUE(at::allclose(refit.matrix(), first.matrix(), 1e-6, 1e-7));
    EXPECT_TRUE(LatentPreview::load(file, "tiny/model:1").has_value());
}

}  // namespace
}  // namespace i4::vae
