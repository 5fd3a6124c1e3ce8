#include "core/sampling/packing.h"

#include <ATen/ATen.h>

#include <algorithm>

#include "core/errors.h"

namespace i4::sampling {
namespace {

void checkGrid(int64_t gridHeight, int64_t gridWidth) {
    if (gridHeight < 1 || gridWidth < 1) {
        throw InputError("sequence packing: the latent grid " + std::to_string(gridHeight) + "x" +
                         std::to_string(gridWidth) + " is empty");
    }
}

// Fills the image part of sample `b`, starting at column `start`.
void fillImage(int64_t* pos, int64_t* seg, int64_t* ind, int64_t start, int64_t gridHeight,
               int64_t gridWidth) {
    int64_t j = start;
    for (int64_t h = 0; h < gridHeight; ++h) {
        for (int64_t w = 0; w < gridWidth; ++w, ++j) {
            pos[3 * j + 0] = kImagePositionBase;
            pos[3 * j + 1] = kImagePositionBase + h;
            pos[3 * j + 2] = kImagePositionBase + w;
            seg[j] = kSegmentContent;
            ind[j] = kIndicatorImage;
        }
    }
}

}  // namespace

PackedBatch packConditional(const std::vector<std::vector<int64_t>>& tokenIds, int64_t gridHeight,
                            int64_t gridWidth) {
    checkGrid(gridHeight, gridWidth);
    if (tokenIds.empty()) throw InputError("sequence packing: no prompts");
    PackedBatch p;
    p.gridHeight = gridHeight;
    p.gridWidth = gridWidth;
    for (size_t b = 0; b < tokenIds.size(); ++b) {
        if (tokenIds[b].empty()) {
            throw InputError("sequence packing: prompt " + std::to_string(b + 1) +
                             " has no tokens");
        }
        p.textLength = std::max<int64_t>(p.textLength, static_cast<int64_t>(tokenIds[b].size()));
    }
    const int64_t batch = static_cast<int64_t>(tokenIds.size());
    const int64_t len = p.length();
    p.tokenIds = at::zeros({batch, len}, at::kLong);
    p.positionIds = at::zeros({batch, len, 3}, at::kLong);
    p.segmentIds = at::full({batch, len}, kSegmentPadding, at::kLong);
    p.indicator = at::full({batch, len}, kIndicatorPadding, at::kLong);
    for (int64_t b = 0; b < batch; ++b) {
        const auto& ids = tokenIds[static_cast<size_t>(b)];
        int64_t* tok = p.tokenIds[b].data_ptr<int64_t>();
        int64_t* pos = p.positionIds[b].data_ptr<int64_t>();
        int64_t* seg = p.segmentIds[b].data_ptr<int64_t>();
        int64_t* ind = p.indicator[b].data_ptr<int64_t>();
        const int64_t pad = p.textLength - static_cast<int64_t>(ids.size());
        for (int64_t i = 0; i < static_cast<int64_t>(ids.size()); ++i) {
            const int64_t j = pad + i;
            tok[j] = ids[static_cast<size_t>(i)];
            pos[3 * j + 0] = pos[3 * j + 1] = pos[3 * j + 2] = i;
            seg[j] = kSegmentContent;
            ind[j] = kIndicatorText;
        }
        fillImage(pos, seg, ind, p.textLength, gridHeight, gridWidth);
    }
    return p;
}

PackedBatch packUnconditional(int64_t batch, int64_t gridHeight, int64_t gridWidth) {
    checkGrid(gridHeight, gridWidth);
    if (batch < 1) throw InputError("sequence packing: no samples");
    PackedBatch p;
    p.gridHeight = gridHeight;
    p.gridWidth = gridWidth;
    const int64_t len = p.length();
    p.tokenIds = at::zeros({batch, len}, at::kLong);
    p.positionIds = at::zeros({batch, len, 3}, at::kLong);
    p.segmentIds = at::empty({batch, len}, at::kLong);
    p.indicator = at::empty({batch, len}, at::kLong);
    for (int64_t b = 0; b < batch; ++b) {
        fillImage(p.positionIds[b].data_ptr<int64_t>(), p.segmentIds[b].data_ptr<int64_t>(),
                  p.indicator[b].data_ptr<int64_t>(), 0, gridHeight, gridWidth);
    }
    return p;
}

}  // namespace i4::sampling
