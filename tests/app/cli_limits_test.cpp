// Issue 25: every request bounded, whatever the model says about itself. These run `i4 generate`
// with the default (demo) model exactly as a new user would, and must stop before the model loads
// with a message that names the field and the range.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/app/cli_runner.h"
#include "tests/support/golden.h"

namespace i4::test {
namespace {

namespace fs = std::filesystem;

class CliLimits : public ::testing::Test {
protected:
    fs::path out = tempDir("cli-limits") / "x.png";

    // `i4 generate --prompt "a red circle" <extra>` with the default demo model.
    CliRun generate(const std::vector<std::string>& extra) {
        std::vector<std::string> args{"generate", "--prompt", "a red circle", "--out",
                                      out.string()};
        args.insert(args.end(), extra.begin(), extra.end());
        return runCli(args);
    }

    void expectRefused(const std::vector<std::string>& extra, const std::string& fragment) {
        const CliRun run = generate(extra);
        EXPECT_EQ(run.exitCode, 2) << run.out;
        EXPECT_NE(run.out.find(fragment), std::string::npos)
            << "'" << fragment << "' not in: " << run.out;
        // Refused before the load: no component was read, nothing written.
        EXPECT_EQ(run.out.find("transformer (2/4)"), std::string::npos) << run.out;
        EXPECT_FALSE(fs::exists(out));
    }
};

// The demo model declares its own (128 px) size; that once switched every size check off and
// this request grew past 15 GB before anything stopped it.
TEST_F(CliLimits, HugeWidthWithTheDemoModelIsRefused) {
    expectRefused({"--width", "100000", "--height", "64"}, "width 100000 is outside 16..2048");
}

TEST_F(CliLimits, DemoModelKeepsTheAspectLimit) {
    expectRefused({"--width", "2048", "--height", "64"}, "exceeds the supported 6:1");
}

TEST_F(CliLimits, ZeroStepsIsAnErrorNotThePresets) {
    expectRefused({"--steps", "0"}, "steps must be at least 1 (got 0)");
}

TEST_F(CliLimits, AbsurdNumbersAreErrors) {
    expectRefused({"--steps", "-4"}, "steps must be at least 1 (got -4)");
    expectRefused({"--steps", "1000000000"}, "steps must be at most 1000");
    expectRefused({"--batch", "0"}, "batch must be between 1 and 64");
    expectRefused({"--guidance", "-2"}, "--guidance must be a number in 0..100");
    expectRefused({"--guidance", "nan"}, "--guidance must be a number");
    expectRefused({"--std", "0"}, "std must be a positive number");
    expectRefused({"--guidance-schedule", "1,2,x"}, "'x' is not a number");
}

TEST_F(CliLimits, NonNumericValuesAreErrors) {
    for (const char* option : {"--steps", "--width", "--batch", "--seed"}) {
        const CliRun run = generate({option, "lots"});
        EXPECT_EQ(run.exitCode, 2) << option << ": " << run.out;
        EXPECT_NE(run.out.find(option), std::string::npos) << run.out;
        EXPECT_FALSE(fs::exists(out));
    }
    const CliRun negativeSeed = generate({"--seed", "-1"});
    EXPECT_EQ(negativeSeed.exitCode, 2) << negativeSeed.out;
}

}  // namespace
}  // namespace i4::test
