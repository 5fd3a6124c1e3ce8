#pragma once

#include <ATen/core/Tensor.h>

#include "core/sampling/packing.h"
#include "core/sampling/sampler.h"

namespace i4::model {
class Ideogram4Transformer;
}

namespace i4::sampling {

// The sampler's two passes bound to the loaded transformers (see Note [Sequence packing]). The
// returned functions keep a reference to `model`, which must outlive them.

// Conditional pass: x = [zeros at the text slots | z], the packed layout and the text features
// llmFeatures [B, L, llm_features_dim] (zero outside text); returns the image slots' velocity.
VelocityFn conditionalVelocity(const model::Ideogram4Transformer& model, const PackedBatch& packed,
                               const at::Tensor& llmFeatures);

// Unconditional pass: image tokens only (`packed` from packUnconditional), zero text features.
VelocityFn unconditionalVelocity(const model::Ideogram4Transformer& model,
                                 const PackedBatch& packed);

}  // namespace i4::sampling
