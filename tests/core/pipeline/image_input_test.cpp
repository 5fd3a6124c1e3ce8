// Working from an image, the Torch-free half (issue 26): sha256, canvas fit, masks, composite;
// and the sampler-side pieces (strength -> steps, noised start, token mask, known-region blend).

#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <cmath>

#include "core/errors.h"
#include "core/image/png_io.h"
#include "core/image/sha256.h"
#include "core/pipeline/image_input.h"
#include "core/sampling/image_to_image.h"
#include "tests/support/golden.h"

namespace i4::pipeline {
namespace {

RgbImage gradient(int w, int h) {
    RgbImage image{w, h, std::vector<uint8_t>(static_cast<size_t>(w) * h * 3)};
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            uint8_t* p = &image.pixels[(static_cast<size_t>(y) * w + x) * 3];
            p[0] = static_cast<uint8_t>(x * 255 / std::max(1, w - 1));
            p[1] = static_cast<uint8_t>(y * 255 / std::max(1, h - 1));
            p[2] = 77;
        }
    }
    return image;
}

RgbImage solid(int w, int h, uint8_t r, uint8_t g, uint8_t b) {
    RgbImage image{w, h, {}};
    for (int i = 0; i < w * h; ++i) image.pixels.insert(image.pixels.end(), {r, g, b});
    return image;
}

TEST(Sha256, KnownVectors) {
    // FIPS 180-2 examples, plus the block-boundary lengths (55, 56, 64 bytes).
    EXPECT_EQ(image::sha256Hex(""),
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(image::sha256Hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(image::sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(image::sha256Hex(std::string(1000000, 'a')),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    EXPECT_EQ(image::sha256Hex(std::string(55, 'a')),
              "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    EXPECT_EQ(image::sha256Hex(std::string(64, 'a')),
              "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
    EXPECT_THROW(image::sha256File("/nonexistent/file.png"), InputError);
}

TEST(CanvasFit, CropKeepsTheAspectRatioAndSaysWhatItCut) {
    const CanvasFit f = planCanvasFit(640, 480, {}, InputFit::Crop, 512, 512);
    EXPECT_DOUBLE_EQ(f.scaleX, 512.0 / 480);
    EXPECT_EQ(f.cropLeft + f.cropRight, static_cast<int>(std::lround(640 * 512.0 / 480)) - 512);
    EXPECT_EQ(f.cropTop + f.cropBottom, 0);
    EXPECT_NE(f.describe().find("cropped to 512x512"), std::string::npos) << f.describe();
    EXPECT_NE(f.describe().find("cut from the left and right"), std::string::npos);

    const CanvasFit same = planCanvasFit(256, 128, {}, InputFit::Crop, 256, 128);
    EXPECT_TRUE(same.identity());
    EXPECT_NE(same.describe().find("used as it is"), std::string::npos) << same.describe();

    const CanvasFit stretch = planCanvasFit(100, 50, {}, InputFit::Stretch, 64, 64);
    EXPECT_DOUBLE_EQ(stretch.scaleX, 0.64);
    EXPECT_DOUBLE_EQ(stretch.scaleY, 1.28);
    EXPECT_NE(stretch.describe().find("stretched to 64x64"), std::string::npos);

    const CanvasFit outpaint = planCanvasFit(96, 128, {16, 0, 16, 0}, InputFit::Crop, 128, 128);
    EXPECT_EQ(outpaint.canvasWidth, 128);
    EXPECT_TRUE(outpaint.identity());
    EXPECT_NE(outpaint.describe().find("extended to 128x128"), std::string::npos);
    EXPECT_THROW(planCanvasFit(0, 10, {}, InputFit::Crop, 64, 64), InputError);
    // A huge extension is refused before anything is allocated for it.
    EXPECT_THROW(planCanvasFit(4000, 4000, {4096, 4096, 4096, 4096}, InputFit::Crop, 64, 64),
                 InputError);
    EXPECT_NO_THROW(planCanvasFit(2048, 2048, {1024, 1024, 1024, 1024}, InputFit::Crop, 64, 64));
}

TEST(Resample, ConstantStaysConstantAndSizesFollow) {
    const RgbImage grey = solid(37, 23, 90, 140, 200);
    for (auto [w, h] : {std::pair{16, 16}, {128, 64}, {37, 23}}) {
        const RgbImage out = resampleRgb(grey, w, h);
        ASSERT_EQ(out.pixels.size(), static_cast<size_t>(w) * h * 3);
        for (size_t i = 0; i < out.pixels.size(); i += 3) {
            ASSERT_EQ(out.pixels[i], 90);
            ASSERT_EQ(out.pixels[i + 1], 140);
            ASSERT_EQ(out.pixels[i + 2], 200);
        }
    }
    // Halving averages pairs exactly.
    const std::vector<float> plane = {0, 1, 2, 3, 4, 5, 6, 7};
    const auto half = resamplePlane(plane, 8, 1, 4, 1);
    EXPECT_EQ(half, (std::vector<float>{0.5f, 2.5f, 4.5f, 6.5f}));
}

TEST(Feather, SoftensOutwardsOnly) {
    const int w = 40, h = 1;
    std::vector<float> mask(w, 0.0f);
    for (int x = 20; x < w; ++x) mask[x] = 1.0f;
    const auto soft = featherMask(mask, w, h, 8);
    for (int x = 20; x < w; ++x) EXPECT_EQ(soft[x], 1.0f) << x;  // painted stays painted
    EXPECT_GT(soft[18], 0.3f);
    EXPECT_LT(soft[14], soft[18]);
    EXPECT_EQ(soft[5], 0.0f);  // beyond the radius nothing changes
    for (int x = 1; x < w; ++x) EXPECT_GE(soft[x], soft[x - 1]);
}

TEST(Composite, KeptPixelsAreTheInputsExactly) {
    const RgbImage input = gradient(32, 16), generated = solid(32, 16, 255, 0, 0);
    std::vector<float> mask(32 * 16, 0.0f);
    for (int y = 0; y < 16; ++y)
        for (int x = 16; x < 32; ++x) mask[y * 32 + x] = x < 20 ? 0.5f : 1.0f;
    const RgbImage out = compositeWithMask(generated, input, mask);
    for (int y = 0; y < 16; ++y) {
        for (int x = 0; x < 32; ++x) {
            const size_t i = (static_cast<size_t>(y) * 32 + x) * 3;
            if (x < 16) {
                EXPECT_EQ(out.pixels[i], input.pixels[i]);
            } else if (x >= 20) {
                EXPECT_EQ(out.pixels[i], 255);
            } else {
                EXPECT_NEAR(out.pixels[i], (255 + input.pixels[i]) / 2.0, 0.51);
            }
        }
    }
    EXPECT_THROW(compositeWithMask(generated, gradient(8, 8), mask), Error);
}

class PrepareInputTest : public ::testing::Test {
protected:
    void SetUp() override { dir = test::tempDir("image-input"); }
    std::string write(const std::string& name, const RgbImage& image) {
        const auto path = dir / name;
        image::writePng(path, image, {});
        return path.string();
    }
    std::filesystem::path dir;
};

TEST_F(PrepareInputTest, ReadsFitsAndHashes) {
    ImageInput in;
    in.image = write("in.png", gradient(96, 64));
    const PreparedInput p = prepareInput(in, 64, 64);
    EXPECT_EQ(p.image.width, 64);
    EXPECT_EQ(p.image.height, 64);
    EXPECT_TRUE(p.mask.empty());
    EXPECT_EQ(p.imageSha256, image::sha256File(in.image));
    EXPECT_EQ(p.fit.cropLeft + p.fit.cropRight, 32);
    // The centre crop: the middle column of the output is the middle column of the input.
    EXPECT_NEAR(p.image.pixels[(10 * 64 + 32) * 3], 255.0 * 48 / 95, 3.0);

    in.imageSha256 = std::string(64, '0');
    try {
        prepareInput(in, 64, 64);
        FAIL() << "a changed input was accepted";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("is not the one the request names"),
                  std::string::npos)
            << e.what();
    }
    in.imageSha256.clear();
    in.image = (dir / "missing.png").string();
    EXPECT_THROW(prepareInput(in, 64, 64), InputError);
    in.image = write("in.png", gradient(8, 8));
    in.strength = 0;
    EXPECT_THROW(prepareInput(in, 64, 64), InputError);
}

TEST_F(PrepareInputTest, MaskIsWhiteForRepaintAndFollowsTheFit) {
    RgbImage mask = solid(64, 32, 0, 0, 0);
    for (int y = 0; y < 32; ++y)
        for (int x = 32; x < 64; ++x) std::fill_n(&mask.pixels[(y * 64 + x) * 3], 3, uint8_t(255));
    ImageInput in;
    in.image = write("in.png", gradient(128, 64));
    in.mask = write("mask.png", mask);  // half the size: stretched to the image
    const PreparedInput p = prepareInput(in, 128, 64);
    ASSERT_EQ(p.mask.size(), 128u * 64u);
    EXPECT_EQ(p.maskSha256, image::sha256File(in.mask));
    EXPECT_EQ(p.mask[10 * 128 + 10], 0.0f);
    EXPECT_EQ(p.mask[10 * 128 + 100], 1.0f);
}

TEST_F(PrepareInputTest, OutpaintingMasksTheExtension) {
    ImageInput in;
    in.image = write("in.png", solid(64, 64, 10, 200, 30));
    in.extend = {32, 0, 32, 0};
    const PreparedInput p = prepareInput(in, 128, 64);
    ASSERT_EQ(p.mask.size(), 128u * 64u);
    EXPECT_TRUE(p.fit.identity());
    for (int x = 0; x < 128; ++x) {
        const float expected = (x < 32 || x >= 96) ? 1.0f : 0.0f;
        EXPECT_EQ(p.mask[20 * 128 + x], expected) << x;
        // The extension repeats the edge pixels (a start for strengths below 1).
        EXPECT_EQ(p.image.pixels[(20 * 128 + x) * 3 + 1], 200);
    }
    in.feather = 8;
    const PreparedInput soft = prepareInput(in, 128, 64);
    EXPECT_GT(soft.mask[20 * 128 + 33], 0.0f);
    EXPECT_LT(soft.mask[20 * 128 + 33], 1.0f);
    EXPECT_EQ(soft.mask[20 * 128 + 64], 0.0f);
}

}  // namespace
}  // namespace i4::pipeline

namespace i4::sampling {
namespace {

TEST(ImageToImage, StrengthRunsTheLastSteps) {
    EXPECT_EQ(stepsForStrength(12, 1.0), 12);
    EXPECT_EQ(stepsForStrength(12, 0.5), 6);
    EXPECT_EQ(stepsForStrength(12, 0.01), 1);  // at least one step
    EXPECT_EQ(stepsForStrength(20, 0.4), 8);
    EXPECT_THROW(stepsForStrength(12, 0.0), InputError);
    EXPECT_THROW(stepsForStrength(12, 1.01), InputError);

    const SamplingPlan plan = makeSamplingPlan(10, 0.0, 1.0, {7, 7, 7, 7, 7, 7, 7, 7, 3, 3}, 256,
                                               256);
    int skipped = -1;
    const SamplingPlan full = tailOfPlan(plan, 1.0, &skipped);
    EXPECT_EQ(skipped, 0);
    EXPECT_EQ(full.times, plan.times);
    EXPECT_EQ(full.guidance, plan.guidance);
    const SamplingPlan tail = tailOfPlan(plan, 0.3, &skipped);
    EXPECT_EQ(skipped, 7);
    ASSERT_EQ(tail.steps(), 3);
    EXPECT_EQ(tail.times, std::vector<float>(plan.times.begin() + 7, plan.times.end()));
    EXPECT_EQ(tail.guidance, (std::vector<float>{7, 3, 3}));  // the schedule's tail with them
}

TEST(ImageToImage, NoisedStartAndKnownRegion) {
    const at::Tensor x0 = at::full({1, 4, 2}, 2.0f);
    const at::Tensor noise = at::full({1, 4, 2}, -1.0f);
    EXPECT_TRUE(at::allclose(noisedLatent(x0, noise, 0.25f), at::full({1, 4, 2}, -0.25f)));

    // 32x32 pixels = 2x2 tokens; one pixel in the bottom-right token is enough to repaint it.
    std::vector<float> pixels(32 * 32, 0.0f);
    pixels[20 * 32 + 31] = 0.5f;
    pixels[3 * 32 + 3] = 0.01f;  // below the threshold: anti-aliasing dust
    const at::Tensor mask = tokenMask(pixels, 32, 32, 16);
    ASSERT_EQ(mask.sizes(), (at::IntArrayRef{1, 4, 1}));
    EXPECT_EQ(mask.flatten()[0].item<float>(), 0.0f);
    EXPECT_EQ(mask.flatten()[3].item<float>(), 1.0f);
    EXPECT_EQ(mask.sum().item<float>(), 1.0f);

    const KnownRegion known{x0, noise, mask};
    const at::Tensor z = at::full({1, 4, 2}, 9.0f);
    const at::Tensor blended = known.blend(z, 0.5f);
    EXPECT_EQ(blended[0][3][0].item<float>(), 9.0f);  // repainted: the sampler's z
    EXPECT_EQ(blended[0][0][1].item<float>(), 0.5f);  // kept: 0.5 * 2 + 0.5 * -1
}

}  // namespace
}  // namespace i4::sampling
