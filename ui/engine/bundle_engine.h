#pragma once

#include <memory>

#include "ui/engine/engine.h"

namespace i4::ui {

// Adapts a loaded pipeline::ModelBundle to the Engine interface.
class BundleEngine final : public Engine {
public:
    explicit BundleEngine(std::shared_ptr<pipeline::ModelBundle> bundle);

    pipeline::GenerationResult generate(const pipeline::GenerationRequest& request,
                                        const pipeline::GenerationCallbacks& callbacks) override;
    int countTokens(const std::string& prompt) const override;
    QString modelId() const override;
    pipeline::LoadReport loadReport() const override;

private:
    std::shared_ptr<pipeline::ModelBundle> m_bundle;
};

}  // namespace i4::ui
