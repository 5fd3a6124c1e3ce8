#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <fstream>

#include "core/errors.h"
#include "core/io/checkpoint.h"
#include "core/io/model_folder.h"
#include "core/io/safetensors_writer.h"
#include "core/model/linear.h"
#include "tests/support/golden.h"
#include "tests/support/raw_safetensors.h"

namespace i4::io {
namespace {

namespace fs = std::filesystem;

// Runs `fn`, expects a ModelError whose message holds every fragment.
template <typename Fn>
void expectModelError(Fn fn, std::initializer_list<std::string> fragments) {
    try {
        fn();
        FAIL() << "expected a ModelError";
    } catch (const ModelError& e) {
        for (const auto& fragment : fragments) {
            EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos)
                << "'" << fragment << "' not in: " << e.what();
        }
    }
}

class CheckpointTest : public ::testing::Test {
protected:
    void SetUp() override {
        writeSafetensors(dir / "part-1.safetensors", {{"a.weight", at::ones({2, 2})}});
        writeSafetensors(dir / "part-2.safetensors",
                         {{"b.weight", at::full({3, 2}, 2.0f)}, {"b.bias", at::zeros({3})}});
    }
    void writeIndex(const std::string& weightMap) {
        std::ofstream(dir / "model.safetensors.index.json")
            << R"({"metadata": {"total_size": 0}, "weight_map": )" << weightMap << "}";
    }
    fs::path dir = test::tempDir("ckpt");
};

TEST_F(CheckpointTest, ShardedIndexWithRelativeNames) {
    writeIndex(R"({"a.weight": "part-1.safetensors", "b.weight": "part-2.safetensors",
                   "b.bias": "part-2.safetensors"})");
    auto ckpt = Checkpoint::openFolder(dir, "transformer");
    EXPECT_EQ(ckpt.files().size(), 2u);
    EXPECT_EQ(ckpt.keys(), (std::vector<std::string>{"a.weight", "b.bias", "b.weight"}));
    EXPECT_FLOAT_EQ(ckpt.tensor("b.weight").sum().item<float>(), 12.0f);
    EXPECT_EQ(ckpt.fileOf("a.weight").path().filename(), "part-1.safetensors");
    auto layer = model::Linear::load(ckpt, "b", true);
    EXPECT_EQ(layer.outFeatures(), 3);
}

TEST_F(CheckpointTest, MissingShard) {
    writeIndex(R"({"a.weight": "part-1.safetensors", "c.weight": "part-3.safetensors"})");
    expectModelError([&] { Checkpoint::openFolder(dir, "transformer"); },
                     {"transformer", "part-3.safetensors", "missing"});
}

TEST_F(CheckpointTest, KeyInTwoShards) {
    writeSafetensors(dir / "part-2.safetensors", {{"a.weight", at::ones({2, 2})}});
    writeIndex(R"({"a.weight": "part-1.safetensors", "x": "part-2.safetensors"})");
    expectModelError([&] { Checkpoint::openFolder(dir, "transformer"); },
                     {"'a.weight'", "two shards", "part-1.safetensors", "part-2.safetensors"});
}

TEST_F(CheckpointTest, IndexedKeyMissingFromItsShard) {
    writeIndex(R"({"a.weight": "part-1.safetensors", "z.weight": "part-1.safetensors"})");
    expectModelError([&] { Checkpoint::openFolder(dir, "transformer"); },
                     {"'z.weight'", "part-1.safetensors"});
}

TEST_F(CheckpointTest, IndexThatIsNotJson) {
    std::ofstream(dir / "model.safetensors.index.json") << "{weight_map";
    expectModelError([&] { Checkpoint::openFolder(dir, "vae"); }, {"vae", "not valid JSON"});
}

TEST_F(CheckpointTest, ShardNameEscapingTheFolder) {
    writeIndex(R"({"a.weight": "../part-1.safetensors"})");
    expectModelError([&] { Checkpoint::openFolder(dir, "vae"); }, {"relative"});
}

TEST_F(CheckpointTest, MissingTensorNamesComponentAndKey) {
    auto ckpt = Checkpoint::openFile(dir / "part-1.safetensors", "text_encoder");
    expectModelError([&] { ckpt.tensor("nope.weight"); }, {"text_encoder", "'nope.weight'"});
}

TEST_F(CheckpointTest, Fp8WeightWithoutScale) {
    test::writeRawSafetensors(
        dir / "q.safetensors",
        R"({"l.weight":{"dtype":"F8_E4M3","shape":[2,2],"data_offsets":[0,4]}})",
        std::string(4, '\0'));
    auto ckpt = Checkpoint::openFile(dir / "q.safetensors", "transformer");
    expectModelError([&] { model::Linear::load(ckpt, "l"); },
                     {"transformer", "q.safetensors", "'l.weight'", "F8_E4M3", "l.weight_scale"});
}

TEST_F(CheckpointTest, PackedWeightWithoutAnyNf4State) {
    writeSafetensors(dir / "q.safetensors", {{"l.weight", at::zeros({4, 1}, at::kByte)}});
    auto ckpt = Checkpoint::openFile(dir / "q.safetensors", "transformer");
    expectModelError([&] { model::Linear::load(ckpt, "l"); },
                     {"transformer", "q.safetensors", "'l.weight'", "quant_state"});
}

TEST_F(CheckpointTest, Nf4WithoutQuantState) {
    writeSafetensors(dir / "q.safetensors", {{"l.weight", at::zeros({4, 1}, at::kByte)},
                                             {"l.weight.absmax", at::ones({1})},
                                             {"l.weight.quant_map", at::zeros({16})}});
    auto ckpt = Checkpoint::openFile(dir / "q.safetensors", "transformer");
    expectModelError([&] { model::Linear::load(ckpt, "l"); },
                     {"'l.weight'", "quant_state", "missing"});
}

TEST_F(CheckpointTest, ModelFolderNamesTheMissingPart) {
    expectModelError([&] { ModelFolder::open(dir / "nothing"); }, {"does not exist"});
    expectModelError([&] { ModelFolder::open(dir); }, {"model_index.json is missing"});
    std::ofstream(dir / "model_index.json") << "{}";
    for (const char* part :
         {"transformer", "unconditional_transformer", "text_encoder", "tokenizer"}) {
        fs::create_directories(dir / part);
        std::ofstream(dir / part /
                      (std::string(part) == "tokenizer" ? "tokenizer.json" : "config.json"))
            << "{}";
    }
    expectModelError([&] { ModelFolder::open(dir); }, {"vae/ folder is missing"});
    fs::create_directories(dir / "vae");
    expectModelError([&] { ModelFolder::open(dir); }, {"vae/config.json is missing"});
}

}  // namespace
}  // namespace i4::io
