#pragma once

#include <QString>
#include <memory>

#include "ui/engine/engine.h"

namespace i4::ui {

// Loads the model folder into a BundleEngine. Slow (reads every weight): call it on the worker
// thread. Throws ModelError with a message that names the problem.
std::unique_ptr<Engine> loadModelEngine(const QString& folder,
                                        const pipeline::LoadOptions& options);

// False while core/pipeline has no ModelBundle implementation linked into this build; the UI
// then explains that generation is unavailable instead of failing at link time.
bool engineAvailable();

}  // namespace i4::ui
