#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "core/pipeline/model_hints.h"

namespace i4::pipeline {
namespace {

namespace fs = std::filesystem;

// A model folder holding only a model_index.json with `text`.
fs::path folderWithIndex(const std::string& name, const std::string& text) {
    const fs::path dir = fs::temp_directory_path() / ("i4-hints-" + name + "-" +
                                                      std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "model_index.json") << text;
    return dir;
}

TEST(ModelHints, ReadsTheDemoModelsOwnSettings) {
    const fs::path dir = folderWithIndex(
        "full", R"({"_class_name":"Ideogram4Pipeline","_i4studio":{"demo":true,
        "native_size":[128,96],"example_caption":"{}","preset":"V4_TURBO_12","guidance":2.5}})");
    const ModelHints hints = readModelHints(dir);
    EXPECT_TRUE(hints.demo);
    EXPECT_EQ(hints.nativeWidth, 128);
    EXPECT_EQ(hints.nativeHeight, 96);
    EXPECT_EQ(hints.exampleCaption, "{}");
    EXPECT_EQ(hints.preset, "V4_TURBO_12");
    ASSERT_TRUE(hints.guidance.has_value());
    EXPECT_FLOAT_EQ(*hints.guidance, 2.5f);
    fs::remove_all(dir);
}

TEST(ModelHints, PublishedAndMalformedFoldersGiveNone) {
    const fs::path published = folderWithIndex("published", R"({"_class_name":"Ideogram4Pipeline"})");
    const fs::path broken = folderWithIndex("broken", R"({"_i4studio":{"native_size":[100,"x"],
        "preset":7,"guidance":"high"}})");
    const fs::path garbage = folderWithIndex("garbage", "not json");
    for (const fs::path& dir : {published, broken, garbage, fs::path("/nonexistent/i4")}) {
        const ModelHints hints = readModelHints(dir);
        EXPECT_FALSE(hints.demo) << dir;
        EXPECT_FALSE(hints.hasNativeSize()) << dir;
        EXPECT_TRUE(hints.preset.empty()) << dir;
        EXPECT_FALSE(hints.guidance.has_value()) << dir;
    }
    const fs::path negative = folderWithIndex("negative", R"({"_i4studio":{"guidance":-1}})");
    EXPECT_FALSE(readModelHints(negative).guidance.has_value());
    for (const fs::path& dir : {published, broken, garbage, negative}) fs::remove_all(dir);
}

}  // namespace
}  // namespace i4::pipeline
