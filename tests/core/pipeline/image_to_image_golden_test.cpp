// Working from an image on the golden tiny models (issue 26, label golden):
// - strength 1 without a mask is text-to-image with the same seed, to the bit, and so matches
//   the reference's pipeline tensors within the golden tolerances, for every precision and case;
// - a lower strength starts from the input (the result is nearer to it than text-to-image's);
// - inpainting keeps every pixel outside the mask exactly, puts the kept latent back at every
//   step (at the last step it is the input's latent noised to t_max), and changes the inside.

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "core/errors.h"
#include "core/image/png_io.h"
#include "core/image/sha256.h"
#include "core/pipeline/image_input.h"
#include "core/pipeline/pipeline.h"
#include "core/sampling/image_to_image.h"
#include "core/sampling/schedule.h"
#include "core/vae/flux2_vae.h"
#include "tests/support/golden.h"
#include "tests/support/golden_cases.h"

namespace i4::pipeline {
namespace {

namespace fs = std::filesystem;

// A picture with structure: colour ramps and a bright disc.
RgbImage pattern(int w, int h) {
    RgbImage image{w, h, std::vector<uint8_t>(static_cast<size_t>(w) * h * 3)};
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            uint8_t* p = &image.pixels[(static_cast<size_t>(y) * w + x) * 3];
            const double dx = x - w * 0.6, dy = y - h * 0.4;
            const bool disc = dx * dx + dy * dy < (h * 0.3) * (h * 0.3);
            p[0] = disc ? 250 : static_cast<uint8_t>(40 + x * 150 / w);
            p[1] = disc ? 230 : static_cast<uint8_t>(30 + y * 120 / h);
            p[2] = disc ? 60 : 140;
        }
    }
    return image;
}

double meanAbsDiff(const RgbImage& a, const RgbImage& b) {
    double sum = 0;
    for (size_t i = 0; i < a.pixels.size(); ++i) sum += std::abs(a.pixels[i] - b.pixels[i]);
    return sum / static_cast<double>(a.pixels.size());
}

class ImageToImageGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(ImageToImageGolden, StrengthOneIsTextToImage) {
    const std::string precision = GetParam();
    const nlohmann::json golden = test::goldenPipeline(precision);
    const fs::path tensors = test::goldenDir() / ("pipeline_" + precision + ".safetensors");
    LoadOptions options;
    options.cacheDir = test::tempDir("i2i-cache");
    auto bundle = ModelBundle::load(test::goldenDir() / golden.at("model_dir").get<std::string>(),
                                    options);
    const fs::path work = test::tempDir("i2i-" + precision);
    for (const auto& c : golden.at("cases")) {
        const std::string name = c.at("name").get<std::string>();
        SCOPED_TRACE(precision + " / " + name);
        GenerationRequest request = test::goldenRequest(c);
        GenerationCallbacks keep;
        keep.keepLatents = true;
        const GenerationResult text = bundle->generate(request, keep);

        // Any input picture: at strength 1 with no mask it must not matter.
        const fs::path input = work / (name + ".png");
        image::writePng(input, pattern(request.width + 20, request.height), {});
        request.input = ImageInput{};
        request.input->image = input.string();
        request.input->strength = 1.0;
        const GenerationResult fromImage = bundle->generate(request, keep);

        EXPECT_TRUE(at::equal(test::toTensor(fromImage.zFinal), test::toTensor(text.zFinal)));
        EXPECT_TRUE(at::equal(test::toTensor(fromImage.images), test::toTensor(text.images)));
        // And so the reference's text-to-image (the golden README's tolerances).
        const double zError = test::relativeError(
            test::toTensor(fromImage.zFinal),
            test::goldenTensor(tensors.filename().string(), name + ".z_final"));
        EXPECT_LE(zError, 1e-3);
        const test::ImageDiff diff =
            test::compareImages(test::toTensor(fromImage.images),
                                test::goldenTensor(tensors.filename().string(), name + ".image"));
        EXPECT_LE(diff.maxAbs, 2);
        EXPECT_GE(diff.identical, 0.99);
        // The result records which picture it came from.
        ASSERT_TRUE(fromImage.request.input.has_value());
        EXPECT_EQ(fromImage.request.input->imageSha256, image::sha256File(input));
    }
}

INSTANTIATE_TEST_SUITE_P(Precisions, ImageToImageGolden, ::testing::Values("bf16", "fp8", "nf4"));

class WorkingFromAnImage : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        LoadOptions options;
        options.cacheDir = test::tempDir("i2i-cache");
        bundle = ModelBundle::load(test::goldenDir() / "tiny-ideogram4-bf16", options);
    }
    static void TearDownTestSuite() { bundle.reset(); }
    static GenerationRequest request() {
        GenerationRequest r;
        r.prompts = {"a red fox in the snow"};
        r.width = 64;
        r.height = 48;
        r.preset = "V4_TURBO_12";
        r.seed = 11;
        r.uncheckedSize = true;
        return r;
    }
    // The picture's latent [1, tokens, 128] through the tiny model's VAE encoder.
    static at::Tensor inputLatent(const RgbImage& picture) {
        vae::Flux2VaeOptions vaeOptions;
        vaeOptions.log = [](const std::string&) {};
        const auto vae = vae::Flux2Vae::load(test::goldenDir() / "tiny-ideogram4-bf16" / "vae",
                                             vaeOptions);
        const at::Tensor pixels = at::from_blob(const_cast<uint8_t*>(picture.pixels.data()),
                                                {1, picture.height, picture.width, 3}, at::kByte);
        return vae.encodeTokens(vae::fromRgb8(pixels));
    }
    static std::shared_ptr<ModelBundle> bundle;
};
std::shared_ptr<ModelBundle> WorkingFromAnImage::bundle;

// The tiny model's weights are random, so its pictures mean nothing (the demo model's test looks
// at pixels); its latents still show where a run started: the lower the strength, the nearer
// the final latent stays to the input's.
TEST_F(WorkingFromAnImage, LowerStrengthStaysNearerTheInput) {
    const fs::path work = test::tempDir("i2i-strength");
    const RgbImage picture = pattern(64, 48);
    image::writePng(work / "in.png", picture, {});
    GenerationCallbacks keep;
    keep.keepLatents = true;
    c10::InferenceMode guard;
    const at::Tensor x0 = inputLatent(picture);
    const double textDistance =
        test::relativeError(test::toTensor(bundle->generate(request(), keep).zFinal), x0);
    std::vector<int> stepsRun;
    double previous = 0;
    for (double strength : {0.25, 0.5, 0.75}) {
        GenerationRequest r = request();
        r.input = ImageInput{};
        r.input->image = (work / "in.png").string();
        r.input->strength = strength;
        int steps = 0;
        GenerationCallbacks callbacks = keep;
        callbacks.onStep = [&steps](const StepInfo& info) { steps = info.total; };
        const GenerationResult result = bundle->generate(r, callbacks);
        stepsRun.push_back(steps);
        const double distance = test::relativeError(test::toTensor(result.zFinal), x0);
        std::printf("strength %.2f: %d of 12 steps, |z - x0| / |x0| %.3f (text-to-image %.3f)\n",
                    strength, steps, distance, textDistance);
        EXPECT_LT(distance, textDistance);
        EXPECT_GT(distance, previous);  // more strength, further from the input
        previous = distance;
    }
    EXPECT_EQ(stepsRun, (std::vector<int>{3, 6, 9}));
}

TEST_F(WorkingFromAnImage, InpaintingKeepsTheRestAndBlendsEveryStep) {
    const fs::path work = test::tempDir("i2i-inpaint");
    const RgbImage picture = pattern(64, 48);
    image::writePng(work / "in.png", picture, {});
    // Repaint the right half, tokens 2..3 of each row of 4 (x >= 32), with a soft 4-pixel edge
    // drawn into the mask file itself.
    RgbImage mask{64, 48, std::vector<uint8_t>(64 * 48 * 3, 0)};
    for (int y = 0; y < 48; ++y) {
        for (int x = 28; x < 64; ++x) {
            const uint8_t v = x >= 32 ? 255 : static_cast<uint8_t>((x - 27) * 50);
            std::fill_n(&mask.pixels[(static_cast<size_t>(y) * 64 + x) * 3], 3, v);
        }
    }
    image::writePng(work / "mask.png", mask, {});
    GenerationRequest r = request();
    r.input = ImageInput{};
    r.input->image = (work / "in.png").string();
    r.input->mask = (work / "mask.png").string();
    GenerationCallbacks keep;
    keep.keepLatents = true;
    const GenerationResult result = bundle->generate(r, keep);
    const RgbImage& out = result.images[0];
    EXPECT_EQ(result.request.input->maskSha256, image::sha256File(work / "mask.png"));

    // Outside the mask: the input's pixels exactly (tolerance 0; the composite copies them).
    int changedOutside = 0;
    double insideDiff = 0;
    for (int y = 0; y < 48; ++y) {
        for (int x = 0; x < 64; ++x) {
            for (int c = 0; c < 3; ++c) {
                const size_t i = (static_cast<size_t>(y) * 64 + x) * 3 + c;
                if (x < 28) changedOutside += out.pixels[i] != picture.pixels[i];
                if (x >= 32) insideDiff += std::abs(out.pixels[i] - picture.pixels[i]);
            }
        }
    }
    EXPECT_EQ(changedOutside, 0);
    insideDiff /= 32.0 * 48 * 3;
    std::printf("inpainting: mean |result - input| inside the mask %.1f, outside 0\n", insideDiff);
    EXPECT_GT(insideDiff, 5.0);

    // In the latent: the kept tokens end as the input's latent noised to the last time (put back
    // after every step), the repainted ones elsewhere.
    c10::InferenceMode guard;
    const PreparedInput prepared = prepareInput(*r.input, 64, 48);
    const at::Tensor x0 = inputLatent(prepared.image);  // [1, 12, 128]
    const at::Tensor noise = test::toTensor(result.zInit);
    const at::Tensor zFinal = test::toTensor(result.zFinal);
    const float tEnd = static_cast<float>(sampling::kScheduleTMax);
    const at::Tensor expected = sampling::noisedLatent(x0, noise, tEnd);
    const at::Tensor tokenMask = sampling::tokenMask(prepared.mask, 64, 48, 16).flatten();
    ASSERT_EQ(tokenMask.sum().item<float>(), 3 * 3);  // x >= 16 * 1 (the soft edge) .. 64
    for (int64_t k = 0; k < 12; ++k) {
        const double error = test::relativeError(zFinal[0][k], expected[0][k]);
        if (tokenMask[k].item<float>() == 0.0f) {
            EXPECT_LE(error, 1e-5) << "kept token " << k;
        } else {
            EXPECT_GT(error, 1e-2) << "repainted token " << k;
        }
    }
}

TEST_F(WorkingFromAnImage, OutpaintingRepaintsTheNewArea) {
    const fs::path work = test::tempDir("i2i-outpaint");
    const RgbImage picture = pattern(32, 48);
    image::writePng(work / "in.png", picture, {});
    GenerationRequest r = request();  // 64 x 48: the picture plus 16 pixels each side
    r.input = ImageInput{};
    r.input->image = (work / "in.png").string();
    r.input->extend = {16, 0, 16, 0};
    const GenerationResult result = bundle->generate(r, {});
    const RgbImage& out = result.images[0];
    int changedInside = 0;
    for (int y = 0; y < 48; ++y) {
        for (int x = 0; x < 32; ++x) {
            for (int c = 0; c < 3; ++c) {
                changedInside += out.pixels[(static_cast<size_t>(y) * 64 + x + 16) * 3 + c] !=
                                 picture.pixels[(static_cast<size_t>(y) * 32 + x) * 3 + c];
            }
        }
    }
    EXPECT_EQ(changedInside, 0);
    EXPECT_EQ(result.request.input->extend, (CanvasExtension{16, 0, 16, 0}));
}

TEST_F(WorkingFromAnImage, BadInputsAreNamed) {
    GenerationRequest r = request();
    r.input = ImageInput{};
    r.input->image = "/nonexistent/in.png";
    try {
        bundle->generate(r, {});
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/in.png"), std::string::npos);
    }
    const fs::path work = test::tempDir("i2i-bad");
    std::ofstream(work / "broken.png") << "not a png";
    r.input->image = (work / "broken.png").string();
    EXPECT_THROW(bundle->generate(r, {}), InputError);
}

}  // namespace
}  // namespace i4::pipeline
