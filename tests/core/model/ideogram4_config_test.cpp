#include <gtest/gtest.h>

#include "core/errors.h"
#include "core/model/ideogram4_config.h"
#include "tests/support/golden.h"

namespace i4::model {
namespace {

TEST(Ideogram4Config, AbsentFieldsTakeThePublishedDefaults) {
    const auto c = Ideogram4Config::fromJson(
        nlohmann::json{{"_class_name", "Ideogram4Transformer2DModel"}, {"num_layers", 2}}, "cfg");
    EXPECT_EQ(c.numLayers, 2);
    EXPECT_EQ(c.hiddenSize(), 4608);
    EXPECT_EQ(c.intermediateSize, 12288);
    EXPECT_EQ(c.llmFeaturesDim, 53248);
    EXPECT_EQ(c.mropeSection, (std::array<int64_t, 3>{24, 20, 20}));
    EXPECT_EQ(c.normEps, 1e-5);
    EXPECT_EQ(c.ropeTheta, 5e6);
    EXPECT_EQ(Ideogram4Config::fromJson(c.toJson(), "round trip").toJson(), c.toJson());
}

TEST(Ideogram4Config, FolderWithoutConfigUsesDefaults) {
    const auto c = Ideogram4Config::fromFolder(test::tempDir("noconfig"));
    EXPECT_EQ(c.numLayers, 34);
    EXPECT_EQ(c.adalnDim, 512);
}

TEST(Ideogram4Config, BadFieldsAreNamed) {
    auto message = [](const nlohmann::json& j) -> std::string {
        try {
            Ideogram4Config::fromJson(j, "transformer/config.json");
        } catch (const ModelError& e) {
            return e.what();
        }
        return "";
    };
    EXPECT_NE(message({{"num_layers", "many"}}).find("'num_layers' has the wrong type"),
              std::string::npos);
    EXPECT_NE(message({{"attention_head_dim", 63}}).find("attention_head_dim"), std::string::npos);
    EXPECT_NE(message({{"mrope_section", {100, 20, 20}}}).find("mrope_section"), std::string::npos);
    EXPECT_NE(message({{"num_attention_heads", 0}}).find("transformer/config.json"),
              std::string::npos);
}

}  // namespace
}  // namespace i4::model
