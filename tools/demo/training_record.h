#pragma once

// What the demo transformers were trained on, kept in the model folder itself.
//
// Note [Demo training record]
// Each `i4-demo-train dit` run appends the slice of the training scene stream it draws from
// (--scenes and the filter) to model_index.json, under "_i4studio" / "trained_scenes", before it
// trains. The held-out test reads the record of the folder it evaluates and leaves out every
// caption in it, so a checkpoint, a rerun of scripts/train-demo or the shipped model are each
// tested on captions they never saw, with no second copy of the recipe to keep in step.

#include <filesystem>
#include <vector>

#include <nlohmann/json.hpp>

#include "tools/demo/scene.h"

namespace i4::demo {

struct TrainedScenes {
    int count = 0;  // the first `count` scenes of the training stream that `filter` keeps
    SceneFilter filter;
};

// The record in `modelIndex` (model_index.json's contents); empty when it has none. Throws
// std::runtime_error naming the field when the record is malformed.
std::vector<TrainedScenes> trainedScenes(const nlohmann::ordered_json& modelIndex);
// `modelDir`/model_index.json, keys in file order (for rewriting it), its record checked.
// Throws std::runtime_error naming the file when it is missing or malformed, record included.
nlohmann::ordered_json readModelIndex(const std::filesystem::path& modelDir);
// The record of `modelDir`/model_index.json (errors as readModelIndex).
std::vector<TrainedScenes> readTrainedScenes(const std::filesystem::path& modelDir);
// Appends `stage` to `modelIndex`'s record.
void appendTrainedScenes(nlohmann::ordered_json& modelIndex, const TrainedScenes& stage);
// What the trainer writes back to `modelDir`/model_index.json before it trains: the file with
// `stage` appended to its record, keys in file order (errors as readModelIndex).
nlohmann::ordered_json modelIndexWithStage(const std::filesystem::path& modelDir,
                                           const TrainedScenes& stage);

}  // namespace i4::demo
