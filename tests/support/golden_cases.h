#pragma once

// Reading the golden pipeline cases and comparing against them, shared by the golden and gpu
// tests (the file layout is described in ../shared/golden/README.md).

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/pipeline/pipeline.h"

namespace i4::test {

// pipeline_<precision>.json: {"model_dir": ..., "cases": [...]}. Throws when it is missing.
nlohmann::json goldenPipeline(const std::string& precision);

// The request that reproduces a golden case (explicit steps, schedule, mu, std and seed; tiny
// size allowed). The case's guidance is in the reference's loop order; requests take step order.
pipeline::GenerationRequest goldenRequest(const nlohmann::json& goldenCase);

// Text token ids of each row of a packed sequence ([pad][text][image]), where indicator == 3.
// tokenIds, indicator: [B, L] int64.
std::vector<std::vector<int64_t>> textIdsOfPacked(const at::Tensor& tokenIds,
                                                  const at::Tensor& indicator);

// The `length` text columns of a packed reference [B, L, F] (left padding puts every row's text
// block end at the same column), as the text encoder lays out a batch: [B, length, F].
at::Tensor textBlockOfPacked(const at::Tensor& packed, const at::Tensor& indicator, int64_t length);

// A FloatTensor of a generation result as a CPU float32 tensor of its shape.
at::Tensor toTensor(const pipeline::FloatTensor& tensor);
// The images of a result, stacked: [N, H, W, 3] uint8.
at::Tensor toTensor(const std::vector<pipeline::RgbImage>& images);

// Two uint8 images of one shape: the largest difference and the share of identical values (the
// golden README's image check is maxAbs <= 2 and identical >= 0.99).
struct ImageDiff {
    int maxAbs = 0;
    double identical = 0;
};
ImageDiff compareImages(const at::Tensor& actual, const at::Tensor& expected);

}  // namespace i4::test
