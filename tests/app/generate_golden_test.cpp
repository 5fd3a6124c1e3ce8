// `i4 generate` end to end on every golden pipeline case: token ids -> text features -> both
// transformers -> Euler sampler -> VAE -> PNG, compared with the reference's tensors.
#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/image/png_io.h"
#include "core/io/safetensors_file.h"
#include "core/io/tensor_view.h"
#include "tests/app/cli_runner.h"
#include "tests/support/golden.h"

namespace i4::test {
namespace {

namespace fs = std::filesystem;

at::Tensor loadTensor(const fs::path& file, const std::string& name) {
    auto st = io::SafetensorsFile::open(file);
    return io::tensorView(st, st->at(name)).clone();
}

std::string join(const std::vector<float>& values) {
    std::ostringstream out;
    for (std::size_t i = 0; i < values.size(); ++i) out << (i ? "," : "") << values[i];
    return out.str();
}

class GeneratePipelineCase : public ::testing::TestWithParam<std::string> {};

TEST_P(GeneratePipelineCase, MatchesReference) {
    const std::string precision = GetParam();
    const fs::path golden = goldenDir();
    std::ifstream in(golden / ("pipeline_" + precision + ".json"));
    ASSERT_TRUE(in) << "pipeline_" << precision << ".json";
    const auto spec = nlohmann::json::parse(in);
    const fs::path tensors = golden / ("pipeline_" + precision + ".safetensors");
    const fs::path work = tempDir("gen-" + precision);
    ASSERT_GE(spec["cases"].size(), 3u);

    for (const auto& c : spec["cases"]) {
        const std::string name = c["name"];
        SCOPED_TRACE(precision + "/" + name);
        std::vector<std::string> args{"generate", "--model",
                                      (golden / spec["model_dir"].get<std::string>()).string()};
        const auto prompts = c["prompts"].get<std::vector<std::string>>();
        for (std::size_t i = 0; i < prompts.size(); ++i) {
            const fs::path file = work / (name + "-prompt-" + std::to_string(i) + ".txt");
            std::ofstream(file, std::ios::binary) << prompts[i];
            args.insert(args.end(), {"--prompt-file", file.string()});
        }
        // The cases give the schedule in the reference's loop order; the CLI takes step order.
        auto schedule = c["guidance_schedule_loop_order"].get<std::vector<float>>();
        std::reverse(schedule.begin(), schedule.end());
        const fs::path out = work / (name + ".png");
        const fs::path latents = work / (name + "-latents.safetensors");
        args.insert(args.end(), {"--preset",
                                 "",
                                 "--steps",
                                 std::to_string(c["num_steps"].get<int>()),
                                 "--guidance-schedule",
                                 join(schedule),
                                 "--mu",
                                 c["mu"].dump(),
                                 "--std",
                                 c["std"].dump(),
                                 "--width",
                                 std::to_string(c["width"].get<int>()),
                                 "--height",
                                 std::to_string(c["height"].get<int>()),
                                 "--seed",
                                 c["seed"].dump(),
                                 "--unchecked-size",
                                 "--out",
                                 out.string(),
                                 "--save-latents",
                                 latents.string()});
        const CliRun run = runCli(args);
        ASSERT_EQ(run.exitCode, 0) << run.out;

        const at::Tensor zInit = loadTensor(latents, "z_init");
        EXPECT_TRUE(at::equal(zInit, loadTensor(tensors, name + ".z_init"))) << "z_init differs";
        const double zErr =
            relativeError(loadTensor(latents, "z_final"), loadTensor(tensors, name + ".z_final"));
        EXPECT_LE(zErr, 1e-3) << "z_final relative error";

        const at::Tensor expected = loadTensor(tensors, name + ".image");  // [B, H, W, 3] u8
        ASSERT_EQ(expected.size(0), static_cast<int64_t>(prompts.size()));
        for (int64_t b = 0; b < expected.size(0); ++b) {
            const fs::path png =
                prompts.size() == 1 ? out : work / (name + "-" + std::to_string(b) + ".png");
            const auto file = image::readPng(png);
            ASSERT_EQ(file.image.height, expected.size(1));
            ASSERT_EQ(file.image.width, expected.size(2));
            at::Tensor actual = at::from_blob(const_cast<uint8_t*>(file.image.pixels.data()),
                                              {expected.size(1), expected.size(2), 3}, at::kByte)
                                    .to(at::kInt);
            at::Tensor diff = (actual - expected[b].to(at::kInt)).abs();
            EXPECT_LE(diff.max().item<int>(), 2) << png;
            const double same = diff.eq(0).to(at::kDouble).mean().item<double>();
            EXPECT_GE(same, 0.99) << png;
            // The metadata remembers the request.
            ASSERT_TRUE(file.metadata.document.has_value());
            EXPECT_EQ((*file.metadata.document)["request"]["seed"], c["seed"]);
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Precisions, GeneratePipelineCase, ::testing::Values("bf16", "fp8", "nf4"));

TEST(GenerateInterrupt, CtrlCStopsAfterTheCurrentStepWithStatus130) {
    const fs::path work = tempDir("interrupt");
    const fs::path out = work / "never.png";
    double secondsToExit = -1;
    // 768x768 with 48 steps keeps the tiny model busy long enough to be interrupted at step 2.
    const CliRun run =
        runCliInterrupted({"generate", "--model", (goldenDir() / "tiny-ideogram4-bf16").string(),
                           "--prompt", "a red fox", "--preset", "V4_QUALITY_48", "--width", "768",
                           "--height", "768", "--unchecked-size", "--out", out.string()},
                          "step 2/48", &secondsToExit);
    EXPECT_EQ(run.exitCode, 130) << run.out;
    EXPECT_NE(run.out.find("cancelled"), std::string::npos) << run.out;
    EXPECT_EQ(run.out.find("step 10/48"), std::string::npos) << "kept running: " << run.out;
    EXPECT_FALSE(fs::exists(out));
    EXPECT_GE(secondsToExit, 0.0);
    EXPECT_LT(secondsToExit, 10.0);
    std::printf("exit %.2f s after SIGINT\n", secondsToExit);
}

}  // namespace
}  // namespace i4::test

namespace i4::test {
namespace {

TEST(CliTokenize, ChatIdsMatchTheReferenceTokenizer) {
    std::ifstream in(goldenDir() / "tokens.json");
    const auto tokens = nlohmann::json::parse(in);
    const fs::path work = tempDir("tokenize");
    int checked = 0;
    for (const auto& c : tokens["cases"]) {
        const fs::path file = work / ("case-" + std::to_string(checked) + ".txt");
        std::ofstream(file, std::ios::binary) << c["prompt"].get<std::string>();
        const CliRun run =
            runCli({"tokenize", "--model", (goldenDir() / "tiny-ideogram4-bf16").string(),
                    "--prompt-file", file.string(), "--chat"});
        ASSERT_EQ(run.exitCode, 0) << run.out;
        EXPECT_EQ(nlohmann::json::parse(run.out), c["ids"]) << c["prompt"];
        ++checked;
    }
    EXPECT_GE(checked, 2);
}

TEST(CliInfo, DescribesEveryComponent) {
    const CliRun run = runCli({"info", (goldenDir() / "tiny-ideogram4-nf4").string()});
    ASSERT_EQ(run.exitCode, 0) << run.out;
    for (const char* part : {"[transformer]", "[unconditional_transformer]", "[text_encoder]",
                             "[tokenizer]", "[vae]", "precision:  nf4", "\"num_layers\":3"}) {
        EXPECT_NE(run.out.find(part), std::string::npos) << part << " not in:\n" << run.out;
    }
}

}  // namespace
}  // namespace i4::test
