// The i4 command line's contract: --help everywhere, documented exit codes, clear messages for
// bad input — all checked before any model is loaded, so no model is needed here.
#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>

#include "core/pipeline/devices.h"
#include "tests/app/cli_runner.h"
#include "tests/support/golden.h"

namespace i4::test {
namespace {

namespace fs = std::filesystem;

void expectFailure(const CliRun& run, int code, const std::string& fragment) {
    EXPECT_EQ(run.exitCode, code) << run.out;
    EXPECT_NE(run.out.find(fragment), std::string::npos)
        << "'" << fragment << "' not in: " << run.out;
}

class Cli : public ::testing::Test {
protected:
    fs::path dir = tempDir("cli");
    std::vector<std::string> generate(std::vector<std::string> extra) {
        std::vector<std::string> args{
            "generate",  "--model", (dir / "no-model").string(), "--prompt",
            "a red fox", "--out",   (dir / "x.png").string()};
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    }
};

TEST_F(Cli, VersionAndHelp) {
    CliRun version = runCli({"--version"});
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_EQ(version.out.rfind("i4 ", 0), 0u) << version.out;
    for (const char* command : {"info", "tokenize", "generate", "check-caption", "devices"}) {
        CliRun help = runCli({command, "--help"});
        EXPECT_EQ(help.exitCode, 0) << command;
        EXPECT_NE(help.out.find("Usage"), std::string::npos) << command << ": " << help.out;
    }
    expectFailure(runCli({"frobnicate"}), 2, "frobnicate");
}

TEST_F(Cli, MissingModelPartIsAModelError) {
    fs::create_directories(dir / "model");
    std::ofstream(dir / "model" / "model_index.json") << "{}";
    expectFailure(runCli({"info", (dir / "model").string()}), 3, "transformer/ folder is missing");
}

TEST_F(Cli, SizeNotAMultipleOf16) {
    expectFailure(runCli(generate({"--width", "1000", "--height", "1024"})), 2, "16");
}

TEST_F(Cli, SizeOutsideThePublishedLimits) {
    expectFailure(runCli(generate({"--width", "128", "--height", "128"})), 2, "256");
    expectFailure(runCli(generate({"--width", "2048", "--height", "256"})), 2, "aspect");
}

TEST_F(Cli, EmptyPromptFile) {
    std::ofstream(dir / "empty.txt") << "  \n";
    expectFailure(runCli({"generate", "--model", (dir / "m").string(), "--prompt-file",
                          (dir / "empty.txt").string()}),
                  2, "empty");
    expectFailure(runCli({"generate", "--model", (dir / "m").string(), "--prompt-file",
                          (dir / "absent.txt").string()}),
                  2, "absent.txt");
}

TEST_F(Cli, UnwritableOutputFolder) {
    expectFailure(runCli({"generate", "--model", (dir / "m").string(), "--prompt", "a fox", "--out",
                          (dir / "no" / "such" / "folder" / "x.png").string()}),
                  2, "does not exist");
    fs::create_directories(dir / "locked");
    fs::permissions(dir / "locked", fs::perms::owner_read | fs::perms::owner_exec);
    if (::geteuid() != 0) {  // root writes anywhere
        expectFailure(runCli({"generate", "--model", (dir / "m").string(), "--prompt", "a fox",
                              "--out", (dir / "locked" / "x.png").string()}),
                      2, "not writable");
    }
    fs::permissions(dir / "locked", fs::perms::owner_all);
}

TEST_F(Cli, GuidanceScheduleOfTheWrongLength) {
    expectFailure(runCli(generate({"--steps", "4", "--guidance-schedule", "7,7,3"})), 2, "3");
    expectFailure(runCli(generate({"--guidance-schedule", "7,x,3"})), 2, "'x'");
}

TEST_F(Cli, UnknownPresetAndBadFlags) {
    expectFailure(runCli(generate({"--preset", "V9_MAGIC"})), 2, "V9_MAGIC");
    expectFailure(runCli(generate({"--device", "tpu"})), 2, "tpu");
}

TEST_F(Cli, DeviceDtypeAndMemoryChoices) {
    CliRun help = runCli({"generate", "--help"});
    for (const char* flag : {"--device", "--dtype", "--memory", "low-vram", "offload-encoder"}) {
        EXPECT_NE(help.out.find(flag), std::string::npos) << flag << ": " << help.out;
    }
    expectFailure(runCli(generate({"--device", "quantum"})), 2,
                  "'quantum' is not one of auto, cuda, cpu");
    expectFailure(runCli(generate({"--dtype", "fp16"})), 2,
                  "'fp16' is not one of auto, fp32, bf16");
    expectFailure(runCli(generate({"--memory", "everything"})), 2,
                  "'everything' is not one of auto, resident, offload-encoder, low-vram");
    // Case matters: the values are the documented words.
    expectFailure(runCli(generate({"--device", "CUDA"})), 2, "'CUDA'");
}

// `--device cuda` where no GPU can be used stops before the model is looked at, with the reason
// (not a fallback to the CPU).
TEST_F(Cli, DeviceCudaWithoutAGpu) {
    const pipeline::DeviceReport report = pipeline::deviceReport();
    if (report.gpuAvailable) GTEST_SKIP() << "this machine has a usable GPU: " << report.gpuName;
    const CliRun run = runCli(generate({"--device", "cuda"}));
    expectFailure(run, 2, "--device cuda: ");
    EXPECT_NE(run.out.find("cannot use the GPU"), std::string::npos) << run.out;
    if (!report.buildHasCuda) {
        EXPECT_NE(run.out.find("scripts/run --gpu"), std::string::npos) << run.out;
        EXPECT_NE(run.out.find(report.torchVersion), std::string::npos) << run.out;
    }
    // The model folder was never reached.
    EXPECT_EQ(run.out.find("no-model"), std::string::npos) << run.out;
}

// `i4 devices` says what this build is and what `auto` picks, in agreement with core.
TEST_F(Cli, DevicesReport) {
    const pipeline::DeviceReport report = pipeline::deviceReport();
    const CliRun run = runCli({"devices"});
    ASSERT_EQ(run.exitCode, 0) << run.out;
    EXPECT_NE(run.out.find("LibTorch:  " + report.torchVersion), std::string::npos) << run.out;
    const std::string device = pipeline::resolveDevice("auto");
    const std::string dtype = pipeline::resolveDtype("auto", device);
    EXPECT_NE(run.out.find("--device " + device + ", --dtype " + dtype), std::string::npos)
        << run.out;
    if (report.gpuAvailable) {
        EXPECT_NE(run.out.find("GPU:       " + report.gpuName), std::string::npos) << run.out;
        EXPECT_NE(run.out.find("GiB"), std::string::npos) << run.out;
    } else {
        EXPECT_NE(run.out.find("GPU:       none usable"), std::string::npos) << run.out;
        EXPECT_NE(run.out.find("cannot use the GPU"), std::string::npos) << run.out;
    }
    if (!report.buildHasCuda) {
        EXPECT_NE(run.out.find("CPU only"), std::string::npos) << run.out;
        EXPECT_NE(run.out.find("scripts/run --gpu"), std::string::npos) << run.out;
    } else {
        EXPECT_NE(run.out.find("with CUDA"), std::string::npos) << run.out;
    }
}

TEST_F(Cli, CheckCaption) {
    std::ofstream(dir / "good.json")
        << R"({"high_level_description":"A red fox in snow.","style_description":{"aesthetics":)"
        << R"("calm","lighting":"overcast","photo":"35mm","medium":"photograph","color_palette":)"
        << R"(["#FF0000"]},"compositional_deconstruction":)"
        << R"({"background":"Snow.","elements":[{"type":"obj","bbox":[100,100,500,500],)"
        << R"("desc":"A fox."}]}})";
    CliRun good = runCli({"check-caption", (dir / "good.json").string(), "--strict"});
    EXPECT_EQ(good.exitCode, 0) << good.out;
    EXPECT_NE(good.out.find("ok"), std::string::npos) << good.out;

    std::ofstream(dir / "bad.json")
        << R"({"high_level_description":"A fox.","style_description":{"photo":"35mm",)"
        << R"("color_palette":["#ff0000"]},"compositional_deconstruction":{"background":"Snow.",)"
        << R"("elements":[{"type":"obj","bbox":[500,100,100,1200],"desc":"A fox."}]}})";
    CliRun lenient = runCli({"check-caption", (dir / "bad.json").string()});
    EXPECT_EQ(lenient.exitCode, 0) << lenient.out;
    EXPECT_NE(lenient.out.find("color_palette[0]"), std::string::npos) << lenient.out;
    EXPECT_NE(lenient.out.find("bbox"), std::string::npos) << lenient.out;
    CliRun strict = runCli({"check-caption", (dir / "bad.json").string(), "--strict"});
    EXPECT_EQ(strict.exitCode, 2) << strict.out;
    expectFailure(runCli({"generate", "--model", (dir / "m").string(), "--prompt-file",
                          (dir / "bad.json").string(), "--strict-caption"}),
                  2, "strict-caption");
}

}  // namespace
}  // namespace i4::test
