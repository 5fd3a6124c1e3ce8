#pragma once

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <vector>

namespace i4::sampling {

// Token kinds as the DiT's indicator input encodes them.
constexpr int64_t kIndicatorPadding = 0;
constexpr int64_t kIndicatorImage = 2;
constexpr int64_t kIndicatorText = 3;
constexpr int64_t kSegmentPadding = -1;
constexpr int64_t kSegmentContent = 1;
// Image tokens sit at T = 65536, far past any text position; H and W count from there.
constexpr int64_t kImagePositionBase = 65536;
// Pixels per latent token side (8x VAE downsampling, 2x2 patches).
constexpr int kPixelsPerToken = 16;

// Note [Sequence packing]
// The reference packs each sample as [padding][text tokens][image tokens], left-padding every
// prompt to the batch's longest (spec F.2):
//   padding: indicator 0, segment -1, position (0, 0, 0), token id 0
//   text:    indicator 3, segment 1,  position (i, i, i) with i from 0
//   image:   indicator 2, segment 1,  position (65536, 65536 + h, 65536 + w), row-major
// The conditional pass feeds zeros at the text slots of x and keeps the output at the image
// slots; the unconditional pass (a separate checkpoint) sees the image tokens alone with zero
// text features.
struct PackedBatch {
    int64_t textLength = 0;  // text slots per sample (the longest prompt); image tokens follow
    int64_t gridHeight = 0;
    int64_t gridWidth = 0;
    at::Tensor tokenIds;     // [B, L] int64: text ids, 0 at padding and image slots
    at::Tensor positionIds;  // [B, L, 3] int64 (T, H, W)
    at::Tensor segmentIds;   // [B, L] int64
    at::Tensor indicator;    // [B, L] int64

    int64_t batch() const { return indicator.defined() ? indicator.size(0) : 0; }
    int64_t imageTokens() const { return gridHeight * gridWidth; }
    int64_t length() const { return textLength + imageTokens(); }
};

// One entry of `tokenIds` per sample (the chat-framed prompt's ids). Throws InputError on an
// empty batch, an empty prompt or an empty grid.
PackedBatch packConditional(const std::vector<std::vector<int64_t>>& tokenIds, int64_t gridHeight,
                            int64_t gridWidth);
// The image-only sequence of the unconditional pass (textLength 0).
PackedBatch packUnconditional(int64_t batch, int64_t gridHeight, int64_t gridWidth);

}  // namespace i4::sampling
