// The local magic prompt back end on the tiny golden model with the golden LM head: streamed
// whole characters that add up to the caption, a verified caption whatever the idea, the same
// caption for the same seed, cancellation, and the missing-head message.

#include <gtest/gtest.h>

#include <string>

#include "core/caption/caption_verifier.h"
#include "core/errors.h"
#include "core/magic/local_backend.h"
#include "core/magic/magic_prompt.h"
#include "tests/support/golden.h"

namespace i4::magic {
namespace {

LocalBackendOptions tinyOptions() {
    return {test::goldenDir() / "tiny-ideogram4-bf16", test::goldenDir() / "magic_prompt", "cpu"};
}

TEST(LocalBackend, StreamsAVerifiedCaptionReproducibly) {
    auto backend = LocalBackend::load(tinyOptions());
    EXPECT_NE(backend->name().find("tiny-ideogram4-bf16"), std::string::npos);
    MagicPromptRequest request;
    request.idea = "Zwei Katzen auf einem Dach, Neon-Schild \"Café 24h\" 🐈";
    request.aspect = "16:9";
    request.seed = 7;
    request.temperature = 1.0;
    request.maxTokens = 64;  // below the grammar's shortest caption: raised, not refused
    std::string streamed;
    int pieces = 0;
    const std::string caption = backend->expand(
        request,
        [&](std::string_view piece) {
            ++pieces;
            streamed += piece;
        },
        {});
    EXPECT_TRUE(caption::verifyCaption(caption).empty()) << caption;
    EXPECT_EQ(finishMagicCaption(streamed), caption);
    EXPECT_GT(pieces, 50);
    EXPECT_GT(backend->lastTokenCount(), 50);
    EXPECT_GT(backend->lastTokensPerSecond(), 0);
    std::printf("tiny model: %d tokens, %.1f tokens/s\n", backend->lastTokenCount(),
                backend->lastTokensPerSecond());
    EXPECT_EQ(backend->expand(request, {}, {}), caption);
}

TEST(LocalBackend, CancelAndBadRequests) {
    auto backend = LocalBackend::load(tinyOptions());
    MagicPromptRequest request;
    request.idea = "a lighthouse";
    request.seed = 1;
    int polls = 0;
    EXPECT_THROW(backend->expand(request, {}, [&] { return ++polls > 5; }), CancelledError);
    request.aspect = "wide";
    EXPECT_THROW(backend->expand(request, {}, {}), InputError);
    request.aspect = "1:1";
    request.idea = "   ";
    EXPECT_THROW(backend->expand(request, {}, {}), InputError);
}

TEST(LocalBackend, MissingHeadNamesTheDownload) {
    LocalBackendOptions options = tinyOptions();
    options.lmHead.clear();
    try {
        LocalBackend::load(options);
        FAIL() << "loaded without an LM head";
    } catch (const MagicPromptError& e) {
        EXPECT_NE(std::string(e.what()).find("Qwen3-VL-8B-Instruct"), std::string::npos);
    }
}

}  // namespace
}  // namespace i4::magic
