// `i4 generate --init-image/--strength/--mask/--extend` and `i4 vary` on the tiny golden model
// (issue 26), as a user runs them: what they say, the PNGs and their metadata, and that the
// metadata reproduces the picture (remix).

#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "core/image/png_io.h"
#include "core/image/sha256.h"
#include "core/pipeline/image_output.h"
#include "core/pipeline/pipeline.h"
#include "tests/app/cli_runner.h"
#include "tests/support/golden.h"

namespace i4::test {
namespace {

namespace fs = std::filesystem;

fs::path tinyModel() { return goldenDir() / "tiny-ideogram4-bf16"; }

std::vector<std::string> generate(const fs::path& out, std::vector<std::string> extra) {
    std::vector<std::string> args{"generate", "--model", tinyModel().string(), "--prompt",
                                  "a red fox", "--width", "64", "--height", "48", "--preset",
                                  "V4_TURBO_12", "--steps", "4", "--seed", "3", "--unchecked-size",
                                  "--device", "cpu", "--out", out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

pipeline::RgbImage pattern(int w, int h) {
    pipeline::RgbImage image{w, h, std::vector<uint8_t>(static_cast<size_t>(w) * h * 3)};
    for (size_t i = 0; i < image.pixels.size(); ++i)
        image.pixels[i] = static_cast<uint8_t>((i * 7) % 251);
    return image;
}

class CliImageInput : public ::testing::Test {
protected:
    void SetUp() override {
        dir = tempDir("cli-image-input");
        input = dir / "in.png";
        image::writePng(input, pattern(64, 48), {});
    }
    fs::path dir, input;
};

TEST_F(CliImageInput, StrengthOneIsTextToImage) {
    ASSERT_EQ(runCli(generate(dir / "text.png", {})).exitCode, 0);
    const CliRun run =
        runCli(generate(dir / "one.png", {"--init-image", input.string(), "--strength", "1"}));
    ASSERT_EQ(run.exitCode, 0) << run.out;
    EXPECT_NE(run.out.find("input " + input.string()), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("64x48, used as it is"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("strength 1: all 4 steps, from noise"), std::string::npos) << run.out;
    EXPECT_EQ(image::readPng(dir / "one.png").image.pixels,
              image::readPng(dir / "text.png").image.pixels);
}

TEST_F(CliImageInput, InpaintingIsRecordedAndTheMetadataReproducesIt) {
    pipeline::RgbImage mask{64, 48, std::vector<uint8_t>(64 * 48 * 3, 0)};
    for (int y = 0; y < 48; ++y)
        for (int x = 32; x < 64; ++x) std::fill_n(&mask.pixels[(y * 64 + x) * 3], 3, uint8_t(255));
    image::writePng(dir / "mask.png", mask, {});
    const CliRun run = runCli(generate(dir / "out.png", {"--init-image", input.string(),
                                                         "--strength", "0.5", "--mask",
                                                         (dir / "mask.png").string()}));
    ASSERT_EQ(run.exitCode, 0) << run.out;
    EXPECT_NE(run.out.find("strength 0.5: the last 2 of 4 steps, from the picture; repainting "
                           "the mask's white"),
              std::string::npos)
        << run.out;

    const image::PngFile png = image::readPng(dir / "out.png");
    const pipeline::RgbImage source = pattern(64, 48);
    for (int y = 0; y < 48; ++y) {
        for (int x = 0; x < 32; ++x) {
            for (int c = 0; c < 3; ++c) {
                const size_t i = (static_cast<size_t>(y) * 64 + x) * 3 + c;
                ASSERT_EQ(png.image.pixels[i], source.pixels[i]) << x << "," << y;
            }
        }
    }
    ASSERT_TRUE(png.metadata.document.has_value());
    const pipeline::GenerationRequest request =
        pipeline::requestFromDocument(*png.metadata.document);
    ASSERT_TRUE(request.input.has_value());
    EXPECT_EQ(request.input->image, input.string());
    EXPECT_EQ(request.input->imageSha256, image::sha256File(input));
    EXPECT_EQ(request.input->mask, (dir / "mask.png").string());
    EXPECT_EQ(request.input->maskSha256, image::sha256File(dir / "mask.png"));
    EXPECT_EQ(request.input->strength, 0.5);
    EXPECT_NE(png.metadata.parameters.find("Denoising strength: 0.5, Init image hash: " +
                                           image::sha256File(input)),
              std::string::npos)
        << png.metadata.parameters;

    // Remix: the request from the metadata makes the same picture.
    auto bundle = pipeline::ModelBundle::load(tinyModel());
    EXPECT_EQ(bundle->generate(request, {}).images[0].pixels, png.image.pixels);
    // A changed input is said, not silently used.
    image::writePng(input, pattern(64, 40), {});
    try {
        bundle->generate(request, {});
        FAIL() << "a changed input image was used";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("is not the one the request names"),
                  std::string::npos);
    }
}

TEST_F(CliImageInput, AnySizeIsFittedAndSaidSo) {
    image::writePng(dir / "wide.png", pattern(100, 50), {});
    CliRun run = runCli(generate(dir / "crop.png", {"--init-image", (dir / "wide.png").string()}));
    ASSERT_EQ(run.exitCode, 0) << run.out;
    EXPECT_NE(run.out.find("input 100x50, scaled by 0.96 and cropped to 64x48 (32 px cut from "
                           "the left and right)"),
              std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("strength 0.6: the last 2 of 4 steps"), std::string::npos) << run.out;
    run = runCli(generate(dir / "stretch.png",
                          {"--init-image", (dir / "wide.png").string(), "--fit", "stretch"}));
    ASSERT_EQ(run.exitCode, 0) << run.out;
    EXPECT_NE(run.out.find("stretched to 64x48"), std::string::npos) << run.out;
    // Outpainting: 16 pixels either side of a 32-pixel-wide picture make the 64.
    image::writePng(dir / "narrow.png", pattern(32, 48), {});
    run = runCli(generate(dir / "wider.png",
                          {"--init-image", (dir / "narrow.png").string(), "--extend", "16,0,16,0"}));
    ASSERT_EQ(run.exitCode, 0) << run.out;
    EXPECT_NE(run.out.find("extended to 64x48, used as it is"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("painting the extended canvas"), std::string::npos) << run.out;
}

TEST_F(CliImageInput, BadOptionsAreRefusedBeforeLoading) {
    const auto refused = [&](std::vector<std::string> extra, const std::string& message) {
        const CliRun run = runCli(generate(dir / "bad.png", std::move(extra)));
        EXPECT_EQ(run.exitCode, 2) << run.out;
        EXPECT_NE(run.out.find(message), std::string::npos) << run.out;
        EXPECT_EQ(run.out.find("loading"), std::string::npos) << run.out;
    };
    refused({"--mask", input.string()}, "need --init-image");
    refused({"--init-image", input.string(), "--strength", "0"}, "--strength must be in (0, 1]");
    refused({"--init-image", input.string(), "--strength", "1.5"}, "(got 1.5)");
    refused({"--init-image", (dir / "missing.png").string()}, "missing.png");
    refused({"--init-image", input.string(), "--extend", "1,2"}, "--extend");
    refused({"--init-image", input.string(), "--extend", "-4"}, "--extend");
    refused({"--init-image", input.string(), "--mask", (dir / "nomask.png").string()},
            "nomask.png");
}

TEST_F(CliImageInput, VaryMakesVariationsThatNameTheirSource) {
    ASSERT_EQ(runCli(generate(dir / "src.png", {})).exitCode, 0);
    const CliRun run = runCli({"vary", (dir / "src.png").string(), "--count", "2", "--seed", "7",
                               "--device", "cpu"});
    ASSERT_EQ(run.exitCode, 0) << run.out;
    EXPECT_NE(run.out.find("strength 0.4: the last 2 of 4 steps"), std::string::npos) << run.out;
    const std::string sha = image::sha256File(dir / "src.png");
    std::vector<std::vector<uint8_t>> pictures;
    for (int i = 0; i < 2; ++i) {
        const fs::path out = dir / ("src-vary-7-" + std::to_string(i) + ".png");
        ASSERT_TRUE(fs::exists(out)) << run.out;
        const image::PngFile png = image::readPng(out);
        const auto request = pipeline::requestFromDocument(*png.metadata.document);
        ASSERT_TRUE(request.input.has_value());
        EXPECT_EQ(request.input->imageSha256, sha);
        EXPECT_EQ(request.input->strength, pipeline::kVarySubtleStrength);
        EXPECT_EQ(request.prompts, std::vector<std::string>{"a red fox"});
        EXPECT_EQ(request.seed, 7u);
        pictures.push_back(png.image.pixels);
    }
    EXPECT_NE(pictures[0], pictures[1]);  // each from its own noise
    // --strong, and a PNG without metadata needs a caption.
    const CliRun strong = runCli({"vary", (dir / "src.png").string(), "--strong", "--count", "1",
                                  "--seed", "8", "--device", "cpu"});
    ASSERT_EQ(strong.exitCode, 0) << strong.out;
    EXPECT_NE(strong.out.find("strength 0.75: the last 3 of 4 steps"), std::string::npos);
    const CliRun bare = runCli({"vary", input.string(), "--model", tinyModel().string()});
    EXPECT_EQ(bare.exitCode, 2);
    EXPECT_NE(bare.out.find("has no i4studio metadata: give the caption with --prompt"),
              std::string::npos)
        << bare.out;
    // Never replaces a file.
    const CliRun again = runCli({"vary", (dir / "src.png").string(), "--count", "2", "--seed",
                                 "7", "--device", "cpu"});
    EXPECT_EQ(again.exitCode, 2);
    EXPECT_NE(again.out.find("already exists"), std::string::npos) << again.out;
}

}  // namespace
}  // namespace i4::test
