// i4 magic-prompt and i4 generate --magic-prompt with the demo model's own LM (issue 28), run as
// a user runs them.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "core/caption/caption_verifier.h"
#include "core/image/png_io.h"
#include "tests/app/cli_runner.h"
#include "tests/support/golden.h"

#ifndef I4_DEMO_MODEL_DIR
#error "I4_DEMO_MODEL_DIR must name resources/models/demo"
#endif

namespace i4::test {
namespace {

const std::string kIdea = "a small green star at the top left and a red ring at the bottom right, "
                          "on a beige background";

std::string lastLine(const std::string& text) {
    std::string trimmed = text;
    while (!trimmed.empty() && trimmed.back() == '\n') trimmed.pop_back();
    return trimmed.substr(trimmed.rfind('\n') == std::string::npos ? 0 : trimmed.rfind('\n') + 1);
}

TEST(CliMagicPrompt, PrintsAVerifiedCaptionForTheIdea) {
    // Greedy, so that the content checks do not hang on one sampled token.
    const std::vector<std::string> args{"magic-prompt", kIdea, "--model", I4_DEMO_MODEL_DIR,
                                        "--temperature", "0", "--quiet"};
    const CliRun run = runCli(args);
    ASSERT_EQ(run.exitCode, 0) << run.out;
    const std::string caption = lastLine(run.out);
    EXPECT_TRUE(caption::verifyCaption(caption).empty()) << caption;
    EXPECT_NE(caption.find("\"plain beige\""), std::string::npos) << caption;
    EXPECT_NE(caption.find("\"a green star\""), std::string::npos) << caption;
    EXPECT_NE(caption.find("\"a red ring\""), std::string::npos) << caption;
    // Sampling: the same seed gives the same caption.
    const std::vector<std::string> sampled{"magic-prompt", kIdea, "--model", I4_DEMO_MODEL_DIR,
                                           "--seed", "3", "--quiet"};
    const std::string first = lastLine(runCli(sampled).out);
    EXPECT_TRUE(caption::verifyCaption(first).empty()) << first;
    EXPECT_EQ(lastLine(runCli(sampled).out), first);

    // Streaming (without --quiet): the tokens go to stderr, then the speed.
    const CliRun streamed = runCli({"magic-prompt", kIdea, "--model", I4_DEMO_MODEL_DIR, "--seed", "3"});
    EXPECT_EQ(streamed.exitCode, 0);
    EXPECT_NE(streamed.out.find("tokens/s"), std::string::npos) << streamed.out;
}

TEST(CliMagicPrompt, BadRequestsAreRefusedBeforeLoading) {
    const CliRun aspect =
        runCli({"magic-prompt", kIdea, "--model", "/nonexistent", "--aspect", "wide"});
    EXPECT_EQ(aspect.exitCode, 2) << aspect.out;
    EXPECT_NE(aspect.out.find("wide"), std::string::npos) << aspect.out;
    const CliRun empty = runCli({"magic-prompt", "  ", "--model", "/nonexistent"});
    EXPECT_EQ(empty.exitCode, 2) << empty.out;
    const CliRun hot =
        runCli({"magic-prompt", kIdea, "--model", "/nonexistent", "--temperature", "5"});
    EXPECT_EQ(hot.exitCode, 2) << hot.out;
}

TEST(CliMagicPrompt, GenerateExpandsAndKeepsTheIdea) {
    const auto out = tempDir("cli-magic") / "magic.png";
    const CliRun run = runCli({"generate", "--model", I4_DEMO_MODEL_DIR, "--magic-prompt",
                               "--prompt", kIdea, "--seed", "5", "--out", out.string()});
    ASSERT_EQ(run.exitCode, 0) << run.out;
    const image::PngFile png = image::readPng(out);
    ASSERT_TRUE(png.metadata.document.has_value());
    const std::string document = png.metadata.document->dump();
    EXPECT_NE(document.find("\"magic_prompt_idea\":\"" + kIdea + "\""), std::string::npos)
        << document;
    // The expanded caption is what was generated.
    EXPECT_TRUE(caption::verifyCaption(png.metadata.parameters.substr(
                    0, png.metadata.parameters.find('\n')))
                    .empty())
        << png.metadata.parameters;
    EXPECT_NE(png.metadata.parameters.find("\"plain beige\""), std::string::npos);
}

}  // namespace
}  // namespace i4::test
