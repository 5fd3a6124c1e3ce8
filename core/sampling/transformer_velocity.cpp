#include "core/sampling/transformer_velocity.h"

#include <ATen/ATen.h>

#include <memory>

#include "core/errors.h"
#include "core/model/ideogram4_transformer.h"

namespace i4::sampling {
namespace {

void checkLatent(const at::Tensor& z, const PackedBatch& packed, int64_t channels) {
    if (z.dim() != 3 || z.size(0) != packed.batch() || z.size(1) != packed.imageTokens() ||
        z.size(2) != channels) {
        throw InputError("sampler: the latent does not match the packed batch (" +
                         std::to_string(packed.batch()) + " x " +
                         std::to_string(packed.imageTokens()) + " tokens x " +
                         std::to_string(channels) + ")");
    }
}

}  // namespace

VelocityFn conditionalVelocity(const model::Ideogram4Transformer& model, const PackedBatch& packed,
                               const at::Tensor& llmFeatures) {
    const auto& config = model.config();
    if (!llmFeatures.defined() || llmFeatures.dim() != 3 || llmFeatures.size(0) != packed.batch() ||
        llmFeatures.size(1) != packed.length() || llmFeatures.size(2) != config.llmFeaturesDim) {
        throw InputError("conditional pass: the text features must be [" +
                         std::to_string(packed.batch()) + ", " + std::to_string(packed.length()) +
                         ", " + std::to_string(config.llmFeaturesDim) + "]");
    }
    // The layout, the text projection and the RoPE tables are made once, not on every step.
    auto conditioning = std::make_shared<const model::Ideogram4Transformer::Conditioning>(
        model.prepare(llmFeatures, packed.positionIds, packed.segmentIds, packed.indicator));
    const auto* m = &model;
    const int64_t textLength = packed.textLength;
    return [m, packed, conditioning, textLength](const at::Tensor& z, float t) {
        const int64_t channels = m->config().inChannels;
        checkLatent(z, packed, channels);
        const int64_t batch = packed.batch();
        at::Tensor x = at::cat({at::zeros({batch, textLength, channels}, z.options()), z},
                               1);  // [B, L, C] f32
        at::Tensor v =
            m->forward(x, at::full({batch}, t, z.options().dtype(at::kFloat)), *conditioning);
        return v.narrow(1, textLength, packed.imageTokens());  // [B, N, C] f32
    };
}

VelocityFn unconditionalVelocity(const model::Ideogram4Transformer& model,
                                 const PackedBatch& packed) {
    if (packed.textLength != 0) {
        throw InputError("unconditional pass: the packed batch must hold image tokens only");
    }
    // No text tokens: the model skips the (all-zero) text features.
    auto conditioning = std::make_shared<const model::Ideogram4Transformer::Conditioning>(
        model.prepare(at::Tensor(), packed.positionIds, packed.segmentIds, packed.indicator));
    const auto* m = &model;
    return [m, packed, conditioning](const at::Tensor& z, float t) {
        checkLatent(z, packed, m->config().inChannels);
        return m->forward(z, at::full({packed.batch()}, t, z.options().dtype(at::kFloat)),
                          *conditioning);
    };
}

}  // namespace i4::sampling
