#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include "core/image/png_io.h"
#include "core/io/safetensors_writer.h"
#include "core/pipeline/image_output.h"
#include "tests/app/cli_runner.h"
#include "tests/support/golden.h"

// `i4 generate --lora FILE[:WEIGHT]` on the tiny golden model, as a user runs it.

namespace i4::test {
namespace {

namespace fs = std::filesystem;

fs::path writeLora(const fs::path& dir) {
    at::manual_seed(4);
    const fs::path file = dir / "style.safetensors";
    io::writeSafetensors(
        file,
        {{"diffusion_model.layers.1.attention.qkv.lora_down.weight", at::randn({2, 128})},
         {"diffusion_model.layers.1.attention.qkv.lora_up.weight", at::randn({384, 2})},
         {"lora_te_text_model_encoder_layers_0_mlp_fc1.lora_down.weight", at::zeros({2, 4})}});
    return file;
}

std::vector<std::string> generate(const fs::path& out, std::vector<std::string> extra) {
    std::vector<std::string> args{"generate",
                                  "--model",
                                  (goldenDir() / "tiny-ideogram4-bf16").string(),
                                  "--prompt",
                                  "a red fox",
                                  "--width",
                                  "64",
                                  "--height",
                                  "48",
                                  "--preset",
                                  "V4_TURBO_12",
                                  "--steps",
                                  "2",
                                  "--seed",  // the same noise with and without the LoRA
                                  "3",
                                  "--unchecked-size",
                                  "--device",
                                  "cpu",
                                  "--out",
                                  out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

TEST(CliLora, AppliedReportedAndRecordedInThePng) {
    const fs::path dir = tempDir("cli-lora");
    const fs::path lora = writeLora(dir);
    const CliRun run = runCli(generate(dir / "a.png", {"--lora", lora.string() + ":0.5"}));
    ASSERT_EQ(run.exitCode, 0) << run.out;
    EXPECT_NE(run.out.find("LoRA " + lora.string() +
                           ": kohya/ComfyUI (lora_down/lora_up), 1 "
                           "layers merged"),
              std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("lora_te_text_model_encoder_layers_0_mlp_fc1.lora_down.weight"),
              std::string::npos)
        << run.out;
    const auto png = image::readPng(dir / "a.png");
    ASSERT_TRUE(png.metadata.document.has_value());
    const pipeline::GenerationRequest request =
        pipeline::requestFromDocument(*png.metadata.document);
    ASSERT_EQ(request.loras.size(), 1u);
    EXPECT_EQ(request.loras[0].file, lora.string());
    EXPECT_EQ(request.loras[0].weight, 0.5);

    // A weight and a transformer: FILE:WEIGHT:TARGET.
    const CliRun targeted =
        runCli(generate(dir / "c.png", {"--lora", lora.string() + ":0.25:uncond"}));
    ASSERT_EQ(targeted.exitCode, 0) << targeted.out;
    const pipeline::GenerationRequest targetedRequest =
        pipeline::requestFromDocument(*image::readPng(dir / "c.png").metadata.document);
    ASSERT_EQ(targetedRequest.loras.size(), 1u);
    EXPECT_EQ(targetedRequest.loras[0].file, lora.string());
    EXPECT_EQ(targetedRequest.loras[0].weight, 0.25);
    EXPECT_EQ(targetedRequest.loras[0].target, "unconditional_transformer");

    const CliRun plain = runCli(generate(dir / "b.png", {}));
    ASSERT_EQ(plain.exitCode, 0) << plain.out;
    EXPECT_NE(image::readPng(dir / "b.png").image.pixels, png.image.pixels);
}

// `i4 info` describes a LoRA file: its layout, what it adapts at which rank, the keys it cannot
// place; and a folder with --lora describes both.
TEST(CliLora, InfoDescribesALoraFile) {
    const fs::path dir = tempDir("cli-lora-info");
    const fs::path lora = writeLora(dir);
    const CliRun run = runCli({"info", lora.string()});
    EXPECT_EQ(run.exitCode, 0) << run.out;
    EXPECT_NE(run.out.find("layout: "), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("transformer: 1 adapted layers, rank 2"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("1 keys adapt nothing in Ideogram 4: "
                           "lora_te_text_model_encoder_layers_0_mlp_fc1.lora_down.weight"),
              std::string::npos)
        << run.out;
    const CliRun both =
        runCli({"info", (goldenDir() / "tiny-ideogram4-bf16").string(), "--lora", lora.string()});
    EXPECT_EQ(both.exitCode, 0) << both.out;
    EXPECT_NE(both.out.find("LoRA " + lora.string()), std::string::npos) << both.out;
    const CliRun notLora = runCli({"info", (goldenDir() / "dit" / "io.safetensors").string()});
    EXPECT_NE(notLora.exitCode, 0) << notLora.out;
}

TEST(CliLora, AMissingFileIsNamed) {
    const fs::path dir = tempDir("cli-lora-missing");
    const CliRun run =
        runCli(generate(dir / "a.png", {"--lora", (dir / "nope.safetensors:0.8").string()}));
    EXPECT_EQ(run.exitCode, 2) << run.out;
    EXPECT_NE(run.out.find("nope.safetensors is not a file"), std::string::npos) << run.out;
}

}  // namespace
}  // namespace i4::test
