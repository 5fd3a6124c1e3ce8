#include <gtest/gtest.h>

#include "core/errors.h"
#include "core/vae/flux2_vae_config.h"

namespace i4::vae {
namespace {

TEST(Flux2VaeConfig, DefaultsArePublishedFlux2) {
    const auto config = Flux2VaeConfig::fromJson(nlohmann::json::object(), "test");
    EXPECT_EQ(config.blockOutChannels, (std::vector<int>{128, 256, 512, 512}));
    EXPECT_EQ(config.decoderChannels(), config.blockOutChannels);
    EXPECT_EQ(config.latentChannels, 32);
    EXPECT_EQ(config.downscaleFactor(), 8);
}

TEST(Flux2VaeConfig, HonoursDecoderBlockOutChannels) {
    const auto json = nlohmann::json::parse(
        R"({"block_out_channels":[128,256,512,512],"decoder_block_out_channels":[96,192,384,384],
            "patch_size":[2,2],"batch_norm_eps":0.0001})");
    const auto config = Flux2VaeConfig::fromJson(json, "test");
    EXPECT_EQ(config.decoderChannels(), (std::vector<int>{96, 192, 384, 384}));
    EXPECT_EQ(config.blockOutChannels, (std::vector<int>{128, 256, 512, 512}));
}

TEST(Flux2VaeConfig, RejectsMalformedFieldsNamingThem) {
    try {
        Flux2VaeConfig::fromJson(nlohmann::json::parse(R"({"block_out_channels":[128,"x"]})"),
                                 "vae/config.json");
        FAIL() << "no error";
    } catch (const ModelError& error) {
        EXPECT_NE(std::string(error.what()).find("block_out_channels"), std::string::npos);
        EXPECT_NE(std::string(error.what()).find("vae/config.json"), std::string::npos);
    }
    EXPECT_THROW(Flux2VaeConfig::fromJson(nlohmann::json::parse(R"({"patch_size":[1,1]})"), "t"),
                 ModelError);
    EXPECT_THROW(Flux2VaeConfig::fromJson(
                     nlohmann::json::parse(R"({"decoder_block_out_channels":[96,192]})"), "t"),
                 ModelError);
}

}  // namespace
}  // namespace i4::vae
