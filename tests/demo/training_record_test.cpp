// The demo model folder's training record (Note [Demo training record]; label unit).

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include "tools/demo/training_record.h"

namespace i4::demo {
namespace {

using Json = nlohmann::ordered_json;

std::string errorOf(const Json& index) {
    try {
        trainedScenes(index);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

TEST(DemoTrainingRecord, AppendedStagesReadBackInOrder) {
    Json index{{"_class_name", "Ideogram4Pipeline"}, {"_i4studio", {{"demo", true}}}};
    EXPECT_TRUE(trainedScenes(index).empty());
    appendTrainedScenes(index, {6000, {3, 0.0}});
    appendTrainedScenes(index, {1500, {1, 0.25}});
    const std::vector<TrainedScenes> stages = trainedScenes(index);
    ASSERT_EQ(stages.size(), 2u);
    EXPECT_EQ(stages[0].count, 6000);
    EXPECT_EQ(stages[0].filter.maxElements, 3);
    EXPECT_EQ(stages[0].filter.positionsOnly, 0.0);
    EXPECT_EQ(stages[1].count, 1500);
    EXPECT_EQ(stages[1].filter.maxElements, 1);
    EXPECT_EQ(stages[1].filter.positionsOnly, 0.25);
    // What the app reads from model_index.json is untouched.
    EXPECT_EQ(index["_i4studio"]["demo"], true);
}

TEST(DemoTrainingRecord, MalformedRecordsNameTheField) {
    EXPECT_NE(
        errorOf(Json{{"_i4studio", {{"trained_scenes", 3}}}}).find("trained_scenes is not a list"),
        std::string::npos);
    const Json wrongType{
        {"_i4studio",
         {{"trained_scenes", {{{"scenes", "many"}, {"max_elements", 3}, {"positions_only", 0}}}}}}};
    EXPECT_NE(errorOf(wrongType).find("trained_scenes[0]"), std::string::npos);
    const Json outOfRange{{"_i4studio",
                           {{"trained_scenes",
                             {{{"scenes", 10}, {"max_elements", 3}, {"positions_only", 0}},
                              {{"scenes", 10}, {"max_elements", 4}, {"positions_only", 0}}}}}}};
    EXPECT_NE(errorOf(outOfRange).find("trained_scenes[1] is out of range"), std::string::npos);
}

TEST(DemoTrainingRecord, FileErrorsNameTheFile) {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("i4-record-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    try {
        readTrainedScenes(dir);
        ADD_FAILURE() << "a missing model_index.json was read";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("model_index.json"), std::string::npos) << e.what();
    }
    std::ofstream(dir / "model_index.json") << "{\"_i4studio\": {\"trained_scenes\": [";
    try {
        readTrainedScenes(dir);
        ADD_FAILURE() << "a truncated model_index.json was read";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find((dir / "model_index.json").string()),
                  std::string::npos)
            << e.what();
    }
    std::filesystem::remove_all(dir);
}

TEST(DemoTrainingRecord, TrainerRewriteAppendsAndKeepsTheRest) {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("i4-rewrite-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    // Keys deliberately out of alphabetical order: the rewrite must keep the file's order.
    Json index{{"_class_name", "Ideogram4Pipeline"},
               {"vae", {"diffusers", "AutoencoderKLFlux2"}},
               {"_i4studio", {{"demo", true}}},
               {"guidance_scale", 1.5}};
    appendTrainedScenes(index, {20000, {3, 0.1}});
    const std::string before = index.dump(2) + "\n";
    std::ofstream(dir / "model_index.json") << before;

    Json rewritten = modelIndexWithStage(dir, {24000, {2, 0.25}});
    const std::vector<TrainedScenes> stages = trainedScenes(rewritten);
    ASSERT_EQ(stages.size(), 2u);
    EXPECT_EQ(stages[0].count, 20000);
    EXPECT_EQ(stages[1].count, 24000);
    EXPECT_EQ(stages[1].filter.maxElements, 2);
    EXPECT_EQ(stages[1].filter.positionsOnly, 0.25);
    // Without the new entry the text is the old file byte for byte: nothing else moved.
    rewritten["_i4studio"]["trained_scenes"].erase(1);
    EXPECT_EQ(rewritten.dump(2) + "\n", before);
    // Only the trainer writes: the file on disk is still the old one.
    std::ifstream in(dir / "model_index.json");
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), before);

    std::ofstream(dir / "model_index.json") << "{\"_i4studio\": {\"trained_scenes\": 7}}";
    try {
        modelIndexWithStage(dir, {1, {1, 0.0}});
        ADD_FAILURE() << "a malformed record was extended";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("trained_scenes is not a list"), std::string::npos)
            << e.what();
    }
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace i4::demo
