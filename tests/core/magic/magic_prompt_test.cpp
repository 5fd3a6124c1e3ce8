#include "core/magic/magic_prompt.h"

#include <gtest/gtest.h>

#include "core/caption/caption_verifier.h"

namespace i4::magic {
namespace {

const char* kCaption =
    R"({"high_level_description":"A red ring on a beige background.",)"
    R"("style_description":{"aesthetics":"flat, calm","lighting":"even","medium":"vector art",)"
    R"("art_style":"minimal flat shapes","color_palette":["#F5F5DC","#D22B2B"]},)"
    R"("compositional_deconstruction":{"background":"plain beige","elements":[)"
    R"({"type":"obj","bbox":[300,300,700,700],"desc":"a red ring","color_palette":["#D22B2B"]}]}})";

TEST(MagicPrompt, AspectParses) {
    EXPECT_DOUBLE_EQ(parseAspect("16:9").width, 16);
    EXPECT_DOUBLE_EQ(parseAspect(" 2.39 : 1 ").width, 2.39);
    for (const char* bad : {"", "16", "16:", ":9", "a:b", "0:1", "-1:1", "1:9", "101:100"}) {
        EXPECT_THROW(parseAspect(bad), InputError) << bad;
    }
    try {
        parseAspect("16x9");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("16x9"), std::string::npos);
    }
}

TEST(MagicPrompt, RequestValidation) {
    MagicPromptRequest request;
    request.idea = "  a cat  ";
    EXPECT_NO_THROW(validateRequest(request));
    EXPECT_EQ(buildUserMessage(request), "a cat");
    request.idea = " \n\t";
    EXPECT_THROW(validateRequest(request), InputError);
    request.idea = "x";
    request.topP = 0;
    EXPECT_THROW(validateRequest(request), InputError);
    request.topP = 1;
    request.temperature = 2.5;
    EXPECT_THROW(validateRequest(request), InputError);
    request.temperature = 0;
    request.maxTokens = 10;
    EXPECT_THROW(validateRequest(request), InputError);
}

TEST(MagicPrompt, SystemPromptNamesKeysAndAspect) {
    MagicPromptRequest request;
    request.idea = "a cat";
    request.aspect = "16:9";
    const std::string prompt = buildSystemPrompt(request);
    for (const char* key :
         {"high_level_description", "style_description", "aesthetics", "lighting", "\"photo\"",
          "medium", "art_style", "color_palette", "compositional_deconstruction", "background",
          "elements", "bbox", "desc", "[y_min, x_min, y_max, x_max]", "16:9", "1.78"}) {
        EXPECT_NE(prompt.find(key), std::string::npos) << key;
    }
    // The key order the prompt states is the trained order.
    EXPECT_LT(prompt.find("high_level_description"), prompt.find("style_description"));
    EXPECT_LT(prompt.find("style_description"), prompt.find("compositional_deconstruction"));
    request.aspect = "1:2";
    EXPECT_NE(buildSystemPrompt(request).find("0.5 times"), std::string::npos);
}

TEST(MagicPrompt, FinishAcceptsCleanAndWrappedAnswers) {
    const std::string canonical = finishMagicCaption(kCaption);
    EXPECT_TRUE(caption::verifyCaption(canonical).empty());
    EXPECT_EQ(finishMagicCaption(std::string("```json\n") + kCaption + "\n```\n"), canonical);
    EXPECT_EQ(finishMagicCaption(std::string("Here it is:\n") + kCaption + "\nEnjoy!"), canonical);
    EXPECT_EQ(finishMagicCaption(std::string("<think>\n{hmm}\n</think>\n") + kCaption), canonical);
    // Pretty-printed, keys out of order, float bbox: minified into the trained form.
    const std::string pretty =
        "{\n  \"compositional_deconstruction\": {\"elements\": [{\"bbox\": [300.0, 300, 700, "
        "700], \"type\": \"obj\", \"desc\": \"a red ring\"}], \"background\": \"plain\"},\n"
        "  \"high_level_description\": \"A ring.\"\n}";
    const std::string out = finishMagicCaption(pretty);
    EXPECT_EQ(out.find(' ', out.find("bbox")), out.find("a red ring") + 1);  // no spaces added
    EXPECT_LT(out.find("high_level_description"), out.find("compositional_deconstruction"));
    EXPECT_NE(out.find("[300,300,700,700]"), std::string::npos);
    EXPECT_TRUE(caption::verifyCaption(out).empty());
}

TEST(MagicPrompt, FinishRejectsWhatIsNotACaption) {
    EXPECT_THROW(finishMagicCaption(""), MagicPromptError);
    EXPECT_THROW(finishMagicCaption("I cannot help with that."), MagicPromptError);
    EXPECT_THROW(finishMagicCaption("{\"high_level_description\": \"cut off"), MagicPromptError);
    std::string lower = kCaption;
    lower.replace(lower.find("#D22B2B"), 7, "#d22b2b");
    try {
        finishMagicCaption(lower);
        FAIL();
    } catch (const MagicPromptError& e) {
        EXPECT_NE(std::string(e.what()).find("color_palette"), std::string::npos) << e.what();
    }
    std::string outOfRange = kCaption;
    outOfRange.replace(outOfRange.find("700,700"), 7, "700,1200");
    EXPECT_THROW(finishMagicCaption(outOfRange), MagicPromptError);
}

}  // namespace
}  // namespace i4::magic
