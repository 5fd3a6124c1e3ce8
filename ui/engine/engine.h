#pragma once

// The seam between the UI and whatever produces images. The worker thread owns one Engine; the
// real one wraps core's ModelBundle (BundleEngine), tests use a fake that needs no model.

#include <QString>

#include "core/pipeline/pipeline.h"

namespace i4::ui {

class Engine {
public:
    virtual ~Engine() = default;

    // Runs on the worker thread only. Throws what ModelBundle::generate throws
    // (InputError, ModelError, CancelledError); the worker turns that into signals.
    virtual pipeline::GenerationResult generate(const pipeline::GenerationRequest& request,
                                                const pipeline::GenerationCallbacks& callbacks) = 0;

    // Token count of `prompt` after chat framing, for the counter under the caption. Must be safe
    // to call from any thread while generate() runs on the worker: typing goes on during a job.
    virtual int countTokens(const std::string& prompt) const = 0;

    // Identifies the loaded weights in the gallery ("model" filter) and in PNG metadata.
    virtual QString modelId() const = 0;

    // Where and how the weights were loaded (device, precision, memory mode, per-component
    // times). An engine that loads nothing (a test's fake) reports an empty one.
    virtual pipeline::LoadReport loadReport() const { return {}; }
};

}  // namespace i4::ui
