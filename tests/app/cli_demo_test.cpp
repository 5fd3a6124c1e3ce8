// `i4 generate` without --model: the demo model, at the size, preset and guidance its
// model_index.json names, unless the command line chooses otherwise.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "core/image/png_io.h"
#include "core/pipeline/devices.h"
#include "core/pipeline/generation_request.h"
#include "core/pipeline/model_hints.h"
#include "tests/app/cli_runner.h"
#include "tests/support/golden.h"

namespace i4::test {
namespace {

namespace fs = std::filesystem;

// The request `i4 generate <extra>` ran, as its PNG records it.
pipeline::GenerationRequest ranRequest(const std::string& name, std::vector<std::string> extra) {
    const fs::path out = tempDir("cli-demo") / (name + ".png");
    std::vector<std::string> args{"generate", "--prompt", "a red circle on a white background",
                                  "--out", out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    const CliRun run = runCli(args);
    EXPECT_EQ(run.exitCode, 0) << run.out;
    EXPECT_NE(run.out.find("using the demo model"), std::string::npos) << run.out;
    const image::PngFile file = image::readPng(out);
    EXPECT_TRUE(file.metadata.document.has_value());
    return pipeline::GenerationRequest::fromJson(file.metadata.document->at("request"));
}

// The main guidance the demo model that `i4` finds names in its model_index.json (retuned with
// its weights, so read rather than repeated here).
float demoGuidance() {
    const std::optional<fs::path> demo = pipeline::findDemoModel(I4_CLI_PATH);
    if (!demo) {
        ADD_FAILURE() << "no demo model found beside " << I4_CLI_PATH;
        return 0.0f;
    }
    const std::optional<float> guidance = pipeline::readModelHints(*demo).guidance;
    if (!guidance) {
        ADD_FAILURE() << "the demo model names no guidance: " << demo->string();
        return 0.0f;
    }
    return *guidance;
}

TEST(CliDemoModel, UsesTheModelsSizePresetAndGuidance) {
    const pipeline::GenerationRequest r = ranRequest("defaults", {});
    EXPECT_EQ(r.width, 128);
    EXPECT_EQ(r.height, 128);
    EXPECT_EQ(r.preset, "V4_TURBO_12");
    ASSERT_EQ(r.guidanceSchedule.size(), 12u);
    EXPECT_EQ(r.guidanceSchedule.front(), demoGuidance());  // the model's main weight
    EXPECT_EQ(r.guidanceSchedule.back(), 3.0f);   // the preset's polish tail
}

// The fast mode needs fp8 tensor cores: on the CPU (or a GPU without them) it is refused with
// the reason, before the transformers load, not silently run exact.
TEST(CliDemoModel, FastModeWithoutFp8TensorCoresIsRefused) {
    const CliRun run = runCli({"generate", "--fast", "--device", "cpu", "--prompt", "a red circle",
                               "--out", (tempDir("cli-demo") / "fast.png").string()});
    EXPECT_EQ(run.exitCode, 2) << run.out;
    EXPECT_NE(run.out.find("fast mode (fp8 matmuls) needs"), std::string::npos) << run.out;
    EXPECT_EQ(run.out.find("transformer (2/4)"), std::string::npos) << run.out;
    EXPECT_FALSE(fs::exists(tempDir("cli-demo") / "fast.png"));
}

// `i4 bench --model` times a folder's transformers and prints the figures; bad numbers are
// refused before anything loads.
TEST(CliDemoModel, BenchTimesAModelFolder) {
    const std::optional<fs::path> demo = pipeline::findDemoModel(I4_CLI_PATH);
    ASSERT_TRUE(demo.has_value());
    const CliRun run = runCli({"bench", "--device", "cpu", "--model", demo->string(), "--width",
                               "256", "--height", "256", "--text-tokens", "8", "--steps", "1",
                               "--warmup", "0"});
    EXPECT_EQ(run.exitCode, 0) << run.out;
    EXPECT_NE(run.out.find("4 layers (measured)"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("JSON {"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("\"layers_full\": 4"), std::string::npos) << run.out;
    for (const auto& [args, message] :
         std::vector<std::pair<std::vector<std::string>, std::string>>{
             {{"bench", "--device", "cpu", "--layers", "0"}, "'0' is not a layer count"},
             {{"bench", "--device", "cpu", "--width", "100"}, "multiples of 16"}}) {
        const CliRun bad = runCli(args);
        EXPECT_EQ(bad.exitCode, 2) << bad.out;
        EXPECT_NE(bad.out.find(message), std::string::npos) << bad.out;
    }
}

TEST(CliDemoModel, CommandLineChoicesWin) {
    const pipeline::GenerationRequest r =
        ranRequest("chosen", {"--preset", "V4_DEFAULT_20", "--guidance", "5"});
    EXPECT_EQ(r.preset, "V4_DEFAULT_20");
    ASSERT_EQ(r.guidanceSchedule.size(), 20u);
    EXPECT_EQ(r.guidanceSchedule.front(), 5.0f);
    const pipeline::GenerationRequest presetOnly = ranRequest("preset", {"--preset", "V4_DEFAULT_20"});
    EXPECT_EQ(presetOnly.preset, "V4_DEFAULT_20");
    ASSERT_EQ(presetOnly.guidanceSchedule.size(), 20u);
    EXPECT_EQ(presetOnly.guidanceSchedule.front(), demoGuidance());  // the model's still applies
}

// Loading reports each component on stderr; the summary names where the run happened and its
// time per step. --device/--dtype default to auto, resolved as core resolves them here.
TEST(CliDemoModel, ReportsLoadProgressAndWhereItRan) {
    const fs::path out = tempDir("cli-demo") / "progress.png";
    const CliRun run = runCli(
        {"generate", "--prompt", "a red circle on a white background", "--out", out.string()});
    ASSERT_EQ(run.exitCode, 0) << run.out;
    const std::vector<std::string> components{"text_encoder", "transformer",
                                              "unconditional_transformer", "vae"};
    size_t at = 0;
    for (size_t i = 0; i < components.size(); ++i) {
        const std::string line = "  " + components[i] + " (" + std::to_string(i + 1) + "/4): ";
        const size_t found = run.out.find(line, at);
        ASSERT_NE(found, std::string::npos) << line << " in order, in: " << run.out;
        const size_t end = run.out.find('\n', found);
        const std::string whole = run.out.substr(found, end - found);
        EXPECT_NE(whole.find(" MB in "), std::string::npos) << whole;  // the demo is small
        EXPECT_EQ(whole.back(), 's') << whole;
        at = end;
    }
    const std::string device = pipeline::resolveDevice("auto");
    const std::string dtype = pipeline::resolveDtype("auto", device);
    EXPECT_NE(run.out.find("ready in "), std::string::npos) << run.out;
    const size_t text = run.out.find(": text ");
    ASSERT_NE(text, std::string::npos) << run.out;
    const size_t start = run.out.rfind('\n', text) + 1;  // npos + 1 == 0
    const std::string line = run.out.substr(start, run.out.find('\n', text) - start);
    EXPECT_EQ(line.rfind(device + ", " + dtype + ", memory ", 0), 0u) << line;
    if (device == "cpu") {
        EXPECT_NE(line.find(", memory resident: "), std::string::npos) << line;
    }
    EXPECT_NE(line.find(" s/step)"), std::string::npos) << line;
    EXPECT_EQ(line.find("peak GPU memory") != std::string::npos, device == "cuda") << line;
}

// An explicit CPU run says so, whatever `auto` would have picked.
TEST(CliDemoModel, ExplicitCpuRun) {
    const fs::path out = tempDir("cli-demo") / "cpu.png";
    const CliRun run = runCli({"generate", "--prompt", "a blue square", "--device", "cpu",
                               "--dtype", "fp32", "--memory", "low-vram", "--out", out.string()});
    ASSERT_EQ(run.exitCode, 0) << run.out;
    // On the CPU every weight is resident whatever mode was asked (Note [Memory modes]).
    EXPECT_NE(run.out.find("cpu, fp32, memory resident: text "), std::string::npos) << run.out;
    EXPECT_EQ(run.out.find("peak GPU memory"), std::string::npos) << run.out;
}

// Issue 29: with no --seed a random one is drawn, printed (with how to repeat it) and written into
// the PNG; two runs do not share it (by chance 1 in 2^32).
TEST(CliDemoModel, RandomSeedByDefaultPrintedAndRecorded) {
    std::vector<uint64_t> seeds;
    for (const char* name : {"random-a", "random-b"}) {
        const fs::path out = tempDir("cli-seed") / (std::string(name) + ".png");
        const CliRun run = runCli({"generate", "--prompt", "a red circle", "--out", out.string()});
        ASSERT_EQ(run.exitCode, 0) << run.out;
        const size_t at = run.out.find("seed ");
        ASSERT_NE(at, std::string::npos) << run.out;
        const uint64_t printed = std::stoull(run.out.substr(at + 5));
        EXPECT_NE(run.out.find("(random; --seed " + std::to_string(printed)), std::string::npos)
            << run.out;
        const image::PngFile file = image::readPng(out);
        ASSERT_TRUE(file.metadata.document.has_value());
        EXPECT_EQ(pipeline::GenerationRequest::fromJson(file.metadata.document->at("request")).seed,
                  printed);
        seeds.push_back(printed);
    }
    EXPECT_NE(seeds[0], seeds[1]);
    // A given seed is used as given and not announced as random.
    const fs::path fixed = tempDir("cli-seed") / "fixed.png";
    const CliRun run = runCli({"generate", "--prompt", "a red circle", "--seed", "7", "--out",
                               fixed.string()});
    ASSERT_EQ(run.exitCode, 0) << run.out;
    EXPECT_EQ(run.out.find("(random"), std::string::npos) << run.out;
}

// Issue 29, part 8: the example caption beside the demo model, for `--prompt-file`, is the one its
// model_index.json names, byte for byte (the demo reads its own caption form best), and the
// verifier finds nothing to say about it.
TEST(CliDemoModel, ExampleCaptionFileBesideTheModel) {
    const std::optional<fs::path> demo = pipeline::findDemoModel(I4_CLI_PATH);
    ASSERT_TRUE(demo.has_value());
    const fs::path example = *demo / "example-caption.json";
    std::ifstream in(example, std::ios::binary);
    ASSERT_TRUE(in) << example;
    std::string text((std::istreambuf_iterator<char>(in)), {});
    while (!text.empty() && text.back() == '\n') text.pop_back();
    EXPECT_EQ(text, pipeline::readModelHints(*demo).exampleCaption);
    const CliRun check = runCli({"check-caption", example.string(), "--strict"});
    EXPECT_EQ(check.exitCode, 0) << check.out;
}

// Issue 29: an existing file is never replaced silently (Note [no silent overwrite]).
TEST(CliDemoModel, ExistingOutputIsNotReplacedUnlessTold) {
    const fs::path dir = tempDir("cli-overwrite");
    const fs::path out = dir / "mine.png";
    std::ofstream(out, std::ios::binary) << "my own file";
    const CliRun refused = runCli({"generate", "--prompt", "a red circle", "--out", out.string()});
    EXPECT_EQ(refused.exitCode, 2) << refused.out;
    EXPECT_NE(refused.out.find(out.string() + " already exists"), std::string::npos)
        << refused.out;
    EXPECT_NE(refused.out.find("--overwrite"), std::string::npos) << refused.out;
    EXPECT_EQ(refused.out.find("loading "), std::string::npos) << refused.out;  // before the load
    {
        std::ifstream in(out, std::ios::binary);
        std::string kept((std::istreambuf_iterator<char>(in)), {});
        EXPECT_EQ(kept, "my own file");
    }
    const CliRun replaced = runCli(
        {"generate", "--prompt", "a red circle", "--out", out.string(), "--overwrite"});
    ASSERT_EQ(replaced.exitCode, 0) << replaced.out;
    EXPECT_EQ(image::readPng(out).image.width, 128);

    // The default name moves on to the next free one, and says so.
    const fs::path before = fs::current_path();
    fs::current_path(dir);
    std::ofstream("i4.png", std::ios::binary) << "an older picture";
    const CliRun moved = runCli({"generate", "--prompt", "a red circle"});
    fs::current_path(before);
    ASSERT_EQ(moved.exitCode, 0) << moved.out;
    EXPECT_NE(moved.out.find("i4.png already exists: writing i4-2.png"), std::string::npos)
        << moved.out;
    EXPECT_TRUE(fs::exists(dir / "i4-2.png"));
    std::ifstream older(dir / "i4.png", std::ios::binary);
    std::string olderText((std::istreambuf_iterator<char>(older)), {});
    EXPECT_EQ(olderText, "an older picture");
}

}  // namespace
}  // namespace i4::test
