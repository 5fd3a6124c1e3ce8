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

// A float where a count belongs (found by fuzz.model_json: 6e23 heads) is refused by name; before,
// the conversion to int64 was undefined behaviour.
TEST(Ideogram4Config, FloatsWhereCountsBelongAreRefused) {
    for (const auto& [key, value] :
         std::vector<std::pair<std::string, nlohmann::json>>{{"attention_head_dim", 6e23},
                                                             {"num_layers", 2.5},
                                                             {"mrope_section", {24, 20.5, 20}}}) {
        try {
            Ideogram4Config::fromJson(nlohmann::json{{key, value}}, "cfg");
            ADD_FAILURE() << key << " = " << value.dump() << " was accepted";
        } catch (const ModelError& e) {
            EXPECT_NE(std::string(e.what()).find("'" + key + "' must be a whole number"),
                      std::string::npos)
                << e.what();
        }
    }
    // Whole numbers and the two real-valued fields still read.
    const auto c = Ideogram4Config::fromJson(
        nlohmann::json{{"num_layers", 3}, {"norm_eps", 1e-6}, {"rope_theta", 1e4}}, "cfg");
    EXPECT_EQ(c.numLayers, 3);
    EXPECT_EQ(c.normEps, 1e-6);
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
