#include "tests/support/golden_cases.h"

#include <ATen/ATen.h>

#include <fstream>
#include <stdexcept>

#include "core/sampling/schedule.h"
#include "tests/support/golden.h"

namespace i4::test {

namespace {
constexpr int64_t kTextIndicator = 3;
}

nlohmann::json goldenPipeline(const std::string& precision) {
    const auto path = goldenDir() / ("pipeline_" + precision + ".json");
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    return nlohmann::json::parse(in);
}

pipeline::GenerationRequest goldenRequest(const nlohmann::json& goldenCase) {
    pipeline::GenerationRequest request;
    request.prompts = goldenCase.at("prompts").get<std::vector<std::string>>();
    request.width = goldenCase.at("width").get<int>();
    request.height = goldenCase.at("height").get<int>();
    request.preset = "";
    request.steps = goldenCase.at("num_steps").get<int>();
    request.guidanceSchedule = sampling::guidanceToStepOrder(
        goldenCase.at("guidance_schedule_loop_order").get<std::vector<float>>());
    request.mu = goldenCase.at("mu").get<double>();
    request.std = goldenCase.at("std").get<double>();
    request.seed = goldenCase.at("seed").get<uint64_t>();
    request.uncheckedSize = true;
    return request;
}

std::vector<std::vector<int64_t>> textIdsOfPacked(const at::Tensor& tokenIds,
                                                  const at::Tensor& indicator) {
    const at::Tensor ids = tokenIds.to(at::kLong).contiguous();
    const at::Tensor isText = indicator.eq(kTextIndicator).contiguous();
    std::vector<std::vector<int64_t>> rows(static_cast<std::size_t>(ids.size(0)));
    for (int64_t b = 0; b < ids.size(0); ++b) {
        const at::Tensor row = ids[b].masked_select(isText[b]);
        rows[b].assign(row.data_ptr<int64_t>(), row.data_ptr<int64_t>() + row.numel());
    }
    return rows;
}

at::Tensor textBlockOfPacked(const at::Tensor& packed, const at::Tensor& indicator,
                             int64_t length) {
    const at::Tensor isText = indicator.eq(kTextIndicator).to(at::kLong);  // [B, L]
    // The last text column of row 0: cumsum reaches its maximum there first.
    const int64_t textEnd = isText[0].cumsum(0).argmax().item<int64_t>() + 1;
    if (textEnd < length) throw std::runtime_error("packed text block shorter than expected");
    return packed.narrow(1, textEnd - length, length);
}

at::Tensor toTensor(const pipeline::FloatTensor& tensor) {
    return at::tensor(tensor.values, at::kFloat).reshape(tensor.shape);
}

at::Tensor toTensor(const std::vector<pipeline::RgbImage>& images) {
    std::vector<at::Tensor> stacked;
    for (const auto& image : images) {
        stacked.push_back(at::from_blob(const_cast<uint8_t*>(image.pixels.data()),
                                        {image.height, image.width, 3}, at::kByte)
                              .clone());
    }
    return at::stack(stacked);
}

ImageDiff compareImages(const at::Tensor& actual, const at::Tensor& expected) {
    if (actual.sizes() != expected.sizes()) return {255, 0.0};
    const at::Tensor diff = (actual.to(at::kInt) - expected.to(at::kInt)).abs();
    return {diff.max().item<int>(), diff.eq(0).to(at::kDouble).mean().item<double>()};
}

}  // namespace i4::test
