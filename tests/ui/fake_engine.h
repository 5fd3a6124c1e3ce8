#pragma once

#include <QString>
#include <chrono>

#include "ui/engine/engine.h"

namespace i4::ui::test {

// An Engine that needs no model: it "denoises" for `steps` steps, busy-working the CPU for
// `stepTime` each (so the worker thread is really occupied), reports progress and previews,
// honours cancellation between steps, and returns flat images whose colour encodes the seed.
class FakeEngine final : public Engine {
public:
    enum class Outcome { Succeed, Throw };

    int steps = 4;
    std::chrono::milliseconds stepTime{5};
    Outcome outcome = Outcome::Succeed;
    int throwAtStep = 2;

    pipeline::GenerationResult generate(const pipeline::GenerationRequest& request,
                                        const pipeline::GenerationCallbacks& callbacks) override;
    // One token per whitespace-separated word plus `framingTokens`, after `countTime` of
    // busy work, so a test can tell a counter that blocks the UI from one that does not.
    int countTokens(const std::string& prompt) const override;
    QString modelId() const override { return QStringLiteral("fake-model"); }
    pipeline::LoadReport loadReport() const override { return report; }

    pipeline::LoadReport report;  // what loadReport() returns (empty: "loaded nothing")
    int framingTokens = 5;
    std::chrono::milliseconds countTime{0};
};

}  // namespace i4::ui::test
