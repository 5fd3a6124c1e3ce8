#include "tools/demo/training_record.h"

#include <fstream>
#include <stdexcept>
#include <string>

namespace i4::demo {
namespace {

constexpr const char* kOwnKey = "_i4studio";
constexpr const char* kRecordKey = "trained_scenes";

[[noreturn]] void malformed(size_t index, const std::string& why) {
    throw std::runtime_error(std::string(kOwnKey) + "." + kRecordKey + "[" + std::to_string(index) +
                             "] " + why);
}

}  // namespace

std::vector<TrainedScenes> trainedScenes(const nlohmann::ordered_json& modelIndex) {
    std::vector<TrainedScenes> out;
    if (!modelIndex.contains(kOwnKey) || !modelIndex[kOwnKey].contains(kRecordKey)) return out;
    const auto& record = modelIndex[kOwnKey][kRecordKey];
    if (!record.is_array()) {
        throw std::runtime_error(std::string(kOwnKey) + "." + kRecordKey + " is not a list");
    }
    for (size_t i = 0; i < record.size(); ++i) {
        const auto& entry = record[i];
        if (!entry.is_object() || !entry.contains("scenes") ||
            !entry["scenes"].is_number_integer() || !entry.contains("max_elements") ||
            !entry["max_elements"].is_number_integer() || !entry.contains("positions_only") ||
            !entry["positions_only"].is_number()) {
            malformed(
                i, "needs integer \"scenes\" and \"max_elements\" and a number \"positions_only\"");
        }
        TrainedScenes stage;
        stage.count = entry["scenes"].get<int>();
        stage.filter.maxElements = entry["max_elements"].get<int>();
        stage.filter.positionsOnly = entry["positions_only"].get<double>();
        if (stage.count < 0 || stage.filter.maxElements < 1 || stage.filter.maxElements > 3 ||
            stage.filter.positionsOnly < 0 || stage.filter.positionsOnly > 1) {
            malformed(i, "is out of range (scenes >= 0, max_elements 1..3, positions_only 0..1)");
        }
        out.push_back(stage);
    }
    return out;
}

nlohmann::ordered_json readModelIndex(const std::filesystem::path& modelDir) {
    const std::filesystem::path path = modelDir / "model_index.json";
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    try {
        nlohmann::ordered_json index = nlohmann::ordered_json::parse(in);
        trainedScenes(index);
        return index;
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(path.string() + ": " + e.what());
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(path.string() + ": " + e.what());
    }
}

std::vector<TrainedScenes> readTrainedScenes(const std::filesystem::path& modelDir) {
    return trainedScenes(readModelIndex(modelDir));
}

void appendTrainedScenes(nlohmann::ordered_json& modelIndex, const TrainedScenes& stage) {
    modelIndex[kOwnKey][kRecordKey].push_back({{"scenes", stage.count},
                                               {"max_elements", stage.filter.maxElements},
                                               {"positions_only", stage.filter.positionsOnly}});
}

nlohmann::ordered_json modelIndexWithStage(const std::filesystem::path& modelDir,
                                           const TrainedScenes& stage) {
    nlohmann::ordered_json index = readModelIndex(modelDir);
    appendTrainedScenes(index, stage);
    return index;
}

}  // namespace i4::demo
